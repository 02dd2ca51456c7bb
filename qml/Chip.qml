import QtQuick

// A rounded tag in a tint: a status, a kind, a flag.
Rectangle {
    readonly property real unit: Units.unit
    property alias text: chipText.text
    property color tint: Theme.accent
    width: chipText.implicitWidth + 20 * unit
    height: chipText.implicitHeight + 8 * unit
    radius: height / 2
    color: Qt.rgba(tint.r, tint.g, tint.b, 0.18)
    border.color: tint
    border.width: Math.max(1, unit)
    Text {
        id: chipText
        anchors.centerIn: parent
        font.family: Theme.fontFamily
        font.pixelSize: Theme.minFontSize * parent.unit
        font.bold: true
        color: parent.tint
    }
}

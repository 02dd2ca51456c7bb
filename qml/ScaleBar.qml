import QtQuick

// A map scale: the longest round distance (1, 2 or 5 × 10^n m) that fits.
Item {
    id: scaleBar

    readonly property real unit: Units.unit
    property real metresPerPixel: 1
    readonly property real maxWidth: 200 * unit
    readonly property real metres: {
        const max = metresPerPixel * maxWidth
        const base = Math.pow(10, Math.floor(Math.log10(max)))
        return max >= 5 * base ? 5 * base : max >= 2 * base ? 2 * base : base
    }

    width: maxWidth
    height: 44 * unit

    Text {
        anchors { left: parent.left; bottom: bar.top; bottomMargin: 4 * scaleBar.unit }
        text: scaleBar.metres >= 1000 ? qsTr("%1 km").arg(scaleBar.metres / 1000) : qsTr("%1 m").arg(scaleBar.metres)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.minFontSize * scaleBar.unit
        color: Theme.text
        style: Text.Outline
        styleColor: Theme.background
    }
    Rectangle {
        id: bar
        anchors { left: parent.left; bottom: parent.bottom }
        width: scaleBar.metresPerPixel > 0 ? scaleBar.metres / scaleBar.metresPerPixel : 0
        height: 6 * scaleBar.unit
        color: Theme.text
        border.color: Theme.background
    }
}

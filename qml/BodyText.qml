import QtQuick

// Body text of the panels, wrapped to the panel's width.
Text {
    readonly property real unit: Units.unit
    width: parent ? parent.width : 0
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodyFontSize * unit
    color: Theme.text
    wrapMode: Text.Wrap
}

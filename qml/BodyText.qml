import QtQuick

// Body text of the panels, wrapped to the panel's width.
Text {
    property real unit: 1
    width: parent ? parent.width : 0
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodyFontSize * unit
    color: Theme.text
    wrapMode: Text.Wrap
}

import QtQuick

// Secondary text of the panels: smaller and dimmer.
BodyText {
    font.pixelSize: Theme.minFontSize * unit
    color: Theme.textDim
}

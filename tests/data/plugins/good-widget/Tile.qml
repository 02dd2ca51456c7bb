import QtQuick
import Gridwall

// A well-behaved widget: native type and colours, the wall's design unit.
Item {
    property var wall
    Text {
        objectName: "goodText"
        text: "OK"
        font.family: Theme.fontFamily
        font.pixelSize: Theme.titleFontSize * (wall ? wall.unit : 1)
        color: Theme.ok
    }
}

import QtQuick

// Region names over the map; positions and visibility come from the map's
// label model, which keeps them apart.
Item {
    property alias labels: repeater.model

    Repeater {
        id: repeater
        delegate: Text {
            required property string name
            required property real labelX
            required property real labelY
            required property real pixelSize
            required property int level
            required property bool shown

            text: name
            visible: shown
            x: labelX - width / 2
            y: labelY - height / 2
            font.family: Theme.fontFamily
            font.pixelSize: Math.max(1, pixelSize)
            font.bold: level === 0
            color: level === 0 ? Theme.text : "#d5dfeb"
            style: Text.Outline
            styleColor: "#e6050a14"
        }
    }
}

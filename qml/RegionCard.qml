import QtQuick

// Which region is under the pointer (or selected): its chain from the
// district down, with code, level and area.
Rectangle {
    id: card

    readonly property real unit: Units.unit
    property var path: []
    property bool pinned: false
    readonly property var leaf: path.length > 0 ? path[path.length - 1] : null

    function levelName(level) {
        switch (level) {
        case "district": return qsTr("District")
        case "street": return qsTr("Street / town")
        case "community": return qsTr("Community / village")
        case "grid": return qsTr("Grid")
        }
        return level
    }

    visible: leaf !== null
    width: 460 * unit
    height: column.implicitHeight + 2 * Theme.margin * unit
    radius: 8 * unit
    color: Theme.panel
    border.color: pinned ? Theme.accent : Theme.panelBorder
    border.width: Math.max(1, 2 * unit)

    Column {
        id: column
        anchors { fill: parent; margins: Theme.margin * card.unit }
        spacing: 6 * card.unit

        Text {
            width: parent.width
            text: card.leaf ? card.leaf.name : ""
            font.family: Theme.fontFamily
            font.pixelSize: 28 * card.unit
            font.bold: true
            color: Theme.text
            elide: Text.ElideRight
        }
        Text {
            text: card.leaf ? qsTr("%1 · code %2").arg(card.levelName(card.leaf.level)).arg(card.leaf.code) : ""
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * card.unit
            color: Theme.textDim
        }
        Text {
            text: card.leaf ? qsTr("Area %1 km²").arg(Number(card.leaf.areaKm2).toFixed(card.leaf.areaKm2 < 10 ? 2 : 0)) : ""
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * card.unit
            color: Theme.textDim
        }
        Text {
            width: parent.width
            visible: card.path.length > 1
            text: card.path.slice(0, card.path.length - 1).map(r => r.name).join("  ›  ")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.minFontSize * card.unit
            color: Theme.textDim
            wrapMode: Text.Wrap
        }
    }
}

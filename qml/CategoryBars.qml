pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// Open cases by category, most first (a RegionPanel's `categories`, read
// from the live roll-ups once a second): the category's name, a bar against
// the largest and the count, at most `shown` rows.
Column {
    id: bars

    readonly property real unit: Units.unit
    property RegionPanel regions
    property int shown: 6
    readonly property real rowHeight: 32 * unit

    spacing: 4 * unit

    Repeater {
        model: bars.regions ? bars.regions.categories : null
        delegate: Item {
            id: row
            required property int index
            required property string category
            required property int open
            required property real openShare // of the category with the most open cases
            objectName: "category-" + category
            visible: index < bars.shown
            width: bars.width
            height: visible ? bars.rowHeight : 0
            readonly property real nameWidth: Math.min(230 * bars.unit, width * 0.5)
            readonly property real countWidth: 70 * bars.unit
            Text {
                objectName: "name"
                width: row.nameWidth - 10 * bars.unit
                anchors.verticalCenter: parent.verticalCenter
                elide: Text.ElideRight
                text: Names.category(row.category)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * bars.unit
                color: Theme.text
            }
            Rectangle {
                x: row.nameWidth
                anchors.verticalCenter: parent.verticalCenter
                width: Math.max(2 * bars.unit, (row.width - row.nameWidth - row.countWidth) * row.openShare)
                height: 18 * bars.unit
                radius: 3 * bars.unit
                color: "#3b6fb0"
            }
            Text {
                objectName: "count"
                anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                width: row.countWidth
                horizontalAlignment: Text.AlignRight
                text: Number(row.open).toLocaleString(Qt.locale("en"), "f", 0)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * bars.unit
                font.bold: true
                color: Theme.text
            }
        }
    }
}

pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// Regions ranked by workload (a RegionPanel's children, most loaded first),
// each a bar of its open cases with the overdue part in red, the numbers
// beside it. A tap selects the region.
Column {
    id: bars

    readonly property real unit: Units.unit
    property RegionPanel regions
    property Selection selection
    property int shown: 6

    spacing: 6 * unit

    Repeater {
        model: bars.regions ? bars.regions.children : null
        delegate: Item {
            id: row
            required property int index
            required property string code
            required property string name
            required property int open
            required property int overdue
            required property real openShare // of the region with the most open cases
            objectName: "bar-" + code
            visible: index < bars.shown
            width: bars.width
            height: visible ? 40 * bars.unit : 0
            readonly property real barLeft: 150 * bars.unit
            readonly property real barRoom: width - barLeft - 150 * bars.unit
            Text {
                width: row.barLeft - 10 * bars.unit
                anchors.verticalCenter: parent.verticalCenter
                elide: Text.ElideRight
                text: row.name
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * bars.unit
                color: Theme.text
            }
            Rectangle {
                id: openBar
                x: row.barLeft
                anchors.verticalCenter: parent.verticalCenter
                width: Math.max(2 * bars.unit, row.barRoom * row.openShare)
                height: 22 * bars.unit
                radius: 3 * bars.unit
                color: "#3b6fb0"
                Rectangle {
                    width: row.open > 0 ? parent.width * row.overdue / row.open : 0
                    height: parent.height
                    radius: parent.radius
                    color: Theme.alarm
                }
            }
            Text {
                x: openBar.x + openBar.width + 10 * bars.unit
                anchors.verticalCenter: parent.verticalCenter
                text: row.overdue > 0 ? qsTr("%1 open · %2 overdue").arg(row.open).arg(row.overdue) : qsTr("%1 open").arg(row.open)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * bars.unit
                color: row.overdue > 0 ? Theme.alarm : Theme.textDim
            }
            TapHandler { onTapped: if (bars.selection) bars.selection.selectRegion(row.code, Selection.Tap) }
        }
    }
}

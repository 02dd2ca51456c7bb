pragma ComponentBehavior: Bound

import QtQuick
import Gridwall

// A drill-down section: for the region the operator is looking at, how many
// of its grid workers are on duty and its grids with the most overdue and
// open cases. Below the grid level it lists nothing (the grid is the region).
Column {
    id: section
    property var wall
    readonly property real u: wall ? wall.unit : 1
    property var grids: []
    spacing: 4 * u

    function refresh() {
        if (!wall)
            return
        // Ranked in the wall (plugin API 1.1): only three rows cross into the script.
        grids = wall.regions("grid", { under: wall.selection.code || "", by: ["overdue", "open"], top: 3 })
    }
    Connections { target: section.wall; function onRefreshed() { section.refresh() } }
    onWallChanged: refresh()

    Text {
        text: section.wall ? (section.wall.english ? "Grid workers on duty: %1 of %2" : "在岗网格员：%1 / %2")
                     .arg(section.wall.region.workersOnDuty || 0).arg(section.wall.region.workersTotal || 0) : ""
        font.family: Theme.fontFamily
        font.pixelSize: Theme.minFontSize * section.u
        color: Theme.text
    }
    Repeater {
        model: section.grids
        delegate: Text {
            required property var modelData
            width: section.width
            elide: Text.ElideRight
            text: modelData.name + "  " + (section.wall && section.wall.english ? "%1 open · %2 overdue" : "在办 %1 · 超期 %2").arg(modelData.open).arg(modelData.overdue)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.minFontSize * section.u
            color: modelData.overdue > 0 ? Theme.alarm : Theme.textDim
        }
    }
}

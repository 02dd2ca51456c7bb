pragma ComponentBehavior: Bound

import QtQuick
import Gridwall

// Emergency management and work safety: the safety sensors by high-risk
// sector (or by what they measure when no sector is published), worst first
// (in alarm, then warning), the safety-hazard cases still waiting for
// their rectification, and the rectification progress: of the hazards the
// wall knows, the share rectified (resolved or closed), as a bar.
Item {
    id: widget
    property var wall
    readonly property real u: wall ? wall.unit : 1
    property var sectors: []
    property int hazardsOpen: 0
    property int hazardsOverdue: 0
    property int hazardsKnown: 0
    property int hazardsRectified: 0

    function refresh() {
        if (!wall)
            return
        const bySector = {}
        for (const s of wall.entities("sensor")) {
            // Sensors published without a sector are grouped by what they measure.
            const key = s.sector ? Names.sector(s.sector) : Names.sensorKind(s.kind)
            const row = bySector[key] || (bySector[key] = { name: key, sensors: 0, warn: 0, alarm: 0 })
            row.sensors += 1
            if (s.level === 2) row.alarm += 1
            else if (s.level === 1) row.warn += 1
        }
        sectors = Object.values(bySector).sort((a, b) => b.alarm - a.alarm || b.warn - a.warn || b.sensors - a.sensors).slice(0, 4)
        // Counted in the wall (plugin API 1.1).
        hazardsOpen = wall.count("case", { category: "safety_hazard", inHand: true })
        hazardsOverdue = wall.count("case", { category: "safety_hazard", inHand: true, overdue: true })
        hazardsRectified = wall.count("case", { category: "safety_hazard", status: ["resolved", "closed"] })
        hazardsKnown = hazardsOpen + hazardsRectified
    }
    Connections { target: widget.wall; function onRefreshed() { widget.refresh() } }
    onWallChanged: refresh()

    Column {
        width: parent.width
        spacing: 6 * widget.u
        Text {
            width: parent.width
            wrapMode: Text.Wrap
            text: (widget.wall && widget.wall.english ? "Hazards awaiting rectification: " : "待整改隐患：") + widget.hazardsOpen
                  + (widget.hazardsOverdue > 0 ? (widget.wall && widget.wall.english ? ", overdue " : "，超期 ") + widget.hazardsOverdue : "")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * widget.u
            font.bold: true
            color: widget.hazardsOverdue > 0 ? Theme.alarm : Theme.text
        }
        // Rectification progress.
        Item {
            width: parent.width
            height: 22 * widget.u
            Rectangle {
                id: track
                width: parent.width * 0.6
                height: 10 * widget.u
                anchors.verticalCenter: parent.verticalCenter
                radius: height / 2
                color: Theme.panelBorder
                Rectangle {
                    width: widget.hazardsKnown > 0 ? parent.width * widget.hazardsRectified / widget.hazardsKnown : 0
                    height: parent.height
                    radius: parent.radius
                    color: Theme.ok
                }
            }
            Text {
                anchors { left: track.right; leftMargin: 8 * widget.u; verticalCenter: parent.verticalCenter }
                text: (widget.wall && widget.wall.english ? "rectified %1 / %2" : "已整改 %1 / %2").arg(widget.hazardsRectified).arg(widget.hazardsKnown)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * widget.u
                color: Theme.textDim
            }
        }
        Repeater {
            model: widget.sectors
            delegate: Row {
                id: sector
                required property var modelData
                spacing: 8 * widget.u
                Rectangle {
                    width: 12 * widget.u; height: width; radius: width / 2
                    anchors.verticalCenter: parent.verticalCenter
                    color: sector.modelData.alarm > 0 ? Theme.alarm : sector.modelData.warn > 0 ? Theme.accent : Theme.ok
                }
                Text {
                    width: widget.width * 0.38
                    elide: Text.ElideRight
                    text: sector.modelData.name
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * widget.u
                    color: Theme.text
                }
                Text {
                    width: widget.width * 0.62 - 20 * widget.u
                    elide: Text.ElideRight
                    text: (widget.wall && widget.wall.english ? "%1 sensors · %2 warn · %3 alarm" : "%1 个 · 预警 %2 · 报警 %3")
                          .arg(sector.modelData.sensors).arg(sector.modelData.warn).arg(sector.modelData.alarm)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * widget.u
                    color: Theme.textDim
                }
            }
        }
    }
}

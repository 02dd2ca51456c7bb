import QtQuick
import Gridwall

// The baseline of bench_plugins: the grid-management widget's tally written
// in the widget's JavaScript, as before it moved into the plugin's C++
// module (GridManagement.CaseFunnel). Same reads, same results.
Item {
    id: widget
    property var wall
    readonly property real u: wall ? wall.unit : 1
    readonly property var stages: ["reported", "accepted", "dispatched", "handling", "resolved"]
    property var counts: ({})
    property int inHand: 0
    property int overdue: 0
    property var worst: []

    function refresh() {
        if (!wall)
            return
        const c = {}
        let total = 0, late = 0
        for (const k of wall.entities("case")) {
            c[k.status] = (c[k.status] || 0) + 1
            if (["closed", "rejected", "resolved"].indexOf(k.status) < 0) {
                total += 1
                late += k.overdue ? 1 : 0
            }
        }
        counts = c
        inHand = total
        overdue = late
        worst = wall.regions("grid").filter(g => g.open > 0)
            .sort((a, b) => b.overdue - a.overdue || b.open - a.open).slice(0, 1)
    }
    Connections { target: widget.wall; function onRefreshed() { widget.refresh() } }
    onWallChanged: refresh()

    Column {
        width: parent.width
        spacing: 4 * widget.u
        Text {
            text: (wall && wall.english ? "Within deadline: " : "按时办理率：")
                  + (widget.inHand > 0 ? Math.round(100 * (widget.inHand - widget.overdue) / widget.inHand) + "%" : "–")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * widget.u
            font.bold: true
            color: widget.overdue > 0 ? Theme.accent : Theme.ok
        }
        Repeater {
            model: widget.stages
            delegate: Item {
                required property string modelData
                readonly property int n: widget.counts[modelData] || 0
                width: widget.width
                height: 20 * widget.u
                Rectangle {
                    height: parent.height - 4 * widget.u
                    width: Math.max(2 * widget.u, (parent.width * 0.55) * n / Math.max(1, widget.inHand))
                    x: parent.width * 0.4
                    color: "#3b528b"
                }
                Text {
                    text: Names.status(modelData)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * widget.u
                    color: Theme.textDim
                }
                Text {
                    x: parent.width * 0.4 + 6 * widget.u
                    text: n
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * widget.u
                    font.bold: true
                    color: Theme.text
                }
            }
        }
        Repeater {
            model: widget.worst
            delegate: Text {
                required property var modelData
                width: widget.width
                elide: Text.ElideRight
                text: modelData.name + "  " + (wall && wall.english ? "%1 open · %2 overdue" : "在办 %1 · 超期 %2").arg(modelData.open).arg(modelData.overdue)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * widget.u
                color: modelData.overdue > 0 ? Theme.alarm : Theme.text
            }
        }
    }
}

pragma ComponentBehavior: Bound

import QtQuick
import Gridwall
import GridManagement

// Grid management: where the cases in hand stand in their lifecycle (a bar
// per stage), the share within their deadline, and the most stretched grid
// (open cases per grid worker on duty; the region panel's section lists the
// busiest grids). The tally runs in the plugin's C++ module (CaseFunnel,
// native/): no case's or grid's row passes through JavaScript.
Item {
    id: widget
    property var wall
    readonly property real u: wall ? wall.unit : 1
    readonly property var stages: ["reported", "accepted", "dispatched", "handling", "resolved"]
    readonly property var counts: funnel.byStatus
    readonly property int inHand: funnel.inHand
    readonly property int overdue: funnel.overdue
    readonly property var stretched: funnel.stretched

    CaseFunnel {
        id: funnel
        wall: widget.wall
        topCount: 1
    }

    Column {
        width: parent.width
        spacing: 3 * widget.u
        Text {
            text: (widget.wall && widget.wall.english ? "Within deadline: " : "按时办理率：")
                  + (widget.inHand > 0 ? Math.round(100 * (widget.inHand - widget.overdue) / widget.inHand) + "%" : "–")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * widget.u
            font.bold: true
            color: widget.overdue > 0 ? Theme.accent : Theme.ok
        }
        Repeater {
            model: widget.stages
            delegate: Item {
                id: stage
                required property string modelData
                readonly property int n: widget.counts[modelData] || 0
                width: widget.width
                height: 17 * widget.u
                Rectangle {
                    height: parent.height - 3 * widget.u
                    width: Math.max(2 * widget.u, (parent.width * 0.55) * stage.n / Math.max(1, widget.inHand))
                    x: parent.width * 0.4
                    color: "#3b528b"
                }
                Text {
                    text: Names.status(stage.modelData)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * widget.u
                    color: Theme.textDim
                }
                Text {
                    x: parent.width * 0.4 + 6 * widget.u
                    text: stage.n
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * widget.u
                    font.bold: true
                    color: Theme.text
                }
            }
        }
        Repeater {
            model: widget.stretched
            delegate: Text {
                required property var modelData
                width: widget.width
                elide: Text.ElideRight
                text: (widget.wall && widget.wall.english ? "Stretched: %1  %2 open / %3 on duty" : "最吃紧网格：%1  在办 %2 / 在岗 %3")
                      .arg(modelData.name).arg(modelData.open).arg(modelData.workersOnDuty)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * widget.u
                color: modelData.perWorker >= 3 ? Theme.alarm : Theme.text
            }
        }
    }
}

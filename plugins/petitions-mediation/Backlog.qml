pragma ComponentBehavior: Bound

import QtQuick
import Gridwall

// Petitions and mediation: the mediation network on duty (rooms and points
// reporting), the disputes and petitions in hand and past their deadline,
// and today's closures of them.
Item {
    id: widget
    property var wall
    readonly property real u: wall ? wall.unit : 1
    property var f: ({ rooms: 0, points: 0, disputes: 0, disputesOverdue: 0, petitions: 0, petitionsUrgent: 0, closed: 0 })

    function refresh() {
        if (!wall)
            return
        // Counted in the wall (plugin API 1.1).
        const disputes = ["dispute", "family"]
        f = {
            rooms: wall.count("poi", { kind: "mediation_room" }),
            points: wall.count("poi", { kind: "mediation_point" }),
            disputes: wall.count("case", { category: disputes, inHand: true }),
            disputesOverdue: wall.count("case", { category: disputes, inHand: true, overdue: true }),
            petitions: wall.count("case", { category: "petition", inHand: true }),
            petitionsUrgent: wall.count("case", { category: "petition", inHand: true, priority: 1 }),
            closed: wall.count("case", { category: ["dispute", "family", "petition"], status: "closed" })
        }
    }
    Connections { target: widget.wall; function onRefreshed() { widget.refresh() } }
    onWallChanged: refresh()

    component Line: Row {
        property string label
        property string value
        property color tint: Theme.text
        spacing: 10 * widget.u
        Text { width: widget.width * 0.58; text: parent.label; font.family: Theme.fontFamily; font.pixelSize: Theme.minFontSize * widget.u; color: Theme.textDim; elide: Text.ElideRight }
        Text { text: parent.value; font.family: Theme.fontFamily; font.pixelSize: Theme.bodyFontSize * widget.u; font.bold: true; color: parent.tint }
    }
    Column {
        spacing: 6 * widget.u
        Line {
            label: widget.wall && widget.wall.english ? "Mediation rooms · points" : "调解室 · 调解点"
            value: widget.f.rooms + " · " + widget.f.points
        }
        Line {
            label: widget.wall && widget.wall.english ? "Disputes in hand (overdue)" : "在办纠纷（超期）"
            value: widget.f.disputes + " (" + widget.f.disputesOverdue + ")"
            tint: widget.f.disputesOverdue > 0 ? Theme.alarm : Theme.text
        }
        Line {
            label: widget.wall && widget.wall.english ? "Petitions in hand (priority 1)" : "在办信访（一级）"
            value: widget.f.petitions + " (" + widget.f.petitionsUrgent + ")"
            tint: widget.f.petitionsUrgent > 0 ? Theme.accent : Theme.text
        }
        Line {
            label: widget.wall && widget.wall.english ? "Closed, last two days" : "近两日办结"
            value: String(widget.f.closed)
            tint: Theme.ok
        }
    }
}

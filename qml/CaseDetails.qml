pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// A case in the drill-down: category, deadline, who has it in hand, who and
// what is near, and its timeline from the history (asked when it is chosen
// and again when it has a new event).
Column {
    id: details

    readonly property real unit: Units.unit
    property var d: ({})
    property bool stale: false
    property string caseId
    property HistoryQueries history
    CaseTimeline { id: timelineQuestion; history: details.history; caseId: details.caseId }
    readonly property var timeline: timelineQuestion.rows
    // A new event of the case: ask the history again.
    readonly property real lastTs: d.ts || 0
    onLastTsChanged: timelineQuestion.refresh()

    width: parent ? parent.width : 0
    spacing: 12 * unit

    Column {
        width: details.width
        spacing: 6 * details.unit
        opacity: details.stale ? 0.6 : 1
        BodyText {
            text: qsTr("%1 · priority %2 · from %3").arg(Names.category(details.d.category)).arg(details.d.priority || "–").arg(Names.source(details.d.source))
        }
        BodyText {
            text: qsTr("Deadline %1").arg(Names.clock(details.d.deadline))
            color: details.d.sla === "overdue" ? Theme.alarm : Theme.text
        }
        BodyText {
            visible: !!(details.d.dept || details.d.assignee)
            text: qsTr("In hand: %1").arg([details.d.dept, details.d.assignee].filter(x => !!x).join(" · "))
        }
        DimText {
            visible: !!details.d.workersNear
            text: {
                const w = details.d.workersNear || [], c = details.d.cameras || [], r = details.d.rings || []
                let parts = []
                if (w.length > 0)
                    parts.push(qsTr("%1 workers on duty near, nearest %2 m").arg(details.d.workersNearCount).arg(Math.round(w[0].metres)))
                if (c.length > 0)
                    parts.push(qsTr("nearest camera %1 m (%2)").arg(Math.round(c[0].metres)).arg(c[0].online ? qsTr("online") : qsTr("offline")))
                parts.push(r.length > 0 ? qsTr("within the %1-minute ring of %2").arg(r[0].minutes).arg(r[0].site)
                                        : qsTr("outside every response ring"))
                return parts.join("; ")
            }
        }
    }
    Text {
        text: qsTr("Timeline")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFontSize * details.unit
        color: Theme.textDim
    }
    Repeater {
        objectName: "timeline"
        model: details.timeline
        delegate: Row {
            id: entry
            required property var modelData
            spacing: 12 * details.unit
            Rectangle {
                width: 12 * details.unit; height: width; radius: width / 2
                y: 6 * details.unit
                color: entry.modelData.status === "closed" || entry.modelData.status === "resolved" ? Theme.ok
                     : entry.modelData.status === "escalated" || entry.modelData.status === "returned" ? Theme.alarm : Theme.accent
            }
            Text {
                width: 150 * details.unit
                text: Names.clock(entry.modelData.ts)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * details.unit
                color: Theme.textDim
            }
            Text {
                width: details.width - 174 * details.unit - 24 * details.unit
                text: "<b>" + Names.status(entry.modelData.status) + "</b>"
                      + [entry.modelData.dept, entry.modelData.assignee, entry.modelData.note].filter(x => !!x).map(x => "  " + x).join("")
                textFormat: Text.StyledText
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * details.unit
                color: Theme.text
            }
        }
    }
    DimText {
        visible: details.timeline.length === 0
        text: details.history && details.history.available ? qsTr("No events recorded yet") : qsTr("No history kept on this wall")
    }
}

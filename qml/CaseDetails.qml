pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// A case in the drill-down: category, deadline, who has it in hand, who and
// what is near, and its timeline from the history (asked when it is chosen
// and again when it has a new event).
Column {
    id: details

    readonly property real unit: Units.unit
    property caseFacts facts
    property real lastMessage // epoch ms
    property bool stale: false
    property string caseId
    property HistoryQueries history
    CaseTimeline { id: timelineQuestion; history: details.history; caseId: details.caseId }
    // A new event of the case: ask the history again.
    onLastMessageChanged: timelineQuestion.refresh()

    width: parent ? parent.width : 0
    spacing: 12 * unit

    Column {
        width: details.width
        spacing: 6 * details.unit
        opacity: details.stale ? 0.6 : 1
        BodyText {
            text: qsTr("%1 · priority %2 · from %3").arg(Names.category(details.facts.category)).arg(details.facts.priority || "–").arg(Names.source(details.facts.source))
        }
        BodyText {
            text: qsTr("Deadline %1").arg(Names.clock(details.facts.deadline))
            color: details.facts.sla === "overdue" ? Theme.alarm : Theme.text
        }
        BodyText {
            visible: details.facts.dept !== "" || details.facts.assignee !== ""
            text: qsTr("In hand: %1").arg(details.facts.dept !== "" && details.facts.assignee !== ""
                                           ? details.facts.dept + " · " + details.facts.assignee : details.facts.dept + details.facts.assignee)
        }
        DimText {
            visible: details.facts.workersNear.length > 0 || details.facts.cameras.length > 0 || details.facts.rings.length > 0
            text: {
                const w = details.facts.workersNear, c = details.facts.cameras, r = details.facts.rings
                let parts = []
                if (w.length > 0)
                    parts.push(qsTr("%1 workers on duty near, nearest %2 m").arg(details.facts.workersNearCount).arg(Math.round(w[0].metres)))
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
        model: timelineQuestion.model
        delegate: Row {
            id: entry
            required property string status
            required property real ts
            required property string dept
            required property string assignee
            required property string note
            spacing: 12 * details.unit
            Rectangle {
                width: 12 * details.unit; height: width; radius: width / 2
                y: 6 * details.unit
                color: entry.status === "closed" || entry.status === "resolved" ? Theme.ok
                     : entry.status === "escalated" || entry.status === "returned" ? Theme.alarm : Theme.accent
            }
            Text {
                width: 150 * details.unit
                text: Names.clock(entry.ts)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * details.unit
                color: Theme.textDim
            }
            Text {
                width: details.width - 174 * details.unit - 24 * details.unit
                text: "<b>" + Names.status(entry.status) + "</b>"
                      + (entry.dept !== "" ? "  " + entry.dept : "") + (entry.assignee !== "" ? "  " + entry.assignee : "")
                      + (entry.note !== "" ? "  " + entry.note : "")
                textFormat: Text.StyledText
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * details.unit
                color: Theme.text
            }
        }
    }
    DimText {
        visible: timelineQuestion.model.count === 0
        text: details.history && details.history.available ? qsTr("No events recorded yet") : qsTr("No history kept on this wall")
    }
}

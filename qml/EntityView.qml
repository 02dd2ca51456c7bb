pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// The drill-down's last step: one case (CaseDetails: its timeline), camera
// (CameraDetails: its stream or latest snapshot and recent events), sensor
// (SensorDetails: its readings against the thresholds), worker or unit.
// Live details come from EntityPanel once a second; the history's answers
// through the questions each kind asks. Dims when the feed stops, and says
// so when the entity has left the live state.
Column {
    id: view

    readonly property real unit: Units.unit
    // Shown only while the panel has an entity (DrillDownPanel loads it then).
    required property EntityPanel entity
    property HistoryQueries history
    property bool stale: false
    // Back up to the region the operator came from.
    signal back()

    readonly property string kind: entity.kind
    readonly property caseFacts caseFacts: entity.caseFacts
    readonly property cameraFacts cameraFacts: entity.cameraFacts
    readonly property sensorFacts sensorFacts: entity.sensorFacts
    readonly property string pathText: Array.from(entity.path, p => p.name).join(" › ")

    spacing: 12 * unit

    // Back to the region, and what this is.
    Text {
        objectName: "entityBack"
        text: "‹  " + (view.entity.path.length > 0 ? view.entity.path[view.entity.path.length - 1].name : qsTr("Back"))
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFontSize * view.unit
        color: Theme.accent
        TapHandler { onTapped: view.back() }
    }
    Flow {
        width: view.width
        spacing: 8 * view.unit
        Chip { text: Names.entityKind(view.kind); tint: Theme.textDim }
        Chip {
            visible: view.kind === "case"
            text: view.caseFacts.sla === "overdue" ? qsTr("Overdue by %1").arg(Names.duration(view.caseFacts.slaMarginMs))
                : view.caseFacts.sla === "due_soon" ? qsTr("Due in %1").arg(Names.duration(view.caseFacts.slaMarginMs))
                : Names.status(view.caseFacts.status)
            tint: view.caseFacts.sla === "overdue" ? Theme.alarm : view.caseFacts.sla === "due_soon" ? Theme.accent : Theme.ok
        }
        Chip {
            visible: view.kind === "camera"
            text: view.cameraFacts.online ? qsTr("Online") : qsTr("Offline")
            tint: view.cameraFacts.online ? Theme.ok : Theme.offline
        }
        Chip {
            visible: view.kind === "sensor"
            text: view.sensorFacts.level === 2 ? qsTr("Alarm") : view.sensorFacts.level === 1 ? qsTr("Warning") : qsTr("Normal")
            tint: view.sensorFacts.level === 2 ? Theme.alarm : view.sensorFacts.level === 1 ? Theme.accent : Theme.ok
        }
        Chip { visible: view.kind === "case" && view.caseFacts.flagged; text: qsTr("Flagged"); tint: Theme.alarm }
    }
    BodyText {
        objectName: "entityTitle"
        text: view.kind === "case" ? (view.caseFacts.title || Names.category(view.caseFacts.category))
            : view.kind === "camera" ? (view.cameraFacts.name || view.entity.entityId)
            : view.kind === "sensor" ? Names.sensorKind(view.sensorFacts.sensorKind) + (view.sensorFacts.site ? " · " + view.sensorFacts.site : "")
            : view.kind === "worker" ? (view.entity.workerFacts.name || view.entity.entityId)
            : view.kind === "unit" ? Names.unitKind(view.entity.unitFacts.unitKind) + " · " + view.entity.entityId
            : ""
        font.pixelSize: Theme.titleFontSize * view.unit
        font.bold: true
        maximumLineCount: 2
        elide: Text.ElideRight
    }
    DimText { text: view.entity.entityId + (view.pathText ? "  ·  " + view.pathText : "") }
    BodyText {
        visible: !view.entity.live
        text: qsTr("No longer live: as last seen")
        color: Theme.accent
    }
    DimText {
        text: view.stale ? qsTr("Feed stopped: as of %1").arg(Names.clock(view.entity.lastMessage)) : qsTr("Last message %1").arg(Names.clock(view.entity.lastMessage))
        color: view.stale ? Theme.accent : Theme.textDim
    }

    // What the kind has of its own, each in its component.
    CaseDetails {
        visible: view.kind === "case"
        facts: view.caseFacts
        lastMessage: view.entity.lastMessage
        stale: view.stale
        history: view.history
        caseId: view.kind === "case" ? view.entity.entityId : ""
    }
    CameraDetails {
        visible: view.kind === "camera"
        facts: view.cameraFacts
        stale: view.stale
    }
    SensorDetails {
        visible: view.kind === "sensor"
        facts: view.sensorFacts
        stale: view.stale
        history: view.history
        sensorId: view.kind === "sensor" ? view.entity.entityId : ""
    }
    BodyText {
        visible: view.kind === "worker" || view.kind === "unit"
        text: view.kind === "unit" ? (view.entity.unitFacts.status || "–") : Names.status(view.entity.workerFacts.status)
    }
}

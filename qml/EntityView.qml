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
    property EntityPanel entity
    property HistoryQueries history
    property bool stale: false
    // Back up to the region the operator came from.
    signal back()

    readonly property var d: entity ? entity.details : ({})
    readonly property string kind: entity ? entity.kind : ""
    function pathText(path) {
        return (path || []).map(p => p.name).join(" › ")
    }

    spacing: 12 * unit

    // Back to the region, and what this is.
    Text {
        objectName: "entityBack"
        text: "‹  " + (view.d.path && view.d.path.length > 0 ? view.d.path[view.d.path.length - 1].name : qsTr("Back"))
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
            text: view.d.sla === "overdue" ? qsTr("Overdue by %1").arg(Names.duration(view.d.slaMarginMs))
                : view.d.sla === "due_soon" ? qsTr("Due in %1").arg(Names.duration(view.d.slaMarginMs))
                : Names.status(view.d.status)
            tint: view.d.sla === "overdue" ? Theme.alarm : view.d.sla === "due_soon" ? Theme.accent : Theme.ok
        }
        Chip {
            visible: view.kind === "camera"
            text: view.d.online ? qsTr("Online") : qsTr("Offline")
            tint: view.d.online ? Theme.ok : Theme.offline
        }
        Chip {
            visible: view.kind === "sensor"
            text: view.d.level === 2 ? qsTr("Alarm") : view.d.level === 1 ? qsTr("Warning") : qsTr("Normal")
            tint: view.d.level === 2 ? Theme.alarm : view.d.level === 1 ? Theme.accent : Theme.ok
        }
        Chip { visible: view.kind === "case" && view.d.flagged === true; text: qsTr("Flagged"); tint: Theme.alarm }
    }
    BodyText {
        objectName: "entityTitle"
        text: view.kind === "case" ? (view.d.title || Names.category(view.d.category))
            : view.kind === "camera" ? (view.d.name || view.d.id || "")
            : view.kind === "sensor" ? Names.sensorKind(view.d.sensorKind) + (view.d.site ? " · " + view.d.site : "")
            : view.kind === "worker" ? (view.d.name || view.d.id || "")
            : view.kind === "unit" ? Names.unitKind(view.d.unitKind) + " · " + (view.d.id || "")
            : ""
        font.pixelSize: Theme.titleFontSize * view.unit
        font.bold: true
        maximumLineCount: 2
        elide: Text.ElideRight
    }
    DimText { text: (view.d.id || "") + (view.pathText(view.d.path) ? "  ·  " + view.pathText(view.d.path) : "") }
    BodyText {
        visible: view.entity !== null && !view.entity.live
        text: qsTr("No longer live: as last seen")
        color: Theme.accent
    }
    DimText {
        text: view.stale ? qsTr("Feed stopped: as of %1").arg(Names.clock(view.d.ts)) : qsTr("Last message %1").arg(Names.clock(view.d.ts))
        color: view.stale ? Theme.accent : Theme.textDim
    }

    // What the kind has of its own, each in its component.
    CaseDetails {
        visible: view.kind === "case"
        d: view.d
        stale: view.stale
        history: view.history
        caseId: view.kind === "case" && view.entity ? view.entity.entityId : ""
    }
    CameraDetails {
        visible: view.kind === "camera"
        d: view.kind === "camera" ? view.d : ({})
        stale: view.stale
    }
    SensorDetails {
        visible: view.kind === "sensor"
        d: view.d
        stale: view.stale
        history: view.history
        sensorId: view.kind === "sensor" && view.entity ? view.entity.entityId : ""
    }
    BodyText {
        visible: view.kind === "worker" || view.kind === "unit"
        text: view.kind === "unit" ? (view.d.status || "–") : Names.status(view.d.status)
    }
}

import QtQuick
import Gridwall.Backend

// The drill-down's last step: one case (its timeline), camera (its stream or
// latest snapshot and recent events), sensor (its readings against the
// thresholds), worker or unit. Live details come from EntityPanel once a
// second; the history's answers through HistoryQueries. Dims when the feed
// stops, and says so when the entity has left the live state.
Column {
    id: view

    property real unit: 1
    property EntityPanel entity
    property HistoryQueries history
    property bool stale: false
    // Back up to the region the operator came from.
    signal back()

    readonly property var d: entity ? entity.details : ({})
    readonly property string kind: entity ? entity.kind : ""
    property var timeline: []
    property var readings: []
    property int timelineRequest: -1
    property int readingsRequest: -1

    function ask() {
        if (!history || !history.available || !entity || entity.entityId === "")
            return
        if (kind === "case")
            timelineRequest = history.caseTimeline(entity.entityId)
        else if (kind === "sensor")
            readingsRequest = history.sensorSeries(entity.entityId, 24)
    }
    function pathText(path) {
        return (path || []).map(p => p.name).join(" › ")
    }

    // A new event of the case, or the entity chosen: ask the history again.
    readonly property real lastTs: d.ts || 0
    onLastTsChanged: ask()
    Connections {
        target: view.entity
        function onSelectionChanged() { view.timeline = []; view.readings = []; view.ask() }
    }
    Connections {
        target: view.history
        function onAnswered(request, result) {
            if (request === view.timelineRequest)
                view.timeline = result || []
            else if (request === view.readingsRequest)
                view.readings = result || []
        }
    }
    Timer { interval: 30000; running: view.kind === "sensor"; repeat: true; onTriggered: view.ask() }

    spacing: 12 * unit

    component Label: Text {
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFontSize * view.unit
        color: Theme.text
        width: view.width
        wrapMode: Text.Wrap
    }
    component Dim: Label {
        font.pixelSize: Theme.minFontSize * view.unit
        color: Theme.textDim
    }
    component Chip: Rectangle {
        property alias text: chipText.text
        property color tint: Theme.accent
        width: chipText.implicitWidth + 20 * view.unit
        height: chipText.implicitHeight + 8 * view.unit
        radius: height / 2
        color: Qt.rgba(tint.r, tint.g, tint.b, 0.18)
        border.color: tint
        border.width: Math.max(1, view.unit)
        Text {
            id: chipText
            anchors.centerIn: parent
            font.family: Theme.fontFamily
            font.pixelSize: Theme.minFontSize * view.unit
            font.bold: true
            color: parent.tint
        }
    }

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
    Label {
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
    Dim { text: (view.d.id || "") + (view.pathText(view.d.path) ? "  ·  " + view.pathText(view.d.path) : "") }
    Label {
        visible: view.entity !== null && !view.entity.live
        text: qsTr("No longer live: as last seen")
        color: Theme.accent
    }
    Dim {
        text: view.stale ? qsTr("Feed stopped: as of %1").arg(Names.clock(view.d.ts)) : qsTr("Last message %1").arg(Names.clock(view.d.ts))
        color: view.stale ? Theme.accent : Theme.textDim
    }

    // ---- a case -------------------------------------------------------------
    Column {
        visible: view.kind === "case"
        width: view.width
        spacing: 6 * view.unit
        opacity: view.stale ? 0.6 : 1
        Label {
            text: qsTr("%1 · priority %2 · from %3").arg(Names.category(view.d.category)).arg(view.d.priority || "–").arg(Names.source(view.d.source))
        }
        Label {
            text: qsTr("Deadline %1").arg(Names.clock(view.d.deadline))
            color: view.d.sla === "overdue" ? Theme.alarm : Theme.text
        }
        Label {
            visible: !!(view.d.dept || view.d.assignee)
            text: qsTr("In hand: %1").arg([view.d.dept, view.d.assignee].filter(x => !!x).join(" · "))
        }
        Dim {
            visible: !!view.d.workersNear
            text: {
                const w = view.d.workersNear || [], c = view.d.cameras || [], r = view.d.rings || []
                let parts = []
                if (w.length > 0)
                    parts.push(qsTr("%1 workers on duty near, nearest %2 m").arg(view.d.workersNearCount).arg(Math.round(w[0].metres)))
                if (c.length > 0)
                    parts.push(qsTr("nearest camera %1 m (%2)").arg(Math.round(c[0].metres)).arg(c[0].online ? qsTr("online") : qsTr("offline")))
                parts.push(r.length > 0 ? qsTr("within the %1-minute ring of %2").arg(r[0].minutes).arg(r[0].site)
                                        : qsTr("outside every response ring"))
                return parts.join("; ")
            }
        }
    }
    Text {
        visible: view.kind === "case"
        text: qsTr("Timeline")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFontSize * view.unit
        color: Theme.textDim
    }
    Repeater {
        objectName: "timeline"
        model: view.kind === "case" ? view.timeline : []
        delegate: Row {
            required property var modelData
            required property int index
            spacing: 12 * view.unit
            Rectangle {
                width: 12 * view.unit; height: width; radius: width / 2
                y: 6 * view.unit
                color: modelData.status === "closed" || modelData.status === "resolved" ? Theme.ok
                     : modelData.status === "escalated" || modelData.status === "returned" ? Theme.alarm : Theme.accent
            }
            Text {
                width: 150 * view.unit
                text: Names.clock(modelData.ts)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * view.unit
                color: Theme.textDim
            }
            Text {
                width: view.width - 174 * view.unit - 24 * view.unit
                text: "<b>" + Names.status(modelData.status) + "</b>"
                      + [modelData.dept, modelData.assignee, modelData.note].filter(x => !!x).map(x => "  " + x).join("")
                textFormat: Text.StyledText
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * view.unit
                color: Theme.text
            }
        }
    }
    Dim {
        visible: view.kind === "case" && view.timeline.length === 0
        text: view.history && view.history.available ? qsTr("No events recorded yet") : qsTr("No history kept on this wall")
    }

    // ---- a camera -------------------------------------------------------------
    // The live stream when its URL plays (Qt Multimedia), else the latest snapshot.
    Loader {
        id: stream
        active: view.kind === "camera" && view.d.online === true && !!view.d.stream
        width: view.width
        height: active && status === Loader.Ready && item.playing ? width * 9 / 16 : 0
        source: "CameraStream.qml"
        onLoaded: item.url = Qt.binding(() => view.d.stream || "")
    }
    Image {
        readonly property var latest: (view.d.events || []).find(e => !!e.snapshot)
        visible: view.kind === "camera" && stream.height === 0 && status === Image.Ready
        width: view.width
        height: visible ? width * 9 / 16 : 0
        fillMode: Image.PreserveAspectFit
        source: view.kind === "camera" && latest ? latest.snapshot : ""
        asynchronous: true
    }
    Dim {
        visible: view.kind === "camera"
        text: [view.d.cameraKind, view.d.stream ? qsTr("stream %1").arg(view.d.stream) : qsTr("no stream published")].filter(x => !!x).join(" · ")
        elide: Text.ElideMiddle
        wrapMode: Text.NoWrap
    }
    Text {
        visible: view.kind === "camera"
        text: (view.d.events || []).length > 0 ? qsTr("Recent events") : qsTr("No events since the wall started")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFontSize * view.unit
        color: Theme.textDim
    }
    Repeater {
        model: view.kind === "camera" ? (view.d.events || []) : []
        delegate: Label {
            required property var modelData
            text: Names.clock(modelData.ts) + "   " + Names.cameraEvent(modelData.type) + "  ·  " + qsTr("severity %1").arg(modelData.severity)
            color: modelData.severity >= 4 ? Theme.alarm : modelData.severity >= 3 ? Theme.accent : Theme.text
            font.pixelSize: Theme.minFontSize * view.unit
        }
    }

    // ---- a sensor ---------------------------------------------------------------
    Row {
        visible: view.kind === "sensor"
        spacing: 10 * view.unit
        Text {
            text: view.d.value === undefined ? "–" : Number(view.d.value).toFixed(2)
            font.family: Theme.fontFamily
            font.pixelSize: 48 * view.unit
            font.bold: true
            color: view.d.level === 2 ? Theme.alarm : view.d.level === 1 ? Theme.accent : Theme.text
        }
        Text {
            anchors.baseline: parent.children[0].baseline
            text: (view.d.unit || "") + "   " + qsTr("warn %1 · alarm %2").arg(view.d.warn).arg(view.d.alarm)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * view.unit
            color: Theme.textDim
        }
    }
    Dim {
        visible: view.kind === "sensor" && !!view.d.sector
        text: qsTr("Safety sector %1").arg(view.d.sector)
    }
    Text {
        visible: view.kind === "sensor"
        text: qsTr("Last 24 hours: range and mean per bucket")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFontSize * view.unit
        color: Theme.textDim
    }
    Canvas {
        id: readingsChart
        objectName: "readingsChart"
        visible: view.kind === "sensor"
        width: view.width
        height: 180 * view.unit
        property var points: view.readings
        property real warn: view.d.warn || 0
        property real alarm: view.d.alarm || 0
        onPointsChanged: requestPaint()
        onWarnChanged: requestPaint()
        onAlarmChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            const pts = points || []
            let lo = Math.min(warn, alarm), hi = Math.max(warn, alarm)
            for (const p of pts) {
                lo = Math.min(lo, p.min)
                hi = Math.max(hi, p.max)
            }
            const pad = (hi - lo) * 0.1 || 1
            lo -= pad
            hi += pad
            const y = v => height - (v - lo) / (hi - lo) * height
            const t0 = pts.length > 0 ? pts[0].start : 0
            const t1 = pts.length > 1 ? pts[pts.length - 1].start : t0 + 1
            const x = t => (t - t0) / Math.max(1, t1 - t0) * (width - 2) + 1
            // The thresholds: amber warning, red alarm.
            ctx.lineWidth = Math.max(1, 2 * view.unit)
            ctx.strokeStyle = "#ffc83d"
            ctx.beginPath(); ctx.moveTo(0, y(warn)); ctx.lineTo(width, y(warn)); ctx.stroke()
            ctx.strokeStyle = "#ff5a4f"
            ctx.beginPath(); ctx.moveTo(0, y(alarm)); ctx.lineTo(width, y(alarm)); ctx.stroke()
            // Each bucket's range as a bar, the means as a line.
            ctx.fillStyle = "rgba(46, 196, 182, 0.35)"
            const bar = Math.max(2, width / Math.max(24, pts.length) * 0.7)
            for (const p of pts)
                ctx.fillRect(x(p.start) - bar / 2, y(p.max), bar, Math.max(1, y(p.min) - y(p.max)))
            ctx.strokeStyle = "#2ec4b6"
            ctx.beginPath()
            pts.forEach((p, i) => i === 0 ? ctx.moveTo(x(p.start), y(p.mean)) : ctx.lineTo(x(p.start), y(p.mean)))
            ctx.stroke()
        }
    }

    // ---- a worker or a unit -------------------------------------------------------
    Label {
        visible: view.kind === "worker" || view.kind === "unit"
        text: view.kind === "unit" ? (view.d.status || "–") : Names.status(view.d.status)
    }
}

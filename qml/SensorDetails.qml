pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// A sensor in the drill-down: its reading against the thresholds and its
// last 24 hours from the history (range and mean per bucket).
Column {
    id: details

    readonly property real unit: Units.unit
    property sensorFacts facts
    property bool stale: false
    property string sensorId
    property HistoryQueries history
    SensorSeries { id: readingsQuestion; history: details.history; hours: 24; refreshSeconds: 30; sensorId: details.sensorId }
    readonly property var readings: readingsQuestion.rows

    width: parent ? parent.width : 0
    spacing: 12 * unit

    Row {
        spacing: 10 * details.unit
        Text {
            text: details.facts.hasReading ? Number(details.facts.value).toFixed(2) : "–"
            font.family: Theme.fontFamily
            font.pixelSize: 48 * details.unit
            font.bold: true
            color: details.facts.level === 2 ? Theme.alarm : details.facts.level === 1 ? Theme.accent : Theme.text
        }
        Text {
            anchors.baseline: parent.children[0].baseline
            text: details.facts.unit + "   " + qsTr("warn %1 · alarm %2").arg(details.facts.warn).arg(details.facts.alarm)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * details.unit
            color: Theme.textDim
        }
    }
    DimText {
        visible: details.facts.sector !== ""
        text: qsTr("Safety sector %1").arg(details.facts.sector)
    }
    Text {
        text: qsTr("Last 24 hours: range and mean per bucket")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFontSize * details.unit
        color: Theme.textDim
    }
    Canvas {
        id: readingsChart
        objectName: "readingsChart"
        width: details.width
        height: 180 * details.unit
        property var points: details.readings
        property real warn: details.facts.warn
        property real alarm: details.facts.alarm
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
            ctx.lineWidth = Math.max(1, 2 * details.unit)
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
}

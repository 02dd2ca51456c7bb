pragma ComponentBehavior: Bound

import QtQuick

// Cases reported (amber) against closed (green) per hour or per day, from a
// RegionSeries answer: a y axis in cases with a rounded top, time ticks
// under the bars, a key, and a sentence instead of an empty box when there
// is nothing to draw. Painted once per answer, never per message.
Item {
    id: trend

    readonly property real unit: Units.unit
    // RegionSeries rows: {start, reported, closed, ...}, oldest first.
    property var points: []
    property int slots: 24
    property real stepMs: 3600000
    // Whether the wall keeps a history (no history: nothing can be drawn, and it says so).
    property bool historyKept: true
    readonly property bool empty: {
        for (const p of points || [])
            if (p.reported > 0 || p.closed > 0)
                return false
        return true
    }
    readonly property real axisWidth: 48 * unit
    readonly property real axisHeight: 28 * unit
    // Slots between two time labels, as last drawn (tests: no two labels collide).
    property int labelEvery: 0
    readonly property real keyHeight: 26 * unit

    implicitHeight: 170 * unit

    // The key: what each colour counts.
    Row {
        id: key
        spacing: 16 * trend.unit
        Repeater {
            model: [{ label: qsTr("reported"), tint: "#ffc83d" }, { label: qsTr("closed"), tint: "#45d483" }]
            delegate: Row {
                id: keyEntry
                required property var modelData
                spacing: 6 * trend.unit
                Rectangle {
                    width: 12 * trend.unit; height: width
                    anchors.verticalCenter: parent.verticalCenter
                    color: keyEntry.modelData.tint
                }
                Text {
                    text: keyEntry.modelData.label
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * trend.unit
                    color: Theme.textDim
                }
            }
        }
        Text {
            text: trend.stepMs >= 86400000 ? qsTr("cases per day") : qsTr("cases per hour")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.minFontSize * trend.unit
            color: Theme.textDim
        }
    }

    Canvas {
        id: canvas
        objectName: "trendCanvas"
        anchors { left: parent.left; right: parent.right; top: key.bottom; bottom: parent.bottom; topMargin: 6 * trend.unit }
        visible: !trend.empty
        property var points: trend.points
        onPointsChanged: requestPaint()
        onWidthChanged: requestPaint()
        onHeightChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            const pts = points || []
            const step = trend.stepMs, n = trend.slots
            const end = pts.length > 0 ? pts[pts.length - 1].start + step : Date.now()
            const start = end - n * step
            let most = 1
            for (const p of pts)
                most = Math.max(most, p.reported, p.closed)
            // A round top: 1, 2 or 5 × 10^k at or above the largest bar.
            const base = Math.pow(10, Math.floor(Math.log10(most)))
            const top = most <= base ? base : most <= 2 * base ? 2 * base : most <= 5 * base ? 5 * base : 10 * base
            // Axis text at the smallest size legible from five metres, never smaller.
            const font = Math.round(Theme.minFontSize * trend.unit)
            // The top's label is centred on its line: half a line of room above it.
            const left = trend.axisWidth, bottom = height - trend.axisHeight
            const plotW = width - left, plotH = bottom - Math.ceil(font * 0.6)
            ctx.font = font + "px \"" + Theme.fontFamily + "\""
            ctx.fillStyle = "#8a9bb4"
            ctx.textBaseline = "middle"
            ctx.textAlign = "right"
            // Y axis: 0, half and the top, with faint grid lines.
            for (const v of [0, top / 2, top]) {
                const y = bottom - plotH * v / top
                ctx.fillText(String(v), left - 6 * trend.unit, y)
                ctx.fillStyle = "#2e3d55"
                ctx.fillRect(left, y, plotW, 1)
                ctx.fillStyle = "#8a9bb4"
            }
            ctx.textAlign = "center"
            ctx.textBaseline = "top"
            const slot = plotW / n
            const daily = step >= 86400000
            // Days are spans: each date stands under its bar, read at the bar's middle (a Shanghai
            // midnight is the day before in a zone west of it). Hours are moments: on the ticks.
            const label = i => {
                const t = new Date(start + i * step + (daily ? step / 2 : 0))
                return daily ? (t.getMonth() + 1) + "/" + t.getDate() : String(t.getHours()).padStart(2, "0") + ":00"
            }
            // A label every 1, 2, 5, 7 ... slots (hours: 1, 2, 3, 6, 12), the first whose labels keep
            // a label's width apart: none collides however narrow the chart or long the period.
            const room = ctx.measureText(daily ? "12/30" : "00:00").width * 1.6
            const every = (daily ? [1, 2, 5, 7, 10, 15] : [1, 2, 3, 6, 12]).find(k => k * slot >= room) || n
            trend.labelEvery = every
            const half = room / 3.2
            // Dates counted back from the newest day (today is always named); hours from the first tick.
            for (let k = 0; k <= n; k += every) {
                const i = daily ? n - 1 - k : k
                if (i < 0)
                    break
                const x = left + i * slot + (daily ? slot / 2 : 0)
                ctx.fillRect(x, bottom, 1, 4 * trend.unit)
                ctx.fillText(label(i), Math.max(half, Math.min(width - half, x)), bottom + 6 * trend.unit)
            }
            for (const p of pts) {
                const i = Math.floor((p.start - start) / step)
                if (i < 0 || i >= n)
                    continue
                const hr = plotH * p.reported / top, hc = plotH * p.closed / top
                ctx.fillStyle = "#ffc83d"
                ctx.fillRect(left + i * slot + slot * 0.1, bottom - hr, slot * 0.38, hr)
                ctx.fillStyle = "#45d483"
                ctx.fillRect(left + i * slot + slot * 0.52, bottom - hc, slot * 0.38, hc)
            }
        }
    }
    Text {
        objectName: "trendEmpty"
        anchors { left: parent.left; right: parent.right; verticalCenter: canvas.verticalCenter }
        visible: trend.empty
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: !trend.historyKept ? qsTr("No history kept on this wall")
            : trend.stepMs >= 86400000 ? qsTr("No cases reported or closed in these %1 days").arg(trend.slots)
            : qsTr("No cases reported or closed in these %1 hours").arg(trend.slots)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFontSize * trend.unit
        color: Theme.textDim
    }
}

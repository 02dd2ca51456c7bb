pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// The city at a glance, beside the map on walls wide enough for it: the
// week's cases reported and closed, today against the same weekday last
// week, and the districts ranked by workload. From the history every 30 s
// and the live roll-ups every second; dims when the feed stops.
Rectangle {
    id: analysis

    readonly property real unit: Units.unit
    property RegionPanel city
    property HistoryQueries history
    property Selection selection
    property bool stale: false
    // A short area (a 3x3 wall's top screen) shows the week's chart alone, filling it.
    readonly property bool roomy: height >= 560 * unit

    RegionSeries { id: weekQuestion; history: analysis.history; code: "city"; hours: 7 * 24; byDay: true; refreshSeconds: 30 }
    WeekComparison { id: comparison; history: analysis.history; code: "city"; refreshSeconds: 30 }
    // {today, lastWeek}: each {reported, closed, overdue, meanHandlingMs} (a plain map: its keys are the answer's).
    readonly property var week: comparison.answer
    readonly property var today: week.today
    readonly property var lastWeek: week.lastWeek

    color: Theme.panel
    border.color: Theme.panelBorder
    border.width: Math.max(1, 1.5 * unit)
    clip: true

    Column {
        id: column
        anchors { fill: parent; margins: Theme.margin * analysis.unit }
        spacing: 14 * analysis.unit
        opacity: analysis.stale ? 0.6 : 1

        Text {
            text: qsTr("Reported and closed, last 7 days")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * analysis.unit
            color: Theme.textDim
        }
        TrendChart {
            objectName: "weekTrend"
            width: column.width
            height: analysis.roomy ? Math.min(260 * analysis.unit, column.height * 0.3) : column.height - 40 * analysis.unit
            points: weekQuestion.rows
            slots: 7
            stepMs: 86400000
            historyKept: analysis.history !== null && analysis.history.available
        }

        Text {
            visible: analysis.roomy
            text: qsTr("Today so far, against the same weekday last week")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * analysis.unit
            color: Theme.textDim
        }
        Row {
            objectName: "weekComparison"
            visible: analysis.roomy
            spacing: 36 * analysis.unit
            Repeater {
                model: [{ key: "reported", label: qsTr("Reported") }, { key: "closed", label: qsTr("Closed") },
                        { key: "overdue", label: qsTr("Overdue") }]
                delegate: Column {
                    id: cell
                    required property var modelData
                    readonly property int now: analysis.today ? analysis.today[cell.modelData.key] || 0 : 0
                    readonly property int before: analysis.lastWeek ? analysis.lastWeek[cell.modelData.key] || 0 : 0
                    Text {
                        text: cell.modelData.label
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.minFontSize * analysis.unit
                        color: Theme.textDim
                    }
                    Text {
                        text: Number(cell.now).toLocaleString(Qt.locale("en"), "f", 0)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.titleFontSize * 1.4 * analysis.unit
                        font.bold: true
                        color: cell.modelData.key === "overdue" && cell.now > 0 ? Theme.alarm : Theme.text
                    }
                    Text {
                        // More overdue is worse; more closed is better; more reported is neither.
                        readonly property int delta: cell.now - cell.before
                        text: analysis.lastWeek ? (delta > 0 ? "▲ " : delta < 0 ? "▼ " : "= ") + qsTr("%1 last week").arg(cell.before) : "–"
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.minFontSize * analysis.unit
                        color: delta === 0 || cell.modelData.key === "reported" ? Theme.textDim
                             : (delta > 0) === (cell.modelData.key === "closed") ? Theme.ok : Theme.alarm
                    }
                }
            }
        }

        Text {
            visible: analysis.roomy
            text: qsTr("Districts by workload: open cases, overdue in red")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * analysis.unit
            color: Theme.textDim
        }
        DistrictBars {
            visible: analysis.roomy
            width: column.width
            regions: analysis.city
            selection: analysis.selection
        }
    }
}

pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// The city at a glance, beside the map on walls wide enough for it: cases
// reported and closed over 24 h, 7 d or 30 d (a toggle), the share closed
// within their deadline against the period before, the open cases by
// category, today against the same weekday last week, and the districts
// ranked by workload. From the history every 30 s and the live roll-ups
// every second; dims when the feed stops. What does not fit is left out,
// the chart last: a short area (a 3x3 wall's top screen) shows the chart
// alone, a 32:9 wall's adds the on-time rate and the categories, a 48:9
// wall's everything.
Rectangle {
    id: analysis

    readonly property real unit: Units.unit
    property RegionPanel city
    property HistoryQueries history
    property Selection selection
    property bool stale: false
    // The period shown, 1, 7 or 30 days: the wall's (configured, or what an operator last picked; it
    // outlives this column).
    readonly property int days: Wall.trendDays
    readonly property bool roomy: height >= 420 * unit
    readonly property bool tall: height >= 800 * unit
    // The period's short name, on the toggle and in comparisons.
    function periodName(days) {
        return days === 1 ? qsTr("24 h") : days === 7 ? qsTr("7 d") : qsTr("30 d")
    }

    RegionSeries {
        id: trendQuestion
        history: analysis.history
        code: "city"
        hours: analysis.days * 24
        byDay: analysis.days > 1
        refreshSeconds: 30
    }
    // Asked only where it is shown.
    OnTimeRate {
        id: onTime
        history: analysis.roomy ? analysis.history : null
        code: "city"
        hours: analysis.days * 24
        refreshSeconds: 30
    }
    WeekComparison { id: comparison; history: analysis.tall ? analysis.history : null; code: "city"; refreshSeconds: 30 }
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
        objectName: "analysisRows"
        anchors { fill: parent; margins: Theme.margin * analysis.unit }
        spacing: 12 * analysis.unit
        opacity: analysis.stale ? 0.6 : 1

        // What the chart counts, and the period: three touch-sized buttons.
        Item {
            id: heading
            width: column.width
            height: 48 * analysis.unit
            Text {
                anchors { left: parent.left; right: toggle.left; rightMargin: 12 * analysis.unit; verticalCenter: parent.verticalCenter }
                elide: Text.ElideRight
                text: qsTr("Reported and closed")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * analysis.unit
                color: Theme.textDim
            }
            Row {
                id: toggle
                objectName: "periodToggle"
                anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                spacing: 6 * analysis.unit
                Repeater {
                    model: [1, 7, 30]
                    delegate: Rectangle {
                        id: button
                        required property int modelData
                        readonly property bool chosen: analysis.days === modelData
                        objectName: "period-" + modelData
                        width: Math.max(76 * analysis.unit, label.implicitWidth + 24 * analysis.unit)
                        height: heading.height
                        radius: 6 * analysis.unit
                        color: chosen ? Theme.accent : "transparent"
                        border.color: chosen ? Theme.accent : Theme.panelBorder
                        border.width: Math.max(1, 1.5 * analysis.unit)
                        Text {
                            id: label
                            anchors.centerIn: parent
                            text: analysis.periodName(button.modelData)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.bodyFontSize * analysis.unit
                            font.bold: true
                            color: button.chosen ? Theme.background : Theme.text
                        }
                        // The wall keeps the choice until the next tap (a wall nobody touches keeps its own).
                        TapHandler { onTapped: Wall.trendDays = button.modelData }
                    }
                }
            }
        }

        TrendChart {
            objectName: "trend"
            width: column.width
            // What the rows below leave, never less than a readable chart.
            height: Math.max(150 * analysis.unit, column.height - heading.height - column.spacing
                             - (below.visible ? below.height + column.spacing : 0)
                             - (categories.visible ? categories.height + column.spacing : 0)
                             - (districts.visible ? districts.height + column.spacing : 0))
            points: trendQuestion.rows
            slots: analysis.days === 1 ? 24 : analysis.days
            stepMs: analysis.days === 1 ? 3600000 : 86400000
            historyKept: analysis.history !== null && analysis.history.available
        }

        // The on-time rate; beside it today against last week (tall), or the categories (32:9).
        Row {
            id: below
            visible: analysis.roomy
            width: column.width
            spacing: 24 * analysis.unit
            readonly property real half: (width - spacing) / 2

            Column {
                id: onTimeBlock
                objectName: "onTime"
                width: analysis.tall ? below.half : Math.min(300 * analysis.unit, below.half)
                spacing: 2 * analysis.unit
                readonly property bool known: onTime.current.closed > 0
                readonly property int percent: Math.round(onTime.current.rate * 100)
                readonly property int before: Math.round(onTime.previous.rate * 100)
                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    text: qsTr("Closed within deadline")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodyFontSize * analysis.unit
                    color: Theme.textDim
                }
                Text {
                    objectName: "onTimeRate"
                    text: onTimeBlock.known ? qsTr("%1%").arg(onTimeBlock.percent) : "–"
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.titleFontSize * 1.4 * analysis.unit
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    text: !onTimeBlock.known ? (analysis.history !== null && analysis.history.available
                                                ? qsTr("No case with a deadline closed in this period") : qsTr("No history kept on this wall"))
                        : qsTr("%n closed with a deadline", "", onTime.current.closed)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * analysis.unit
                    color: Theme.textDim
                }
                Text {
                    // Higher is better.
                    readonly property int delta: onTimeBlock.percent - onTimeBlock.before
                    visible: onTimeBlock.known
                    width: parent.width
                    wrapMode: Text.Wrap
                    text: onTime.previous.closed > 0
                          ? (delta > 0 ? "▲ " : delta < 0 ? "▼ " : "= ") + qsTr("%1 in the %2 before").arg(qsTr("%1%").arg(onTimeBlock.before))
                                                                                 .arg(analysis.periodName(analysis.days))
                          : qsTr("nothing closed in the %1 before").arg(analysis.periodName(analysis.days))
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * analysis.unit
                    color: onTime.previous.closed === 0 || delta === 0 ? Theme.textDim : delta > 0 ? Theme.ok : Theme.alarm
                }
            }

            // Today so far against the same weekday last week (tall), or the categories (32:9).
            Column {
                width: below.width - onTimeBlock.width - below.spacing
                spacing: 6 * analysis.unit
                Text {
                    width: parent.width
                    elide: Text.ElideRight
                    text: analysis.tall ? qsTr("Today so far, against the same weekday last week") : qsTr("Open cases by category")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodyFontSize * analysis.unit
                    color: Theme.textDim
                }
                Row {
                    objectName: "weekComparison"
                    visible: analysis.tall
                    spacing: 30 * analysis.unit
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
                CategoryBars {
                    objectName: "categoryBars"
                    visible: !analysis.tall
                    width: parent.width
                    regions: analysis.city
                    shown: 4
                }
                Text {
                    visible: !analysis.tall && (!analysis.city || analysis.city.categories.count === 0)
                    text: qsTr("No open cases")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * analysis.unit
                    color: Theme.textDim
                }
            }
        }

        // Tall: the categories get a list of their own.
        Column {
            id: categories
            visible: analysis.tall
            width: column.width
            spacing: 6 * analysis.unit
            Text {
                text: qsTr("Open cases by category")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * analysis.unit
                color: Theme.textDim
            }
            CategoryBars {
                objectName: "categoryBarsTall"
                width: parent.width
                regions: analysis.city
                shown: 6
            }
            Text {
                visible: !analysis.city || analysis.city.categories.count === 0
                text: qsTr("No open cases")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * analysis.unit
                color: Theme.textDim
            }
        }

        Column {
            id: districts
            visible: analysis.tall
            width: column.width
            spacing: 6 * analysis.unit
            Text {
                text: qsTr("Districts by workload: open cases, overdue in red")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * analysis.unit
                color: Theme.textDim
            }
            DistrictBars {
                width: parent.width
                regions: analysis.city
                selection: analysis.selection
            }
        }
    }
}

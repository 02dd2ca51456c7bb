pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// The drill-down panel: where the operator is (a breadcrumb back up), the
// region's live figures, its last 24 hours from the history, its children
// by workload (tap to go deeper) and its most overdue cases. Everything
// says how fresh it is, and dims when its feed has stopped.
Rectangle {
    id: panel

    readonly property real unit: Units.unit
    property RegionPanel region
    property EntityPanel entity
    // What the wall shows: a tap here selects a region or an entity (and the map flies there).
    property Selection selection
    property HistoryQueries history
    property FeedStatus feed
    // The department plugins, whose sections follow the region's own.
    property PluginHost plugins
    // The feed has stopped: figures are as of then (dimmed, and said so).
    property bool stale: false
    readonly property bool entityShown: entity !== null && entity.kind !== ""
    // A panel one short screen tall (a 3x3 wall's): the figures in tighter cells, so all nine show.
    readonly property bool compact: height < 420 * unit
    function goTo(code) { if (selection) selection.selectRegion(code, Selection.Tap) }

    // The region's live figures (a default, all naught, until there is a region panel).
    property figures f
    Binding on f { when: panel.region !== null; value: panel.region ? panel.region.figures : null }
    readonly property string historyCode: region && region.code !== "" ? region.code : "city"
    // The region's last 24 hours and its most overdue cases, from the history; asked again every 30 s.
    RegionSeries { id: trendQuestion; history: panel.history; code: panel.historyCode; hours: 24; refreshSeconds: 30 }
    OverdueCases { id: overdueQuestion; history: panel.history; code: panel.historyCode; limit: 5; refreshSeconds: 30 }
    readonly property var trend: trendQuestion.rows

    function ask() {
        trendQuestion.refresh()
        overdueQuestion.refresh()
    }
    // A live figure as shown ("–" where there is none to show), and its colour.
    function figure(key, f) {
        switch (key) {
        case "closureRate": return Math.round(100 * f.closureRate) + "%"
        case "workload": return f.workersOnDuty > 0 ? Number(f.workload).toFixed(1) : "–"
        case "workersOnDuty": return f.workersOnDuty + " / " + f.workersTotal
        case "cameras": return f.cameras > 0 ? Math.round(100 * f.camerasOnline / f.cameras) + "%" : "–"
        }
        return f[key] === undefined ? "–" : String(f[key])
    }
    function figureColor(key, f) {
        switch (key) {
        case "overdue": return f.overdue > 0 ? Theme.alarm : Theme.text
        case "dueSoon": return f.dueSoon > 0 ? Theme.accent : Theme.text
        case "closedToday": return Theme.ok
        case "cameras": return f.cameras > 0 && f.camerasOnline < f.cameras * 0.9 ? Theme.accent : Theme.text
        }
        return Theme.text
    }


    // A department's section in a region's view: its title (a tap folds or opens it; a section
    // may ask to start folded), then its plugin's items, loaded while it is open.
    component PluginSection: Column {
        id: pluginSection
        required property string plugin
        required property string pluginName
        required property string name
        required property url url
        required property string section
        required property bool collapsed
        property PluginHost host
        property bool open: !collapsed
        readonly property bool failed: host !== null && host.lastErrors[plugin] !== undefined
        objectName: "section-" + plugin + "-" + section
        visible: !failed && (!open || sectionView.status === PluginView.Ready)
        spacing: 6 * Units.unit
        Text {
            objectName: "sectionTitle"
            width: parent.width
            elide: Text.ElideRight
            text: (pluginSection.open ? "▾  " : "▸  ") + pluginSection.name + "  ·  " + pluginSection.pluginName
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * Units.unit
            color: Theme.textDim
            TapHandler { onTapped: pluginSection.open = !pluginSection.open }
        }
        PluginView {
            id: sectionView
            visible: pluginSection.open
            width: parent.width
            height: visible ? implicitHeight : 0
            host: pluginSection.host
            plugin: pluginSection.plugin
            source: pluginSection.open ? pluginSection.url : ""
        }
    }

    width: 520 * unit
    color: Theme.panel
    border.color: Theme.panelBorder
    border.width: Math.max(1, 1.5 * unit)

    clip: true

    // Long timelines and lists scroll (a swipe on a kiosk).
    Flickable {
        id: scroller
        anchors { fill: parent; margins: Theme.margin * panel.unit }
        contentHeight: panel.entityShown ? entityView.height : column.height
        boundsBehavior: Flickable.StopAtBounds
        interactive: contentHeight > height

        // Made while an entity is shown, gone with it (a Repeater of one: Qt 6.4's
        // Loader cannot make a component bound to this file).
        Column {
            id: entityView
            width: panel.width - 2 * Theme.margin * panel.unit
            Repeater {
                model: panel.entityShown ? 1 : 0
                delegate: EntityView {
                    objectName: "entityView"
                    width: entityView.width
                    entity: panel.entity
                    history: panel.history
                    stale: panel.stale
                    onBack: if (panel.selection) panel.selection.clearEntity(Selection.Tap)
                }
            }
        }

        Column {
            id: column
            objectName: "regionView"
            visible: !panel.entityShown
            width: panel.width - 2 * Theme.margin * panel.unit
            spacing: (panel.compact ? 8 : 14) * panel.unit

            // Breadcrumb: the city, then each level down to the region; each one leads back up.
            Flow {
                width: parent.width
                spacing: 6 * panel.unit
                Text {
                    objectName: "crumb-0"
                    text: qsTr("Panjin")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodyFontSize * panel.unit
                    color: panel.region && panel.region.path.length > 0 ? Theme.accent : Theme.text
                    TapHandler { onTapped: panel.goTo("") }
                }
                Repeater {
                    model: panel.region ? panel.region.path : []
                    delegate: Text {
                        id: crumb
                        required property regionRef modelData
                        required property int index
                        objectName: "crumb-" + (index + 1)
                        text: "›  " + crumb.modelData.name
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.bodyFontSize * panel.unit
                        color: panel.region && index === panel.region.path.length - 1 ? Theme.text : Theme.accent
                        TapHandler { onTapped: panel.goTo(crumb.modelData.code) }
                    }
                }
            }

            Row {
                spacing: 14 * panel.unit
                Text {
                    text: panel.f.level === "city" || panel.f.level === "" ? qsTr("Whole city") : panel.f.name
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.titleFontSize * panel.unit
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    anchors.baseline: parent.children[0].baseline
                    visible: panel.f.level !== "city" && panel.f.level !== "" // the title says it already
                    text: Names.level(panel.f.level)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodyFontSize * panel.unit
                    color: Theme.textDim
                }
            }

            // Live figures: big numbers, urgent ones in colour.
            Grid {
                id: kpis
                objectName: "kpis"
                columns: 3
                columnSpacing: 10 * panel.unit
                rowSpacing: 10 * panel.unit
                opacity: panel.stale ? 0.5 : 1
                readonly property real cell: (column.width - 2 * columnSpacing) / 3
                Repeater {
                    // The cells stay; their figures follow panel.f (no rebuild each second).
                    model: [
                        { key: "open", label: qsTr("Open cases") },
                        { key: "overdue", label: qsTr("Overdue") },
                        { key: "dueSoon", label: qsTr("Due soon") },
                        { key: "newToday", label: qsTr("New today") },
                        { key: "closedToday", label: qsTr("Closed today") },
                        { key: "closureRate", label: qsTr("Closure rate") },
                        { key: "workload", label: qsTr("Workload") },
                        { key: "workersOnDuty", label: qsTr("Workers on duty") },
                        { key: "cameras", label: qsTr("Cameras online") }
                    ]
                    delegate: Rectangle {
                        id: kpi
                        required property var modelData
                        width: kpis.cell
                        height: (panel.compact ? 64 : 84) * panel.unit
                        radius: 6 * panel.unit
                        color: "#0d1524"
                        Text {
                            x: 12 * panel.unit; y: (panel.compact ? 4 : 8) * panel.unit
                            text: kpi.modelData.label
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.minFontSize * panel.unit
                            color: Theme.textDim
                        }
                        Text {
                            x: 12 * panel.unit; y: (panel.compact ? 24 : 32) * panel.unit
                            width: parent.width - 24 * panel.unit
                            height: (panel.compact ? 36 : 44) * panel.unit
                            objectName: "kpi-" + kpi.modelData.key
                            text: panel.figure(kpi.modelData.key, panel.f)
                            font.family: Theme.fontFamily
                            font.pixelSize: (panel.compact ? 30 : 34) * panel.unit
                            // Long figures shrink to the cell, never below the legible minimum.
                            fontSizeMode: Text.HorizontalFit
                            minimumPixelSize: Theme.bodyFontSize * panel.unit
                            font.bold: true
                            color: panel.figureColor(kpi.modelData.key, panel.f)
                        }
                    }
                }
            }
            // The region's active alarms (its cases', cameras' and sensors'); the ticker lists them.
            Text {
                objectName: "regionAlarms"
                width: parent.width
                opacity: panel.stale ? 0.5 : 1
                text: panel.f.alarms === 0 ? qsTr("No active alarms here")
                    : panel.f.alarmsCritical > 0 ? qsTr("%1 active alarms here, %2 critical").arg(panel.f.alarms).arg(panel.f.alarmsCritical)
                    : qsTr("%1 active alarms here").arg(panel.f.alarms)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * panel.unit
                font.bold: panel.f.alarms > 0
                color: panel.f.alarmsCritical > 0 ? Theme.alarm : panel.f.alarms > 0 ? Theme.accent : Theme.textDim
            }
            Text {
                width: parent.width
                objectName: "freshness"
                visible: panel.feed !== null && panel.feed.configured
                text: panel.stale && panel.feed ? qsTr("Feed stopped: figures as of %1 s ago").arg(Math.max(0, panel.feed.secondsSinceLastMessage))
                                  : qsTr("Live")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * panel.unit
                color: panel.stale ? Theme.accent : Theme.ok
            }

            // The sections that asked to sit right under the figures.
            Repeater {
                objectName: "sectionsUnderFigures"
                model: panel.plugins ? panel.plugins.sectionsUnderFigures : null
                delegate: PluginSection { host: panel.plugins; width: column.width }
            }

            // The last 24 hours by hour: reported (amber) against closed (green).
            Text {
                text: qsTr("Last 24 hours: reported and closed")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * panel.unit
                color: Theme.textDim
            }
            TrendChart {
                objectName: "regionTrend"
                width: parent.width
                height: 170 * panel.unit
                points: panel.trend
                historyKept: panel.history !== null && panel.history.available
            }

            // Children by workload: where to look next.
            Text {
                visible: !!panel.region && panel.region.children.count > 0
                text: qsTr("By workload")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * panel.unit
                color: Theme.textDim
            }
            Repeater {
                model: panel.region ? panel.region.children : []
                delegate: Item {
                    id: child
                    required property int index
                    required property string code
                    required property string name
                    required property real workload
                    required property int open
                    required property int overdue
                    required property int workersOnDuty
                    required property real workloadShare // of the most loaded sibling
                    objectName: "child-" + code
                    // The six most loaded: where to look next.
                    visible: index < 6
                    width: column.width
                    height: visible ? 34 * panel.unit : 0
                    Rectangle {
                        // No workers on duty reported: no workload to draw (as on the map).
                        width: child.workersOnDuty > 0 ? parent.width * child.workloadShare : 0
                        height: parent.height - 6 * panel.unit
                        radius: 3 * panel.unit
                        color: "#3b528b"
                        opacity: 0.55
                    }
                    Text {
                        x: 8 * panel.unit
                        anchors.verticalCenter: parent.verticalCenter
                        width: parent.width * 0.55
                        elide: Text.ElideRight
                        text: child.name
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.bodyFontSize * panel.unit
                        color: Theme.text
                    }
                    Text {
                        anchors { right: parent.right; rightMargin: 8 * panel.unit; verticalCenter: parent.verticalCenter }
                        text: qsTr("%1 open · %2 overdue").arg(child.open).arg(child.overdue)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.minFontSize * panel.unit
                        color: child.overdue > 0 ? Theme.alarm : Theme.textDim
                    }
                    TapHandler { onTapped: panel.goTo(child.code) }
                }
            }

            // The most overdue cases in hand (from the history's records).
            Text {
                visible: overdueQuestion.model.count > 0
                text: qsTr("Most overdue")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * panel.unit
                color: Theme.textDim
            }
            Repeater {
                model: overdueQuestion.model
                delegate: Item {
                    id: overdueCase
                    required property string caseId
                    required property string title
                    required property string category
                    required property real overdueMs
                    objectName: "overdue-" + overdueCase.caseId
                    width: column.width
                    height: 30 * panel.unit
                    TapHandler { onTapped: if (panel.selection) panel.selection.selectEntity(overdueCase.caseId, Selection.Tap) }
                    Text {
                        anchors.verticalCenter: parent.verticalCenter
                        width: parent.width * 0.66
                        elide: Text.ElideRight
                        text: overdueCase.title || overdueCase.category || overdueCase.caseId
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.minFontSize * panel.unit
                        color: Theme.text
                    }
                    Text {
                        anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                        text: qsTr("+%1").arg(Names.duration(overdueCase.overdueMs))
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.minFontSize * panel.unit
                        font.bold: true
                        color: Theme.alarm
                    }
                }
            }

            // Sections the department plugins add after the region's own content, each with its plugin's `wall`.
            Repeater {
                objectName: "sectionsAtEnd"
                model: panel.plugins ? panel.plugins.sectionsAtEnd : null
                delegate: PluginSection { host: panel.plugins; width: column.width }
            }
        }
    }
    // More below the panel's edge: a mark in the bottom margin, under the content (never over it).
    Text {
        objectName: "moreBelow"
        visible: scroller.contentY + scroller.height < scroller.contentHeight - 1
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: 1 * panel.unit }
        text: qsTr("▼ more below")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.minFontSize * panel.unit
        color: Theme.textDim
    }
}

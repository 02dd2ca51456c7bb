import QtQuick
import QtQuick.Window
import Gridwall.Backend

Window {
    id: root

    // Set by the application: the requested size, or invalid for full screen.
    property size windowSize
    // Set by the application: the live feed (never null once shown).
    property LiveFeed feed
    // Set by the application: the history's answers for the panels (off the GUI thread).
    property HistoryQueries history
    // Set by the application: the live map layers and their legend.
    property LiveLayers layers
    // Set by the application: the live figures of the region in the drill-down panel.
    property var regionPanel // RegionPanel
    // Set by the application: the whole city's live figures, for the header.
    property var cityFigures // RegionPanel
    // Set by the application: the one case, camera, sensor, worker or unit drilled down to.
    property var entityPanel // EntityPanel
    // Set by the application: the alarms in their priority lanes, and whether the critical chime sounds.
    property var alarms // AlarmTicker
    property bool alarmSound: true
    // The feed has stopped (down, or silent for 30 s): panels dim and say their figures are as of then.
    readonly property bool stale: feed !== null && feed.stale
    // Set by the application: the department plugins and their widgets.
    property var plugins // PluginHost
    // Set by the application: the plugins whose tiles the scene shown wants (undefined: all).
    property var scenePlugins
    property string entityGrid // the grid flown to for the entity: selecting it keeps the entity
    // Set by the application: a node of a multi-screen wall that shows the conductor's view (it does not fly by itself).
    property bool followsConductor: false

    // Set by the application: a wall of several screens (--wall, --node, --config; docs/wall.md).
    // The whole wall is one picture, bezels included; this window shows the part from cellOrigin
    // (a node draws one screen), or every screen's part, the bezels' strips left out.
    property int wallColumns: 1
    property int wallRows: 1
    property size cellSize
    property size bezel
    property size pictureSize // invalid: the picture is the window
    property point cellOrigin
    readonly property real pictureWidth: pictureSize.width > 0 ? pictureSize.width : width
    readonly property real pictureHeight: pictureSize.height > 0 ? pictureSize.height : height
    // One window over several screens with bezels: the picture is drawn once and each screen shows its part.
    property bool throughScreens: false
    // Design unit: one pixel of the 1920x1080 layout in the whole picture.
    readonly property real unit: Math.max(0.5, Math.min(pictureWidth / 1920, pictureHeight / 1080))
    // The department plugins' widgets, layers and sections are drawn at it.
    onUnitChanged: if (plugins) plugins.setDesignUnit(unit)
    onPluginsChanged: if (plugins) plugins.setDesignUnit(unit)

    width: windowSize.width > 0 ? windowSize.width : 1920
    height: windowSize.height > 0 ? windowSize.height : 1080
    visible: false
    color: Theme.background
    title: qsTr("Panjin Social Governance Command Center")

    // The screens of a window spanning a wall with bezels: each its part of the picture, drawn once.
    ShaderEffectSource {
        id: picture
        sourceItem: root.throughScreens ? stage : null
        hideSource: true
        width: 0
        height: 0
    }
    Repeater {
        model: root.throughScreens ? root.wallColumns * root.wallRows : 0
        delegate: ShaderEffect {
            required property int index
            readonly property int column: index % root.wallColumns
            readonly property int row: Math.floor(index / root.wallColumns)
            x: column * root.cellSize.width
            y: row * root.cellSize.height
            width: root.cellSize.width
            height: root.cellSize.height
            property var source: picture
            // The screen's part of the picture, in fractions of it.
            property rect part: Qt.rect(column * (root.cellSize.width + root.bezel.width) / root.pictureWidth,
                                        row * (root.cellSize.height + root.bezel.height) / root.pictureHeight,
                                        root.cellSize.width / root.pictureWidth, root.cellSize.height / root.pictureHeight)
            fragmentShader: "qrc:/gridwall/shaders/screenpart.frag.qsb"
        }
    }

    // The whole picture; the wall's layout is drawn for its size.
    Item {
        id: stage
        // Shown through the screens' parts, its items are not where they appear: no taps (docs/wall.md).
        enabled: !root.throughScreens
        x: -root.cellOrigin.x
        y: -root.cellOrigin.y
        width: root.pictureWidth
        height: root.pictureHeight

        GeoMap {
            id: map
            objectName: "map"
            clip: true // markers near the edge stay off the header and the panels
            anchors { left: parent.left; right: pluginDock.left; top: header.bottom; bottom: parent.bottom }
            designUnit: root.unit
            onSelectedCodeChanged: {
                if (root.regionPanel)
                    root.regionPanel.code = selectedCode
                // A region chosen: the panel shows it, not the last entity (unless it is the entity's own grid, flown to).
                if (root.entityPanel && selectedCode !== root.entityGrid)
                    root.entityPanel.clear()
            }
        }
        // An entity chosen (tapped on the map, in the ticker or with --view): fly to the grid it is in.
        Connections {
            target: root.entityPanel || null
            function onRefreshed() {
                const path = root.entityPanel.details.path
                const code = path && path.length > 0 ? path[path.length - 1].code : ""
                if (code !== "" && code !== root.entityGrid) {
                    root.entityGrid = code
                    if (!root.followsConductor)
                        map.flyTo(code)
                }
            }
            function onSelectionChanged() { if (root.entityPanel.kind === "") root.entityGrid = "" }
        }

        // Department plugins' widgets, between the map and the panel (no room taken without plugins).
        PluginDock {
            id: pluginDock
            anchors { right: drillDown.left; top: historyBand.visible ? historyBand.bottom : header.bottom; bottom: ticker.top }
            host: root.plugins || null
            only: root.scenePlugins
            unit: root.unit
        }

        DrillDownPanel {
            id: drillDown
            anchors { right: parent.right; top: historyBand.visible ? historyBand.bottom : header.bottom; bottom: parent.bottom }
            unit: root.unit
            region: root.regionPanel
            entity: root.entityPanel || null
            plugins: root.plugins || null
            history: root.history
            feed: root.feed
            stale: root.stale
            onGoTo: code => map.flyTo(code)
        }

        MapLabelLayer {
            anchors.fill: map
            labels: map.labels
        }

        PluginLayers {
            anchors.fill: map
            clip: true
            host: root.plugins || null
        }

        ClusterLayer {
            anchors.fill: map
            clip: true
            geoMap: map
            clusters: root.layers ? root.layers.clusters : null
            unit: root.unit
        }

        HeaderBar {
            id: header
            anchors { left: parent.left; right: parent.right; top: parent.top }
            unit: root.unit
            geography: map.geography
            feed: root.feed
            city: root.cityFigures
        }

        // Problems the operator must know of, never hidden: the history was corrupt and
        // started afresh, or it refuses writes (a full disk) and case events wait in memory.
        Rectangle {
            id: historyBand
            readonly property int unsaved: root.feed ? root.feed.historyUnsaved : 0
            visible: root.feed !== null && (root.feed.historyMovedAside !== "" || unsaved > 0)
            anchors { left: parent.left; right: parent.right; top: header.bottom }
            height: warningText.implicitHeight + 16 * root.unit
            color: Theme.alarm
            Text {
                id: warningText
                objectName: "historyWarning"
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.margin * root.unit }
                text: !root.feed ? ""
                    : parent.unsaved > 0 ? qsTr("History database refuses writes (disk full?): %1 case events held in memory, stored when it takes them again").arg(parent.unsaved)
                    : qsTr("History database was corrupt: moved to %1; a fresh one was started").arg(root.feed.historyMovedAside)
                elide: Text.ElideMiddle
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * root.unit
                font.bold: true
                color: "#ffffff"
            }
        }

        AlarmLanes {
            id: ticker
            objectName: "ticker"
            anchors { left: parent.left; right: drillDown.left; bottom: parent.bottom }
            unit: root.unit
            alarms: root.alarms || null
            stale: root.stale
            sound: root.alarmSound
            onShowEntity: id => root.entityPanel.show(id)
        }

        RegionCard {
            anchors { right: pluginDock.left; bottom: ticker.top; margins: Theme.margin * root.unit }
            unit: root.unit
            // What the pointer is over (the selection has the drill-down panel).
            path: map.hoveredPath
            pinned: false
        }

        MapLegend {
            // Below the history's warning band while it shows, never over it.
            anchors { left: parent.left; top: historyBand.visible ? historyBand.bottom : header.bottom; margins: Theme.margin * root.unit }
            unit: root.unit
            layers: root.layers
            stale: root.stale
            silentSeconds: root.feed ? Math.max(0, root.feed.secondsSinceLastMessage) : 0
        }

        ScaleBar {
            anchors { left: parent.left; bottom: ticker.top; margins: Theme.margin * root.unit }
            unit: root.unit
            metresPerPixel: map.groundMetresPerPixel
        }
    }
}

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Window
import Gridwall.Backend

Window {
    id: root

    // Set by the application: the requested size, or invalid for full screen.
    property size windowSize
    // Every part of the wall (feed, selection, panels, layers, plugins) is the `Wall` singleton's.
    // The feed has stopped (down, or silent for 30 s): panels dim and say their figures are as of then.
    readonly property bool stale: Wall.feed !== null && Wall.feed.stale

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
    // What goes where: the layout for the picture's shape (or the one --layout or --config names).
    readonly property PictureAreas areas: Wall.areas
    Binding { target: root.areas; property: "picture"; value: Qt.size(root.pictureWidth, root.pictureHeight) }
    // Design unit: one pixel of the layout's design size in the whole picture.
    readonly property real unit: Math.max(0.5, areas.unit)
    // Every component draws at it (Units.unit), and so do the department plugins' widgets, layers and sections.
    Binding { target: Units; property: "unit"; value: root.unit }
    onUnitChanged: if (Wall.plugins) Wall.plugins.setDesignUnit(unit)
    Connections {
        target: Wall
        function onPartsChanged() { if (Wall.plugins) Wall.plugins.setDesignUnit(root.unit) }
    }

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
            x: root.areas.map.x
            y: root.areas.map.y
            width: root.areas.map.width
            height: root.areas.map.height
            designUnit: root.unit
            // The city and the regions flown to are fitted beside the legend and above the scale bar.
            clearArea: Qt.rect(legend.x + legend.width + Theme.margin * root.unit - x, 0,
                               width - (legend.x + legend.width + Theme.margin * root.unit - x),
                               scaleBar.y - Theme.margin * root.unit - y)
            // What it rings and flies to is the selection's (Wall.selection), wired in C++.
        }

        // Department plugins' widgets, placed by their size in the layout's tile area.
        PluginDock {
            id: pluginDock
            objectName: "pluginDock"
            x: root.areas.tiles.x
            y: root.areas.tiles.y
            width: root.areas.tiles.width
            height: root.areas.tiles.height
            visible: width > 0 && height > 0
            host: Wall.plugins
            only: Wall.scenePlugins
        }

        DrillDownPanel {
            id: drillDown
            objectName: "drillDown"
            // With no tile to show, the panel takes the tile area right under it too.
            readonly property rect tiles: root.areas.tiles
            readonly property bool takesTiles: pluginDock.shownCount === 0 && tiles.x === root.areas.panel.x
                                               && tiles.width === root.areas.panel.width && Math.abs(tiles.y - root.areas.panel.bottom) < 1
            x: root.areas.panel.x
            y: root.areas.panel.y
            width: root.areas.panel.width
            height: takesTiles ? tiles.bottom - root.areas.panel.y : root.areas.panel.height
            region: Wall.regionPanel
            entity: Wall.entityPanel
            selection: Wall.selection
            plugins: Wall.plugins
            history: Wall.history
            feed: Wall.feed
            stale: root.stale
        }

        // The city at a glance beside the map, where the wall is wide enough for it.
        AnalysisColumn {
            objectName: "analysis"
            x: root.areas.charts.x
            y: root.areas.charts.y
            width: root.areas.charts.width
            height: root.areas.charts.height
            visible: width > 0 && height > 0
            city: Wall.cityFigures
            history: Wall.history
            selection: Wall.selection
            stale: root.stale
        }

        PluginLayers {
            anchors.fill: map
            clip: true
            host: Wall.plugins
        }

        ClusterLayer {
            anchors.fill: map
            clip: true
            geoMap: map
            clusters: Wall.layers ? Wall.layers.clusters : null
        }

        // District and street names over every layer and cluster: readable whatever is drawn.
        MapLabelLayer {
            anchors.fill: map
            labels: map.labels
        }

        HeaderBar {
            id: header
            objectName: "header"
            x: root.areas.header.x
            y: root.areas.header.y
            width: root.areas.header.width
            height: root.areas.header.height
            geography: map.geography
            feed: Wall.feed
            city: Wall.cityFigures
        }

        // Problems the operator must know of, never hidden: the history was corrupt and
        // started afresh, or it refuses writes (a full disk) and case events wait in memory.
        Rectangle {
            id: historyBand
            readonly property int unsaved: Wall.feed ? Wall.feed.historyUnsaved : 0
            visible: Wall.feed !== null && (Wall.feed.historyMovedAside !== "" || unsaved > 0)
            anchors { left: parent.left; right: parent.right }
            y: header.y + header.height
            height: warningText.implicitHeight + 16 * root.unit
            color: Theme.alarm
            Text {
                id: warningText
                objectName: "historyWarning"
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.margin * root.unit }
                text: !Wall.feed ? ""
                    : parent.unsaved > 0 ? qsTr("History database refuses writes (disk full?): %1 case events held in memory, stored when it takes them again").arg(parent.unsaved)
                    : qsTr("History database was corrupt: moved to %1; a fresh one was started").arg(Wall.feed.historyMovedAside)
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
            clip: true // more lanes than the area holds: the most severe, on top, stay
            x: root.areas.ticker.x
            y: root.areas.ticker.y
            width: root.areas.ticker.width
            height: root.areas.ticker.height
            alarms: Wall.alarms
            stale: root.stale
            sound: Wall.alarmSound
            onShowEntity: id => Wall.selection.selectEntity(id, Selection.Tap)
        }

        RegionCard {
            anchors { right: map.right; bottom: map.bottom; margins: Theme.margin * root.unit }
            // What the pointer is over (the selection has the drill-down panel).
            path: map.hoveredPath
            pinned: false
        }

        MapLegend {
            id: legend
            objectName: "legend"
            // In the map's corner, below the history's warning band while it shows, never over it.
            x: map.x + Theme.margin * root.unit
            y: (historyBand.visible ? Math.max(map.y, historyBand.y + historyBand.height) : map.y) + Theme.margin * root.unit
            layers: Wall.layers
            stale: root.stale
            silentSeconds: Wall.feed ? Math.max(0, Wall.feed.secondsSinceLastMessage) : 0
        }

        ScaleBar {
            id: scaleBar
            objectName: "scaleBar"
            anchors { left: map.left; bottom: map.bottom; margins: Theme.margin * root.unit }
            metresPerPixel: map.groundMetresPerPixel
        }
    }
}

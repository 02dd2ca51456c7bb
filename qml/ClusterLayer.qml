pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// The cases as one disc per street when the legend's "cases by street" is on
// and the view is wider than a community: the disc sits where the street's
// cases are, grows with their number, turns pink when any is overdue, and a
// tap flies to the street.
Item {
    id: clusterLayer

    property GeoMap geoMap
    property var clusters // LiveLayers.clusters (a QAbstractItemModel: no QML type to name)
    readonly property real unit: Units.unit

    Repeater {
        model: clusterLayer.clusters
        delegate: Rectangle {
            id: disc
            required property string code
            required property real sceneX // where the street's cases are, in the map's scene
            required property real sceneY
            required property int count
            required property int overdue
            required property real diameter // design units
            // Follows every pan and zoom (viewChanged is groundMetresPerPixel's notification).
            readonly property point at: {
                if (!clusterLayer.geoMap)
                    return Qt.point(-1000, -1000)
                clusterLayer.geoMap.groundMetresPerPixel
                return clusterLayer.geoMap.sceneToItem(disc.sceneX, disc.sceneY)
            }
            width: disc.diameter * clusterLayer.unit
            height: width
            radius: width / 2
            x: at.x - width / 2
            y: at.y - height / 2
            color: disc.overdue > 0 ? Rules.overdueColor : Rules.caseColor
            opacity: 0.92
            border.color: "#0b1220"
            border.width: Math.max(1, 2 * clusterLayer.unit)
            Text {
                anchors.centerIn: parent
                text: disc.count
                font.family: Theme.fontFamily
                font.pixelSize: Math.max(Theme.minFontSize, Math.min(30, 12 + 3 * Math.log2(disc.count))) * clusterLayer.unit
                font.bold: true
                color: "#0b1220"
            }
            TapHandler { onTapped: if (disc.code !== "" && Wall.selection) Wall.selection.selectRegion(disc.code, Selection.Tap) }
        }
    }
}

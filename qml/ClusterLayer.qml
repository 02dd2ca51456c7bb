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
    property real unit: 1

    Repeater {
        model: clusterLayer.clusters
        delegate: Rectangle {
            id: cluster
            required property var modelData
            // Follows every pan and zoom (viewChanged is groundMetresPerPixel's notification).
            readonly property point at: {
                if (!clusterLayer.geoMap)
                    return Qt.point(-1000, -1000)
                clusterLayer.geoMap.groundMetresPerPixel
                return clusterLayer.geoMap.sceneToItem(modelData.x, modelData.y)
            }
            width: (28 + 9 * Math.log2(modelData.count)) * clusterLayer.unit
            height: width
            radius: width / 2
            x: at.x - width / 2
            y: at.y - height / 2
            color: modelData.overdue > 0 ? "#ff4081" : "#ff8c42"
            opacity: 0.92
            border.color: "#0b1220"
            border.width: Math.max(1, 2 * clusterLayer.unit)
            Text {
                anchors.centerIn: parent
                text: cluster.modelData.count
                font.family: Theme.fontFamily
                font.pixelSize: Math.max(Theme.minFontSize, Math.min(30, 12 + 3 * Math.log2(cluster.modelData.count))) * clusterLayer.unit
                font.bold: true
                color: "#0b1220"
            }
            TapHandler { onTapped: if (cluster.modelData.code !== "") clusterLayer.geoMap.flyTo(cluster.modelData.code) }
        }
    }
}

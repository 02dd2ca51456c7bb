pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// What the map shows and how to read it: the workload ramp, and every live
// layer with its colour and count. A tap switches a layer on or off.
Rectangle {
    id: legend

    readonly property real unit: Units.unit
    property LiveLayers layers

    function title(key) {
        switch (key) {
        case "workload": return qsTr("Workload")
        case "heatmap": return qsTr("Case density, 24 h")
        case "rings": return qsTr("Response rings")
        case "clusters": return qsTr("Cases by street")
        case "overdue": return qsTr("Overdue cases")
        case "cases": return qsTr("Open cases")
        case "units": return qsTr("Response units")
        case "sensors": return qsTr("Safety sensors")
        case "workers": return qsTr("Grid workers")
        case "cameras": return qsTr("Cameras")
        case "sites": return qsTr("Sites")
        }
        return key
    }

    // The feed has stopped (Main's `stale`): the layers show the city as of then.
    property bool stale: false
    property int silentSeconds: 0

    width: 300 * unit
    height: column.implicitHeight + 2 * 14 * unit
    radius: 8 * unit
    color: Qt.rgba(Theme.panel.r, Theme.panel.g, Theme.panel.b, 0.92)
    border.color: Theme.panelBorder
    border.width: Math.max(1, 1.5 * unit)
    visible: layers !== null

    Column {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 14 * legend.unit }
        spacing: 4 * legend.unit

        Repeater {
            model: legend.layers ? legend.layers.legendModel : []
            delegate: Item {
                id: entry
                required property string key
                required property color color
                required property bool shown // switched on in the legend
                required property bool zoomIn
                required property int count
                // A layer over areas (a square swatch, no count), not one of markers.
                readonly property bool area: key === "workload" || key === "heatmap" || key === "rings"
                width: column.width
                height: (entry.key === "workload" ? 64 : 36) * legend.unit
                opacity: entry.shown ? 1 : 0.45

                Rectangle {
                    id: swatch
                    x: 0
                    y: 8 * legend.unit
                    width: 20 * legend.unit
                    height: 20 * legend.unit
                    radius: entry.area ? 3 * legend.unit : width / 2
                    color: entry.shown ? entry.color : "transparent"
                    border.color: entry.color
                    border.width: Math.max(1, 2 * legend.unit)
                }
                Text {
                    anchors { left: swatch.right; leftMargin: 10 * legend.unit; verticalCenter: swatch.verticalCenter }
                    text: legend.title(entry.key)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodyFontSize * legend.unit
                    color: Theme.text
                }
                Text {
                    anchors { right: parent.right; verticalCenter: swatch.verticalCenter }
                    visible: !entry.area && entry.key !== "clusters"
                    // Switched on but drawn closer in: say so instead of a count the map does not show.
                    text: entry.shown && entry.zoomIn ? qsTr("zoom in")
                          : Number(entry.count).toLocaleString(Qt.locale(), "f", 0)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodyFontSize * legend.unit
                    font.bold: true
                    color: Theme.textDim
                    opacity: legend.stale ? 0.5 : 1
                }
                // The workload ramp: cases' weighted units per worker on duty, saturating at the top value.
                Rectangle {
                    visible: entry.key === "workload"
                    x: 30 * legend.unit
                    y: 34 * legend.unit
                    width: parent.width - x
                    height: 12 * legend.unit
                    radius: 2 * legend.unit
                    gradient: Gradient {
                        orientation: Gradient.Horizontal
                        GradientStop { position: 0.0; color: legend.layers ? legend.layers.workloadRamp[0] : "black" }
                        GradientStop { position: 0.25; color: legend.layers ? legend.layers.workloadRamp[2] : "black" }
                        GradientStop { position: 0.5; color: legend.layers ? legend.layers.workloadRamp[4] : "black" }
                        GradientStop { position: 0.75; color: legend.layers ? legend.layers.workloadRamp[6] : "black" }
                        GradientStop { position: 1.0; color: legend.layers ? legend.layers.workloadRamp[8] : "black" }
                    }
                }
                Text {
                    visible: entry.key === "workload"
                    x: 30 * legend.unit
                    y: 48 * legend.unit
                    text: "0"
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * legend.unit
                    color: Theme.textDim
                }
                Text {
                    visible: entry.key === "workload"
                    anchors.right: parent.right
                    y: 48 * legend.unit
                    text: legend.layers ? legend.layers.workloadSaturation + "+" : ""
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * legend.unit
                    color: Theme.textDim
                }
                TapHandler {
                    onTapped: legend.layers.setVisible(entry.key, !entry.shown)
                }
            }
        }
        Text {
            objectName: "legendStale"
            visible: legend.stale
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("Feed stopped: as of %1").arg(Qt.formatTime(new Date(Date.now() - legend.silentSeconds * 1000), "HH:mm:ss"))
            font.family: Theme.fontFamily
            font.pixelSize: Theme.minFontSize * legend.unit
            color: Theme.accent
        }
    }
}

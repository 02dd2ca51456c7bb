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
                height: (entry.key === "workload" ? 116 : 36) * legend.unit
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
                // The workload key: the regions with no open case, then five classes (fifths of the
                // loaded regions, lightest the most loaded), each with the index where it begins.
                Row {
                    objectName: "workloadKey"
                    visible: entry.key === "workload"
                    x: 30 * legend.unit
                    y: 34 * legend.unit
                    Repeater {
                        model: legend.layers ? legend.layers.workloadClasses : null
                        delegate: Column {
                            id: workloadClass
                            required property color color
                            required property real lower
                            required property int regions
                            required property bool idle
                            width: (entry.width - 30 * legend.unit) / 6
                            Rectangle {
                                width: parent.width - 2 * legend.unit
                                height: 14 * legend.unit
                                color: workloadClass.color
                                opacity: workloadClass.regions > 0 ? 1 : 0.3
                            }
                            Text {
                                text: workloadClass.idle ? qsTr("none") : workloadClass.regions === 0 ? "–"
                                    : Number(workloadClass.lower).toFixed(workloadClass.lower < 10 ? 2 : 0)
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.minFontSize * 0.85 * legend.unit
                                color: Theme.textDim
                            }
                        }
                    }
                }
                Text {
                    visible: entry.key === "workload"
                    x: 30 * legend.unit
                    y: 70 * legend.unit
                    text: qsTr("cases per worker on duty; each colour a fifth of the regions with cases")
                    width: entry.width - x
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.minFontSize * 0.85 * legend.unit
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

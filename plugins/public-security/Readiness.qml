pragma ComponentBehavior: Bound

import QtQuick
import Gridwall

// Public security: are the police rings covering the open cases, are the
// units out, are the cameras watching, and what the cameras saw. Read once a
// second from the wall's live state (plugin API 1.0).
Item {
    id: widget
    property var wall
    readonly property real u: wall ? wall.unit : 1
    property var figures: ({ outside: 0, open: 0, units: 0, unitsOut: 0, camerasOnline: 0, cameras: 0, events: 0, stations: 0 })

    function refresh() {
        if (!wall)
            return
        // Counted in the wall (plugin API 1.1): no row of the 20,000 cases crosses into the script.
        const inHand = { inHand: true }
        const police = { kind: "police" }
        figures = {
            outside: wall.count("case", { inHand: true, outsideFive: true }),
            open: wall.count("case", inHand),
            units: wall.count("unit", police),
            unitsOut: wall.count("unit", { kind: "police", status: ["responding", "on_scene", "transporting"] }),
            camerasOnline: wall.count("camera", { online: true }),
            cameras: wall.count("camera"),
            events: wall.alarms().filter(a => a.kind === "camera_event").length,
            stations: wall.count("poi", { kind: ["police_station", "checkpoint"] })
        }
    }
    Connections { target: widget.wall; function onRefreshed() { widget.refresh() } }
    onWallChanged: refresh()

    component Figure: Column {
        property string label
        property string value
        property color tint: Theme.text
        width: (widget.width - 12 * widget.u) / 2
        Text { text: parent.label; font.family: Theme.fontFamily; font.pixelSize: Theme.minFontSize * widget.u; color: Theme.textDim }
        Text {
            width: parent.width
            text: parent.value
            font.family: Theme.fontFamily
            font.pixelSize: 30 * widget.u
            font.bold: true
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.bodyFontSize * widget.u
            color: parent.tint
        }
    }
    Grid {
        columns: 2
        columnSpacing: 12 * widget.u
        rowSpacing: 8 * widget.u
        Figure {
            label: widget.wall && widget.wall.english ? "Cases outside 5-min rings" : "5分钟圈外案件"
            value: widget.figures.outside + " / " + widget.figures.open
            tint: widget.figures.open > 0 && widget.figures.outside / widget.figures.open > 0.2 ? Theme.accent : Theme.text
        }
        Figure {
            label: widget.wall && widget.wall.english ? "Police units responding" : "出警中警力"
            value: widget.figures.unitsOut + " / " + widget.figures.units
        }
        Figure {
            label: widget.wall && widget.wall.english ? "Cameras online" : "视频在线"
            value: widget.figures.cameras > 0 ? Math.round(100 * widget.figures.camerasOnline / widget.figures.cameras) + "%" : "–"
            tint: widget.figures.cameras > 0 && widget.figures.camerasOnline < 0.9 * widget.figures.cameras ? Theme.accent : Theme.text
        }
        Figure {
            label: widget.wall && widget.wall.english ? "Camera alarms active" : "视频告警"
            value: String(widget.figures.events)
            tint: widget.figures.events > 0 ? Theme.alarm : Theme.text
        }
    }
}

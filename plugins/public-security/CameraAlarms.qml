pragma ComponentBehavior: Bound

import QtQuick
import Gridwall

// A map layer: a red ring around every camera whose event alarm is active
// (critical ones thicker), so the duty officer sees where the cameras are
// seeing something. Refreshed once a second; placed again on every pan and zoom.
Item {
    id: overlay
    property var wall
    readonly property real u: wall ? wall.unit : 1
    property var spots: []
    property int viewRevision: 0

    function refresh() {
        if (!wall)
            return
        const severity = {}
        for (const a of wall.alarms())
            if (a.kind === "camera_event")
                severity[a.subject] = Math.max(severity[a.subject] || 0, a.severity)
        const ids = Object.keys(severity)
        spots = ids.length === 0 ? [] : wall.entities("camera", { id: ids })
            .map(c => ({ lon: c.lon, lat: c.lat, severity: severity[c.id] }))
    }
    Connections {
        target: overlay.wall
        function onRefreshed() { overlay.refresh() }
        function onViewChanged() { overlay.viewRevision += 1 }
    }
    onWallChanged: refresh()

    Repeater {
        model: overlay.spots
        delegate: Rectangle {
            required property var modelData
            readonly property point at: {
                overlay.viewRevision
                return overlay.wall ? overlay.wall.toMap(modelData.lon, modelData.lat) : Qt.point(-100, -100)
            }
            width: (modelData.severity >= 4 ? 30 : 22) * overlay.u
            height: width
            radius: width / 2
            x: at.x - width / 2
            y: at.y - height / 2
            color: "transparent"
            border.color: modelData.severity >= 4 ? "#ff3b30" : "#ff8c42"
            border.width: (modelData.severity >= 4 ? 4 : 2.5) * overlay.u
        }
    }
}

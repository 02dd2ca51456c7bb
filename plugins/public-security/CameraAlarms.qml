pragma ComponentBehavior: Bound

import QtQuick
import Gridwall

// A map layer: where the cameras are seeing something. Close in, a red ring
// around every camera whose event alarm is active (critical ones thicker).
// At city and district zoom (coarser than 25 m a pixel) one disc per street
// instead, at the mean position of its alarmed cameras, sized by their
// number and showing it, red when one is critical: hundreds of rings there
// would cover the districts and their names. Refreshed once a second;
// placed again on every pan and zoom.
Item {
    id: overlay
    property var wall
    readonly property real u: wall ? wall.unit : 1
    property var cameras: [] // {lon, lat, severity, street}
    property int viewRevision: 0
    // Changes only when the zoom crosses the line (the spots are not rebuilt on every pan).
    property bool grouped: false
    // One spot per camera, or per street (count > 1 draws the number).
    readonly property var spots: {
        if (!grouped)
            return cameras.map(c => ({ lon: c.lon, lat: c.lat, severity: c.severity, count: 1 }))
        const streets = {}
        for (const c of cameras) {
            const s = streets[c.street] || (streets[c.street] = { lon: 0, lat: 0, severity: 0, count: 0 })
            s.lon += c.lon
            s.lat += c.lat
            s.severity = Math.max(s.severity, c.severity)
            s.count += 1
        }
        return Object.keys(streets).map(k => {
            const s = streets[k]
            return { lon: s.lon / s.count, lat: s.lat / s.count, severity: s.severity, count: s.count }
        })
    }

    function refresh() {
        if (!wall)
            return
        const severity = {}
        for (const a of wall.alarms())
            if (a.kind === "camera_event")
                severity[a.subject] = Math.max(severity[a.subject] || 0, a.severity)
        const ids = Object.keys(severity)
        // A grid's code begins with its street's (9 digits).
        cameras = ids.length === 0 ? [] : wall.entities("camera", { id: ids })
            .map(c => ({ lon: c.lon, lat: c.lat, severity: severity[c.id], street: (c.grid || c.id).slice(0, 9) }))
    }
    Connections {
        target: overlay.wall
        function onRefreshed() { overlay.refresh() }
        function onViewChanged() {
            overlay.viewRevision += 1
            overlay.grouped = overlay.wall.metresPerPixel() > 25
        }
    }
    onWallChanged: {
        grouped = wall ? wall.metresPerPixel() > 25 : false
        refresh()
    }

    Repeater {
        model: overlay.spots
        delegate: Rectangle {
            id: spot
            required property var modelData
            readonly property bool critical: modelData.severity >= 4
            readonly property point at: {
                overlay.viewRevision
                return overlay.wall ? overlay.wall.toMap(modelData.lon, modelData.lat) : Qt.point(-100, -100)
            }
            width: (modelData.count > 1 ? 18 + 8 * Math.sqrt(modelData.count) : critical ? 30 : 22) * overlay.u
            height: width
            radius: width / 2
            x: at.x - width / 2
            y: at.y - height / 2
            color: modelData.count > 1 ? (critical ? "#cc3b30" : "#c8702f") : "transparent"
            opacity: modelData.count > 1 ? 0.85 : 1
            border.color: critical ? "#ff3b30" : "#ff8c42"
            border.width: (critical ? 4 : 2.5) * overlay.u
            Text {
                anchors.centerIn: parent
                visible: spot.modelData.count > 1
                text: spot.modelData.count
                font.pixelSize: 15 * overlay.u
                font.bold: true
                color: "#ffffff"
            }
        }
    }
}

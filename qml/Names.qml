pragma Singleton
import QtQuick

// What the wall calls things, in the UI language: the feed's codes
// (statuses, kinds, event types) and durations and times as read from afar.
QtObject {
    function duration(ms) {
        const minutes = Math.round(Math.abs(ms) / 60000)
        if (minutes < 60)
            return qsTr("%1 min").arg(minutes)
        const hours = Math.floor(minutes / 60)
        if (hours < 48)
            return qsTr("%1 h %2 min").arg(hours).arg(minutes % 60)
        return qsTr("%1 d").arg(Math.floor(hours / 24))
    }
    // Epoch ms as the city's month, day and time ("–" for none).
    function clock(ms) {
        return ms > 0 ? Qt.formatDateTime(new Date(ms), "MM-dd HH:mm:ss") : "–"
    }
    function level(level) {
        switch (level) {
        case "city": return qsTr("City")
        case "district": return qsTr("District")
        case "street": return qsTr("Street / town")
        case "community": return qsTr("Community / village")
        case "grid": return qsTr("Grid")
        }
        return level
    }
    function entityKind(k) {
        switch (k) {
        case "case": return qsTr("Case")
        case "camera": return qsTr("Camera")
        case "sensor": return qsTr("Sensor")
        case "worker": return qsTr("Grid worker")
        case "unit": return qsTr("Response unit")
        }
        return k
    }
    function status(s) {
        switch (s) {
        case "reported": return qsTr("Reported")
        case "accepted": return qsTr("Accepted")
        case "dispatched": return qsTr("Dispatched")
        case "handling": return qsTr("Handling")
        case "resolved": return qsTr("Resolved")
        case "closed": return qsTr("Closed")
        case "rejected": return qsTr("Rejected")
        case "returned": return qsTr("Returned")
        case "escalated": return qsTr("Escalated")
        case "patrol": return qsTr("On patrol")
        case "idle": return qsTr("Idle")
        case "off_duty": return qsTr("Off duty")
        }
        return s || "–"
    }
    // Case categories as the city's platform publishes them; another city's own codes show as they come.
    function category(c) {
        switch (c) {
        case "dispute": return qsTr("Dispute")
        case "petition": return qsTr("Petition")
        case "family": return qsTr("Family matter")
        case "safety_hazard": return qsTr("Safety hazard")
        case "public_order": return qsTr("Public order")
        case "city_environment": return qsTr("City environment")
        case "pipe_network": return qsTr("Pipe network")
        case "special_population": return qsTr("Special population")
        case "epidemic": return qsTr("Epidemic control")
        }
        return c || "–"
    }
    function source(s) {
        switch (s) {
        case "app": return qsTr("the app")
        case "hotline": return qsTr("the hotline")
        case "patrol": return qsTr("a patrol")
        case "camera": return qsTr("a camera")
        case "sensor": return qsTr("a sensor")
        }
        return qsTr("elsewhere")
    }
    function cameraEvent(t) {
        switch (t) {
        case "crowd": return qsTr("Crowd")
        case "intrusion": return qsTr("Intrusion")
        case "fire_smoke": return qsTr("Fire or smoke")
        case "vehicle": return qsTr("Vehicle")
        case "loitering": return qsTr("Loitering")
        }
        return qsTr("Other event")
    }
    function sensorKind(k) {
        switch (k) {
        case "gas": return qsTr("Gas")
        case "smoke": return qsTr("Smoke")
        case "temperature": return qsTr("Temperature")
        case "water_level": return qsTr("Water level")
        case "vibration": return qsTr("Vibration")
        }
        return qsTr("Sensor")
    }
    // The high-risk sectors of work safety (DOMAIN: security and safety); an unknown one as published.
    function sector(s) {
        switch (s) {
        case "crowded_place": return qsTr("Crowded places")
        case "public_transport": return qsTr("Public transport")
        case "fireworks": return qsTr("Fireworks")
        case "food_drug": return qsTr("Food and drugs")
        case "logistics": return qsTr("Logistics and parcels")
        case "school": return qsTr("School surroundings")
        case "construction": return qsTr("Construction sites")
        }
        return s
    }
    function unitKind(k) {
        switch (k) {
        case "police": return qsTr("Police")
        case "fire": return qsTr("Fire brigade")
        case "ambulance": return qsTr("Ambulance")
        case "enforcement": return qsTr("Urban enforcement")
        }
        return k
    }
    // An alarm as the ticker says it: kind and label (AlarmTicker's items).
    function alarm(kind, label) {
        switch (kind) {
        case "sensor_alarm": return qsTr("%1 alarm").arg(sensorKind(label))
        case "sensor_warn": return qsTr("%1 warning").arg(sensorKind(label))
        case "camera_event": return cameraEvent(label)
        case "case_overdue": return qsTr("Overdue: %1").arg(category(label))
        case "camera_silent": return qsTr("Camera silent")
        case "sensor_silent": return qsTr("Sensor silent")
        }
        return kind
    }
    // Why an operator shelved alarms (AlarmTicker.shelfReasons).
    function shelfReason(reason) {
        switch (reason) {
        case "cause_known": return qsTr("Cause known, crew on site")
        case "device_fault": return qsTr("Device fault reported")
        case "planned_work": return qsTr("Planned work or drill")
        case "duplicate": return qsTr("Duplicate of another alarm")
        }
        return reason
    }
    function severity(s) {
        switch (s) {
        case 4: return qsTr("Critical")
        case 3: return qsTr("Major")
        case 2: return qsTr("Minor")
        }
        return qsTr("Notice")
    }
    function severityColor(s) {
        return s >= 4 ? "#ff3b30" : s === 3 ? "#ff8c42" : s === 2 ? "#ffc83d" : "#8fa3bf"
    }
}

import QtQuick

// Keeps 64 MB more every quarter of a second, for ever.
Item {
    id: hog
    property var wall
    property var kept: []
    Timer {
        interval: 250
        running: true
        repeat: true
        onTriggered: hog.kept.push(new ArrayBuffer(64 * 1024 * 1024))
    }
}

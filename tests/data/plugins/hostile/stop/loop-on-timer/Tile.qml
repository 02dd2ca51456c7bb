import QtQuick

// A second and a half after it is shown, says so and loops for ever.
Item {
    property var wall
    Timer {
        interval: 1500
        running: true
        onTriggered: { console.log("loop-on-timer: looping now"); let n = 0; while (true) { n = (n + 1) % 7 } }
    }
}

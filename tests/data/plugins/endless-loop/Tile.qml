import QtQuick

// Half a second after it is shown, a script that never ends.
Item {
    Timer {
        interval: 500
        running: true
        onTriggered: { let n = 0; while (true) { n = (n + 1) % 7 } }
    }
}

import QtQuick

// Half a second after it is shown, and every half second after that, a script that never ends.
Item {
    property var wall
    Timer {
        interval: 500
        running: true
        repeat: true
        onTriggered: { let n = 0; while (true) { n = (n + 1) % 7 } }
    }
}

import QtQuick

// Never finishes starting: the wall must start without it.
Item {
    property var wall
    Component.onCompleted: { let n = 0; while (true) { n = (n + 1) % 7 } }
}

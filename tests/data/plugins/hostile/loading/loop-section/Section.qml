import QtQuick

// A drill-down section that never finishes starting.
Item {
    property var wall
    implicitHeight: 40
    Component.onCompleted: { let n = 0; while (true) { n = (n + 1) % 7 } }
}

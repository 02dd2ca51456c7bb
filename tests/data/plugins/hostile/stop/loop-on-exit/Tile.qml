import QtQuick

// Never lets go as it is destroyed: the wall's exit must not wait for it.
Item {
    property var wall
    Component.onDestruction: { let n = 0; while (true) { n = (n + 1) % 7 } }
}

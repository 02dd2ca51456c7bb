pragma Singleton

import QtQuick

// The design unit: one pixel of the 1920x1080 layout in the whole picture
// (Main.qml sets it for the window's size). Every component multiplies its
// sizes by it; nobody passes it down.
QtObject {
    property real unit: 1
}

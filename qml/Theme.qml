pragma Singleton
import QtQuick

// One dark, high-contrast look for every screen size. Sizes are in design
// pixels of a 1920x1080 layout; multiply by the window's `unit`.
QtObject {
    readonly property color background: "#0b1220"
    readonly property color panel: "#111a2b"
    readonly property color panelBorder: "#2e3d55"
    readonly property color text: "#eef3f8"
    readonly property color textDim: "#9fb0c4"
    readonly property color accent: "#ffc83d"
    readonly property color ok: "#45d483"
    readonly property color offline: "#8795a8"
    readonly property color alarm: "#ff5a4f"
    readonly property string fontFamily: "Noto Sans CJK SC"

    // Smallest glyph that stays legible from five metres on a 1080p wall.
    readonly property real minFontSize: 16
    readonly property real bodyFontSize: 20
    readonly property real titleFontSize: 30
    readonly property real headerHeight: 72
    readonly property real margin: 20
}

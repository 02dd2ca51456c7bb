import QtQuick
import Gridwall // Theme (colours, fonts, sizes) and Names (the wall's words for statuses and kinds)

// A first widget: the open cases of the region the operator has selected,
// refreshed once a second. Copy this folder, rename the id, and go on.
Item {
    id: widget
    // The wall's API (docs/plugins.md), given before the widget completes.
    property var wall
    readonly property real u: wall ? wall.unit : 1

    Text {
        text: (widget.wall && widget.wall.english ? "Open cases in " : "在办案件：") + (widget.wall && widget.wall.selection.name ? widget.wall.selection.name : (widget.wall && widget.wall.english ? "the city" : "全市"))
        font.family: Theme.fontFamily
        font.pixelSize: Theme.minFontSize * widget.u
        color: Theme.textDim
    }
    Text {
        y: 26 * widget.u
        text: widget.wall ? widget.wall.region.open : "–"
        font.family: Theme.fontFamily
        font.pixelSize: 40 * widget.u
        font.bold: true
        color: Theme.text
    }
}

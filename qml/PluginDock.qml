pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// The department widgets in the layout's tile area, in the order the
// plugins were found, each placed by its manifest's size (columns x rows of
// tile cells) at the first free place that holds it. What does not fit goes
// on the next page; pages turn every 20 s and say which one shows. A tile
// larger than the whole area is not drawn, and the area says so ("N tiles
// not shown"), as does the log. Empty when no plugin is installed.
Item {
    id: dock

    property PluginHost host
    // The plugins whose tiles to show (a scene's choice); undefined or null: every plugin's.
    property var only
    readonly property real unit: Units.unit
    readonly property real gap: 10 * unit
    // Tile cells: as many of about 360 x 200 design units (a widget drawn for the old 420-wide dock stays legible) as the area holds, at least one.
    readonly property int columns: Math.max(1, Math.floor((width - gap) / (360 * unit + gap)))
    readonly property int rows: Math.max(1, Math.floor((height - gap - noteHeight) / (200 * unit + gap)))
    readonly property real cellWidth: (width - gap) / columns - gap
    readonly property real cellHeight: (height - gap - noteHeight) / rows - gap
    readonly property real noteHeight: 30 * unit
    function shows(plugin: string): bool { return !only || only.indexOf(plugin) >= 0 }

    property int page: 0
    readonly property int pageCount: placements.reduce((n, p) => p !== null && p.page !== undefined ? Math.max(n, p.page + 1) : n, 0)
    Timer {
        interval: 20000
        repeat: true
        running: dock.pageCount > 1
        onTriggered: dock.page = (dock.page + 1) % dock.pageCount
    }
    onPageCountChanged: if (page >= pageCount) page = 0

    // Where each widget goes: {page, column, row, columns, rows} in cells; {hidden: name} when
    // it is larger than the area; null when the scene does not show its plugin.
    readonly property var placements: {
        const count = host ? host.widgets.count : 0
        const pages = [[]]
        const free = (taken, c, r, w, h) => {
            for (let y = r; y < r + h; ++y)
                for (let x = c; x < c + w; ++x)
                    if (taken[y * columns + x])
                        return false
            return true
        }
        const out = []
        for (let i = 0; i < count; ++i) {
            const w = host.widgets.get(i)
            if (!shows(w.plugin)) {
                out.push(null)
                continue
            }
            // Wider or taller than the area: as wide and tall as it is, on a page of its own at most.
            const span = Math.min(columns, Math.max(1, w.columns)), tall = Math.min(rows, Math.max(1, w.rows))
            if (width <= 0 || height <= 0) {
                out.push({ hidden: w.name + " · " + w.pluginName })
                continue
            }
            let placed = null
            for (let p = 0; !placed; ++p) {
                if (p === pages.length)
                    pages.push([])
                for (let r = 0; !placed && r + tall <= rows; ++r)
                    for (let c = 0; !placed && c + span <= columns; ++c)
                        if (free(pages[p], c, r, span, tall))
                            placed = { page: p, column: c, row: r, columns: span, rows: tall }
            }
            for (let y = placed.row; y < placed.row + tall; ++y)
                for (let x = placed.column; x < placed.column + span; ++x)
                    pages[placed.page][y * columns + x] = true
            out.push(placed)
        }
        return out
    }
    readonly property var notShown: placements.filter(p => p !== null && p.hidden !== undefined).map(p => p.hidden)
    readonly property int shownCount: placements.filter(p => p !== null && p.hidden === undefined).length
    onNotShownChanged: if (host) host.reportTilesNotShown(notShown)

    Repeater {
        model: dock.host ? dock.host.widgets : null
        delegate: PluginTile {
            required property int index
            required plugin
            required pluginName
            required url
            required property string widget
            required property string name
            readonly property var place: dock.placements[index] ?? null
            objectName: "tile-" + plugin + "-" + widget
            visible: place !== null && place.hidden === undefined && place.page === dock.page
            x: visible ? dock.gap + place.column * (dock.cellWidth + dock.gap) : 0
            y: visible ? dock.gap + place.row * (dock.cellHeight + dock.gap) : 0
            width: visible ? place.columns * dock.cellWidth + (place.columns - 1) * dock.gap : 0
            height: visible ? place.rows * dock.cellHeight + (place.rows - 1) * dock.gap : 0
            host: dock.host
            widgetName: name
        }
    }
    Text {
        objectName: "tilesPage"
        anchors { right: parent.right; bottom: parent.bottom; margins: dock.gap }
        visible: dock.pageCount > 1
        text: qsTr("page %1 / %2").arg(dock.page + 1).arg(dock.pageCount)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.minFontSize * dock.unit
        color: Theme.textDim
    }
    Text {
        objectName: "tilesNotShown"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: dock.gap }
        visible: dock.notShown.length > 0
        text: qsTr("%n tile(s) not shown, no room: %1", "", dock.notShown.length).arg(dock.notShown.join("; "))
        elide: Text.ElideRight
        font.family: Theme.fontFamily
        font.pixelSize: Theme.minFontSize * dock.unit
        color: Theme.accent
    }
}

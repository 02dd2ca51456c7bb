pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// The department widgets beside the map, one tile per widget in the order
// the plugins were found, each as tall as its rows ask (in quarters of the
// dock's height). Empty when no plugin is installed: the dock then takes no room.
Column {
    id: dock

    property PluginHost host
    // The plugins whose tiles to show (a scene's choice); undefined or null: every plugin's.
    property var only
    readonly property real unit: Units.unit
    // Array.from: Qt 6.4's qmllint knows no array methods on a QVariantList.
    readonly property var shown: !host ? [] : !only ? host.widgets : Array.from(host.widgets).filter(w => only.indexOf(w.plugin) >= 0)

    width: shown.length > 0 ? 420 * unit : 0
    spacing: 10 * unit
    padding: 10 * unit

    Repeater {
        model: dock.shown
        delegate: PluginTile {
            required property var modelData
            objectName: "tile-" + modelData.plugin + "-" + modelData.widget
            width: dock.width - 2 * dock.padding
            height: (dock.height - 2 * dock.padding - 3 * dock.spacing) / 4 * Math.min(4, modelData.rows) + (Math.min(4, modelData.rows) - 1) * dock.spacing
            host: dock.host
            entry: modelData
        }
    }
}

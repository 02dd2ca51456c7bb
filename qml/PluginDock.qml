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
    function shows(plugin: string): bool { return !only || only.indexOf(plugin) >= 0 }
    // How many tiles it shows (the widgets of the plugins it shows).
    readonly property int shownCount: {
        let n = 0
        for (let i = 0; host && i < host.widgets.count; ++i)
            n += shows(host.widgets.get(i).plugin) ? 1 : 0
        return n
    }

    width: shownCount > 0 ? 420 * unit : 0
    spacing: 10 * unit
    padding: 10 * unit

    Repeater {
        model: dock.host ? dock.host.widgets : null
        delegate: PluginTile {
            required plugin
            required pluginName
            required url
            required property string widget
            required property string name
            required property int rows
            objectName: "tile-" + plugin + "-" + widget
            visible: dock.shows(plugin)
            width: dock.width - 2 * dock.padding
            height: !visible ? 0 : (dock.height - 2 * dock.padding - 3 * dock.spacing) / 4 * Math.min(4, rows) + (Math.min(4, rows) - 1) * dock.spacing
            host: dock.host
            widgetName: name
        }
    }
}

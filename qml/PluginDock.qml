import QtQuick

// The department widgets beside the map, one tile per widget in the order
// the plugins were found, each as tall as its rows ask (in quarters of the
// dock's height). Empty when no plugin is installed: the dock then takes no room.
Column {
    id: dock

    property var host // PluginHost
    property real unit: 1

    width: host && host.widgets.length > 0 ? 420 * unit : 0
    onUnitChanged: if (host) host.setDesignUnit(unit)
    onHostChanged: if (host) host.setDesignUnit(unit)
    spacing: 10 * unit
    padding: 10 * unit

    Repeater {
        model: dock.host ? dock.host.widgets : []
        delegate: PluginTile {
            required property var modelData
            objectName: "tile-" + modelData.plugin + "-" + modelData.widget
            width: dock.width - 2 * dock.padding
            height: (dock.height - 2 * dock.padding - 3 * dock.spacing) / 4 * Math.min(4, modelData.rows) + (Math.min(4, modelData.rows) - 1) * dock.spacing
            host: dock.host
            entry: modelData
            unit: dock.unit
        }
    }
}

pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// The department plugins' map layers over the map (under the legend and the
// panels): each a QML overlay the size of the map, given its plugin's
// `wall` (toMap() places a position; viewChanged says when to place again).
// A layer with an error is simply not shown; its plugin's tiles say why.
Item {
    id: overlays

    property PluginHost host

    Repeater {
        model: overlays.host ? overlays.host.layers : null
        // A frame around the view: PluginView's own `plugin` cannot take the model's role.
        delegate: Item {
            id: overlay
            required property string plugin
            required property string layerId
            required property url url
            objectName: "layer-" + plugin + "-" + layerId
            width: overlays.width
            height: overlays.height
            visible: overlays.host.lastErrors[plugin] === undefined && view.status === PluginView.Ready
            PluginView {
                id: view
                anchors.fill: parent
                host: overlays.host
                plugin: overlay.plugin
                source: overlay.url
            }
        }
    }
}

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
        model: overlays.host ? overlays.host.layers : []
        delegate: PluginView {
            required property var modelData
            objectName: "layer-" + modelData.plugin + "-" + modelData.layer
            anchors.fill: parent
            visible: overlays.host.lastErrors[modelData.plugin] === undefined && status === PluginView.Ready
            host: overlays.host
            plugin: modelData.plugin
            source: modelData.url
        }
    }
}

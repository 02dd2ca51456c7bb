import QtQuick

// The department plugins' map layers over the map (under the legend and the
// panels): each a QML overlay the size of the map, given its plugin's
// `wall` (toMap() places a position; viewChanged says when to place again).
// A layer with an error is simply not shown; its plugin's tiles say why.
Item {
    id: overlays

    property var host // PluginHost

    Repeater {
        model: overlays.host ? overlays.host.layers : []
        delegate: Loader {
            required property var modelData
            objectName: "layer-" + modelData.plugin + "-" + modelData.layer
            anchors.fill: parent
            readonly property bool failed: overlays.host.lastErrors[modelData.plugin] !== undefined
            visible: !failed && status === Loader.Ready
            function load() {
                setSource("")
                setSource(modelData.url, { wall: overlays.host.api(modelData.plugin) })
            }
            Component.onCompleted: load()
            readonly property int revision: overlays.host.revisions[modelData.plugin] || 0
            onRevisionChanged: load() // live reload
        }
    }
}

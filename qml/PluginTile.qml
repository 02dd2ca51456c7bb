import QtQuick

// One department widget on the wall: the plugin's QML in a frame with its
// name. Contained: when the plugin's files fail to load or its scripts throw
// (PluginHost attributes every error to its plugin), the tile shows an error
// card with the last error instead, and the rest of the wall goes on.
Rectangle {
    id: tile

    property var host // PluginHost
    property var entry: ({}) // one of host.widgets
    property real unit: 1
    // What a plugin sees (PluginApi): set on its root item when it declares `property var wall`.
    readonly property var wall: host && entry.plugin ? host.api(entry.plugin) : null

    readonly property string error: host && entry.plugin && host.lastErrors[entry.plugin] ? host.lastErrors[entry.plugin] : ""
    readonly property bool failed: error !== "" || content.status === Loader.Error

    color: Theme.panel
    border.color: failed ? Theme.alarm : Theme.panelBorder
    border.width: Math.max(1, (failed ? 2 : 1.5) * unit)
    radius: 6 * unit
    clip: true

    Text {
        id: title
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 12 * tile.unit }
        text: (tile.entry.name || "") + "  ·  " + (tile.entry.pluginName || "")
        elide: Text.ElideRight
        font.family: Theme.fontFamily
        font.pixelSize: Theme.minFontSize * tile.unit
        color: Theme.textDim
    }
    Loader {
        id: content
        objectName: "pluginContent"
        anchors { left: parent.left; right: parent.right; top: title.bottom; bottom: parent.bottom; margins: 12 * tile.unit }
        visible: !tile.failed
        // The widget's root declares `property var wall`: it has its API from the start (docs/plugins.md).
        function load() {
            setSource("")
            if (tile.entry.url)
                setSource(tile.entry.url, { wall: tile.wall })
        }
        Component.onCompleted: load()
        // Its folder changed on disk: load it again (live reload).
        readonly property int revision: tile.host && tile.entry.plugin ? tile.host.revisions[tile.entry.plugin] || 0 : 0
        onRevisionChanged: load()
        onStatusChanged: if (status === Loader.Error && tile.host) tile.host.reportError(tile.entry.plugin, qsTr("%1 did not load").arg(tile.entry.widget))
    }
    // The error card.
    Column {
        objectName: "pluginError"
        visible: tile.failed
        anchors { left: parent.left; right: parent.right; top: title.bottom; margins: 12 * tile.unit }
        spacing: 6 * tile.unit
        Text {
            text: qsTr("This widget stopped with an error")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * tile.unit
            font.bold: true
            color: Theme.alarm
        }
        Text {
            width: parent.width
            text: tile.error
            wrapMode: Text.Wrap
            maximumLineCount: 4
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.minFontSize * tile.unit
            color: Theme.textDim
        }
    }
}

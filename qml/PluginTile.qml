import QtQuick
import Gridwall.Backend

// One department widget on the wall: the plugin's QML (made in the plugin's
// own engine by PluginView) in a frame with its name. Contained: when the
// plugin's files fail to load, its scripts throw or one had to be stopped
// (PluginHost knows every error of its engine), the tile shows an error
// card with the last error instead, and the rest of the wall goes on.
Rectangle {
    id: tile

    property PluginHost host
    // One of host.widgets: its plugin, the widget's and the plugin's names, its QML file.
    property string plugin
    property string widgetName
    property string pluginName
    property url url
    readonly property real unit: Units.unit
    readonly property string error: host && plugin !== "" && host.lastErrors[plugin] ? host.lastErrors[plugin] : ""
    readonly property bool failed: error !== "" || content.status === PluginView.Error

    color: Theme.panel
    border.color: failed ? Theme.alarm : Theme.panelBorder
    border.width: Math.max(1, (failed ? 2 : 1.5) * unit)
    radius: 6 * unit
    clip: true

    Text {
        id: title
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 12 * tile.unit }
        text: tile.widgetName + "  ·  " + tile.pluginName
        elide: Text.ElideRight
        font.family: Theme.fontFamily
        font.pixelSize: Theme.minFontSize * tile.unit
        color: Theme.textDim
    }
    PluginView {
        id: content
        objectName: "pluginContent"
        anchors { left: parent.left; right: parent.right; top: title.bottom; bottom: parent.bottom; margins: 12 * tile.unit }
        visible: !tile.failed
        host: tile.host
        plugin: tile.plugin
        source: tile.url
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

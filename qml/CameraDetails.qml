import QtQuick
import Gridwall.Backend

// A camera in the drill-down: its live stream when its URL plays (Qt
// Multimedia), else its latest snapshot, and its recent events.
Column {
    id: details

    property real unit: 1
    property var d: ({})
    property bool stale: false

    width: parent ? parent.width : 0
    spacing: 12 * unit

    // The live stream when its URL plays (Qt Multimedia), else the latest snapshot.
    Loader {
        id: stream
        active: details.d.online === true && !!details.d.stream
        width: details.width
        height: active && status === Loader.Ready && item.playing ? width * 9 / 16 : 0
        source: "CameraStream.qml"
        onLoaded: item.url = Qt.binding(() => details.d.stream || "")
    }
    Image {
        readonly property var latest: (details.d.events || []).find(e => !!e.snapshot)
        visible: stream.height === 0 && status === Image.Ready
        width: details.width
        height: visible ? width * 9 / 16 : 0
        fillMode: Image.PreserveAspectFit
        source: latest ? latest.snapshot : ""
        asynchronous: true
    }
    DimText {
        unit: details.unit
        text: [details.d.cameraKind, details.d.stream ? qsTr("stream %1").arg(details.d.stream) : qsTr("no stream published")].filter(x => !!x).join(" · ")
        elide: Text.ElideMiddle
        wrapMode: Text.NoWrap
    }
    Text {
        text: (details.d.events || []).length > 0 ? qsTr("Recent events") : qsTr("No events since the wall started")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFontSize * details.unit
        color: Theme.textDim
    }
    Repeater {
        model: details.d.events || []
        delegate: BodyText {
            unit: details.unit
            required property var modelData
            text: Names.clock(modelData.ts) + "   " + Names.cameraEvent(modelData.type) + "  ·  " + qsTr("severity %1").arg(modelData.severity)
            color: modelData.severity >= 4 ? Theme.alarm : modelData.severity >= 3 ? Theme.accent : Theme.text
            font.pixelSize: Theme.minFontSize * details.unit
        }
    }
}

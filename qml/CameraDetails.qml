pragma ComponentBehavior: Bound

import QtQuick

// A camera in the drill-down: its live stream when its URL plays (Qt
// Multimedia), else its latest snapshot, and its recent events.
Column {
    id: details

    readonly property real unit: Units.unit
    property var d: ({})
    property bool stale: false

    width: parent ? parent.width : 0
    spacing: 12 * unit

    // The live stream when its URL plays (Qt Multimedia), else the latest snapshot.
    Loader {
        id: stream
        active: details.d.online === true && !!details.d.stream
        width: details.width
        height: active && status === Loader.Ready && (item as CameraStream).playing ? width * 9 / 16 : 0
        source: "CameraStream.qml"
        onLoaded: (item as CameraStream).url = Qt.binding(() => details.d.stream || "")
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
            id: cameraEvent
            required property var modelData
            text: Names.clock(cameraEvent.modelData.ts) + "   " + Names.cameraEvent(cameraEvent.modelData.type) + "  ·  "
                  + qsTr("severity %1").arg(cameraEvent.modelData.severity)
            color: cameraEvent.modelData.severity >= 4 ? Theme.alarm : cameraEvent.modelData.severity >= 3 ? Theme.accent : Theme.text
            font.pixelSize: Theme.minFontSize * details.unit
        }
    }
}

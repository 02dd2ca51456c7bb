pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// A camera in the drill-down: its live stream when its URL plays (Qt
// Multimedia), else its latest snapshot, and its recent events.
Column {
    id: details

    readonly property real unit: Units.unit
    property cameraFacts facts
    property bool stale: false

    width: parent ? parent.width : 0
    spacing: 12 * unit

    // The live stream when its URL plays (Qt Multimedia), else the latest snapshot.
    Loader {
        id: stream
        active: details.facts.online && details.facts.stream !== ""
        width: details.width
        height: active && status === Loader.Ready && (item as CameraStream).playing ? width * 9 / 16 : 0
        source: "CameraStream.qml"
        onLoaded: (item as CameraStream).url = Qt.binding(() => details.facts.stream)
    }
    Image {
        readonly property string latest: Array.from(details.facts.events, e => e.snapshot).find(s => s !== "") ?? ""
        visible: stream.height === 0 && status === Image.Ready
        width: details.width
        height: visible ? width * 9 / 16 : 0
        fillMode: Image.PreserveAspectFit
        source: latest
        asynchronous: true
    }
    DimText {
        text: (details.facts.cameraKind !== "" ? details.facts.cameraKind + " · " : "")
              + (details.facts.stream !== "" ? qsTr("stream %1").arg(details.facts.stream) : qsTr("no stream published"))
        elide: Text.ElideMiddle
        wrapMode: Text.NoWrap
    }
    Text {
        text: details.facts.events.length > 0 ? qsTr("Recent events") : qsTr("No events since the wall started")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFontSize * details.unit
        color: Theme.textDim
    }
    Repeater {
        model: details.facts.events
        delegate: BodyText {
            id: eventLine
            required property cameraEvent modelData
            text: Names.clock(eventLine.modelData.ts) + "   " + Names.cameraEvent(eventLine.modelData.type) + "  ·  "
                  + qsTr("severity %1").arg(eventLine.modelData.severity)
            color: eventLine.modelData.severity >= 4 ? Theme.alarm : eventLine.modelData.severity >= 3 ? Theme.accent : Theme.text
            font.pixelSize: Theme.minFontSize * details.unit
        }
    }
}

pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// City name, the size of the grid tree, feed state and the clock.
Rectangle {
    id: bar

    readonly property real unit: Units.unit
    property Geography geography
    property FeedStatus feed
    property RegionPanel city // of the whole city
    readonly property bool hasFigures: city !== null && (city.figures.open > 0 || (feed !== null && feed.configured))
    // Feed state: "none" (no broker given), "live", "quiet" (connected, nothing for FeedStatus.quietAfterSeconds), "down".
    readonly property string feedState: !feed ? "none"
                                        : feed.state === FeedStatus.Live ? "live"
                                        : feed.state === FeedStatus.Quiet ? "quiet"
                                        : feed.state === FeedStatus.Down ? "down" : "none"

    height: Theme.headerHeight * unit
    color: "#e60b1220"

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Math.max(1, 2 * bar.unit)
        color: Theme.panelBorder
    }

    Row {
        id: leftRow
        anchors { left: parent.left; leftMargin: Theme.margin * bar.unit; verticalCenter: parent.verticalCenter }
        spacing: 24 * bar.unit
        // Longer labels (English) must not run into the feed state: shrink a little to fit, never below 85 %.
        readonly property real room: bar.width - rightRow.width - 3 * Theme.margin * bar.unit
        scale: implicitWidth > room ? Math.max(0.85, room / implicitWidth) : 1
        transformOrigin: Item.Left

        Text {
            text: qsTr("Panjin Social Governance Command Center")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleFontSize * bar.unit
            font.bold: true
            color: Theme.text
            anchors.verticalCenter: parent.verticalCenter
        }
        // City-wide figures once there is data; the size of the grid tree before.
        // Not on a narrow header (a portrait kiosk): the panel shows the same figures.
        Row {
            visible: bar.hasFigures && bar.width >= 1400 * bar.unit
            spacing: 22 * bar.unit
            anchors.verticalCenter: parent.verticalCenter
            Repeater {
                // The cells stay; their figures follow the city's (no rebuild each second).
                model: bar.hasFigures ? [
                    { key: "open", label: qsTr("Open") },
                    { key: "overdue", label: qsTr("Overdue") },
                    { key: "newToday", label: qsTr("New today") },
                    { key: "closedToday", label: qsTr("Closed today") },
                    { key: "alarms", label: qsTr("Alarms") }
                ] : []
                delegate: Row {
                    id: figure
                    required property var modelData
                    spacing: 8 * bar.unit
                    Text {
                        anchors.baseline: parent.children[1].baseline
                        text: figure.modelData.label
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.bodyFontSize * bar.unit
                        color: Theme.textDim
                    }
                    Text {
                        readonly property int value: bar.city ? bar.city.figures[figure.modelData.key] || 0 : 0
                        text: Number(value).toLocaleString(Qt.locale("en"), "f", 0)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.titleFontSize * bar.unit
                        font.bold: true
                        color: figure.modelData.key === "closedToday" ? Theme.ok
                             : value > 0 && figure.modelData.key === "overdue" ? Theme.alarm
                             : value > 0 && figure.modelData.key === "alarms" ? Theme.accent : Theme.text
                    }
                }
            }
        }
        Text {
            visible: bar.geography !== null && !bar.hasFigures && bar.width >= 1400 * bar.unit
            text: bar.geography
                  ? qsTr("%1 districts · %2 streets/towns · %3 communities/villages · %4 grids")
                        .arg(bar.geography.districtCount).arg(bar.geography.streetCount)
                        .arg(bar.geography.communityCount).arg(Number(bar.geography.gridCount).toLocaleString(Qt.locale("en"), "f", 0))
                  : ""
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * bar.unit
            color: Theme.textDim
            anchors.verticalCenter: parent.verticalCenter
        }
    }

    Row {
        id: rightRow
        anchors { right: parent.right; rightMargin: Theme.margin * bar.unit; verticalCenter: parent.verticalCenter }
        spacing: 28 * bar.unit

        Row {
            spacing: 8 * bar.unit
            anchors.verticalCenter: parent.verticalCenter
            Rectangle {
                width: 14 * bar.unit; height: width; radius: width / 2
                color: bar.feedState === "live" ? Theme.ok
                     : bar.feedState === "quiet" ? Theme.accent
                     : bar.feedState === "down" ? Theme.alarm : Theme.offline
                anchors.verticalCenter: parent.verticalCenter
            }
            Text {
                text: bar.feedState === "live" ? qsTr("Live · %1 msg/s").arg(Math.round(bar.feed.messagesPerSecond).toLocaleString(Qt.locale("en"), "f", 0))
                    : bar.feedState === "quiet" ? qsTr("Connected · no data for %1 s").arg(Math.max(0, bar.feed.secondsSinceLastMessage))
                    : bar.feedState === "down" ? qsTr("Feed down · reconnecting")
                    : qsTr("No feed")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * bar.unit
                color: bar.feedState === "down" ? Theme.alarm : Theme.textDim
            }
        }
        Text {
            id: clock
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleFontSize * bar.unit
            font.bold: true
            color: Theme.text
            anchors.verticalCenter: parent.verticalCenter
            function tick() { text = Qt.formatDateTime(new Date(), "yyyy-MM-dd  HH:mm:ss") }
            Component.onCompleted: tick()
            // Turns at each whole second, with the views' once-a-second refresh (views/secondtick.h) a few ms
            // after: one frame a second for all of them.
            Timer {
                interval: 1000 - Date.now() % 1000
                running: true
                onTriggered: {
                    clock.tick()
                    interval = 1000 - Date.now() % 1000
                    start()
                }
            }
        }
    }
}

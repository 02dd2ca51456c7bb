pragma ComponentBehavior: Bound

import QtQuick
import Gridwall.Backend

// The alarm ticker: one lane per priority (critical on top), newest first,
// a flood as one summary chip. While a critical alarm waits for an
// acknowledgement its lane flashes and (unless muted) the chime sounds. Tap
// a chip to open its subject; tap its ✓ to acknowledge (a flood's: all of
// it). An acknowledged chip below critical can be shelved: pick how long,
// then why, and its alarms leave the lanes; the shelves are one button
// beside the lanes ("2 shelved · 41 alarms") that lists them, each with its
// reason, end time and a tap to take it down. Dims when the feed has
// stopped: the alarms are as of then, not cleared.
Rectangle {
    id: ticker

    readonly property real unit: Units.unit
    property AlarmTicker alarms
    property bool stale: false
    property bool sound: true
    // Opens the alarm's subject (a case, camera or sensor id) in the drill-down panel.
    signal showEntity(string id)

    readonly property var lanes: alarms ? alarms.lanes : null
    readonly property int laneCount: lanes ? lanes.count : 0
    readonly property bool flashing: alarms !== null && alarms.criticalUnacknowledged > 0
    readonly property real laneHeight: 44 * unit
    property bool flashOn: false

    // What the ticker shows: the lanes, the shelving of one chip, or the shelves.
    enum Mode { Lanes, Shelving, Shelves }
    property int mode: AlarmLanes.Lanes
    // The chip being shelved: its alarm, whether the whole group (a flood), and how it reads.
    property double shelvingAlarm: 0
    property bool shelvingGroup: false
    property string shelvingTitle: ""
    property int shelfMinutes: 60
    readonly property int shelfCount: alarms ? alarms.shelves.count : 0

    function startShelving(alarmId: double, wholeGroup: bool, title: string) {
        shelvingAlarm = alarmId
        shelvingGroup = wholeGroup
        shelvingTitle = title
        shelfMinutes = 60
        mode = AlarmLanes.Shelving
    }
    function shelve(reason: string) {
        ticker.alarms.shelve(shelvingAlarm, shelvingGroup, reason, shelfMinutes)
        mode = AlarmLanes.Lanes
    }
    // A kiosk left alone in a choice goes back to the lanes.
    Timer {
        interval: 30000
        running: ticker.mode !== AlarmLanes.Lanes
        onTriggered: ticker.mode = AlarmLanes.Lanes
    }
    onShelfCountChanged: if (shelfCount === 0 && mode === AlarmLanes.Shelves) mode = AlarmLanes.Lanes

    // A touch-sized button of the ticker.
    component TickerButton: Rectangle {
        id: button
        property string label
        property bool chosen: false
        signal tapped()
        width: buttonText.implicitWidth + 24 * Units.unit
        height: 36 * Units.unit
        radius: 4 * Units.unit
        color: chosen ? Theme.accent : "#16223a"
        border.color: Theme.panelBorder
        border.width: Math.max(1, Units.unit)
        Text {
            id: buttonText
            anchors.centerIn: parent
            text: button.label
            font.family: Theme.fontFamily
            font.pixelSize: Theme.minFontSize * Units.unit
            font.bold: button.chosen
            color: button.chosen ? "#0b1220" : Theme.text
        }
        TapHandler { onTapped: button.tapped() }
    }

    height: lanesColumn.height + 2 * 6 * unit
    color: Qt.rgba(0.043, 0.071, 0.125, 0.92)
    border.color: Theme.panelBorder
    border.width: Math.max(1, unit)

    Timer {
        interval: 500
        running: ticker.flashing
        repeat: true
        onTriggered: ticker.flashOn = !ticker.flashOn
        onRunningChanged: if (!running) ticker.flashOn = false
    }
    // The chime: on each new critical alarm, and again every 30 s until acknowledged.
    // Loaded at the first critical alarm: a wall without one never opens the audio device.
    Loader {
        id: chime
        active: ticker.sound && ticker.flashing
        source: "AlarmSound.qml"
        onLoaded: if (ticker.ringPending) ticker.ring()
    }
    property int lastCritical: 0
    property bool ringPending: false
    function ring() {
        ringPending = chime.status !== Loader.Ready
        if (ticker.sound && !ringPending)
            (chime.item as AlarmSound).play() // typed: a Loader's item is only a QObject to qmllint
    }
    Connections {
        target: ticker.alarms
        function onRefreshed() {
            const n = ticker.alarms.criticalUnacknowledged
            if (n > ticker.lastCritical)
                ticker.ring()
            ticker.lastCritical = n
        }
    }
    Timer { interval: 30000; running: ticker.flashing && ticker.sound; repeat: true; onTriggered: ticker.ring() }

    Column {
        id: lanesColumn
        objectName: "lanes"
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 6 * ticker.unit }
        anchors.rightMargin: sideButtons.width + 16 * ticker.unit
        spacing: 4 * ticker.unit
        opacity: ticker.stale ? 0.55 : 1
        visible: ticker.mode === AlarmLanes.Lanes

        Text {
            visible: ticker.laneCount === 0
            height: ticker.laneHeight
            verticalAlignment: Text.AlignVCenter
            leftPadding: 10 * ticker.unit
            text: ticker.stale ? qsTr("No active alarms when the feed stopped") : qsTr("No active alarms")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.bodyFontSize * ticker.unit
            color: Theme.textDim
        }

        Repeater {
            model: ticker.lanes
            delegate: Row {
                id: lane
                required property int severity
                required property int count
                required property QtObject items // the lane's chips: a model of alarms
                readonly property color tint: Names.severityColor(severity)
                readonly property bool flash: severity === 4 && ticker.flashOn
                objectName: "lane" + severity
                width: lanesColumn.width
                height: ticker.laneHeight
                spacing: 8 * ticker.unit

                // The lane's name and how many are active in it.
                Rectangle {
                    width: 150 * ticker.unit
                    height: parent.height
                    radius: 4 * ticker.unit
                    color: lane.flash ? lane.tint : Qt.rgba(lane.tint.r, lane.tint.g, lane.tint.b, 0.22)
                    Text {
                        anchors.centerIn: parent
                        text: Names.severity(lane.severity) + "  " + lane.count
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.bodyFontSize * ticker.unit
                        font.bold: true
                        color: lane.flash ? "#0b1220" : lane.tint
                    }
                }
                ListView {
                    width: parent.width - 150 * ticker.unit - parent.spacing
                    height: parent.height
                    orientation: ListView.Horizontal
                    spacing: 8 * ticker.unit
                    clip: true
                    interactive: contentWidth > width // swipe along a long lane on a kiosk
                    model: lane.items
                    delegate: Rectangle {
                        id: chip
                        required property double alarmId
                        required property string kind
                        required property string label
                        required property string subject
                        required property string subjectName
                        required property string district
                        required property double raisedAt
                        required property bool acknowledged
                        required property int flood
                        required property int severity
                        readonly property string title: chip.flood > 0
                              ? (chip.district
                                 ? qsTr("%1 × %2 in %3 within 5 min").arg(chip.flood)
                                       .arg(Names.alarm(chip.kind, chip.label)).arg(chip.district)
                                 : qsTr("%1 × %2 within 5 min").arg(chip.flood)
                                       .arg(Names.alarm(chip.kind, chip.label)))
                              : Names.alarm(chip.kind, chip.label) + " · " + chip.subjectName
                                + (chip.district ? " · " + chip.district : "")
                        height: ListView.view.height
                        width: chipRow.implicitWidth + 24 * ticker.unit
                        radius: 4 * ticker.unit
                        color: "#16223a"
                        border.color: lane.tint
                        border.width: chip.acknowledged ? 0 : Math.max(1, 2 * ticker.unit)
                        opacity: chip.acknowledged ? 0.6 : 1
                        TapHandler { onTapped: ticker.showEntity(chip.subject) }
                        Row {
                            id: chipRow
                            anchors { left: parent.left; leftMargin: 12 * ticker.unit; verticalCenter: parent.verticalCenter }
                            spacing: 10 * ticker.unit
                            Text {
                                text: chip.title
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.bodyFontSize * ticker.unit
                                font.bold: !chip.acknowledged
                                color: Theme.text
                            }
                            Text {
                                text: Qt.formatDateTime(new Date(chip.raisedAt), "HH:mm")
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.minFontSize * ticker.unit
                                color: Theme.textDim
                                anchors.baseline: parent.children[0].baseline
                            }
                            // Acknowledge: a fingertip-sized target.
                            Rectangle {
                                objectName: "acknowledge"
                                visible: !chip.acknowledged
                                width: 34 * ticker.unit
                                height: width
                                radius: 4 * ticker.unit
                                color: Qt.rgba(lane.tint.r, lane.tint.g, lane.tint.b, 0.3)
                                Text {
                                    anchors.centerIn: parent
                                    text: "✓"
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.bodyFontSize * ticker.unit
                                    font.bold: true
                                    color: Theme.text
                                }
                                // A flood's ✓ acknowledges all of it.
                                TapHandler {
                                    onTapped: chip.flood > 0 ? ticker.alarms.acknowledgeGroup(chip.alarmId)
                                                             : ticker.alarms.acknowledge(chip.alarmId)
                                }
                            }
                            // Shelve: once acknowledged; a critical alarm only with its flood (it stays shown).
                            TickerButton {
                                objectName: "shelve"
                                visible: chip.acknowledged && (chip.flood > 0 || chip.severity < 4)
                                height: 34 * ticker.unit
                                label: qsTr("Shelve")
                                onTapped: ticker.startShelving(chip.alarmId, chip.flood > 0, chip.title)
                            }
                        }
                    }
                }
            }
        }
    }

    // Shelving one chip: how long, then why (the tap on a reason shelves).
    Column {
        objectName: "shelving"
        visible: ticker.mode === AlarmLanes.Shelving
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 6 * ticker.unit }
        anchors.rightMargin: sideButtons.width + 16 * ticker.unit
        spacing: 6 * ticker.unit
        Row {
            spacing: 8 * ticker.unit
            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Shelve %1 for").arg(ticker.shelvingTitle)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodyFontSize * ticker.unit
                color: Theme.text
                elide: Text.ElideRight
                width: Math.min(implicitWidth, 900 * ticker.unit)
            }
            Repeater {
                model: [30, 60, 240]
                delegate: TickerButton {
                    required property int modelData
                    objectName: "minutes" + modelData
                    label: modelData < 60 ? qsTr("%1 min").arg(modelData) : qsTr("%n h", "", modelData / 60)
                    chosen: ticker.shelfMinutes === modelData
                    onTapped: ticker.shelfMinutes = modelData
                }
            }
            TickerButton { label: qsTr("Cancel"); onTapped: ticker.mode = AlarmLanes.Lanes }
        }
        Row {
            spacing: 8 * ticker.unit
            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("because:")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * ticker.unit
                color: Theme.textDim
            }
            Repeater {
                model: ticker.alarms ? ticker.alarms.shelfReasons : []
                delegate: TickerButton {
                    required property string modelData
                    objectName: "reason_" + modelData
                    label: Names.shelfReason(modelData)
                    onTapped: ticker.shelve(modelData)
                }
            }
        }
    }

    // The shelves in place, one chip each: what, how many, why, until when; tap to take one down.
    Row {
        objectName: "shelves"
        visible: ticker.mode === AlarmLanes.Shelves
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 6 * ticker.unit }
        anchors.rightMargin: sideButtons.width + 16 * ticker.unit
        spacing: 8 * ticker.unit
        TickerButton { label: qsTr("Back"); onTapped: ticker.mode = AlarmLanes.Lanes }
        ListView {
            width: parent.width - x
            height: ticker.laneHeight
            orientation: ListView.Horizontal
            spacing: 8 * ticker.unit
            clip: true
            model: ticker.alarms ? ticker.alarms.shelves : null
            delegate: Rectangle {
                id: shelf
                required property double shelfId
                required property string kind
                required property string label
                required property string subjectName
                required property string district
                required property string reason
                required property double until
                required property int alarms
                height: ListView.view.height
                width: shelfRow.implicitWidth + 24 * ticker.unit
                radius: 4 * ticker.unit
                color: "#16223a"
                border.color: Theme.panelBorder
                Row {
                    id: shelfRow
                    anchors { left: parent.left; leftMargin: 12 * ticker.unit; verticalCenter: parent.verticalCenter }
                    spacing: 10 * ticker.unit
                    Text {
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("%n alarm(s)", "", shelf.alarms) + " · " + Names.alarm(shelf.kind, shelf.label)
                              + (shelf.subjectName ? " · " + shelf.subjectName : "") + (shelf.district ? " · " + shelf.district : "")
                              + " · " + Names.shelfReason(shelf.reason)
                              + " · " + qsTr("until %1").arg(Qt.formatDateTime(new Date(shelf.until), "HH:mm"))
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.bodyFontSize * ticker.unit
                        color: Theme.text
                    }
                    TickerButton {
                        objectName: "unshelve"
                        anchors.verticalCenter: parent.verticalCenter
                        label: qsTr("Unshelve")
                        onTapped: ticker.alarms.unshelve(shelf.shelfId)
                    }
                }
            }
        }
    }

    Column {
        id: sideButtons
        anchors { right: parent.right; top: parent.top; margins: 8 * ticker.unit }
        spacing: 6 * ticker.unit
        width: Math.max(soundToggle.width, shelvesButton.visible ? shelvesButton.width : 0)

        // Sound on or off (the chime only; the flashing stays).
        Rectangle {
            id: soundToggle
            anchors.right: parent.right
            width: soundText.implicitWidth + 20 * ticker.unit
            height: 32 * ticker.unit
            radius: height / 2
            color: "#16223a"
            border.color: Theme.panelBorder
            Text {
                id: soundText
                anchors.centerIn: parent
                text: ticker.sound ? qsTr("Sound on") : qsTr("Sound off")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * ticker.unit
                color: ticker.sound ? Theme.text : Theme.textDim
            }
            TapHandler { onTapped: ticker.sound = !ticker.sound }
        }

        // The shelves, collapsed to one button while the lanes show.
        Rectangle {
            id: shelvesButton
            objectName: "shelvesButton"
            anchors.right: parent.right
            visible: ticker.shelfCount > 0
            width: shelvesText.implicitWidth + 20 * ticker.unit
            height: 32 * ticker.unit
            radius: height / 2
            color: ticker.mode === AlarmLanes.Shelves ? Theme.accent : "#16223a"
            border.color: Theme.panelBorder
            Text {
                id: shelvesText
                anchors.centerIn: parent
                text: qsTr("%n shelved", "", ticker.shelfCount) + " · "
                      + qsTr("%n alarm(s)", "", ticker.alarms ? ticker.alarms.shelved : 0)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.minFontSize * ticker.unit
                color: ticker.mode === AlarmLanes.Shelves ? "#0b1220" : Theme.text
            }
            TapHandler {
                onTapped: ticker.mode = ticker.mode === AlarmLanes.Shelves ? AlarmLanes.Lanes : AlarmLanes.Shelves
            }
        }
    }
}

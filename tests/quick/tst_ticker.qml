import QtQuick
import QtTest
import Gridwall
import Gridwall.Backend

// The alarm ticker against a live feed: a critical camera event lands in the
// top lane, which flashes until an operator acknowledges it; a tap on the
// alarm opens its camera; a run of the same alarm in a district is one chip.
Item {
    width: 1400
    height: 300

    AlarmLanes {
        id: lanes
        width: parent.width
        alarms: alarmTicker
        sound: false
    }
    SignalSpy { id: shown; target: lanes; signalName: "showEntity" }

    TestCase {
        name: "AlarmTicker"
        when: windowShown

        function camera(id, name, lon) {
            city.publish("panjin/camera/" + id + "/state",
                         JSON.stringify({ ts: Date.now(), online: true, name: name, lon: lon, lat: 41.12 }), true)
        }
        function event(id, type, severity) {
            city.publish("panjin/camera/" + id + "/event", JSON.stringify({ ts: Date.now(), type: type, severity: severity }))
        }
        function chipsIn(severity) {
            const lane = findChild(lanes, "lane" + severity)
            return lane ? lane.children[1].count : 0 // the lane's ListView
        }

        function initTestCase() {
            verify(city.ready, "the city's broker and feed did not start")
            tryCompare(liveFeed, "connected", true, 10000)
        }

        function test_1_quietWithoutAlarms() {
            compare(alarmTicker.active, 0)
            compare(findChild(lanes, "lane4"), null)
            verify(!lanes.flashing)
        }

        function test_2_criticalFlashesUntilAcknowledged() {
            camera("cam-q1", "Riverside gate", 122.07)
            wait(300) // the state first: the alarm then knows the camera's name
            event("cam-q1", "fire_smoke", 4)
            tryCompare(alarmTicker, "criticalUnacknowledged", 1, 5000)
            tryVerify(() => findChild(lanes, "lane4") !== null)
            verify(lanes.flashing)
            compare(chipsIn(4), 1)
            const lane = findChild(lanes, "lane4")
            const chip = lane.children[1].itemAtIndex(0)
            verify(chip.subjectName === "Riverside gate", chip.subjectName)
            // The camera's district counts it among its active alarms.
            Wall.selection.selectRegion(city.regionsAt(122.07, 41.12)[0].code, Selection.Tap)
            regionPanel.refresh()
            compare(regionPanel.figures.alarmsCritical, 1)
            verify(regionPanel.figures.alarms >= 1)
            Wall.selection.selectRegion(city.regionsAt(121.80, 41.00)[0].code === regionPanel.code ? "" : city.regionsAt(121.80, 41.00)[0].code, Selection.Tap)
            regionPanel.refresh()
            compare(regionPanel.figures.alarmsCritical, regionPanel.code === "" ? 1 : 0) // another district: none of its own
            Wall.selection.selectRegion("", Selection.Tap)
            // A tap on the alarm opens its camera.
            mouseClick(chip, 10, chip.height / 2)
            compare(shown.count, 1)
            compare(shown.signalArguments[0][0], "cam-q1")
            // Acknowledged: the flashing stops, the alarm stays listed (dimmed) until it clears.
            mouseClick(findChild(chip, "acknowledge"))
            compare(alarmTicker.criticalUnacknowledged, 0)
            verify(!lanes.flashing)
            tryVerify(() => findChild(lanes, "lane4") !== null && findChild(lanes, "lane4").children[1].itemAtIndex(0).acknowledged)
        }

        function test_3_floodIsOneChip() {
            // Six crowd events from six cameras of one district within minutes: one summary chip.
            for (let i = 0; i < 6; ++i)
                camera("cam-f" + i, "Square camera " + i, 122.07 + i * 0.0005)
            wait(300)
            for (let i = 0; i < 6; ++i)
                event("cam-f" + i, "crowd", 2)
            tryVerify(() => alarmTicker.active >= 7, 5000)
            tryVerify(() => {
                const lane = findChild(lanes, "lane2")
                return lane !== null && lane.children[1].count === 1 && lane.children[1].itemAtIndex(0).flood === 6
            }, 5000)
        }
    }
}

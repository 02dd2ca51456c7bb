import QtQuick
import QtTest
import Gridwall
import Gridwall.Backend

// The drill-down panel against a live feed: the city's figures follow the
// cases published, the breadcrumb and the children lead up and down, a case
// opens with its timeline from the history and leads back to its region.
Item {
    id: root
    width: 600
    height: 1400

    DrillDownPanel {
        id: panel
        height: parent.height
        region: regionPanel
        entity: entityPanel
        selection: Wall.selection
        history: historyQueries
        feed: liveFeed
        stale: liveFeed.stale
    }
    SignalSpy { id: flights; target: Wall.selection; signalName: "flyRequested" }

    TestCase {
        name: "DrillDown"
        when: windowShown

        readonly property real lon: 122.07
        readonly property real lat: 41.12
        property var path: []

        function report(id, title, seq, status, extra) {
            const now = Date.now()
            let event = { ts: now, seq: seq, status: status }
            if (status === "reported")
                Object.assign(event, { category: "dispute", source: "hotline", priority: 2, lon: lon, lat: lat,
                                       deadline: now + 2 * 3600000, title: title })
            Object.assign(event, extra || {})
            city.publish("panjin/case/" + id + "/event", JSON.stringify(event))
        }
        function kpi(key) {
            const item = findChild(panel, "kpi-" + key)
            verify(item, "no figure " + key)
            return item.text
        }

        function initTestCase() {
            verify(city.ready, "the city's broker and feed did not start")
            path = city.regionsAt(lon, lat)
            compare(path.length, 4, "the test point lies in a grid")
            tryCompare(liveFeed, "connected", true, 10000)
        }

        function test_1_cityFiguresFollowTheFeed() {
            compare(regionPanel.code, "")
            for (let i = 1; i <= 3; ++i)
                report("q-" + i, "Noise complaint " + i, 1, "reported")
            // The panel reads the roll-ups once a second: the figure on screen follows within a few.
            tryCompare(findChild(panel, "kpi-open"), "text", "3", 5000)
            compare(kpi("newToday"), "3")
            compare(kpi("overdue"), "0")
            verify(findChild(panel, "regionView").visible)
            compare(findChild(panel, "entityView"), null) // made only while an entity is shown
        }

        function test_2_breadcrumbAndChildrenLeadUpAndDown() {
            const district = path[0]
            Wall.selection.selectRegion(district.code, Selection.Tap)
            tryVerify(() => findChild(panel, "crumb-1") !== null && findChild(panel, "crumb-1").text.indexOf(district.name) >= 0)
            tryCompare(findChild(panel, "kpi-open"), "text", "3", 5000)
            // The district's street holding the cases is listed among its children, and a tap goes there.
            const street = path[1]
            tryVerify(() => findChild(panel, "child-" + street.code) !== null, 5000)
            waitForRendering(panel)
            flights.clear()
            mouseClick(findChild(panel, "child-" + street.code))
            // The selection takes it (the panel and the breadcrumb follow), and the map is asked to fly there.
            compare(Wall.selection.region, street.code)
            compare(Wall.selection.reason, Selection.Tap)
            compare(regionPanel.code, street.code)
            compare(flights.count, 1)
            compare(flights.signalArguments[0][0], street.code)
            tryVerify(() => findChild(panel, "crumb-2") !== null && findChild(panel, "crumb-2").text.indexOf(street.name) >= 0)
            waitForRendering(panel) // the breadcrumb is laid out again for the street
            // The first crumb leads back to the whole city.
            mouseClick(findChild(panel, "crumb-0"))
            compare(Wall.selection.region, "")
            compare(regionPanel.code, "")
            compare(flights.count, 2)
            compare(flights.signalArguments[1][0], "")
        }

        function test_3_caseOpensWithItsTimeline() {
            report("q-1", "", 2, "accepted", { dept: "Xinglongtai mediation office" })
            Wall.selection.selectEntity("q-1", Selection.Tap)
            // The case's grid is the region: the panel, the selection and the map agree.
            compare(Wall.selection.kind, Selection.Case)
            compare(Wall.selection.region, path[3].code)
            compare(regionPanel.code, path[3].code)
            const view = findChild(panel, "entityView")
            tryCompare(view, "visible", true)
            verify(!findChild(panel, "regionView").visible)
            tryCompare(findChild(view, "entityTitle"), "text", "Noise complaint 1", 5000)
            // The timeline comes from the history: the report and the acceptance.
            tryCompare(findChild(view, "timeline"), "count", 2, 8000)
            // Back up: the region view returns and the case is no longer chosen.
            mouseClick(findChild(view, "entityBack"))
            compare(entityPanel.kind, "")
            compare(Wall.selection.hasEntity, false)
            compare(Wall.selection.region, path[3].code) // back to the case's grid
            verify(findChild(panel, "regionView").visible)
        }

        function test_4_mostOverdueLeadsToTheCase() {
            // A case past its deadline is listed from the history; a tap opens it.
            const now = Date.now()
            city.publish("panjin/case/q-late/event", JSON.stringify({
                ts: now - 3 * 3600000, seq: 1, status: "reported", category: "safety_hazard", source: "patrol", priority: 1,
                lon: lon, lat: lat, deadline: now - 3600000, title: "Blocked fire exit" }))
            tryCompare(findChild(panel, "kpi-overdue"), "text", "1", 5000)
            // The history's records of the cases in hand are written behind the feed: ask until it is there.
            for (let i = 0; i < 20 && findChild(panel, "overdue-q-late") === null; ++i) {
                panel.ask()
                wait(500)
            }
            verify(findChild(panel, "overdue-q-late") !== null, "the overdue case is listed")
            mouseClick(findChild(panel, "overdue-q-late"))
            compare(entityPanel.kind, "case")
            compare(entityPanel.entityId, "q-late")
            compare(Wall.selection.entityId, "q-late")
            tryCompare(findChild(panel, "entityTitle"), "text", "Blocked fire exit", 5000)
            Wall.selection.selectRegion("", Selection.Tap)
            compare(entityPanel.kind, "")
        }
    }
}

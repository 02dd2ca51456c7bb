import QtQuick
import QtTest
import Gridwall

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
        unit: 1
        region: regionPanel
        entity: entityPanel
        history: historyQueries
        feed: liveFeed
        stale: liveFeed.stale
    }
    SignalSpy { id: goTo; target: panel; signalName: "goTo" }

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
            verify(!findChild(panel, "entityView").visible)
        }

        function test_2_breadcrumbAndChildrenLeadUpAndDown() {
            const district = path[0]
            regionPanel.code = district.code
            tryVerify(() => findChild(panel, "crumb-1") !== null && findChild(panel, "crumb-1").text.indexOf(district.name) >= 0)
            tryCompare(findChild(panel, "kpi-open"), "text", "3", 5000)
            // The district's street holding the cases is listed among its children, and a tap goes there.
            const street = path[1]
            tryVerify(() => findChild(panel, "child-" + street.code) !== null, 5000)
            waitForRendering(panel)
            goTo.clear()
            mouseClick(findChild(panel, "child-" + street.code))
            compare(goTo.count, 1)
            compare(goTo.signalArguments[0][0], street.code)
            // The first crumb leads back to the whole city.
            mouseClick(findChild(panel, "crumb-0"))
            compare(goTo.count, 2)
            compare(goTo.signalArguments[1][0], "")
            regionPanel.code = ""
        }

        function test_3_caseOpensWithItsTimeline() {
            report("q-1", "", 2, "accepted", { dept: "Xinglongtai mediation office" })
            entityPanel.select("case", "q-1")
            const view = findChild(panel, "entityView")
            tryCompare(view, "visible", true)
            verify(!findChild(panel, "regionView").visible)
            tryCompare(findChild(view, "entityTitle"), "text", "Noise complaint 1", 5000)
            // The timeline comes from the history: the report and the acceptance.
            tryCompare(findChild(view, "timeline"), "count", 2, 8000)
            // Back up: the region view returns and the case is no longer chosen.
            mouseClick(findChild(view, "entityBack"))
            compare(entityPanel.kind, "")
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
            tryCompare(findChild(panel, "entityTitle"), "text", "Blocked fire exit", 5000)
            entityPanel.clear()
        }
    }
}

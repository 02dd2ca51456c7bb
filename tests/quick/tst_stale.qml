import QtQuick
import QtTest
import Gridwall

// A stopped feed turns the panels visibly stale, neither blank nor wrong:
// the figures stay as they were, dimmed, and the panel says since when.
Item {
    width: 1400
    height: 1400

    DrillDownPanel {
        id: panel
        height: 1200
        region: regionPanel
        entity: entityPanel
        history: historyQueries
        feed: liveFeed
        stale: liveFeed.stale
    }
    AlarmLanes {
        id: lanes
        x: 600
        width: 800
        alarms: alarmTicker
        stale: liveFeed.stale
        sound: false
    }

    TestCase {
        name: "StoppedFeed"
        when: windowShown

        function test_stoppedFeedTurnsPanelsStale() {
            verify(city.ready, "the city's broker and feed did not start")
            tryCompare(liveFeed, "connected", true, 10000)
            liveFeed.staleAfterSeconds = 2
            const now = Date.now()
            city.publish("panjin/case/s-1/event", JSON.stringify({
                ts: now, seq: 1, status: "reported", category: "dispute", source: "app", priority: 3,
                lon: 122.07, lat: 41.12, deadline: now + 3600000, title: "Parking dispute" }))
            tryCompare(findChild(panel, "kpi-open"), "text", "1", 5000)
            // Heard: live at the next second's status (every view turns with it).
            tryCompare(liveFeed, "stale", false, 3000)
            compare(findChild(panel, "kpis").opacity, 1)
            compare(findChild(panel, "freshness").text, "Live")

            // Silence past the limit: dimmed, said so, figures kept.
            tryCompare(liveFeed, "stale", true, 6000)
            compare(findChild(panel, "kpis").opacity, 0.5)
            verify(findChild(panel, "freshness").text.indexOf("Feed stopped") === 0, findChild(panel, "freshness").text)
            compare(findChild(panel, "kpi-open").text, "1")
            verify(findChild(lanes, "lanes").opacity < 1, "the alarm lanes dim too")

            // A message again: live again.
            city.publish("panjin/case/s-1/event", JSON.stringify({ ts: Date.now(), seq: 2, status: "accepted" }))
            tryCompare(liveFeed, "stale", false, 5000)
            compare(findChild(panel, "kpis").opacity, 1)

            // The broker goes away: stale at once (the feed is down), the figures still shown.
            city.stopBroker()
            tryCompare(liveFeed, "connected", false, 10000)
            tryCompare(liveFeed, "stale", true, 3000)
            compare(findChild(panel, "kpi-open").text, "1")
            compare(findChild(panel, "kpis").opacity, 0.5)
        }
    }
}

import QtQuick
import QtTest
import Gridwall

// The four bundled department plugins against a live feed, each widget made
// in its plugin's own engine: what they show follows the cases published
// (grid management's tally in its C++ module), and none has an error.
Item {
    id: root
    width: 1800
    height: 700

    Row {
        spacing: 10
        Repeater {
            model: pluginHost.widgets
            delegate: PluginTile {
                required plugin
                required pluginName
                required url
                required property string name
                objectName: "tile-" + plugin
                width: 420
                height: 600
                host: pluginHost
                widgetName: name
            }
        }
    }

    // A scene that wants only grid management's tiles.
    PluginDock {
        id: sceneDock
        y: 610
        width: 800
        height: 400
        host: pluginHost
        only: ["grid-management"]
    }

    TestCase {
        name: "PluginWidgets"
        when: windowShown

        function report(id, category, priority) {
            const now = Date.now()
            city.publish("panjin/case/" + id + "/event", JSON.stringify({
                ts: now, seq: 1, status: "reported", category: category, source: "app", priority: priority,
                lon: 122.07, lat: 41.12, deadline: now + 2 * 3600000, title: category + " " + id }))
        }
        // The root item of a plugin's widget, as its plugin made it.
        function widget(plugin) {
            const tile = findChild(root, "tile-" + plugin)
            verify(tile, "no tile for " + plugin)
            return findChild(tile, "pluginContent").item
        }

        // Everything a widget writes on screen (its texts cross from the plugin's engine as strings).
        function texts(item) {
            let out = []
            if (item.text !== undefined && item.visible)
                out.push(String(item.text))
            for (let i = 0; i < item.children.length; ++i)
                out = out.concat(texts(item.children[i]))
            return out
        }
        function shows(plugin, re) {
            return texts(widget(plugin)).some(t => re.test(t))
        }

        function initTestCase() {
            verify(city.ready, "the city's broker and feed did not start")
            tryCompare(liveFeed, "connected", true, 10000)
        }

        function test_1_widgetsShowTheLiveCity() {
            compare(pluginHost.widgets.count, 4)
            for (const plugin of ["public-security", "emergency-safety", "petitions-mediation", "grid-management"])
                verify(widget(plugin) !== null, plugin + " did not load: " + JSON.stringify(pluginHost.lastErrors))
            report("pw-1", "dispute", 2)
            report("pw-2", "dispute", 3)
            report("pw-3", "petition", 1)
            report("pw-4", "safety_hazard", 2)
            report("pw-5", "safety_hazard", 2)
            report("pw-6", "public_order", 3)
            // Read once a second through plugin API 1.0; the figures as the widgets write them.
            // Grid management: the cases' grid, the most open cases per worker on duty (none), from the C++ module.
            tryVerify(() => shows("grid-management", /^最吃紧网格：.*在办 6 \/ 在岗 0$/), 5000, texts(widget("grid-management")).join(" | "))
            // No police station published: every case in hand lies outside the 5-minute rings.
            tryVerify(() => shows("public-security", /^6 \/ 6$/), 5000, texts(widget("public-security")).join(" | "))
            tryVerify(() => shows("emergency-safety", /^待整改隐患：2$/), 5000, texts(widget("emergency-safety")).join(" | "))
            // Disputes in hand (overdue), petitions in hand (first level).
            tryVerify(() => shows("petitions-mediation", /^2 \(0\)$/) && shows("petitions-mediation", /^1 \(1\)$/), 5000,
                      texts(widget("petitions-mediation")).join(" | "))
            verify(shows("emergency-safety", /^已整改 0 \/ 2$/), texts(widget("emergency-safety")).join(" | "))
            // One hazard rectified: the progress moves, one awaits rectification.
            let seq = 1
            for (const status of ["accepted", "dispatched", "handling", "resolved"])
                city.publish("panjin/case/pw-4/event", JSON.stringify({ ts: Date.now(), seq: ++seq, status: status }))
            tryVerify(() => shows("emergency-safety", /^已整改 1 \/ 2$/) && shows("emergency-safety", /^待整改隐患：1$/), 5000,
                      texts(widget("emergency-safety")).join(" | "))
            compare(JSON.stringify(pluginHost.lastErrors), "{}")
        }

        function test_3_aSceneChoosesTheTiles() {
            compare(sceneDock.shownCount, 1)
            verify(findChild(sceneDock, "tile-grid-management-funnel").visible)
            sceneDock.only = undefined // no choice: every plugin's tiles
            compare(sceneDock.shownCount, 4)
            sceneDock.only = []
            compare(sceneDock.shownCount, 0)
            verify(!findChild(sceneDock, "tile-grid-management-funnel").visible) // no tile drawn
        }

        // Plugin API 1.1: filtered rows, counts and ranked regions, as a plugin reads them.
        function test_2_countsFiltersAndRankedRegions() {
            const wall = pluginHost.api("grid-management")
            tryVerify(() => wall.count("case") === 6, 5000)
            compare(wall.count("case", { category: "dispute" }), 2)
            compare(wall.count("case", { category: ["dispute", "petition"], priority: 1 }), 1) // a number from the script
            compare(wall.count("case", { inHand: true }), 5) // pw-4 was resolved
            compare(wall.count("case", { inHand: true, category: "no such category" }), 0)
            const byCategory = wall.countBy("case", "category", { inHand: true })
            compare(byCategory.dispute, 2)
            compare(byCategory.safety_hazard, 1)
            compare(byCategory.petition, 1)
            compare(byCategory.public_order, 1)
            compare(wall.countBy("case", "status", { status: "resolved" }).resolved, 1)
            const picked = wall.entities("case", { id: ["pw-1", "pw-3"] })
            compare(picked.length, 2)
            compare(picked.map(c => c.id).sort().join(","), "pw-1,pw-3")
            compare(picked.find(c => c.id === "pw-3").category, "petition")
            // All six cases lie in one grid: it ranks first of the city's grids and of its district's, alone.
            const ranked = wall.regions("grid", { by: ["overdue", "open"], top: 3 })
            compare(ranked.length, 1)
            compare(ranked[0].open, 6) // the roll-ups count a resolved case open until it is closed
            const district = ranked[0].code.substring(0, 6)
            compare(wall.regions("grid", { under: district, by: "open" }).length, 1)
            compare(wall.regions("grid", { under: "219999", by: "open" }).length, 0)
            compare(wall.regions("district").length, 4)
        }
    }
}

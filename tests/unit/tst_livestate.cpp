// The live city's state stage: the case lifecycle, SLA clocks across
// midnight, idempotence, roll-ups for every region checked against a
// brute-force recount, workload, alarms in the roll-ups, and the spatial
// context checked against brute force over the real Panjin tree and sites.

#include "geo/adjacency.h"
#include "geo/regionloader.h"
#include "state/livestate.h"
#include "views/livefeed.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <map>
#include <random>
#include <set>

using namespace gridwall;
using feed::CaseStatus;
using state::kDayMs;
using state::kHourMs;
using state::kMinuteMs;

namespace {

// 2026-12-01 00:00 in Asia/Shanghai.
const int64_t kDay0 = state::shanghaiMidnight(state::shanghaiDay(1'796'054'400'000));

constexpr std::array<CaseStatus, 9> kAll = {CaseStatus::Reported, CaseStatus::Accepted, CaseStatus::Dispatched,
                                            CaseStatus::Handling, CaseStatus::Resolved, CaseStatus::Closed,
                                            CaseStatus::Rejected, CaseStatus::Returned, CaseStatus::Escalated};

// The lifecycle of docs/state.md, written out independently of casemachine.h.
const std::set<std::pair<CaseStatus, CaseStatus>> kLegal = {
    {CaseStatus::Reported, CaseStatus::Accepted},   {CaseStatus::Reported, CaseStatus::Rejected},
    {CaseStatus::Accepted, CaseStatus::Dispatched}, {CaseStatus::Accepted, CaseStatus::Rejected},
    {CaseStatus::Accepted, CaseStatus::Escalated},  {CaseStatus::Dispatched, CaseStatus::Handling},
    {CaseStatus::Dispatched, CaseStatus::Returned}, {CaseStatus::Dispatched, CaseStatus::Escalated},
    {CaseStatus::Handling, CaseStatus::Resolved},   {CaseStatus::Handling, CaseStatus::Returned},
    {CaseStatus::Handling, CaseStatus::Escalated},  {CaseStatus::Resolved, CaseStatus::Closed},
    {CaseStatus::Resolved, CaseStatus::Returned},   {CaseStatus::Returned, CaseStatus::Dispatched},
    {CaseStatus::Returned, CaseStatus::Escalated},  {CaseStatus::Escalated, CaseStatus::Accepted},
    {CaseStatus::Escalated, CaseStatus::Dispatched}, {CaseStatus::Escalated, CaseStatus::Handling},
};

// A legal way from reported to each status.
std::vector<CaseStatus> pathTo(CaseStatus s)
{
    using S = CaseStatus;
    switch (s) {
    case S::Reported: return {S::Reported};
    case S::Accepted: return {S::Reported, S::Accepted};
    case S::Dispatched: return {S::Reported, S::Accepted, S::Dispatched};
    case S::Handling: return {S::Reported, S::Accepted, S::Dispatched, S::Handling};
    case S::Resolved: return {S::Reported, S::Accepted, S::Dispatched, S::Handling, S::Resolved};
    case S::Closed: return {S::Reported, S::Accepted, S::Dispatched, S::Handling, S::Resolved, S::Closed};
    case S::Rejected: return {S::Reported, S::Rejected};
    case S::Returned: return {S::Reported, S::Accepted, S::Dispatched, S::Returned};
    case S::Escalated: return {S::Reported, S::Accepted, S::Escalated};
    }
    return {};
}

feed::CaseEvent caseEvent(const std::string &id, int64_t seq, CaseStatus status, int64_t ts)
{
    feed::CaseEvent e;
    e.id = id;
    e.ts = ts;
    e.seq = seq;
    e.status = status;
    return e;
}

feed::CaseEvent report(const std::string &id, int64_t ts, feed::GeoPoint at, int priority, int64_t deadline,
                       std::string category = "环境卫生", feed::CaseSource source = feed::CaseSource::App)
{
    feed::CaseEvent e = caseEvent(id, 1, CaseStatus::Reported, ts);
    e.category = std::move(category);
    e.source = source;
    e.priority = priority;
    e.position = at;
    e.deadline = deadline;
    e.title = "test";
    return e;
}

feed::Batch batchOf(std::vector<feed::Event> events)
{
    feed::Batch batch;
    for (feed::Event &e : events)
        (feed::isCoalescable(feed::feedOf(e)) ? batch.positions : batch.events).push_back(std::move(e));
    return batch;
}

struct Site
{
    feed::PoiState poi;
};

} // namespace

class TestLiveState : public QObject
{
    Q_OBJECT

    std::shared_ptr<const geo::RegionTree> m_tree;
    std::vector<feed::PoiState> m_sites;
    std::vector<int> m_grids;

    // A point inside a grid (its label point), in WGS-84.
    feed::GeoPoint inside(int region) const
    {
        const QGeoCoordinate c = m_tree->geoFromScene(m_tree->region(region).labelPoint);
        return {c.longitude(), c.latitude()};
    }
    int district(const QString &name) const
    {
        for (int d : m_tree->level(geo::Level::District))
            if (m_tree->region(d).name == name)
                return d;
        return -1;
    }
    // The regions whose figures include a grid's: itself and its ancestors.
    std::vector<int> chain(int region) const
    {
        std::vector<int> out;
        for (int r = region; r >= 0; r = m_tree->region(r).parent)
            out.push_back(r);
        return out;
    }

    static uint64_t rejected(const feed::FeedStats &stats, feed::Reject reason) { return stats.rejected[size_t(reason)].load(); }

private slots:
    void initTestCase()
    {
        const geo::RegionLoadResult loaded = geo::loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.tree, qPrintable(loaded.error));
        m_tree = loaded.tree;
        for (int g : m_tree->level(geo::Level::Grid))
            m_grids.push_back(g);
        QFile file(QStringLiteral(GRIDWALL_SITES));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray features = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("features")).toArray();
        for (const QJsonValue &f : features) {
            const QJsonObject props = f[QLatin1String("properties")].toObject();
            const QJsonArray xy = f[QLatin1String("geometry")][QLatin1String("coordinates")].toArray();
            feed::PoiState poi;
            poi.id = props[QLatin1String("id")].toString().toStdString();
            poi.ts = kDay0;
            const std::string kind = props[QLatin1String("kind")].toString().toStdString();
            poi.kind = feed::PoiKind(std::find(feed::kPoiKindNames.begin(), feed::kPoiKindNames.end(), kind) - feed::kPoiKindNames.begin());
            poi.name = props[QLatin1String("name")].toString().toStdString();
            poi.position = {xy[0].toDouble(), xy[1].toDouble()};
            for (const QJsonValue &ring : props[QLatin1String("rings")].toArray())
                poi.rings.push_back({ring[QLatin1String("minutes")].toInt(), ring[QLatin1String("radius_m")].toInt()});
            m_sites.push_back(std::move(poi));
        }
        QCOMPARE(m_sites.size(), size_t(762));
    }

    // A producer inventing ids: each kind keeps at most its bound, the least
    // recently heard leave first, and what they added to the figures, indexes
    // and alarms goes with them; views are told which left.
    void eachKindIsBounded()
    {
        feed::FeedStats stats;
        state::LiveBounds bounds;
        bounds.limit = {100, 50, 50, 100, 10, 50};
        state::LiveState live(stats, m_tree.get(), {}, bounds);
        const int64_t t = kDay0 + 9 * kHourMs;
        // c-0 is heard again after the others: it stays though it came first.
        for (int i = 0; i < 150; ++i) {
            std::vector<feed::Event> events;
            events.push_back(report("c-" + std::to_string(i), t, inside(m_grids[size_t(i) % 20]), 2, t - kHourMs)); // overdue at once
            if (i == 50)
                events.push_back(caseEvent("c-0", 2, CaseStatus::Accepted, t));
            live.apply(batchOf(std::move(events)), t);
        }
        QVERIFY(live.cases().size() <= 100);
        QCOMPARE(live.cases().size() + live.evicted(state::Bounded::Case), size_t(150));
        QVERIFY(live.cases().count("c-0"));
        QVERIFY(!live.cases().count("c-1"));
        QVERIFY(live.cases().count("c-149"));
        // The figures count exactly the cases still held, and so do the overdue alarms.
        QCOMPARE(live.rollups().city().open, int(live.cases().size()));
        QCOMPARE(live.rollups().city().overdue, int(live.cases().size()));
        int caseAlarms = 0;
        for (int severity = 1; severity <= 4; ++severity)
            for (const state::Alarm *a : live.alarms().active(severity))
                caseAlarms += a->kind == state::AlarmKind::CaseOverdue;
        QCOMPARE(caseAlarms, int(live.cases().size()));

        // Units over their bound; the apply that evicts names them for the views.
        size_t removed = 0;
        for (int i = 0; i < 25; ++i) {
            feed::UnitPosition u;
            u.id = "u-" + std::to_string(i);
            u.ts = t;
            u.position = inside(m_grids[3]);
            u.status = "patrol";
            live.apply(batchOf({std::move(u)}), t);
            for (const state::LiveState::Removed &r : live.removed()) {
                QCOMPARE(r.feed, feed::Feed::Unit);
                QVERIFY(!live.units().count(r.id));
                ++removed;
            }
            for (const state::LiveState::Touched &t : live.touched())
                QVERIFY(live.units().count(*t.id)); // nothing touched points at a unit gone
        }
        QVERIFY(live.units().size() <= 10);
        QCOMPARE(removed, size_t(live.evicted(state::Bounded::Unit)));
        QCOMPARE(live.units().size() + removed, size_t(25));

        // Cameras: an evicted camera leaves the spatial index; a new one takes its slot.
        for (int i = 0; i < 80; ++i) {
            feed::CameraState c;
            c.id = "cam-" + std::to_string(i);
            c.ts = t;
            c.online = true;
            c.name = "camera";
            c.position = inside(m_grids[size_t(i) % 40]);
            live.apply(batchOf({std::move(c)}), t);
        }
        QVERIFY(live.cameras().size() <= 50);
        QCOMPARE(live.rollups().city().cameras, int(live.cameras().size()));
        const auto context = live.contextAt(inside(m_grids[0]), 100);
        for (const auto &near : context.cameras)
            QVERIFY2(live.cameras().count(near.id), near.id.c_str());
        QCOMPARE(context.cameras.size(), live.cameras().size());
    }

    // A refused illegal transition changes the case (it is flagged now): the
    // history is told, so the flag survives a restart.
    void anIllegalTransitionTouchesItsCase()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        const int64_t t = kDay0 + 9 * kHourMs;
        live.apply(batchOf({report("i-1", t, inside(m_grids[1]), 2, t + kHourMs)}), t);
        const auto applied = live.apply(batchOf({caseEvent("i-1", 2, CaseStatus::Closed, t)}), t);
        QCOMPARE(applied.rejected, size_t(1));
        QCOMPARE(live.touched().size(), size_t(1));
        QCOMPARE(*live.touched().front().id, std::string("i-1"));
        QVERIFY(live.cases().at("i-1").flagged());
    }

    // A payload far ahead of the wall's clock moves the city's clock at most the bound ahead.
    void theClockRunsAtMostTheBoundAhead()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        const int64_t t = kDay0 + 9 * kHourMs;
        live.apply(batchOf({report("f-1", t + 29 * kDayMs, inside(m_grids[1]), 2, t + 29 * kDayMs + kHourMs)}), t);
        QCOMPARE(live.now(), t + feed::kDefaultMaxAheadMs);
        QCOMPARE(live.today(), state::shanghaiDay(t));
        live.tick(t + 1000);
        QCOMPARE(live.now(), t + 1000 + feed::kDefaultMaxAheadMs);
    }

    // Every pair of statuses: the legal ones move the case, the others are
    // counted, flag the case and change nothing.
    void everyTransition()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        int n = 0;
        uint64_t illegal = 0;
        for (CaseStatus from : kAll) {
            for (CaseStatus to : kAll) {
                const std::string id = "t-" + std::to_string(n++);
                const std::vector<CaseStatus> path = pathTo(from);
                std::vector<feed::Event> events;
                events.push_back(report(id, kDay0 + kHourMs, inside(m_grids[0]), 2, kDay0 + 5 * kHourMs));
                for (size_t i = 1; i < path.size(); ++i)
                    events.push_back(caseEvent(id, int64_t(i) + 1, path[i], kDay0 + kHourMs + int64_t(i) * kMinuteMs));
                live.apply(batchOf(std::move(events)), kDay0 + 2 * kHourMs);
                QCOMPARE(live.cases().at(id).status, from);

                const auto applied = live.apply(batchOf({caseEvent(id, int64_t(path.size()) + 1, to, kDay0 + 2 * kHourMs)}),
                                                kDay0 + 2 * kHourMs);
                const state::CaseRecord &c = live.cases().at(id);
                const bool legal = kLegal.count({from, to}) > 0;
                QCOMPARE(state::isTransition(from, to), legal);
                if (legal) {
                    QCOMPARE(applied.applied, size_t(1));
                    QCOMPARE(c.status, to);
                    QCOMPARE(c.seq, int64_t(path.size()) + 1);
                    QVERIFY(!c.flagged());
                } else {
                    ++illegal;
                    QCOMPARE(applied.rejected, size_t(1));
                    QCOMPARE(c.status, from);
                    QCOMPARE(c.seq, int64_t(path.size()));
                    QVERIFY(c.flagged());
                }
            }
        }
        QCOMPARE(illegal, uint64_t(81 - kLegal.size()));
        QCOMPARE(rejected(stats, feed::Reject::IllegalTransition), illegal);
        QCOMPARE(live.flaggedCases(), int(illegal));
    }

    // A gap in seq: the events in between are missing, so any status they
    // could have led to is accepted; a terminal case takes nothing more.
    void gapsAcceptWhatIsReachable()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        const int64_t t = kDay0 + 9 * kHourMs;
        live.apply(batchOf({report("g-1", t, inside(m_grids[5]), 3, t + 48 * kHourMs),
                            caseEvent("g-1", 4, CaseStatus::Handling, t + kMinuteMs), // accepted, dispatched missing
                            caseEvent("g-1", 6, CaseStatus::Closed, t + 2 * kMinuteMs), // resolved missing
                            caseEvent("g-1", 9, CaseStatus::Returned, t + 3 * kMinuteMs)}),
                   t + 3 * kMinuteMs);
        const state::CaseRecord &c = live.cases().at("g-1");
        QCOMPARE(c.status, CaseStatus::Closed);
        QCOMPARE(c.seq, int64_t(6));
        QCOMPARE(rejected(stats, feed::Reject::IllegalTransition), uint64_t(1));
        // Reported to closed takes five transitions: one missing event is not enough.
        live.apply(batchOf({report("g-2", t, inside(m_grids[5]), 3, t + 48 * kHourMs),
                            caseEvent("g-2", 3, CaseStatus::Closed, t + kMinuteMs)}),
                   t + kMinuteMs);
        QCOMPARE(live.cases().at("g-2").status, CaseStatus::Reported);
        QCOMPARE(rejected(stats, feed::Reject::IllegalTransition), uint64_t(2));
        live.apply(batchOf({caseEvent("g-2", 6, CaseStatus::Closed, t + 2 * kMinuteMs)}), t + 2 * kMinuteMs);
        QCOMPARE(live.cases().at("g-2").status, CaseStatus::Closed);
        QCOMPARE(live.rollups().city().closedToday, 2);
        QCOMPARE(live.rollups().city().open, 0);
    }

    void idempotentAndOutOfOrder()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        const int64_t t = kDay0 + 10 * kHourMs;
        const int grid = m_grids[100];
        // Seq 3 first: the case is known from then on, without its report.
        live.apply(batchOf({caseEvent("o-1", 3, CaseStatus::Dispatched, t + 20 * kMinuteMs)}), t + 20 * kMinuteMs);
        QCOMPARE(live.cases().at("o-1").status, CaseStatus::Dispatched);
        QCOMPARE(live.cases().at("o-1").reportedTs, int64_t(0));
        QCOMPARE(live.rollups().city().open, 1);
        // The late report fills in what it says and rolls nothing back.
        live.apply(batchOf({report("o-1", t, inside(grid), 2, t + 24 * kHourMs, "治安隐患", feed::CaseSource::Hotline)}),
                   t + 21 * kMinuteMs);
        const state::CaseRecord &c = live.cases().at("o-1");
        QCOMPARE(c.status, CaseStatus::Dispatched);
        QCOMPARE(c.seq, int64_t(3));
        QCOMPARE(c.category, std::string("治安隐患"));
        QCOMPARE(c.region, grid);
        QCOMPARE(c.deadline, t + 24 * kHourMs);
        for (int r : chain(grid)) {
            QCOMPARE(live.rollups().region(r).open, 1);
            QCOMPARE(live.rollups().region(r).newToday, 1);
            QCOMPARE(live.rollups().region(r).openBySource[size_t(feed::CaseSource::Hotline)], 1);
        }
        // The same seq again, and the missing seq 2 now: both change nothing.
        live.apply(batchOf({report("o-1", t, inside(m_grids[7]), 1, t + kHourMs),
                            caseEvent("o-1", 3, CaseStatus::Dispatched, t + 20 * kMinuteMs),
                            caseEvent("o-1", 2, CaseStatus::Accepted, t + 10 * kMinuteMs)}),
                   t + 22 * kMinuteMs);
        QCOMPARE(rejected(stats, feed::Reject::DuplicateSeq), uint64_t(2));
        QCOMPARE(rejected(stats, feed::Reject::StaleSeq), uint64_t(1));
        QCOMPARE(c.status, CaseStatus::Dispatched);
        QCOMPARE(c.priority, 2);
        QCOMPARE(c.region, grid);
        QCOMPARE(live.rollups().city().open, 1);
        QCOMPARE(live.rollups().city().newToday, 1);
    }

    // A priority-1 case reported at 23:00 with a two-hour deadline, followed
    // over midnight: due soon, overdue by how much, the new day's counts.
    void slaAcrossMidnight()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        const int grid = m_grids[42];
        const int64_t reported = kDay0 + 23 * kHourMs;
        const int64_t deadline = reported + 2 * kHourMs; // 01:00 the next day
        live.apply(batchOf({report("m-1", reported, inside(grid), 1, deadline),
                            caseEvent("m-1", 2, CaseStatus::Accepted, reported + 5 * kMinuteMs),
                            caseEvent("m-1", 3, CaseStatus::Dispatched, reported + 10 * kMinuteMs)}),
                   reported + 10 * kMinuteMs);
        const state::CaseRecord &c = live.cases().at("m-1");
        QCOMPARE(live.rollups().region(grid).newToday, 1);
        QCOMPARE(live.slaOf(c).state, state::SlaState::OnTime);

        live.tick(kDay0 + 23 * kHourMs + 59 * kMinuteMs);
        QCOMPARE(live.slaOf(c).state, state::SlaState::OnTime);
        QCOMPARE(live.slaOf(c).marginMs, 61 * kMinuteMs);
        QCOMPARE(live.today(), state::shanghaiDay(kDay0));

        // Past midnight: a new day; the case was new yesterday.
        live.tick(kDay0 + kDayMs + 31 * kMinuteMs);
        QCOMPARE(live.today(), state::shanghaiDay(kDay0) + 1);
        QCOMPARE(live.rollups().region(grid).newToday, 0);
        QCOMPARE(live.rollups().region(grid).open, 1);
        QCOMPARE(live.slaOf(c).state, state::SlaState::DueSoon); // the last quarter of two hours
        QCOMPARE(live.rollups().region(grid).dueSoon, 1);
        QCOMPARE(live.rollups().city().dueSoon, 1);

        live.tick(deadline);
        QCOMPARE(live.rollups().region(grid).overdue, 0); // due at 01:00:00.000, late after it
        live.tick(deadline + 1);
        QCOMPARE(live.slaOf(c).state, state::SlaState::Overdue);
        QCOMPARE(live.slaOf(c).marginMs, int64_t(-1));
        for (int r : chain(grid))
            QCOMPARE(live.rollups().region(r).overdue, 1);
        QCOMPARE(live.alarms().activeCount(3), 1); // overdue, priority 1
        QCOMPARE(live.rollups().region(grid).load, int64_t(8 * 2));

        live.tick(deadline + kHourMs + 1000);
        QCOMPARE(live.rollups().region(grid).load, int64_t(8 * 3));
        QCOMPARE(live.slaOf(c).marginMs, -(kHourMs + 1000));

        // Resolved at 02:30: the clock stops, missed by 90 minutes.
        const int64_t resolved = deadline + 90 * kMinuteMs;
        live.apply(batchOf({caseEvent("m-1", 4, CaseStatus::Handling, deadline + 80 * kMinuteMs),
                            caseEvent("m-1", 5, CaseStatus::Resolved, resolved)}),
                   resolved);
        QCOMPARE(live.slaOf(c).state, state::SlaState::Missed);
        QCOMPARE(live.slaOf(c).marginMs, -90 * kMinuteMs);
        QCOMPARE(live.rollups().region(grid).overdue, 0);
        QCOMPARE(live.rollups().region(grid).open, 1); // waits for the reporter
        QCOMPARE(live.rollups().region(grid).load, int64_t(0));
        QCOMPARE(live.alarms().activeCount(3), 0);

        // Closed at 03:00: closed today, handled in four hours.
        live.apply(batchOf({caseEvent("m-1", 6, CaseStatus::Closed, reported + 4 * kHourMs)}), reported + 4 * kHourMs);
        for (int r : chain(grid)) {
            const state::RegionFigures &f = live.rollups().region(r);
            QCOMPARE(f.open, 0);
            QCOMPARE(f.closedToday, 1);
            QCOMPARE(f.medianHandlingMs(), 4 * kHourMs);
            QCOMPARE(f.closureRate(), 1.0);
        }
        // Time in each status, from the events' own times.
        QCOMPARE(live.msIn(c, CaseStatus::Reported), 5 * kMinuteMs);
        QCOMPARE(live.msIn(c, CaseStatus::Accepted), 5 * kMinuteMs);
        QCOMPARE(live.msIn(c, CaseStatus::Dispatched), deadline + 80 * kMinuteMs - (reported + 10 * kMinuteMs));
        QCOMPARE(live.msIn(c, CaseStatus::Handling), 10 * kMinuteMs);
        QCOMPARE(live.msIn(c, CaseStatus::Resolved), reported + 4 * kHourMs - resolved);

        // The next midnight clears today's counts again.
        live.tick(kDay0 + 2 * kDayMs + kMinuteMs);
        QCOMPARE(live.rollups().city().closedToday, 0);
        QCOMPARE(live.rollups().city().medianHandlingMs(), int64_t(0));
    }

    // An ended case leaves the live state two days after its last event (the
    // history keeps it); an open one stays however old.
    void endedCasesLeaveAfterTwoDays()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        const int64_t t = kDay0 + 9 * kHourMs;
        live.apply(batchOf({report("e-1", t, inside(m_grids[3]), 3, t + 48 * kHourMs),
                            caseEvent("e-1", 2, CaseStatus::Rejected, t + kHourMs),
                            report("e-2", t, inside(m_grids[3]), 3, t + 48 * kHourMs),
                            caseEvent("e-2", 2, CaseStatus::Closed, t + kHourMs)}), // illegal: flagged
                   t + kHourMs);
        QCOMPARE(live.flaggedCases(), 1);
        live.tick(t + kHourMs + state::kKeepEndedMs - 1);
        QCOMPARE(live.cases().size(), size_t(2));
        live.tick(t + kHourMs + state::kKeepEndedMs);
        QCOMPARE(live.cases().count("e-1"), size_t(0));
        QCOMPARE(live.cases().count("e-2"), size_t(1)); // still open, 49 hours late
        QCOMPARE(live.flaggedCases(), 1);
        QCOMPARE(live.rollups().city().open, 1);
        QCOMPARE(live.rollups().city().overdue, 1);
    }

    // Without a grid code the case gets the grid under its position.
    void caseWithoutGridIsPlaced()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        const int grid = m_grids[1234];
        live.apply(batchOf({report("p-1", kDay0 + kHourMs, inside(grid), 3, kDay0 + 50 * kHourMs)}), kDay0 + kHourMs);
        const state::CaseRecord &c = live.cases().at("p-1");
        QCOMPARE(c.region, grid);
        QCOMPARE(QString::fromStdString(c.grid), m_tree->region(grid).code);
        // An unknown grid code falls back to the position too.
        feed::CaseEvent e = report("p-2", kDay0 + kHourMs, inside(grid), 3, kDay0 + 50 * kHourMs);
        e.grid = "999999999999999";
        live.apply(batchOf({e}), kDay0 + kHourMs);
        QCOMPARE(live.cases().at("p-2").region, grid);
        // A published grid code wins over the position.
        e = report("p-3", kDay0 + kHourMs, inside(grid), 3, kDay0 + 50 * kHourMs);
        e.grid = m_tree->region(m_grids[7]).code.toStdString();
        live.apply(batchOf({e}), kDay0 + kHourMs);
        QCOMPARE(live.cases().at("p-3").region, m_grids[7]);
        // Out at sea: no grid, counted for the city only.
        live.apply(batchOf({report("p-4", kDay0 + kHourMs, {121.0, 39.5}, 3, kDay0 + 50 * kHourMs)}), kDay0 + kHourMs);
        QCOMPARE(live.cases().at("p-4").region, -1);
        QCOMPARE(live.rollups().city().open, 4);
    }

    void workloadIndex()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        const int grid = m_grids[300];
        const int64_t t = kDay0 + 8 * kHourMs;
        feed::GridState g;
        g.code = m_tree->region(grid).code.toStdString();
        g.ts = t;
        g.workersOnDuty = 2;
        g.workersTotal = 3;
        live.apply(batchOf({g, report("w-1", t, inside(grid), 1, t + 2 * kHourMs), report("w-2", t, inside(grid), 3, t + 48 * kHourMs)}), t);
        const state::RegionFigures &f = live.rollups().region(grid);
        QCOMPARE(f.load, int64_t(8 + 2));
        QCOMPARE(f.workload(), 5.0);
        QCOMPARE(state::workloadRamp(f.workload()), 5.0 / 16.0);
        // Two hours and a bit later the priority-1 case is overdue by over an hour? No: by 1 s; the factor doubles.
        live.tick(t + 2 * kHourMs + 1000);
        QCOMPARE(f.load, int64_t(8 * 2 + 2));
        QCOMPARE(f.workload(), 9.0);
        live.tick(t + 4 * kHourMs);
        QCOMPARE(f.load, int64_t(8 * 3 + 2));
        // Rolled up: the sum of load over the sum of workers on duty.
        const int street = m_tree->region(m_tree->region(grid).parent).parent;
        QCOMPARE(live.rollups().region(street).workersOnDuty, 2);
        QCOMPARE(live.rollups().region(street).workload(), 13.0);
        // Nobody on duty: the load itself.
        g.workersOnDuty = 0;
        g.ts = t + 4 * kHourMs;
        live.apply(batchOf({g}), t + 4 * kHourMs);
        QCOMPARE(f.workload(), 26.0);
        QCOMPARE(state::workloadRamp(f.workload()), 1.0);
    }

    // Sensors at warning or alarm level count in their regions once the level has held.
    void sensorLevelsRollUp()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        const int grid = m_grids[900];
        const int64_t t = kDay0 + 12 * kHourMs;
        feed::SensorState s;
        s.id = "s-1";
        s.ts = t;
        s.kind = feed::SensorKind::Gas;
        s.position = inside(grid);
        s.warn = 20;
        s.alarm = 50;
        live.apply(batchOf({s}), t);
        QCOMPARE(live.rollups().region(grid).sensors, 1);
        const auto reading = [](int64_t ts, double v) {
            feed::SensorReading r;
            r.id = "s-1";
            r.ts = ts;
            r.value = v;
            return r;
        };
        for (int i = 0; i <= 3; ++i) // 15 s over the alarm line
            live.apply(batchOf({reading(t + 5000 * (i + 1), 60)}), t + 5000 * (i + 1));
        for (int r : chain(grid)) {
            QCOMPARE(live.rollups().region(r).sensorsAlarm, 1);
            QCOMPARE(live.rollups().region(r).sensorsWarn, 0);
        }
        QCOMPARE(live.alarms().activeCount(4), 1);
        // Down to the warning level, held: warning.
        for (int i = 0; i <= 3; ++i)
            live.apply(batchOf({reading(t + 25000 + 5000 * i, 30)}), t + 25000 + 5000 * i);
        QCOMPARE(live.rollups().region(grid).sensorsAlarm, 0);
        QCOMPARE(live.rollups().region(grid).sensorsWarn, 1);
        QCOMPARE(live.alarms().activeCount(2), 1);
        QCOMPARE(live.alarms().activeCount(4), 0);
    }

    void silentDevicesRaiseAlarms()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        const int64_t t = kDay0 + 12 * kHourMs;
        feed::CameraState cam;
        cam.id = "cam-1";
        cam.ts = t;
        cam.online = true;
        cam.name = "东门";
        cam.position = inside(m_grids[10]);
        live.apply(batchOf({cam}), t);
        live.tick(t + 299'000);
        QCOMPARE(live.alarms().activeCount(1), 0);
        live.tick(t + 300'000);
        QCOMPARE(live.alarms().activeCount(1), 1);
        cam.ts = t + 310'000;
        live.apply(batchOf({cam}), t + 310'000);
        QCOMPARE(live.alarms().activeCount(1), 0);
    }

    // 23 smoke sensors in one district cross the alarm line together: one summary.
    void floodsAreSummarised()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        const int dawa = district(QStringLiteral("大洼区"));
        QVERIFY(dawa >= 0);
        std::vector<int> grids;
        for (int g : m_grids)
            if (chain(g).back() == dawa)
                grids.push_back(g);
        const int64_t t = kDay0 + 14 * kHourMs;
        std::vector<feed::Event> states;
        for (int i = 0; i < 23; ++i) {
            feed::SensorState s;
            s.id = "smoke-" + std::to_string(i);
            s.ts = t;
            s.kind = feed::SensorKind::Smoke;
            s.position = inside(grids[size_t(i) * 7]);
            s.warn = 10;
            s.alarm = 30;
            states.push_back(s);
        }
        live.apply(batchOf(std::move(states)), t);
        for (int step = 1; step <= 4; ++step) {
            std::vector<feed::Event> readings;
            for (int i = 0; i < 23; ++i) {
                feed::SensorReading r;
                r.id = "smoke-" + std::to_string(i);
                r.ts = t + 5000 * step + i * 1000;
                r.value = 80;
                readings.push_back(r);
            }
            live.apply(batchOf(std::move(readings)), t + 5000 * step + 23'000);
        }
        const auto floods = live.alarms().floods(live.now());
        QCOMPARE(floods.size(), size_t(1));
        QCOMPARE(floods[0].count, 23);
        QCOMPARE(floods[0].district, dawa);
        QCOMPARE(floods[0].label, std::string("smoke"));
        QCOMPARE(floods[0].kind, state::AlarmKind::SensorAlarm);
        QCOMPARE(live.rollups().region(dawa).sensorsAlarm, 23);
    }

    // 100,000 random events of every kind, in random batches over two
    // midnights: every figure of every region equals a recount from the records.
    void rollupsMatchBruteForce()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        std::mt19937 rng(4242);
        const auto pick = [&](int n) { return int(rng() % uint32_t(n)); };
        const auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
        const std::vector<std::string> categories = {"环境卫生", "治安隐患", "矛盾纠纷", "市政设施", "安全隐患", "民生服务"};

        std::vector<feed::Event> setup;
        for (size_t i = 0; i < m_sites.size(); i += 3)
            setup.push_back(m_sites[i]); // a third of the sites: coverage changes as the rest arrive later
        live.apply(batchOf(std::move(setup)), kDay0);

        struct Sim
        {
            std::string id;
            int64_t seq = 0;
            CaseStatus status = CaseStatus::Reported;
            bool reported = false;
        };
        std::vector<Sim> cases(3000);
        for (size_t i = 0; i < cases.size(); ++i)
            cases[i].id = "r-" + std::to_string(i);
        int64_t t = kDay0 + 20 * kHourMs;
        size_t site = 1;
        std::vector<feed::Event> batch;
        const auto flush = [&] {
            live.apply(batchOf(std::move(batch)), t);
            batch.clear();
        };
        int checks = 0;
        for (int n = 0; n < 100'000; ++n) {
            t += int64_t(rng() % 4000); // ~55 h in all: two midnights
            const int kind = pick(100);
            if (kind < 55) {
                Sim &c = cases[size_t(pick(int(cases.size())))];
                const int grid = m_grids[size_t(pick(int(m_grids.size())))];
                if (!c.reported || (state::isTerminal(c.status) && chance(0.3))) {
                    if (state::isTerminal(c.status))
                        c = Sim{c.id + "x", 0, CaseStatus::Reported, false};
                    feed::CaseEvent e = report(c.id, t, inside(grid), 1 + pick(4), t + (1 + pick(72)) * kHourMs,
                                               categories[size_t(pick(int(categories.size())))], feed::CaseSource(pick(6)));
                    if (chance(0.5))
                        e.grid = m_tree->region(grid).code.toStdString();
                    if (chance(0.2))
                        e.position.reset();
                    if (chance(0.1)) { // the report comes after the next event
                        c.seq = 2;
                        batch.push_back(caseEvent(c.id, 2, CaseStatus::Accepted, t));
                        c.status = CaseStatus::Accepted;
                        e.ts = t - 1000;
                    } else {
                        c.seq = 1;
                        c.status = CaseStatus::Reported;
                    }
                    batch.push_back(std::move(e));
                    c.reported = true;
                } else {
                    // Mostly legal steps, some illegal, duplicate, stale or skipping.
                    std::vector<CaseStatus> next;
                    for (CaseStatus s : kAll)
                        if (kLegal.count({c.status, s}))
                            next.push_back(s);
                    const int r = pick(100);
                    if (r < 80 && !next.empty()) {
                        c.status = next[size_t(pick(int(next.size())))];
                        batch.push_back(caseEvent(c.id, ++c.seq, c.status, t));
                    } else if (r < 88) {
                        batch.push_back(caseEvent(c.id, c.seq + 1, kAll[size_t(pick(9))], t)); // maybe illegal
                    } else if (r < 94) {
                        batch.push_back(caseEvent(c.id, std::max<int64_t>(1, c.seq - pick(2)), kAll[size_t(pick(9))], t));
                    } else {
                        feed::CaseEvent e = caseEvent(c.id, c.seq + 1, CaseStatus::Handling, t);
                        e.grid = m_tree->region(grid).code.toStdString(); // a correction of the grid
                        batch.push_back(std::move(e));
                    }
                }
            } else if (kind < 65) {
                feed::CameraState cam;
                cam.id = "cam-" + std::to_string(pick(800));
                cam.ts = t;
                cam.online = chance(0.9);
                cam.position = inside(m_grids[size_t(pick(200)) * 13]);
                batch.push_back(cam);
            } else if (kind < 72) {
                feed::SensorState s;
                s.id = "sen-" + std::to_string(pick(300));
                s.ts = t;
                s.kind = feed::SensorKind(pick(6));
                s.position = inside(m_grids[size_t(pick(2648))]);
                s.warn = 50;
                s.alarm = 80;
                batch.push_back(s);
            } else if (kind < 90) {
                feed::SensorReading r;
                r.id = "sen-" + std::to_string(pick(300));
                r.ts = t;
                r.value = pick(100);
                batch.push_back(r);
            } else if (kind < 97) {
                feed::GridState g;
                const int grid = m_grids[size_t(pick(int(m_grids.size())))];
                g.code = m_tree->region(grid).code.toStdString();
                g.ts = t;
                g.workersTotal = 1 + pick(5);
                g.workersOnDuty = pick(g.workersTotal + 1);
                batch.push_back(g);
            } else if (site < m_sites.size()) {
                feed::PoiState poi = m_sites[site];
                site += site % 3 == 2 ? 2 : 1;
                poi.ts = t;
                batch.push_back(poi);
            }
            if (batch.size() >= size_t(1 + pick(400)))
                flush();
            if (n % 20'000 == 19'999) {
                flush();
                live.tick(t + pick(3) * kHourMs);
                t = live.now();
                verifyAgainstRecount(live);
                ++checks;
            }
        }
        QCOMPARE(checks, 5);
        QVERIFY(live.rollups().city().closedToday > 0);
        QVERIFY(live.rollups().city().overdue > 0);
        QVERIFY(live.rollups().city().sensorsAlarm + live.rollups().city().sensorsWarn > 0);
        QVERIFY(rejected(stats, feed::Reject::IllegalTransition) > 0);
        QVERIFY(rejected(stats, feed::Reject::StaleSeq) + rejected(stats, feed::Reject::DuplicateSeq) > 0);
    }

    // Nearest cameras, mediation sites, covering rings and the five-minute
    // share, against brute force over the real sites and 2,000 cameras.
    void spatialContextMatchesBruteForce()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        std::mt19937 rng(77);
        std::vector<feed::Event> events(m_sites.begin(), m_sites.end());
        std::vector<feed::CameraState> cameras;
        for (int i = 0; i < 2000; ++i) {
            feed::CameraState cam;
            cam.id = "c-" + std::to_string(i);
            cam.ts = kDay0;
            cam.online = rng() % 10 != 0;
            const feed::GeoPoint base = inside(m_grids[rng() % m_grids.size()]);
            cam.position = {base.lon + (int(rng() % 200) - 100) * 1e-5, base.lat + (int(rng() % 200) - 100) * 1e-5};
            cameras.push_back(cam);
            events.push_back(cam);
        }
        live.apply(batchOf(std::move(events)), kDay0 + kHourMs);
        state::PointIndex metric;
        for (int q = 0; q < 300; ++q) {
            const feed::GeoPoint base = inside(m_grids[rng() % m_grids.size()]);
            const feed::GeoPoint p{base.lon + (int(rng() % 2000) - 1000) * 1e-5, base.lat + (int(rng() % 2000) - 1000) * 1e-5};
            const state::SpatialContext ctx = live.contextAt(p, 5);

            std::vector<std::pair<double, std::string>> byDistance;
            for (const auto &cam : cameras)
                byDistance.push_back({metric.metres(p, cam.position), cam.id});
            std::sort(byDistance.begin(), byDistance.end());
            QCOMPARE(ctx.cameras.size(), size_t(5));
            for (size_t i = 0; i < 5; ++i)
                QVERIFY(std::abs(ctx.cameras[i].metres - byDistance[i].first) < 1e-6);

            std::optional<std::pair<double, std::string>> room, point;
            std::vector<std::pair<std::string, int>> rings;
            bool five = false;
            for (const feed::PoiState &s : m_sites) {
                const double d = metric.metres(p, s.position);
                auto &best = s.kind == feed::PoiKind::MediationRoom ? room : point;
                if ((s.kind == feed::PoiKind::MediationRoom || s.kind == feed::PoiKind::MediationPoint) && (!best || d < best->first))
                    best = {d, s.id};
                for (const feed::Ring &r : s.rings) {
                    if (d <= r.radiusM) {
                        rings.push_back({s.id, r.minutes});
                        five = five || r.minutes <= 5;
                    }
                }
            }
            QVERIFY(ctx.mediationRoom && ctx.mediationPoint);
            QCOMPARE(ctx.mediationRoom->id, room->second);
            QCOMPARE(ctx.mediationPoint->id, point->second);
            std::vector<std::pair<std::string, int>> got;
            for (const auto &r : ctx.rings)
                got.push_back({r.poi, r.minutes});
            std::sort(got.begin(), got.end());
            std::sort(rings.begin(), rings.end());
            QCOMPARE(got, rings);
            QCOMPARE(live.coveredByFiveMinutes(p), five);
            for (size_t i = 1; i < ctx.rings.size(); ++i)
                QVERIFY(ctx.rings[i - 1].minutes <= ctx.rings[i].minutes);
        }

        // Per district: the share of open cases outside every five-minute ring.
        std::vector<feed::Event> reports;
        std::map<int, std::pair<int, int>> expected; // district -> (outside, located)
        for (int i = 0; i < 2000; ++i) {
            const int grid = m_grids[rng() % m_grids.size()];
            const feed::GeoPoint p = inside(grid);
            reports.push_back(report("f-" + std::to_string(i), kDay0 + kHourMs, p, 3, kDay0 + 40 * kHourMs));
            bool five = false;
            for (const feed::PoiState &s : m_sites)
                for (const feed::Ring &r : s.rings)
                    five = five || (r.minutes <= 5 && metric.metres(p, s.position) <= r.radiusM);
            const int placed = live.gridAt(p); // a label point on a border may fall in the grid next door
            if (placed < 0)
                continue;
            auto &e = expected[chain(placed).back()];
            e.first += five ? 0 : 1;
            e.second += 1;
        }
        live.apply(batchOf(std::move(reports)), kDay0 + kHourMs);
        for (const auto &[d, e] : expected) {
            QCOMPARE(live.rollups().region(d).openOutsideFive, e.first);
            QCOMPARE(live.rollups().region(d).shareOutsideFive(), double(e.first) / e.second);
        }
        QVERIFY(live.rollups().city().shareOutsideFive() > 0.1); // the rural districts lie far from police stations
    }

    // On-duty workers of a point's grid and the grids around it.
    void workersAroundAGrid()
    {
        feed::FeedStats stats;
        state::LiveState live(stats, m_tree.get());
        std::mt19937 rng(5);
        std::vector<feed::Event> events;
        std::vector<feed::WorkerPosition> workers;
        for (int i = 0; i < 5000; ++i) {
            feed::WorkerPosition w;
            w.id = "w-" + std::to_string(i);
            w.ts = kDay0;
            w.status = feed::WorkerStatus(rng() % 4);
            const feed::GeoPoint base = inside(m_grids[rng() % 400]); // crowded: the first 400 grids
            w.position = {base.lon + (int(rng() % 400) - 200) * 1e-5, base.lat + (int(rng() % 400) - 200) * 1e-5};
            workers.push_back(w);
            events.push_back(w);
        }
        live.apply(batchOf(std::move(events)), kDay0);
        const auto neighbours = geo::gridNeighbours(*m_tree);
        int found = 0;
        for (int q = 0; q < 100; ++q) {
            const int grid = m_grids[rng() % 400];
            const state::SpatialContext ctx = live.contextAt(inside(grid));
            QCOMPARE(ctx.region, grid);
            std::set<int> around(neighbours[size_t(grid)].begin(), neighbours[size_t(grid)].end());
            around.insert(grid);
            std::set<std::string> expected;
            for (const auto &w : workers) {
                if (w.status == feed::WorkerStatus::OffDuty)
                    continue;
                if (around.count(live.gridAt(w.position)))
                    expected.insert(w.id);
            }
            std::set<std::string> got;
            for (const auto &w : ctx.workers)
                got.insert(w.id);
            QCOMPARE(got, expected);
            for (size_t i = 1; i < ctx.workers.size(); ++i)
                QVERIFY(ctx.workers[i - 1].metres <= ctx.workers[i].metres);
            found += int(got.size());
        }
        QVERIFY(found > 100);
    }

    // What a Prometheus scrape shows for cases and alarms.
    void metricsShowCasesAndAlarms()
    {
        views::LiveFeed feed(std::nullopt, m_tree.get());
        const int64_t now = feed::epochMs();
        const int xinglongtai = district(QStringLiteral("兴隆台区"));
        int grid = -1;
        for (int g : m_grids)
            if (chain(g).back() == xinglongtai)
                grid = g;
        feed.push(report("x-1", now - 3 * kHourMs, inside(grid), 1, now - kHourMs));
        feed.push(report("x-2", now - 3 * kHourMs, inside(grid), 3, now + 40 * kHourMs));
        feed.drain();
        const QString text = feed.metricsText();
        const QString code = m_tree->region(xinglongtai).code;
        QVERIFY2(text.contains(QStringLiteral("gridwall_cases_open{district=\"%1\",name=\"兴隆台区\"} 2\n").arg(code)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("gridwall_cases_overdue{district=\"%1\",name=\"兴隆台区\"} 1\n").arg(code)));
        QVERIFY(text.contains(QStringLiteral("gridwall_alarms_active{severity=\"3\"} 1\n")));
        QVERIFY(text.contains(QStringLiteral("gridwall_alarms_active{severity=\"4\"} 0\n")));
        QVERIFY(text.contains(QStringLiteral("gridwall_messages_rejected_total{reason=\"illegal_transition\"} 0\n")));
    }

private:
    void verifyAgainstRecount(const state::LiveState &live)
    {
        const size_t n = m_tree->regions().size();
        struct Count
        {
            int open = 0, overdue = 0, dueSoon = 0, newToday = 0, closedToday = 0, located = 0, outside = 0;
            int64_t load = 0;
            std::array<int, feed::kCaseSourceCount> bySource{};
            std::map<int, int> byCategory;
            std::vector<int64_t> handling;
            int onDuty = 0, total = 0, cameras = 0, online = 0, sensors = 0, warn = 0, alarm = 0;
        };
        std::vector<Count> counts(n + 1);
        const auto along = [&](int region, auto f) {
            for (int r = region; r >= 0; r = m_tree->region(r).parent)
                f(counts[size_t(r)]);
            f(counts[n]);
        };
        const int64_t now = live.now();
        const int64_t today = state::shanghaiDay(now);
        for (const auto &[id, c] : live.cases()) {
            along(c.region, [&](Count &k) {
                if (c.reportedTs > 0 && state::shanghaiDay(c.reportedTs) == today)
                    ++k.newToday;
                if (c.status == CaseStatus::Closed && state::shanghaiDay(c.closedTs) == today) {
                    ++k.closedToday;
                    if (c.handlingMs >= 0)
                        k.handling.push_back(c.handlingMs);
                }
                if (!state::isOpen(c.status))
                    return;
                ++k.open;
                const bool inHand = c.status != CaseStatus::Resolved;
                const bool overdue = inHand && c.deadline > 0 && now > c.deadline;
                k.overdue += overdue;
                k.dueSoon += inHand && c.deadline > 0 && !overdue && c.deadline - now <= state::LiveState::dueSoonWindow(c);
                k.load += inHand ? state::LiveState::loadUnits(c.priority, c.deadline > 0 ? now - c.deadline : 0) : 0;
                if (c.position) {
                    ++k.located;
                    k.outside += !live.coveredByFiveMinutes(*c.position);
                }
                if (c.source)
                    ++k.bySource[size_t(*c.source)];
                if (c.categoryIndex >= 0)
                    ++k.byCategory[c.categoryIndex];
            });
        }
        for (const auto &[code, g] : live.grids())
            along(m_tree->indexOf(QString::fromStdString(code)), [&](Count &k) {
                k.onDuty += g.state.workersOnDuty;
                k.total += g.state.workersTotal;
            });
        for (const auto &[id, cam] : live.cameras())
            along(live.gridAt(cam.state.position), [&](Count &k) {
                ++k.cameras;
                k.online += cam.state.online;
            });
        // A sensor's level: its active threshold alarm, if any.
        std::map<std::string, int> level;
        for (int severity = 1; severity <= state::kSeverityCount; ++severity)
            for (const state::Alarm *a : live.alarms().active(severity))
                if (a->kind == state::AlarmKind::SensorWarn || a->kind == state::AlarmKind::SensorAlarm)
                    level[a->subject] = a->kind == state::AlarmKind::SensorAlarm ? 2 : 1;
        for (const auto &[id, s] : live.sensors()) {
            if (!s.state)
                continue;
            along(live.gridAt(s.state->position), [&](Count &k) {
                ++k.sensors;
                k.warn += level[id] == 1;
                k.alarm += level[id] == 2;
            });
        }
        for (size_t r = 0; r <= n; ++r) {
            const state::RegionFigures &f = r < n ? live.rollups().region(int(r)) : live.rollups().city();
            Count &k = counts[r];
            const QByteArray where = r < n ? m_tree->region(int(r)).code.toUtf8() : QByteArray("city");
            QVERIFY2(f.open == k.open, where.constData());
            QVERIFY2(f.overdue == k.overdue, where.constData());
            QVERIFY2(f.dueSoon == k.dueSoon, where.constData());
            QVERIFY2(f.newToday == k.newToday, where.constData());
            QVERIFY2(f.closedToday == k.closedToday, where.constData());
            QVERIFY2(f.load == k.load, where.constData());
            QVERIFY2(f.openLocated == k.located, where.constData());
            QVERIFY2(f.openOutsideFive == k.outside, where.constData());
            QVERIFY2(f.openBySource == k.bySource, where.constData());
            for (int cat = 0; cat < int(live.categories().size()); ++cat)
                QVERIFY2(f.openInCategory(cat) == (k.byCategory.count(cat) ? k.byCategory[cat] : 0), where.constData());
            std::sort(k.handling.begin(), k.handling.end());
            const int64_t median = k.handling.empty() ? 0 : k.handling[(k.handling.size() - 1) / 2];
            QVERIFY2(f.medianHandlingMs() == median, where.constData());
            QVERIFY2(f.workersOnDuty == k.onDuty && f.workersTotal == k.total, where.constData());
            QVERIFY2(f.cameras == k.cameras && f.camerasOnline == k.online, where.constData());
            QVERIFY2(f.sensors == k.sensors, where.constData());
            QVERIFY2(f.sensorsWarn == k.warn && f.sensorsAlarm == k.alarm, where.constData());
        }
        QVERIFY(live.rollups().city().open > 0);
    }
};

QTEST_MAIN(TestLiveState)
#include "tst_livestate.moc"

// The history database on its own: schema migrations, the case journal
// (every field back as written, each (case, seq) once), refusals leaving the
// contract's case_events view, and the writer thread.

#include "geo/regionloader.h"
#include "geo/regiontree.h"
#include "history/history.h"
#include "history/kpi.h"
#include "history/queries.h"
#include "history/recorder.h"
#include "views/livefeed.h"
#include "history/telemetry.h"
#include "history/timeline.h"

#include <limits>
#include <map>
#include <random>

#include <QTemporaryDir>
#include <QGeoCoordinate>
#include <QTest>

using namespace gridwall;

namespace {

feed::CaseEvent reported(const std::string &id, int64_t ts)
{
    feed::CaseEvent e;
    e.id = id;
    e.ts = ts;
    e.seq = 1;
    e.status = feed::CaseStatus::Reported;
    e.category = "市政设施";
    e.source = feed::CaseSource::Hotline;
    e.priority = 2;
    e.position = feed::GeoPoint{122.0712, 41.1203};
    e.deadline = ts + 86'400'000;
    e.title = "路灯不亮";
    e.grid = "211103001001001";
    return e;
}

int64_t count(sqlite3 *db, const char *sql)
{
    history::Statement s(db, sql);
    return s && sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : -1;
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void freshDatabaseIsAtTheCurrentSchemaInWal()
    {
        QTemporaryDir dir;
        history::OpenResult opened = history::openHistory(dir.path());
        QVERIFY2(opened.db, qPrintable(opened.error));
        QCOMPARE(history::schemaVersion(opened.db.get()), history::kSchemaVersion);
        history::Statement mode(opened.db.get(), "PRAGMA journal_mode");
        QCOMPARE(sqlite3_step(mode.get()), SQLITE_ROW);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(mode.get(), 0))), QByteArray("wal"));
        QVERIFY(opened.movedAside.isEmpty());
    }

    // A database written by the first schema gains the later migrations and keeps its rows.
    void migratesFromAnOlderSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("gridwall.sqlite");
        {
            history::Connection db = history::connectHistory(path);
            QVERIFY(db);
            QString error;
            QVERIFY2(history::migrate(db.get(), 1, &error), qPrintable(error));
            QCOMPARE(history::schemaVersion(db.get()), 1);
            QVERIFY(history::exec(db.get(), "INSERT INTO case_log(case_id, seq, status, ts, received_at) "
                                            "VALUES ('old-1', 1, 'reported', 1000, 1001), ('old-1', 2, 'accepted', 2000, 2001)"));
            QCOMPARE(count(db.get(), "SELECT count(*) FROM sqlite_schema WHERE name = 'case_log_ts'"), int64_t(0));
        }
        history::OpenResult opened = history::openHistory(dir.path());
        QVERIFY2(opened.db, qPrintable(opened.error));
        QCOMPARE(history::schemaVersion(opened.db.get()), history::kSchemaVersion);
        QCOMPARE(count(opened.db.get(), "SELECT count(*) FROM sqlite_schema WHERE name = 'case_log_ts'"), int64_t(1));
        QCOMPARE(count(opened.db.get(), "SELECT count(*) FROM case_events WHERE case_id = 'old-1'"), int64_t(2));
        const std::vector<feed::CaseEvent> events = history::readCaseJournal(opened.db.get());
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[1].status, feed::CaseStatus::Accepted);
    }

    void journalKeepsEveryFieldOnce()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));
        feed::CaseEvent first = reported("c-1", 1'796'000'000'000);
        QVERIFY(h->recordCase(first, first.ts + 5));
        QCOMPARE(first.journalId, int64_t(1));
        QVERIFY(h->recordCase(first, first.ts + 9)); // redelivered: kept as it was
        QCOMPARE(first.journalId, int64_t(0));
        feed::CaseEvent closed;
        closed.id = "c-1";
        closed.ts = first.ts + 3'600'000;
        closed.seq = 6;
        closed.status = feed::CaseStatus::Closed;
        closed.note = "已回访";
        closed.rating = 5;
        QVERIFY(h->recordCase(closed, closed.ts + 1));
        QCOMPARE(h->persisted(), uint64_t(2)); // the redelivered copy is not a new row

        const std::vector<feed::CaseEvent> events = h->readJournal();
        QCOMPARE(events.size(), size_t(2));
        const feed::CaseEvent &r = events[0];
        QCOMPARE(r.id, first.id);
        QCOMPARE(r.seq, int64_t(1));
        QCOMPARE(r.status, feed::CaseStatus::Reported);
        QCOMPARE(r.ts, first.ts);
        QCOMPARE(r.category, first.category);
        QVERIFY(r.source && *r.source == feed::CaseSource::Hotline);
        QCOMPARE(r.priority, 2);
        QVERIFY(r.position && r.position->lon == 122.0712 && r.position->lat == 41.1203);
        QCOMPARE(r.deadline, first.deadline);
        QCOMPARE(r.title, first.title);
        QCOMPARE(r.grid, first.grid);
        QCOMPARE(events[1].note, std::string("已回访"));
        QCOMPARE(events[1].rating, 5);
        QVERIFY(!events[1].position);

        history::Connection db = history::connectHistory(h->path());
        QCOMPARE(count(db.get(), "SELECT received_at FROM case_events WHERE seq = 1"), first.ts + 5);
    }

    // What the live state refused leaves case_events and the replay, on the writer thread.
    void refusalsLeaveTheAcceptedView()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));
        feed::CaseEvent e = reported("c-2", 1'796'000'000'000);
        QVERIFY(h->recordCase(e, e.ts));
        e.seq = 2;
        e.status = feed::CaseStatus::Closed; // reported -> closed: illegal
        QVERIFY(h->recordCase(e, e.ts));
        std::vector<history::Refusal> refusals{{"c-2", 2, feed::Reject::IllegalTransition}};
        bool marked = false;
        h->post([refusals, &marked](sqlite3 *db) { marked = history::markRefused(db, refusals); });
        h->flush();
        QVERIFY(marked);
        history::Connection db = history::connectHistory(h->path());
        QCOMPARE(count(db.get(), "SELECT count(*) FROM case_log WHERE case_id = 'c-2'"), int64_t(2));
        QCOMPARE(count(db.get(), "SELECT count(*) FROM case_events WHERE case_id = 'c-2'"), int64_t(1));
        QCOMPARE(count(db.get(), "SELECT count(*) FROM case_log WHERE refused = 'illegal_transition'"), int64_t(1));
        QCOMPARE(h->readJournal().size(), size_t(1));
        // The case's timeline shows both, the refused one with why.
        const std::vector<history::TimelineEntry> timeline = history::caseTimeline(db.get(), "c-2");
        QCOMPARE(timeline.size(), size_t(2));
        QCOMPARE(timeline[0].event.status, feed::CaseStatus::Reported);
        QVERIFY(timeline[0].refused.empty());
        QCOMPARE(timeline[1].event.status, feed::CaseStatus::Closed);
        QCOMPARE(timeline[1].refused, std::string("illegal_transition"));
        QCOMPARE(timeline[1].receivedAt, e.ts);
    }

    void alarmTransitionsAreKept()
    {
        QTemporaryDir dir;
        history::OpenResult opened = history::openHistory(dir.path());
        QVERIFY2(opened.db, qPrintable(opened.error));
        std::vector<history::AlarmTransition> t = {
            {7, "raised", 1000, "sensor_alarm", 4, "s-1", "smoke", "211104", 82.5},
            {7, "acknowledged", 2000, "sensor_alarm", 4, "s-1", "smoke", "211104", 82.5},
            {7, "cleared", 3000, "sensor_alarm", 4, "s-1", "smoke", "211104", 82.5},
        };
        QVERIFY(history::recordAlarms(opened.db.get(), 555, t));
        QCOMPARE(count(opened.db.get(), "SELECT count(*) FROM alarm_log WHERE run = 555 AND alarm_id = 7"), int64_t(3));
        QCOMPARE(count(opened.db.get(), "SELECT at FROM alarm_log WHERE phase = 'cleared'"), int64_t(3000));
        QCOMPARE(count(opened.db.get(), "SELECT count(*) FROM alarm_log WHERE district = '211104' AND severity = 4"), int64_t(3));
        QCOMPARE(count(opened.db.get(), "SELECT count(*) FROM alarm_active"), int64_t(0)); // cleared: not active
        QVERIFY(history::recordAlarms(opened.db.get(), 555, {t[0], t[1]}));
        const std::vector<history::ActiveAlarm> active = history::readActiveAlarms(opened.db.get());
        QCOMPARE(active.size(), size_t(1));
        QCOMPARE(active[0].alarm.kind, state::AlarmKind::SensorAlarm);
        QCOMPARE(active[0].alarm.phase, state::AlarmPhase::Acknowledged);
        QCOMPARE(active[0].alarm.raisedAt, int64_t(1000));
        QCOMPARE(active[0].alarm.acknowledgedAt, int64_t(2000));
        QCOMPARE(active[0].district, std::string("211104"));
    }

    // The alarms active before a restart are active after it, with their
    // raise times and acknowledgements: an overdue case's (raised again from
    // the restored case) and a camera event's (from the record: no retained
    // message repeats it).
    void alarmsCarryOverARestart()
    {
        const geo::RegionLoadResult loaded = geo::loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.tree, qPrintable(loaded.error));
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));
        const int64_t now = feed::epochMs();
        const auto activeOf = [](const views::LiveFeed &feed, state::AlarmKind kind) {
            std::vector<state::Alarm> found;
            for (int severity = 1; severity <= state::kSeverityCount; ++severity)
                for (const state::Alarm *a : feed.state().alarms().active(severity))
                    if (a->kind == kind)
                        found.push_back(*a);
            return found;
        };
        state::Alarm overdueBefore, cameraBefore;
        {
            views::LiveFeed feed(std::nullopt, loaded.tree.get(), h.get());
            feed::CaseEvent late = reported("late-1", now - 3 * state::kHourMs);
            late.deadline = now - state::kHourMs;
            feed.push(std::move(late));
            feed.push(feed::CameraEvent{"cam-9", now - 60'000, feed::CameraEventType::FireSmoke, 4, {}});
            feed.drain();
            feed.state().tick(now);
            std::vector<state::Alarm> overdue = activeOf(feed, state::AlarmKind::CaseOverdue);
            QCOMPARE(overdue.size(), size_t(1));
            QVERIFY(feed.state().alarms().acknowledge(overdue[0].id, now + 1000));
            feed.push(reported("other-1", now)); // the next batch records the acknowledgement
            feed.drain();
            overdueBefore = activeOf(feed, state::AlarmKind::CaseOverdue)[0];
            cameraBefore = activeOf(feed, state::AlarmKind::CameraEvent).at(0);
            QCOMPARE(overdueBefore.phase, state::AlarmPhase::Acknowledged);
        }
        h->flush();
        views::LiveFeed restarted(std::nullopt, loaded.tree.get(), h.get());
        QCOMPARE(restarted.recorder()->restoredAlarms(), size_t(2));
        const std::vector<state::Alarm> overdue = activeOf(restarted, state::AlarmKind::CaseOverdue);
        QCOMPARE(overdue.size(), size_t(1));
        QCOMPARE(overdue[0].subject, std::string("late-1"));
        QCOMPARE(overdue[0].phase, state::AlarmPhase::Acknowledged); // not flashing again
        QCOMPARE(overdue[0].raisedAt, overdueBefore.raisedAt);
        QCOMPARE(overdue[0].acknowledgedAt, overdueBefore.acknowledgedAt);
        const std::vector<state::Alarm> camera = activeOf(restarted, state::AlarmKind::CameraEvent);
        QCOMPARE(camera.size(), size_t(1));
        QCOMPARE(camera[0].subject, std::string("cam-9"));
        QCOMPARE(camera[0].severity, 4);
        QCOMPARE(camera[0].phase, state::AlarmPhase::Raised);
        QCOMPARE(camera[0].raisedAt, cameraBefore.raisedAt);
    }

    // The operator acknowledging an alarm adds one line to the alarm log and nothing else: the batch before it
    // (a reading, a case) is not handed to the history a second time.
    void acknowledgingRecordsTheAcknowledgementOnly()
    {
        const geo::RegionLoadResult loaded = geo::loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.tree, qPrintable(loaded.error));
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));
        const int64_t now = feed::epochMs();
        {
            views::LiveFeed feed(std::nullopt, loaded.tree.get(), h.get());
            feed.push(feed::SensorState{"gas-7", now - 1000, feed::SensorKind::Gas, "ppm", {122.07, 41.12}, 10, 20, {}, {}});
            feed.drain();
            // One batch: a reading, and a camera's fire alarm.
            feed.push(feed::SensorReading{"gas-7", now, 5.0});
            feed.push(feed::CameraEvent{"cam-7", now, feed::CameraEventType::FireSmoke, 4, {}});
            feed.drain();
            uint64_t alarm = 0;
            for (const state::Alarm *a : feed.state().alarms().active(4))
                if (a->subject == "cam-7")
                    alarm = a->id;
            QVERIFY(alarm != 0);
            QVERIFY(feed.acknowledgeAlarm(alarm));
            QVERIFY(feed.acknowledgeAlarm(alarm) == false); // once
        }
        h->flush();
        history::Connection db = history::connectHistory(h->path());
        QCOMPARE(count(db.get(), "SELECT sum(n) FROM reading_bucket"), int64_t(1)); // one reading, counted once
        QCOMPARE(count(db.get(), "SELECT count(*) FROM alarm_log WHERE subject = 'cam-7' AND phase = 'raised'"), int64_t(1));
        QCOMPARE(count(db.get(), "SELECT count(*) FROM alarm_log WHERE subject = 'cam-7' AND phase = 'acknowledged'"), int64_t(1));
    }

    // A wall restarted from the stored records plus the journal after them
    // holds the same cases and figures as one that applied every event.
    void restoredStateEqualsTheLiveOne()
    {
        const geo::RegionLoadResult loaded = geo::loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.tree, qPrintable(loaded.error));
        const geo::RegionTree &tree = *loaded.tree;
        const QList<int> &grids = tree.level(geo::Level::Grid);
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));

        // Cases walking their lifecycle, journaled as the feed does.
        std::mt19937 rng(9);
        const int64_t start = 1'796'050'000'000; // the afternoon before a Shanghai midnight
        std::vector<feed::CaseEvent> events;
        using S = feed::CaseStatus;
        const std::vector<std::vector<S>> paths = {{S::Reported, S::Accepted, S::Dispatched, S::Handling, S::Resolved, S::Closed},
                                                   {S::Reported, S::Rejected},
                                                   {S::Reported, S::Accepted, S::Dispatched, S::Returned, S::Dispatched},
                                                   {S::Reported, S::Accepted, S::Escalated, S::Handling}};
        for (int i = 0; i < 600; ++i) {
            const std::string id = "h-" + std::to_string(i);
            const QGeoCoordinate at = tree.geoFromScene(tree.region(grids[int(rng() % grids.size())]).labelPoint);
            int64_t t = start + int64_t(rng() % 36'000'000);
            feed::CaseEvent r = reported(id, t);
            r.position = feed::GeoPoint{at.longitude(), at.latitude()};
            r.grid.clear();
            r.priority = 1 + int(rng() % 4);
            r.deadline = t + (1 + int64_t(rng() % 10)) * 3'600'000;
            events.push_back(r);
            const std::vector<S> &path = paths[rng() % paths.size()];
            for (size_t k = 1; k < path.size() && rng() % 5 != 0; ++k) {
                t += int64_t(rng() % 7'200'000);
                feed::CaseEvent e;
                e.id = id;
                e.ts = t;
                e.seq = int64_t(k) + 1;
                e.status = path[k];
                events.push_back(e);
            }
        }
        std::stable_sort(events.begin(), events.end(), [](const auto &a, const auto &b) { return a.ts < b.ts; });
        for (feed::CaseEvent &e : events)
            QVERIFY(h->recordCase(e, e.ts));

        feed::FeedStats statsA, statsB;
        state::LiveState live(statsA, &tree);
        const auto applyRange = [&](state::LiveState &s, size_t from, size_t to) {
            for (size_t i = from; i < to; i += 100) {
                feed::Batch batch;
                for (size_t j = i; j < std::min(to, i + 100); ++j)
                    batch.events.push_back(events[j]);
                s.apply(std::move(batch), events[std::min(to, i + 100) - 1].ts);
            }
        };
        const size_t cut = events.size() * 2 / 3;
        applyRange(live, 0, cut);
        std::vector<history::CaseRow> rows;
        for (const auto &[id, c] : live.cases())
            rows.emplace_back(id, c);
        bool written = false;
        h->post([&](sqlite3 *db) { written = history::writeCaseState(db, rows, live.journalHighWater()); });
        h->flush();
        QVERIFY(written);
        applyRange(live, cut, events.size());
        const int64_t end = events.back().ts;
        live.tick(end);

        history::History::Saved saved = h->readSaved(std::numeric_limits<int64_t>::min());
        QCOMPARE(saved.cases.size(), rows.size());
        QCOMPARE(saved.journal.size(), events.size() - cut);
        state::LiveState restored(statsB, &tree);
        for (auto &[id, record] : saved.cases)
            restored.restoreCase(id, std::move(record), events[cut - 1].ts);
        for (size_t i = 0; i < saved.journal.size(); i += 100) {
            feed::Batch batch;
            for (size_t j = i; j < std::min(saved.journal.size(), i + 100); ++j)
                batch.events.push_back(saved.journal[j]);
            restored.apply(std::move(batch), saved.journal[std::min(saved.journal.size(), i + 100) - 1].ts);
        }
        restored.tick(end);

        QCOMPARE(restored.cases().size(), live.cases().size());
        for (const auto &[id, c] : live.cases()) {
            const state::CaseRecord &r = restored.cases().at(id);
            QCOMPARE(r.status, c.status);
            QCOMPARE(r.seq, c.seq);
            QCOMPARE(r.region, c.region);
            QCOMPARE(restored.msIn(r, feed::CaseStatus::Accepted), live.msIn(c, feed::CaseStatus::Accepted));
        }
        QVERIFY(live.rollups().city().open > 0 && live.rollups().city().closedToday > 0 && live.rollups().city().overdue > 0);
        for (size_t i = 0; i <= tree.regions().size(); ++i) {
            const state::RegionFigures &a = i < tree.regions().size() ? live.rollups().region(int(i)) : live.rollups().city();
            const state::RegionFigures &b = i < tree.regions().size() ? restored.rollups().region(int(i)) : restored.rollups().city();
            QVERIFY(a.open == b.open && a.overdue == b.overdue && a.dueSoon == b.dueSoon && a.load == b.load);
            QVERIFY(a.newToday == b.newToday && a.closedToday == b.closedToday && a.medianHandlingMs() == b.medianHandlingMs());
            QVERIFY(a.openBySource == b.openBySource);
        }
        QCOMPARE(restored.alarms().activeCount(3) + restored.alarms().activeCount(2),
                 live.alarms().activeCount(3) + live.alarms().activeCount(2));
    }

    // Time travel: the state rebuilt for a past moment equals the one the
    // wall held live at that moment; playback from there reaches the present;
    // "what changed since" lists the new, closed and escalated cases.
    void timeTravelMatchesWhatWasLive()
    {
        const geo::RegionLoadResult loaded = geo::loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.tree, qPrintable(loaded.error));
        const geo::RegionTree &tree = *loaded.tree;
        const QList<int> &grids = tree.level(geo::Level::Grid);
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));

        std::mt19937 rng(21);
        const int64_t start = 1'796'050'000'000;
        using S = feed::CaseStatus;
        const std::vector<S> path = {S::Reported, S::Accepted, S::Escalated, S::Dispatched, S::Handling, S::Resolved, S::Closed};
        std::vector<feed::CaseEvent> events;
        for (int i = 0; i < 400; ++i) {
            const QGeoCoordinate at = tree.geoFromScene(tree.region(grids[int(rng() % grids.size())]).labelPoint);
            int64_t t = start + int64_t(rng() % 20'000'000) * 2;
            feed::CaseEvent r = reported("t-" + std::to_string(i), t);
            r.position = feed::GeoPoint{at.longitude(), at.latitude()};
            r.grid.clear();
            r.deadline = t + int64_t(1 + rng() % 6) * 3'600'000;
            events.push_back(r);
            int64_t seq = 1;
            for (size_t k = 1; k < path.size() && rng() % 4 != 0; ++k) {
                if (path[k] == S::Escalated && rng() % 2)
                    continue; // accepted -> dispatched directly
                t += 2 * int64_t(1 + rng() % 3'000'000);
                feed::CaseEvent e;
                e.id = r.id;
                e.ts = t;
                e.seq = ++seq;
                e.status = path[k];
                events.push_back(e);
            }
        }
        std::stable_sort(events.begin(), events.end(), [](const auto &a, const auto &b) { return a.ts < b.ts; });
        for (feed::CaseEvent &e : events)
            QVERIFY(h->recordCase(e, e.ts)); // every ts is even: odd moments fall between events

        feed::FeedStats stats;
        state::LiveState live(stats, &tree);
        const size_t cut = events.size() / 2;
        const int64_t moment = events[cut - 1].ts + 1;
        for (size_t i = 0; i < cut; i += 50) {
            feed::Batch batch;
            for (size_t j = i; j < std::min(cut, i + 50); ++j)
                batch.events.push_back(events[j]);
            live.apply(std::move(batch), events[std::min(cut, i + 50) - 1].ts);
        }
        live.tick(moment);
        QVERIFY(live.rollups().city().open > 0 && live.rollups().city().closedToday > 0);

        history::Connection db = history::connectHistory(h->path());
        feed::FeedStats travelStats;
        std::unique_ptr<state::LiveState> then = history::stateAt(db.get(), &tree, travelStats, moment);
        QCOMPARE(then->cases().size(), live.cases().size());
        for (size_t r = 0; r <= tree.regions().size(); ++r) {
            const state::RegionFigures &a = r < tree.regions().size() ? live.rollups().region(int(r)) : live.rollups().city();
            const state::RegionFigures &b = r < tree.regions().size() ? then->rollups().region(int(r)) : then->rollups().city();
            QVERIFY(a.open == b.open && a.overdue == b.overdue && a.dueSoon == b.dueSoon && a.load == b.load);
            QVERIFY(a.newToday == b.newToday && a.closedToday == b.closedToday && a.medianHandlingMs() == b.medianHandlingMs());
        }
        for (const auto &[id, c] : live.cases())
            QCOMPARE(then->cases().at(id).status, c.status);

        // Played forward to the end, it holds every case as the journal does.
        history::Playback playback(db.get(), moment);
        size_t played = 0;
        for (int64_t t = moment; t < events.back().ts + 3'600'000; t += 1'800'000) {
            std::vector<feed::CaseEvent> due = playback.advanceTo(t);
            played += due.size();
            feed::Batch batch;
            for (feed::CaseEvent &e : due)
                batch.events.emplace_back(std::move(e));
            then->apply(std::move(batch), t);
        }
        QCOMPARE(played, events.size() - cut);
        size_t closed = 0;
        for (const feed::CaseEvent &e : events)
            closed += e.status == S::Closed;
        size_t closedThen = 0;
        for (const auto &[id, c] : then->cases())
            closedThen += c.status == S::Closed;
        QCOMPARE(closedThen, closed);

        // Briefing: what changed in the second half.
        const history::Changes changes = history::changesSince(db.get(), moment, events.back().ts);
        size_t reported = 0, closedLater = 0, escalated = 0;
        for (size_t i = cut; i < events.size(); ++i) {
            reported += events[i].status == S::Reported;
            closedLater += events[i].status == S::Closed;
            escalated += events[i].status == S::Escalated;
        }
        QCOMPARE(changes.reported.size(), reported);
        QCOMPARE(changes.closed.size(), closedLater);
        QCOMPARE(changes.escalated.size(), escalated);
        QVERIFY(escalated > 0 && closedLater > 0 && reported > 0);
        QCOMPARE(changes.closed.front().category, std::string("市政设施")); // borrowed from the case's report
    }

    // Readings and positions are kept per bucket, not raw; old buckets go with the retention.
    void telemetryIsDownsampled()
    {
        history::TelemetryBuckets buckets(60'000);
        const int64_t t0 = 1'796'054'400'000; // a whole minute
        for (int i = 0; i < 12; ++i) // one reading every 5 s for a minute: 0, 1, ..., 11
            buckets.reading("s-1", t0 + i * 5000, double(i));
        buckets.reading("s-1", t0 + 60'000, 40.0); // opens the next minute, closes the first
        buckets.position("w-1", false, t0 + 1000, {122.01, 41.1}, "patrol", "王芳");
        buckets.position("w-1", false, t0 + 11'000, {122.02, 41.1}, "handling", "王芳");
        buckets.position("u-1", true, t0 + 2000, {122.05, 41.2}, "on_scene", "fire");
        std::vector<history::ReadingBucket> readings;
        std::vector<history::PositionBucket> positions;
        buckets.takeClosed(t0 + 30'000, readings, positions);
        QCOMPARE(readings.size(), size_t(1)); // the open minute stays open
        QCOMPARE(positions.size(), size_t(0));
        const history::ReadingBucket &b = readings.front();
        QCOMPARE(b.bucket, t0);
        QCOMPARE(b.n, int64_t(12));
        QCOMPARE(b.min, 0.0);
        QCOMPARE(b.max, 11.0);
        QCOMPARE(b.sum, 66.0);
        QCOMPARE(b.last, 11.0);

        QTemporaryDir dir;
        history::OpenResult opened = history::openHistory(dir.path());
        QVERIFY2(opened.db, qPrintable(opened.error));
        QVERIFY(history::writeTelemetry(opened.db.get(), readings, positions));
        // Time moves on: the rest closes; the same minute written again merges.
        buckets.takeClosed(t0 + 180'000, readings, positions);
        QCOMPARE(readings.size(), size_t(1));
        QCOMPARE(positions.size(), size_t(2));
        QVERIFY(history::writeTelemetry(opened.db.get(), readings, positions));
        QVERIFY(history::writeTelemetry(opened.db.get(), {{"s-1", t0, 2, -5.0, 3.0, -2.0, 3.0}}, {}));
        sqlite3 *db = opened.db.get();
        QCOMPARE(count(db, "SELECT count(*) FROM reading_bucket"), int64_t(2));
        QCOMPARE(count(db, "SELECT n FROM reading_bucket WHERE bucket = (SELECT min(bucket) FROM reading_bucket)"), int64_t(14));
        QCOMPARE(count(db, "SELECT CAST(min AS INTEGER) FROM reading_bucket WHERE n = 14"), int64_t(-5));
        QCOMPARE(count(db, "SELECT count(*) FROM position_bucket WHERE entity = 'worker/w-1' AND n = 2 AND status = 'handling' "
                           "AND lon = 122.02"),
                 int64_t(1));
        QCOMPARE(count(db, "SELECT count(*) FROM position_bucket WHERE entity = 'unit/u-1'"), int64_t(1));
        // What a restart shows first: each entity's newest value (an older bucket written late does not replace it).
        const history::LatestTelemetry latest = history::readLatestTelemetry(db, t0);
        QCOMPARE(latest.readings.size(), size_t(1));
        QCOMPARE(latest.readings[0].value, 40.0);
        QCOMPARE(latest.readings[0].ts, t0 + 60'000);
        QCOMPARE(latest.workers.size(), size_t(1));
        QCOMPARE(latest.workers[0].status, feed::WorkerStatus::Handling);
        QCOMPARE(latest.workers[0].name, std::string("王芳"));
        QCOMPARE(latest.workers[0].ts, t0 + 11'000);
        QCOMPARE(latest.units.size(), size_t(1));
        QCOMPARE(latest.units[0].kind, feed::UnitKind::Fire);
        QCOMPARE(latest.units[0].status, std::string("on_scene"));
        QCOMPARE(latest.units[0].position.lat, 41.2);
        QCOMPARE(history::readLatestTelemetry(db, t0 + 20'000).workers.size(), size_t(0)); // older than asked
        // The panel's chart: the sensor's buckets in a time range, oldest first.
        const std::vector<history::ReadingBucket> series = history::sensorSeries(db, "s-1", t0, t0 + 3'600'000);
        QCOMPARE(series.size(), size_t(2));
        QCOMPARE(series[0].n, int64_t(14));
        QCOMPARE(series[1].bucket, t0 + 60'000);
        QCOMPARE(series[1].last, 40.0);
        QCOMPARE(history::sensorSeries(db, "s-1", t0 + 60'000, t0 + 120'000).size(), size_t(1));
        QVERIFY(history::applyRetention(db, t0 + 60'000));
        QCOMPARE(count(db, "SELECT count(*) FROM reading_bucket"), int64_t(1));
        QCOMPARE(count(db, "SELECT count(*) FROM position_bucket"), int64_t(0));
        QCOMPARE(history::readLatestTelemetry(db, 0).workers.size(), size_t(0)); // gone with the retention
        QCOMPARE(history::readLatestTelemetry(db, 0).readings.size(), size_t(1));
    }

    // The panels' series: each region's reported, closed and overdue cases per
    // hour and per Shanghai day, and today against the same weekday last week,
    // equal to a count over the events themselves.
    void regionSeriesCountTheEvents()
    {
        const geo::RegionLoadResult loaded = geo::loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
        QVERIFY2(loaded.tree, qPrintable(loaded.error));
        const geo::RegionTree &tree = *loaded.tree;
        const QList<int> &grids = tree.level(geo::Level::Grid);
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<history::History> h = history::History::open(dir.path(), &error);
        QVERIFY2(h, qPrintable(error));
        views::LiveFeed feed(std::nullopt, &tree, h.get());

        const int64_t now = feed::epochMs();
        const auto hourOf = [](int64_t t) { return t - t % state::kHourMs; };
        std::mt19937 rng(3);
        std::vector<feed::CaseEvent> events;
        std::map<int64_t, int> reportedAt, closedAt, overdueAt; // city, by hour
        std::map<int64_t, int> districtReported;          // one district, by hour
        const int district = tree.level(geo::Level::District).front();
        for (int i = 0; i < 400; ++i) {
            const int grid = grids[int(rng() % grids.size())];
            const QGeoCoordinate at = tree.geoFromScene(tree.region(grid).labelPoint);
            const int64_t t = now - 3 * state::kHourMs - int64_t(rng() % (9 * state::kDayMs));
            feed::CaseEvent r = reported("k-" + std::to_string(i), t);
            r.position = feed::GeoPoint{at.longitude(), at.latitude()};
            r.grid = tree.region(grid).code.toStdString();
            r.deadline = t + state::kHourMs + int64_t(rng() % (30 * state::kHourMs));
            if (r.deadline > now - state::kMinuteMs && r.deadline < now + state::kHourMs)
                r.deadline = now + 2 * state::kHourMs; // clear of the moment the test runs
            events.push_back(r);
            ++reportedAt[hourOf(t)];
            int placed = -1;
            for (int g = grid; g >= 0; g = tree.region(g).parent)
                placed = g;
            if (placed == district)
                ++districtReported[hourOf(t)];
            if (r.deadline < now)
                ++overdueAt[hourOf(r.deadline + 1)];
            if (rng() % 10 < 6) {
                const int64_t c = t + 60'000 + int64_t(rng() % (2 * state::kHourMs));
                using S = feed::CaseStatus;
                int64_t seq = 1;
                for (S s : {S::Accepted, S::Dispatched, S::Handling, S::Resolved, S::Closed}) {
                    feed::CaseEvent e;
                    e.id = r.id;
                    e.seq = ++seq;
                    e.status = s;
                    e.ts = s == S::Closed ? c : t + seq * 1000;
                    events.push_back(e);
                }
                ++closedAt[hourOf(c)];
            }
        }
        std::stable_sort(events.begin(), events.end(), [](const auto &a, const auto &b) { return a.ts < b.ts; });
        for (feed::CaseEvent &e : events)
            feed.push(std::move(e));
        feed.drain();
        h->flush();

        history::Connection db = history::connectHistory(h->path());
        const std::vector<history::KpiPoint> hours =
            history::regionSeries(db.get(), "city", now - 10 * state::kDayMs, now + state::kDayMs, history::KpiStep::Hour);
        std::map<int64_t, int> gotReported, gotClosed, gotOverdue;
        for (const history::KpiPoint &p : hours) {
            if (p.reported)
                gotReported[p.start] = p.reported;
            if (p.closed)
                gotClosed[p.start] = p.closed;
            if (p.overdue)
                gotOverdue[p.start] = p.overdue;
        }
        QCOMPARE(gotReported, reportedAt);
        QCOMPARE(gotClosed, closedAt);
        QCOMPARE(gotOverdue, overdueAt);
        std::map<int64_t, int> gotDistrict;
        for (const history::KpiPoint &p : history::regionSeries(db.get(), tree.region(district).code.toStdString(),
                                                                now - 10 * state::kDayMs, now, history::KpiStep::Hour))
            if (p.reported)
                gotDistrict[p.start] = p.reported;
        QCOMPARE(gotDistrict, districtReported);

        // By Shanghai day: the same events, grouped by local midnight.
        std::map<int64_t, int> byDay;
        for (const auto &[hour, n] : reportedAt)
            byDay[state::shanghaiMidnight(state::shanghaiDay(hour))] += n;
        std::map<int64_t, int> gotDays;
        for (const history::KpiPoint &p :
             history::regionSeries(db.get(), "city", now - 10 * state::kDayMs, now + state::kDayMs, history::KpiStep::Day))
            if (p.reported)
                gotDays[p.start] = p.reported;
        QCOMPARE(gotDays, byDay);

        // Today so far against the same span a week ago.
        const history::WeekComparison week = history::todayAgainstLastWeek(db.get(), "city", now);
        const int64_t midnight = state::shanghaiMidnight(state::shanghaiDay(now));
        int today = 0, lastWeek = 0;
        for (const auto &[hour, n] : reportedAt) {
            today += hour >= midnight && hour <= now ? n : 0;
            lastWeek += hour >= midnight - 7 * state::kDayMs && hour <= now - 7 * state::kDayMs ? n : 0;
        }
        QCOMPARE(week.today.reported, today);
        QCOMPARE(week.lastWeek.reported, lastWeek);

        // The overdue lists from the stored records equal the live state's overdue cases, most overdue first.
        const auto liveOverdue = [&](const std::string &prefix) {
            std::vector<std::pair<int64_t, std::string>> list;
            for (const auto &[id, c] : feed.state().cases())
                if (c.status != feed::CaseStatus::Resolved && c.status != feed::CaseStatus::Closed &&
                    c.status != feed::CaseStatus::Rejected && c.deadline > 0 && c.deadline < now &&
                    c.grid.starts_with(prefix))
                    list.emplace_back(c.deadline, id);
            std::sort(list.begin(), list.end());
            std::vector<std::string> ids;
            for (size_t i = 0; i < std::min<size_t>(list.size(), 25); ++i)
                ids.push_back(list[i].second);
            return ids;
        };
        const auto storedOverdue = [&](const std::string &region) {
            std::vector<std::string> ids;
            for (const history::OverdueCase &c : history::topOverdue(db.get(), region, now, 25))
                ids.push_back(c.id);
            return ids;
        };
        const std::vector<std::string> cityList = storedOverdue("city");
        QCOMPARE(cityList.size(), size_t(25));
        QCOMPARE(cityList, liveOverdue(""));
        const std::string districtCode = tree.region(district).code.toStdString();
        QVERIFY(!storedOverdue(districtCode).empty());
        QCOMPARE(storedOverdue(districtCode), liveOverdue(districtCode));
        QCOMPARE(history::topOverdue(db.get(), "city", now, 25).front().category, std::string("市政设施"));
    }
};

QTEST_APPLESS_MAIN(TestHistory)
#include "tst_historydb.moc"

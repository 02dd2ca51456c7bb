#include "timeline.h"

#include <limits>

namespace gridwall::history {

using namespace gridwall::feed;

namespace {

// The accepted events with ts in (from, to], in arrival order, in batches.
template<typename F>
void readEvents(sqlite3 *db, int64_t from, int64_t to, F &&onBatch)
{
    Statement s(db, "SELECT case_id, seq, status, ts, category, source, priority, lon, lat, deadline, title, dept, assignee, "
                    "grid, note, rating, id FROM case_log WHERE ts > ?1 AND ts <= ?2 AND refused IS NULL ORDER BY id");
    if (!s)
        return;
    sqlite3_bind_int64(s.get(), 1, from);
    sqlite3_bind_int64(s.get(), 2, to);
    std::vector<CaseEvent> batch;
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
        CaseEvent e = caseEventFromRow(s.get());
        if (e.id.empty())
            continue; // a status written by a newer build
        batch.push_back(std::move(e));
        if (batch.size() == 4096) {
            onBatch(std::move(batch));
            batch.clear();
        }
    }
    if (!batch.empty())
        onBatch(std::move(batch));
}


} // namespace

std::unique_ptr<state::LiveState> stateAt(sqlite3 *db, const geo::RegionTree *tree, FeedStats &stats, int64_t at)
{
    auto live = std::make_unique<state::LiveState>(stats, tree);
    exec(db, "BEGIN"); // one consistent view
    readEvents(db, std::numeric_limits<int64_t>::min(), at, [&](std::vector<CaseEvent> &&events) {
        Batch batch;
        batch.events.reserve(events.size());
        for (CaseEvent &e : events)
            batch.events.emplace_back(std::move(e));
        live->apply(std::move(batch), at);
    });
    exec(db, "COMMIT");
    live->tick(at);
    return live;
}

Changes changesSince(sqlite3 *db, int64_t since, int64_t until)
{
    Changes changes;
    // Reported events carry the case's category and priority; later ones borrow them from its report.
    Statement s(db, "SELECT e.case_id, e.ts, r.category, r.priority, r.grid, e.status FROM case_log e "
                    "LEFT JOIN case_log r ON r.case_id = e.case_id AND r.status = 'reported' "
                    "WHERE e.ts > ?1 AND e.ts <= ?2 AND e.refused IS NULL AND e.status IN ('reported', 'closed', 'escalated') "
                    "ORDER BY e.ts");
    if (s) {
        sqlite3_bind_int64(s.get(), 1, since);
        sqlite3_bind_int64(s.get(), 2, until);
        while (sqlite3_step(s.get()) == SQLITE_ROW) {
            CaseChange c{columnText(s.get(), 0), sqlite3_column_int64(s.get(), 1), columnText(s.get(), 2), sqlite3_column_int(s.get(), 3),
                         columnText(s.get(), 4)};
            const std::string status = columnText(s.get(), 5);
            (status == "reported" ? changes.reported : status == "closed" ? changes.closed : changes.escalated).push_back(std::move(c));
        }
    }
    Statement a(db, "SELECT alarm_id, phase, at, kind, severity, subject, label, district, value FROM alarm_log "
                    "WHERE at > ?1 AND at <= ?2 AND phase = 'raised' ORDER BY at");
    if (a) {
        sqlite3_bind_int64(a.get(), 1, since);
        sqlite3_bind_int64(a.get(), 2, until);
        while (sqlite3_step(a.get()) == SQLITE_ROW)
            changes.alarmsRaised.push_back({sqlite3_column_int64(a.get(), 0), columnText(a.get(), 1), sqlite3_column_int64(a.get(), 2),
                                            columnText(a.get(), 3), sqlite3_column_int(a.get(), 4), columnText(a.get(), 5), columnText(a.get(), 6),
                                            columnText(a.get(), 7), sqlite3_column_double(a.get(), 8)});
    }
    return changes;
}

Playback::Playback(sqlite3 *db, int64_t from)
    : m_db(db)
    , m_position(from)
{
}

std::vector<CaseEvent> Playback::advanceTo(int64_t to)
{
    std::vector<CaseEvent> events;
    if (to <= m_position)
        return events;
    readEvents(m_db, m_position, to, [&](std::vector<CaseEvent> &&batch) {
        for (CaseEvent &e : batch)
            events.push_back(std::move(e));
    });
    m_position = to;
    return events;
}

} // namespace gridwall::history

#include "feedrows.h"

#include "geo/regiontree.h"
#include "map/geography.h"
#include "state/casemachine.h"
#include "state/livestate.h"
#include "views/text.h"

#include <QHash>
#include <QVarLengthArray>

#include <algorithm>

namespace gridwall::plugins {

using views::text;

namespace {

// A filter {field: value or [values]}, read once per call: every field must
// equal its value or one of its values (numbers compare as numbers).
struct Filter
{
    QStringList fields;
    std::vector<QVariantList> accepted; // per field

    explicit Filter(const QVariantMap &filter)
    {
        for (auto it = filter.cbegin(); it != filter.cend(); ++it) {
            fields << it.key();
            const bool many = it->userType() == QMetaType::QVariantList || it->userType() == QMetaType::QStringList;
            accepted.push_back(many ? it->toList() : QVariantList{*it});
        }
    }
    bool accepts(size_t field, const QVariant &value) const
    {
        const QVariantList &any = accepted[field];
        return std::any_of(any.begin(), any.end(), [&](const QVariant &v) { return v == value; });
    }
};

// One row of a feed. Whole: every field in a map. Partial: only the fields
// asked for, by their place in `only`, with no map to build: counting and
// filtering read a field or two of 20,000 cases, not all of every row.
struct Row
{
    const QStringList *only = nullptr;
    QVariantMap fields;                  // whole
    QVarLengthArray<QVariant, 4> values; // partial, by the place of the field in `only`

    template <typename Value>
    void put(QLatin1StringView key, Value &&value)
    {
        if (!only) {
            fields.insert(QString(key), QVariant::fromValue(value()));
            return;
        }
        if (const qsizetype at = only->indexOf(key); at >= 0)
            values[at] = QVariant::fromValue(value());
    }
    void position(feed::GeoPoint p)
    {
        put(QLatin1StringView("lon"), [&] { return p.lon; });
        put(QLatin1StringView("lat"), [&] { return p.lat; });
    }
};

bool matches(const Row &row, const Filter &filter)
{
    for (size_t i = 0; i < filter.accepted.size(); ++i)
        if (!filter.accepts(i, row.values[qsizetype(i)]))
            return false;
    return true;
}

} // namespace

FeedRows::FeedRows(const WallParts &wall)
    : m_wall(wall)
{
    m_clock.start();
}

template <typename Test, typename Take>
void FeedRows::visit(const QString &feedName, const QStringList *only, Test &&test, Take &&take) const
{
    using L = QLatin1StringView;
    // Each record: its fields asked for, tested; the whole row only for those taken.
    const auto visit = [&](auto &&fill) {
        Row row{only, {}, {}};
        if (only)
            row.values.resize(only->size());
        fill(row);
        if (!test(row))
            return;
        if (only) {
            row = Row{};
            fill(row);
        }
        take(row.fields);
    };
    const state::LiveState &state = *m_wall.state;
    const geo::RegionTree &tree = m_wall.geography->tree();
    const auto code = [&](int region) { return region >= 0 ? tree.region(region).code : QString(); };
    if (feedName == QLatin1String("case")) {
        for (const auto &[id, c] : state.cases()) {
            visit([&](Row &row) {
                row.put(L("id"), [&] { return text(id); });
                row.put(L("status"), [&] { return text(feed::kCaseStatusNames[size_t(c.status)]); });
                row.put(L("inHand"), [&] { return state::isInHand(c.status); });
                row.put(L("category"), [&] { return text(c.category); });
                row.put(L("priority"), [&] { return c.priority; });
                row.put(L("source"), [&] { return c.source ? text(feed::kCaseSourceNames[size_t(*c.source)]) : QString(); });
                row.put(L("reportedTs"), [&] { return double(c.reportedTs); });
                row.put(L("deadline"), [&] { return double(c.deadline); });
                row.put(L("overdue"), [&] { return state.slaOf(c).state == state::SlaState::Overdue; });
                row.put(L("grid"), [&] { return code(c.region); });
                row.put(L("dept"), [&] { return text(c.dept); });
                row.put(L("outsideFive"), [&] { return c.outsideFive; });
                if (c.position)
                    row.position(*c.position);
            });
        }
    } else if (feedName == QLatin1String("camera")) {
        for (const auto &[id, c] : state.cameras()) {
            visit([&](Row &row) {
                row.put(L("id"), [&] { return text(id); });
                row.put(L("name"), [&] { return text(c.state.name); });
                row.put(L("online"), [&] { return c.state.online; });
                row.put(L("grid"), [&] { return code(c.region); });
                row.put(L("events"), [&] { return int(c.recentEvents.size()); });
                row.position(c.state.position);
            });
        }
    } else if (feedName == QLatin1String("sensor")) {
        for (const auto &[id, s] : state.sensors()) {
            visit([&](Row &row) {
                row.put(L("id"), [&] { return text(id); });
                row.put(L("level"), [&] { return s.level; });
                row.put(L("grid"), [&] { return code(s.region); });
                if (s.state) {
                    row.put(L("kind"), [&] { return text(feed::kSensorKindNames[size_t(s.state->kind)]); });
                    row.put(L("site"), [&] { return text(s.state->site); });
                    row.put(L("sector"), [&] { return text(s.state->sector); });
                    row.put(L("warn"), [&] { return s.state->warn; });
                    row.put(L("alarm"), [&] { return s.state->alarm; });
                    row.put(L("unit"), [&] { return text(s.state->unit); });
                    row.position(s.state->position);
                }
                if (s.reading)
                    row.put(L("value"), [&] { return s.reading->value; });
            });
        }
    } else if (feedName == QLatin1String("worker")) {
        for (const auto &[id, w] : state.workers()) {
            visit([&](Row &row) {
                row.put(L("id"), [&] { return text(id); });
                row.put(L("name"), [&] { return text(w.name); });
                row.put(L("status"), [&] { return text(feed::kWorkerStatusNames[size_t(w.status)]); });
                row.position(w.position);
            });
        }
    } else if (feedName == QLatin1String("unit")) {
        for (const auto &[id, u] : state.units()) {
            visit([&](Row &row) {
                row.put(L("id"), [&] { return text(id); });
                row.put(L("kind"), [&] { return text(feed::kUnitKindNames[size_t(u.kind)]); });
                row.put(L("status"), [&] { return text(u.status); });
                row.position(u.position);
            });
        }
    } else if (feedName == QLatin1String("poi")) {
        for (const auto &[id, p] : state.pois()) {
            visit([&](Row &row) {
                row.put(L("id"), [&] { return text(id); });
                row.put(L("kind"), [&] { return text(feed::kPoiKindNames[size_t(p.state.kind)]); });
                row.put(L("name"), [&] { return text(p.state.name); });
                row.put(L("rings"), [&] {
                    QVariantList rings;
                    for (const feed::Ring &r : p.state.rings)
                        rings.append(QVariantMap{{QStringLiteral("minutes"), r.minutes}, {QStringLiteral("radiusM"), r.radiusM}});
                    return rings;
            });
            row.position(p.state.position);
            });
        }
    } else if (feedName == QLatin1String("grid")) {
        for (const auto &[id, g] : state.grids()) {
            visit([&](Row &row) {
                row.put(L("code"), [&] { return text(id); });
                row.put(L("workersOnDuty"), [&] { return g.state.workersOnDuty; });
                row.put(L("workersTotal"), [&] { return g.state.workersTotal; });
            });
        }
    }
}

QVariantList FeedRows::rows(const QString &feed, const QVariantMap &filter)
{
    QVariantList rows;
    const Filter f(filter);
    visit(
        feed, filter.isEmpty() ? nullptr : &f.fields, [&](const Row &row) { return !row.only || matches(row, f); },
        [&](const QVariantMap &fields) { rows.append(fields); });
    return rows;
}

const FeedRows::Columns &FeedRows::columns(const QString &feed, const QStringList &fields)
{
    Columns &c = m_columns[feed];
    const qint64 second = m_clock.elapsed() / 1000;
    const bool complete = std::all_of(fields.begin(), fields.end(), [&](const QString &f) { return c.fields.contains(f); });
    if (c.second == second && complete)
        return c;
    // Fields once asked for stay: plugins ask the same ones every second, so from the
    // second second on one pass a second takes them all.
    for (const QString &f : fields)
        if (!c.fields.contains(f))
            c.fields << f;
    c.second = second;
    c.cells.assign(size_t(c.fields.size()), {});
    c.records = 0;
    visit(
        feed, &c.fields,
        [&](const Row &row) {
            for (qsizetype i = 0; i < row.values.size(); ++i)
                c.cells[size_t(i)].push_back(row.values[i]);
            ++c.records;
            return false;
        },
        [](const QVariantMap &) {});
    return c;
}

namespace {

// Calls `match(record)` for every record of the columns the filter accepts.
template <typename Match>
void forEachMatch(const FeedRows::Columns &c, const Filter &f, Match &&match)
{
    std::vector<const std::vector<QVariant> *> tested;
    for (const QString &field : f.fields)
        tested.push_back(&c.cells[size_t(c.fields.indexOf(field))]);
    for (size_t r = 0; r < c.records; ++r) {
        bool all = true;
        for (size_t i = 0; i < tested.size() && all; ++i)
            all = f.accepts(i, (*tested[i])[r]);
        if (all)
            match(r);
    }
}

} // namespace

int FeedRows::count(const QString &feed, const QVariantMap &filter)
{
    const Filter f(filter);
    int n = 0;
    forEachMatch(columns(feed, f.fields), f, [&](size_t) { ++n; });
    return n;
}

QVariantMap FeedRows::countBy(const QString &feed, const QString &field, const QVariantMap &filter)
{
    const Filter f(filter);
    const Columns &c = columns(feed, f.fields + QStringList{field});
    const std::vector<QVariant> &counted = c.cells[size_t(c.fields.indexOf(field))];
    QHash<QString, int> counts;
    forEachMatch(c, f, [&](size_t r) { ++counts[counted[r].toString()]; });
    QVariantMap out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

} // namespace gridwall::plugins

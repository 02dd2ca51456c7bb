#pragma once
// What the wall's own topics (ROOT/wall/ID/view and /command) bring in: a
// message read as one JSON object, and counters by label -- commands
// carried out, messages dropped by reason -- with their Prometheus lines
// and the rule for logging drops (the first ten of each, then every
// thousandth: a flood is seen, not logged whole).

#include "metrics/exposition.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <initializer_list>
#include <memory>
#include <optional>
#include <vector>

namespace gridwall::wall {

// At most 64 KiB, like every payload of the contract.
constexpr qsizetype kMaxWallMessage = 64 * 1024;

// The message as a JSON object; empty, with the reason in `problem`, when it is none.
std::optional<QJsonObject> readObject(const QByteArray &payload, QString *problem);

class LabelCounts
{
public:
    // `label` names the metric's label; `values` its values (UTF-8), in the order of the caller's enum.
    LabelCounts(const char *label, std::initializer_list<const char *> values);

    // Counts one; true when this one is worth a log line.
    bool add(size_t value);
    uint64_t count(size_t value) const { return m_counts[value].load(std::memory_order_relaxed); }
    const char *value(size_t value) const { return m_values[value]; }
    // The counter family `metric`: its # HELP and # TYPE, and one sample per value.
    void write(metrics::Exposition &out, QAnyStringView metric, QAnyStringView help) const;

private:
    const char *m_label;
    std::vector<const char *> m_values;
    std::unique_ptr<std::atomic<uint64_t>[]> m_counts;
};

// At most one log line per interval, like the feed's rejections: a flood of
// good commands is seen in the counters, and logged as one line in ten seconds.
class IntervalLog
{
public:
    explicit IntervalLog(qint64 intervalMs = 10'000) : m_intervalMs(intervalMs) {}
    // True when this event is worth a line; `unlogged` is then how many were not logged since the last line.
    bool due(quint64 *unlogged);

private:
    qint64 m_intervalMs;
    qint64 m_lastMs = 0; // steady clock, ms; 0: never logged
    quint64 m_unlogged = 0;
};

} // namespace gridwall::wall

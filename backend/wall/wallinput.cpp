#include "wallinput.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

#include <utility>

namespace gridwall::wall {

std::optional<QJsonObject> readObject(const QByteArray &payload, QString *problem)
{
    if (payload.size() > kMaxWallMessage) {
        *problem = QStringLiteral("%1 bytes").arg(payload.size());
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (!doc.isObject()) {
        *problem = error.error != QJsonParseError::NoError ? error.errorString() : QStringLiteral("not an object");
        return std::nullopt;
    }
    return doc.object();
}

LabelCounts::LabelCounts(const char *label, std::initializer_list<const char *> values)
    : m_label(label)
    , m_values(values)
    , m_counts(std::make_unique<std::atomic<uint64_t>[]>(m_values.size()))
{
}

bool LabelCounts::add(size_t value)
{
    const uint64_t n = m_counts[value].fetch_add(1, std::memory_order_relaxed) + 1;
    return n <= 10 || n % 1000 == 0;
}

void LabelCounts::write(metrics::Exposition &out, QAnyStringView metric, QAnyStringView help) const
{
    out.family(metric, help, metrics::Exposition::Counter);
    for (size_t i = 0; i < m_values.size(); ++i)
        out.sample({{m_label, m_values[i]}}, count(i));
}

bool IntervalLog::due(quint64 *unlogged)
{
    const qint64 now = QDeadlineTimer::current().deadline(); // steady ms: unaffected by clock changes
    if (m_lastMs != 0 && now - m_lastMs < m_intervalMs) {
        ++m_unlogged;
        return false;
    }
    m_lastMs = now;
    *unlogged = std::exchange(m_unlogged, 0);
    return true;
}

} // namespace gridwall::wall

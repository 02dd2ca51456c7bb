#include "histogram.h"

#include <algorithm>
#include <cmath>

namespace gridwall::metrics {

Histogram::Histogram(std::vector<double> bounds)
    : m_bounds(std::move(bounds))
    , m_buckets(m_bounds.size() + 1)
{
}

void Histogram::observe(double seconds)
{
    const size_t i = size_t(std::lower_bound(m_bounds.begin(), m_bounds.end(), seconds) - m_bounds.begin());
    m_buckets[i].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sumMicros.fetch_add(uint64_t(std::max(0.0, seconds) * 1e6), std::memory_order_relaxed);
}

QString Histogram::exposition(const QString &name, const QString &help) const
{
    return QStringLiteral("# HELP %1 %2\n# TYPE %1 histogram\n").arg(name, help) + samples(name, QString());
}

QString Histogram::samples(const QString &name, const QString &labels) const
{
    const QString bucket = name + QStringLiteral("_bucket{") + (labels.isEmpty() ? QString() : labels + QLatin1Char(','));
    const QString suffix = labels.isEmpty() ? QString() : QLatin1Char('{') + labels + QLatin1Char('}');
    QString out;
    uint64_t cumulative = 0;
    for (size_t i = 0; i < m_bounds.size(); ++i) {
        cumulative += m_buckets[i].load(std::memory_order_relaxed);
        out += QStringLiteral("%1le=\"%2\"} %3\n").arg(bucket).arg(m_bounds[i]).arg(cumulative);
    }
    cumulative += m_buckets.back().load(std::memory_order_relaxed);
    out += QStringLiteral("%1le=\"+Inf\"} %2\n").arg(bucket).arg(cumulative);
    out += QStringLiteral("%1_sum%2 %3\n").arg(name, suffix).arg(double(m_sumMicros.load(std::memory_order_relaxed)) / 1e6);
    out += QStringLiteral("%1_count%2 %3\n").arg(name, suffix).arg(cumulative);
    return out;
}

} // namespace gridwall::metrics

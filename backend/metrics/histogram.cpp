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
    QString out = QStringLiteral("# HELP %1 %2\n# TYPE %1 histogram\n").arg(name, help);
    uint64_t cumulative = 0;
    for (size_t i = 0; i < m_bounds.size(); ++i) {
        cumulative += m_buckets[i].load(std::memory_order_relaxed);
        out += QStringLiteral("%1_bucket{le=\"%2\"} %3\n").arg(name).arg(m_bounds[i]).arg(cumulative);
    }
    cumulative += m_buckets.back().load(std::memory_order_relaxed);
    out += QStringLiteral("%1_bucket{le=\"+Inf\"} %2\n").arg(name).arg(cumulative);
    out += QStringLiteral("%1_sum %2\n").arg(name).arg(double(m_sumMicros.load(std::memory_order_relaxed)) / 1e6);
    out += QStringLiteral("%1_count %2\n").arg(name).arg(cumulative);
    return out;
}

} // namespace gridwall::metrics

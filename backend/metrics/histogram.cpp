#include "histogram.h"

#include <algorithm>
#include <cmath>

namespace gridwall::metrics {

Histogram::Histogram(std::vector<double> bounds)
    : m_bounds(std::move(bounds))
    , m_buckets(m_bounds.size() + 1)
{
    m_le.reserve(m_bounds.size());
    for (double bound : m_bounds)
        m_le.push_back(Exposition::number(bound));
}

void Histogram::observe(double seconds)
{
    const size_t i = size_t(std::lower_bound(m_bounds.begin(), m_bounds.end(), seconds) - m_bounds.begin());
    m_buckets[i].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sumMicros.fetch_add(uint64_t(std::max(0.0, seconds) * 1e6), std::memory_order_relaxed);
}

void Histogram::write(Exposition &out, QAnyStringView name, QAnyStringView help) const
{
    out.family(name, help, Exposition::Histogram);
    writeSamples(out);
}

void Histogram::writeSamples(Exposition &out, Exposition::Labels labels) const
{
    uint64_t cumulative = 0;
    for (size_t i = 0; i < m_bounds.size(); ++i) {
        cumulative += m_buckets[i].load(std::memory_order_relaxed);
        out.sample(u"_bucket", labels, {u"le", m_le[i]}, cumulative);
    }
    cumulative += m_buckets.back().load(std::memory_order_relaxed);
    out.sample(u"_bucket", labels, {u"le", u"+Inf"}, cumulative);
    out.sample(u"_sum", labels, double(m_sumMicros.load(std::memory_order_relaxed)) / 1e6);
    out.sample(u"_count", labels, cumulative);
}

QString Histogram::exposition(const QString &name, const QString &help) const
{
    Exposition out(qsizetype(m_bounds.size() + 6) * (name.size() + 24));
    write(out, name, help);
    return out.text();
}

} // namespace gridwall::metrics

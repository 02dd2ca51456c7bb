#pragma once
// A Prometheus histogram with fixed buckets, safe to observe from any thread.

#include <QString>

#include <array>
#include <atomic>
#include <vector>

namespace gridwall::metrics {

class Histogram
{
public:
    // Upper bounds in seconds, ascending; +Inf is implied.
    explicit Histogram(std::vector<double> bounds);
    void observe(double seconds);
    // The text exposition lines for `name` (with _bucket, _sum, _count).
    QString exposition(const QString &name, const QString &help) const;
    // Only the samples, with labels (`plugin="x"`) on each: one series of a labelled family.
    QString samples(const QString &name, const QString &labels) const;
    uint64_t count() const { return m_count.load(std::memory_order_relaxed); }

private:
    std::vector<double> m_bounds;
    std::vector<std::atomic<uint64_t>> m_buckets; // per bound, not cumulative; last: +Inf
    std::atomic<uint64_t> m_count{0};
    std::atomic<uint64_t> m_sumMicros{0};
};

} // namespace gridwall::metrics

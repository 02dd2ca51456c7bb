#pragma once
// A Prometheus histogram with fixed buckets, safe to observe from any thread.

#include "exposition.h"

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
    // The family `name` of this histogram alone: # HELP, # TYPE histogram and its samples (_bucket, _sum, _count).
    void write(Exposition &out, QAnyStringView name, QAnyStringView help) const;
    // Only the samples, with `labels` on each (before le): one series of the labelled
    // histogram family that `out` has started.
    void writeSamples(Exposition &out, Exposition::Labels labels = {}) const;
    // write() as text of its own.
    QString exposition(const QString &name, const QString &help) const;
    uint64_t count() const { return m_count.load(std::memory_order_relaxed); }

private:
    std::vector<double> m_bounds;
    std::vector<QString> m_le; // the bounds as le label values
    std::vector<std::atomic<uint64_t>> m_buckets; // per bound, not cumulative; last: +Inf
    std::atomic<uint64_t> m_count{0};
    std::atomic<uint64_t> m_sumMicros{0};
};

} // namespace gridwall::metrics

#include "feedstats.h"

#include "feed/logging.h"

namespace gridwall::feed {

uint64_t FeedStats::totalReceived() const
{
    uint64_t sum = 0;
    for (const auto &n : received)
        sum += n.load(std::memory_order_relaxed);
    return sum;
}

uint64_t FeedStats::totalRejected() const
{
    uint64_t sum = 0;
    for (const auto &n : rejected)
        sum += n.load(std::memory_order_relaxed);
    return sum;
}

bool RejectLog::note(Reject reason, std::string_view topic, std::string_view detail)
{
    const auto now = std::chrono::steady_clock::now();
    uint64_t suppressed = 0;
    {
        std::lock_guard lock(m_mutex);
        PerReason &r = m_reasons[size_t(reason)];
        if (r.lastLogged.time_since_epoch().count() != 0 && now - r.lastLogged < m_interval) {
            ++r.suppressed;
            return false;
        }
        suppressed = r.suppressed;
        r.suppressed = 0;
        r.lastLogged = now;
    }
    const QString topicText = QString::fromUtf8(topic.data(), qsizetype(std::min<size_t>(topic.size(), 200)));
    const QString detailText = QString::fromUtf8(detail.data(), qsizetype(std::min<size_t>(detail.size(), 200)));
    if (suppressed > 0)
        qCWarning(lcFeedReject, "rejected (%s) %s: %s; %llu more %s rejections not logged since the last line",
                  rejectName(reason), qPrintable(topicText), qPrintable(detailText), static_cast<unsigned long long>(suppressed),
                  rejectName(reason));
    else
        qCWarning(lcFeedReject, "rejected (%s) %s: %s", rejectName(reason), qPrintable(topicText), qPrintable(detailText));
    return true;
}

} // namespace gridwall::feed

#include "feedstatus.h"

#include "livefeed.h"

namespace gridwall::views {

FeedStatus::FeedStatus(const LiveFeed &feed, QObject *parent)
    : QObject(parent)
    , m_feed(feed)
{
    connect(&feed, &LiveFeed::statusChanged, this, &FeedStatus::refresh);
    refresh();
}

bool FeedStatus::configured() const
{
    return m_feed.configured();
}

double FeedStatus::messagesPerSecond() const
{
    return m_feed.messagesPerSecond();
}

int FeedStatus::cases() const
{
    return int(m_feed.state().cases().size());
}

int FeedStatus::cameras() const
{
    return int(m_feed.state().cameras().size());
}

int FeedStatus::sensors() const
{
    return int(m_feed.state().sensors().size());
}

int FeedStatus::workers() const
{
    return int(m_feed.state().workers().size());
}

int FeedStatus::units() const
{
    return int(m_feed.state().units().size());
}

QString FeedStatus::historyMovedAside() const
{
    return m_feed.historyMovedAside();
}

int FeedStatus::historyUnsaved() const
{
    return m_feed.historyUnsaved();
}

void FeedStatus::setStaleAfterSeconds(int seconds)
{
    if (seconds == m_staleAfterSeconds || seconds < 1)
        return;
    m_staleAfterSeconds = seconds;
    refresh();
}

void FeedStatus::refresh()
{
    m_connected = m_feed.connected();
    m_silentSeconds = m_feed.secondsSinceLastMessage();
    const bool silent = m_silentSeconds < 0 || m_silentSeconds > kQuietAfterSeconds;
    m_state = !configured() ? State::NoFeed : !m_connected ? State::Down : silent ? State::Quiet : State::Live;
    // No feed is not a stopped feed: the wall says "no feed". Every view turns at once, with this signal.
    m_stale = configured() && (!m_connected || m_silentSeconds < 0 || m_silentSeconds > m_staleAfterSeconds);
    emit changed();
}

} // namespace gridwall::views

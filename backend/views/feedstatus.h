#pragma once
// How the feed is doing, as the operator sees it: connected or not, live or
// quiet, how many messages a second, how many entities of each kind, and
// whether the history needs attention. Refreshed once a second from the live
// feed (never per message). The rules of what "quiet" and "stale" mean live
// here, once: every panel that dims or warns reads them.

#include <QObject>
#include <QQmlEngine>
#include <QString>

namespace gridwall::views {

class LiveFeed;

class FeedStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The feed's status is the wall's: Wall.feed")
    // A broker was given (--broker): without one the wall says "no feed".
    Q_PROPERTY(bool configured READ configured CONSTANT)
    Q_PROPERTY(bool connected READ connected NOTIFY changed)
    Q_PROPERTY(gridwall::views::FeedStatus::State state READ state NOTIFY changed)
    Q_PROPERTY(double messagesPerSecond READ messagesPerSecond NOTIFY changed)
    // -1: nothing heard yet.
    Q_PROPERTY(int secondsSinceLastMessage READ secondsSinceLastMessage NOTIFY changed)
    Q_PROPERTY(int cases READ cases NOTIFY changed)
    Q_PROPERTY(int cameras READ cameras NOTIFY changed)
    Q_PROPERTY(int sensors READ sensors NOTIFY changed)
    Q_PROPERTY(int workers READ workers NOTIFY changed)
    Q_PROPERTY(int units READ units NOTIFY changed)
    // The feed has stopped: down, or silent for longer than staleAfterSeconds.
    // Panels then dim and say their figures are as of the last message.
    Q_PROPERTY(bool stale READ stale NOTIFY changed)
    Q_PROPERTY(int staleAfterSeconds READ staleAfterSeconds WRITE setStaleAfterSeconds NOTIFY changed)
    // Connected, but nothing heard for this long: "quiet" in the header.
    Q_PROPERTY(int quietAfterSeconds READ quietAfterSeconds CONSTANT)
    // Where a corrupt history database found at start was moved (a fresh one
    // was started); empty when all is well. The operator must see this.
    Q_PROPERTY(QString historyMovedAside READ historyMovedAside CONSTANT)
    // Case events held in memory while the history database refuses writes (a full disk).
    Q_PROPERTY(int historyUnsaved READ historyUnsaved NOTIFY changed)

public:
    enum class State {
        NoFeed, // no broker given
        Live,   // connected, messages arriving
        Quiet,  // connected, nothing for quietAfterSeconds
        Down,   // not connected: reconnecting
    };
    Q_ENUM(State)

    static constexpr int kQuietAfterSeconds = 10;
    static constexpr int kStaleAfterSeconds = 30;

    explicit FeedStatus(const LiveFeed &feed, QObject *parent = nullptr);

    bool configured() const;
    bool connected() const { return m_connected; }
    State state() const { return m_state; }
    double messagesPerSecond() const;
    int secondsSinceLastMessage() const { return m_silentSeconds; }
    int cases() const;
    int cameras() const;
    int sensors() const;
    int workers() const;
    int units() const;
    bool stale() const { return m_stale; }
    int staleAfterSeconds() const { return m_staleAfterSeconds; }
    void setStaleAfterSeconds(int seconds);
    int quietAfterSeconds() const { return kQuietAfterSeconds; }
    QString historyMovedAside() const;
    int historyUnsaved() const;

    // Reads the feed again (once a second by itself).
    void refresh();

signals:
    void changed();

private:
    const LiveFeed &m_feed;
    bool m_connected = false;
    int m_silentSeconds = -1;
    State m_state = State::NoFeed;
    bool m_stale = false;
    int m_staleAfterSeconds = kStaleAfterSeconds;
};

} // namespace gridwall::views

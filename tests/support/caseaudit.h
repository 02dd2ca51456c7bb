#pragma once
// What a fault test checks a wall against: every QoS 1 case event the broker
// handed to an independent subscriber (the truth), what the wall's history
// database holds (read with SQLite itself), and the case picture a user sees
// in /metrics.

#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>

namespace mqtt {
class async_client;
}

using CaseKey = std::pair<std::string, qint64>; // case id, seq
using CaseKeys = std::set<CaseKey>;

// Subscribes to ROOT/case/+/event at QoS 1 with a persistent session, and
// comes back by itself after its broker dies or restarts (subscribing anew,
// since a broker that crashed may have lost the session).
class TruthSubscriber
{
public:
    TruthSubscriber(const QString &uri, const QString &clientId);
    ~TruthSubscriber();
    bool start();
    CaseKeys keys() const;
    // When each key first arrived (ms since the epoch).
    std::map<CaseKey, qint64> firstSeen() const;
    size_t deliveries() const;
    QStringList unreadable() const;
    // Polls until no new key arrived for `quietMs`, then returns them.
    CaseKeys settle(int quietMs = 2000, int timeoutMs = 60000) const;

private:
    void note(const std::string &topic, const std::string &payload);

    std::unique_ptr<mqtt::async_client> m_client;
    mutable std::mutex m_mutex;
    std::map<CaseKey, qint64> m_firstSeen;
    size_t m_deliveries = 0;
    QStringList m_unreadable;
};

// What a wall's history database holds.
struct Journal
{
    QString error;                       // empty when read
    std::map<CaseKey, int> rows;         // case_log rows per (case id, seq)
    std::map<CaseKey, qint64> receivedAt; // when the wall received each (ms since the epoch)
    qint64 acceptedRows = -1;            // rows of the case_events view

    CaseKeys keys() const;
    CaseKeys twice() const; // stored more than once
};
Journal readJournal(const QString &dataDir);

// Polls until the wall's journal holds exactly `truth` (or the timeout passes).
Journal waitForJournal(const QString &dataDir, const CaseKeys &truth, int timeoutMs = 60000);

QString describe(const CaseKeys &keys, int limit = 20);
CaseKeys minus(const CaseKeys &a, const CaseKeys &b);

// The case picture a user sees in /metrics: how many cases, open and overdue
// per district, flagged.
QMap<QString, double> casePicture(const QHash<QString, double> &metrics);
QString sideBySide(const QMap<QString, double> &a, const QMap<QString, double> &b);

class WallProcess;
// Polls (with the event loop running) until two walls show the same cases;
// on failure `report` holds both pictures side by side.
bool samePicture(const WallProcess &wall, const WallProcess &witness, QString *report, int timeoutMs = 30000);

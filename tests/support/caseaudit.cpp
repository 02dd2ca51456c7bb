#include "caseaudit.h"

#include "wallprocess.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QEventLoop>
#include <QTimer>

#include <mqtt/async_client.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iterator>

namespace {
const QString kCaseEntities = QStringLiteral("gridwall_live_entities{kind=\"case\"}");

// Waits with the event loop running: a test's proxy lives in it.
void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}
} // namespace

TruthSubscriber::TruthSubscriber(const QString &uri, const QString &clientId)
    : m_client(std::make_unique<mqtt::async_client>(uri.toStdString(), clientId.toStdString(), mqtt::create_options(MQTTVERSION_3_1_1),
                                                    nullptr))
{
    m_client->set_message_callback([this](mqtt::const_message_ptr message) { note(message->get_topic(), message->get_payload_str()); });
    m_client->set_connected_handler([this](const std::string &) {
        try {
            m_client->subscribe("panjin/case/+/event", 1);
        } catch (const mqtt::exception &e) {
            qWarning("truth subscriber: subscribe: %s", e.what());
        }
    });
}

TruthSubscriber::~TruthSubscriber()
{
    try {
        if (m_client->is_connected())
            m_client->disconnect()->wait_for(std::chrono::seconds(2));
    } catch (const mqtt::exception &) {
        // Going away anyway.
    }
}

bool TruthSubscriber::start()
{
    try {
        m_client->connect(mqtt::connect_options_builder()
                              .clean_session(false)
                              .keep_alive_interval(std::chrono::seconds(5))
                              .automatic_reconnect(std::chrono::milliseconds(250), std::chrono::seconds(1))
                              .finalize())
            ->wait();
        // The connected handler subscribes too (it runs on every reconnect); here it is waited for.
        m_client->subscribe("panjin/case/+/event", 1)->wait();
        return true;
    } catch (const mqtt::exception &e) {
        qWarning("truth subscriber: %s", e.what());
        return false;
    }
}

CaseKeys TruthSubscriber::keys() const
{
    std::lock_guard lock(m_mutex);
    CaseKeys out;
    for (const auto &[key, at] : m_firstSeen)
        out.insert(key);
    return out;
}

std::map<CaseKey, qint64> TruthSubscriber::firstSeen() const
{
    std::lock_guard lock(m_mutex);
    return m_firstSeen;
}

size_t TruthSubscriber::deliveries() const
{
    std::lock_guard lock(m_mutex);
    return m_deliveries;
}

QStringList TruthSubscriber::unreadable() const
{
    std::lock_guard lock(m_mutex);
    return m_unreadable;
}

CaseKeys TruthSubscriber::settle(int quietMs, int timeoutMs) const
{
    CaseKeys last = keys();
    QElapsedTimer clock;
    clock.start();
    QElapsedTimer quiet;
    quiet.start();
    while (quiet.elapsed() < quietMs && clock.elapsed() < timeoutMs) {
        pause(100);
        CaseKeys now = keys();
        if (now != last) {
            last = std::move(now);
            quiet.restart();
        }
    }
    return last;
}

void TruthSubscriber::note(const std::string &topic, const std::string &payload)
{
    const QStringList levels = QString::fromStdString(topic).split(QLatin1Char('/'));
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(payload)).object();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::lock_guard lock(m_mutex);
    ++m_deliveries;
    if (levels.size() != 4 || !body.value(QLatin1String("seq")).isDouble()) {
        m_unreadable << QString::fromStdString(topic);
        return;
    }
    m_firstSeen.emplace(CaseKey{levels.at(2).toStdString(), body.value(QLatin1String("seq")).toInteger()}, now);
}

CaseKeys Journal::keys() const
{
    CaseKeys out;
    for (const auto &[key, n] : rows)
        out.insert(key);
    return out;
}

CaseKeys Journal::twice() const
{
    CaseKeys out;
    for (const auto &[key, n] : rows)
        if (n != 1)
            out.insert(key);
    return out;
}

Journal readJournal(const QString &dataDir)
{
    Journal journal;
    const QByteArray path = QDir(dataDir).filePath(QStringLiteral("gridwall.sqlite")).toUtf8();
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        journal.error = QStringLiteral("open %1: %2").arg(QString::fromUtf8(path), QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return journal;
    }
    sqlite3_busy_timeout(db, 5000);
    auto query = [&](const char *sql, const std::function<void(sqlite3_stmt *)> &row) {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) {
            journal.error = QString::fromUtf8(sqlite3_errmsg(db));
            return;
        }
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW)
            row(s);
        if (rc != SQLITE_DONE)
            journal.error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(s);
    };
    query("SELECT case_id, seq, count(*), min(received_at) FROM case_log GROUP BY case_id, seq", [&](sqlite3_stmt *s) {
        const auto *id = reinterpret_cast<const char *>(sqlite3_column_text(s, 0));
        const CaseKey key{id ? id : "", sqlite3_column_int64(s, 1)};
        journal.rows[key] = sqlite3_column_int(s, 2);
        journal.receivedAt[key] = sqlite3_column_int64(s, 3);
    });
    query("SELECT count(*) FROM case_events", [&](sqlite3_stmt *s) { journal.acceptedRows = sqlite3_column_int64(s, 0); });
    sqlite3_close(db);
    return journal;
}

Journal waitForJournal(const QString &dataDir, const CaseKeys &truth, int timeoutMs)
{
    Journal journal;
    QElapsedTimer clock;
    clock.start();
    do {
        journal = readJournal(dataDir);
        if (journal.error.isEmpty() && journal.keys() == truth)
            break;
        pause(250);
    } while (clock.elapsed() < timeoutMs);
    return journal;
}

QString describe(const CaseKeys &keys, int limit)
{
    QStringList out;
    for (const CaseKey &k : keys) {
        if (out.size() == limit) {
            out << QStringLiteral("… %1 in all").arg(keys.size());
            break;
        }
        out << QStringLiteral("%1#%2").arg(QString::fromStdString(k.first)).arg(k.second);
    }
    return out.join(QLatin1Char(' '));
}

CaseKeys minus(const CaseKeys &a, const CaseKeys &b)
{
    CaseKeys out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
    return out;
}

QMap<QString, double> casePicture(const QHash<QString, double> &metrics)
{
    QMap<QString, double> picture;
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        if (it.key() == kCaseEntities || it.key() == QLatin1String("gridwall_cases_flagged")
            || it.key().startsWith(QLatin1String("gridwall_cases_open{")) || it.key().startsWith(QLatin1String("gridwall_cases_overdue{")))
            picture.insert(it.key(), it.value());
    }
    return picture;
}

QString sideBySide(const QMap<QString, double> &a, const QMap<QString, double> &b)
{
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    keys.sort();
    QString out;
    for (const QString &k : keys)
        out += QStringLiteral("%1 %2 %3%4\n")
                   .arg(k)
                   .arg(a.value(k, -1))
                   .arg(b.value(k, -1))
                   .arg(a.value(k, -1) == b.value(k, -1) ? QString() : QStringLiteral("   <--"));
    return out;
}

bool samePicture(const WallProcess &wall, const WallProcess &witness, QString *report, int timeoutMs)
{
    QMap<QString, double> mine;
    QMap<QString, double> theirs;
    QElapsedTimer clock;
    clock.start();
    do {
        mine = casePicture(wall.metrics());
        theirs = casePicture(witness.metrics());
        if (!mine.isEmpty() && mine == theirs)
            return true;
        pause(250);
    } while (clock.elapsed() < timeoutMs);
    *report = QStringLiteral("series, this wall, the witness:\n") + sideBySide(mine, theirs);
    return false;
}

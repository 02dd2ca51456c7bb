// The feed decoder: every topic of docs/feeds.md decodes to the right values,
// every kind of bad input is rejected with its reason, and no input at all
// crashes it.

#include "feed/decoder.h"
#include "feed/gcj02.h"
#include "feed/topic.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace gridwall::feed;

namespace {

constexpr qint64 kTs = 1767225600000; // 2026-01-01T00:00Z

// A Panjin street corner (WGS-84).
constexpr double kLon = 122.0712;
constexpr double kLat = 41.1198;

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), size_t(bytes.size())};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// One valid payload per feed, with every optional field given.
QJsonObject validObject(Feed feed)
{
    switch (feed) {
    case Feed::Case:
        return {{"ts", kTs}, {"v", 1}, {"seq", 0}, {"status", "reported"}, {"category", "环境卫生"},
                {"source", "hotline"}, {"priority", 2}, {"lon", kLon}, {"lat", kLat}, {"deadline", kTs + 86400000},
                {"title", "小区门口垃圾堆放"}, {"dept", "城管局"}, {"assignee", "李明"},
                {"grid", "211103001001001"}, {"note", "居民来电"}};
    case Feed::CameraState:
        return {{"ts", kTs}, {"online", true}, {"name", "兴隆台路口东"}, {"lon", kLon}, {"lat", kLat},
                {"stream", "rtsp://10.0.0.5/live/1"}, {"kind", "dome"}};
    case Feed::CameraEvent:
        return {{"ts", kTs}, {"type", "fire_smoke"}, {"severity", 3}, {"snapshot", "http://10.0.0.5/s/1.jpg"}};
    case Feed::SensorState:
        return {{"ts", kTs}, {"kind", "gas"}, {"unit", "ppm"}, {"lon", kLon}, {"lat", kLat}, {"warn", 20},
                {"alarm", 50.5}, {"site", "燃气站"}, {"sector", "B"}};
    case Feed::SensorReading:
        return {{"ts", kTs}, {"value", 12.25}};
    case Feed::Grid:
        return {{"ts", kTs}, {"workers_on_duty", 3}, {"workers_total", 5}};
    case Feed::Worker:
        return {{"ts", kTs}, {"lon", kLon}, {"lat", kLat}, {"status", "handling"}, {"name", "张伟"}};
    case Feed::Unit:
        return {{"ts", kTs}, {"lon", kLon}, {"lat", kLat}, {"kind", "ambulance"}, {"status", "en route"}};
    case Feed::Poi:
        return {{"ts", kTs}, {"kind", "mediation_room"}, {"name", "新工街调解室"}, {"lon", kLon}, {"lat", kLat},
                {"rings", QJsonArray{QJsonObject{{"minutes", 1}, {"radius_m", 600}},
                                     QJsonObject{{"minutes", 3}, {"radius_m", 1500}}}}};
    }
    return {};
}

QStringList requiredFields(Feed feed)
{
    switch (feed) {
    case Feed::Case: return {"ts", "seq", "status", "category", "source", "priority", "lon", "lat", "deadline", "title"};
    case Feed::CameraState: return {"ts", "online", "name", "lon", "lat"};
    case Feed::CameraEvent: return {"ts", "type", "severity"};
    case Feed::SensorState: return {"ts", "kind", "unit", "lon", "lat", "warn", "alarm"};
    case Feed::SensorReading: return {"ts", "value"};
    case Feed::Grid: return {"ts", "workers_on_duty", "workers_total"};
    case Feed::Worker: return {"ts", "lon", "lat", "status"};
    case Feed::Unit: return {"ts", "lon", "lat", "kind", "status"};
    case Feed::Poi: return {"ts", "kind", "name", "lon", "lat"};
    }
    return {};
}

const char *kIds[kFeedCount] = {"C20260101-0001", "CAM-017", "CAM-017", "S-GAS-3", "S-GAS-3", "211103001001001",
                                "W0042", "U-FIRE-2", "POI-9"};

std::string topic(Feed feed)
{
    return topicFor("panjin", feed, kIds[size_t(feed)]);
}

QByteArray with(Feed feed, const QString &key, const QJsonValue &value)
{
    QJsonObject object = validObject(feed);
    object.insert(key, value);
    return json(object);
}

QByteArray without(Feed feed, const QString &key)
{
    QJsonObject object = validObject(feed);
    object.remove(key);
    return json(object);
}

// Replaces the first `"key":<value>` with `"key":raw` in a compact payload.
QByteArray withRaw(Feed feed, const QByteArray &key, const QByteArray &raw)
{
    QByteArray payload = json(validObject(feed));
    const QByteArray marker = '"' + key + "\":";
    const qsizetype at = payload.indexOf(marker);
    Q_ASSERT(at >= 0);
    const qsizetype valueAt = at + marker.size();
    qsizetype end = valueAt;
    int depth = 0;
    bool inString = false;
    for (; end < payload.size(); ++end) {
        const char c = payload[end];
        if (inString) {
            if (c == '\\')
                ++end;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{')
            ++depth;
        else if (c == ']' || c == '}') {
            if (depth == 0)
                break;
            --depth;
        } else if (c == ',' && depth == 0)
            break;
    }
    return payload.left(valueAt) + raw + payload.mid(end);
}

// The valid payload of `feed` with `fields` (raw JSON, "k":v,...) added at its end.
QByteArray appended(Feed feed, const QByteArray &fields)
{
    return json(validObject(feed)).chopped(1) + ',' + fields + '}';
}

// `inner` as a value `depth` levels down (1: itself), inside objects and
// arrays by turns: {"k":[{"k":[...inner...]}]}.
QByteArray nested(int depth, const QByteArray &inner)
{
    QByteArray open, close;
    for (int level = 1; level < depth; ++level) {
        if (level % 2) {
            open += "{\"k\":";
            close.prepend('}');
        } else {
            open += '[';
            close.prepend(']');
        }
    }
    return open + inner + close;
}

// `count` unknown fields "f0":0, "f1":1, ... (raw JSON, without braces).
QByteArray manyFields(int count)
{
    QByteArray fields;
    for (int i = 0; i < count; ++i)
        fields += (i ? ",\"f" : "\"f") + QByteArray::number(i) + "\":" + QByteArray::number(i);
    return fields;
}

double metresBetween(double lon1, double lat1, double lon2, double lat2)
{
    constexpr double r = 6371008.8;
    constexpr double rad = std::numbers::pi / 180.0;
    const double dLat = (lat2 - lat1) * rad;
    const double dLon = (lon2 - lon1) * rad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
        + std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * r * std::asin(std::sqrt(a));
}

bool isUtf8(const std::string &s)
{
    const QByteArray bytes = QByteArray::fromStdString(s);
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

} // namespace

class TestDecoder : public QObject
{
    Q_OBJECT

    Decoder m_decoder;

    DecodeResult decode(Feed feed, const QByteArray &payload) { return m_decoder.decode(topic(feed), view(payload)); }

    // The row's payload is refused for its reason, with a detail that holds the row's.
    void checkRejected()
    {
        QFETCH(int, feed);
        QFETCH(QByteArray, payload);
        QFETCH(int, reason);
        QFETCH(QString, detail);
        const DecodeResult r = decode(Feed(feed), payload);
        QVERIFY2(!r.ok, "accepted");
        QVERIFY(r.topicKnown);
        QCOMPARE(int(r.feed), feed);
        QVERIFY2(int(r.reason) == reason,
                 qPrintable(QStringLiteral("got %1 (%2), want %3").arg(rejectName(r.reason), QString::fromStdString(r.detail), rejectName(Reject(reason)))));
        QVERIFY(!r.detail.empty());
        if (!detail.isEmpty())
            QVERIFY2(QString::fromStdString(r.detail).contains(detail), r.detail.c_str());
    }

private slots:
    void topics_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<int>("feed"); // -1: unknown

        QTest::newRow("case") << "panjin/case/C1/event" << int(Feed::Case);
        QTest::newRow("camera state") << "panjin/camera/CAM-1/state" << int(Feed::CameraState);
        QTest::newRow("camera event") << "panjin/camera/CAM-1/event" << int(Feed::CameraEvent);
        QTest::newRow("sensor state") << "panjin/sensor/S1/state" << int(Feed::SensorState);
        QTest::newRow("sensor reading") << "panjin/sensor/S1/reading" << int(Feed::SensorReading);
        QTest::newRow("grid") << "panjin/grid/211103001001001/state" << int(Feed::Grid);
        QTest::newRow("worker") << "panjin/worker/W1/position" << int(Feed::Worker);
        QTest::newRow("unit") << "panjin/unit/U1/position" << int(Feed::Unit);
        QTest::newRow("poi") << "panjin/poi/P1/state" << int(Feed::Poi);
        QTest::newRow("utf-8 id") << "panjin/worker/网格员7/position" << int(Feed::Worker);
        QTest::newRow("64-byte id") << "panjin/worker/" + QString(64, 'x') + "/position" << int(Feed::Worker);

        QTest::newRow("unknown kind") << "panjin/bus/B1/position" << -1;
        QTest::newRow("unknown leaf") << "panjin/case/C1/state" << -1;
        QTest::newRow("leaf of another kind") << "panjin/worker/W1/state" << -1;
        QTest::newRow("wall view") << "panjin/wall/main/view" << -1;
        QTest::newRow("wall command") << "panjin/wall/main/command" << -1;
        QTest::newRow("empty id") << "panjin/case//event" << -1;
        QTest::newRow("65-byte id") << "panjin/worker/" + QString(65, 'x') + "/position" << -1;
        QTest::newRow("wildcard id +") << "panjin/case/+/event" << -1;
        QTest::newRow("wildcard id #") << "panjin/case/a#b/event" << -1;
        QTest::newRow("extra level") << "panjin/case/C1/event/x" << -1;
        QTest::newRow("missing level") << "panjin/case/event" << -1;
        QTest::newRow("trailing slash") << "panjin/case/C1/event/" << -1;
        QTest::newRow("wrong root") << "shenyang/case/C1/event" << -1;
        QTest::newRow("root prefix") << "panjinx/case/C1/event" << -1;
        QTest::newRow("no root") << "case/C1/event" << -1;
        QTest::newRow("leading slash") << "/panjin/case/C1/event" << -1;
        QTest::newRow("root only") << "panjin" << -1;
        QTest::newRow("empty") << "" << -1;
        QTest::newRow("upper case kind") << "panjin/CASE/C1/event" << -1;
    }

    void topics()
    {
        QFETCH(QString, topic);
        QFETCH(int, feed);
        const QByteArray bytes = topic.toUtf8();
        const std::optional<Topic> parsed = parseTopic(view(bytes), "panjin");
        QCOMPARE(parsed.has_value(), feed >= 0);
        if (feed >= 0) {
            QCOMPARE(int(parsed->feed), feed);
            QCOMPARE(QByteArray(parsed->id.data(), qsizetype(parsed->id.size())), bytes.split('/').at(2));
        }
        // The decoder refuses an unknown topic before looking at the payload.
        const DecodeResult result = m_decoder.decode(view(bytes), "{}");
        QCOMPARE(result.topicKnown, feed >= 0);
        if (feed < 0) {
            QVERIFY(!result.ok);
            QCOMPARE(result.reason, Reject::UnknownTopic);
        } else {
            QCOMPARE(int(result.feed), feed);
        }
    }

    void topicRoot()
    {
        Decoder decoder("city/x");
        QCOMPARE(decoder.topicRoot(), std::string("city/x"));
        const QByteArray reading = json(validObject(Feed::SensorReading));
        QVERIFY(decoder.decode("city/x/sensor/S1/reading", view(reading)).ok);
        QCOMPARE(decoder.decode("panjin/sensor/S1/reading", view(reading)).reason, Reject::UnknownTopic);
        QCOMPARE(topicFor("city/x", Feed::Grid, "7"), std::string("city/x/grid/7/state"));
    }

    void acceptsEveryFeed_data()
    {
        QTest::addColumn<int>("feed");
        for (int f = 0; f < kFeedCount; ++f)
            QTest::newRow(feedName(Feed(f))) << f;
    }

    void acceptsEveryFeed()
    {
        QFETCH(int, feed);
        const DecodeResult full = decode(Feed(feed), json(validObject(Feed(feed))));
        QVERIFY2(full.ok, full.detail.c_str());
        QCOMPARE(feedOf(full.event), Feed(feed));
        QCOMPARE(entityId(full.event), std::string(kIds[feed]));
        QCOMPARE(timestampOf(full.event), int64_t(kTs));

        // Only the required fields.
        QJsonObject minimal;
        const QJsonObject all = validObject(Feed(feed));
        for (const QString &key : requiredFields(Feed(feed)))
            minimal.insert(key, all.value(key));
        const DecodeResult result = decode(Feed(feed), json(minimal));
        QVERIFY2(result.ok, result.detail.c_str());

        // Unknown fields, of any shape, are ignored; null optional fields are absent.
        minimal.insert("zz_extra", QJsonObject{{"a", QJsonArray{1, "two", true, QJsonValue()}}});
        minimal.insert("v", 1);
        minimal.insert("crs", "wgs84");
        minimal.insert("grid", QJsonValue());
        const DecodeResult extra = decode(Feed(feed), json(minimal));
        QVERIFY2(extra.ok, extra.detail.c_str());
    }

    void caseReported()
    {
        const DecodeResult r = decode(Feed::Case, json(validObject(Feed::Case)));
        QVERIFY2(r.ok, r.detail.c_str());
        const auto &e = std::get<CaseEvent>(r.event);
        QCOMPARE(e.id, std::string("C20260101-0001"));
        QCOMPARE(e.ts, int64_t(kTs));
        QCOMPARE(e.seq, int64_t(0));
        QCOMPARE(e.status, CaseStatus::Reported);
        QCOMPARE(e.category, std::string("环境卫生"));
        QVERIFY(e.source == std::optional(CaseSource::Hotline));
        QCOMPARE(e.priority, 2);
        QVERIFY(e.position);
        QCOMPARE(e.position->lon, kLon);
        QCOMPARE(e.position->lat, kLat);
        QCOMPARE(e.deadline, int64_t(kTs + 86400000));
        QCOMPARE(e.title, std::string("小区门口垃圾堆放"));
        QCOMPARE(e.dept, std::string("城管局"));
        QCOMPARE(e.assignee, std::string("李明"));
        QCOMPARE(e.grid, std::string("211103001001001"));
        QCOMPARE(e.note, std::string("居民来电"));
        QCOMPARE(e.rating, 0);
    }

    void caseUpdates_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("expected");
        const char *names[] = {"accepted", "dispatched", "handling", "resolved", "closed", "rejected", "returned", "escalated"};
        for (int i = 0; i < 8; ++i)
            QTest::newRow(names[i]) << names[i] << i + 1;
    }

    void caseUpdates()
    {
        QFETCH(QString, status);
        QFETCH(int, expected);
        // Past `reported` only ts, seq and status are required.
        const QByteArray payload = json({{"ts", kTs + 1}, {"seq", 7}, {"status", status}, {"rating", 4}});
        const DecodeResult r = decode(Feed::Case, payload);
        QVERIFY2(r.ok, r.detail.c_str());
        const auto &e = std::get<CaseEvent>(r.event);
        QCOMPARE(int(e.status), expected);
        QCOMPARE(e.seq, int64_t(7));
        QCOMPARE(e.rating, 4);
        QVERIFY(!e.position);
        QVERIFY(!e.source);
        QCOMPARE(e.priority, 0);
        QCOMPARE(e.deadline, int64_t(0));
    }

    void otherFeedsValues()
    {
        {
            const DecodeResult r = decode(Feed::CameraState, json(validObject(Feed::CameraState)));
            QVERIFY2(r.ok, r.detail.c_str());
            const auto &e = std::get<CameraState>(r.event);
            QCOMPARE(e.id, std::string("CAM-017"));
            QCOMPARE(e.online, true);
            QCOMPARE(e.name, std::string("兴隆台路口东"));
            QCOMPARE(e.position.lon, kLon);
            QCOMPARE(e.position.lat, kLat);
            QCOMPARE(e.stream, std::string("rtsp://10.0.0.5/live/1"));
            QCOMPARE(e.kind, std::string("dome"));
        }
        {
            const DecodeResult r = decode(Feed::CameraEvent, json(validObject(Feed::CameraEvent)));
            QVERIFY2(r.ok, r.detail.c_str());
            const auto &e = std::get<CameraEvent>(r.event);
            QCOMPARE(e.type, CameraEventType::FireSmoke);
            QCOMPARE(e.severity, 3);
            QCOMPARE(e.snapshot, std::string("http://10.0.0.5/s/1.jpg"));
        }
        {
            const DecodeResult r = decode(Feed::SensorState, json(validObject(Feed::SensorState)));
            QVERIFY2(r.ok, r.detail.c_str());
            const auto &e = std::get<SensorState>(r.event);
            QCOMPARE(e.kind, SensorKind::Gas);
            QCOMPARE(e.unit, std::string("ppm"));
            QCOMPARE(e.warn, 20.0);
            QCOMPARE(e.alarm, 50.5);
            QCOMPARE(e.site, std::string("燃气站"));
            QCOMPARE(e.sector, std::string("B"));
            QCOMPARE(e.position.lat, kLat);
        }
        {
            const DecodeResult r = decode(Feed::SensorReading, json(validObject(Feed::SensorReading)));
            QVERIFY2(r.ok, r.detail.c_str());
            QCOMPARE(std::get<SensorReading>(r.event).value, 12.25);
            // Integers, negatives and exponents are numbers too.
            const DecodeResult n = decode(Feed::SensorReading, R"({"ts":1767225600000,"value":-2.5e-3})");
            QVERIFY2(n.ok, n.detail.c_str());
            QCOMPARE(std::get<SensorReading>(n.event).value, -0.0025);
        }
        {
            const DecodeResult r = decode(Feed::Grid, json(validObject(Feed::Grid)));
            QVERIFY2(r.ok, r.detail.c_str());
            const auto &e = std::get<GridState>(r.event);
            QCOMPARE(e.code, std::string("211103001001001"));
            QCOMPARE(e.workersOnDuty, 3);
            QCOMPARE(e.workersTotal, 5);
        }
        {
            const DecodeResult r = decode(Feed::Worker, json(validObject(Feed::Worker)));
            QVERIFY2(r.ok, r.detail.c_str());
            const auto &e = std::get<WorkerPosition>(r.event);
            QCOMPARE(e.id, std::string("W0042"));
            QCOMPARE(e.status, WorkerStatus::Handling);
            QCOMPARE(e.name, std::string("张伟"));
            QCOMPARE(e.position.lon, kLon);
        }
        {
            const DecodeResult r = decode(Feed::Unit, json(validObject(Feed::Unit)));
            QVERIFY2(r.ok, r.detail.c_str());
            const auto &e = std::get<UnitPosition>(r.event);
            QCOMPARE(e.kind, UnitKind::Ambulance);
            QCOMPARE(e.status, std::string("en route"));
        }
        {
            const DecodeResult r = decode(Feed::Poi, json(validObject(Feed::Poi)));
            QVERIFY2(r.ok, r.detail.c_str());
            const auto &e = std::get<PoiState>(r.event);
            QCOMPARE(e.kind, PoiKind::MediationRoom);
            QCOMPARE(e.name, std::string("新工街调解室"));
            QCOMPARE(e.rings.size(), size_t(2));
            QCOMPARE(e.rings[0].minutes, 1);
            QCOMPARE(e.rings[0].radiusM, 600);
            QCOMPARE(e.rings[1].minutes, 3);
            QCOMPARE(e.rings[1].radiusM, 1500);
        }
    }

    void escapesAndUnicode()
    {
        // Escaped keys and values mean what they spell.
        const DecodeResult r = decode(
            Feed::Worker,
            "{\"t\\u0073\":1767225600000,\"lon\":122.5,\"lat\":41.0,\"status\":\"p\\u0061trol\","
            "\"name\":\"\\u5f20\\\"q\\\"\\n\\ud83d\\ude00\"}");
        QVERIFY2(r.ok, r.detail.c_str());
        const auto &e = std::get<WorkerPosition>(r.event);
        QCOMPARE(e.status, WorkerStatus::Patrol);
        QCOMPARE(e.name, std::string("张\"q\"\n😀"));
        // Whitespace anywhere JSON allows it.
        const DecodeResult spaced = decode(Feed::SensorReading, " \n{ \"ts\" :\t1767225600000 ,\r\n \"value\" : 1 } \n");
        QVERIFY2(spaced.ok, spaced.detail.c_str());
    }

    void stringLimit()
    {
        const QString longest(int(kMaxStringBytes), 'a');
        QVERIFY(decode(Feed::Worker, with(Feed::Worker, "name", longest)).ok);
        const DecodeResult over = decode(Feed::Worker, with(Feed::Worker, "name", longest + 'a'));
        QCOMPARE(over.reason, Reject::OutOfRange);
        // The limit is on bytes: 1366 three-byte characters are 4098 bytes.
        const DecodeResult wide = decode(Feed::Worker, with(Feed::Worker, "name", QString(1366, QChar(0x5f20))));
        QCOMPARE(wide.reason, Reject::OutOfRange);
    }

    void payloadLimit()
    {
        // Exactly 64 KiB (padded with blanks) is accepted, one byte more is not.
        QByteArray payload = json(validObject(Feed::SensorReading));
        payload.append(QByteArray(qsizetype(kMaxPayloadBytes) - payload.size(), ' '));
        QCOMPARE(payload.size(), qsizetype(65536));
        const DecodeResult ok = decode(Feed::SensorReading, payload);
        QVERIFY2(ok.ok, ok.detail.c_str());
        payload.append(' ');
        QCOMPARE(decode(Feed::SensorReading, payload).reason, Reject::Oversize);
    }

    void nesting()
    {
        // Deeply nested unknown fields are still JSON; unbalanced ones are not.
        const int depth = 30000;
        const QByteArray deep = "{\"ts\":1767225600000,\"value\":1,\"x\":" + QByteArray(depth, '[') + QByteArray(depth, ']') + "}";
        const DecodeResult ok = decode(Feed::SensorReading, deep);
        QVERIFY2(ok.ok, ok.detail.c_str());
        const QByteArray unbalanced = "{\"ts\":1767225600000,\"value\":1,\"x\":" + QByteArray(depth, '[') + QByteArray(depth - 1, ']') + "}";
        QCOMPARE(decode(Feed::SensorReading, unbalanced).reason, Reject::BadJson);
        QCOMPARE(decode(Feed::SensorReading, QByteArray(60000, '[')).reason, Reject::BadJson);
        QCOMPARE(decode(Feed::SensorReading, QByteArray(60000, '{')).reason, Reject::BadJson);
    }

    void gcj02Conversion()
    {
        // GCJ-02 shifts a Panjin point a few hundred metres, north-east here.
        const gcj02::LonLat g = gcj02::fromWgs84(kLon, kLat);
        QVERIFY(g.lon > kLon);
        QVERIFY(g.lat > kLat);
        const double shift = metresBetween(kLon, kLat, g.lon, g.lat);
        QVERIFY2(shift > 300 && shift < 800, qPrintable(QString::number(shift)));

        // WGS -> GCJ -> WGS round-trips within 1 m (the iteration gets ~1 mm),
        // over a grid of points across China.
        double worst = 0;
        for (double lon = 74; lon <= 134; lon += 2.5) {
            for (double lat = 18; lat <= 53; lat += 2.5) {
                const gcj02::LonLat there = gcj02::fromWgs84(lon, lat);
                const gcj02::LonLat back = gcj02::toWgs84(there.lon, there.lat);
                worst = std::max(worst, metresBetween(lon, lat, back.lon, back.lat));
            }
        }
        QVERIFY2(worst < 0.01, qPrintable(QString::number(worst)));

        // Outside China nothing moves.
        const gcj02::LonLat tokyo = gcj02::fromWgs84(139.69, 35.69);
        QCOMPARE(tokyo.lon, 139.69);
        QCOMPARE(tokyo.lat, 35.69);
        QCOMPARE(gcj02::toWgs84(-0.1276, 51.5072).lon, -0.1276);

        // The decoder converts a position sent as GCJ-02 back to WGS-84.
        QJsonObject worker = validObject(Feed::Worker);
        worker.insert("lon", g.lon);
        worker.insert("lat", g.lat);
        worker.insert("crs", "gcj02");
        const DecodeResult r = decode(Feed::Worker, json(worker));
        QVERIFY2(r.ok, r.detail.c_str());
        const GeoPoint p = std::get<WorkerPosition>(r.event).position;
        QVERIFY2(metresBetween(p.lon, p.lat, kLon, kLat) < 0.01, qPrintable(QString::number(metresBetween(p.lon, p.lat, kLon, kLat))));
        // ...in any field order.
        const DecodeResult first = decode(Feed::Unit, QByteArray(R"({"crs":"gcj02","ts":1767225600000,"kind":"police","status":"x","lon":)")
                                                          + QByteArray::number(g.lon, 'g', 17) + ",\"lat\":" + QByteArray::number(g.lat, 'g', 17) + "}");
        QVERIFY2(first.ok, first.detail.c_str());
        QVERIFY(metresBetween(std::get<UnitPosition>(first.event).position.lon, std::get<UnitPosition>(first.event).position.lat, kLon, kLat) < 0.01);
        // Case positions too.
        QJsonObject report = validObject(Feed::Case);
        report.insert("lon", g.lon);
        report.insert("lat", g.lat);
        report.insert("crs", "gcj02");
        const DecodeResult c = decode(Feed::Case, json(report));
        QVERIFY2(c.ok, c.detail.c_str());
        QVERIFY(metresBetween(std::get<CaseEvent>(c.event).position->lon, std::get<CaseEvent>(c.event).position->lat, kLon, kLat) < 0.01);
    }

    void rejects_data()
    {
        QTest::addColumn<int>("feed");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("detail"); // a part of it; empty: not checked

        const int caseF = int(Feed::Case), worker = int(Feed::Worker), reading = int(Feed::SensorReading);
        auto row = [](const char *name, int feed, const QByteArray &payload, Reject reason, const QString &detail = {}) {
            QTest::newRow(name) << feed << payload << int(reason) << detail;
        };

        // Not JSON.
        row("empty", reading, "", Reject::BadJson);
        row("blank", reading, "  \n ", Reject::BadJson);
        row("bad json", reading, R"({"ts":1767225600000,"value":})", Reject::BadJson);
        row("missing colon", reading, R"({"ts" 1767225600000,"value":1})", Reject::BadJson);
        row("trailing comma", reading, R"({"ts":1767225600000,"value":1,})", Reject::BadJson);
        row("single quotes", reading, R"({'ts':1767225600000,'value':1})", Reject::BadJson);
        row("truncated", worker, json(validObject(Feed::Worker)).chopped(9), Reject::BadJson);
        row("truncated in string", worker, "{\"ts\":1767225600000,\"lon\":122.07,\"lat\":41.1,\"status\":\"patr", Reject::BadJson);
        row("unclosed object", reading, R"({"ts":1767225600000,"value":1)", Reject::BadJson);
        row("trailing garbage", reading, R"({"ts":1767225600000,"value":1} x)", Reject::BadJson);
        row("two documents", reading, R"({"ts":1767225600000,"value":1}{"ts":1})", Reject::BadJson);
        row("NaN literal", reading, R"({"ts":1767225600000,"value":NaN})", Reject::BadJson);
        row("Infinity literal", reading, R"({"ts":1767225600000,"value":-Infinity})", Reject::BadJson);
        row("malformed number", reading, R"({"ts":1767225600000,"value":12a})", Reject::BadJson);
        row("leading zero", reading, R"({"ts":1767225600000,"value":012})", Reject::BadJson);
        row("bad literal", reading, R"({"ts":1767225600000,"value":1,"x":tru})", Reject::BadJson);
        row("bad null", worker, withRaw(Feed::Worker, "name", "nul"), Reject::BadJson);
        row("bad escape", worker, withRaw(Feed::Worker, "name", "\"a\\x\""), Reject::BadJson);
        row("control char in string", worker, withRaw(Feed::Worker, "name", "\"a\tb\""), Reject::BadJson);
        row("bad json in unknown field", reading, R"({"ts":1767225600000,"value":1,"x":[1,}]})", Reject::BadJson);
        row("mismatched brackets in unknown field", reading, R"({"ts":1767225600000,"value":1,"x":[1}]})", Reject::BadJson);
        row("bad json after a field error", reading, R"({"ts":"x","value":})", Reject::BadJson);

        // JSON, not an object.
        row("array", reading, "[1,2,3]", Reject::NotObject, "array");
        row("array of objects", reading, json(validObject(Feed::SensorReading)).prepend('[').append(']'), Reject::NotObject);
        row("string", reading, R"("hello")", Reject::NotObject);
        row("number", reading, "42", Reject::NotObject);
        row("null", reading, "null", Reject::NotObject);
        row("true", reading, "true", Reject::NotObject);
        row("bad array", reading, "[1,2", Reject::BadJson);

        // UTF-8.
        row("invalid utf-8 in string", worker, withRaw(Feed::Worker, "name", "\"\xff\xfe\""), Reject::BadUtf8);
        row("overlong utf-8", worker, withRaw(Feed::Worker, "name", "\"\xc0\xaf\""), Reject::BadUtf8);
        row("truncated utf-8", worker, withRaw(Feed::Worker, "name", "\"\xe5\xbc\""), Reject::BadUtf8);

        // Size.
        row("1 MiB", reading, "{\"ts\":1767225600000,\"value\":1,\"x\":\"" + QByteArray(1 << 20, 'a') + "\"}", Reject::Oversize);

        // Wrong types.
        row("string ts", reading, R"({"ts":"1767225600000","value":1})", Reject::WrongType, "field \"ts\"");
        row("decimal ts", reading, R"({"ts":1767225600000.5,"value":1})", Reject::WrongType, "field \"ts\"");
        row("string lon", worker, with(Feed::Worker, "lon", "122.07"), Reject::WrongType, "field \"lon\"");
        row("bool priority", caseF, with(Feed::Case, "priority", true), Reject::WrongType, "field \"priority\"");
        row("string seq", caseF, with(Feed::Case, "seq", "1"), Reject::WrongType);
        row("number status", caseF, with(Feed::Case, "status", 1), Reject::WrongType);
        row("string online", int(Feed::CameraState), with(Feed::CameraState, "online", "true"), Reject::WrongType);
        row("object name", worker, with(Feed::Worker, "name", QJsonObject{{"zh", "张伟"}}), Reject::WrongType);
        row("array value", reading, with(Feed::SensorReading, "value", QJsonArray{1}), Reject::WrongType);
        row("string v", reading, with(Feed::SensorReading, "v", "1"), Reject::WrongType);
        row("rings not array", int(Feed::Poi), with(Feed::Poi, "rings", 1), Reject::WrongType, "rings");
        row("ring not object", int(Feed::Poi), with(Feed::Poi, "rings", QJsonArray{1}), Reject::WrongType, "rings[0]");
        row("decimal minutes", int(Feed::Poi), with(Feed::Poi, "rings", QJsonArray{QJsonObject{{"minutes", 1.5}, {"radius_m", 600}}}), Reject::WrongType, "rings[0].minutes");
        row("null ts", reading, with(Feed::SensorReading, "ts", QJsonValue()), Reject::WrongType, "field \"ts\": null");
        row("null lon", worker, with(Feed::Worker, "lon", QJsonValue()), Reject::WrongType);
        row("null status", caseF, with(Feed::Case, "status", QJsonValue()), Reject::WrongType);
        row("null title on reported", caseF, with(Feed::Case, "title", QJsonValue()), Reject::WrongType, "title");
        row("null online", int(Feed::CameraState), with(Feed::CameraState, "online", QJsonValue()), Reject::WrongType);

        // Unknown values.
        row("unknown status", caseF, with(Feed::Case, "status", "lost"), Reject::UnknownValue, "lost");
        row("unknown source", caseF, with(Feed::Case, "source", "email"), Reject::UnknownValue);
        row("status in upper case", caseF, with(Feed::Case, "status", "Reported"), Reject::UnknownValue);
        row("unknown camera event type", int(Feed::CameraEvent), with(Feed::CameraEvent, "type", "flood"), Reject::UnknownValue);
        row("unknown sensor kind", int(Feed::SensorState), with(Feed::SensorState, "kind", "noise"), Reject::UnknownValue);
        row("unknown worker status", worker, with(Feed::Worker, "status", "asleep"), Reject::UnknownValue);
        row("unknown unit kind", int(Feed::Unit), with(Feed::Unit, "kind", "tank"), Reject::UnknownValue);
        row("unknown poi kind", int(Feed::Poi), with(Feed::Poi, "kind", "school"), Reject::UnknownValue);
        row("schema version 2", reading, with(Feed::SensorReading, "v", 2), Reject::UnknownValue);
        row("unknown crs", worker, with(Feed::Worker, "crs", "bd09"), Reject::UnknownValue, "crs");

        // Not finite.
        row("1e999 value", reading, R"({"ts":1767225600000,"value":1e999})", Reject::NotFinite, "value");
        row("-1e999 value", reading, R"({"ts":1767225600000,"value":-1e999})", Reject::NotFinite);
        row("1e999 lon", worker, withRaw(Feed::Worker, "lon", "1e999"), Reject::NotFinite, "lon");
        row("1e999 ts", reading, R"({"ts":1e999,"value":1})", Reject::NotFinite, "ts");
        row("huge integer warn", int(Feed::SensorState), withRaw(Feed::SensorState, "warn", "1" + QByteArray(400, '0')), Reject::NotFinite);

        // Out of range.
        row("lon 180.5", worker, with(Feed::Worker, "lon", 180.5), Reject::OutOfRange, "lon");
        row("lon -181", worker, with(Feed::Worker, "lon", -181), Reject::OutOfRange);
        row("lat 90.01", worker, with(Feed::Worker, "lat", 90.01), Reject::OutOfRange, "lat");
        row("lat -91", int(Feed::CameraState), with(Feed::CameraState, "lat", -91), Reject::OutOfRange);
        row("priority 0", caseF, with(Feed::Case, "priority", 0), Reject::OutOfRange, "priority");
        row("priority 5", caseF, with(Feed::Case, "priority", 5), Reject::OutOfRange, "priority");
        row("severity 9", int(Feed::CameraEvent), with(Feed::CameraEvent, "severity", 9), Reject::OutOfRange, "severity");
        row("severity 0", int(Feed::CameraEvent), with(Feed::CameraEvent, "severity", 0), Reject::OutOfRange);
        row("rating 6", caseF, with(Feed::Case, "rating", 6), Reject::OutOfRange, "rating");
        row("rating 0", caseF, with(Feed::Case, "rating", 0), Reject::OutOfRange);
        row("negative seq", caseF, with(Feed::Case, "seq", -1), Reject::OutOfRange, "seq");
        row("ts 0", reading, R"({"ts":0,"value":1})", Reject::OutOfRange, "ts");
        row("negative ts", reading, R"({"ts":-5,"value":1})", Reject::OutOfRange);
        row("ts in 2100", reading, R"({"ts":4102444800000,"value":1})", Reject::OutOfRange);
        row("ts beyond 64 bits", reading, R"({"ts":99999999999999999999,"value":1})", Reject::OutOfRange);
        row("deadline 0", caseF, with(Feed::Case, "deadline", 0), Reject::OutOfRange, "deadline");
        row("empty category", caseF, with(Feed::Case, "category", ""), Reject::OutOfRange, "category");
        row("on_duty > total", int(Feed::Grid), with(Feed::Grid, "workers_on_duty", 6), Reject::OutOfRange, "workers_on_duty");
        row("negative workers", int(Feed::Grid), with(Feed::Grid, "workers_total", -1), Reject::OutOfRange);
        row("workers beyond int", int(Feed::Grid), with(Feed::Grid, "workers_total", 3e9), Reject::OutOfRange);
        row("ring minutes 0", int(Feed::Poi), with(Feed::Poi, "rings", QJsonArray{QJsonObject{{"minutes", 0}, {"radius_m", 600}}}), Reject::OutOfRange, "rings[0].minutes");
        row("ring radius -1", int(Feed::Poi), with(Feed::Poi, "rings", QJsonArray{QJsonObject{{"minutes", 1}, {"radius_m", 600}}, QJsonObject{{"minutes", 2}, {"radius_m", -1}}}), Reject::OutOfRange, "rings[1].radius_m");

        // Missing fields: each required field of each feed.
        for (int f = 0; f < kFeedCount; ++f) {
            for (const QString &key : requiredFields(Feed(f))) {
                const QByteArray name = QByteArray("missing ") + feedName(Feed(f)) + ' ' + key.toUtf8();
                QTest::newRow(name.constData()) << f << without(Feed(f), key) << int(Reject::MissingField)
                                                << QString("missing field \"%1\"").arg(key);
            }
        }
        row("missing lat of an update", caseF, R"({"ts":1767225600000,"seq":2,"status":"handling","lon":122.0})", Reject::MissingField, "lat");
        row("missing ring radius", int(Feed::Poi), with(Feed::Poi, "rings", QJsonArray{QJsonObject{{"minutes", 1}}}), Reject::MissingField, "rings[0].radius_m");
        row("empty object", reading, "{}", Reject::MissingField, "ts");
        row("keys are case sensitive", reading, R"({"TS":1767225600000,"value":1})", Reject::MissingField, "ts");

        // The first problem in field order decides.
        row("first of two errors", worker, R"({"ts":1767225600000,"lon":200,"lat":41,"status":"nope"})", Reject::OutOfRange, "lon");
    }

    void rejects() { checkRejected(); }

    // What a hostile producer tries, rule by rule (docs/feeds.md, "Rejections").
    void hostile_data()
    {
        QTest::addColumn<int>("feed");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("detail"); // a part of it

        auto row = [](const QByteArray &name, Feed feed, const QByteArray &payload, Reject reason, const QString &detail) {
            QTest::newRow(name.constData()) << int(feed) << payload << int(reason) << detail;
        };

        // seq up to 2^53.
        row("seq 2^53 + 1", Feed::Case, R"({"ts":1767225600000,"seq":9007199254740993,"status":"accepted"})", Reject::OutOfRange, "seq");
        row("seq 2^63 - 1", Feed::Case, R"({"ts":1767225600000,"seq":9223372036854775807,"status":"accepted"})", Reject::OutOfRange, "seq");

        // URLs the wall does not open.
        row("stream file:///etc/passwd", Feed::CameraState, with(Feed::CameraState, "stream", "file:///etc/passwd"), Reject::UnknownValue,
            "field \"stream\": not an rtsp, rtsps, http or https URL");
        row("stream javascript:", Feed::CameraState, with(Feed::CameraState, "stream", "javascript:alert(1)"), Reject::UnknownValue, "stream");
        row("stream relative", Feed::CameraState, with(Feed::CameraState, "stream", "../../etc/passwd"), Reject::UnknownValue, "stream");
        row("stream absolute path", Feed::CameraState, with(Feed::CameraState, "stream", "/etc/passwd"), Reject::UnknownValue, "stream");
        row("stream ftp", Feed::CameraState, with(Feed::CameraState, "stream", "ftp://10.0.0.5/live"), Reject::UnknownValue, "stream");
        row("stream blank before the scheme", Feed::CameraState, with(Feed::CameraState, "stream", " rtsp://10.0.0.5/live"),
            Reject::UnknownValue, "stream");
        row("stream scheme only", Feed::CameraState, with(Feed::CameraState, "stream", "rtsp://"), Reject::UnknownValue, "stream");
        row("stream without //", Feed::CameraState, with(Feed::CameraState, "stream", "http:/etc/passwd"), Reject::UnknownValue, "stream");
        row("stream escaped file:", Feed::CameraState, withRaw(Feed::CameraState, "stream", "\"\\u0066ile:///etc/passwd\""),
            Reject::UnknownValue, "stream");
        row("snapshot file:", Feed::CameraEvent, with(Feed::CameraEvent, "snapshot", "file:///home/wall/.ssh/id_rsa"), Reject::UnknownValue,
            "field \"snapshot\": not an http or https URL");
        row("snapshot qrc:", Feed::CameraEvent, with(Feed::CameraEvent, "snapshot", "qrc:/qt/qml/gridwall/Main.qml"), Reject::UnknownValue,
            "snapshot");
        row("snapshot relative", Feed::CameraEvent, with(Feed::CameraEvent, "snapshot", "../../etc/passwd"), Reject::UnknownValue, "snapshot");
        row("snapshot rtsp", Feed::CameraEvent, with(Feed::CameraEvent, "snapshot", "rtsp://10.0.0.5/live"), Reject::UnknownValue, "snapshot");
        row("snapshot data:", Feed::CameraEvent, with(Feed::CameraEvent, "snapshot", "data:image/png;base64,iVBORw0KGgo="),
            Reject::UnknownValue, "snapshot");

        // U+0000 in a kept string.
        row("NUL in a title", Feed::Case, withRaw(Feed::Case, "title", R"("井盖\u0000缺失")"), Reject::OutOfRange,
            "field \"title\": holds U+0000");
        row("NUL in a note", Feed::Case, withRaw(Feed::Case, "note", R"("\u0000")"), Reject::OutOfRange, "field \"note\"");
        row("NUL at the end of a category", Feed::Case, withRaw(Feed::Case, "category", R"("x\u0000")"), Reject::OutOfRange, "category");
        row("NUL in a worker's name", Feed::Worker, withRaw(Feed::Worker, "name", R"("张\u0000伟")"), Reject::OutOfRange, "name");
        row("NUL in a camera's name", Feed::CameraState, withRaw(Feed::CameraState, "name", R"("a\u0000")"), Reject::OutOfRange, "name");
        row("NUL in a unit's status", Feed::Unit, withRaw(Feed::Unit, "status", R"("en\u0000route")"), Reject::OutOfRange, "status");
        row("NUL in a sensor's site", Feed::SensorState, withRaw(Feed::SensorState, "site", R"("\u0000")"), Reject::OutOfRange, "site");
        row("NUL in a poi's name", Feed::Poi, withRaw(Feed::Poi, "name", R"("a\u0000b")"), Reject::OutOfRange, "name");

        // Invalid escapes at any depth of an unknown field, and in its keys:
        // the same reason and detail at every depth.
        struct Escape
        {
            const char *what;
            QByteArray value;
            const char *detail;
        };
        const Escape escapes[] = {
            {"\\x", R"("\x")", "invalid escape \"\\\\x\""},
            {"lone high surrogate", R"("\ud800")", "unpaired surrogate \"\\\\ud800\""},
            {"lone low surrogate", R"("a\udc00")", "unpaired surrogate \"\\\\udc00\""},
            {"high, then not low", R"("\ud83d\u0041")", "unpaired surrogate \"\\\\ud83d\""},
            {"short \\u", R"("\u12")", "invalid escape"},
            {"\\u of non-hex", R"("\uzzzz")", "invalid escape"},
            {"key \\x", R"({"\x":1})", "invalid escape"}};
        for (const Escape &e : escapes) {
            for (const int depth : {1, 5, 40}) {
                row(QByteArray(e.what) + " at depth " + QByteArray::number(depth), Feed::SensorReading,
                    appended(Feed::SensorReading, "\"x\":" + nested(depth, e.value)), Reject::BadJson, e.detail);
            }
        }
        row("\\x deep in an array of a non-object", Feed::SensorReading, nested(40, R"("\x")").prepend('[').append(']'), Reject::BadJson,
            "escape");
        row("lone surrogate deep after a field error", Feed::SensorReading,
            R"({"ts":"x","value":1,"x":)" + nested(40, R"("\udfff")") + '}', Reject::BadJson, "surrogate");

        // A field twice, in any object the decoder reads: known or not, escaped or not.
        row("status twice: reported, then closed", Feed::Case, appended(Feed::Case, R"("status":"closed")"), Reject::BadJson,
            "duplicate field \"status\"");
        row("seq twice", Feed::Case, R"({"ts":1767225600000,"seq":1,"status":"accepted","seq":5})", Reject::BadJson,
            "duplicate field \"seq\"");
        row("ts twice", Feed::SensorReading, R"({"ts":1767225600000,"value":1,"ts":1767225600001})", Reject::BadJson,
            "duplicate field \"ts\"");
        row("lon twice", Feed::Worker, appended(Feed::Worker, R"("lon":0)"), Reject::BadJson, "duplicate field \"lon\"");
        row("null, then a value", Feed::Worker, R"({"ts":1767225600000,"lon":1,"lat":2,"status":"idle","name":null,"name":"x"})",
            Reject::BadJson, "duplicate field \"name\"");
        row("twice, once escaped", Feed::Worker, appended(Feed::Worker, R"("n\u0061me":"x")"), Reject::BadJson, "duplicate field \"name\"");
        row("a field of another feed twice", Feed::Unit, appended(Feed::Unit, R"("source":"a","source":"b")"), Reject::BadJson,
            "duplicate field \"source\"");
        row("after a field error", Feed::SensorReading, R"({"ts":"x","value":1,"value":2})", Reject::BadJson, "duplicate field \"value\"");
        row("ring minutes twice", Feed::Poi,
            R"({"ts":1767225600000,"kind":"other","name":"x","lon":1,"lat":2,"rings":[{"minutes":1,"radius_m":5,"minutes":9}]})",
            Reject::BadJson, "duplicate field \"rings[0].minutes\"");
        row("second ring's radius twice", Feed::Poi,
            R"({"ts":1767225600000,"kind":"other","name":"x","lon":1,"lat":2,"rings":[{"minutes":1,"radius_m":5},{"radius_m":5,"minutes":2,"radius_m":6}]})",
            Reject::BadJson, "duplicate field \"rings[1].radius_m\"");
        row("unknown field twice", Feed::SensorReading, R"({"ts":1767225600000,"zz":1,"value":1,"zz":{"a":1}})", Reject::BadJson,
            "duplicate field \"zz\"");
        row("unknown field twice, once escaped", Feed::SensorReading, R"({"ts":1767225600000,"value":1,"z\u007a":1,"zz":2})",
            Reject::BadJson, "duplicate field \"zz\"");
        row("empty name twice", Feed::SensorReading, R"({"ts":1767225600000,"value":1,"":1,"":2})", Reject::BadJson,
            "duplicate field \"\"");
        row("unknown field twice in a ring", Feed::Poi,
            R"({"ts":1767225600000,"kind":"other","name":"x","lon":1,"lat":2,"rings":[{"minutes":1,"radius_m":5,"q":1,"q":1}]})",
            Reject::BadJson, "duplicate field \"rings[0].q\"");
        row("a long name twice", Feed::SensorReading,
            appended(Feed::SensorReading, "\"" + QByteArray(600, 'a') + "\":0,\"" + QByteArray(600, 'a') + "\":1"), Reject::BadJson,
            "duplicate field \"aaaa");
        // Objects of many names (more than a real payload has).
        row("the 1st of 100 unknown fields again", Feed::SensorReading, appended(Feed::SensorReading, manyFields(100) + ",\"f0\":0"),
            Reject::BadJson, "duplicate field \"f0\"");
        row("the 57th of 100 unknown fields again", Feed::SensorReading, appended(Feed::SensorReading, manyFields(100) + ",\"f56\":0"),
            Reject::BadJson, "duplicate field \"f56\"");
        row("the 1st of 5000 unknown fields again", Feed::SensorReading, appended(Feed::SensorReading, manyFields(5000) + ",\"f0\":0"),
            Reject::BadJson, "duplicate field \"f0\"");
        row("of two names again, the first", Feed::SensorReading,
            appended(Feed::SensorReading, manyFields(100) + ",\"f70\":0,\"f5\":0"), Reject::BadJson, "duplicate field \"f70\"");
        // 40 unknown names at the top and in a ring (each object its own), then one of the top's again.
        const QByteArray poiHead = R"({"ts":1767225600000,"kind":"other","name":"x","lon":1,"lat":2,)" + manyFields(40);
        row("a name of the top again after a ring of many", Feed::Poi,
            poiHead + R"(,"rings":[{"minutes":1,"radius_m":5,)" + manyFields(40) + R"(}],"f3":0})", Reject::BadJson,
            "duplicate field \"f3\"");
        row("a name twice in a ring of many", Feed::Poi,
            poiHead + R"(,"rings":[{"minutes":1,"radius_m":5,)" + manyFields(40) + R"(,"f20":1}]})", Reject::BadJson,
            "duplicate field \"rings[0].f20\"");
    }

    void hostile() { checkRejected(); }

    // The limits of the rules above: what a producer may still send.
    void hostileButValid_data()
    {
        QTest::addColumn<int>("feed");
        QTest::addColumn<QByteArray>("payload");

        auto row = [](const QByteArray &name, Feed feed, const QByteArray &payload) {
            QTest::newRow(name.constData()) << int(feed) << payload;
        };
        row("seq 2^53", Feed::Case, R"({"ts":1767225600000,"seq":9007199254740992,"status":"accepted"})");
        for (const char *url : {"rtsp://10.0.0.5/live", "rtsps://cam.example/live", "http://10.0.0.5/flv", "https://cam.example/hls.m3u8",
                                "RTSP://10.0.0.5/live", "Https://cam.example/x", ""})
            row(QByteArray("stream ") + (*url ? url : "empty"), Feed::CameraState, with(Feed::CameraState, "stream", url));
        row("stream null", Feed::CameraState, with(Feed::CameraState, "stream", QJsonValue()));
        for (const char *url : {"http://10.0.0.5/s/1.jpg", "https://cam.example/s/1.jpg", "HTTP://10.0.0.5/s/1.jpg", ""})
            row(QByteArray("snapshot ") + (*url ? url : "empty"), Feed::CameraEvent, with(Feed::CameraEvent, "snapshot", url));
        row("NUL in an unknown field", Feed::SensorReading, R"({"ts":1767225600000,"value":1,"x":"\u0000"})");
        row("valid escapes at depth 40", Feed::SensorReading,
            appended(Feed::SensorReading, "\"x\":" + nested(40, "\"\\ud83d\\ude00\\u0000\\\\\\\"\\/\\b\\f\\n\\r\\t\\u00e9\\uFFFF\"")));
        row("escaped backslash before u", Feed::SensorReading, R"({"ts":1767225600000,"value":1,"x":"\\ud800\\"})");
        row("one name in sibling rings", Feed::Poi,
            R"({"ts":1767225600000,"kind":"other","name":"x","lon":1,"lat":2,"rings":[{"minutes":1,"radius_m":5,"q":1},{"minutes":1,"radius_m":5,"q":1}]})");
        row("one name in an unknown field and at the top", Feed::SensorReading, R"({"ts":1767225600000,"value":1,"zz":{"zz":1,"value":2}})");
        row("names that differ in case", Feed::SensorReading, R"({"ts":1767225600000,"value":1,"Value":2,"VALUE":3})");
        row("long names alike but in the middle", Feed::SensorReading,
            appended(Feed::SensorReading, "\"" + QByteArray(300, 'a') + "1" + QByteArray(300, 'a') + "\":0,\"" + QByteArray(300, 'a') + "2"
                                              + QByteArray(300, 'a') + "\":0"));
        row("100 unknown fields", Feed::SensorReading, appended(Feed::SensorReading, manyFields(100)));
        row("5000 unknown fields", Feed::SensorReading, appended(Feed::SensorReading, manyFields(5000)));
        row("40 names at the top and in each of two rings", Feed::Poi,
            R"({"ts":1767225600000,"kind":"other","name":"x","lon":1,"lat":2,)" + manyFields(40) + R"(,"rings":[{"minutes":1,"radius_m":5,)"
                + manyFields(40) + R"(},{"minutes":2,"radius_m":9,)" + manyFields(40) + R"(}],"g":0})");
    }

    void hostileButValid()
    {
        QFETCH(int, feed);
        QFETCH(QByteArray, payload);
        const DecodeResult r = decode(Feed(feed), payload);
        QVERIFY2(r.ok, qPrintable(QStringLiteral("%1: %2").arg(rejectName(r.reason), QString::fromStdString(r.detail))));
        if (const auto *c = std::get_if<CaseEvent>(&r.event); c && payload.contains("9007199254740992"))
            QCOMPARE(c->seq, kMaxSeq);
        if (const auto *c = std::get_if<CameraState>(&r.event); c && payload.contains("RTSP"))
            QCOMPARE(c->stream, std::string("RTSP://10.0.0.5/live")); // kept as sent; QUrl lowers the scheme
    }

    void loneSurrogates_data()
    {
        QTest::addColumn<QByteArray>("escaped");
        QTest::newRow("low") << QByteArray("\\udc00");
        QTest::newRow("high") << QByteArray("\\ud83d");
        QTest::newRow("high, then not low") << QByteArray("\\ud83d\\u0041");
        QTest::newRow("reversed pair") << QByteArray("\\ude00\\ud83d");
    }

    // An escaped surrogate without its pair is not text: the decoder's check
    // of every escape refuses it as bad JSON, whatever simdjson would make of it.
    void loneSurrogates()
    {
        QFETCH(QByteArray, escaped);
        const DecodeResult r = decode(Feed::Worker, withRaw(Feed::Worker, "name", '"' + escaped + '"'));
        QVERIFY(!r.ok);
        QCOMPARE(r.reason, Reject::BadJson);
        QVERIFY2(QString::fromStdString(r.detail).contains("surrogate"), r.detail.c_str());
    }

    void unknownTopicWinsOverPayload()
    {
        const DecodeResult r = m_decoder.decode("panjin/bus/1/state", QByteArray(1 << 20, '\xff').toStdString());
        QCOMPARE(r.reason, Reject::UnknownTopic);
        QVERIFY(!r.topicKnown);
        // And oversize over bad UTF-8.
        const QByteArray big(1 << 17, '\xff');
        QCOMPARE(decode(Feed::Worker, big).reason, Reject::Oversize);
    }

    void reuseAcrossFeeds()
    {
        // One result object for a stream of messages of different feeds.
        DecodeResult result;
        for (int round = 0; round < 3; ++round) {
            for (int f = 0; f < kFeedCount; ++f) {
                const QByteArray payload = json(validObject(Feed(f)));
                m_decoder.decode(topic(Feed(f)), view(payload), result);
                QVERIFY2(result.ok, result.detail.c_str());
                QVERIFY(result.detail.empty());
                QCOMPARE(feedOf(result.event), Feed(f));
                m_decoder.decode(topic(Feed(f)), "[", result);
                QVERIFY(!result.ok);
            }
        }
    }

    // Random bytes and random damage to valid payloads: never a crash, always
    // either an event of the topic's feed or a reason.
    void fuzz()
    {
        QRandomGenerator rng(20260101);
        std::vector<QByteArray> seeds;
        for (int f = 0; f < kFeedCount; ++f)
            seeds.push_back(json(validObject(Feed(f))));
        const QByteArray alphabet = "{}[]\":,.-+eE0123456789 \\u tfnrl";
        int accepted = 0;
        for (int i = 0; i < 20000; ++i) {
            const int f = int(rng.bounded(kFeedCount));
            QByteArray payload;
            if (i % 4 == 0) {
                payload.resize(rng.bounded(300));
                for (char &c : payload)
                    c = char(rng.bounded(256));
            } else {
                payload = seeds[size_t(f)];
                const int edits = 1 + int(rng.bounded(4));
                for (int e = 0; e < edits && !payload.isEmpty(); ++e) {
                    const qsizetype at = rng.bounded(payload.size());
                    switch (rng.bounded(6)) {
                    case 0: payload[at] = char(rng.bounded(256)); break;
                    case 1: payload[at] = alphabet[rng.bounded(alphabet.size())]; break;
                    case 2: payload.remove(at, 1 + rng.bounded(8)); break;
                    case 3: payload.insert(at, alphabet[rng.bounded(alphabet.size())]); break;
                    case 4: payload.insert(at, payload.mid(rng.bounded(payload.size()), 1 + rng.bounded(20))); break;
                    case 5: payload.truncate(at); break;
                    }
                }
            }
            const DecodeResult r = decode(Feed(f), payload);
            QVERIFY(r.topicKnown);
            if (r.ok) {
                ++accepted;
                QCOMPARE(feedOf(r.event), Feed(f));
                QVERIFY(r.detail.empty());
                const int64_t ts = timestampOf(r.event);
                QVERIFY(ts > 0 && ts < kMaxEpochMs);
                if (const auto *w = std::get_if<WorkerPosition>(&r.event)) {
                    QVERIFY(std::abs(w->position.lon) <= 180 && std::abs(w->position.lat) <= 90);
                    QVERIFY(isUtf8(w->name));
                }
                if (const auto *c = std::get_if<CaseEvent>(&r.event))
                    QVERIFY(isUtf8(c->title) && isUtf8(c->category));
            } else {
                QVERIFY(int(r.reason) < kRejectCount);
                QVERIFY(r.reason != Reject::DuplicateSeq && r.reason != Reject::StaleSeq && r.reason != Reject::UnknownTopic);
                QVERIFY(!r.detail.empty());
            }
        }
        // Some damage (inside a string, a digit) leaves a valid message.
        QVERIFY(accepted > 100);

        // Random topics never crash either.
        for (int i = 0; i < 2000; ++i) {
            QByteArray t = "panjin/";
            t.resize(7 + rng.bounded(40));
            for (qsizetype k = 7; k < t.size(); ++k)
                t[k] = "/+#abc\xff\x00"[rng.bounded(8)];
            const DecodeResult r = m_decoder.decode(view(t), "{}");
            QVERIFY(r.ok == false);
        }
    }
};

QTEST_GUILESS_MAIN(TestDecoder)
#include "tst_decoder.moc"

// Decoding cost per MQTT message on one thread, on a deterministic realistic
// mix of ~300-byte payloads: the simdjson decoder (feed/decoder.h) against a
// QJsonDocument reference that checks and extracts the same fields into the
// same events. Prints messages/s and ns/message (median of the repetitions)
// and the ratio.
//
//   bench_decode [repetitions=7] [messages=20000]

#include "benchkit.h"
#include "feed/decoder.h"
#include "feed/ingestqueue.h"
#include "state/livestate.h"
#include "feed/gcj02.h"
#include "feed/topic.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <array>
#include <cfloat>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

using namespace gridwall::feed;

namespace {

struct Message
{
    std::string topic;
    std::string payload;
};

// ---------------------------------------------------------------- the mix

class MixBuilder
{
public:
    explicit MixBuilder(uint64_t seed) : m_rng(seed) {}

    std::vector<Message> build(size_t count, bool gcj = false)
    {
        std::vector<Message> messages;
        messages.reserve(count);
        for (size_t i = 0; i < count; ++i) {
            m_ts += 1 + int64_t(pick(40));
            const int r = int(pick(100));
            if (gcj)
                messages.push_back(worker(true));
            else if (r < 40)
                messages.push_back(worker(false));
            else if (r < 70)
                messages.push_back(reading());
            else if (r < 80)
                messages.push_back(unit());
            else if (r < 90)
                messages.push_back(caseEvent());
            else if (r < 95)
                messages.push_back(cameraState());
            else
                messages.push_back(other());
        }
        return messages;
    }

private:
    std::mt19937_64 m_rng;
    int64_t m_ts = 1767225600000;
    std::array<int64_t, 64> m_caseSeq{};

    uint64_t pick(uint64_t n) { return m_rng() % n; }
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(m_rng); }

    template <typename... Args>
    static std::string format(const char *fmt, Args... args)
    {
        char buffer[1024];
        const int n = std::snprintf(buffer, sizeof buffer, fmt, args...);
        return std::string(buffer, size_t(std::clamp(n, 0, int(sizeof buffer) - 1)));
    }

    std::string topic(const char *kind, const std::string &id, const char *leaf)
    {
        return std::string("panjin/") + kind + '/' + id + '/' + leaf;
    }

    // Panjin's urban area.
    double lon() { return uniform(121.95, 122.25); }
    double lat() { return uniform(40.95, 41.25); }

    Message worker(bool gcj)
    {
        static const char *statuses[] = {"patrol", "patrol", "patrol", "handling", "idle", "off_duty"};
        static const char *names[] = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇"};
        const std::string id = format("W%04d", int(pick(3000)));
        double x = lon(), y = lat();
        if (gcj) {
            const gcj02::LonLat g = gcj02::fromWgs84(x, y);
            x = g.lon;
            y = g.lat;
        }
        return {topic("worker", id, "position"),
                format(R"({"ts":%lld,"v":1,"lon":%.7f,"lat":%.7f,%s"status":"%s","name":"%s","grid":"2111030%02d%03d%03d",)"
                       R"("accuracy_m":%.1f,"speed_mps":%.2f,"heading":%d,"battery":%d,"device":"HT-2231-%04d",)"
                       R"("app":"gridwall-field 2.4.1","network":"4g","floor":0,"provider":"gnss","satellites":%d,"shift":"day-2"})",
                       (long long)m_ts, x, y, gcj ? R"("crs":"gcj02",)" : "", statuses[pick(6)], names[pick(8)],
                       int(pick(20)), int(pick(200)), int(pick(200)), uniform(2, 15), uniform(0, 2), int(pick(360)),
                       int(pick(100)), int(pick(9999)), 4 + int(pick(12)))};
    }

    Message reading()
    {
        static const char *sites[] = {"兴隆台燃气调压站", "双台子泵站", "大洼排水站", "盘山供热站"};
        const std::string id = format("S-%03d", int(pick(800)));
        return {topic("sensor", id, "reading"),
                format(R"({"ts":%lld,"v":1,"value":%.3f,"quality":"good","sample":%d,"gateway":"GW-XLT-%02d",)"
                       R"("rssi":%d,"battery_v":%.2f,"firmware":"2.1.7","site":"%s","sector":"B%d",)"
                       R"("sampled_at":%lld,"unit_hint":"ppm","ack":false,"alarm_state":"normal","channel":%d,)"
                       R"("calibrated_at":1767139200000})",
                       (long long)m_ts, uniform(0, 80), int(pick(1000000)), int(pick(40)), -40 - int(pick(60)),
                       uniform(3.1, 3.7), sites[pick(4)], int(pick(9)), (long long)(m_ts - int64_t(pick(500))),
                       int(pick(8)))};
    }

    Message unit()
    {
        static const char *kinds[] = {"police", "fire", "ambulance", "enforcement"};
        static const char *statuses[] = {"en_route", "on_scene", "available", "returning"};
        const std::string id = format("U-%03d", int(pick(200)));
        return {topic("unit", id, "position"),
                format(R"({"ts":%lld,"v":1,"lon":%.7f,"lat":%.7f,"kind":"%s","status":"%s","plate":"辽L%05d",)"
                       R"("speed_kmh":%.1f,"heading":%d,"crew":%d,"incident":"C2026%06d","accuracy_m":%.1f,)"
                       R"("source":"vehicle-gps","odometer_km":%d,"radio":"PDT-%04d","eta_s":%d})",
                       (long long)m_ts, lon(), lat(), kinds[pick(4)], statuses[pick(4)], int(pick(99999)),
                       uniform(0, 90), int(pick(360)), 1 + int(pick(5)), int(pick(999999)), uniform(2, 10),
                       int(pick(300000)), int(pick(9999)), int(pick(900)))};
    }

    Message caseEvent()
    {
        static const char *statuses[] = {"accepted", "dispatched", "handling", "resolved", "closed", "returned", "escalated"};
        static const char *categories[] = {"环境卫生", "市容秩序", "道路设施", "邻里纠纷", "治安隐患"};
        static const char *sources[] = {"app", "hotline", "patrol", "camera", "sensor", "other"};
        static const char *titles[] = {"小区门口垃圾堆放", "占道经营", "井盖破损", "噪音扰民", "路灯不亮"};
        const size_t n = pick(m_caseSeq.size());
        const std::string id = format("C2026%04d", int(n));
        const int64_t seq = m_caseSeq[n]++;
        if (seq == 0 || pick(10) < 3) {
            return {topic("case", id, "event"),
                    format(R"({"ts":%lld,"v":1,"seq":%lld,"status":"reported","category":"%s","source":"%s",)"
                           R"("priority":%d,"lon":%.7f,"lat":%.7f,"deadline":%lld,"title":"%s",)"
                           R"("grid":"2111030%02d%03d%03d","note":"居民反映，请尽快处理","channel":"12345","client":"gridwall-desk 1.8"})",
                           (long long)m_ts, (long long)seq, categories[pick(5)], sources[pick(6)], 1 + int(pick(4)),
                           lon(), lat(), (long long)(m_ts + 86400000), titles[pick(5)], int(pick(20)),
                           int(pick(200)), int(pick(200)))};
        }
        const char *status = statuses[pick(7)];
        return {topic("case", id, "event"),
                format(R"({"ts":%lld,"v":1,"seq":%lld,"status":"%s","dept":"兴隆台区城管局","assignee":"李明",)"
                       R"("note":"已联系责任单位，正在现场核实处理情况"%s,"operator":"OP-%03d","client":"gridwall-desk 1.8"})",
                       (long long)m_ts, (long long)seq, status,
                       std::string(status) == "closed" ? R"(,"rating":5)" : "", int(pick(500)))};
    }

    Message cameraState()
    {
        const std::string id = format("CAM-%04d", int(pick(1500)));
        return {topic("camera", id, "state"),
                format(R"({"ts":%lld,"v":1,"online":%s,"name":"兴隆台街%d号路口","lon":%.7f,"lat":%.7f,)"
                       R"("stream":"rtsp://10.20.%d.%d:554/live/main","kind":"dome","vendor":"hik","fps":25,)"
                       R"("resolution":"1920x1080","ip":"10.20.%d.%d","firmware":"V5.7.3 build 230512"})",
                       (long long)m_ts, pick(10) ? "true" : "false", int(pick(300)), lon(), lat(), int(pick(255)),
                       int(pick(255)), int(pick(255)), int(pick(255)))};
    }

    Message other()
    {
        switch (pick(4)) {
        case 0:
            return {topic("camera", format("CAM-%04d", int(pick(1500))), "event"),
                    format(R"({"ts":%lld,"v":1,"type":"crowd","severity":%d,"snapshot":"http://10.20.1.5/snap/%d.jpg",)"
                           R"("confidence":%.2f,"count":%d,"model":"crowd-v3"})",
                           (long long)m_ts, 1 + int(pick(4)), int(pick(1000000)), uniform(0.5, 1), int(pick(300)))};
        case 1:
            return {topic("sensor", format("S-%03d", int(pick(800))), "state"),
                    format(R"({"ts":%lld,"v":1,"kind":"gas","unit":"ppm","lon":%.7f,"lat":%.7f,"warn":20,"alarm":50,)"
                           R"("site":"兴隆台燃气调压站","sector":"B2","vendor":"hanwei","model":"GT-200"})",
                           (long long)m_ts, lon(), lat())};
        case 2: {
            const int total = 3 + int(pick(8));
            return {topic("grid", format("2111030%02d%03d%03d", int(pick(20)), int(pick(200)), int(pick(200))), "state"),
                    format(R"({"ts":%lld,"v":1,"workers_on_duty":%d,"workers_total":%d,"shift":"day"})",
                           (long long)m_ts, int(pick(size_t(total + 1))), total)};
        }
        default:
            return {topic("poi", format("POI-%03d", int(pick(100))), "state"),
                    format(R"({"ts":%lld,"v":1,"kind":"police_station","name":"兴隆台派出所","lon":%.7f,"lat":%.7f,)"
                           R"("rings":[{"minutes":1,"radius_m":600},{"minutes":3,"radius_m":1500},{"minutes":5,"radius_m":2500}]})",
                           (long long)m_ts, lon(), lat())};
        }
    }
};

// ------------------------------------------- the QJsonDocument reference

// The same checks and the same events as the decoder, written the usual Qt
// way: parse into a QJsonObject, look each field up, convert.
class ReferenceDecoder
{
public:
    explicit ReferenceDecoder(std::string root) : m_root(std::move(root)) {}

    void decode(std::string_view topic, std::string_view payload, DecodeResult &out)
    {
        out.ok = false;
        out.detail.clear();
        const std::optional<Topic> parsed = parseTopic(topic, m_root);
        if (!parsed) {
            out.topicKnown = false;
            return reject(out, Reject::UnknownTopic, "unknown topic");
        }
        out.topicKnown = true;
        out.feed = parsed->feed;
        if (payload.size() > kMaxPayloadBytes)
            return reject(out, Reject::Oversize, "oversize");
        QJsonParseError error;
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromRawData(payload.data(), qsizetype(payload.size())), &error);
        if (error.error != QJsonParseError::NoError)
            return reject(out, error.error == QJsonParseError::IllegalUTF8String ? Reject::BadUtf8 : Reject::BadJson,
                          "parse error");
        if (!doc.isObject())
            return reject(out, Reject::NotObject, "not an object");
        const QJsonObject o = doc.object();
        Fields f{o, out};
        switch (parsed->feed) {
        case Feed::Case: decodeCase(f, start<CaseEvent>(out, parsed->id)); break;
        case Feed::CameraState: decodeCameraState(f, start<CameraState>(out, parsed->id)); break;
        case Feed::CameraEvent: decodeCameraEvent(f, start<CameraEvent>(out, parsed->id)); break;
        case Feed::SensorState: decodeSensorState(f, start<SensorState>(out, parsed->id)); break;
        case Feed::SensorReading: decodeSensorReading(f, start<SensorReading>(out, parsed->id)); break;
        case Feed::Grid: decodeGrid(f, start<GridState>(out, parsed->id)); break;
        case Feed::Worker: decodeWorker(f, start<WorkerPosition>(out, parsed->id)); break;
        case Feed::Unit: decodeUnit(f, start<UnitPosition>(out, parsed->id)); break;
        case Feed::Poi: decodePoi(f, start<PoiState>(out, parsed->id)); break;
        }
        out.ok = !f.failed;
    }

private:
    std::string m_root;

    static void reject(DecodeResult &out, Reject reason, const char *detail)
    {
        out.reason = reason;
        out.detail = detail;
    }

    template <typename E>
    static E &start(DecodeResult &out, std::string_view id)
    {
        E &e = out.event.emplace<E>();
        if constexpr (std::is_same_v<E, GridState>)
            e.code.assign(id);
        else
            e.id.assign(id);
        return e;
    }

    struct Fields
    {
        const QJsonObject &o;
        DecodeResult &out;
        bool failed = false;

        bool fail(Reject reason, const char *key)
        {
            if (!failed) {
                failed = true;
                out.reason = reason;
                out.detail = key;
            }
            return false;
        }

        // Present and not null; a null required field is a wrong type.
        bool present(const QJsonValue &v, const char *key, bool required)
        {
            if (v.isUndefined() || (v.isNull() && !required))
                return required ? fail(Reject::MissingField, key) : false;
            return true;
        }

        bool integer(const char *key, bool required, int64_t lo, int64_t hi, int64_t &out)
        {
            const QJsonValue v = o.value(QLatin1StringView(key));
            if (!present(v, key, required))
                return false;
            if (!v.isDouble())
                return fail(Reject::WrongType, key);
            const double d = v.toDouble();
            if (!std::isfinite(d))
                return fail(Reject::NotFinite, key);
            if (d != std::trunc(d))
                return fail(Reject::WrongType, key);
            if (d < -9.2e18 || d > 9.2e18)
                return fail(Reject::OutOfRange, key);
            const int64_t x = v.toInteger();
            if (x < lo || x > hi)
                return fail(Reject::OutOfRange, key);
            out = x;
            return true;
        }

        bool integer(const char *key, bool required, int lo, int hi, int &out)
        {
            int64_t x = 0;
            if (!integer(key, required, int64_t(lo), int64_t(hi), x))
                return false;
            out = int(x);
            return true;
        }

        bool number(const char *key, bool required, double lo, double hi, double &out)
        {
            const QJsonValue v = o.value(QLatin1StringView(key));
            if (!present(v, key, required))
                return false;
            if (!v.isDouble())
                return fail(Reject::WrongType, key);
            const double d = v.toDouble();
            if (!std::isfinite(d))
                return fail(Reject::NotFinite, key);
            if (d < lo || d > hi)
                return fail(Reject::OutOfRange, key);
            out = d;
            return true;
        }

        bool string(const char *key, bool required, std::string &out, bool nonEmpty = false)
        {
            const QJsonValue v = o.value(QLatin1StringView(key));
            if (!present(v, key, required))
                return false;
            if (!v.isString())
                return fail(Reject::WrongType, key);
            out = v.toString().toStdString();
            if (out.size() > kMaxStringBytes || (nonEmpty && out.empty()))
                return fail(Reject::OutOfRange, key);
            return true;
        }

        bool boolean(const char *key, bool required, bool &out)
        {
            const QJsonValue v = o.value(QLatin1StringView(key));
            if (!present(v, key, required))
                return false;
            if (!v.isBool())
                return fail(Reject::WrongType, key);
            out = v.toBool();
            return true;
        }

        template <typename E, size_t N>
        bool enumeration(const char *key, bool required, const std::array<const char *, N> &names, E &out)
        {
            const QJsonValue v = o.value(QLatin1StringView(key));
            if (!present(v, key, required))
                return false;
            if (!v.isString())
                return fail(Reject::WrongType, key);
            const QString s = v.toString();
            for (size_t i = 0; i < N; ++i) {
                if (s == QLatin1StringView(names[i])) {
                    out = E(i);
                    return true;
                }
            }
            return fail(Reject::UnknownValue, key);
        }

        bool common(int64_t &ts)
        {
            int64_t version = 1;
            if (integer("v", false, INT64_MIN, INT64_MAX, version) && version != 1)
                return fail(Reject::UnknownValue, "v");
            return integer("ts", true, 1, kMaxEpochMs - 1, ts);
        }

        bool position(bool required, GeoPoint &out)
        {
            const QJsonValue crs = o.value(QLatin1StringView("crs"));
            bool gcj = false;
            if (!crs.isUndefined() && !crs.isNull()) {
                if (!crs.isString())
                    return fail(Reject::WrongType, "crs");
                const QString s = crs.toString();
                if (s == QLatin1StringView("gcj02"))
                    gcj = true;
                else if (s != QLatin1StringView("wgs84"))
                    return fail(Reject::UnknownValue, "crs");
            }
            double x = 0, y = 0;
            const bool hasLon = number("lon", required, -180, 180, x);
            const bool hasLat = number("lat", required, -90, 90, y);
            if (failed)
                return false;
            if (hasLon != hasLat)
                return fail(Reject::MissingField, hasLon ? "lat" : "lon");
            if (!hasLon)
                return false;
            if (gcj) {
                const gcj02::LonLat w = gcj02::toWgs84(x, y);
                out = {w.lon, w.lat};
            } else {
                out = {x, y};
            }
            return true;
        }
    };

    static constexpr std::array<const char *, 9> kCaseStatus = {
        "reported", "accepted", "dispatched", "handling", "resolved", "closed", "rejected", "returned", "escalated"};
    static constexpr std::array<const char *, 6> kCaseSource = {"app", "hotline", "patrol", "camera", "sensor", "other"};
    static constexpr std::array<const char *, 6> kCameraEventType = {
        "crowd", "intrusion", "fire_smoke", "vehicle", "loitering", "other"};
    static constexpr std::array<const char *, 6> kSensorKind = {
        "gas", "smoke", "temperature", "water_level", "vibration", "other"};
    static constexpr std::array<const char *, 4> kWorkerStatus = {"patrol", "handling", "idle", "off_duty"};
    static constexpr std::array<const char *, 4> kUnitKind = {"police", "fire", "ambulance", "enforcement"};
    static constexpr std::array<const char *, 6> kPoiKind = {
        "police_station", "checkpoint", "mediation_room", "mediation_point", "smart_community", "other"};

    static void decodeCase(Fields &f, CaseEvent &e)
    {
        if (!f.common(e.ts) || !f.integer("seq", true, 0, INT64_MAX, e.seq)
            || !f.enumeration("status", true, kCaseStatus, e.status))
            return;
        const bool reported = e.status == CaseStatus::Reported;
        CaseSource source = CaseSource::Other;
        f.string("category", reported, e.category, true);
        if (f.enumeration("source", reported, kCaseSource, source))
            e.source = source;
        f.integer("priority", reported, 1, 4, e.priority);
        GeoPoint p;
        if (f.position(reported, p))
            e.position = p;
        f.integer("deadline", reported, 1, kMaxEpochMs - 1, e.deadline);
        f.string("title", reported, e.title);
        f.string("dept", false, e.dept);
        f.string("assignee", false, e.assignee);
        f.string("grid", false, e.grid);
        f.string("note", false, e.note);
        f.integer("rating", false, 1, 5, e.rating);
    }

    static void decodeCameraState(Fields &f, CameraState &e)
    {
        if (!f.common(e.ts))
            return;
        f.boolean("online", true, e.online);
        f.string("name", true, e.name);
        f.position(true, e.position);
        f.string("stream", false, e.stream);
        f.string("kind", false, e.kind);
    }

    static void decodeCameraEvent(Fields &f, CameraEvent &e)
    {
        if (!f.common(e.ts))
            return;
        f.enumeration("type", true, kCameraEventType, e.type);
        f.integer("severity", true, 1, 4, e.severity);
        f.string("snapshot", false, e.snapshot);
    }

    static void decodeSensorState(Fields &f, SensorState &e)
    {
        if (!f.common(e.ts))
            return;
        f.enumeration("kind", true, kSensorKind, e.kind);
        f.string("unit", true, e.unit);
        f.position(true, e.position);
        f.number("warn", true, -DBL_MAX, DBL_MAX, e.warn);
        f.number("alarm", true, -DBL_MAX, DBL_MAX, e.alarm);
        f.string("site", false, e.site);
        f.string("sector", false, e.sector);
    }

    static void decodeSensorReading(Fields &f, SensorReading &e)
    {
        if (f.common(e.ts))
            f.number("value", true, -DBL_MAX, DBL_MAX, e.value);
    }

    static void decodeGrid(Fields &f, GridState &e)
    {
        if (!f.common(e.ts) || !f.integer("workers_on_duty", true, 0, INT_MAX, e.workersOnDuty)
            || !f.integer("workers_total", true, 0, INT_MAX, e.workersTotal))
            return;
        if (e.workersOnDuty > e.workersTotal)
            f.fail(Reject::OutOfRange, "workers_on_duty");
    }

    static void decodeWorker(Fields &f, WorkerPosition &e)
    {
        if (!f.common(e.ts))
            return;
        f.position(true, e.position);
        f.enumeration("status", true, kWorkerStatus, e.status);
        f.string("name", false, e.name);
    }

    static void decodeUnit(Fields &f, UnitPosition &e)
    {
        if (!f.common(e.ts))
            return;
        f.position(true, e.position);
        f.enumeration("kind", true, kUnitKind, e.kind);
        f.string("status", true, e.status);
    }

    static void decodePoi(Fields &f, PoiState &e)
    {
        if (!f.common(e.ts))
            return;
        f.enumeration("kind", true, kPoiKind, e.kind);
        f.string("name", true, e.name);
        f.position(true, e.position);
        const QJsonValue rings = f.o.value(QLatin1StringView("rings"));
        if (rings.isUndefined() || rings.isNull() || f.failed)
            return;
        if (!rings.isArray()) {
            f.fail(Reject::WrongType, "rings");
            return;
        }
        for (const QJsonValue ring : rings.toArray()) {
            if (!ring.isObject()) {
                f.fail(Reject::WrongType, "rings");
                return;
            }
            const QJsonObject ringObject = ring.toObject();
            Fields rf{ringObject, f.out};
            Ring r;
            if (!rf.integer("minutes", true, 1, INT_MAX, r.minutes) || !rf.integer("radius_m", true, 1, INT_MAX, r.radiusM)) {
                f.failed = true;
                return;
            }
            e.rings.push_back(r);
        }
    }
};

// ---------------------------------------------------------------- timing

struct Figure
{
    double nsPerMessage = 0; // median repetition
    double fastestNs = 0;    // fastest repetition
    double messagesPerSecond() const { return 1e9 / nsPerMessage; }
};

// Runs `pass` (one decode of every message) often enough for ~0.25 s per
// repetition; the median repetition's cost per message.
Figure measure(const std::vector<Message> &messages, int repetitions, const std::function<void()> &pass)
{
    using Clock = std::chrono::steady_clock;
    pass(); // warm up
    const auto t0 = Clock::now();
    pass();
    const double oneSecs = std::chrono::duration<double>(Clock::now() - t0).count();
    const int passes = std::max(1, int(0.25 / std::max(oneSecs, 1e-9)));
    std::vector<double> ns;
    for (int r = 0; r < repetitions; ++r) {
        const auto start = Clock::now();
        for (int p = 0; p < passes; ++p)
            pass();
        const double secs = std::chrono::duration<double>(Clock::now() - start).count();
        ns.push_back(secs * 1e9 / (double(passes) * double(messages.size())));
    }
    std::sort(ns.begin(), ns.end());
    return {ns[ns.size() / 2], ns.front()};
}

void print(const char *what, const Figure &f)
{
    std::printf("%-44s %10.0f msg/s %8.1f ns/msg (fastest %.1f)\n", what, f.messagesPerSecond(), f.nsPerMessage,
                f.fastestNs);
}

} // namespace

int main(int argc, char **argv)
{
    const int repetitions = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
    const size_t count = argc > 2 ? size_t(std::max(1, std::atoi(argv[2]))) : 20000;

    MixBuilder builder(20260101);
    const std::vector<Message> mix = builder.build(count);
    const std::vector<Message> gcjWorkers = builder.build(count, true);

    std::array<int, kFeedCount> perFeed{};
    size_t bytes = 0;
    Decoder decoder;
    ReferenceDecoder reference("panjin");
    DecodeResult a, b;
    // Both paths must accept every message and agree on what they read.
    for (const std::vector<Message> *set : {&mix, &gcjWorkers}) {
        for (const Message &m : *set) {
            decoder.decode(m.topic, m.payload, a);
            reference.decode(m.topic, m.payload, b);
            if (!a.ok || !b.ok || feedOf(a.event) != feedOf(b.event) || timestampOf(a.event) != timestampOf(b.event)) {
                std::fprintf(stderr, "decoders disagree on %s %s: %s / %s\n", m.topic.c_str(), m.payload.c_str(),
                             a.detail.c_str(), b.detail.c_str());
                return 1;
            }
            if (set == &mix) {
                ++perFeed[size_t(a.feed)];
                bytes += m.payload.size();
            }
        }
    }

    std::printf("mix: %zu messages, mean payload %.0f bytes;", mix.size(), double(bytes) / double(mix.size()));
    for (int f = 0; f < kFeedCount; ++f)
        std::printf(" %s %.1f%%", feedName(Feed(f)), 100.0 * perFeed[size_t(f)] / double(mix.size()));
    std::printf("\nmedian of %d repetitions, one thread\n", repetitions);

    int64_t sink = 0;
    const Figure fast = measure(mix, repetitions, [&] {
        for (const Message &m : mix) {
            decoder.decode(m.topic, m.payload, a);
            sink += a.ok;
        }
    });
    const Figure fastByValue = measure(mix, repetitions, [&] {
        for (const Message &m : mix)
            sink += decoder.decode(m.topic, m.payload).ok;
    });
    const Figure slow = measure(mix, repetitions, [&] {
        for (const Message &m : mix) {
            reference.decode(m.topic, m.payload, b);
            sink += b.ok;
        }
    });
    const Figure gcjFast = measure(gcjWorkers, repetitions, [&] {
        for (const Message &m : gcjWorkers) {
            decoder.decode(m.topic, m.payload, a);
            sink += a.ok;
        }
    });

    // The whole path a message takes in the wall, on one thread: decode as the
    // MQTT callback does, queue, and apply a frame's batch to the live state
    // (a batch every ~170 messages: 10,000 msg/s at 60 frames/s).
    FeedStats stats;
    IngestQueue queue(stats);
    gridwall::state::LiveState state(stats);
    const Figure pipeline = measure(mix, repetitions, [&] {
        size_t n = 0;
        for (const Message &m : mix) {
            decoder.decode(m.topic, m.payload, a); // reused, as the MQTT callback does
            if (a.ok)
                queue.push(std::move(a.event));
            if (++n % 170 == 0)
                sink += int64_t(state.apply(queue.take(), gridwall::feed::epochMs()).applied);
        }
        sink += int64_t(state.apply(queue.take(), gridwall::feed::epochMs()).applied);
    });

    print("simdjson Decoder (result reused)", fast);
    print("simdjson Decoder (result by value)", fastByValue);
    print("QJsonDocument reference", slow);
    std::printf("ratio: simdjson is %.2fx the reference's throughput\n", slow.nsPerMessage / fast.nsPerMessage);
    print("simdjson Decoder, GCJ-02 worker positions", gcjFast);
    print("decode + queue + apply to the live state", pipeline);
    using gridwall::bench::figure;
    figure("messages", double(mix.size()));
    figure("payload_bytes", double(bytes) / double(mix.size()), "B");
    for (const auto &[key, f] : {std::pair{"simdjson", &fast}, std::pair{"simdjson_by_value", &fastByValue},
                                 std::pair{"reference", &slow}, std::pair{"simdjson_gcj02", &gcjFast}, std::pair{"pipeline", &pipeline}}) {
        figure(std::string(key) + ".msgs", f->messagesPerSecond(), "msg/s");
        figure(std::string(key) + ".ns", f->nsPerMessage, "ns");
    }
    figure("simdjson_vs_reference", slow.nsPerMessage / fast.nsPerMessage, "x");
    std::fprintf(stderr, "(accepted in the timed runs: %lld)\n", (long long)sink);
    return 0;
}

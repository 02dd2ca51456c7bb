// libFuzzer target: the feed decoder (backend/feed/decoder.h) on one MQTT
// message, a topic and a payload.
//
// Input: the first byte picks the topic. 0..8 (mod 16; '0'..'8' in a seed)
// is that feed's topic with a fixed id, and the rest of the input is the
// payload, so that mutations spend their time in each feed's fields. Any
// other value ('9', ':', ...) reads the rest as "TOPIC\nPAYLOAD" with the
// topic as given: unknown topics, odd ids, another root.
//
// Besides not crashing, every result must keep decoder.h's promises, and
// decoding the same message again, into a result kept from earlier inputs,
// must give the same result (no state carried over between messages). An
// accepted payload with its `ts` added again must be refused (duplicate field).

#include "fuzzcheck.h"

#include "feed/decoder.h"
#include "feed/topic.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>

using namespace gridwall::feed;

namespace {

// An id per feed, as the simulator sends them.
constexpr std::string_view kIds[kFeedCount] = {"C20260101-0001", "CAM-017", "CAM-017", "S-GAS-3", "S-GAS-3",
                                               "211103001001001", "W0042", "U-FIRE-2", "POI-9"};

void checkString(const std::string &s)
{
    FUZZ_CHECK(s.size() <= kMaxStringBytes);
    FUZZ_CHECK(fuzzcheck::isUtf8(s));
    FUZZ_CHECK(s.find('\0') == std::string::npos);
}

// Empty (none), or "SCHEME://..." with one of `schemes` in any case.
void checkUrl(const std::string &url, std::initializer_list<std::string_view> schemes)
{
    checkString(url);
    if (url.empty())
        return;
    bool known = false;
    for (const std::string_view scheme : schemes) {
        if (url.size() <= scheme.size() + 3 || url.compare(scheme.size(), 3, "://") != 0)
            continue;
        std::string lowered = url.substr(0, scheme.size());
        for (char &c : lowered)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        known = known || lowered == scheme;
    }
    FUZZ_CHECK(known);
}

void checkPosition(const GeoPoint &p)
{
    FUZZ_CHECK(std::isfinite(p.lon) && std::isfinite(p.lat));
    FUZZ_CHECK(std::abs(p.lon) <= 180 && std::abs(p.lat) <= 90);
}

void checkTimestamp(int64_t ms)
{
    FUZZ_CHECK(ms > 0 && ms < kMaxEpochMs);
}

// What an accepted event promises, feed by feed (docs/feeds.md, decoder.h).
void checkEvent(const CaseEvent &e)
{
    FUZZ_CHECK(e.seq >= 0 && e.seq <= kMaxSeq);
    FUZZ_CHECK(int(e.status) < kCaseStatusCount);
    FUZZ_CHECK(e.priority >= 0 && e.priority <= 4);
    FUZZ_CHECK(e.rating >= 0 && e.rating <= 5);
    FUZZ_CHECK(e.deadline >= 0 && e.deadline < kMaxEpochMs);
    FUZZ_CHECK(!e.source || int(*e.source) < kCaseSourceCount);
    if (e.status == CaseStatus::Reported) {
        FUZZ_CHECK(!e.category.empty());
        FUZZ_CHECK(e.source.has_value());
        FUZZ_CHECK(e.priority >= 1);
        FUZZ_CHECK(e.position.has_value());
        FUZZ_CHECK(e.deadline > 0);
    }
    if (e.position)
        checkPosition(*e.position);
    for (const std::string *s : {&e.category, &e.title, &e.dept, &e.assignee, &e.grid, &e.note})
        checkString(*s);
    FUZZ_CHECK(e.journalId == 0);
}

void checkEvent(const CameraState &e)
{
    checkPosition(e.position);
    for (const std::string *s : {&e.name, &e.kind})
        checkString(*s);
    checkUrl(e.stream, {"rtsp", "rtsps", "http", "https"});
}

void checkEvent(const CameraEvent &e)
{
    FUZZ_CHECK(size_t(e.type) < kCameraEventTypeNames.size());
    FUZZ_CHECK(e.severity >= 1 && e.severity <= 4);
    checkUrl(e.snapshot, {"http", "https"});
}

void checkEvent(const SensorState &e)
{
    FUZZ_CHECK(size_t(e.kind) < kSensorKindNames.size());
    FUZZ_CHECK(std::isfinite(e.warn) && std::isfinite(e.alarm));
    checkPosition(e.position);
    for (const std::string *s : {&e.unit, &e.site, &e.sector})
        checkString(*s);
}

void checkEvent(const SensorReading &e)
{
    FUZZ_CHECK(std::isfinite(e.value));
}

void checkEvent(const GridState &e)
{
    FUZZ_CHECK(e.workersOnDuty >= 0 && e.workersOnDuty <= e.workersTotal);
}

void checkEvent(const WorkerPosition &e)
{
    FUZZ_CHECK(size_t(e.status) < kWorkerStatusNames.size());
    checkPosition(e.position);
    checkString(e.name);
}

void checkEvent(const UnitPosition &e)
{
    FUZZ_CHECK(size_t(e.kind) < kUnitKindNames.size());
    checkPosition(e.position);
    checkString(e.status);
}

void checkEvent(const PoiState &e)
{
    FUZZ_CHECK(size_t(e.kind) < kPoiKindNames.size());
    checkPosition(e.position);
    checkString(e.name);
    for (const Ring &r : e.rings)
        FUZZ_CHECK(r.minutes >= 1 && r.radiusM >= 1);
}

// Everything a result says, doubles to the bit, for comparing two results.
struct Dump
{
    std::string text;

    void add(std::string_view s)
    {
        text += std::to_string(s.size());
        text += ':';
        text += s;
        text += ';';
    }
    void add(int64_t x) { text += std::to_string(x) + ';'; }
    void add(double x)
    {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%a;", x);
        text += buffer;
    }
    void add(const GeoPoint &p)
    {
        add(p.lon);
        add(p.lat);
    }

    void event(const CaseEvent &e)
    {
        add(e.seq), add(int64_t(e.status)), add(e.category), add(e.source ? int64_t(*e.source) : -1);
        add(int64_t(e.priority)), add(int64_t(e.position.has_value()));
        if (e.position)
            add(*e.position);
        add(e.deadline), add(e.title), add(e.dept), add(e.assignee), add(e.grid), add(e.note), add(int64_t(e.rating));
        add(e.journalId);
    }
    void event(const CameraState &e) { add(int64_t(e.online)), add(e.name), add(e.position), add(e.stream), add(e.kind); }
    void event(const CameraEvent &e) { add(int64_t(e.type)), add(int64_t(e.severity)), add(e.snapshot); }
    void event(const SensorState &e)
    {
        add(int64_t(e.kind)), add(e.unit), add(e.position), add(e.warn), add(e.alarm), add(e.site), add(e.sector);
    }
    void event(const SensorReading &e) { add(e.value); }
    void event(const GridState &e) { add(int64_t(e.workersOnDuty)), add(int64_t(e.workersTotal)); }
    void event(const WorkerPosition &e) { add(e.position), add(int64_t(e.status)), add(e.name); }
    void event(const UnitPosition &e) { add(e.position), add(int64_t(e.kind)), add(e.status); }
    void event(const PoiState &e)
    {
        add(int64_t(e.kind)), add(e.name), add(e.position), add(int64_t(e.rings.size()));
        for (const Ring &r : e.rings)
            add(int64_t(r.minutes)), add(int64_t(r.radiusM));
    }

    explicit Dump(const DecodeResult &r)
    {
        add(int64_t(r.ok)), add(int64_t(r.topicKnown));
        if (r.topicKnown)
            add(int64_t(r.feed));
        if (!r.ok) {
            add(int64_t(r.reason)), add(r.detail);
            return; // the event of a reject is unspecified
        }
        add(int64_t(r.event.index())), add(entityId(r.event)), add(timestampOf(r.event));
        std::visit([this](const auto &e) { event(e); }, r.event);
    }
};

void checkResult(const DecodeResult &r, std::string_view topic, std::string_view payload, const std::string &root)
{
    const std::optional<Topic> parsed = parseTopic(topic, root);
    FUZZ_CHECK(r.topicKnown == parsed.has_value());
    if (parsed)
        FUZZ_CHECK(r.feed == parsed->feed);

    if (!r.ok) {
        FUZZ_CHECK(int(r.reason) < kRejectCount);
        // Judged later, with the case's state: never by the decoder.
        FUZZ_CHECK(r.reason != Reject::DuplicateSeq && r.reason != Reject::StaleSeq
                   && r.reason != Reject::IllegalTransition);
        FUZZ_CHECK(!r.detail.empty());
        FUZZ_CHECK(r.detail.find('\n') == std::string::npos); // one line for logs
        FUZZ_CHECK((r.reason == Reject::UnknownTopic) == !parsed);
        if (parsed) {
            // The checks' order: size, then UTF-8, before anything in the JSON.
            FUZZ_CHECK((r.reason == Reject::Oversize) == (payload.size() > kMaxPayloadBytes));
            // Only the payload's bytes make BadUtf8 (an escaped lone surrogate is BadJson).
            if (payload.size() <= kMaxPayloadBytes)
                FUZZ_CHECK((r.reason == Reject::BadUtf8) == !fuzzcheck::isUtf8(payload));
        }
        return;
    }
    FUZZ_CHECK(parsed);
    FUZZ_CHECK(r.detail.empty());
    FUZZ_CHECK(payload.size() <= kMaxPayloadBytes);
    FUZZ_CHECK(fuzzcheck::isUtf8(payload));
    FUZZ_CHECK(feedOf(r.event) == parsed->feed);
    FUZZ_CHECK(entityId(r.event) == parsed->id);
    checkTimestamp(timestampOf(r.event));
    std::visit([](const auto &e) { checkEvent(e); }, r.event);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // One decoder and one result kept across inputs, as the MQTT thread keeps them.
    static Decoder decoder;
    static DecodeResult kept;

    const std::string_view input(reinterpret_cast<const char *>(data), size);
    const unsigned selector = static_cast<unsigned char>(input[0]) % 16;
    std::string topic;
    std::string_view payload = input.substr(1);
    if (selector < unsigned(kFeedCount)) {
        topic = topicFor(decoder.topicRoot(), Feed(selector), kIds[selector]);
    } else {
        const size_t newline = payload.find('\n');
        if (newline == std::string_view::npos)
            return 0;
        topic.assign(payload.substr(0, newline));
        payload.remove_prefix(newline + 1);
    }

    const DecodeResult fresh = decoder.decode(topic, payload);
    checkResult(fresh, topic, payload, decoder.topicRoot());

    // An accepted payload with its `ts` (required everywhere) sent once more
    // is refused: a field given twice is not JSON the wall takes.
    if (fresh.ok && payload.size() + 32 <= kMaxPayloadBytes) {
        const size_t close = payload.find_last_of('}');
        FUZZ_CHECK(close != std::string_view::npos);
        const std::string twice =
            std::string(payload.substr(0, close)) + ",\"ts\":1767225600000" + std::string(payload.substr(close));
        const DecodeResult again = decoder.decode(topic, twice);
        FUZZ_CHECK(!again.ok && again.reason == Reject::BadJson
                   && again.detail.find("duplicate field \"ts\"") != std::string::npos);
    }

    decoder.decode(topic, payload, kept);
    const Dump want(fresh);
    FUZZ_CHECK(Dump(kept).text == want.text);
    decoder.decode(topic, payload, kept);
    FUZZ_CHECK(Dump(kept).text == want.text);
    return 0;
}

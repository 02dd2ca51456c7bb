#pragma once
// Decodes and validates one MQTT message (topic + payload) into a typed Event,
// or says why it is rejected (docs/feeds.md). simdjson On Demand
// underneath; users of this header do not see it.
//
// Checks, in this order, the first failure deciding the Reject:
//   topic (UnknownTopic), size (Oversize: over kMaxPayloadBytes), UTF-8
//   (BadUtf8), JSON syntax (BadJson), an object at the top (NotObject), then
//   the fields in the order they appear (WrongType, OutOfRange, NotFinite,
//   UnknownValue; a required field sent as null is WrongType), then the
//   required fields (MissingField) and the checks across fields. Bad JSON
//   anywhere in the payload wins over a field error found before it.
// Unknown fields are ignored, but must still be well-formed JSON (checked down
// to kMaxCheckedDepth levels; deeper, only the brackets are matched, but the
// escapes of strings are checked at any depth: `\x` or a surrogate without
// its pair is BadJson wherever it is). An optional field sent as null counts
// as absent. Duplicate or stale case `seq` needs state and is not judged here.
// Field names: a name given twice in an object the decoder reads (the payload,
// an element of `rings`) is BadJson, known or not, null or not, escaped or not
// (`"n\u0061me"` is `"name"`); objects inside unknown fields are not looked at.
// Numbers: an integer field refuses a decimal, 1.0 included (WrongType), and
// an integer beyond 64 bits (OutOfRange); a magnitude beyond a double, such
// as 1e999, is NotFinite; NaN and Infinity are not JSON at all (BadJson).
// `seq` is at most kMaxSeq (OutOfRange).
// Strings: at most kMaxStringBytes, no U+0000 (else OutOfRange); `category`
// non-empty. URLs, empty for none: a camera's `stream` is rtsp, rtsps, http or
// https, an event's `snapshot` http or https (else UnknownValue).
// Positions sent with "crs": "gcj02" come out in WGS-84 (see gcj02.h).

#include "events.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace gridwall::feed {

inline constexpr size_t kMaxPayloadBytes = 65536; // 64 KiB
inline constexpr size_t kMaxStringBytes = 4096;   // any string field, after unescaping
inline constexpr int kMaxCheckedDepth = 32;
// Timestamps (ts, deadline) are Unix epoch ms in (0, 2100-01-01T00:00Z).
inline constexpr int64_t kMaxEpochMs = 4102444800000;
// A case's seq is at most 2^53: the largest integer every JSON consumer reads
// exactly (a double's), and far from INT64_MAX, past which a case could never
// take a later event.
inline constexpr int64_t kMaxSeq = int64_t(1) << 53;

struct DecodeResult
{
    bool ok = false;
    bool topicKnown = false; // the topic parsed: `feed` is valid
    Feed feed = Feed::Case;
    Reject reason = Reject::UnknownTopic; // when !ok
    Event event;        // when ok; the id comes from the topic
    std::string detail; // when !ok: one line for logs, e.g. `missing field "seq"`
};

// One per thread: it owns the parser and a 64 KiB buffer reused across
// messages. Never throws on bad input; decoding allocates only for event
// strings too long for the small-string buffer, POI rings, the detail of a
// reject, and (once, kept for later messages) room for the names of more than
// 256 unknown fields. A moved-from Decoder may only be destroyed or assigned to.
class Decoder
{
public:
    explicit Decoder(std::string topicRoot = "panjin");
    ~Decoder();
    Decoder(Decoder &&) noexcept;
    Decoder &operator=(Decoder &&) noexcept;
    Decoder(const Decoder &) = delete;
    Decoder &operator=(const Decoder &) = delete;

    const std::string &topicRoot() const;

    DecodeResult decode(std::string_view topic, std::string_view payload);
    // The same into an existing result, e.g. one kept across calls.
    void decode(std::string_view topic, std::string_view payload, DecodeResult &out);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace gridwall::feed

#pragma once
// Malformed variants of good messages for --bad-rate: everything the wall
// must count, drop and survive (docs/feeds.md, "Rejections").

#include "message.h"
#include "rng.h"

#include <string>

namespace gridwall::sim {

enum class BadKind : uint8_t {
    BadJson,      // truncated JSON
    NotObject,    // valid JSON, but an array or a bare value
    WrongType,    // a field with the wrong JSON type
    MissingField, // ts or the first required field left out
    UnknownValue, // an enumeration value not in the contract (status, kind, type)
    NotFinite,    // NaN, Infinity or 1e999 where a number belongs
    OutOfRange,   // lon/lat off the globe, severity 7, negative counts, rating 9
    Oversize,     // 70 KiB payload (limit 64 KiB)
    UnknownTopic, // a kind or leaf the contract does not know
    BadUtf8,      // invalid UTF-8 bytes inside a string
    DuplicateSeq, // a case event sent twice
    StaleSeq,     // a case event with an older seq after a newer one
};
inline constexpr int kBadKindCount = 12;
const char *badKindName(BadKind kind);

struct Malformed
{
    Message message;
    BadKind kind = BadKind::BadJson;
    bool afterGood = false; // sent after the good message (duplicate, stale) rather than before
};

// A malformed message derived from `good`, of a kind drawn at random among
// those that apply to it. Never retained.
Malformed makeMalformed(const Message &good, const std::string &root, Rng &rng);

} // namespace gridwall::sim

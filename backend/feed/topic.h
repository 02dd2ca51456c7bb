#pragma once
// Feed topics (docs/feeds.md, Payloads): ROOT/<kind>/<ID>/<leaf>. Only the feeds that
// carry city data are known here; ROOT/wall/... belongs to the wall itself.

#include "events.h"

#include <optional>
#include <string>
#include <string_view>

namespace gridwall::feed {

// Longest entity id (or grid code) accepted in a topic, in bytes.
inline constexpr size_t kMaxIdBytes = 64;

struct Topic
{
    Feed feed = Feed::Case;
    std::string_view id; // a view into the parsed topic
};

// Parses `topic` below `root` (e.g. "panjin"; an empty root means none).
// Exactly four levels: root, a known kind, an id and the kind's leaf:
//   case/ID/event  camera/ID/state  camera/ID/event  sensor/ID/state
//   sensor/ID/reading  grid/CODE/state  worker/ID/position  unit/ID/position
//   poi/ID/state
// Returns nullopt for anything else, including an id that isValidId() refuses.
std::optional<Topic> parseTopic(std::string_view topic, std::string_view root);

// A non-empty id of at most kMaxIdBytes bytes, valid UTF-8, without '/',
// '+', '#' (MQTT's separators and wildcards) or control characters.
bool isValidId(std::string_view id);

// The topic a producer publishes `feed` about `id` on, e.g.
// topicFor("panjin", Feed::Worker, "W17") == "panjin/worker/W17/position".
std::string topicFor(std::string_view root, Feed feed, std::string_view id);

} // namespace gridwall::feed

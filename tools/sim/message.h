#pragma once
// One MQTT message as the simulator produces it, and the feeds it belongs to
// (docs/feeds.md: the topic's kind and leaf).

#include <cstdint>
#include <string>

namespace gridwall::sim {

enum class Feed : uint8_t { Case, CameraState, CameraEvent, SensorState, SensorReading, Grid, Worker, Unit, Poi };
inline constexpr int kFeedCount = 9;

// "case", "camera_state", ... as the wall's metrics name the feeds.
inline const char *feedName(Feed feed)
{
    static constexpr const char *names[kFeedCount] = {"case", "camera_state", "camera_event", "sensor_state",
                                                      "sensor_reading", "grid", "worker", "unit", "poi"};
    return names[int(feed)];
}

struct Message
{
    Feed feed = Feed::Case;
    std::string topic;
    std::string payload;
    int qos = 0;
    bool retained = false;
    int64_t seq = 0; // case events: the payload's seq
};

} // namespace gridwall::sim

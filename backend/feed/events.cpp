#include "events.h"

#include <array>

namespace gridwall::feed {

const char *feedName(Feed feed)
{
    static constexpr std::array<const char *, kFeedCount> names = {
        "case", "camera_state", "camera_event", "sensor_state", "sensor_reading", "grid", "worker", "unit", "poi"};
    return names[size_t(feed)];
}

const char *rejectName(Reject reason)
{
    static constexpr std::array<const char *, kRejectCount> names = {
        "unknown_topic", "oversize", "bad_utf8", "bad_json", "not_object", "missing_field",
        "wrong_type", "out_of_range", "not_finite", "unknown_value", "duplicate_seq", "stale_seq", "illegal_transition",
        "ts_future", "unknown_region"};
    return names[size_t(reason)];
}

const std::string &entityId(const Event &event)
{
    return std::visit(
        [](const auto &e) -> const std::string & {
            if constexpr (std::is_same_v<std::decay_t<decltype(e)>, GridState>)
                return e.code;
            else
                return e.id;
        },
        event);
}

int64_t timestampOf(const Event &event)
{
    return std::visit([](const auto &e) { return e.ts; }, event);
}

} // namespace gridwall::feed

#pragma once
// Typed events decoded from the MQTT feeds (docs/feeds.md):
// plain values without Qt objects, cheap to move from the MQTT thread to the
// GUI thread. Strings are UTF-8 (validated by the decoder).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gridwall::feed {

enum class CaseStatus : uint8_t { Reported, Accepted, Dispatched, Handling, Resolved, Closed, Rejected, Returned, Escalated };
inline constexpr int kCaseStatusCount = 9;
enum class CaseSource : uint8_t { App, Hotline, Patrol, Camera, Sensor, Other };
inline constexpr int kCaseSourceCount = 6;
enum class CameraEventType : uint8_t { Crowd, Intrusion, FireSmoke, Vehicle, Loitering, Other };
enum class SensorKind : uint8_t { Gas, Smoke, Temperature, WaterLevel, Vibration, Other };
enum class WorkerStatus : uint8_t { Patrol, Handling, Idle, OffDuty };
enum class UnitKind : uint8_t { Police, Fire, Ambulance, Enforcement };
enum class PoiKind : uint8_t { PoliceStation, Checkpoint, MediationRoom, MediationPoint, SmartCommunity, Other };

// The contract's names of each enumeration, in the order of its values.
inline constexpr std::array<std::string_view, 9> kCaseStatusNames = {
    "reported", "accepted", "dispatched", "handling", "resolved", "closed", "rejected", "returned", "escalated"};
inline constexpr std::array<std::string_view, 6> kCaseSourceNames = {"app", "hotline", "patrol", "camera", "sensor", "other"};
inline constexpr std::array<std::string_view, 6> kCameraEventTypeNames = {
    "crowd", "intrusion", "fire_smoke", "vehicle", "loitering", "other"};
inline constexpr std::array<std::string_view, 6> kSensorKindNames = {
    "gas", "smoke", "temperature", "water_level", "vibration", "other"};
inline constexpr std::array<std::string_view, 4> kWorkerStatusNames = {"patrol", "handling", "idle", "off_duty"};
inline constexpr std::array<std::string_view, 4> kUnitKindNames = {"police", "fire", "ambulance", "enforcement"};
inline constexpr std::array<std::string_view, 6> kPoiKindNames = {
    "police_station", "checkpoint", "mediation_room", "mediation_point", "smart_community", "other"};

// WGS-84 degrees; positions sent as GCJ-02 ("crs": "gcj02") are converted on decoding.
struct GeoPoint
{
    double lon = 0;
    double lat = 0;
};

// ROOT/case/ID/event, QoS 1.
struct CaseEvent
{
    std::string id;
    int64_t ts = 0; // producer time, Unix epoch ms
    int64_t seq = 0;
    CaseStatus status = CaseStatus::Reported;
    // Required on `reported`, optional otherwise.
    std::string category;
    std::optional<CaseSource> source;
    int priority = 0; // 1 (highest) .. 4; 0: not given
    std::optional<GeoPoint> position;
    int64_t deadline = 0; // epoch ms; 0: not given
    std::string title;
    // Optional anywhere.
    std::string dept;
    std::string assignee;
    std::string grid;
    std::string note;
    int rating = 0; // 1..5 on `closed`; 0: not given
    // Not from the payload: its row in the history's journal (0: not journaled, or a copy already there).
    int64_t journalId = 0;
};

// ROOT/camera/ID/state, QoS 1, retained.
struct CameraState
{
    std::string id;
    int64_t ts = 0;
    bool online = false;
    std::string name;
    GeoPoint position;
    std::string stream; // optional URL
    std::string kind;   // optional
};

// ROOT/camera/ID/event, QoS 1.
struct CameraEvent
{
    std::string id;
    int64_t ts = 0;
    CameraEventType type = CameraEventType::Other;
    int severity = 1; // 1..4
    std::string snapshot; // optional URL
};

// ROOT/sensor/ID/state, QoS 1, retained.
struct SensorState
{
    std::string id;
    int64_t ts = 0;
    SensorKind kind = SensorKind::Other;
    std::string unit;
    GeoPoint position;
    double warn = 0;  // threshold
    double alarm = 0; // threshold
    std::string site;   // optional
    std::string sector; // optional
};

// ROOT/sensor/ID/reading, QoS 0.
struct SensorReading
{
    std::string id;
    int64_t ts = 0;
    double value = 0;
};

// ROOT/grid/CODE/state, QoS 1, retained.
struct GridState
{
    std::string code;
    int64_t ts = 0;
    int workersOnDuty = 0;
    int workersTotal = 0;
};

// ROOT/worker/ID/position, QoS 0.
struct WorkerPosition
{
    std::string id;
    int64_t ts = 0;
    GeoPoint position;
    WorkerStatus status = WorkerStatus::Patrol;
    std::string name; // optional
    // Not from the payload: when the live state last heard of it (its arrival order, for its bound).
    uint64_t heard = 0;
};

// ROOT/unit/ID/position, QoS 0.
struct UnitPosition
{
    std::string id;
    int64_t ts = 0;
    GeoPoint position;
    UnitKind kind = UnitKind::Police;
    std::string status;
    uint64_t heard = 0; // not from the payload, as a worker's
};

struct Ring
{
    int minutes = 0;
    int radiusM = 0;
};

// ROOT/poi/ID/state, QoS 1, retained.
struct PoiState
{
    std::string id;
    int64_t ts = 0;
    PoiKind kind = PoiKind::Other;
    std::string name;
    GeoPoint position;
    std::vector<Ring> rings; // optional
};

using Event = std::variant<CaseEvent, CameraState, CameraEvent, SensorState, SensorReading, GridState, WorkerPosition,
                           UnitPosition, PoiState>;

// The feeds, in the order of Event's alternatives (Feed(event.index())).
enum class Feed : uint8_t { Case, CameraState, CameraEvent, SensorState, SensorReading, Grid, Worker, Unit, Poi };
inline constexpr int kFeedCount = 9;
// Label for metrics and logs: "case", "camera_state", "camera_event", "sensor_state",
// "sensor_reading", "grid", "worker", "unit", "poi".
const char *feedName(Feed feed);
inline Feed feedOf(const Event &event) { return Feed(event.index()); }
// Positions and readings may be coalesced (latest wins) under pressure;
// everything else is state or an event and is never dropped.
inline bool isCoalescable(Feed feed) { return feed == Feed::SensorReading || feed == Feed::Worker || feed == Feed::Unit; }
// The id (or grid code) an event is about.
const std::string &entityId(const Event &event);
int64_t timestampOf(const Event &event);

// Why a message was rejected; each is counted (gridwall_messages_rejected_total{reason}).
enum class Reject : uint8_t {
    UnknownTopic,  // not ROOT/<kind>/<id>/<leaf> with a known kind and leaf
    Oversize,      // payload over 64 KiB
    BadUtf8,       // payload is not valid UTF-8
    BadJson,       // not parseable JSON
    NotObject,     // JSON, but not an object
    MissingField,  // a required field is absent
    WrongType,     // a field has the wrong JSON type
    OutOfRange,    // a number outside its range (lon/lat, priority, severity, ...)
    NotFinite,     // NaN or infinity where a number is required
    UnknownValue,  // an enumeration value not in the contract (status, kind, source, ...)
    DuplicateSeq,  // a case event with a (case id, seq) already applied
    StaleSeq,      // a case event older than one already applied
    IllegalTransition, // a case event whose status cannot follow the case's (flagged on the case, not applied)
    TsFuture,      // a ts further ahead of the wall's clock than it believes any producer (docs/feeds.md)
    UnknownRegion, // a grid state for a code the geography does not have
};
inline constexpr int kRejectCount = 15;
// Label for metrics and logs: "unknown_topic", "oversize", "bad_utf8", "bad_json", "not_object",
// "missing_field", "wrong_type", "out_of_range", "not_finite", "unknown_value", "duplicate_seq", "stale_seq",
// "illegal_transition", "ts_future", "unknown_region".
const char *rejectName(Reject reason);

} // namespace gridwall::feed

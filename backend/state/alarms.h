#pragma once
// The alarm engine: sensor readings, camera messages and case deadlines become
// alarms in the operator's four priority lanes. It never reads a clock (every
// time is Unix epoch milliseconds given by the caller), and it runs inside the
// GUI thread's per-frame batch apply, so every call is O(log n) or amortised
// O(1): timed work (promotions, silence, holds, flood windows, dropping old
// cleared alarms) waits in one min-heap that advance() pops, and entries made
// stale by later messages are skipped when popped instead of being searched for.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace gridwall::state {

enum class AlarmKind : uint8_t { SensorWarn, SensorAlarm, CameraEvent, CaseOverdue, CameraSilent, SensorSilent };
inline constexpr int kAlarmKindCount = 6;
// "sensor_warn", "sensor_alarm", "camera_event", "case_overdue", "camera_silent", "sensor_silent"
const char *alarmKindName(AlarmKind kind);

enum class AlarmPhase : uint8_t { Raised, Acknowledged, Cleared };

// Severity 1 (low) .. 4 (critical). Lanes: the operator's priority lanes, one per severity.
inline constexpr int kSeverityCount = 4;

struct Alarm
{
    uint64_t id = 0;          // unique, increasing (so newest = highest)
    AlarmKind kind = AlarmKind::SensorWarn;
    int severity = 1;         // 1..4
    AlarmPhase phase = AlarmPhase::Raised;
    std::string subject;      // entity id (sensor id, camera id, case id)
    std::string label;        // sensor kind ("smoke"), camera event type ("fire_smoke") or camera label, case category
    int district = -1;        // caller's district index, -1 unknown (groups floods)
    double value = 0;         // sensor value at raise (0 otherwise)
    int64_t raisedAt = 0;
    int64_t acknowledgedAt = 0;
    int64_t clearedAt = 0;
};

// The operator's shelf: alarms of one group (kind, label, district), or of one
// subject in it, kept out of the lanes for a stated reason until a time
// (ISA-18.2 shelving). Critical alarms are never shelved: they stay in their lane.
struct Shelf
{
    uint64_t id = 0;
    AlarmKind kind = AlarmKind::SensorWarn;
    std::string label;
    int district = -1;
    std::string subject; // empty: every subject of the group
    std::string reason;  // why, as the operator chose it
    int64_t since = 0;
    int64_t until = 0;   // back in the lanes from then on, if still active
};

struct AlarmConfig
{
    int64_t minDurationMs = 10'000;      // a sensor level must hold this long before it raises or clears
    double hysteresis = 0.05;            // clear band: fraction of |alarm - warn| (or of |threshold| when equal) below the line
    int64_t cameraSilentMs = 300'000;    // no camera message for this long -> CameraSilent
    int64_t sensorSilentMs = 120'000;    // no sensor message for this long -> SensorSilent
    int64_t cameraEventHoldMs = 600'000; // a camera event alarm clears by itself after this (events have no "end")
    int64_t floodWindowMs = 300'000;     // floods: raises of one (kind,label,district) within this window
    int floodThreshold = 5;              // at least this many in the window -> shown as one summary
    int64_t clearedKeepMs = 3'600'000;   // cleared alarms stay listed this long for the log
};

class AlarmBook
{
public:
    explicit AlarmBook(AlarmConfig config = {});

    // Sensors (key = sensor id). Thresholds warn and alarm: when alarm >= warn
    // higher values are worse, otherwise lower values are worse.
    void sensorState(const std::string &id, double warn, double alarm, std::string label, int district, int64_t now);
    // Also counts as heard. Without a state it only counts as heard.
    void sensorReading(const std::string &id, double value, int64_t now);

    // Cameras (key = camera id): state messages count as heard; a camera
    // going offline raises nothing by itself (its silence does).
    void cameraHeard(const std::string &id, std::string label, int district, int64_t now);
    // severity 1..4 as published (clamped). The same type again while its
    // alarm is active refreshes the hold and keeps one alarm at the highest
    // severity seen; a rise in severity puts an acknowledged alarm back to Raised.
    void cameraEvent(const std::string &id, std::string type, int severity, int district, int64_t now);

    // Cases: the case book tells when a case goes overdue and when it stops
    // being overdue (closed, resolved, deadline moved). priority 1 highest..4.
    void caseOverdue(const std::string &caseId, std::string category, int priority, int district, int64_t now);
    void caseSettled(const std::string &caseId, int64_t now);

    // After a restart: the alarms that were active before it. When the same
    // alarm (kind, subject, label) is raised again before `until`, it keeps
    // its first raise time, and its acknowledgement unless its severity rose.
    // Those not raised again by then are forgotten.
    void carryOver(const std::vector<Alarm> &before, int64_t until);

    // An entity removed: clears its alarms (at the latest time the book has seen).
    void forget(const std::string &id);

    // Time passes: min-duration promotions, silence, camera-event hold,
    // dropping old cleared alarms, flood windows.
    void advance(int64_t now);

    // Raised -> Acknowledged; false if unknown or not Raised.
    bool acknowledge(uint64_t alarmId, int64_t now);

    // Shelving. A shelf lasts at most a shift; a wall holds a bounded number of them.
    static constexpr int64_t kLongestShelfMs = 8 * 3'600'000;
    static constexpr size_t kMostShelves = 32;
    // Shelves the group of `alarmId` (wholeGroup) or its subject in that group, with a reason,
    // until `until`. Returns the shelf's id; 0 when refused: unknown or cleared alarm, a critical
    // one's subject alone, no reason, `until` not after now or more than kLongestShelfMs ahead,
    // no room left. A group's critical alarms are never on its shelf.
    // The same group or subject shelved again gets its reason and time replaced.
    uint64_t shelve(uint64_t alarmId, bool wholeGroup, std::string reason, int64_t until, int64_t now);
    // Takes a shelf down before its time; false if unknown.
    bool unshelve(uint64_t shelfId);
    // The shelves in place, oldest first (one whose time is up leaves at advance()).
    const std::vector<Shelf> &shelves() const { return m_shelves; }
    // The shelf that keeps this alarm out of the lanes, or null (critical alarms: always null).
    const Shelf *shelfOf(const Alarm &alarm) const;
    // Active alarms the shelves keep out of the lanes (O(active alarms x shelves): for a scrape, not per message).
    int shelvedCount() const;

    // Reading the book
    const Alarm *find(uint64_t id) const;
    std::vector<const Alarm *> active(int severity) const; // Raised or Acknowledged, newest first, one lane
    int activeCount(int severity) const;                   // O(1), for gridwall_alarms_active{severity}
    size_t listed() const;                                 // active plus cleared ones still kept for the log

    struct Flood
    {
        AlarmKind kind;
        std::string label;
        int district;
        int count;     // raises within the window
        int64_t since; // first of them
        int64_t until; // last of them
    };
    // (kind,label,district) groups with >= floodThreshold raises within the
    // floodWindowMs before now (now - window < raisedAt <= now); most raises first.
    // now is meant to be the latest time: raises older than the window at
    // the last advance() have been dropped.
    std::vector<Flood> floods(int64_t now) const;
    // Its group is a flood as of the latest time the book has seen: views show the summary instead.
    bool isFlooded(const Alarm &alarm) const;

    // Ids raised, acknowledged or cleared since the last call, each once, in
    // the order of their first change; read the current state with find()
    // (null once a cleared alarm has been dropped).
    std::vector<uint64_t> takeChanges();

    const AlarmConfig &config() const { return m_config; }

    // The alarm rate an operator faces: alarms raised (new ones, not a held
    // camera alarm seen again) within the window before `now`, of a severity.
    // EEMUA 191 counts more than 10 in 10 minutes per operator as a flood.
    static constexpr int64_t kRateWindowMs = 10 * 60'000;
    int raisedWithin(int severity, int64_t now) const;

private:
    static constexpr int64_t kUnset = INT64_MIN;

    enum class TimerKind : uint8_t { Promote, SensorSilence, CameraSilence, CameraHold, FloodTrim, Erase };
    struct Timer
    {
        int64_t at;
        TimerKind what;
        uint32_t slot; // sensor, camera or flood group
        uint32_t gen;  // the slot's generation when pushed: a reused slot ignores it
        uint64_t alarm;
    };
    struct TimerLater
    {
        bool operator()(const Timer &a, const Timer &b) const { return a.at > b.at; }
    };

    struct Sensor
    {
        std::string id;
        uint32_t gen = 0;
        bool live = false;
        bool hasState = false;
        bool hasValue = false;
        double warnLine = 0;  // thresholds oriented so that higher is worse
        double alarmLine = 0;
        double band = 0;
        double sign = 1;      // -1 when lower values are worse
        std::string label;
        int district = -1;
        double value = 0;     // last reading, as published
        int level = 0;        // 0 normal, 1 warn, 2 alarm
        // since[k] for line k (1 warn, 2 alarm): above the current level, when
        // the value went at/over the line; at or below it, when it went under
        // the clear band. kUnset when the condition does not hold now.
        int64_t since[3] = {kUnset, kUnset, kUnset};
        uint64_t levelAlarm = 0;
        uint64_t silentAlarm = 0;
        int64_t lastHeard = kUnset;
        bool silenceArmed = false;
    };
    struct Camera
    {
        std::string id;
        uint32_t gen = 0;
        bool live = false;
        std::string label;
        int district = -1;
        int64_t lastHeard = kUnset;
        bool silenceArmed = false;
        uint64_t silentAlarm = 0;
        std::unordered_map<std::string, uint64_t> events; // event type -> its active alarm
    };
    // Entities live in reusable slots so timers can name them by number;
    // a generation counter tells a timer that its entity was forgotten.
    template <typename T>
    struct Slots
    {
        std::vector<T> items;
        std::vector<uint32_t> spare;
        std::unordered_map<std::string, uint32_t> index;
        T *find(const std::string &id);
        T *at(uint32_t slot, uint32_t gen);
        uint32_t obtain(const std::string &id);
        void release(uint32_t slot);
    };

    struct Record
    {
        Alarm alarm;
        uint32_t group = 0;
        int64_t holdUntil = 0; // camera events
        bool noted = false;    // already in m_changes
    };
    struct Group
    {
        AlarmKind kind;
        std::string label;
        int district;
        std::deque<int64_t> raises; // ascending
    };
    struct GroupKey
    {
        AlarmKind kind;
        std::string label;
        int district;
        bool operator==(const GroupKey &) const = default;
    };
    struct GroupKeyHash
    {
        size_t operator()(const GroupKey &k) const;
    };

    void tick(int64_t now);
    void push(int64_t at, TimerKind what, uint32_t slot, uint32_t gen, uint64_t alarm);
    uint64_t raise(AlarmKind kind, int severity, const std::string &subject, const std::string &label, int district,
                   double value, int64_t now);
    void clear(uint64_t id, int64_t now);
    void setSeverity(Record &record, int severity);
    void note(Record &record);
    bool isActive(uint64_t id) const;

    template <typename E>
    void heard(E &entity, uint32_t slot, int64_t silentMs, TimerKind timer, int64_t now);
    template <typename E>
    void silenceDue(E &entity, uint32_t slot, int64_t silentMs, TimerKind timer, AlarmKind kind, int64_t now);
    void track(Sensor &sensor, uint32_t slot, int64_t now);
    void settleLevel(Sensor &sensor, int64_t now);
    void setLevel(Sensor &sensor, int level, int64_t now);
    void holdDue(uint64_t id, int64_t now);
    void trimGroup(uint32_t group, int64_t now);
    int countInWindow(const Group &group, int64_t now, int64_t *since, int64_t *until) const;

    AlarmConfig m_config;
    std::deque<std::pair<int64_t, int>> m_raisedRecently; // (raised at, severity), oldest first, trimmed to kRateWindowMs
    int64_t m_now = kUnset; // latest time seen
    uint64_t m_nextId = 1;
    std::unordered_map<uint64_t, Record> m_alarms;
    std::set<uint64_t> m_lanes[kSeverityCount]; // active ids per severity
    std::vector<Timer> m_timers;                // min-heap on Timer::at
    Slots<Sensor> m_sensors;
    Slots<Camera> m_cameras;
    std::unordered_map<std::string, uint64_t> m_cases; // case id -> its active CaseOverdue alarm
    std::deque<Group> m_groups; // a deque: growing never moves (copies) the groups' own deques
    std::unordered_map<GroupKey, uint32_t, GroupKeyHash> m_groupIndex;
    std::unordered_set<uint32_t> m_flooding; // groups holding >= floodThreshold raises (trimmed lazily)
    std::vector<uint64_t> m_changes;
    std::unordered_map<std::string, Alarm> m_carried; // by kind, subject and label
    std::vector<Shelf> m_shelves;                     // few: looked through linearly
    uint64_t m_nextShelfId = 1;
    int64_t m_carriedUntil = kUnset;
};

} // namespace gridwall::state

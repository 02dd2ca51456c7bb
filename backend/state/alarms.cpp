#include "alarms.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace gridwall::state {

const char *alarmKindName(AlarmKind kind)
{
    switch (kind) {
    case AlarmKind::SensorWarn:
        return "sensor_warn";
    case AlarmKind::SensorAlarm:
        return "sensor_alarm";
    case AlarmKind::CameraEvent:
        return "camera_event";
    case AlarmKind::CaseOverdue:
        return "case_overdue";
    case AlarmKind::CameraSilent:
        return "camera_silent";
    case AlarmKind::SensorSilent:
        return "sensor_silent";
    }
    return "unknown";
}

namespace {

constexpr int kSensorWarnSeverity = 2;
constexpr int kSensorAlarmSeverity = 4;
constexpr int kSilentSeverity = 1;

int clampSeverity(int severity)
{
    return std::clamp(severity, 1, kSeverityCount);
}

std::string carryKey(AlarmKind kind, const std::string &subject, const std::string &label)
{
    std::string key(1, char('0' + int(kind)));
    key += subject;
    key += '\x1f';
    key += label;
    return key;
}

bool activePhase(AlarmPhase phase)
{
    return phase != AlarmPhase::Cleared;
}

} // namespace

// ---- slots ----

template <typename T>
T *AlarmBook::Slots<T>::find(const std::string &id)
{
    const auto it = index.find(id);
    return it == index.end() ? nullptr : &items[it->second];
}

template <typename T>
T *AlarmBook::Slots<T>::at(uint32_t slot, uint32_t gen)
{
    if (slot >= items.size())
        return nullptr;
    T &item = items[slot];
    return item.live && item.gen == gen ? &item : nullptr;
}

template <typename T>
uint32_t AlarmBook::Slots<T>::obtain(const std::string &id)
{
    const auto [it, inserted] = index.try_emplace(id, 0);
    if (!inserted)
        return it->second;
    uint32_t slot;
    if (!spare.empty()) {
        slot = spare.back();
        spare.pop_back();
    } else {
        slot = uint32_t(items.size());
        items.emplace_back();
    }
    it->second = slot;
    T &item = items[slot];
    item.id = id;
    item.live = true;
    return slot;
}

template <typename T>
void AlarmBook::Slots<T>::release(uint32_t slot)
{
    T fresh;
    // A new generation turns every timer still naming this slot into a no-op.
    fresh.gen = items[slot].gen + 1;
    index.erase(items[slot].id);
    items[slot] = std::move(fresh);
    spare.push_back(slot);
}

size_t AlarmBook::GroupKeyHash::operator()(const GroupKey &k) const
{
    size_t h = std::hash<std::string>()(k.label);
    h ^= size_t(k.kind) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= std::hash<int>()(k.district) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

// ---- book keeping ----

AlarmBook::AlarmBook(AlarmConfig config)
    : m_config(config)
{
    // A threshold of 0 would make every group, even an empty one, a flood.
    m_config.floodThreshold = std::max(1, m_config.floodThreshold);
    m_config.hysteresis = std::max(0.0, m_config.hysteresis);
}

void AlarmBook::tick(int64_t now)
{
    m_now = std::max(m_now, now);
}

void AlarmBook::push(int64_t at, TimerKind what, uint32_t slot, uint32_t gen, uint64_t alarm)
{
    m_timers.push_back({at, what, slot, gen, alarm});
    std::push_heap(m_timers.begin(), m_timers.end(), TimerLater());
}

void AlarmBook::note(Record &record)
{
    if (record.noted)
        return;
    record.noted = true;
    m_changes.push_back(record.alarm.id);
}

bool AlarmBook::isActive(uint64_t id) const
{
    const auto it = m_alarms.find(id);
    return it != m_alarms.end() && activePhase(it->second.alarm.phase);
}

uint64_t AlarmBook::raise(AlarmKind kind, int severity, const std::string &subject, const std::string &label,
                          int district, double value, int64_t now)
{
    const uint64_t id = m_nextId++;
    m_raisedRecently.emplace_back(now, clampSeverity(severity));
    Record &record = m_alarms[id];
    Alarm &a = record.alarm;
    a.id = id;
    a.kind = kind;
    a.severity = clampSeverity(severity);
    a.phase = AlarmPhase::Raised;
    a.subject = subject;
    a.label = label;
    a.district = district;
    a.value = value;
    a.raisedAt = now;
    if (!m_carried.empty()) {
        const auto carried = m_carried.find(carryKey(kind, subject, label));
        if (carried != m_carried.end()) {
            const Alarm &before = carried->second;
            a.raisedAt = std::min(now, before.raisedAt);
            if (before.phase == AlarmPhase::Acknowledged && a.severity <= before.severity) {
                a.phase = AlarmPhase::Acknowledged;
                a.acknowledgedAt = before.acknowledgedAt;
            }
            m_carried.erase(carried);
        }
    }
    m_lanes[a.severity - 1].insert(id);
    note(record);

    const auto [git, created] = m_groupIndex.try_emplace(GroupKey{kind, label, district}, uint32_t(m_groups.size()));
    if (created)
        m_groups.push_back({kind, label, district, {}});
    const uint32_t g = git->second;
    record.group = g;
    Group &group = m_groups[g];
    // Kept ascending even if a caller's clock steps back, so windows can be binary searched.
    const int64_t t = group.raises.empty() ? now : std::max(now, group.raises.back());
    group.raises.push_back(t);
    trimGroup(g, t);
    if (int(group.raises.size()) >= m_config.floodThreshold)
        m_flooding.insert(g);
    push(t + m_config.floodWindowMs, TimerKind::FloodTrim, g, 0, 0);
    return id;
}

void AlarmBook::clear(uint64_t id, int64_t now)
{
    const auto it = m_alarms.find(id);
    if (it == m_alarms.end() || !activePhase(it->second.alarm.phase))
        return;
    Alarm &a = it->second.alarm;
    m_lanes[a.severity - 1].erase(id);
    a.phase = AlarmPhase::Cleared;
    a.clearedAt = now;
    note(it->second);
    push(now + m_config.clearedKeepMs, TimerKind::Erase, 0, 0, id);
}

void AlarmBook::setSeverity(Record &record, int severity)
{
    Alarm &a = record.alarm;
    severity = clampSeverity(severity);
    if (severity == a.severity || !activePhase(a.phase))
        return;
    m_lanes[a.severity - 1].erase(a.id);
    m_lanes[severity - 1].insert(a.id);
    // An escalation must not stay hidden behind an earlier acknowledgement.
    if (severity > a.severity && a.phase == AlarmPhase::Acknowledged) {
        a.phase = AlarmPhase::Raised;
        a.acknowledgedAt = 0;
    }
    a.severity = severity;
    note(record);
}

void AlarmBook::trimGroup(uint32_t g, int64_t now)
{
    Group &group = m_groups[g];
    const int64_t oldest = now - m_config.floodWindowMs;
    while (!group.raises.empty() && group.raises.front() <= oldest)
        group.raises.pop_front();
    if (int(group.raises.size()) < m_config.floodThreshold)
        m_flooding.erase(g);
}

int AlarmBook::countInWindow(const Group &group, int64_t now, int64_t *since, int64_t *until) const
{
    const auto lo = std::upper_bound(group.raises.begin(), group.raises.end(), now - m_config.floodWindowMs);
    const auto hi = std::upper_bound(lo, group.raises.end(), now);
    const int count = int(hi - lo);
    if (count > 0) {
        if (since)
            *since = *lo;
        if (until)
            *until = *(hi - 1);
    }
    return count;
}

// ---- silence ----

template <typename E>
void AlarmBook::heard(E &entity, uint32_t slot, int64_t silentMs, TimerKind timer, int64_t now)
{
    entity.lastHeard = std::max(entity.lastHeard, now);
    if (entity.silentAlarm) {
        clear(entity.silentAlarm, now);
        entity.silentAlarm = 0;
    }
    // One deadline in the heap per entity; when it comes due it is re-read
    // against lastHeard, so a busy entity costs no heap work per message.
    if (!entity.silenceArmed) {
        entity.silenceArmed = true;
        push(entity.lastHeard + silentMs, timer, slot, entity.gen, 0);
    }
}

template <typename E>
void AlarmBook::silenceDue(E &entity, uint32_t slot, int64_t silentMs, TimerKind timer, AlarmKind kind, int64_t now)
{
    entity.silenceArmed = false;
    const int64_t deadline = entity.lastHeard + silentMs;
    if (deadline > now) {
        entity.silenceArmed = true;
        push(deadline, timer, slot, entity.gen, 0);
    } else if (!entity.silentAlarm) {
        // Re-armed by the next message, which also clears this alarm.
        entity.silentAlarm = raise(kind, kSilentSeverity, entity.id, entity.label, entity.district, 0, now);
    }
}

// ---- sensors ----

void AlarmBook::track(Sensor &s, uint32_t slot, int64_t now)
{
    const double x = s.sign * s.value;
    for (int k = 1; k <= 2; ++k) {
        const double line = k == 1 ? s.warnLine : s.alarmLine;
        const bool holds = k > s.level ? x >= line : x < line - s.band;
        if (!holds) {
            s.since[k] = kUnset;
        } else if (s.since[k] == kUnset) {
            s.since[k] = now;
            push(now + m_config.minDurationMs, TimerKind::Promote, slot, s.gen, 0);
        }
    }
}

void AlarmBook::settleLevel(Sensor &s, int64_t now)
{
    if (!s.hasState || !s.hasValue)
        return;
    const auto held = [&](int k) { return s.since[k] != kUnset && now - s.since[k] >= m_config.minDurationMs; };
    int to = s.level;
    for (int k = 2; k > s.level; --k) {
        if (held(k)) {
            to = k;
            break;
        }
    }
    if (to == s.level) {
        // Down one line at a time: dropping to normal from alarm needs both clear bands held.
        for (int k = s.level; k >= 1 && held(k); --k)
            to = k - 1;
    }
    if (to != s.level)
        setLevel(s, to, now);
}

void AlarmBook::setLevel(Sensor &s, int level, int64_t now)
{
    // Lines crossed change meaning (over-the-line <-> under-the-band); the
    // value that moved the level fails the new meaning, so they start unset.
    for (int k = std::min(s.level, level) + 1; k <= std::max(s.level, level); ++k)
        s.since[k] = kUnset;
    if (s.levelAlarm) {
        clear(s.levelAlarm, now);
        s.levelAlarm = 0;
    }
    s.level = level;
    if (level == 1)
        s.levelAlarm = raise(AlarmKind::SensorWarn, kSensorWarnSeverity, s.id, s.label, s.district, s.value, now);
    else if (level == 2)
        s.levelAlarm = raise(AlarmKind::SensorAlarm, kSensorAlarmSeverity, s.id, s.label, s.district, s.value, now);
}

void AlarmBook::sensorState(const std::string &id, double warn, double alarm, std::string label, int district,
                            int64_t now)
{
    tick(now);
    const uint32_t slot = m_sensors.obtain(id);
    Sensor &s = m_sensors.items[slot];
    heard(s, slot, m_config.sensorSilentMs, TimerKind::SensorSilence, now);
    // The old thresholds held until now.
    settleLevel(s, now);

    const double sign = alarm >= warn ? 1.0 : -1.0;
    const double span = warn == alarm ? std::abs(warn) : std::abs(alarm - warn);
    const double band = m_config.hysteresis * span;
    const bool changed =
        !s.hasState || sign * warn != s.warnLine || sign * alarm != s.alarmLine || band != s.band || sign != s.sign;
    s.label = std::move(label);
    s.district = district;
    s.hasState = true;
    if (changed) {
        // Retained states repeat on every reconnection; only new thresholds restart the timing.
        s.sign = sign;
        s.warnLine = sign * warn;
        s.alarmLine = sign * alarm;
        s.band = band;
        std::fill(std::begin(s.since), std::end(s.since), kUnset);
    }
    if (s.hasValue) {
        track(s, slot, now);
        settleLevel(s, now);
    }
}

void AlarmBook::sensorReading(const std::string &id, double value, int64_t now)
{
    tick(now);
    const uint32_t slot = m_sensors.obtain(id);
    Sensor &s = m_sensors.items[slot];
    heard(s, slot, m_config.sensorSilentMs, TimerKind::SensorSilence, now);
    // The previous value held until this reading.
    settleLevel(s, now);
    s.value = value;
    s.hasValue = true;
    if (s.hasState) {
        track(s, slot, now);
        settleLevel(s, now);
    }
}

// ---- cameras ----

void AlarmBook::cameraHeard(const std::string &id, std::string label, int district, int64_t now)
{
    tick(now);
    const uint32_t slot = m_cameras.obtain(id);
    Camera &c = m_cameras.items[slot];
    c.label = std::move(label);
    c.district = district;
    heard(c, slot, m_config.cameraSilentMs, TimerKind::CameraSilence, now);
}

void AlarmBook::cameraEvent(const std::string &id, std::string type, int severity, int district, int64_t now)
{
    tick(now);
    severity = clampSeverity(severity);
    const uint32_t slot = m_cameras.obtain(id);
    Camera &c = m_cameras.items[slot];
    if (district >= 0)
        c.district = district;
    heard(c, slot, m_config.cameraSilentMs, TimerKind::CameraSilence, now);

    const auto it = c.events.find(type);
    if (it != c.events.end()) {
        const auto rit = m_alarms.find(it->second);
        if (rit != m_alarms.end() && activePhase(rit->second.alarm.phase)) {
            Record &record = rit->second;
            record.holdUntil = std::max(record.holdUntil, now + m_config.cameraEventHoldMs);
            if (severity > record.alarm.severity)
                setSeverity(record, severity);
            return;
        }
    }
    const uint64_t alarmId = raise(AlarmKind::CameraEvent, severity, c.id, type, district, 0, now);
    const int64_t until = now + m_config.cameraEventHoldMs;
    m_alarms[alarmId].holdUntil = until;
    push(until, TimerKind::CameraHold, 0, 0, alarmId);
    c.events[std::move(type)] = alarmId;
}

void AlarmBook::holdDue(uint64_t id, int64_t now)
{
    const auto it = m_alarms.find(id);
    if (it == m_alarms.end() || !activePhase(it->second.alarm.phase))
        return;
    // Refreshes only moved holdUntil; the one timer per alarm follows it here.
    if (it->second.holdUntil > now) {
        push(it->second.holdUntil, TimerKind::CameraHold, 0, 0, id);
        return;
    }
    const Alarm &a = it->second.alarm;
    if (Camera *c = m_cameras.find(a.subject)) {
        const auto eit = c->events.find(a.label);
        if (eit != c->events.end() && eit->second == id)
            c->events.erase(eit);
    }
    clear(id, now);
}

// ---- cases ----

void AlarmBook::caseOverdue(const std::string &caseId, std::string category, int priority, int district,
                            int64_t now)
{
    tick(now);
    const int severity = priority == 1 ? 3 : 2;
    const auto it = m_cases.find(caseId);
    if (it != m_cases.end()) {
        const auto rit = m_alarms.find(it->second);
        if (rit != m_alarms.end() && activePhase(rit->second.alarm.phase)) {
            setSeverity(rit->second, severity);
            return;
        }
    }
    m_cases[caseId] = raise(AlarmKind::CaseOverdue, severity, caseId, category, district, 0, now);
}

void AlarmBook::caseSettled(const std::string &caseId, int64_t now)
{
    tick(now);
    const auto it = m_cases.find(caseId);
    if (it == m_cases.end())
        return;
    clear(it->second, now);
    m_cases.erase(it);
}

// ---- entities going away ----

void AlarmBook::forget(const std::string &id)
{
    const int64_t now = m_now == kUnset ? 0 : m_now;
    if (Sensor *s = m_sensors.find(id)) {
        clear(s->levelAlarm, now);
        clear(s->silentAlarm, now);
        m_sensors.release(m_sensors.index.at(id));
    }
    if (Camera *c = m_cameras.find(id)) {
        // Cleared in raise order so the change list does not depend on hashing.
        std::vector<uint64_t> ids;
        ids.reserve(c->events.size() + 1);
        for (const auto &[type, alarmId] : c->events)
            ids.push_back(alarmId);
        ids.push_back(c->silentAlarm);
        std::sort(ids.begin(), ids.end());
        for (uint64_t alarmId : ids)
            clear(alarmId, now);
        m_cameras.release(m_cameras.index.at(id));
    }
    const auto it = m_cases.find(id);
    if (it != m_cases.end()) {
        clear(it->second, now);
        m_cases.erase(it);
    }
}

// ---- time ----

void AlarmBook::carryOver(const std::vector<Alarm> &before, int64_t until)
{
    for (const Alarm &a : before)
        if (activePhase(a.phase))
            m_carried[carryKey(a.kind, a.subject, a.label)] = a;
    m_carriedUntil = until;
}

int AlarmBook::raisedWithin(int severity, int64_t now) const
{
    int n = 0;
    for (const auto &[at, raisedSeverity] : m_raisedRecently)
        n += raisedSeverity == severity && at > now - kRateWindowMs && at <= now;
    return n;
}

void AlarmBook::advance(int64_t now)
{
    tick(now);
    while (!m_raisedRecently.empty() && m_raisedRecently.front().first <= now - kRateWindowMs)
        m_raisedRecently.pop_front();
    if (!m_carried.empty() && now >= m_carriedUntil)
        m_carried.clear();
    std::erase_if(m_shelves, [now](const Shelf &shelf) { return shelf.until <= now; });
    while (!m_timers.empty() && m_timers.front().at <= now) {
        std::pop_heap(m_timers.begin(), m_timers.end(), TimerLater());
        const Timer t = m_timers.back();
        m_timers.pop_back();
        switch (t.what) {
        case TimerKind::Promote:
            if (Sensor *s = m_sensors.at(t.slot, t.gen))
                settleLevel(*s, now);
            break;
        case TimerKind::SensorSilence:
            if (Sensor *s = m_sensors.at(t.slot, t.gen))
                silenceDue(*s, t.slot, m_config.sensorSilentMs, t.what, AlarmKind::SensorSilent, now);
            break;
        case TimerKind::CameraSilence:
            if (Camera *c = m_cameras.at(t.slot, t.gen))
                silenceDue(*c, t.slot, m_config.cameraSilentMs, t.what, AlarmKind::CameraSilent, now);
            break;
        case TimerKind::CameraHold:
            holdDue(t.alarm, now);
            break;
        case TimerKind::FloodTrim:
            trimGroup(t.slot, now);
            break;
        case TimerKind::Erase: {
            const auto it = m_alarms.find(t.alarm);
            if (it != m_alarms.end() && it->second.alarm.phase == AlarmPhase::Cleared)
                m_alarms.erase(it);
            break;
        }
        }
    }
}

bool AlarmBook::acknowledge(uint64_t alarmId, int64_t now)
{
    tick(now);
    const auto it = m_alarms.find(alarmId);
    if (it == m_alarms.end() || it->second.alarm.phase != AlarmPhase::Raised)
        return false;
    it->second.alarm.phase = AlarmPhase::Acknowledged;
    it->second.alarm.acknowledgedAt = now;
    note(it->second);
    return true;
}

uint64_t AlarmBook::shelve(uint64_t alarmId, bool wholeGroup, std::string reason, int64_t until, int64_t now)
{
    tick(now);
    const auto it = m_alarms.find(alarmId);
    // A critical alarm's own subject is never shelved; its group may be (its critical alarms stay shown).
    if (it == m_alarms.end() || !activePhase(it->second.alarm.phase) || (!wholeGroup && it->second.alarm.severity >= kSeverityCount)
        || reason.empty() || until <= now || until - now > kLongestShelfMs)
        return 0;
    const Alarm &a = it->second.alarm;
    const std::string subject = wholeGroup ? std::string() : a.subject;
    for (Shelf &shelf : m_shelves)
        if (shelf.kind == a.kind && shelf.label == a.label && shelf.district == a.district && shelf.subject == subject) {
            shelf.reason = std::move(reason);
            shelf.since = now;
            shelf.until = until;
            return shelf.id;
        }
    if (m_shelves.size() >= kMostShelves)
        return 0;
    m_shelves.push_back({m_nextShelfId++, a.kind, a.label, a.district, subject, std::move(reason), now, until});
    return m_shelves.back().id;
}

bool AlarmBook::unshelve(uint64_t shelfId)
{
    const auto it = std::find_if(m_shelves.begin(), m_shelves.end(), [&](const Shelf &s) { return s.id == shelfId; });
    if (it == m_shelves.end())
        return false;
    m_shelves.erase(it);
    return true;
}

const Shelf *AlarmBook::shelfOf(const Alarm &alarm) const
{
    if (alarm.severity >= kSeverityCount || !activePhase(alarm.phase))
        return nullptr;
    for (const Shelf &shelf : m_shelves)
        if (shelf.kind == alarm.kind && shelf.label == alarm.label && shelf.district == alarm.district
            && (shelf.subject.empty() || shelf.subject == alarm.subject))
            return &shelf;
    return nullptr;
}

int AlarmBook::shelvedCount() const
{
    int shelved = 0;
    for (int severity = 1; severity < kSeverityCount; ++severity) // critical alarms are never shelved
        for (uint64_t id : m_lanes[severity - 1])
            shelved += shelfOf(m_alarms.at(id).alarm) != nullptr;
    return shelved;
}

// ---- reading ----

const Alarm *AlarmBook::find(uint64_t id) const
{
    const auto it = m_alarms.find(id);
    return it == m_alarms.end() ? nullptr : &it->second.alarm;
}

std::vector<const Alarm *> AlarmBook::active(int severity) const
{
    std::vector<const Alarm *> out;
    if (severity < 1 || severity > kSeverityCount)
        return out;
    const std::set<uint64_t> &lane = m_lanes[severity - 1];
    out.reserve(lane.size());
    // Ids increase with every raise, so the highest id is the newest.
    for (auto it = lane.rbegin(); it != lane.rend(); ++it)
        out.push_back(&m_alarms.at(*it).alarm);
    return out;
}

int AlarmBook::activeCount(int severity) const
{
    if (severity < 1 || severity > kSeverityCount)
        return 0;
    return int(m_lanes[severity - 1].size());
}

size_t AlarmBook::listed() const
{
    return m_alarms.size();
}

std::vector<AlarmBook::Flood> AlarmBook::floods(int64_t now) const
{
    std::vector<Flood> out;
    for (uint32_t g : m_flooding) {
        const Group &group = m_groups[g];
        int64_t since = 0;
        int64_t until = 0;
        const int count = countInWindow(group, now, &since, &until);
        if (count >= m_config.floodThreshold)
            out.push_back({group.kind, group.label, group.district, count, since, until});
    }
    std::sort(out.begin(), out.end(), [](const Flood &a, const Flood &b) {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.kind != b.kind)
            return a.kind < b.kind;
        if (a.district != b.district)
            return a.district < b.district;
        return a.label < b.label;
    });
    return out;
}

bool AlarmBook::isFlooded(const Alarm &alarm) const
{
    const auto it = m_alarms.find(alarm.id);
    if (it == m_alarms.end() || m_now == kUnset)
        return false;
    return countInWindow(m_groups[it->second.group], m_now, nullptr, nullptr) >= m_config.floodThreshold;
}

std::vector<uint64_t> AlarmBook::takeChanges()
{
    std::vector<uint64_t> out;
    out.swap(m_changes);
    for (uint64_t id : out) {
        const auto it = m_alarms.find(id);
        if (it != m_alarms.end())
            it->second.noted = false;
    }
    return out;
}

} // namespace gridwall::state

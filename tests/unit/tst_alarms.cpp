// The alarm engine as the operator meets it: which lane an alarm lands in,
// that nothing raises or flaps on noise around a line, that silence and
// holds come and go on time, that floods collapse into one summary, and that
// the per-lane counts and change lists never drift from the alarms themselves.

#include "state/alarms.h"

#include <QTest>

#include <functional>
#include <map>
#include <random>
#include <set>
#include <tuple>

using namespace gridwall::state;

namespace {

constexpr int64_t kT0 = 1'700'000'000'000; // an epoch time in ms, like the feed's
constexpr int64_t kSec = 1000;
constexpr int64_t kMin = 60 * kSec;

// Steps time from `from` (inclusive) to `to` (exclusive), calling step(t) and
// then advancing the book, as the per-frame batch apply does.
void run(AlarmBook &book, int64_t from, int64_t to, int64_t stepMs, const std::function<void(int64_t)> &step)
{
    for (int64_t t = from; t < to; t += stepMs) {
        step(t);
        book.advance(t);
    }
}

std::vector<const Alarm *> activeAll(const AlarmBook &book)
{
    std::vector<const Alarm *> out;
    for (int s = kSeverityCount; s >= 1; --s)
        for (const Alarm *a : book.active(s))
            out.push_back(a);
    return out;
}

std::vector<const Alarm *> activeOf(const AlarmBook &book, const std::string &subject)
{
    std::vector<const Alarm *> out;
    for (const Alarm *a : activeAll(book))
        if (a->subject == subject)
            out.push_back(a);
    return out;
}

int totalActive(const AlarmBook &book)
{
    int n = 0;
    for (int s = 1; s <= kSeverityCount; ++s)
        n += book.activeCount(s);
    return n;
}

// Every raise makes a new id, so distinct ids seen in the change lists are the raises.
struct Raises
{
    std::set<uint64_t> seen;
    int drain(AlarmBook &book)
    {
        int fresh = 0;
        for (uint64_t id : book.takeChanges())
            fresh += seen.insert(id).second ? 1 : 0;
        return fresh;
    }
};

} // namespace

class Tst_alarms : public QObject
{
    Q_OBJECT
private slots:
    void kindNames();
    void severityMapping();
    void noiseAroundWarnLineRaisesNothing();
    void raisedAlarmDoesNotFlap();
    void minDuration();
    void warnAlarmWarnNormal();
    void lowerIsWorse();
    void sensorSilence();
    void readingsWithoutStateOnlyCountAsHeard();
    void cameraSilence();
    void acknowledgeLifecycle();
    void cameraEventDedupAndHold();
    void escalationReopensAcknowledged();
    void caseOverdueAndSettled();
    void carriedOverARestart();
    void forgetClearsAlarms();
    void floods();
    void takeChangesOncePerChange();
    void randomOperationsKeepCountsExact();
    void alarmRateOverTenMinutes();
    void shelvingAFloodWithAReasonUntilATime();
    void shelvingIsRefusedWhereItWouldHideTooMuch();
};

void Tst_alarms::kindNames()
{
    QCOMPARE(alarmKindName(AlarmKind::SensorWarn), "sensor_warn");
    QCOMPARE(alarmKindName(AlarmKind::SensorAlarm), "sensor_alarm");
    QCOMPARE(alarmKindName(AlarmKind::CameraEvent), "camera_event");
    QCOMPARE(alarmKindName(AlarmKind::CaseOverdue), "case_overdue");
    QCOMPARE(alarmKindName(AlarmKind::CameraSilent), "camera_silent");
    QCOMPARE(alarmKindName(AlarmKind::SensorSilent), "sensor_silent");
}

void Tst_alarms::severityMapping()
{
    AlarmBook book;
    book.sensorState("GAS-1", 20, 50, "gas", 0, kT0);
    book.sensorState("GAS-2", 20, 50, "gas", 0, kT0);
    run(book, kT0, kT0 + 15 * kSec, kSec, [&](int64_t t) {
        book.sensorReading("GAS-1", 60, t);
        book.sensorReading("GAS-2", 30, t);
    });
    auto gas1 = activeOf(book, "GAS-1");
    QCOMPARE(int(gas1.size()), 1);
    QCOMPARE(gas1[0]->kind, AlarmKind::SensorAlarm);
    QCOMPARE(gas1[0]->severity, 4);
    QCOMPARE(gas1[0]->value, 60.0);
    QCOMPARE(gas1[0]->label, std::string("gas"));
    auto gas2 = activeOf(book, "GAS-2");
    QCOMPARE(int(gas2.size()), 1);
    QCOMPARE(gas2[0]->kind, AlarmKind::SensorWarn);
    QCOMPARE(gas2[0]->severity, 2);

    const int64_t t = kT0 + 20 * kSec;
    for (int s = 1; s <= 4; ++s) {
        const std::string cam = "CAM-" + std::to_string(s);
        book.cameraEvent(cam, "fire_smoke", s, 1, t);
        auto a = activeOf(book, cam);
        QCOMPARE(int(a.size()), 1);
        QCOMPARE(a[0]->kind, AlarmKind::CameraEvent);
        QCOMPARE(a[0]->severity, s);
        QCOMPARE(a[0]->label, std::string("fire_smoke"));
    }
    book.cameraEvent("CAM-9", "fire_smoke", 9, 1, t); // out of range: clamped, never lost
    QCOMPARE(activeOf(book, "CAM-9")[0]->severity, 4);

    for (int p = 1; p <= 4; ++p) {
        const std::string id = "CASE-" + std::to_string(p);
        book.caseOverdue(id, "fire_safety", p, 2, t);
        auto a = activeOf(book, id);
        QCOMPARE(int(a.size()), 1);
        QCOMPARE(a[0]->kind, AlarmKind::CaseOverdue);
        QCOMPARE(a[0]->severity, p == 1 ? 3 : 2);
    }

    AlarmBook quiet;
    quiet.cameraHeard("DOME-1", "dome", 3, kT0);
    quiet.sensorState("SMK-1", 1.5, 3, "smoke", 3, kT0);
    quiet.advance(kT0 + 10 * kMin);
    auto dome = activeOf(quiet, "DOME-1");
    QCOMPARE(int(dome.size()), 1);
    QCOMPARE(dome[0]->kind, AlarmKind::CameraSilent);
    QCOMPARE(dome[0]->severity, 1);
    auto smoke = activeOf(quiet, "SMK-1");
    QCOMPARE(int(smoke.size()), 1);
    QCOMPARE(smoke[0]->kind, AlarmKind::SensorSilent);
    QCOMPARE(smoke[0]->severity, 1);
    QCOMPARE(quiet.activeCount(1), 2);
}

void Tst_alarms::noiseAroundWarnLineRaisesNothing()
{
    AlarmBook book;
    Raises raises;
    book.sensorState("GAS-1", 20, 50, "gas", 0, kT0);
    // +-1 % around the warn line, a reading a second, for ten minutes.
    int i = 0;
    run(book, kT0, kT0 + 10 * kMin, kSec, [&](int64_t t) { book.sensorReading("GAS-1", (i++ % 2) ? 19.8 : 20.2, t); });
    QCOMPARE(raises.drain(book), 0);
    QCOMPARE(totalActive(book), 0);

    // Slower noise: 4 s over, 4 s under, still never 10 s in a row.
    i = 0;
    run(book, kT0 + 10 * kMin, kT0 + 20 * kMin, kSec,
        [&](int64_t t) { book.sensorReading("GAS-1", (i++ / 4) % 2 ? 19.8 : 20.2, t); });
    QCOMPARE(raises.drain(book), 0);
    QCOMPARE(totalActive(book), 0);
}

void Tst_alarms::raisedAlarmDoesNotFlap()
{
    AlarmBook book;
    Raises raises;
    book.sensorState("GAS-1", 20, 50, "gas", 0, kT0);
    run(book, kT0, kT0 + 15 * kSec, kSec, [&](int64_t t) { book.sensorReading("GAS-1", 25, t); });
    QCOMPARE(raises.drain(book), 1);
    const uint64_t warnId = activeOf(book, "GAS-1").at(0)->id;

    int i = 0;
    run(book, kT0 + 15 * kSec, kT0 + 10 * kMin, kSec,
        [&](int64_t t) { book.sensorReading("GAS-1", (i++ % 2) ? 19.8 : 20.2, t); });
    QVERIFY(book.takeChanges().empty()); // not even a clear
    QCOMPARE(book.find(warnId)->phase, AlarmPhase::Raised);
    QCOMPARE(book.activeCount(2), 1);

    // Slow swings, 30 s each side: under the line longer than the minimum
    // duration, but inside the clear band (18.5..20), so still no flapping.
    run(book, kT0 + 10 * kMin, kT0 + 20 * kMin, kSec,
        [&](int64_t t) { book.sensorReading("GAS-1", ((t - kT0) / (30 * kSec)) % 2 ? 19.8 : 20.2, t); });
    QVERIFY(book.takeChanges().empty());
    QCOMPARE(book.find(warnId)->phase, AlarmPhase::Raised);

    // At the alarm level, +-1 % around the alarm line neither clears nor re-raises.
    const int64_t t1 = kT0 + 20 * kMin;
    run(book, t1, t1 + 15 * kSec, kSec, [&](int64_t t) { book.sensorReading("GAS-1", 60, t); });
    QCOMPARE(raises.drain(book), 1); // the escalation
    QCOMPARE(book.find(warnId)->phase, AlarmPhase::Cleared);
    const uint64_t alarmId = activeOf(book, "GAS-1").at(0)->id;
    QCOMPARE(book.find(alarmId)->kind, AlarmKind::SensorAlarm);
    i = 0;
    run(book, t1 + 15 * kSec, t1 + 10 * kMin, kSec,
        [&](int64_t t) { book.sensorReading("GAS-1", (i++ % 2) ? 49.5 : 50.5, t); });
    run(book, t1 + 10 * kMin, t1 + 20 * kMin, kSec,
        [&](int64_t t) { book.sensorReading("GAS-1", ((t - kT0) / (30 * kSec)) % 2 ? 49.5 : 50.5, t); });
    QVERIFY(book.takeChanges().empty());
    QCOMPARE(book.find(alarmId)->phase, AlarmPhase::Raised);
    QCOMPARE(totalActive(book), 1);
}

void Tst_alarms::minDuration()
{
    AlarmBook book;
    Raises raises;
    book.sensorState("GAS-1", 20, 50, "gas", 0, kT0);
    // A 5 s spike over the alarm line raises nothing, not even a warning.
    run(book, kT0, kT0 + 30 * kSec, kSec, [&](int64_t t) { book.sensorReading("GAS-1", 10, t); });
    run(book, kT0 + 30 * kSec, kT0 + 35 * kSec, kSec, [&](int64_t t) { book.sensorReading("GAS-1", 60, t); });
    run(book, kT0 + 35 * kSec, kT0 + 100 * kSec, kSec, [&](int64_t t) { book.sensorReading("GAS-1", 10, t); });
    QCOMPARE(raises.drain(book), 0);
    QCOMPARE(totalActive(book), 0);

    // 15 s over it raises once, 10 s after the first reading over the line.
    const int64_t up = kT0 + 100 * kSec;
    run(book, up, up + 10 * kSec, kSec, [&](int64_t t) { book.sensorReading("GAS-1", 60, t); });
    book.advance(up + 10 * kSec - 1);
    QCOMPARE(totalActive(book), 0);
    book.advance(up + 10 * kSec); // promoted by time alone, no reading needed
    QCOMPARE(book.activeCount(4), 1);
    run(book, up + 10 * kSec, up + 15 * kSec, kSec, [&](int64_t t) { book.sensorReading("GAS-1", 60, t); });
    QCOMPARE(raises.drain(book), 1);
    const Alarm *alarm = book.active(4).at(0);
    QCOMPARE(alarm->raisedAt, up + 10 * kSec);
    const uint64_t id = alarm->id;

    // Just under the line, inside the band (48.5..50): stays.
    const int64_t band = up + 15 * kSec;
    run(book, band, band + kMin, kSec, [&](int64_t t) { book.sensorReading("GAS-1", 49, t); });
    QCOMPARE(book.find(id)->phase, AlarmPhase::Raised);

    // Below the band: clears only after 10 s there, straight to normal.
    const int64_t down = band + kMin;
    run(book, down, down + 10 * kSec, kSec, [&](int64_t t) { book.sensorReading("GAS-1", 10, t); });
    book.advance(down + 10 * kSec - 1);
    QCOMPARE(book.find(id)->phase, AlarmPhase::Raised);
    book.sensorReading("GAS-1", 10, down + 10 * kSec);
    QCOMPARE(book.find(id)->phase, AlarmPhase::Cleared);
    QCOMPARE(book.find(id)->clearedAt, down + 10 * kSec);
    QCOMPARE(totalActive(book), 0);
    QCOMPARE(raises.drain(book), 0);
}

void Tst_alarms::warnAlarmWarnNormal()
{
    AlarmBook book;
    Raises raises;
    book.sensorState("GAS-1", 20, 50, "gas", 4, kT0);
    int64_t t0 = kT0;
    const auto hold = [&](double value) {
        run(book, t0, t0 + 15 * kSec, kSec, [&](int64_t t) {
            book.sensorReading("GAS-1", value, t);
            // One threshold alarm per sensor at any moment.
            QVERIFY(activeOf(book, "GAS-1").size() <= 1);
        });
        t0 += 15 * kSec;
    };

    hold(30);
    auto a = activeOf(book, "GAS-1");
    QCOMPARE(int(a.size()), 1);
    QCOMPARE(a[0]->kind, AlarmKind::SensorWarn);
    QCOMPARE(a[0]->district, 4);
    const uint64_t warn1 = a[0]->id;

    hold(60);
    a = activeOf(book, "GAS-1");
    QCOMPARE(int(a.size()), 1);
    QCOMPARE(a[0]->kind, AlarmKind::SensorAlarm);
    QCOMPARE(book.find(warn1)->phase, AlarmPhase::Cleared);
    QCOMPARE(book.activeCount(2), 0);
    QCOMPARE(book.activeCount(4), 1);
    const uint64_t alarm = a[0]->id;

    hold(30);
    a = activeOf(book, "GAS-1");
    QCOMPARE(int(a.size()), 1);
    QCOMPARE(a[0]->kind, AlarmKind::SensorWarn);
    QVERIFY(a[0]->id != warn1);
    QCOMPARE(a[0]->value, 30.0);
    QCOMPARE(book.find(alarm)->phase, AlarmPhase::Cleared);
    const uint64_t warn2 = a[0]->id;

    hold(5);
    QCOMPARE(totalActive(book), 0);
    QCOMPARE(book.find(warn2)->phase, AlarmPhase::Cleared);
    QCOMPARE(raises.drain(book), 3);
}

void Tst_alarms::lowerIsWorse()
{
    // Oxygen: warn at 19.5 %, alarm at 18 %; band 0.05 * 1.5 = 0.075 above each line.
    AlarmBook book;
    Raises raises;
    book.sensorState("O2-1", 19.5, 18, "oxygen", 0, kT0);
    int64_t t0 = kT0;
    const auto hold = [&](double value, int64_t ms) {
        run(book, t0, t0 + ms, kSec, [&](int64_t t) { book.sensorReading("O2-1", value, t); });
        t0 += ms;
    };
    hold(21, 15 * kSec);
    hold(100, kMin); // higher is better here
    QCOMPARE(totalActive(book), 0);

    hold(19, 15 * kSec);
    QCOMPARE(activeOf(book, "O2-1").at(0)->kind, AlarmKind::SensorWarn);
    hold(17, 15 * kSec);
    QCOMPARE(activeOf(book, "O2-1").at(0)->kind, AlarmKind::SensorAlarm);
    const uint64_t alarm = activeOf(book, "O2-1").at(0)->id;
    hold(18.05, kMin); // back over the line but inside the band
    QCOMPARE(book.find(alarm)->phase, AlarmPhase::Raised);
    hold(19.55, kMin); // out of the alarm band, inside the warn band
    QCOMPARE(book.find(alarm)->phase, AlarmPhase::Cleared);
    QCOMPARE(activeOf(book, "O2-1").at(0)->kind, AlarmKind::SensorWarn);
    hold(21, 15 * kSec);
    QCOMPARE(totalActive(book), 0);
    QCOMPARE(raises.drain(book), 3);
}

void Tst_alarms::sensorSilence()
{
    AlarmBook book;
    book.sensorState("SMK-1", 1.5, 3, "smoke", 1, kT0);
    book.sensorReading("SMK-1", 0.2, kT0 + 30 * kSec);
    book.sensorReading("SMK-1", 0.2, kT0 + 60 * kSec);
    for (int64_t t = kT0; t < kT0 + 180 * kSec; t += kSec)
        book.advance(t);
    book.advance(kT0 + 180 * kSec - 1);
    QCOMPARE(totalActive(book), 0); // 119.999 s since the last reading

    book.advance(kT0 + 180 * kSec);
    auto a = activeOf(book, "SMK-1");
    QCOMPARE(int(a.size()), 1);
    QCOMPARE(a[0]->kind, AlarmKind::SensorSilent);
    QCOMPARE(a[0]->label, std::string("smoke"));
    QCOMPARE(a[0]->district, 1);
    QCOMPARE(a[0]->raisedAt, kT0 + 180 * kSec);
    const uint64_t silent = a[0]->id;
    book.advance(kT0 + 30 * kMin);
    QCOMPARE(totalActive(book), 1); // one alarm however long the silence

    book.sensorReading("SMK-1", 0.2, kT0 + 31 * kMin);
    QCOMPARE(book.find(silent)->phase, AlarmPhase::Cleared);
    QCOMPARE(totalActive(book), 0);

    // Silent again: a new alarm, again only after the full timeout.
    book.advance(kT0 + 33 * kMin - 1);
    QCOMPARE(totalActive(book), 0);
    book.advance(kT0 + 33 * kMin);
    QCOMPARE(totalActive(book), 1);
    QVERIFY(activeOf(book, "SMK-1").at(0)->id != silent);
}

void Tst_alarms::readingsWithoutStateOnlyCountAsHeard()
{
    AlarmBook book;
    run(book, kT0, kT0 + kMin, kSec, [&](int64_t t) { book.sensorReading("GAS-X", 1000, t); });
    QCOMPARE(totalActive(book), 0);
    book.advance(kT0 + kMin - kSec + 120 * kSec);
    auto a = activeOf(book, "GAS-X");
    QCOMPARE(int(a.size()), 1);
    QCOMPARE(a[0]->kind, AlarmKind::SensorSilent);

    // Its state arrives late: the held value now counts, from the state's time on.
    const int64_t t1 = kT0 + 10 * kMin;
    book.sensorState("GAS-X", 20, 50, "gas", 0, t1);
    book.advance(t1 + 10 * kSec - 1);
    QCOMPARE(book.activeCount(4), 0);
    book.advance(t1 + 10 * kSec);
    QCOMPARE(book.activeCount(4), 1);
    QCOMPARE(book.active(4).at(0)->value, 1000.0);
}

void Tst_alarms::cameraSilence()
{
    AlarmBook book;
    book.cameraHeard("CAM-1", "dome", 2, kT0);
    book.cameraHeard("CAM-1", "dome", 2, kT0 + 4 * kMin); // e.g. an online=false state: heard, nothing raised
    QCOMPARE(totalActive(book), 0);
    book.cameraEvent("CAM-1", "crowd", 1, 2, kT0 + 8 * kMin); // events count as heard too
    const int64_t last = kT0 + 8 * kMin;
    for (int64_t t = kT0; t < last + 300 * kSec; t += 10 * kSec)
        book.advance(t);
    book.advance(last + 300 * kSec - 1);
    QCOMPARE(book.activeCount(1), 1); // only the crowd event
    QCOMPARE(activeOf(book, "CAM-1").at(0)->kind, AlarmKind::CameraEvent);

    book.advance(last + 300 * kSec);
    QCOMPARE(book.activeCount(1), 2);
    const Alarm *silent = nullptr;
    for (const Alarm *a : activeOf(book, "CAM-1"))
        if (a->kind == AlarmKind::CameraSilent)
            silent = a;
    QVERIFY(silent);
    QCOMPARE(silent->label, std::string("dome"));
    QCOMPARE(silent->district, 2);
    const uint64_t id = silent->id;

    book.cameraHeard("CAM-1", "dome", 2, last + 301 * kSec);
    QCOMPARE(book.find(id)->phase, AlarmPhase::Cleared);
    QCOMPARE(book.find(id)->clearedAt, last + 301 * kSec);
}

void Tst_alarms::acknowledgeLifecycle()
{
    AlarmBook book;
    book.caseOverdue("C-1", "fire_safety", 1, 0, kT0);
    const uint64_t id = book.active(3).at(0)->id;
    QCOMPARE(book.find(id)->phase, AlarmPhase::Raised);

    QVERIFY(book.acknowledge(id, kT0 + 5 * kSec));
    QCOMPARE(book.find(id)->phase, AlarmPhase::Acknowledged);
    QCOMPARE(book.find(id)->acknowledgedAt, kT0 + 5 * kSec);
    QCOMPARE(book.activeCount(3), 1); // acknowledged is still active
    QCOMPARE(book.active(3).at(0)->id, id);
    QVERIFY(!book.acknowledge(id, kT0 + 6 * kSec));
    QVERIFY(!book.acknowledge(id + 1000, kT0 + 6 * kSec));
    QVERIFY(!book.acknowledge(0, kT0 + 6 * kSec));

    book.caseSettled("C-1", kT0 + kMin);
    QCOMPARE(book.find(id)->phase, AlarmPhase::Cleared);
    QCOMPARE(book.find(id)->clearedAt, kT0 + kMin);
    QCOMPARE(book.find(id)->acknowledgedAt, kT0 + 5 * kSec);
    QCOMPARE(book.activeCount(3), 0);
    QVERIFY(book.active(3).empty());
    QVERIFY(!book.acknowledge(id, kT0 + 2 * kMin));

    // Kept for the log for an hour, then gone.
    book.advance(kT0 + kMin + 3'600'000 - 1);
    QVERIFY(book.find(id));
    QCOMPARE(int(book.listed()), 1);
    book.advance(kT0 + kMin + 3'600'000);
    QVERIFY(!book.find(id));
    QCOMPARE(int(book.listed()), 0);
}

void Tst_alarms::cameraEventDedupAndHold()
{
    AlarmBook book;
    book.cameraEvent("CAM-7", "fire_smoke", 2, 1, kT0);
    const uint64_t id = book.active(2).at(0)->id;
    book.cameraEvent("CAM-7", "fire_smoke", 3, 1, kT0 + 100 * kSec);
    QCOMPARE(totalActive(book), 1);
    QCOMPARE(book.find(id)->severity, 3);
    QCOMPARE(book.activeCount(2), 0);
    QCOMPARE(book.activeCount(3), 1);
    book.cameraEvent("CAM-7", "fire_smoke", 1, 1, kT0 + 200 * kSec); // lower: keeps 3, refreshes the hold
    QCOMPARE(totalActive(book), 1);
    QCOMPARE(book.find(id)->severity, 3);
    QCOMPARE(book.find(id)->raisedAt, kT0);

    book.cameraEvent("CAM-7", "intrusion", 2, 1, kT0 + 300 * kSec); // another type: its own alarm
    QCOMPARE(totalActive(book), 2);
    const uint64_t other = book.active(2).at(0)->id;

    book.advance(kT0 + 600 * kSec); // the first hold would have ended here
    QCOMPARE(book.find(id)->phase, AlarmPhase::Raised);
    book.advance(kT0 + 800 * kSec - 1);
    QCOMPARE(book.find(id)->phase, AlarmPhase::Raised);
    book.advance(kT0 + 800 * kSec);
    QCOMPARE(book.find(id)->phase, AlarmPhase::Cleared);
    QCOMPARE(book.find(id)->clearedAt, kT0 + 800 * kSec);
    QCOMPARE(book.find(other)->phase, AlarmPhase::Raised);
    book.advance(kT0 + 900 * kSec);
    QCOMPARE(book.find(other)->phase, AlarmPhase::Cleared);
    QCOMPARE(totalActive(book), 1); // what is left: the camera has been quiet since 300 s
    QCOMPARE(book.active(1).at(0)->kind, AlarmKind::CameraSilent);

    // After the hold a new event is a new alarm.
    book.cameraEvent("CAM-7", "fire_smoke", 2, 1, kT0 + 1000 * kSec);
    QCOMPARE(totalActive(book), 1); // the event also ended the silence
    QVERIFY(book.active(2).at(0)->id != id);
}

void Tst_alarms::escalationReopensAcknowledged()
{
    AlarmBook book;
    book.cameraEvent("CAM-1", "fire_smoke", 2, 0, kT0);
    const uint64_t id = book.active(2).at(0)->id;
    QVERIFY(book.acknowledge(id, kT0 + kSec));
    book.cameraEvent("CAM-1", "fire_smoke", 2, 0, kT0 + 2 * kSec); // same severity: stays acknowledged
    QCOMPARE(book.find(id)->phase, AlarmPhase::Acknowledged);
    book.cameraEvent("CAM-1", "fire_smoke", 4, 0, kT0 + 3 * kSec);
    QCOMPARE(book.find(id)->phase, AlarmPhase::Raised);
    QCOMPARE(book.find(id)->acknowledgedAt, int64_t(0));
    QCOMPARE(book.activeCount(4), 1);
}

// A restarted wall raises again what still holds: the same alarms keep their
// first raise time and acknowledgement (not when their severity rose); the
// others, and any raised after the carry window, are new.
void Tst_alarms::carriedOverARestart()
{
    auto before = [](AlarmKind kind, const char *subject, const char *label, int severity, AlarmPhase phase) {
        Alarm a;
        a.kind = kind;
        a.subject = subject;
        a.label = label;
        a.severity = severity;
        a.phase = phase;
        a.raisedAt = kT0 - 30 * kMin;
        a.acknowledgedAt = phase == AlarmPhase::Acknowledged ? kT0 - 20 * kMin : 0;
        return a;
    };
    AlarmBook book;
    book.carryOver({before(AlarmKind::CaseOverdue, "C-1", "road", 2, AlarmPhase::Acknowledged),
                    before(AlarmKind::CaseOverdue, "C-2", "road", 2, AlarmPhase::Acknowledged),
                    before(AlarmKind::CaseOverdue, "C-3", "road", 2, AlarmPhase::Raised),
                    before(AlarmKind::CaseOverdue, "C-4", "road", 2, AlarmPhase::Acknowledged)},
                   kT0 + 10 * kMin);
    book.caseOverdue("C-1", "road", 3, 0, kT0);   // same severity (priority 3 -> severity 2)
    book.caseOverdue("C-2", "road", 1, 0, kT0);   // priority raised meanwhile: severity 3
    book.caseOverdue("C-3", "road", 3, 0, kT0);
    book.caseOverdue("C-9", "other", 3, 0, kT0);  // not active before
    const Alarm *c1 = activeOf(book, "C-1").at(0);
    QCOMPARE(c1->phase, AlarmPhase::Acknowledged);
    QCOMPARE(c1->raisedAt, kT0 - 30 * kMin);
    QCOMPARE(c1->acknowledgedAt, kT0 - 20 * kMin);
    const Alarm *c2 = activeOf(book, "C-2").at(0);
    QCOMPARE(c2->severity, 3);
    QCOMPARE(c2->phase, AlarmPhase::Raised); // an escalation is not hidden by an earlier acknowledgement
    QCOMPARE(c2->raisedAt, kT0 - 30 * kMin);
    QCOMPARE(activeOf(book, "C-3").at(0)->phase, AlarmPhase::Raised);
    QCOMPARE(activeOf(book, "C-3").at(0)->raisedAt, kT0 - 30 * kMin);
    QCOMPARE(activeOf(book, "C-9").at(0)->raisedAt, kT0);
    // After the window, the last carried one is forgotten: raised now, as new.
    book.advance(kT0 + 11 * kMin);
    book.caseOverdue("C-4", "road", 3, 0, kT0 + 11 * kMin);
    QCOMPARE(activeOf(book, "C-4").at(0)->phase, AlarmPhase::Raised);
    QCOMPARE(activeOf(book, "C-4").at(0)->raisedAt, kT0 + 11 * kMin);
}

void Tst_alarms::caseOverdueAndSettled()
{
    AlarmBook book;
    book.caseOverdue("C-9", "road", 2, 3, kT0);
    QCOMPARE(book.activeCount(2), 1);
    const Alarm *a = book.active(2).at(0);
    QCOMPARE(a->kind, AlarmKind::CaseOverdue);
    QCOMPARE(a->subject, std::string("C-9"));
    QCOMPARE(a->label, std::string("road"));
    QCOMPARE(a->district, 3);
    const uint64_t id = a->id;

    book.caseOverdue("C-9", "road", 2, 3, kT0 + kMin); // told again: still one
    QCOMPARE(totalActive(book), 1);
    book.caseOverdue("C-9", "road", 1, 3, kT0 + 2 * kMin); // priority raised
    QCOMPARE(totalActive(book), 1);
    QCOMPARE(book.find(id)->severity, 3);
    QCOMPARE(book.activeCount(3), 1);

    book.takeChanges();
    book.caseSettled("C-404", kT0 + 3 * kMin); // unknown: nothing happens
    QVERIFY(book.takeChanges().empty());
    book.caseSettled("C-9", kT0 + 3 * kMin);
    QCOMPARE(book.find(id)->phase, AlarmPhase::Cleared);
    book.caseSettled("C-9", kT0 + 4 * kMin);
    QCOMPARE(book.find(id)->clearedAt, kT0 + 3 * kMin);
    QCOMPARE(book.takeChanges(), std::vector<uint64_t>{id});

    book.caseOverdue("C-9", "road", 2, 3, kT0 + 5 * kMin); // deadline moved and missed again
    QCOMPARE(totalActive(book), 1);
    QVERIFY(book.active(2).at(0)->id != id);
    book.forget("C-9");
    QCOMPARE(totalActive(book), 0);
}

void Tst_alarms::forgetClearsAlarms()
{
    AlarmBook book;
    book.sensorState("GAS-1", 20, 50, "gas", 0, kT0);
    run(book, kT0, kT0 + 15 * kSec, kSec, [&](int64_t t) { book.sensorReading("GAS-1", 60, t); });
    book.advance(kT0 + 5 * kMin); // silent as well now
    QCOMPARE(int(activeOf(book, "GAS-1").size()), 2);
    book.cameraEvent("CAM-1", "fire_smoke", 3, 0, kT0 + 5 * kMin);
    book.cameraEvent("CAM-1", "intrusion", 2, 0, kT0 + 5 * kMin);

    book.forget("GAS-1");
    book.forget("CAM-1");
    QCOMPARE(totalActive(book), 0);
    for (uint64_t id : book.takeChanges())
        QCOMPARE(book.find(id)->clearedAt, kT0 + 5 * kMin);

    // Nothing left behind raises for them later.
    book.advance(kT0 + 30 * kMin);
    QCOMPARE(totalActive(book), 0);
    QVERIFY(book.takeChanges().empty());

    // The same id coming back starts afresh.
    const int64_t t1 = kT0 + 31 * kMin;
    book.sensorState("GAS-1", 20, 50, "gas", 0, t1);
    book.sensorReading("GAS-1", 10, t1);
    book.advance(t1 + 120 * kSec - 1);
    QCOMPARE(totalActive(book), 0);
    book.advance(t1 + 120 * kSec);
    QCOMPARE(activeOf(book, "GAS-1").at(0)->kind, AlarmKind::SensorSilent);
}

void Tst_alarms::floods()
{
    // "23 smoke alarms in 大洼区 in 5 min": a smoke sensor trips every 10 s
    // in district 1, and 4 in district 2.
    AlarmBook book;
    std::vector<std::string> started;
    const auto keepTalking = [&](int64_t t) {
        for (const std::string &id : started)
            book.sensorReading(id, 5, t);
    };
    for (int i = 0; i < 24; ++i) {
        const int64_t t = kT0 + i * 10 * kSec;
        keepTalking(t);
        if (i < 23) {
            const std::string id = "SMK-1-" + std::to_string(i);
            book.sensorState(id, 1.5, 3, "smoke", 1, t);
            book.sensorReading(id, 5, t);
            started.push_back(id);
        }
        if (i < 4) {
            const std::string id = "SMK-2-" + std::to_string(i);
            book.sensorState(id, 1.5, 3, "smoke", 2, t);
            book.sensorReading(id, 5, t);
            started.push_back(id);
        }
        book.advance(t);
    }
    const int64_t now = kT0 + 240 * kSec;
    keepTalking(now);
    book.advance(now);
    QCOMPARE(book.activeCount(4), 27);

    auto f = book.floods(now);
    QCOMPARE(int(f.size()), 1);
    QCOMPARE(f[0].kind, AlarmKind::SensorAlarm);
    QCOMPARE(f[0].label, std::string("smoke"));
    QCOMPARE(f[0].district, 1);
    QCOMPARE(f[0].count, 23);
    QCOMPARE(f[0].since, kT0 + 10 * kSec);
    QCOMPARE(f[0].until, kT0 + 230 * kSec);
    int flooded = 0;
    for (const Alarm *a : book.active(4)) {
        QCOMPARE(book.isFlooded(*a), a->district == 1);
        flooded += book.isFlooded(*a) ? 1 : 0;
    }
    QCOMPARE(flooded, 23);

    // The window slides: the first raise is 5 min old at +310 s.
    QCOMPARE(book.floods(kT0 + 310 * kSec - 1).at(0).count, 23);
    QCOMPARE(book.floods(kT0 + 310 * kSec).at(0).count, 22);
    for (int64_t t = now + 10 * kSec; t <= kT0 + 490 * kSec; t += 10 * kSec) {
        keepTalking(t);
        book.advance(t);
        const auto expected = int((kT0 + 530 * kSec - t) / (10 * kSec)); // raises at 10..230 s younger than 5 min
        const auto fl = book.floods(t);
        if (expected >= 5) {
            QCOMPARE(int(fl.size()), 1);
            QCOMPARE(fl[0].count, std::min(23, int(expected)));
        } else {
            QVERIFY(fl.empty());
        }
    }
    QVERIFY(book.floods(kT0 + 490 * kSec).empty());
    QVERIFY(!book.isFlooded(*book.active(4).at(0)));
    QCOMPARE(book.activeCount(4), 27); // floods summarise, they do not clear anything
}

void Tst_alarms::takeChangesOncePerChange()
{
    AlarmBook book;
    QVERIFY(book.takeChanges().empty());
    book.caseOverdue("A", "x", 2, 0, kT0);
    book.caseOverdue("B", "x", 2, 0, kT0);
    const uint64_t a = book.active(2).at(1)->id;
    const uint64_t b = book.active(2).at(0)->id;
    QCOMPARE(book.takeChanges(), (std::vector<uint64_t>{a, b}));
    QVERIFY(book.takeChanges().empty());

    QVERIFY(book.acknowledge(a, kT0 + kSec));
    QCOMPARE(book.takeChanges(), std::vector<uint64_t>{a});
    book.caseSettled("A", kT0 + 2 * kSec);
    QCOMPARE(book.takeChanges(), std::vector<uint64_t>{a});

    // Raised, acknowledged and cleared within one frame: listed once.
    book.caseOverdue("C", "x", 2, 0, kT0 + 3 * kSec);
    const uint64_t c = book.active(2).at(0)->id;
    QVERIFY(book.acknowledge(c, kT0 + 3 * kSec));
    book.caseSettled("C", kT0 + 3 * kSec);
    book.caseSettled("B", kT0 + 3 * kSec);
    QCOMPARE(book.takeChanges(), (std::vector<uint64_t>{c, b}));
    QVERIFY(book.takeChanges().empty());
    book.advance(kT0 + 10 * kMin); // nothing due changes anything
    QVERIFY(book.takeChanges().empty());
}

void Tst_alarms::randomOperationsKeepCountsExact()
{
    AlarmConfig config;
    // Short times so the sequence walks through every transition many times.
    config.minDurationMs = 3000;
    config.sensorSilentMs = 20'000;
    config.cameraSilentMs = 30'000;
    config.cameraEventHoldMs = 15'000;
    config.floodWindowMs = 30'000;
    config.floodThreshold = 3;
    config.clearedKeepMs = 60'000;
    AlarmBook book(config);
    std::mt19937 rng(20240601);
    const auto pick = [&](int n) { return int(rng() % uint32_t(n)); };
    const char *types[] = {"fire_smoke", "intrusion", "crowd"};
    int64_t now = kT0;
    uint64_t maxId = 0;

    const auto check = [&]() {
        for (int s = 1; s <= kSeverityCount; ++s) {
            const auto lane = book.active(s);
            QCOMPARE(book.activeCount(s), int(lane.size()));
            int brute = 0;
            for (uint64_t id = 1; id <= maxId; ++id) {
                const Alarm *a = book.find(id);
                brute += a && a->severity == s && a->phase != AlarmPhase::Cleared ? 1 : 0;
            }
            QCOMPARE(book.activeCount(s), brute);
            for (size_t i = 0; i < lane.size(); ++i) {
                QVERIFY(lane[i]->phase != AlarmPhase::Cleared);
                QCOMPARE(lane[i]->severity, s);
                if (i > 0)
                    QVERIFY(lane[i - 1]->id > lane[i]->id); // newest first
            }
        }
        // No duplicates an operator would see twice.
        std::set<std::tuple<std::string, int, std::string>> seen;
        for (const Alarm *a : activeAll(book)) {
            const int kind = a->kind == AlarmKind::SensorAlarm ? int(AlarmKind::SensorWarn) : int(a->kind);
            const std::string what = a->kind == AlarmKind::CameraEvent ? a->label : std::string();
            QVERIFY(seen.insert({a->subject, kind, what}).second);
        }
    };

    for (int op = 0; op < 20000; ++op) {
        now += pick(1500);
        const int r = pick(100);
        if (r < 30) {
            const int i = pick(40);
            // Sensors 0..29 higher-is-worse around 20/50, 30..39 lower-is-worse around 19.5/18.
            const double v = i < 30 ? 10 + pick(500) / 10.0 : 17 + pick(40) / 10.0;
            book.sensorReading("S" + std::to_string(i), v, now);
        } else if (r < 35) {
            const int i = pick(40);
            if (i < 30)
                book.sensorState("S" + std::to_string(i), 20, 50, "smoke", pick(4), now);
            else
                book.sensorState("S" + std::to_string(i), 19.5, 18, "oxygen", pick(4), now);
        } else if (r < 40) {
            book.cameraHeard("CAM" + std::to_string(pick(15)), "dome", pick(4), now);
        } else if (r < 50) {
            book.cameraEvent("CAM" + std::to_string(pick(15)), types[pick(3)], 1 + pick(4), pick(4), now);
        } else if (r < 55) {
            book.caseOverdue("CASE" + std::to_string(pick(30)), "road", 1 + pick(4), pick(4), now);
        } else if (r < 60) {
            book.caseSettled("CASE" + std::to_string(pick(30)), now);
        } else if (r < 62) {
            const int which = pick(3);
            book.forget(which == 0 ? "S" + std::to_string(pick(40))
                                   : which == 1 ? "CAM" + std::to_string(pick(15)) : "CASE" + std::to_string(pick(30)));
        } else if (r < 72) {
            const uint64_t id = 1 + rng() % (maxId + 2);
            const Alarm *a = book.find(id);
            const bool expected = a && a->phase == AlarmPhase::Raised;
            QCOMPARE(book.acknowledge(id, now), expected);
        } else {
            book.advance(now);
        }

        const auto changes = book.takeChanges();
        std::set<uint64_t> once;
        for (uint64_t id : changes) {
            QVERIFY(once.insert(id).second);
            QVERIFY(book.find(id)); // kept for a minute, taken every operation
            maxId = std::max(maxId, id);
        }
        if (op % 500 == 499)
            check();
    }
    check();
    QVERIFY(maxId > 1000); // the sequence did raise plenty
}

// The rate an operator faces (gridwall_alarms_raised_10m): new alarms within
// the last ten minutes, per severity. A held camera alarm seen again is not
// a new one; a raise leaves the count ten minutes later.
void Tst_alarms::alarmRateOverTenMinutes()
{
    AlarmBook book;
    for (int i = 0; i < 12; ++i)
        book.cameraEvent("CAM-" + std::to_string(i), "intrusion", 3, 1, kT0 + i * kMin / 2);
    book.cameraEvent("CAM-0", "intrusion", 3, 1, kT0 + 6 * kMin); // the same alarm, held again
    book.cameraEvent("CAM-X", "crowd", 2, 1, kT0 + 6 * kMin);
    book.advance(kT0 + 6 * kMin);
    QCOMPARE(book.raisedWithin(3, kT0 + 6 * kMin), 12); // over 10 in 10 minutes: a flood for one operator
    QCOMPARE(book.raisedWithin(2, kT0 + 6 * kMin), 1);
    QCOMPARE(book.raisedWithin(4, kT0 + 6 * kMin), 0);
    // Ten minutes after the first raise it has left the window; the rest follow it out.
    book.advance(kT0 + 10 * kMin);
    QCOMPARE(book.raisedWithin(3, kT0 + 10 * kMin), 11);
    book.advance(kT0 + 17 * kMin);
    QCOMPARE(book.raisedWithin(3, kT0 + 17 * kMin), 0);
    QCOMPARE(book.raisedWithin(2, kT0 + 17 * kMin), 0);
}

// A flood of intrusion events in one district is shelved with a reason for an hour: its alarms stay
// active and counted but are on the shelf, new ones of the group join it, another district's and a
// critical one do not; when the hour is up they are back as they were.
void Tst_alarms::shelvingAFloodWithAReasonUntilATime()
{
    AlarmBook book;
    for (int i = 0; i < 8; ++i)
        book.cameraEvent("CAM-" + std::to_string(i), "intrusion", 2, 1, kT0 + i * kSec);
    book.cameraEvent("CAM-20", "intrusion", 2, 2, kT0 + 9 * kSec);  // another district
    book.cameraEvent("CAM-21", "intrusion", 4, 1, kT0 + 10 * kSec); // critical, same group
    book.advance(kT0 + 10 * kSec);
    const uint64_t first = activeOf(book, "CAM-0").front()->id;
    QVERIFY(book.acknowledge(first, kT0 + 11 * kSec));

    const uint64_t shelf = book.shelve(first, true, "planned_work", kT0 + 11 * kSec + 60 * kMin, kT0 + 11 * kSec);
    QVERIFY(shelf != 0);
    QCOMPARE(book.shelves().size(), size_t(1));
    QCOMPARE(book.shelves().front().reason, std::string("planned_work"));
    const auto shelved = [&] {
        int n = 0;
        for (int severity = 1; severity <= kSeverityCount; ++severity)
            for (const Alarm *a : book.active(severity))
                n += book.shelfOf(*a) != nullptr;
        [&] { QCOMPARE(book.shelvedCount(), n); }(); // the metric's count agrees with the alarms themselves
        return n;
    };
    QCOMPARE(shelved(), 8);
    QVERIFY(!book.shelfOf(*activeOf(book, "CAM-20").front())); // district 2
    QVERIFY(!book.shelfOf(*activeOf(book, "CAM-21").front())); // critical: never shelved
    QCOMPARE(book.activeCount(2), 9);                          // shelved alarms are still active

    // A new raise in the group while it is shelved joins the shelf; the same group shelved again
    // replaces the shelf's reason and time instead of stacking a second one.
    book.cameraEvent("CAM-9", "intrusion", 1, 1, kT0 + 5 * kMin);
    book.advance(kT0 + 5 * kMin);
    QCOMPARE(shelved(), 9);
    QCOMPARE(book.shelve(first, true, "cause_known", kT0 + 9 * kMin, kT0 + 5 * kMin), shelf);
    QCOMPARE(book.shelves().size(), size_t(1));
    QCOMPARE(book.shelves().front().reason, std::string("cause_known"));

    // One subject's alarms alone: CAM-20 in district 2.
    const uint64_t single = book.shelve(activeOf(book, "CAM-20").front()->id, false, "device_fault", kT0 + 8 * kMin, kT0 + 5 * kMin);
    QVERIFY(single != 0 && single != shelf);
    QCOMPARE(book.shelves().back().subject, std::string("CAM-20"));
    QCOMPARE(shelved(), 10);

    // Their time is up (before the 10-minute camera holds end): back in the lanes, still active,
    // their acknowledgement as it was.
    book.advance(kT0 + 8 * kMin);
    QCOMPARE(book.shelves().size(), size_t(1));
    QVERIFY(!book.shelfOf(*activeOf(book, "CAM-20").front()));
    book.advance(kT0 + 9 * kMin);
    QVERIFY(book.shelves().empty());
    QCOMPARE(shelved(), 0);
    QCOMPARE(activeOf(book, "CAM-9").front()->phase, AlarmPhase::Raised);
    QCOMPARE(book.find(first)->phase, AlarmPhase::Acknowledged);

    // Taken down before its time.
    const uint64_t again = book.shelve(first, true, "duplicate", kT0 + 90 * kMin, kT0 + 9 * kMin);
    QVERIFY(again != 0);
    QVERIFY(book.unshelve(again));
    QVERIFY(!book.unshelve(again));
    QCOMPARE(shelved(), 0);
}

void Tst_alarms::shelvingIsRefusedWhereItWouldHideTooMuch()
{
    AlarmBook book;
    book.cameraEvent("CAM-1", "fire_smoke", 4, 1, kT0);
    book.cameraEvent("CAM-2", "crowd", 2, 1, kT0);
    book.advance(kT0);
    const uint64_t critical = activeOf(book, "CAM-1").front()->id;
    const uint64_t minor = activeOf(book, "CAM-2").front()->id;
    QCOMPARE(book.shelve(critical, false, "planned_work", kT0 + kMin, kT0), uint64_t(0));                 // a critical subject
    QCOMPARE(book.shelve(minor, true, "", kT0 + kMin, kT0), uint64_t(0));                                  // no reason
    QCOMPARE(book.shelve(minor, true, "planned_work", kT0, kT0), uint64_t(0));                             // no time
    QCOMPARE(book.shelve(minor, true, "planned_work", kT0 + AlarmBook::kLongestShelfMs + 1, kT0), uint64_t(0)); // past a shift
    QCOMPARE(book.shelve(987654, true, "planned_work", kT0 + kMin, kT0), uint64_t(0));                     // unknown
    QVERIFY(book.shelves().empty());

    // Room for a bounded number of shelves, one per subject here.
    for (size_t i = 0; i < AlarmBook::kMostShelves + 3; ++i)
        book.cameraEvent("CAM-S" + std::to_string(i), "crowd", 2, 1, kT0 + kSec);
    book.advance(kT0 + kSec);
    size_t made = 0;
    for (size_t i = 0; i < AlarmBook::kMostShelves + 3; ++i)
        made += book.shelve(activeOf(book, "CAM-S" + std::to_string(i)).front()->id, false, "device_fault", kT0 + kMin, kT0 + kSec) != 0;
    QCOMPARE(made, AlarmBook::kMostShelves);

    // A cleared alarm cannot be shelved.
    book.advance(kT0 + 11 * kMin); // camera holds are 10 minutes
    QVERIFY(book.shelves().empty());
    QCOMPARE(book.shelve(minor, true, "planned_work", kT0 + 20 * kMin, kT0 + 11 * kMin), uint64_t(0));
}

QTEST_APPLESS_MAIN(Tst_alarms)
#include "tst_alarms.moc"

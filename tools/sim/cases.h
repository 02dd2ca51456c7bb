#pragma once
// Cases (事件) through their whole lifecycle on ROOT/case/ID/event:
// reported -> accepted -> dispatched -> handling -> resolved -> closed, with
// the side paths rejected, returned (and re-dispatched) and escalated, and
// some left to go overdue. Stage durations are in simulated time.

#include "world.h"

#include <QPointF>

#include <string>
#include <unordered_set>
#include <vector>

namespace gridwall::sim {

enum class CaseSource : uint8_t { App, Hotline, Patrol, Camera, Sensor, Other };
enum class CaseCategory : uint8_t {
    Dispute,           // 矛盾纠纷
    Petition,          // 信访
    Family,            // 婚姻家庭
    SafetyHazard,      // 安全隐患
    PublicOrder,       // 治安
    CityEnvironment,   // 市容环境
    PipeNetwork,       // 地下管网
    SpecialPopulation, // 特殊人群
    Epidemic,          // 疫情防控
};
inline constexpr int kCategoryCount = 9;

// A case filed by another actor (a camera's or a sensor's alarm).
struct CaseReport
{
    CaseSource source = CaseSource::Other;
    CaseCategory category = CaseCategory::SafetyHazard;
    int priority = 2;
    QPointF scene;
    int grid = -1;
    std::string title;
    bool fireRisk = false; // send a fire engine
};

class Cases
{
public:
    // Cases a day from app, hotline, patrol and other sources at --rate 1;
    // cameras and sensors add theirs (docs/simulator.md).
    static constexpr double kCasesPerDay = 650;

    explicit Cases(World &world) : m_world(world) {}

    // Case ids are <prefix>-<serial>; the prefix keeps the ids of two runs apart.
    void setIdPrefix(std::string prefix) { m_prefix = std::move(prefix); }
    void start(Ms now);
    void onArrival(Ms t);
    void onStep(int slot, uint32_t serial, Ms t);
    void report(const CaseReport &report, Ms t);

    // Warm start: while pre-rolling, remember the cases that end (closed or
    // rejected) at or after `since`; shownAtStart() then names them with the open ones.
    void keepEndedSince(Ms since) { m_keepEndedSince = since; }
    std::unordered_set<std::string> shownAtStart() const;

    int open() const { return int(m_slots.size() - m_free.size()); }
    uint64_t reported() const { return m_serial; }
    uint64_t closed() const { return m_closed; }

private:
    enum class Status : uint8_t {
        Reported,
        Accepted,
        Dispatched,
        Handling,
        Resolved,
        Closed,
        Rejected,
        Returned,
        Escalated
    };
    enum class Responder : uint8_t { None, Staff, Worker, Unit };
    struct Case
    {
        uint32_t serial = 0; // 0: free slot
        std::string id;
        std::string topic;
        int seq = 0;
        CaseSource source = CaseSource::Other;
        CaseCategory category = CaseCategory::Dispute;
        int priority = 3;
        QPointF scene;
        int grid = -1;
        bool gridKnown = true;
        bool fireRisk = false;
        std::string title;
        Ms reportedAt = 0, deadline = 0;
        // The plan, drawn when reported.
        bool reject = false, returnOnce = false, escalate = false, stall = false;
        double resolveFraction = 0.5; // of the deadline span; > 1: overdue
        // Progress.
        Status next = Status::Accepted;
        int dispatches = 0;
        int deptOption = -1;
        bool returned = false, escalated = false;
        Responder responder = Responder::None;
        int responderIndex = -1;
        std::string dept, assignee;
        Rng rng;
    };

    void open(const CaseReport &report, Ms t, Rng rng);
    void publishEvent(Case &c, Status status, const std::string &note = {}, int rating = 0);
    void scheduleNext(Case &c, Status next, Ms at);
    Ms dispatch(Case &c, Ms t); // returns when handling starts
    void releaseResponder(Case &c, Ms t);
    void freeSlot(Case &c);
    std::string deptName(const Case &c, int scope, const char *name) const;

    World &m_world;
    std::string m_prefix = "PJ";
    std::vector<Case> m_slots;
    std::vector<int> m_free;
    uint32_t m_serial = 0;
    uint64_t m_generic = 0;
    uint64_t m_closed = 0;
    Rng m_arrivals;
    Ms m_keepEndedSince = 0;
    std::unordered_set<std::string> m_endedKept; // topics
};

} // namespace gridwall::sim

// Applying decoded events to the live state on one thread: 1,000,000 events
// of a simulator-like mix in batches of 1,000, each batch with every roll-up,
// SLA timer and alarm it causes (the target: under 1 s on one core).
//
// The city is deterministic and lies on the real region tree and sites:
// 20,000 cameras, 2,000 sensors, 2,648 grid states, the 762 sites, 5,000
// workers and 71 units as retained states (a larger city than the
// simulator's defaults), plus three days of case history, make up the
// warm-up (timed on its own). The measured window is three
// simulated hours around an Asia/Shanghai midnight, so the daily reset runs
// inside it. Every repeat starts from a fresh state; copying the
// pre-generated events is not timed.
//
//   bench_state [REPEATS=5] [EVENTS=1000000]
//
// EVENTS scales the window (and the case rate) with it, so a smaller count
// keeps the same mix and rates, e.g. for valgrind --tool=callgrind.

#include "benchkit.h"
#include "feed/events.h"
#include "feed/feedstats.h"
#include "feed/ingestqueue.h"
#include "geo/regionloader.h"
#include "geo/regiontree.h"
#include "state/livestate.h"

#include <QFile>
#include <QGeoCoordinate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <numeric>
#include <queue>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace gridwall;
using bench::msBetween;
using bench::pinToCpu0;
using bench::Stats;
using bench::statsOf;
using feed::CaseStatus;
using feed::Event;
using feed::Feed;
using feed::GeoPoint;
using state::kHourMs;
using state::kMinuteMs;

namespace {

constexpr uint64_t kSeed = 2648;
constexpr size_t kDefaultEvents = 1'000'000;
constexpr size_t kBatchSize = 1000;
constexpr int kCameras = 20000;
constexpr int kSensors = 2000;
constexpr int kWorkers = 5000;
constexpr int64_t kSecondMs = 1000;
// A million events span three simulated hours; fewer events a shorter window.
constexpr int64_t kWindowPerMillionMs = 3 * kHourMs;
// Cases reported before the window, still moving through it: the wall keeps
// case history, so a running wall always holds such a backlog.
constexpr int kHistoryDays = 3;
constexpr double kHistoryCasesPerDay = 4000;
constexpr double kCaseShare = 0.12;
// 2024-11-26 (day 20053 since 1970-01-01): the window is centred on the
// Asia/Shanghai midnight that starts it.
constexpr int64_t kMidnightDay = 20053;

// The simulator's mix of everything that is not a case event (percent).
enum Stream { Workers, Readings, Units, CameraStates, CameraEvents, GridStates, StreamCount };
constexpr double kStreamShare[StreamCount] = {40, 30, 10, 5, 2, 1};

class Rng
{
public:
    explicit Rng(uint64_t seed) : m_gen(seed) {}
    double uniform(double lo = 0, double hi = 1) { return std::uniform_real_distribution<double>(lo, hi)(m_gen); }
    bool chance(double p) { return uniform() < p; }
    size_t below(size_t n) { return size_t(m_gen() % n); }
    int between(int lo, int hi) { return lo + int(below(size_t(hi - lo + 1))); }
    double exponential(double mean) { return std::exponential_distribution<double>(1.0 / mean)(m_gen); }
    double normal() { return std::normal_distribution<double>()(m_gen); }
    template<typename Range>
    size_t weighted(const Range &weights)
    {
        double sum = 0;
        for (double w : weights)
            sum += w;
        double u = uniform(0, sum);
        size_t i = 0;
        for (double w : weights) {
            if (u < w)
                return i;
            u -= w;
            ++i;
        }
        return i - 1;
    }
    template<typename T, size_t N>
    const T &pick(const T (&items)[N])
    {
        return items[below(N)];
    }

private:
    std::mt19937_64 m_gen;
};

int64_t minutes(Rng &r, double lo, double hi)
{
    return int64_t(r.uniform(lo, hi) * double(kMinuteMs));
}

// Payloads carry six decimals (docs/simulator.md).
double sixDecimals(double degrees)
{
    return std::round(degrees * 1e6) / 1e6;
}

std::string personName(Rng &r)
{
    static const char *surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
    static const char *given[] = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "军", "杰",
                                  "涛", "明", "超", "霞", "平", "刚", "丽", "强", "华", "红"};
    std::string name = r.pick(surnames);
    name += r.pick(given);
    if (r.chance(0.7))
        name += r.pick(given);
    return name;
}

std::string twoDigits(int n)
{
    return (n < 10 ? "0" : "") + std::to_string(n);
}

// ------------------------------------------------------------------ the city

struct Grid
{
    std::string code;
    std::string name;
    std::string community;
    std::string street;
    std::string district;
    QPointF label; // scene
    QRectF bounds; // scene
};

struct SensorModel
{
    feed::SensorState state;
    double baseline = 0;
    double noise = 0;
    double drift = 0;
    // An excursion towards `target`: rise, hover and fall, counted in readings (-1: none).
    int step = -1;
    int rise = 0, hover = 0, fall = 0;
    double target = 0;
};

struct WorkerModel
{
    int grid = 0;
    QPointF scene;
    feed::WorkerPosition last;
};

struct UnitModel
{
    QPointF home;
    QPointF scene;
    double roam = 0; // scene metres around home; 0 stands by
    feed::UnitPosition last;
};

class City
{
public:
    explicit City(const geo::RegionTree &tree) : m_tree(tree)
    {
        for (int index : tree.level(geo::Level::Grid)) {
            const geo::Region &g = tree.region(index);
            const geo::Region &community = tree.region(g.parent);
            const geo::Region &street = tree.region(community.parent);
            const geo::Region &district = tree.region(street.parent);
            grids.push_back({g.code.toStdString(), g.name.toStdString(), community.name.toStdString(),
                             street.name.toStdString(), district.name.toStdString(), g.labelPoint, g.bounds});
        }
    }

    GeoPoint geo(QPointF scene) const
    {
        const QGeoCoordinate c = m_tree.geoFromScene(scene);
        return {sixDecimals(c.longitude()), sixDecimals(c.latitude())};
    }
    // Around the grid's label point, within a fraction of its extent: almost always inside it.
    QPointF sceneNear(int grid, double spread, Rng &r) const
    {
        const Grid &g = grids[size_t(grid)];
        return {g.label.x() + r.uniform(-spread, spread) * g.bounds.width(),
                g.label.y() + r.uniform(-spread, spread) * g.bounds.height()};
    }
    GeoPoint near(int grid, double spread, Rng &r) const { return geo(sceneNear(grid, spread, r)); }
    QPointF scene(GeoPoint p) const { return m_tree.sceneFromGeo(p.lon, p.lat); }
    int anyGrid(Rng &r) const { return int(r.below(grids.size())); }

    std::vector<Grid> grids;

private:
    const geo::RegionTree &m_tree;
};

bool loadSites(const QString &path, int64_t ts, std::vector<feed::PoiState> &out, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = path + ": " + file.errorString();
        return false;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    for (const QJsonValue &value : doc.object().value(QLatin1String("features")).toArray()) {
        const QJsonObject feature = value.toObject();
        const QJsonObject props = feature.value(QLatin1String("properties")).toObject();
        const QJsonArray coordinates = feature.value(QLatin1String("geometry")).toObject().value(QLatin1String("coordinates")).toArray();
        feed::PoiState poi;
        poi.id = props.value(QLatin1String("id")).toString().toStdString();
        poi.ts = ts;
        const std::string kind = props.value(QLatin1String("kind")).toString().toStdString();
        for (size_t k = 0; k < feed::kPoiKindNames.size(); ++k)
            if (feed::kPoiKindNames[k] == kind)
                poi.kind = feed::PoiKind(k);
        poi.name = props.value(QLatin1String("name")).toString().toStdString();
        poi.position = {coordinates.at(0).toDouble(), coordinates.at(1).toDouble()};
        for (const QJsonValue &ring : props.value(QLatin1String("rings")).toArray())
            poi.rings.push_back({ring.toObject().value(QLatin1String("minutes")).toInt(),
                                 ring.toObject().value(QLatin1String("radius_m")).toInt()});
        out.push_back(std::move(poi));
    }
    if (out.empty()) {
        error = path + ": no sites";
        return false;
    }
    return true;
}

// ------------------------------------------------------------------ cases

constexpr int kCategoryCount = 9;
constexpr const char *kCategories[kCategoryCount] = {"dispute",      "petition",         "family",
                                                     "safety_hazard", "public_order",     "city_environment",
                                                     "pipe_network",  "special_population", "epidemic"};
constexpr double kCategoryWeight[kCategoryCount] = {14, 6, 6, 14, 10, 28, 9, 7, 6};
constexpr std::array<double, 4> kPriorityWeights[kCategoryCount] = {
    {{3, 20, 50, 27}}, {{2, 15, 45, 38}}, {{5, 20, 45, 30}}, {{12, 30, 40, 18}}, {{12, 35, 38, 15}},
    {{1, 12, 47, 40}}, {{6, 30, 44, 20}}, {{3, 17, 45, 35}}, {{5, 40, 40, 15}}};
constexpr const char *kTitleTails[kCategoryCount] = {"邻里噪音纠纷", "居民反映供暖温度不达标", "赡养老人纠纷",
                                                     "楼道堆放杂物堵塞消防通道", "夜间聚集饮酒滋事", "垃圾堆积未及时清运",
                                                     "下水井堵塞外溢", "独居老人定期走访", "发热人员排查登记"};
// Where a category goes: a department at district (1), street (2) or community (3) level.
struct Dept
{
    const char *name;
    int scope;
};
constexpr std::array<Dept, 2> kDepts[kCategoryCount] = {
    {{{"人民调解委员会", 3}, {"司法所", 2}}},          {{{"信访局", 1}, {"信访办", 2}}},
    {{{"妇女联合会", 1}, {"人民调解委员会", 3}}},      {{{"应急管理局", 1}, {"消防救援大队", 1}}},
    {{{"派出所", 2}, {"网格工作站", 3}}},              {{{"城市管理综合行政执法局", 1}, {"网格工作站", 3}}},
    {{{"住房和城乡建设局", 1}, {"盘锦水务集团", 0}}},  {{{"民政局", 1}, {"司法所", 2}}},
    {{{"卫生健康局", 1}, {"社区卫生服务中心", 2}}}};
constexpr int64_t kDeadline[4] = {2 * kHourMs, 24 * kHourMs, 48 * kHourMs, 72 * kHourMs};
constexpr double kSourceWeights[feed::kCaseSourceCount] = {0.40, 0.20, 0.28, 0.06, 0.03, 0.03};
constexpr const char *kRejectNotes[] = {"重复上报", "不属于受理范围", "信息不全无法核实"};
constexpr const char *kReturnNotes[] = {"非本部门职责，申请退回重新派单", "地址有误，申请退回"};
constexpr const char *kEscalateNotes[] = {"涉及多部门，提级联动处置", "超出街道处置权限，提级至区级"};
constexpr const char *kResolveNotes[] = {"已现场处置完毕", "已协调解决", "已调解达成一致", "已维修完成"};

struct Timed
{
    int64_t arrival = 0; // when the wall takes it off the queue
    Event event;
};

struct CaseTally
{
    size_t cases = 0;                               // reported in the simulation (history and window)
    std::array<size_t, feed::kCaseStatusCount> byStatus{}; // window events by status
    size_t duplicates = 0;                          // window events repeated by a redelivery
    size_t heldBack = 0;                            // window events delivered after the case's next one
};

// The simulator's lifecycle (tools/sim/cases.cpp) in simulated time:
// reported -> accepted -> dispatched -> handling -> resolved -> closed,
// ~5 % rejected, ~5 % returned once, ~3 % escalated, ~2 % stalled until
// overdue, ~7 % resolved after the deadline.
class CaseSim
{
public:
    CaseSim(const City &city, uint64_t seed) : m_city(city), m_rng(seed) {}

    // Every case event from `from` until `until`; arrivals per hour before and after `rateChange`.
    std::vector<std::pair<uint32_t, Timed>> run(int64_t from, int64_t rateChange, int64_t until, double historyPerHour,
                                                double windowPerHour)
    {
        std::vector<std::pair<uint32_t, Timed>> out;
        out.reserve(size_t(4.0 * (historyPerHour * double(rateChange - from) + windowPerHour * double(until - rateChange)) /
                           double(kHourMs)));
        using Step = std::pair<int64_t, uint32_t>;
        std::priority_queue<Step, std::vector<Step>, std::greater<Step>> agenda;
        const auto nextArrival = [&](int64_t t) {
            const double perHour = t < rateChange ? historyPerHour : windowPerHour;
            return t + std::max<int64_t>(1, int64_t(m_rng.exponential(double(kHourMs) / perHour)));
        };
        int64_t arrival = nextArrival(from);
        while (true) {
            const bool isArrival = agenda.empty() || arrival <= agenda.top().first;
            const int64_t t = isArrival ? arrival : agenda.top().first;
            if (t >= until)
                break;
            if (isArrival) {
                arrival = nextArrival(t);
                open(t, agenda, out);
            } else {
                const uint32_t index = agenda.top().second;
                agenda.pop();
                step(index, t, agenda, out);
            }
        }
        return out;
    }
    size_t cases() const { return m_cases.size(); }

private:
    struct Case
    {
        std::string id;
        int grid = 0;
        GeoPoint position;
        int category = 0;
        feed::CaseSource source = feed::CaseSource::App;
        int priority = 3;
        bool gridKnown = true;
        int64_t reportedAt = 0;
        int64_t deadline = 0;
        bool reject = false, returnOnce = false, escalate = false, stall = false;
        double resolveFraction = 0.5;
        CaseStatus next = CaseStatus::Accepted;
        int seq = 0;
        bool returned = false, escalated = false;
        std::string title, dept, assignee;
    };
    using Agenda = std::priority_queue<std::pair<int64_t, uint32_t>, std::vector<std::pair<int64_t, uint32_t>>,
                                       std::greater<std::pair<int64_t, uint32_t>>>;
    using Out = std::vector<std::pair<uint32_t, Timed>>;

    void open(int64_t t, Agenda &agenda, Out &out)
    {
        Case c;
        char number[16];
        std::snprintf(number, sizeof number, "%06u", unsigned(m_cases.size() + 1));
        c.id = std::string("PJ241122223000-") + number;
        c.source = feed::CaseSource(m_rng.weighted(kSourceWeights));
        c.category = int(m_rng.weighted(kCategoryWeight));
        c.priority = 1 + int(m_rng.weighted(kPriorityWeights[c.category]));
        c.grid = m_city.anyGrid(m_rng);
        c.position = m_city.near(c.grid, 0.2, m_rng);
        c.gridKnown = m_rng.chance(0.85);
        const Grid &g = m_city.grids[size_t(c.grid)];
        c.title = g.community + kTitleTails[c.category];
        c.reportedAt = t;
        c.deadline = t + kDeadline[c.priority - 1];
        const bool machine = c.source == feed::CaseSource::Camera || c.source == feed::CaseSource::Sensor;
        c.reject = m_rng.chance(machine ? 0.03 : 0.05);
        c.returnOnce = m_rng.chance(0.05);
        c.escalate = m_rng.chance(0.03);
        c.stall = m_rng.chance(0.02);
        c.resolveFraction = m_rng.chance(0.07) ? m_rng.uniform(1.05, 1.7) : m_rng.uniform(0.15, 0.8);
        m_cases.push_back(std::move(c));
        const uint32_t index = uint32_t(m_cases.size() - 1);
        Case &k = m_cases.back();
        publish(index, CaseStatus::Reported, t, out);
        int64_t accept = 0;
        switch (k.source) {
        case feed::CaseSource::App: accept = minutes(m_rng, 1, 8); break;
        case feed::CaseSource::Hotline: accept = minutes(m_rng, 3, 20); break;
        case feed::CaseSource::Other: accept = minutes(m_rng, 5, 30); break;
        default: accept = minutes(m_rng, 1, 5); break;
        }
        if (k.priority == 1)
            accept /= 2;
        if (k.reject)
            schedule(index, CaseStatus::Rejected, t + accept + minutes(m_rng, 5, 60), agenda);
        else
            schedule(index, CaseStatus::Accepted, t + accept, agenda);
    }

    void schedule(uint32_t index, CaseStatus next, int64_t at, Agenda &agenda)
    {
        m_cases[index].next = next;
        agenda.push({at, index});
    }

    void dispatch(Case &c)
    {
        const Grid &g = m_city.grids[size_t(c.grid)];
        if (c.escalated) {
            c.dept = g.district + "社会治理综合服务中心";
        } else {
            const Dept &d = kDepts[c.category][m_rng.below(2)];
            c.dept = (d.scope == 1 ? g.district : d.scope == 2 ? g.street : d.scope == 3 ? g.community : std::string()) + d.name;
        }
        c.assignee = personName(m_rng);
    }

    void step(uint32_t index, int64_t t, Agenda &agenda, Out &out)
    {
        Case &c = m_cases[index];
        const int64_t span = kDeadline[c.priority - 1];
        switch (c.next) {
        case CaseStatus::Rejected:
            publish(index, CaseStatus::Rejected, t, out, m_rng.pick(kRejectNotes));
            return;
        case CaseStatus::Accepted: {
            publish(index, CaseStatus::Accepted, t, out);
            const int64_t delay = c.priority == 1   ? minutes(m_rng, 2, 10)
                                  : c.priority == 2 ? minutes(m_rng, 10, 45)
                                  : c.priority == 3 ? minutes(m_rng, 20, 120)
                                                    : minutes(m_rng, 30, 240);
            schedule(index, CaseStatus::Dispatched, t + delay, agenda);
            return;
        }
        case CaseStatus::Dispatched: {
            dispatch(c);
            publish(index, CaseStatus::Dispatched, t, out);
            if (c.returnOnce && !c.returned) {
                schedule(index, CaseStatus::Returned, t + minutes(m_rng, 20, 180), agenda);
                return;
            }
            // A unit or a grid worker nearby goes at once; a department's staff take longer.
            const int64_t delay = m_rng.chance(0.5)   ? minutes(m_rng, 3, 30)
                                  : c.priority == 1   ? minutes(m_rng, 5, 20)
                                  : c.priority == 2   ? minutes(m_rng, 20, 90)
                                  : c.priority == 3   ? minutes(m_rng, 60, 360)
                                                      : minutes(m_rng, 120, 720);
            schedule(index, CaseStatus::Handling, t + delay, agenda);
            return;
        }
        case CaseStatus::Returned:
            c.returned = true;
            publish(index, CaseStatus::Returned, t, out, m_rng.pick(kReturnNotes));
            schedule(index, CaseStatus::Dispatched, t + minutes(m_rng, 10, 60), agenda);
            return;
        case CaseStatus::Handling: {
            publish(index, CaseStatus::Handling, t, out);
            if (c.escalate && !c.escalated) {
                schedule(index, CaseStatus::Escalated, t + std::min<int64_t>(4 * kHourMs, minutes(m_rng, 20, 60) + span / 6),
                         agenda);
                return;
            }
            if (c.stall)
                return; // waits on something outside the city's hands: goes overdue
            const int64_t target = c.reportedAt + int64_t(c.resolveFraction * double(span));
            schedule(index, CaseStatus::Resolved, std::max(t + minutes(m_rng, 10, 180), target), agenda);
            return;
        }
        case CaseStatus::Escalated:
            c.escalated = true;
            dispatch(c);
            publish(index, CaseStatus::Escalated, t, out, m_rng.pick(kEscalateNotes));
            schedule(index, CaseStatus::Dispatched, t + minutes(m_rng, 10, 40), agenda);
            return;
        case CaseStatus::Resolved: {
            publish(index, CaseStatus::Resolved, t, out, m_rng.chance(0.6) ? m_rng.pick(kResolveNotes) : "");
            const int64_t close = c.source == feed::CaseSource::App       ? minutes(m_rng, 30, 720)
                                  : c.source == feed::CaseSource::Hotline ? minutes(m_rng, 60, 1440)
                                                                          : minutes(m_rng, 10, 60);
            schedule(index, CaseStatus::Closed, t + close, agenda);
            return;
        }
        case CaseStatus::Closed: {
            const bool rates = c.source == feed::CaseSource::App || c.source == feed::CaseSource::Hotline;
            const int rating = rates && m_rng.chance(0.9) ? (t > c.deadline ? m_rng.between(1, 4) : m_rng.between(3, 5)) : 0;
            publish(index, CaseStatus::Closed, t, out, "", rating);
            return;
        }
        case CaseStatus::Reported:
            return;
        }
    }

    // The event as the decoder hands it over: only what the payload carries.
    void publish(uint32_t index, CaseStatus status, int64_t t, Out &out, const char *note = "", int rating = 0)
    {
        Case &c = m_cases[index];
        feed::CaseEvent e;
        e.id = c.id;
        e.ts = t;
        e.seq = ++c.seq;
        e.status = status;
        switch (status) {
        case CaseStatus::Reported:
            e.category = kCategories[c.category];
            e.source = c.source;
            e.priority = c.priority;
            e.position = c.position;
            e.deadline = c.deadline;
            e.title = c.title;
            if (c.gridKnown)
                e.grid = m_city.grids[size_t(c.grid)].code;
            break;
        case CaseStatus::Dispatched:
        case CaseStatus::Handling:
        case CaseStatus::Escalated:
            e.dept = c.dept;
            e.assignee = c.assignee;
            break;
        case CaseStatus::Returned:
            e.dept = c.dept;
            break;
        default:
            break;
        }
        e.note = note;
        e.rating = rating;
        const int64_t arrival = t + int64_t(m_rng.uniform(20, 400));
        out.push_back({index, Timed{arrival, Event(std::move(e))}});
    }

    const City &m_city;
    Rng m_rng;
    std::vector<Case> m_cases;
};

// ------------------------------------------------------------------ the workload

struct TimedBatch
{
    feed::Batch batch;
    int64_t now = 0; // the wall clock when the batch is taken
};

struct Workload
{
    std::vector<TimedBatch> warmup;
    std::vector<TimedBatch> window;
    size_t warmupEvents = 0;
    size_t windowEvents = 0;
    int64_t start = 0;
    int64_t end = 0;
    std::array<size_t, feed::kFeedCount> byFeed{};
    CaseTally cases;
    size_t historyCaseEvents = 0;
    size_t cameras = 0, camerasOnline = 0, sensors = 0, grids = 0, sites = 0, sitesWithRings = 0, workers = 0, units = 0;
    size_t readingsOverWarn = 0, readingsOverAlarm = 0;
};

// As IngestQueue::take() hands them over: positions and readings apart from the rest, each in arrival order.
void addToBatch(feed::Batch &batch, Event &&event)
{
    if (feed::isCoalescable(feed::feedOf(event)))
        batch.positions.push_back(std::move(event));
    else
        batch.events.push_back(std::move(event));
}

std::vector<uint32_t> byArrival(const std::vector<Timed> &timed)
{
    std::vector<uint32_t> order(timed.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return timed[a].arrival < timed[b].arrival; });
    return order;
}

bool buildWorkload(const geo::RegionTree &tree, size_t events, Workload &w, QString &error)
{
    const City city(tree);
    Rng rng(kSeed);
    const int64_t windowMs = std::max<int64_t>(kMinuteMs, int64_t(double(kWindowPerMillionMs) * double(events) / 1e6));
    w.start = state::shanghaiMidnight(kMidnightDay) - windowMs / 2;
    w.end = w.start + windowMs;
    const int64_t historyStart = w.start - kHistoryDays * state::kDayMs;
    const int64_t retainedAt = w.start - kMinuteMs; // the wall (re)connects a minute before the window

    // --- retained states and the case history: the warm-up
    std::vector<Timed> warm;
    warm.reserve(100000);
    std::vector<feed::PoiState> sites;
    if (!loadSites(QStringLiteral(GRIDWALL_SITES), historyStart - kSecondMs, sites, error))
        return false;
    w.sites = sites.size();
    std::vector<std::pair<std::string, GeoPoint>> policeStations;
    for (feed::PoiState &poi : sites) {
        if (poi.kind == feed::PoiKind::PoliceStation)
            policeStations.emplace_back(poi.id, poi.position);
        w.sitesWithRings += poi.rings.empty() ? 0 : 1;
        warm.push_back({historyStart - kSecondMs, Event(std::move(poi))});
    }
    sites.clear();

    std::vector<feed::GridState> grids;
    for (const Grid &g : city.grids) {
        // At night a few of a grid's workers are out (docs/simulator.md: ~440 of 9,321 after 21:00, more here).
        const int total = rng.between(2, 6);
        int onDuty = 0;
        for (int i = 0; i < total; ++i)
            onDuty += rng.chance(0.3) ? 1 : 0;
        grids.push_back({g.code, historyStart - kSecondMs, onDuty, total});
        warm.push_back({historyStart - kSecondMs, Event(grids.back())});
    }
    w.grids = grids.size();

    std::vector<int> camerasPerGrid(city.grids.size(), 0);
    std::vector<feed::CameraState> cameras;
    for (int i = 0; i < kCameras; ++i) {
        const int grid = city.anyGrid(rng);
        const Grid &g = city.grids[size_t(grid)];
        const int n = ++camerasPerGrid[size_t(grid)];
        feed::CameraState c;
        c.id = "cam-" + g.code + "-" + twoDigits(n);
        c.ts = retainedAt;
        c.online = rng.chance(0.97);
        c.name = g.name + "监控点" + std::to_string(n);
        c.position = city.near(grid, 0.25, rng);
        c.kind = rng.chance(0.1) ? "anpr" : rng.chance(0.55) ? "dome" : "bullet";
        w.camerasOnline += c.online ? 1 : 0;
        cameras.push_back(c);
        warm.push_back({retainedAt, Event(std::move(c))});
    }
    w.cameras = cameras.size();

    struct SensorKindInfo
    {
        feed::SensorKind kind;
        const char *unit;
        double lo, hi; // baseline range
        double warn, alarm, noise;
        double weight;
    };
    // The simulator's sensor kinds and thresholds (tools/sim/sensors.cpp).
    static const SensorKindInfo kSensorKinds[] = {
        {feed::SensorKind::Gas, "%LEL", 0.5, 3, 25, 50, 0.6, 18},
        {feed::SensorKind::Gas, "ppm", 1, 6, 35, 100, 1.2, 5},
        {feed::SensorKind::Smoke, "%/m", 0.05, 0.25, 1.5, 3, 0.04, 38},
        {feed::SensorKind::Temperature, "°C", 16, 26, 45, 60, 0.3, 17},
        {feed::SensorKind::Temperature, "°C", -20, -18, -15, -10, 0.3, 4},
        {feed::SensorKind::Temperature, "°C", 4, 5.5, 8, 10, 0.15, 2},
        {feed::SensorKind::WaterLevel, "m", 0.0, 0.0, 0.15, 0.27, 0.005, 3},
        {feed::SensorKind::WaterLevel, "m", 0.1, 0.3, 0.5, 1.0, 0.02, 5},
        {feed::SensorKind::Vibration, "mm/s", 1, 3, 10, 20, 0.6, 5},
    };
    static const char *kSectors[] = {"crowded_place", "public_transport", "fireworks", "food_drug", "logistics", "school", "construction"};
    static const char *kSiteSuffixes[] = {"商场", "客运站", "烟花爆竹零售点", "冷链仓库", "快递分拨中心", "小学", "建筑工地"};
    std::vector<double> kindWeights;
    for (const SensorKindInfo &k : kSensorKinds)
        kindWeights.push_back(k.weight);
    std::vector<int> sensorsPerGrid(city.grids.size(), 0);
    std::vector<SensorModel> sensors;
    for (int i = 0; i < kSensors; ++i) {
        const int grid = city.anyGrid(rng);
        const Grid &g = city.grids[size_t(grid)];
        const SensorKindInfo &k = kSensorKinds[rng.weighted(kindWeights)];
        const size_t sector = rng.below(std::size(kSectors));
        SensorModel s;
        s.state.id = "sen-" + g.code + "-" + std::to_string(++sensorsPerGrid[size_t(grid)]);
        s.state.ts = retainedAt;
        s.state.kind = k.kind;
        s.state.unit = k.unit;
        s.state.position = city.near(grid, 0.25, rng);
        s.state.warn = k.warn;
        s.state.alarm = k.alarm;
        s.state.site = g.community + kSiteSuffixes[sector];
        s.state.sector = kSectors[sector];
        s.baseline = rng.uniform(k.lo, k.hi + 1e-9);
        s.noise = k.noise;
        warm.push_back({retainedAt, Event(s.state)});
        sensors.push_back(std::move(s));
    }
    w.sensors = sensors.size();

    static const feed::WorkerStatus kStatuses[] = {feed::WorkerStatus::Patrol, feed::WorkerStatus::Handling,
                                                   feed::WorkerStatus::Idle, feed::WorkerStatus::OffDuty};
    static const std::array<double, 4> kStatusWeights = {75, 10, 12, 3};
    std::vector<int> workersPerGrid(city.grids.size(), 0);
    std::vector<WorkerModel> workers;
    for (int i = 0; i < kWorkers; ++i) {
        WorkerModel m;
        m.grid = city.anyGrid(rng);
        m.scene = city.sceneNear(m.grid, 0.2, rng);
        m.last.id = "w-" + city.grids[size_t(m.grid)].code + "-" + std::to_string(++workersPerGrid[size_t(m.grid)]);
        m.last.ts = retainedAt;
        m.last.position = city.geo(m.scene);
        m.last.status = kStatuses[rng.weighted(kStatusWeights)];
        m.last.name = personName(rng);
        warm.push_back({retainedAt, Event(m.last)});
        workers.push_back(std::move(m));
    }
    w.workers = workers.size();

    std::vector<UnitModel> units;
    const auto addUnit = [&](feed::UnitKind kind, std::string id, QPointF home, double roam, const char *status) {
        UnitModel u;
        u.home = u.scene = home;
        u.roam = roam;
        u.last.id = std::move(id);
        u.last.ts = retainedAt;
        u.last.position = city.geo(home);
        u.last.kind = kind;
        u.last.status = status;
        warm.push_back({retainedAt, Event(u.last)});
        units.push_back(std::move(u));
    };
    // As the simulator: a car per police station, a second at half of them; 8 fire engines, 10 ambulances, 12 teams.
    for (const auto &[id, position] : policeStations) {
        const int cars = rng.chance(0.5) ? 2 : 1;
        for (int n = 1; n <= cars; ++n)
            addUnit(feed::UnitKind::Police, id + "-car" + std::to_string(n), city.scene(position), 2500, "patrol");
    }
    for (int n = 1; n <= 8; ++n)
        addUnit(feed::UnitKind::Fire, "fire-" + twoDigits(n), city.grids[size_t(city.anyGrid(rng))].label, 0, "standby");
    for (int n = 1; n <= 10; ++n)
        addUnit(feed::UnitKind::Ambulance, "amb-" + twoDigits(n), city.grids[size_t(city.anyGrid(rng))].label, 0, "standby");
    for (int n = 1; n <= 12; ++n)
        addUnit(feed::UnitKind::Enforcement, "enf-" + twoDigits(n), city.grids[size_t(city.anyGrid(rng))].label, 0, "standby");
    w.units = units.size();

    // --- cases: history and window from one simulation, its window rate tuned to the share of case events
    const double targetCaseEvents = kCaseShare * double(events);
    double windowPerHour = targetCaseEvents / 3.5 / (double(windowMs) / double(kHourMs)); // ~3.5 events per new case
    std::vector<std::pair<uint32_t, Timed>> caseEvents;
    size_t caseCount = 0;
    for (int attempt = 0; attempt < 4; ++attempt) {
        CaseSim sim(city, kSeed + 1);
        caseEvents = sim.run(historyStart, w.start, w.end, kHistoryCasesPerDay / 24.0, windowPerHour);
        caseCount = sim.cases();
        // Out-of-order and duplicate deliveries are added below; count the window as it will be.
        size_t inWindow = 0;
        for (const auto &[index, t] : caseEvents)
            inWindow += t.arrival >= w.start ? 1 : 0;
        const double expected = double(inWindow) * 1.02;
        if (std::abs(expected - targetCaseEvents) < 0.002 * targetCaseEvents)
            break;
        windowPerHour *= targetCaseEvents / expected;
    }
    w.cases.cases = caseCount;

    // Delivery faults: ~1 % held back behind the case's next event (stale on arrival, or a late
    // report), ~2 % delivered twice (a QoS 1 redelivery after a reconnection).
    {
        std::vector<std::vector<uint32_t>> perCase(caseCount);
        for (uint32_t i = 0; i < caseEvents.size(); ++i)
            perCase[caseEvents[i].first].push_back(i);
        for (const std::vector<uint32_t> &list : perCase) {
            for (size_t k = 0; k + 1 < list.size(); ++k) {
                Timed &cur = caseEvents[list[k]].second;
                const Timed &next = caseEvents[list[k + 1]].second;
                if (next.arrival - cur.arrival < 15 * kMinuteMs && rng.chance(0.012)) {
                    cur.arrival = next.arrival + int64_t(rng.uniform(200, 5000));
                    w.cases.heldBack += cur.arrival >= w.start ? 1 : 0;
                }
            }
        }
        const size_t original = caseEvents.size();
        for (size_t i = 0; i < original; ++i) {
            if (!rng.chance(0.02))
                continue;
            Timed copy{caseEvents[i].second.arrival + int64_t(rng.uniform(500, 20000)), caseEvents[i].second.event};
            w.cases.duplicates += copy.arrival >= w.start && copy.arrival < w.end ? 1 : 0;
            caseEvents.push_back({caseEvents[i].first, std::move(copy)});
        }
    }
    std::vector<Timed> window;
    window.reserve(events);
    for (auto &[index, t] : caseEvents) {
        if (t.arrival < w.start) {
            ++w.historyCaseEvents;
            warm.push_back(std::move(t));
        } else if (t.arrival < w.end) {
            ++w.cases.byStatus[size_t(std::get<feed::CaseEvent>(t.event).status)];
            window.push_back(std::move(t));
        }
    }
    caseEvents.clear();
    if (window.size() >= events) {
        error = QStringLiteral("case simulation overshot the event count");
        return false;
    }

    // --- the rest of the window: telemetry at fixed periods, the rest at random times
    std::array<size_t, StreamCount> counts{};
    {
        const size_t rest = events - window.size();
        size_t given = 0;
        double shareSum = 0;
        for (double s : kStreamShare)
            shareSum += s;
        for (int s = 0; s < StreamCount - 1; ++s)
            given += counts[size_t(s)] = size_t(std::llround(double(rest) * kStreamShare[s] / shareSum));
        counts[GridStates] = rest - given;
    }
    // The k-th of `count` evenly spaced arrivals; producer time trails a little.
    const auto periodic = [&](size_t k, size_t count) {
        return w.start + int64_t((double(k) + 0.5) * double(windowMs) / double(count));
    };
    const auto randomTimes = [&](size_t count) {
        std::vector<int64_t> times(count);
        for (int64_t &t : times)
            t = w.start + int64_t(rng.uniform(0, double(windowMs)));
        std::sort(times.begin(), times.end());
        return times;
    };
    const auto latency = [&] { return int64_t(rng.uniform(20, 800)); };

    // Each worker reports in turn, walking inside the own grid.
    std::vector<size_t> workerOrder(workers.size());
    std::iota(workerOrder.begin(), workerOrder.end(), size_t(0));
    std::shuffle(workerOrder.begin(), workerOrder.end(), std::mt19937_64(kSeed + 2));
    for (size_t k = 0; k < counts[Workers]; ++k) {
        WorkerModel &m = workers[workerOrder[k % workers.size()]];
        const Grid &g = city.grids[size_t(m.grid)];
        m.scene += QPointF(rng.uniform(-60, 60), rng.uniform(-60, 60));
        if (!g.bounds.contains(m.scene))
            m.scene = city.sceneNear(m.grid, 0.2, rng);
        if (rng.chance(0.03))
            m.last.status = kStatuses[rng.weighted(kStatusWeights)];
        const int64_t arrival = periodic(k, counts[Workers]);
        m.last.ts = arrival - latency();
        m.last.position = city.geo(m.scene);
        window.push_back({arrival, Event(m.last)});
    }

    // Each sensor reads in turn: noise around a baseline, now and then an excursion
    // towards (a quarter), around and over (two thirds) the warning line or over the alarm line (8 %).
    std::vector<size_t> sensorOrder(sensors.size());
    std::iota(sensorOrder.begin(), sensorOrder.end(), size_t(0));
    std::shuffle(sensorOrder.begin(), sensorOrder.end(), std::mt19937_64(kSeed + 3));
    for (size_t k = 0; k < counts[Readings]; ++k) {
        SensorModel &s = sensors[sensorOrder[k % sensors.size()]];
        const double gap = s.state.alarm - s.state.warn;
        s.drift = 0.8 * s.drift + 0.6 * rng.normal();
        double value = s.baseline + s.noise * s.drift;
        if (s.step < 0 && rng.chance(0.004)) {
            const double u = rng.uniform();
            s.target = u < 0.25   ? s.state.warn - gap * rng.uniform(0.05, 0.3)
                       : u < 0.92 ? s.state.warn + gap * rng.uniform(-0.05, 0.6)
                                  : s.state.alarm + gap * rng.uniform(0.05, 0.5);
            s.step = 0;
            s.rise = rng.between(1, 3);
            s.hover = rng.between(2, 20);
            s.fall = rng.between(1, 4);
        }
        if (s.step >= 0) {
            double f = 1;
            if (s.step < s.rise)
                f = double(s.step + 1) / double(s.rise + 1);
            else if (s.step >= s.rise + s.hover)
                f = 1 - double(s.step - s.rise - s.hover + 1) / double(s.fall + 1);
            value += f * (s.target - s.baseline + gap * 0.06 * rng.normal());
            if (++s.step >= s.rise + s.hover + s.fall)
                s.step = -1;
        }
        if (s.state.kind != feed::SensorKind::Temperature)
            value = std::max(0.0, value);
        value = std::round(value * 1000) / 1000;
        w.readingsOverWarn += value >= s.state.warn ? 1 : 0;
        w.readingsOverAlarm += value >= s.state.alarm ? 1 : 0;
        const int64_t arrival = periodic(k, counts[Readings]);
        window.push_back({arrival, Event(feed::SensorReading{s.state.id, arrival - latency(), value})});
    }

    // Each unit reports in turn: patrols roam around their base, the others stand by.
    for (size_t k = 0; k < counts[Units]; ++k) {
        UnitModel &u = units[k % units.size()];
        if (u.roam > 0) {
            u.scene += QPointF(rng.uniform(-80, 80), rng.uniform(-80, 80));
            const QPointF d = u.scene - u.home;
            if (std::abs(d.x()) > u.roam || std::abs(d.y()) > u.roam)
                u.scene = u.home;
        }
        const int64_t arrival = periodic(k, counts[Units]);
        u.last.ts = arrival - latency();
        u.last.position = city.geo(u.scene);
        window.push_back({arrival, Event(u.last)});
    }

    // Camera states: most changes come from a few hundred flapping cameras (up and down every few
    // minutes); the rest are failures and repairs in equal numbers, so ~3 % stay offline. 5 % of
    // the mix cannot re-announce 20,000 cameras within the camera_silent timeout, so the cameras
    // that do not change go silent five minutes after the retained states, all in one batch.
    {
        std::vector<size_t> flapping;
        for (size_t i = 0; i < 500; ++i)
            flapping.push_back(rng.below(cameras.size()));
        for (int64_t arrival : randomTimes(counts[CameraStates])) {
            size_t index = flapping[rng.below(flapping.size())];
            if (rng.chance(0.1)) {
                const bool repair = rng.chance(0.5);
                for (int attempt = 0; attempt < 100; ++attempt) {
                    index = rng.below(cameras.size());
                    if (cameras[index].online != repair)
                        break;
                }
            }
            feed::CameraState &c = cameras[index];
            c.online = !c.online;
            c.ts = arrival - latency();
            window.push_back({arrival, Event(c)});
        }
    }

    // Camera events at night: intrusion and loitering lead (the simulator's hourly profiles around midnight).
    {
        static const std::array<double, 6> kNightTypes = {0.06, 0.36, 0.0004, 0.09, 0.20, 0.044};
        for (int64_t arrival : randomTimes(counts[CameraEvents])) {
            const feed::CameraState &c = cameras[rng.below(cameras.size())];
            const auto type = feed::CameraEventType(rng.weighted(kNightTypes));
            const double u = rng.uniform();
            int severity = 1;
            switch (type) {
            case feed::CameraEventType::Crowd: severity = u < 0.75 ? 1 : u < 0.97 ? 2 : 3; break;
            case feed::CameraEventType::Intrusion: severity = u < 0.45 ? 2 : u < 0.93 ? 3 : 4; break;
            case feed::CameraEventType::FireSmoke: severity = u < 0.3 ? 3 : 4; break;
            case feed::CameraEventType::Vehicle: severity = u < 0.7 ? 1 : u < 0.95 ? 2 : 3; break;
            case feed::CameraEventType::Loitering: severity = u < 0.6 ? 1 : u < 0.95 ? 2 : 3; break;
            case feed::CameraEventType::Other: severity = u < 0.9 ? 1 : 2; break;
            }
            window.push_back({arrival, Event(feed::CameraEvent{c.id, arrival - latency(), type, severity, {}})});
        }
    }

    // Grid states: a worker comes on or goes off duty.
    for (int64_t arrival : randomTimes(counts[GridStates])) {
        feed::GridState &g = grids[rng.below(grids.size())];
        g.workersOnDuty = std::clamp(g.workersOnDuty + (rng.chance(0.5) ? 1 : -1), 0, g.workersTotal);
        g.ts = arrival - latency();
        window.push_back({arrival, Event(g)});
    }

    // --- batches
    {
        // The warm-up as a running wall takes it: a batch per frame, so rarely more than one history event.
        const std::vector<uint32_t> order = byArrival(warm);
        TimedBatch current;
        int64_t frameStart = 0;
        for (uint32_t i : order) {
            Timed &t = warm[i];
            if (!current.batch.empty() && (current.batch.size() >= kBatchSize || t.arrival > frameStart + 16)) {
                w.warmup.push_back(std::move(current));
                current = {};
            }
            if (current.batch.empty())
                frameStart = t.arrival;
            current.now = t.arrival;
            addToBatch(current.batch, std::move(t.event));
            ++w.warmupEvents;
        }
        if (!current.batch.empty())
            w.warmup.push_back(std::move(current));
    }
    {
        const std::vector<uint32_t> order = byArrival(window);
        for (size_t at = 0; at < order.size(); at += kBatchSize) {
            TimedBatch b;
            const size_t stop = std::min(order.size(), at + kBatchSize);
            for (size_t k = at; k < stop; ++k) {
                Timed &t = window[order[k]];
                ++w.byFeed[size_t(feed::feedOf(t.event))];
                addToBatch(b.batch, std::move(t.event));
                b.now = t.arrival;
            }
            w.windowEvents += b.batch.size();
            w.window.push_back(std::move(b));
        }
    }
    return true;
}

// ------------------------------------------------------------------ measuring

struct Figures
{
    size_t cases = 0;
    int open = 0, overdue = 0, dueSoon = 0, newToday = 0, closedToday = 0, openLocated = 0, openOutsideFive = 0;
    int64_t medianHandlingMs = 0, load = 0;
    int cameras = 0, camerasOnline = 0, sensors = 0, sensorsWarn = 0, sensorsAlarm = 0, workersOnDuty = 0, workersTotal = 0;
    int flagged = 0;
    std::array<int, state::kSeverityCount> activeBySeverity{};
    std::array<int, state::kAlarmKindCount> activeByKind{};
    size_t alarmsListed = 0;
    size_t applied = 0, rejected = 0;
    uint64_t duplicateSeq = 0, staleSeq = 0, illegal = 0;

    uint64_t checksum() const
    {
        uint64_t h = 1469598103934665603ull;
        const auto mix = [&h](int64_t v) {
            for (int i = 0; i < 8; ++i) {
                h ^= uint64_t(v >> (8 * i)) & 0xff;
                h *= 1099511628211ull;
            }
        };
        for (int64_t v : {int64_t(cases), int64_t(open), int64_t(overdue), int64_t(dueSoon), int64_t(newToday),
                          int64_t(closedToday), int64_t(openLocated), int64_t(openOutsideFive), medianHandlingMs, load,
                          int64_t(cameras), int64_t(camerasOnline), int64_t(sensors), int64_t(sensorsWarn),
                          int64_t(sensorsAlarm), int64_t(workersOnDuty), int64_t(workersTotal), int64_t(flagged),
                          int64_t(alarmsListed), int64_t(applied), int64_t(rejected), int64_t(duplicateSeq),
                          int64_t(staleSeq), int64_t(illegal)})
            mix(v);
        for (int v : activeBySeverity)
            mix(v);
        for (int v : activeByKind)
            mix(v);
        return h;
    }
};

Figures figuresOf(const state::LiveState &s, const feed::FeedStats &stats, size_t applied, size_t rejected)
{
    Figures f;
    const state::RegionFigures &city = s.rollups().city();
    f.cases = s.cases().size();
    f.open = city.open;
    f.overdue = city.overdue;
    f.dueSoon = city.dueSoon;
    f.newToday = city.newToday;
    f.closedToday = city.closedToday;
    f.openLocated = city.openLocated;
    f.openOutsideFive = city.openOutsideFive;
    f.medianHandlingMs = city.medianHandlingMs();
    f.load = city.load;
    f.cameras = city.cameras;
    f.camerasOnline = city.camerasOnline;
    f.sensors = city.sensors;
    f.sensorsWarn = city.sensorsWarn;
    f.sensorsAlarm = city.sensorsAlarm;
    f.workersOnDuty = city.workersOnDuty;
    f.workersTotal = city.workersTotal;
    f.flagged = s.flaggedCases();
    for (int severity = 1; severity <= state::kSeverityCount; ++severity) {
        f.activeBySeverity[size_t(severity - 1)] = s.alarms().activeCount(severity);
        for (const state::Alarm *a : s.alarms().active(severity))
            ++f.activeByKind[size_t(a->kind)];
    }
    f.alarmsListed = s.alarms().listed();
    f.applied = applied;
    f.rejected = rejected;
    f.duplicateSeq = stats.rejected[size_t(feed::Reject::DuplicateSeq)].load();
    f.staleSeq = stats.rejected[size_t(feed::Reject::StaleSeq)].load();
    f.illegal = stats.rejected[size_t(feed::Reject::IllegalTransition)].load();
    return f;
}

struct Run
{
    double warmupMs = 0;
    double applyMs = 0;
    std::vector<double> batchMs;
    Figures figures;
};

struct Counts
{
    size_t applied = 0;
    size_t rejected = 0;
    void add(const state::LiveState::Applied &a)
    {
        applied += a.applied;
        rejected += a.rejected;
    }
};

// The three phases are kept out of line so that a profiler can single out
// the timed one (valgrind --tool=callgrind --toggle-collect='*applyWindow*').
[[gnu::noinline]] double warmUp(state::LiveState &live, std::vector<TimedBatch> &batches)
{
    const auto start = std::chrono::steady_clock::now();
    for (TimedBatch &b : batches)
        live.apply(std::move(b.batch), b.now);
    return msBetween(start, std::chrono::steady_clock::now());
}

[[gnu::noinline]] double applyWindow(state::LiveState &live, std::vector<TimedBatch> &batches, std::vector<double> &batchMs,
                                     Counts &counts)
{
    auto last = std::chrono::steady_clock::now();
    const auto start = last;
    for (TimedBatch &b : batches) {
        // Owned here and dropped after the apply, as the frame that took it from the queue does.
        feed::Batch batch = std::move(b.batch);
        counts.add(live.apply(std::move(batch), b.now));
        const auto t = std::chrono::steady_clock::now();
        batchMs.push_back(msBetween(last, t));
        last = t;
    }
    return msBetween(start, last);
}

// Every batch split by feed, each part applied and timed on its own. The
// clock moves first, on its own (tick), so that the timers coming due (SLA,
// silence, holds, promotions) are not charged to whichever part runs first.
[[gnu::noinline]] void applyWindowByKind(state::LiveState &live, std::vector<TimedBatch> &batches,
                                         std::array<double, feed::kFeedCount> &perFeed, double &timersMs, Counts &counts)
{
    for (TimedBatch &b : batches) {
        const auto tickStart = std::chrono::steady_clock::now();
        live.tick(b.now);
        timersMs += msBetween(tickStart, std::chrono::steady_clock::now());
        std::array<feed::Batch, feed::kFeedCount> parts;
        for (Event &e : b.batch.events)
            parts[size_t(feed::feedOf(e))].events.push_back(std::move(e));
        for (Event &e : b.batch.positions)
            parts[size_t(feed::feedOf(e))].positions.push_back(std::move(e));
        for (size_t f = 0; f < parts.size(); ++f) {
            if (parts[f].empty())
                continue;
            const auto t0 = std::chrono::steady_clock::now();
            counts.add(live.apply(std::move(parts[f]), b.now));
            perFeed[f] += msBetween(t0, std::chrono::steady_clock::now());
        }
    }
}

// One repeat: a fresh state, the warm-up, then the window (split by kind with `perFeed`).
// Without a tree (`tree` null) the state keeps city-wide figures only: the baseline.
Run runOnce(const geo::RegionTree *tree, const Workload &w, std::array<double, feed::kFeedCount> *perFeed = nullptr,
            double *timersMs = nullptr)
{
    Run run;
    feed::FeedStats stats;
    auto live = std::make_unique<state::LiveState>(stats, tree);

    std::vector<TimedBatch> warmup = w.warmup;
    run.warmupMs = warmUp(*live, warmup);
    warmup.clear();
    for (std::atomic<uint64_t> &count : stats.rejected)
        count.store(0); // the window's rejections only

    std::vector<TimedBatch> batches = w.window;
    Counts counts;
    if (perFeed) {
        applyWindowByKind(*live, batches, *perFeed, *timersMs, counts);
    } else {
        run.batchMs.reserve(batches.size());
        run.applyMs = applyWindow(*live, batches, run.batchMs, counts);
    }
    run.figures = figuresOf(*live, stats, counts.applied, counts.rejected);
    return run;
}

double percentile(std::vector<double> &sorted, double p)
{
    return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5))];
}

std::string shanghaiClock(int64_t ms)
{
    const std::time_t seconds = std::time_t((ms + state::kShanghaiOffsetMs) / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &tm);
    return text;
}

double percentOf(size_t part, size_t whole)
{
    return whole ? 100.0 * double(part) / double(whole) : 0.0;
}

} // namespace

int main(int argc, char **argv)
{
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const size_t events = argc > 2 ? size_t(std::max(10000ll, std::atoll(argv[2]))) : kDefaultEvents;
    const std::string pinned = pinToCpu0("pinned to CPU 0 (sched_setaffinity)");
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress shows up as it happens, also in a pipe

    const auto loadStart = std::chrono::steady_clock::now();
    const geo::RegionLoadResult loaded = geo::loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
    if (!loaded.tree) {
        std::fprintf(stderr, "bench_state: %s\n", qPrintable(loaded.error));
        return 1;
    }
    const geo::RegionTree &tree = *loaded.tree;
    const double loadMs = msBetween(loadStart, std::chrono::steady_clock::now());

    const auto generateStart = std::chrono::steady_clock::now();
    Workload w;
    QString error;
    if (!buildWorkload(tree, events, w, error)) {
        std::fprintf(stderr, "bench_state: %s\n", qPrintable(error));
        return 1;
    }
    const double generateMs = msBetween(generateStart, std::chrono::steady_clock::now());

    std::printf("bench_state: %zu events in batches of %zu, seed %llu, repeats %d, %s\n", w.windowEvents, kBatchSize,
                static_cast<unsigned long long>(kSeed), repeats, pinned.c_str());
    std::printf("%-26s %.1f ms (once): %lld grids, %zu regions\n", "load region file", loadMs,
                qlonglong(tree.level(geo::Level::Grid).size()), tree.regions().size());
    std::printf("%-26s %.1f ms (once, not timed)\n", "generate", generateMs);
    std::printf("%-26s %zu cameras (%zu online), %zu sensors, %zu grid states, %zu sites (%zu with rings), "
                "%zu workers, %zu units\n",
                "retained states", w.cameras, w.camerasOnline, w.sensors, w.grids, w.sites, w.sitesWithRings, w.workers,
                w.units);
    std::printf("%-26s %zu case events over %d days before the window (%.0f new cases a day)\n", "case history",
                w.historyCaseEvents, kHistoryDays, kHistoryCasesPerDay);
    std::printf("%-26s %s .. %s Asia/Shanghai (%.2f h, crossing midnight)\n", "window", shanghaiClock(w.start).c_str(),
                shanghaiClock(w.end).c_str(), double(w.end - w.start) / double(kHourMs));
    static const char *kFeedLabels[feed::kFeedCount] = {"case", "camera state", "camera event", "sensor state", "sensor reading",
                                                        "grid", "worker", "unit", "poi"};
    std::printf("%-26s", "mix");
    for (size_t f = 0; f < feed::kFeedCount; ++f)
        if (w.byFeed[f])
            std::printf(" %s %.1f %% (%zu)", kFeedLabels[f], percentOf(w.byFeed[f], w.windowEvents), w.byFeed[f]);
    std::printf("\n%-26s", "case events by status");
    for (size_t s = 0; s < feed::kCaseStatusCount; ++s)
        std::printf(" %s %zu", std::string(feed::kCaseStatusNames[s]).c_str(), w.cases.byStatus[s]);
    std::printf("\n%-26s %zu duplicates (%.1f %%), %zu held back behind the next (%.1f %%), %zu cases simulated in all\n",
                "case deliveries", w.cases.duplicates, percentOf(w.cases.duplicates, w.byFeed[0]), w.cases.heldBack,
                percentOf(w.cases.heldBack, w.byFeed[0]), w.cases.cases);
    std::printf("%-26s %.1f %% at or over warn, %.2f %% at or over alarm\n", "sensor readings",
                percentOf(w.readingsOverWarn, w.byFeed[size_t(Feed::SensorReading)]),
                percentOf(w.readingsOverAlarm, w.byFeed[size_t(Feed::SensorReading)]));

    std::vector<double> warmups, applies, allBatches;
    std::vector<double> batchFloor(w.window.size(), 1e300); // per batch, its fastest repeat
    std::vector<Figures> figures;
    for (int r = 0; r < repeats; ++r) {
        Run run = runOnce(&tree, w);
        warmups.push_back(run.warmupMs);
        applies.push_back(run.applyMs);
        allBatches.insert(allBatches.end(), run.batchMs.begin(), run.batchMs.end());
        for (size_t i = 0; i < run.batchMs.size(); ++i)
            batchFloor[i] = std::min(batchFloor[i], run.batchMs[i]);
        figures.push_back(run.figures);
    }
    bool identical = true;
    for (const Figures &f : figures)
        identical = identical && f.checksum() == figures.front().checksum();

    const Stats warm = statsOf(warmups);
    const Stats apply = statsOf(applies);
    std::sort(allBatches.begin(), allBatches.end());
    std::printf("%-26s median %9.1f ms  (min %.1f, max %.1f) for %zu events, not part of the figure\n", "warm-up", warm.median,
                warm.min, warm.max, w.warmupEvents);
    std::printf("%-26s median %9.1f ms  (min %.1f, max %.1f)  target < 1000 ms per 1,000,000\n", "apply window", apply.median,
                apply.min, apply.max);
    std::printf("%-26s median %9.1f ns  (min %.1f, max %.1f)\n", "per event", apply.median * 1e6 / double(w.windowEvents),
                apply.min * 1e6 / double(w.windowEvents), apply.max * 1e6 / double(w.windowEvents));
    // Baseline in the same run: the same events without a region tree (no
    // point-in-polygon, no per-region roll-ups; cases, alarms and the city total stay).
    std::vector<double> baseline;
    for (int r = 0; r < repeats; ++r)
        baseline.push_back(runOnce(nullptr, w).applyMs);
    const Stats base = statsOf(baseline);
    std::printf("%-26s median %9.1f ms  (min %.1f, max %.1f); with every region x%.2f\n", "baseline: no region tree",
                base.median, base.min, base.max, apply.median / base.median);
    std::printf("%-26s p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms (%zu batches over all repeats)\n",
                "per batch of 1,000", percentile(allBatches, 0.5), percentile(allBatches, 0.99),
                percentile(allBatches, 0.999), allBatches.back(), allBatches.size());
    // Batches that are slow in every repeat point at work the state does, not at the machine.
    {
        std::vector<size_t> order(batchFloor.size());
        std::iota(order.begin(), order.end(), size_t(0));
        std::partial_sort(order.begin(), order.begin() + std::min<ptrdiff_t>(3, ptrdiff_t(order.size())), order.end(),
                          [&](size_t a, size_t b) { return batchFloor[a] > batchFloor[b]; });
        std::printf("%-26s", "slowest batches");
        for (size_t k = 0; k < std::min<size_t>(3, order.size()); ++k)
            std::printf(" #%zu at %s (+%.1f min) %.1f ms;", order[k], shanghaiClock(w.window[order[k]].now).c_str(),
                        double(w.window[order[k]].now - w.start) / double(kMinuteMs), batchFloor[order[k]]);
        std::printf(" fastest of the repeats\n");
    }

    // One more pass with each batch split by feed: what each kind of event costs, including the
    // alarm and coverage work its part of the batch sets off; timers coming due are charged apart.
    std::array<double, feed::kFeedCount> perFeed{};
    double timersMs = 0;
    runOnce(&tree, w, &perFeed, &timersMs);
    double splitTotal = timersMs;
    for (double ms : perFeed)
        splitTotal += ms;
    std::printf("per kind (one pass, each batch split by kind, %.1f ms in all):\n", splitTotal);
    std::printf("  %-24s %8zu batches %8.1f ms %8.1f ns/event of the window\n", "clock and timers (tick)", w.window.size(),
                timersMs, timersMs * 1e6 / double(w.windowEvents));
    for (size_t f = 0; f < feed::kFeedCount; ++f)
        if (w.byFeed[f])
            std::printf("  %-24s %8zu events %8.1f ms %8.1f ns/event\n", kFeedLabels[f], w.byFeed[f], perFeed[f],
                        perFeed[f] * 1e6 / double(w.byFeed[f]));

    const Figures &f = figures.front();
    std::printf("final figures (city):\n");
    std::printf("  cases %zu known, open %d, overdue %d, due soon %d, new today %d, closed today %d "
                "(median handling %.1f h), located %d, outside 5-min rings %d, workload units %lld, flagged %d\n",
                f.cases, f.open, f.overdue, f.dueSoon, f.newToday, f.closedToday, double(f.medianHandlingMs) / double(kHourMs),
                f.openLocated, f.openOutsideFive, static_cast<long long>(f.load), f.flagged);
    std::printf("  cameras %d (%d online), sensors %d (%d warn, %d alarm), workers on duty %d of %d\n", f.cameras,
                f.camerasOnline, f.sensors, f.sensorsWarn, f.sensorsAlarm, f.workersOnDuty, f.workersTotal);
    std::printf("  window: %zu applied, %zu rejected (duplicate seq %llu, stale seq %llu, illegal transition %llu)\n",
                f.applied, f.rejected, static_cast<unsigned long long>(f.duplicateSeq),
                static_cast<unsigned long long>(f.staleSeq), static_cast<unsigned long long>(f.illegal));
    std::printf("  alarms active by severity 1..4: %d %d %d %d; by kind:", f.activeBySeverity[0], f.activeBySeverity[1],
                f.activeBySeverity[2], f.activeBySeverity[3]);
    for (int k = 0; k < state::kAlarmKindCount; ++k)
        std::printf(" %s %d", state::alarmKindName(state::AlarmKind(k)), f.activeByKind[size_t(k)]);
    std::printf("; listed %zu\n", f.alarmsListed);
    std::printf("checksum %016" PRIx64 " (%s over the repeats)\n", f.checksum(), identical ? "identical" : "DIFFERENT");

    using bench::figure;
    figure("events", double(w.windowEvents));
    figure("repeats", repeats);
    figure("apply.median_ms", apply.median, "ms");
    figure("apply.min_ms", apply.min, "ms");
    figure("apply.max_ms", apply.max, "ms");
    figure("apply.ns_per_event", apply.median * 1e6 / double(w.windowEvents), "ns");
    figure("baseline.median_ms", base.median, "ms");
    figure("baseline.min_ms", base.min, "ms");
    figure("baseline.max_ms", base.max, "ms");
    figure("tree_vs_baseline", apply.median / base.median, "x");
    figure("batch.p50_ms", percentile(allBatches, 0.5), "ms");
    figure("batch.p99_ms", percentile(allBatches, 0.99), "ms");
    figure("batch.max_ms", allBatches.back(), "ms");
    figure("kind.timers_ns", timersMs * 1e6 / double(w.windowEvents), "ns");
    for (size_t k = 0; k < feed::kFeedCount; ++k) {
        if (!w.byFeed[k])
            continue;
        std::string key = kFeedLabels[k];
        std::replace(key.begin(), key.end(), ' ', '_');
        figure("kind." + key + "_ns", perFeed[k] * 1e6 / double(w.byFeed[k]), "ns");
    }
    figure("final.open", f.open);
    figure("final.overdue", f.overdue);
    figure("final.due_soon", f.dueSoon);
    for (int k = 0; k < state::kAlarmKindCount; ++k)
        figure(std::string("final.alarms.") + state::alarmKindName(state::AlarmKind(k)), f.activeByKind[size_t(k)]);
    figure("identical", identical ? 1 : 0);
    return identical ? 0 : 1;
}

// The history stage on one thread: how fast case events go into the journal,
// how long a restart takes to rebuild the whole picture from it, and how big
// it grows (docs/history.md; the targets: >= 250,000 events/s batched, the
// whole picture in under 1 s).
//
//   bench_history [REPEATS=3] [BIG=1000000]   every measurement, temporary databases under /tmp
//   bench_history build DIR N                 writes DIR/gridwall.sqlite holding N case events
//   bench_history restart DIR [REPEATS=3]     times the restart of an existing DIR/gridwall.sqlite
//
// The history is a city's cases over days: ~4,300 new cases a day on a
// day-and-night profile, each through the lifecycle of the simulator
// (reported, accepted, dispatched, handling, resolved, closed; some
// rejected, returned or escalated), with the simulator's case ids and the
// real grid codes, places and community names. Deliveries are as a running
// wall receives them: ~2 % twice (QoS 1 redelivery, kept once by the
// journal) and ~1 % behind the case's next event. The last event lies
// within the day before the history is built (whole days keep the hours of
// the day), so a restart meets it on the real clock as the wall would after
// being off since. A built database is what a wall that lived through it holds:
// the events its live state refused are marked as the wall marks them.
//
// Insertion uses the journal's own code where it has it (CaseJournal::record,
// one autocommit per event, what the feed does before each QoS 1
// acknowledgement); batches use the same INSERT statement and bindings in
// transactions here, as the journal has no batched entry point. Restart is
// timed two ways: from the journal alone (History::open + readJournal() +
// every event replayed into a live state on the real region tree in batches
// of 4,096: a history without stored case records, e.g. the first start
// after migrating to schema 4), and as HistoryRecorder::restore() does it now
// (readSaved(): the stored case records, restoreCase() each, then the
// journal after the point they reach). A built database holds the records
// a wall that lived through it would have written (writeCaseState), up to
// its last event.

#include "benchkit.h"
#include "feed/events.h"
#include "feed/feedstats.h"
#include "feed/ingestqueue.h"
#include "geo/regionloader.h"
#include "geo/regiontree.h"
#include "history/casejournal.h"
#include "history/casestate.h"
#include "history/history.h"
#include "history/historydb.h"
#include "state/livestate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGeoCoordinate>
#include <QLoggingCategory>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <limits>
#include <memory>
#include <queue>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <iterator>
#include <utility>
#include <vector>

using namespace gridwall;
using bench::figure;
using bench::msSince;
using bench::pinToCpu0;
using bench::Stats;
using bench::statsOf;
using feed::CaseEvent;
using feed::CaseSource;
using feed::CaseStatus;
using state::kDayMs;
using state::kHourMs;
using state::kMinuteMs;

namespace {

constexpr uint64_t kSeed = 4300;
constexpr double kCasesPerDay = 4300;
constexpr size_t kSmallEvents = 100'000;
constexpr size_t kDefaultBigEvents = 1'000'000;
constexpr size_t kInsertEvents = 300'000;    // per repeat of each batched size
constexpr size_t kAutocommitEvents = 30'000; // per repeat of CaseJournal::record
constexpr size_t kFullSyncEvents = 1'000;    // one fsync each: a few seconds at most
constexpr size_t kBuildTransaction = 10'000;
constexpr size_t kBuildSegment = 1'000'000; // deliveries in memory at once while building
constexpr int64_t kReplayLimit = 20'000'000;  // journals longer than this are not replayed whole
constexpr size_t kRestoreBatch = 4096; // HistoryRecorder::restore()
constexpr std::array<size_t, 3> kTransactionSizes = {100, 1'000, 10'000};

class Rng
{
public:
    explicit Rng(uint64_t seed) : m_gen(seed) {}
    double uniform(double lo = 0, double hi = 1) { return std::uniform_real_distribution<double>(lo, hi)(m_gen); }
    bool chance(double p) { return uniform() < p; }
    size_t below(size_t n) { return size_t(m_gen() % n); }
    int between(int lo, int hi) { return lo + int(below(size_t(hi - lo + 1))); }
    double exponential(double mean) { return std::exponential_distribution<double>(1.0 / mean)(m_gen); }
    int64_t minutes(double lo, double hi) { return int64_t(uniform(lo, hi) * double(kMinuteMs)); }
    template<typename T, size_t N>
    T pick(const std::array<T, N> &items)
    {
        return items[below(N)];
    }
    template<size_t N>
    size_t weighted(const std::array<double, N> &weights)
    {
        double sum = 0;
        for (double w : weights)
            sum += w;
        double u = uniform(0, sum);
        for (size_t i = 0; i < N; ++i) {
            if (u < weights[i])
                return i;
            u -= weights[i];
        }
        return N - 1;
    }

private:
    std::mt19937_64 m_gen;
};

// Bytes the heap holds in use (allocated and not freed), mapped blocks included.
double heapMb()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

// Bytes this process handed to write()/pwrite() so far (/proc/self/io wchar): the WAL and the checkpoints.
uint64_t bytesWritten()
{
    unsigned long long value = 0;
    if (FILE *f = std::fopen("/proc/self/io", "r")) {
        char line[128];
        while (std::fgets(line, sizeof line, f))
            if (std::sscanf(line, "wchar: %llu", &value) == 1)
                break;
        std::fclose(f);
    }
    return value;
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

// The simulator's case ids: PJ<yyMMddHHmmss of the run's start, Asia/Shanghai>-<serial>.
std::string idPrefix(int64_t startMs)
{
    const std::time_t seconds = std::time_t((startMs + state::kShanghaiOffsetMs) / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "PJ%y%m%d%H%M%S", &tm);
    return text;
}

std::string withThousands(uint64_t n)
{
    std::string digits = std::to_string(n);
    for (int at = int(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(size_t(at), ",");
    return digits;
}

// ------------------------------------------------------------------ the cases

struct Place
{
    std::string code;
    std::string community;
    std::string street;
    std::string district;
    QPointF label; // scene
    QRectF bounds; // scene
};

std::vector<Place> placesOf(const geo::RegionTree &tree)
{
    std::vector<Place> places;
    for (int index : tree.level(geo::Level::Grid)) {
        const geo::Region &g = tree.region(index);
        const geo::Region &community = tree.region(g.parent);
        const geo::Region &street = tree.region(community.parent);
        const geo::Region &district = tree.region(street.parent);
        places.push_back({g.code.toStdString(), community.name.toStdString(), street.name.toStdString(),
                          district.name.toStdString(), g.labelPoint, g.bounds});
    }
    return places;
}

constexpr size_t kCategoryCount = 9;
constexpr std::array<const char *, kCategoryCount> kCategories = {
    "dispute", "petition", "family", "safety_hazard", "public_order", "city_environment", "pipe_network", "special_population",
    "epidemic"};
constexpr std::array<double, kCategoryCount> kCategoryWeights = {14, 6, 6, 14, 10, 28, 9, 7, 6};
constexpr std::array<const char *, kCategoryCount> kTitles = {
    "居民反映楼上装修噪音扰民", "居民反映冬季供暖温度不达标",     "家庭成员因赡养问题发生纠纷",
    "楼道内堆放杂物堵塞消防通道", "夜间有人聚集饮酒大声喧哗",     "小区垃圾堆积未及时清运",
    "下水井堵塞污水外溢路面",     "独居老人定期走访需上门核实", "发热人员排查登记需社区跟进"};
constexpr std::array<const char *, kCategoryCount> kDepts = {
    "人民调解委员会", "信访办", "妇女联合会", "应急管理局", "派出所", "城市管理综合行政执法局", "住房和城乡建设局",
    "民政局", "卫生健康局"};
constexpr std::array<double, feed::kCaseSourceCount> kSourceWeights = {40, 20, 28, 6, 3, 3};
constexpr std::array<double, 4> kPriorityWeights = {5, 22, 45, 28};
constexpr std::array<int64_t, 4> kDeadlines = {2 * kHourMs, 24 * kHourMs, 48 * kHourMs, 72 * kHourMs};
// New cases per hour of the Asia/Shanghai day, relative: few at night, most in office hours.
constexpr std::array<double, 24> kHourProfile = {0.30, 0.20, 0.15, 0.15, 0.20, 0.40, 0.80, 1.30, 1.70, 1.80, 1.70, 1.50,
                                                 1.20, 1.30, 1.50, 1.60, 1.50, 1.40, 1.20, 1.00, 0.90, 0.70, 0.50, 0.40};
constexpr std::array<const char *, 3> kRejectNotes = {"重复上报", "不属于受理范围", "信息不全无法核实"};
constexpr std::array<const char *, 2> kReturnNotes = {"非本部门职责，申请退回重新派单", "地址有误，申请退回"};
constexpr std::array<const char *, 2> kEscalateNotes = {"涉及多部门，提级联动处置", "超出街道处置权限，提级至区级"};
constexpr std::array<const char *, 4> kResolveNotes = {"已现场处置完毕", "已协调解决", "已调解达成一致", "已维修完成"};
constexpr std::array<const char *, 16> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄",
                                                    "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
constexpr std::array<const char *, 16> kGivenNames = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇",
                                                      "军", "杰", "涛", "明", "超", "霞", "平", "强"};

struct Delivery
{
    int64_t arrival = 0; // received_at
    CaseEvent event;
};

struct StreamInfo
{
    size_t events = 0; // distinct (case id, seq): the rows the journal keeps
    size_t cases = 0;
    size_t duplicates = 0; // deliveries of an event already delivered
    size_t heldBack = 0;   // delivered after the case's next event
    std::array<size_t, feed::kCaseStatusCount> byStatus{};
    int64_t first = 0, last = 0; // arrivals
};

class CaseStream
{
public:
    CaseStream(const std::vector<Place> &places, const geo::RegionTree &tree, uint64_t seed)
        : m_places(places), m_tree(tree), m_seed(seed), m_rng(seed), m_post(seed ^ 0x9e3779b97f4a7c15ULL)
    {
        for (double w : kHourProfile)
            m_profileMax = std::max(m_profileMax, w);
        double sum = 0;
        for (double w : kHourProfile)
            sum += w;
        m_meanProfile = sum / double(kHourProfile.size());
    }

    // `events` distinct case events in arrival order, the last one arriving
    // within the day before `endBy`, handed to `sink` in segments of about
    // `segment` (ordered within a segment; segments follow each other in
    // time), so that histories of tens of millions of events never sit in
    // memory whole. `sink` returns false to stop.
    bool stream(size_t events, int64_t endBy, StreamInfo &info, size_t segment,
                const std::function<bool(std::vector<Delivery> &)> &sink)
    {
        // Started early enough for the count, then moved by whole days so the
        // hours of the day stay: a first run of the same simulation finds the
        // last arrival, the second one hands the events over.
        const double eventsPerCase = 6.0;
        const int64_t days = int64_t(double(events) / (kCasesPerDay * eventsPerCase)) + 2;
        const int64_t start = state::shanghaiMidnight(state::shanghaiDay(endBy) - days);
        int64_t last = 0;
        {
            CaseStream probe(m_places, m_tree, m_seed);
            probe.simulate(events, start, kBuildSegment, [&](std::vector<Delivery> &out, std::vector<uint32_t> &) {
                for (const Delivery &d : out)
                    last = std::max(last, d.arrival);
                return true;
            });
        }
        const int64_t gap = endBy - last;
        const int64_t shift = (gap >= 0 ? gap / kDayMs : (gap - kDayMs + 1) / kDayMs) * kDayMs;
        const std::string prefix = idPrefix(start + shift) + "-";
        bool first = true;
        return simulate(events, start, segment, [&](std::vector<Delivery> &out, std::vector<uint32_t> &caseOf) {
            info.events += out.size();
            for (const Delivery &d : out)
                ++info.byStatus[size_t(d.event.status)];
            // ~1 % overtaken by the case's next event when the two come close together.
            std::unordered_map<uint32_t, uint32_t> lastOf;
            for (uint32_t i = 0; i < out.size(); ++i) {
                const auto [it, fresh] = lastOf.try_emplace(caseOf[i], i);
                const uint32_t previous = it->second;
                it->second = i;
                if (fresh || out[i].arrival - out[previous].arrival >= 15 * kMinuteMs || !m_post.chance(0.012))
                    continue;
                out[previous].arrival = out[i].arrival + int64_t(m_post.uniform(200, 5000));
                ++info.heldBack;
            }
            // ~2 % delivered again after a reconnection.
            const size_t distinct = out.size();
            for (size_t i = 0; i < distinct; ++i) {
                if (!m_post.chance(0.02))
                    continue;
                out.push_back({out[i].arrival + int64_t(m_post.uniform(500, 20000)), out[i].event});
                caseOf.push_back(caseOf[i]);
                ++info.duplicates;
            }
            std::vector<uint32_t> order(out.size());
            for (uint32_t i = 0; i < order.size(); ++i)
                order[i] = i;
            std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return out[a].arrival < out[b].arrival; });
            std::vector<Delivery> sorted;
            sorted.reserve(out.size());
            for (uint32_t i : order) {
                Delivery &d = out[i];
                d.arrival = std::min(d.arrival + shift, endBy);
                d.event.ts += shift;
                if (d.event.deadline > 0)
                    d.event.deadline += shift;
                char number[24];
                std::snprintf(number, sizeof number, "%06u", caseOf[i] + 1);
                d.event.id = prefix + number;
                sorted.push_back(std::move(d));
            }
            if (first)
                info.first = sorted.front().arrival;
            first = false;
            info.last = std::max(info.last, sorted.back().arrival);
            info.cases = m_cases.size();
            return sink(sorted);
        });
    }

    // All of them at once (small histories).
    std::vector<Delivery> generate(size_t events, int64_t endBy, StreamInfo &info)
    {
        std::vector<Delivery> all;
        all.reserve(events + events / 25);
        stream(events, endBy, info, SIZE_MAX, [&](std::vector<Delivery> &segment) {
            std::move(segment.begin(), segment.end(), std::back_inserter(all));
            return true;
        });
        return all;
    }

private:
    struct Case
    {
        CaseSource source = CaseSource::App;
        size_t category = 0;
        int priority = 3;
        size_t place = 0;
        feed::GeoPoint position;
        bool gridKnown = true;
        int64_t reportedAt = 0;
        int64_t deadline = 0;
        int64_t seq = 0;
        CaseStatus next = CaseStatus::Accepted;
        bool reject = false, returnOnce = false, returned = false, escalate = false, escalated = false, stall = false;
        double resolveFraction = 0.5; // of the time allowed
        std::string dept;
        std::string assignee;
    };
    using Agenda = std::priority_queue<std::pair<int64_t, uint32_t>, std::vector<std::pair<int64_t, uint32_t>>,
                                       std::greater<std::pair<int64_t, uint32_t>>>;

    // Runs the city from `start` until `events` case events have been
    // published, handing them (in publishing order, with each one's case) to
    // `sink` every `segment`.
    bool simulate(size_t events, int64_t start, size_t segment,
                  const std::function<bool(std::vector<Delivery> &, std::vector<uint32_t> &)> &sink)
    {
        std::vector<Delivery> out;
        std::vector<uint32_t> caseOf;
        Agenda agenda;
        int64_t arrival = nextArrival(start);
        size_t published = 0;
        while (published < events) {
            const size_t target = std::min(segment, events - published);
            out.clear();
            caseOf.clear();
            while (out.size() < target) {
                if (agenda.empty() || arrival <= agenda.top().first) {
                    const int64_t t = arrival;
                    arrival = nextArrival(t);
                    open(t, agenda, out, caseOf);
                } else {
                    const auto [t, index] = agenda.top();
                    agenda.pop();
                    step(index, t, agenda, out, caseOf);
                }
            }
            published += out.size();
            if (!sink(out, caseOf))
                return false;
        }
        return true;
    }

    // Thinned Poisson arrivals: the rate follows the hour of the day.
    int64_t nextArrival(int64_t t)
    {
        const double peakPerMs = kCasesPerDay / double(kDayMs) * m_profileMax / m_meanProfile;
        for (;;) {
            t += std::max<int64_t>(1, int64_t(m_rng.exponential(1.0 / peakPerMs)));
            const int64_t hour = ((t + state::kShanghaiOffsetMs) / kHourMs) % 24;
            if (m_rng.chance(kHourProfile[size_t(hour)] / m_profileMax))
                return t;
        }
    }

    std::string personName()
    {
        std::string name = m_rng.pick(kSurnames);
        name += m_rng.pick(kGivenNames);
        if (m_rng.chance(0.7))
            name += m_rng.pick(kGivenNames);
        return name;
    }

    void open(int64_t t, Agenda &agenda, std::vector<Delivery> &out, std::vector<uint32_t> &caseOf)
    {
        Case c;
        c.source = CaseSource(m_rng.weighted(kSourceWeights));
        c.category = m_rng.weighted(kCategoryWeights);
        c.priority = 1 + int(m_rng.weighted(kPriorityWeights));
        c.place = m_rng.below(m_places.size());
        const Place &p = m_places[c.place];
        const QPointF scene(p.label.x() + m_rng.uniform(-0.2, 0.2) * p.bounds.width(),
                            p.label.y() + m_rng.uniform(-0.2, 0.2) * p.bounds.height());
        const QGeoCoordinate at = m_tree.geoFromScene(scene);
        c.position = {std::round(at.longitude() * 1e6) / 1e6, std::round(at.latitude() * 1e6) / 1e6};
        c.gridKnown = m_rng.chance(0.85);
        c.reportedAt = t;
        c.deadline = t + kDeadlines[size_t(c.priority - 1)];
        const bool machine = c.source == CaseSource::Camera || c.source == CaseSource::Sensor;
        c.reject = m_rng.chance(machine ? 0.03 : 0.05);
        c.returnOnce = m_rng.chance(0.05);
        c.escalate = m_rng.chance(0.03);
        c.stall = m_rng.chance(0.02);
        c.resolveFraction = m_rng.chance(0.07) ? m_rng.uniform(1.05, 1.7) : m_rng.uniform(0.15, 0.8);
        m_cases.push_back(std::move(c));
        const uint32_t index = uint32_t(m_cases.size() - 1);
        publish(index, CaseStatus::Reported, t, out, caseOf);
        const Case &k = m_cases[index];
        int64_t accept = k.source == CaseSource::Hotline ? m_rng.minutes(3, 20)
                         : k.source == CaseSource::Other ? m_rng.minutes(5, 30)
                                                         : m_rng.minutes(1, 8);
        if (k.priority == 1)
            accept /= 2;
        schedule(index, k.reject ? CaseStatus::Rejected : CaseStatus::Accepted, t + accept, agenda);
    }

    void schedule(uint32_t index, CaseStatus next, int64_t at, Agenda &agenda)
    {
        m_cases[index].next = next;
        agenda.push({at, index});
    }

    void dispatch(Case &c)
    {
        const Place &p = m_places[c.place];
        c.dept = c.escalated ? p.district + "社会治理综合服务中心" : (m_rng.chance(0.5) ? p.street : p.district) + kDepts[c.category];
        c.assignee = personName();
    }

    void step(uint32_t index, int64_t t, Agenda &agenda, std::vector<Delivery> &out, std::vector<uint32_t> &caseOf)
    {
        Case &c = m_cases[index];
        const int64_t span = kDeadlines[size_t(c.priority - 1)];
        switch (c.next) {
        case CaseStatus::Rejected:
            publish(index, CaseStatus::Rejected, t, out, caseOf, m_rng.pick(kRejectNotes));
            return;
        case CaseStatus::Accepted: {
            publish(index, CaseStatus::Accepted, t, out, caseOf);
            const double hi = c.priority == 1 ? 10 : c.priority == 2 ? 45 : c.priority == 3 ? 120 : 240;
            schedule(index, CaseStatus::Dispatched, t + m_rng.minutes(hi / 8, hi), agenda);
            return;
        }
        case CaseStatus::Dispatched: {
            dispatch(c);
            publish(index, CaseStatus::Dispatched, t, out, caseOf);
            if (c.returnOnce && !c.returned) {
                schedule(index, CaseStatus::Returned, t + m_rng.minutes(20, 180), agenda);
                return;
            }
            const double hi = c.priority == 1 ? 20 : c.priority == 2 ? 90 : c.priority == 3 ? 360 : 720;
            schedule(index, CaseStatus::Handling, t + (m_rng.chance(0.5) ? m_rng.minutes(3, 30) : m_rng.minutes(hi / 6, hi)),
                     agenda);
            return;
        }
        case CaseStatus::Returned:
            c.returned = true;
            publish(index, CaseStatus::Returned, t, out, caseOf, m_rng.pick(kReturnNotes));
            schedule(index, CaseStatus::Dispatched, t + m_rng.minutes(10, 60), agenda);
            return;
        case CaseStatus::Handling:
            publish(index, CaseStatus::Handling, t, out, caseOf);
            if (c.escalate && !c.escalated) {
                schedule(index, CaseStatus::Escalated, t + std::min<int64_t>(4 * kHourMs, m_rng.minutes(20, 60) + span / 6),
                         agenda);
                return;
            }
            if (c.stall) {
                // Waits on something outside the city's hands: goes overdue, and is settled after one to eight weeks.
                schedule(index, CaseStatus::Resolved, t + m_rng.minutes(7 * 1440, 56 * 1440), agenda);
                return;
            }
            schedule(index, CaseStatus::Resolved,
                     std::max(t + m_rng.minutes(10, 180), c.reportedAt + int64_t(c.resolveFraction * double(span))), agenda);
            return;
        case CaseStatus::Escalated:
            c.escalated = true;
            dispatch(c);
            publish(index, CaseStatus::Escalated, t, out, caseOf, m_rng.pick(kEscalateNotes));
            schedule(index, CaseStatus::Dispatched, t + m_rng.minutes(10, 40), agenda);
            return;
        case CaseStatus::Resolved: {
            publish(index, CaseStatus::Resolved, t, out, caseOf, m_rng.chance(0.6) ? m_rng.pick(kResolveNotes) : "");
            const int64_t close = c.source == CaseSource::App       ? m_rng.minutes(30, 720)
                                  : c.source == CaseSource::Hotline ? m_rng.minutes(60, 1440)
                                                                    : m_rng.minutes(10, 60);
            schedule(index, CaseStatus::Closed, t + close, agenda);
            return;
        }
        case CaseStatus::Closed: {
            const bool rates = c.source == CaseSource::App || c.source == CaseSource::Hotline;
            const int rating = rates && m_rng.chance(0.9) ? (t > c.deadline ? m_rng.between(1, 4) : m_rng.between(3, 5)) : 0;
            publish(index, CaseStatus::Closed, t, out, caseOf, "", rating);
            return;
        }
        case CaseStatus::Reported:
            return;
        }
    }

    // What the payload carries for the status (the id is set once the history's start is known).
    void publish(uint32_t index, CaseStatus status, int64_t t, std::vector<Delivery> &out, std::vector<uint32_t> &caseOf,
                 const char *note = "", int rating = 0)
    {
        Case &c = m_cases[index];
        CaseEvent e;
        e.ts = t;
        e.seq = ++c.seq;
        e.status = status;
        switch (status) {
        case CaseStatus::Reported: {
            const Place &p = m_places[c.place];
            e.category = kCategories[c.category];
            e.source = c.source;
            e.priority = c.priority;
            e.position = c.position;
            e.deadline = c.deadline;
            e.title = p.community + kTitles[c.category];
            if (c.gridKnown)
                e.grid = p.code;
            break;
        }
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
        out.push_back({t + int64_t(m_rng.uniform(20, 400)), std::move(e)});
        caseOf.push_back(index);
    }

    const std::vector<Place> &m_places;
    const geo::RegionTree &m_tree;
    uint64_t m_seed;
    Rng m_rng;  // the city
    Rng m_post; // deliveries: held back, delivered twice
    std::vector<Case> m_cases;
    double m_profileMax = 0;
    double m_meanProfile = 1;
};

// ------------------------------------------------------------------ writing

// The journal's own statement and bindings, many to a transaction (the journal
// itself commits one event per acknowledgement).
bool insertOne(sqlite3_stmt *s, const CaseEvent &e, int64_t receivedAt)
{
    history::bindCaseEvent(s, e, receivedAt);
    const bool done = sqlite3_step(s) == SQLITE_DONE;
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return done;
}

// Deliveries [from, to) in transactions of `perTransaction`.
bool insertBatched(sqlite3 *db, const std::vector<Delivery> &deliveries, size_t from, size_t to, size_t perTransaction,
                   QString &error)
{
    history::Statement insert(db, history::kCaseLogInsert);
    if (!insert) {
        error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    for (size_t at = from; at < to; at += perTransaction) {
        if (!history::exec(db, "BEGIN IMMEDIATE", &error))
            return false;
        const size_t stop = std::min(to, at + perTransaction);
        for (size_t i = at; i < stop; ++i) {
            if (!insertOne(insert.get(), deliveries[i].event, deliveries[i].arrival)) {
                error = QString::fromUtf8(sqlite3_errmsg(db));
                history::exec(db, "ROLLBACK");
                return false;
            }
        }
        if (!history::exec(db, "COMMIT", &error))
            return false;
    }
    return true;
}

QString databasePath(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("gridwall.sqlite"));
}

// Drops the file's pages from the page cache, so that the next read comes from the disk (or the host's cache).
void evictFromCache(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QByteArray name = (path + QLatin1String(suffix)).toLocal8Bit();
        const int fd = ::open(name.constData(), O_RDONLY);
        if (fd < 0)
            continue;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

struct Built
{
    StreamInfo stream;
    double generateMs = 0, insertMs = 0, markMs = 0, recordsMs = 0, checkpointMs = 0;
    size_t rows = 0, refused = 0, records = 0;
};

// DIR/gridwall.sqlite with `events` distinct case events; false with `error`
// on failure. Written as a wall that lived through them writes it, a segment
// of deliveries at a time: each goes into the journal (a second copy is
// ignored by the key), then through a live state on the wall's clock of the
// time it arrived, which refuses what the wall would refuse (marked in the
// journal), has its changed cases' records written, and lets ended cases go
// as the wall does.
bool buildDatabase(const QString &dir, size_t events, const geo::RegionTree &tree, Built &built, QString &error)
{
    if (QFile::exists(databasePath(dir))) {
        error = databasePath(dir) + QStringLiteral(" exists: remove it first");
        return false;
    }
    history::OpenResult opened = history::openHistory(dir);
    if (!opened.db) {
        error = opened.error;
        return false;
    }
    sqlite3 *db = opened.db.get();
    history::Statement insert(db, history::kCaseLogInsert);
    if (!insert) {
        error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    const std::vector<Place> places = placesOf(tree);
    CaseStream stream(places, tree, kSeed);
    feed::FeedStats stats;
    state::LiveState live(stats, &tree);
    auto t = std::chrono::steady_clock::now();
    const auto lap = [&t] {
        const double ms = msSince(t);
        t = std::chrono::steady_clock::now();
        return ms;
    };
    const bool ok = stream.stream(events, feed::epochMs(), built.stream, kBuildSegment, [&](std::vector<Delivery> &segment) {
        built.generateMs += lap();
        for (size_t at = 0; at < segment.size(); at += kBuildTransaction) {
            if (!history::exec(db, "BEGIN IMMEDIATE", &error))
                return false;
            for (size_t i = at; i < std::min(segment.size(), at + kBuildTransaction); ++i) {
                if (!insertOne(insert.get(), segment[i].event, segment[i].arrival)) {
                    error = QString::fromUtf8(sqlite3_errmsg(db));
                    history::exec(db, "ROLLBACK");
                    return false;
                }
                // As the journal does: the row it took, 0 for a copy already there.
                segment[i].event.journalId = sqlite3_changes(db) > 0 ? sqlite3_last_insert_rowid(db) : 0;
                built.rows += segment[i].event.journalId > 0;
            }
            if (!history::exec(db, "COMMIT", &error))
                return false;
        }
        built.insertMs += lap();
        std::vector<history::Refusal> refusals;
        std::unordered_set<std::string> changed;
        int64_t clock = 0;
        for (size_t i = 0; i < segment.size(); i += kRestoreBatch) {
            feed::Batch batch;
            const size_t end = std::min(segment.size(), i + kRestoreBatch);
            clock = segment[end - 1].arrival;
            for (size_t j = i; j < end; ++j)
                batch.events.emplace_back(std::move(segment[j].event));
            live.apply(std::move(batch), clock);
            for (const state::LiveState::Refused &r : live.refused())
                refusals.push_back({r.id, r.seq, r.reason});
            for (const state::LiveState::Touched &touched : live.touched())
                if (touched.feed == feed::Feed::Case)
                    changed.insert(*touched.id);
        }
        built.refused += refusals.size();
        if (!history::markRefused(db, refusals, &error))
            return false;
        built.markMs += lap();
        std::vector<history::CaseRow> rows;
        rows.reserve(changed.size());
        for (const std::string &id : changed)
            if (const auto it = live.cases().find(id); it != live.cases().end())
                rows.emplace_back(id, it->second);
        built.records += rows.size();
        if (!history::writeCaseState(db, rows, live.journalHighWater(), &error))
            return false;
        live.tick(clock);
        built.recordsMs += lap();
        return true;
    });
    if (!ok)
        return false;
    t = std::chrono::steady_clock::now();
    // Everything in the database file proper, as after a quiet spell.
    if (!history::exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", &error))
        return false;
    built.checkpointMs = msSince(t);
    built.records = size_t(std::max<int64_t>(0, [db] {
        history::Statement s(db, "SELECT count(*) FROM case_state");
        return s && sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : -1;
    }()));
    return true;
}

// ------------------------------------------------------------------ reading

struct Restart
{
    double openMs = 0, readMs = 0, stateMs = 0, applyMs = 0;
    size_t events = 0, refused = 0, cases = 0;
    int open = 0, overdue = 0, flagged = 0, alarmsActive = 0;
    size_t alarmsListed = 0;
    double journalMb = 0, stateMb = 0; // heap growth while reading, while applying
    std::vector<std::string> neededIds; // with `keepNeeded`: cases open, or reported, changed or closed today
};

// A restart from the journal alone: open the history, read the whole journal, replay it through a fresh state.
Restart restartOnce(const QString &dir, const geo::RegionTree &tree, bool keepNeeded = false)
{
    Restart r;
    const double heapStart = heapMb();
    auto t = std::chrono::steady_clock::now();
    QString error;
    std::unique_ptr<history::History> history = history::History::open(dir, &error);
    r.openMs = msSince(t);
    if (!history) {
        std::fprintf(stderr, "bench_history: %s\n", qPrintable(error));
        std::exit(1);
    }
    t = std::chrono::steady_clock::now();
    std::vector<CaseEvent> events = history->readJournal();
    r.readMs = msSince(t);
    const double heapRead = heapMb();
    r.journalMb = heapRead - heapStart;
    r.events = events.size();

    t = std::chrono::steady_clock::now();
    feed::FeedStats stats;
    auto live = std::make_unique<state::LiveState>(stats, &tree);
    r.stateMs = msSince(t);

    t = std::chrono::steady_clock::now();
    for (size_t i = 0; i < events.size(); i += kRestoreBatch) {
        feed::Batch batch;
        const size_t end = std::min(events.size(), i + kRestoreBatch);
        batch.events.reserve(end - i);
        for (size_t j = i; j < end; ++j)
            batch.events.emplace_back(std::move(events[j]));
        live->apply(std::move(batch), feed::epochMs());
        r.refused += live->refused().size();
    }
    r.applyMs = msSince(t);
    r.stateMb = heapMb() - heapRead;
    r.cases = live->cases().size();
    r.open = live->rollups().city().open;
    r.overdue = live->rollups().city().overdue;
    r.flagged = live->flaggedCases();
    for (int severity = 1; severity <= state::kSeverityCount; ++severity)
        r.alarmsActive += live->alarms().activeCount(severity);
    r.alarmsListed = live->alarms().listed();
    if (keepNeeded) {
        const int64_t today = live->today();
        for (const auto &[id, c] : live->cases()) {
            const bool touchedToday = state::shanghaiDay(c.updatedTs) == today || state::shanghaiDay(c.reportedTs) == today;
            if (!state::isTerminal(c.status) || touchedToday)
                r.neededIds.push_back(id);
        }
    }
    return r;
}

struct RecordsRestart
{
    double openMs = 0, readMs = 0, restoreMs = 0, tailMs = 0, tickMs = 0;
    size_t cases = 0, tail = 0, known = 0;
    int open = 0, overdue = 0;
    size_t alarmsListed = 0;
    double totalMs() const { return openMs + readMs + restoreMs + tailMs + tickMs; }
};

// A restart as HistoryRecorder::restore() does it: the stored records, then the journal after them.
RecordsRestart restartFromRecords(const QString &dir, const geo::RegionTree &tree, int64_t endedSince)
{
    RecordsRestart r;
    auto t = std::chrono::steady_clock::now();
    QString error;
    std::unique_ptr<history::History> history = history::History::open(dir, &error);
    r.openMs = msSince(t);
    if (!history) {
        std::fprintf(stderr, "bench_history: %s\n", qPrintable(error));
        std::exit(1);
    }
    t = std::chrono::steady_clock::now();
    history::History::Saved saved = history->readSaved(endedSince);
    r.readMs = msSince(t);
    r.cases = saved.cases.size();
    r.tail = saved.journal.size();

    feed::FeedStats stats;
    auto live = std::make_unique<state::LiveState>(stats, &tree);
    t = std::chrono::steady_clock::now();
    const int64_t now = feed::epochMs();
    for (auto &[id, record] : saved.cases)
        live->restoreCase(id, std::move(record), now);
    r.restoreMs = msSince(t);
    t = std::chrono::steady_clock::now();
    std::vector<CaseEvent> &events = saved.journal;
    for (size_t i = 0; i < events.size(); i += kRestoreBatch) {
        feed::Batch batch;
        const size_t end = std::min(events.size(), i + kRestoreBatch);
        batch.events.reserve(end - i);
        for (size_t j = i; j < end; ++j)
            batch.events.emplace_back(std::move(events[j]));
        live->apply(std::move(batch), feed::epochMs());
    }
    r.tailMs = msSince(t);
    t = std::chrono::steady_clock::now();
    live->tick(feed::epochMs());
    r.tickMs = msSince(t);
    r.known = live->cases().size();
    r.open = live->rollups().city().open;
    r.overdue = live->rollups().city().overdue;
    r.alarmsListed = live->alarms().listed();
    return r;
}

// The journal's query (readCaseJournal's columns, filter and order) stepped through with every
// column read and nothing kept: what SQLite itself costs, apart from building the events.
double scanOnly(const QString &path, uint64_t &bytes)
{
    history::Connection db = history::connectHistory(path);
    history::Statement s(db.get(), "SELECT case_id, seq, status, ts, category, source, priority, lon, lat, deadline, title, dept, "
                                   "assignee, grid, note, rating, id FROM case_log WHERE id > 0 AND refused IS NULL ORDER BY id");
    const auto t = std::chrono::steady_clock::now();
    bytes = 0;
    sqlite3_stmt *q = s.get();
    while (sqlite3_step(q) == SQLITE_ROW) {
        for (int column : {0, 2, 4, 5, 10, 11, 12, 13, 14}) {
            if (sqlite3_column_text(q, column))
                bytes += uint64_t(sqlite3_column_bytes(q, column));
        }
        for (int column : {1, 3, 6, 9, 15, 16})
            bytes += uint64_t(sqlite3_column_int64(q, column) & 1);
        if (sqlite3_column_type(q, 7) != SQLITE_NULL)
            bytes += uint64_t(sqlite3_column_double(q, 7) > sqlite3_column_double(q, 8));
    }
    return msSince(t);
}

// Events of the journal that belong to the given cases: what a replay limited to them would read.
size_t eventsOfCases(const QString &path, const std::vector<std::string> &ids)
{
    const std::unordered_set<std::string> wanted(ids.begin(), ids.end());
    history::Connection db = history::connectHistory(path);
    history::Statement s(db.get(), "SELECT case_id FROM case_log WHERE refused IS NULL");
    size_t count = 0;
    std::string id;
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
        id.assign(reinterpret_cast<const char *>(sqlite3_column_text(s.get(), 0)), size_t(sqlite3_column_bytes(s.get(), 0)));
        count += wanted.count(id);
    }
    return count;
}

struct Sizes
{
    int64_t fileBytes = 0, pageSize = 0, pages = 0, freePages = 0;
    struct Part
    {
        std::string name;
        int64_t bytes = 0, pages = 0, payload = 0;
    };
    std::vector<Part> parts; // dbstat, largest first; empty without it
};

Sizes sizesOf(const QString &path)
{
    Sizes sizes;
    sizes.fileBytes = QFileInfo(path).size();
    history::Connection db = history::connectHistory(path);
    const auto single = [&](const char *sql) {
        history::Statement s(db.get(), sql);
        return s && sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : int64_t(-1);
    };
    sizes.pageSize = single("PRAGMA page_size");
    sizes.pages = single("PRAGMA page_count");
    sizes.freePages = single("PRAGMA freelist_count");
    history::Statement s(db.get(), "SELECT name, sum(pgsize), count(*), sum(payload) FROM dbstat GROUP BY name ORDER BY 2 DESC");
    while (s && sqlite3_step(s.get()) == SQLITE_ROW)
        sizes.parts.push_back({reinterpret_cast<const char *>(sqlite3_column_text(s.get(), 0)), sqlite3_column_int64(s.get(), 1),
                               sqlite3_column_int64(s.get(), 2), sqlite3_column_int64(s.get(), 3)});
    return sizes;
}

// ------------------------------------------------------------------ reporting

// `key` (empty: none) prefixes the figures for bench/run.
void printStream(const char *label, const StreamInfo &s, const std::string &key = {})
{
    if (!key.empty()) {
        figure(key + ".events", double(s.events));
        figure(key + ".cases", double(s.cases));
        figure(key + ".days", double(s.last - s.first) / double(kDayMs), "d");
        figure(key + ".cases_per_day", double(s.cases) * double(kDayMs) / double(std::max<int64_t>(1, s.last - s.first)));
        figure(key + ".events_per_case", double(s.events) / double(s.cases));
        figure(key + ".duplicates", double(s.duplicates));
        figure(key + ".held_back", double(s.heldBack));
    }
    std::printf("%-28s %s events of %s cases (%.2f a case) arriving %s .. %s (%.1f days, %.0f new cases a day);\n", label,
                withThousands(s.events).c_str(), withThousands(s.cases).c_str(), double(s.events) / double(s.cases),
                shanghaiClock(s.first).c_str(), shanghaiClock(s.last).c_str(), double(s.last - s.first) / double(kDayMs),
                double(s.cases) * double(kDayMs) / double(std::max<int64_t>(1, s.last - s.first)));
    std::printf("%-28s by status:", "");
    for (size_t i = 0; i < s.byStatus.size(); ++i)
        std::printf(" %s %zu", std::string(feed::kCaseStatusNames[i]).c_str(), s.byStatus[i]);
    std::printf("; %zu delivered twice, %zu behind the case's next\n", s.duplicates, s.heldBack);
}

void printBuilt(const Built &b, const std::string &key)
{
    figure(key + ".build_ms", b.generateMs + b.insertMs + b.markMs + b.recordsMs + b.checkpointMs, "ms");
    std::printf("%-28s generate %.0f ms, insert %.0f ms (transactions of %zu: %.0f events/s), replay and mark %zu refused "
                "%.0f ms, write %s case records %.0f ms, checkpoint %.0f ms; %s rows\n",
                "built", b.generateMs, b.insertMs, kBuildTransaction,
                double(b.stream.events + b.stream.duplicates) * 1000.0 / b.insertMs, b.refused, b.markMs,
                withThousands(b.records).c_str(), b.recordsMs, b.checkpointMs, withThousands(b.rows).c_str());
}

void printSizes(const Sizes &s, size_t rows, const std::string &key)
{
    const double perEvent = double(s.fileBytes) / double(rows);
    figure(key + ".file_mb", double(s.fileBytes) / 1e6, "MB");
    figure(key + ".bytes_per_event", perEvent, "B");
    for (const Sizes::Part &p : s.parts)
        figure(key + ".part." + p.name + "_bytes_per_event", double(p.bytes) / double(rows), "B");
    std::printf("%-28s %.1f MB file (%lld pages of %lld, %lld free): %.0f bytes/event, %.0f MB per million events\n",
                "database size", double(s.fileBytes) / 1e6, static_cast<long long>(s.pages),
                static_cast<long long>(s.pageSize), static_cast<long long>(s.freePages), perEvent, perEvent);
    if (s.parts.empty()) {
        std::printf("%-28s dbstat is not available in this SQLite\n", "");
        return;
    }
    for (const Sizes::Part &p : s.parts)
        std::printf("  %-26s %8.1f MB %7.1f %%  %6.1f bytes/event (%lld pages; payload %.1f bytes/event)\n", p.name.c_str(),
                    double(p.bytes) / 1e6, 100.0 * double(p.bytes) / double(s.fileBytes), double(p.bytes) / double(rows),
                    static_cast<long long>(p.pages), double(p.payload) / double(rows));
}

struct RestartFigures
{
    Stats open, read, state, apply, total;
    Stats recordsRead, recordsRestore, recordsTotal; // all records, as HistoryRecorder::restore()
    RecordsRestart records, today;                    // first repeat; records of open cases and today's only
    double scanMs = 0;
    Restart first;
    Restart cold;
};

int64_t journalRows(const QString &dir)
{
    history::Connection db = history::connectHistory(databasePath(dir));
    history::Statement s(db.get(), "SELECT max(id) FROM case_log");
    return s && sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : 0;
}

// `journalToo`: also time the replay of the whole journal, and load every
// stored case (both hold the whole history in memory: not for tens of millions).
RestartFigures measureRestart(const char *label, const QString &dir, const geo::RegionTree &tree, int repeats, bool journalToo,
                              const std::string &key)
{
    RestartFigures f;
    std::vector<double> open, read, stateInit, apply, total;
    for (int r = 0; journalToo && r < repeats; ++r) {
        Restart run = restartOnce(dir, tree, r == 0);
        open.push_back(run.openMs);
        read.push_back(run.readMs);
        stateInit.push_back(run.stateMs);
        apply.push_back(run.applyMs);
        total.push_back(run.openMs + run.readMs + run.applyMs);
        if (r == 0)
            f.first = std::move(run);
    }
    if (journalToo) {
        f.open = statsOf(open);
        f.read = statsOf(read);
        f.state = statsOf(stateInit);
        f.apply = statsOf(apply);
        f.total = statsOf(total);
        evictFromCache(databasePath(dir));
        f.cold = restartOnce(dir, tree);
        uint64_t bytes = 0;
        std::vector<double> scans;
        for (int r = 0; r < std::max(1, repeats / 2); ++r)
            scans.push_back(scanOnly(databasePath(dir), bytes));
        f.scanMs = statsOf(scans).median;
    }
    {
        std::vector<double> read, restore, total;
        for (int r = 0; r < repeats; ++r) {
            // As HistoryRecorder::restore(): open cases and those ended within kKeepEndedMs.
            RecordsRestart run = restartFromRecords(dir, tree, feed::epochMs() - state::kKeepEndedMs);
            read.push_back(run.readMs);
            restore.push_back(run.restoreMs);
            total.push_back(run.totalMs());
            if (r == 0)
                f.records = run;
        }
        f.recordsRead = statsOf(read);
        f.recordsRestore = statsOf(restore);
        f.recordsTotal = statsOf(total);
        if (journalToo)
            f.today = restartFromRecords(dir, tree, std::numeric_limits<int64_t>::min());
    }

    const double million = double(journalToo ? f.first.events : size_t(journalRows(dir))) / 1e6;
    if (journalToo) {
        std::printf("restart from the journal alone, %s: %s events, median of %d warm (the file in the page cache), then one cold (the file dropped "
                    "from the page cache; the host may still cache the virtual disk)\n",
                    label, withThousands(f.first.events).c_str(), repeats);
        const auto row = [&](const char *what, const Stats &s, double cold, const char *note) {
            std::printf("  %-26s median %8.1f ms (min %.1f, max %.1f) %8.1f ms per million events; cold %.1f ms%s\n", what, s.median,
                        s.min, s.max, s.median / million, cold, note);
        };
        row("History::open", f.open, f.cold.openMs, "");
        row("readJournal()", f.read, f.cold.readMs, "");
        std::printf("  %-26s median %8.1f ms: SQLite stepping the same query and reading every column, nothing kept "
                    "(%.1f ms per million); the rest, %.1f ms, builds the CaseEvents\n",
                    "  of which SQLite", f.scanMs, f.scanMs / million, f.read.median - f.scanMs);
        row("LiveState with the tree", f.state, f.cold.stateMs, " (constructed before the replay, not counted below)");
        row("apply (batches of 4,096)", f.apply, f.cold.applyMs, "");
        row("open + read + apply", f.total, f.cold.openMs + f.cold.readMs + f.cold.applyMs, "  target < 1000 ms");
        std::printf("  %-26s %.0f MB of heap for the journal in memory (%.0f bytes/event, sizeof(CaseEvent) %zu), +%.0f MB for "
                    "the state\n",
                    "memory", f.first.journalMb, f.first.journalMb * 1048576.0 / double(f.first.events), sizeof(CaseEvent),
                    f.first.stateMb);
        figure(key + ".journal.open_ms", f.open.median, "ms");
        figure(key + ".journal.read_ms", f.read.median, "ms");
        figure(key + ".journal.apply_ms", f.apply.median, "ms");
        figure(key + ".journal.total_ms", f.total.median, "ms");
        figure(key + ".journal.total_min_ms", f.total.min, "ms");
        figure(key + ".journal.total_max_ms", f.total.max, "ms");
        figure(key + ".journal.cold_ms", f.cold.openMs + f.cold.readMs + f.cold.applyMs, "ms");
        figure(key + ".journal.memory_mb", f.first.journalMb, "MB");
        std::printf("  %-26s %zu cases known, %d open (%d overdue), %d flagged, %zu refused by the replay (marked at build: 0 "
                    "expected); alarms %d active, %zu listed\n",
                    "restored", f.first.cases, f.first.open, f.first.overdue, f.first.flagged, f.first.refused, f.first.alarmsActive,
                    f.first.alarmsListed);
    }
    std::printf("  from the stored case records as HistoryRecorder::restore() (readSaved(now - 2 days): open cases and those ended "
                "within 2 days), median of %d warm:\n",
                repeats);
    const auto recordsRow = [&](const char *what, const Stats &s, const char *note) {
        std::printf("  %-26s median %8.1f ms (min %.1f, max %.1f) %8.1f ms per million events, %.2f us per case%s\n", what,
                    s.median, s.min, s.max, s.median / million, s.median * 1000.0 / double(f.records.cases), note);
    };
    recordsRow("readSaved()", f.recordsRead, "");
    recordsRow("restoreCase() each", f.recordsRestore, "");
    recordsRow("open + read + restore", f.recordsTotal, "  target < 1000 ms (with the tail and a tick)");
    figure(key + ".records.read_ms", f.recordsRead.median, "ms");
    figure(key + ".records.restore_ms", f.recordsRestore.median, "ms");
    figure(key + ".records.total_ms", f.recordsTotal.median, "ms");
    figure(key + ".records.total_min_ms", f.recordsTotal.min, "ms");
    figure(key + ".records.total_max_ms", f.recordsTotal.max, "ms");
    figure(key + ".records.read_us_per_record", f.recordsRead.median * 1000.0 / double(std::max<size_t>(1, f.records.cases)), "us");
    figure(key + ".records.restore_us_per_case", f.recordsRestore.median * 1000.0 / double(std::max<size_t>(1, f.records.cases)), "us");
    figure(key + ".records.cases", double(f.records.cases));
    figure(key + ".records.open", f.records.open);
    figure(key + ".records.overdue", f.records.overdue);
    figure(key + ".records.same_open", !journalToo || f.records.open == f.first.open ? 1 : 0);
    // Overdue counts move with the clock between the two runs (the history ends at the present), so they are not compared.
    std::printf("  %-26s %zu records, %zu journal events after them; %zu cases known, %d open (%d overdue), alarms %zu listed "
                "(the replay: %zu, %d, %d): %s\n",
                "restored", f.records.cases, f.records.tail, f.records.known, f.records.open, f.records.overdue,
                f.records.alarmsListed, f.first.cases, f.first.open, f.first.overdue,
                !journalToo ? "(no replay)" : f.records.open == f.first.open ? "the same open cases" : "DIFFERENT open cases");
    if (journalToo)
        std::printf("  %-26s readSaved(all): %zu records, %.1f ms in all (read %.1f, restore %.1f): what loading every case ever "
                "stored would take\n",
                "baseline", f.today.cases, f.today.totalMs(), f.today.readMs, f.today.restoreMs);
    if (journalToo) {
        figure(key + ".all.total_ms", f.today.totalMs(), "ms");
        figure(key + ".all.cases", double(f.today.cases));
    }
    return f;
}

// ------------------------------------------------------------------ main

std::shared_ptr<const geo::RegionTree> loadTree()
{
    const geo::RegionLoadResult loaded = geo::loadRegionFile(QStringLiteral(GRIDWALL_REGIONS));
    if (!loaded.tree) {
        std::fprintf(stderr, "bench_history: %s\n", qPrintable(loaded.error));
        std::exit(1);
    }
    return loaded.tree;
}

int buildCommand(const QString &dir, long long events)
{
    if (events < 1) {
        std::fprintf(stderr, "usage: bench_history build DIR N   (N >= 1 case events)\n");
        return 2;
    }
    const std::shared_ptr<const geo::RegionTree> tree = loadTree();
    Built built;
    QString error;
    if (!buildDatabase(dir, size_t(events), *tree, built, error)) {
        std::fprintf(stderr, "bench_history: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("wrote %s\n", qPrintable(databasePath(dir)));
    printStream("history", built.stream, "built");
    printBuilt(built, "built");
    printSizes(sizesOf(databasePath(dir)), built.rows, "built");
    return 0;
}

// Restart of any history (a built one, or a copy of a wall's data dir): the same split as the full run.
int restartCommand(const QString &dir, int repeats)
{
    if (!QFile::exists(databasePath(dir))) {
        std::fprintf(stderr, "bench_history: %s does not exist\n", qPrintable(databasePath(dir)));
        return 1;
    }
    const std::shared_ptr<const geo::RegionTree> tree = loadTree();
    std::printf("%s, %s\n", qPrintable(databasePath(dir)), pinToCpu0().c_str());
    const int64_t rows = journalRows(dir);
    if (rows > kReplayLimit)
        std::printf("%s journal rows: the replay of the whole journal and loading every stored case are left out (over %s)\n",
                    withThousands(uint64_t(rows)).c_str(), withThousands(uint64_t(kReplayLimit)).c_str());
    measureRestart(qPrintable(dir), dir, *tree, repeats, rows <= kReplayLimit, "restart");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress shows up as it happens, also in a pipe
    // The histories hold events their live state refused, by design; their log lines are not the figures.
    QLoggingCategory::setFilterRules(QStringLiteral("gridwall.feed.reject=false"));
    if (argc > 1 && std::strcmp(argv[1], "build") == 0) {
        if (argc != 4) {
            std::fprintf(stderr, "usage: bench_history build DIR N\n");
            return 2;
        }
        return buildCommand(QString::fromLocal8Bit(argv[2]), std::atoll(argv[3]));
    }
    if (argc > 1 && std::strcmp(argv[1], "restart") == 0) {
        if (argc < 3 || argc > 4) {
            std::fprintf(stderr, "usage: bench_history restart DIR [REPEATS]\n");
            return 2;
        }
        return restartCommand(QString::fromLocal8Bit(argv[2]), argc > 3 ? std::max(1, std::atoi(argv[3])) : 3);
    }
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const size_t bigEvents = argc > 2 ? size_t(std::max(kSmallEvents, size_t(std::atoll(argv[2])))) : kDefaultBigEvents;
    const std::string pinned = pinToCpu0();

    char pattern[] = "/tmp/bench_history.XXXXXX";
    if (!::mkdtemp(pattern)) {
        std::fprintf(stderr, "bench_history: mkdtemp: %s\n", std::strerror(errno));
        return 1;
    }
    const QString root = QString::fromLocal8Bit(pattern);
    const auto directory = [&](const QString &name) { return QDir(root).filePath(name); };
    const auto fail = [&](const QString &error) {
        std::fprintf(stderr, "bench_history: %s\n", qPrintable(error));
        QDir(root).removeRecursively();
        return 1;
    };

    std::printf("bench_history: repeats %d, %s, SQLite %s, databases under %s (removed at the end)\n", repeats, pinned.c_str(),
                sqlite3_libversion(), pattern);
    std::printf("%-28s bench_history build DIR N  (writes DIR/gridwall.sqlite with N case events, as below)\n",
                "synthetic history");
    auto t = std::chrono::steady_clock::now();
    const std::shared_ptr<const geo::RegionTree> tree = loadTree();
    std::printf("%-28s %.0f ms (once): %lld grids\n", "load region file", msSince(t),
                qlonglong(tree->level(geo::Level::Grid).size()));
    const std::vector<Place> places = placesOf(*tree);

    // ---- 1. insertion
    std::printf("== 1. insertion into a fresh database (journal_mode=WAL, synchronous=NORMAL, as the wall opens it)\n");
    StreamInfo insertInfo;
    std::vector<Delivery> deliveries;
    {
        t = std::chrono::steady_clock::now();
        CaseStream stream(places, *tree, kSeed + 1);
        deliveries = stream.generate(kInsertEvents, feed::epochMs(), insertInfo);
        printStream("stream", insertInfo);
        std::printf("%-28s %.0f ms (not timed)\n", "generate", msSince(t));
    }
    const size_t offered = deliveries.size();
    // A fresh database as the wall creates it, its first connection held open beside the inserting one, as the writer's is.
    int fresh = 0;
    struct Fresh
    {
        QString dir;
        history::OpenResult opened;
        history::Connection db; // the inserting connection
    };
    const auto freshDatabase = [&](const char *pragma, Fresh &f) {
        f.dir = directory(QStringLiteral("insert-%1").arg(++fresh));
        f.opened = history::openHistory(f.dir);
        QString error = f.opened.error;
        if (f.opened.db)
            f.db = history::connectHistory(f.opened.path, &error);
        if (f.db && pragma && !history::exec(f.db.get(), pragma, &error))
            f.db.reset();
        if (!f.db)
            std::fprintf(stderr, "bench_history: %s\n", qPrintable(error));
        return bool(f.db);
    };
    const auto drop = [](Fresh &f) {
        f.db.reset();
        f.opened.db.reset();
        QDir(f.dir).removeRecursively();
    };
    // One measurement: rates over the repeats, bytes written per delivery, and the checkpoint left behind.
    struct Rate
    {
        Stats rate;
        double bytesPerEvent = 0;
        double checkpointMs = 0;
    };
    const auto measure = [&](const char *pragma, size_t count, const std::function<bool(sqlite3 *, const QString &)> &insert,
                             Rate &out) {
        std::vector<double> rates, bytes, checkpoints;
        for (int r = 0; r < repeats; ++r) {
            Fresh f;
            if (!freshDatabase(pragma, f))
                return false;
            const uint64_t written = bytesWritten();
            const auto start = std::chrono::steady_clock::now();
            if (!insert(f.db.get(), f.opened.path))
                return false;
            rates.push_back(double(count) * 1000.0 / msSince(start));
            bytes.push_back(double(bytesWritten() - written) / double(count));
            const auto checkpoint = std::chrono::steady_clock::now();
            history::exec(f.db.get(), "PRAGMA wal_checkpoint(TRUNCATE)");
            checkpoints.push_back(msSince(checkpoint));
            drop(f);
        }
        out = {statsOf(rates), statsOf(bytes).median, statsOf(checkpoints).median};
        return true;
    };
    const auto batchedInsert = [&](size_t perTransaction) {
        return [&, perTransaction](sqlite3 *db, const QString &) {
            QString error;
            const bool ok = insertBatched(db, deliveries, 0, offered, perTransaction, error);
            if (!ok)
                std::fprintf(stderr, "bench_history: %s\n", qPrintable(error));
            return ok;
        };
    };
    const size_t autocommitCount = std::min(offered, kAutocommitEvents);
    // The wall's path: CaseJournal's own connection (the measurement's connection stays idle beside it).
    const auto journalRecord = [&](sqlite3 *, const QString &path) {
        history::CaseJournal journal(path);
        for (size_t i = 0; i < autocommitCount; ++i) {
            if (!journal.record(deliveries[i].event, deliveries[i].arrival)) {
                std::fprintf(stderr, "bench_history: %s\n", qPrintable(journal.error()));
                return false;
            }
        }
        return true;
    };
    // The same statement, one autocommit each, on the measurement's connection (with its pragma).
    const auto ownAutocommit = [&](sqlite3 *db, const QString &) {
        history::Statement insert(db, history::kCaseLogInsert);
        for (size_t i = 0; i < autocommitCount; ++i)
            if (!insertOne(insert.get(), deliveries[i].event, deliveries[i].arrival))
                return false;
        return true;
    };
    const auto report = [&](const std::string &label, const std::string &key, const Rate &r, size_t count, const char *note) {
        figure("insert." + key + ".rate", r.rate.median, "events/s");
        figure("insert." + key + ".rate_min", r.rate.min, "events/s");
        figure("insert." + key + ".rate_max", r.rate.max, "events/s");
        figure("insert." + key + ".us", 1e6 / r.rate.median, "us");
        std::printf("%-34s median %7.0f events/s (min %.0f, max %.0f) %7.1f us each, %6.0f bytes written/event, then "
                    "checkpoint %.0f ms; %s deliveries%s\n",
                    label.c_str(), r.rate.median, r.rate.min, r.rate.max, 1e6 / r.rate.median, r.bytesPerEvent, r.checkpointMs,
                    withThousands(count).c_str(), note);
    };
    std::vector<std::pair<size_t, Rate>> batched;
    for (size_t perTransaction : kTransactionSizes) {
        Rate r;
        if (!measure(nullptr, offered, batchedInsert(perTransaction), r))
            return fail(QStringLiteral("batched insertion failed"));
        batched.push_back({perTransaction, r});
        report("batched, " + withThousands(perTransaction) + " a transaction", "batched" + std::to_string(perTransaction), r, offered,
               perTransaction >= 1000 ? "  target >= 250,000/s" : "");
    }
    Rate record;
    if (!measure(nullptr, autocommitCount, journalRecord, record))
        return fail(QStringLiteral("CaseJournal::record failed"));
    report("CaseJournal::record (autocommit)", "record", record, autocommitCount, "  durable against a killed process");
    for (const auto &[size, r] : batched)
        std::printf("  %-32s x%.1f the rate of one commit per event\n", ("batched " + withThousands(size) + " vs record").c_str(),
                    r.rate.median / record.rate.median);

    // Baselines, not the wall's settings: where the time of a commit goes.
    std::printf("the journal's own settings (wal_autocheckpoint=0; the wall's writer thread checkpoints once a second):\n");
    constexpr const char *kNoCheckpoint = "PRAGMA wal_autocheckpoint=0";
    for (size_t perTransaction : {size_t(1'000), size_t(10'000)}) {
        Rate r;
        if (!measure(kNoCheckpoint, offered, batchedInsert(perTransaction), r))
            return fail(QStringLiteral("batched insertion failed"));
        report("  batched " + withThousands(perTransaction) + ", no auto-checkpoint", "nockpt_batched" + std::to_string(perTransaction), r,
               offered,
               "  (checkpoints left to another connection)");
    }
    {
        Rate r;
        if (!measure(kNoCheckpoint, autocommitCount, ownAutocommit, r))
            return fail(QStringLiteral("autocommit failed"));
        report("  autocommit, no auto-checkpoint", "nockpt_autocommit", r, autocommitCount, "");
    }
    {
        // One fsync of the WAL per commit: durable against a power cut as well.
        Fresh f;
        if (!freshDatabase("PRAGMA synchronous=FULL", f))
            return fail(QStringLiteral("cannot open a fresh database"));
        size_t count = 0;
        const auto start = std::chrono::steady_clock::now();
        {
            history::Statement insert(f.db.get(), history::kCaseLogInsert);
            while (count < std::min(offered, kFullSyncEvents) && msSince(start) < 5000) {
                if (!insertOne(insert.get(), deliveries[count].event, deliveries[count].arrival))
                    return fail(QString::fromUtf8(sqlite3_errmsg(f.db.get())));
                ++count;
            }
        }
        const double rate = double(count) * 1000.0 / msSince(start);
        std::printf("%-34s        %7.0f events/s %16.2f ms each; %zu deliveries\n", "  autocommit, synchronous=FULL", rate,
                    1000.0 / rate, count);
        figure("insert.full_sync.ms", 1000.0 / rate, "ms");
        drop(f);
    }
    deliveries.clear();
    deliveries.shrink_to_fit();

    // ---- 2. and 3. restart and size
    std::vector<std::pair<size_t, RestartFigures>> restarts;
    StreamInfo largeBuilt;
    for (const size_t events : {kSmallEvents, bigEvents}) {
        const bool big = events == bigEvents;
        const std::string label = withThousands(events) + " events";
        std::printf("== 2./3. history of %s\n", label.c_str());
        const QString dir = directory(QStringLiteral("history-%1").arg(events));
        Built built;
        QString error;
        if (!buildDatabase(dir, events, *tree, built, error))
            return fail(error);
        const std::string key = big ? "big" : "small";
        printStream("history", built.stream, key);
        printBuilt(built, key);
        printSizes(sizesOf(databasePath(dir)), built.rows, key);
        RestartFigures f = measureRestart(label.c_str(), dir, *tree, big ? repeats : 2 * repeats - 1, true, key);
        const size_t needed = eventsOfCases(databasePath(dir), f.first.neededIds);
        std::printf("  %-26s %zu of %zu cases are open or were reported, changed or closed today; their events: %s "
                    "(%.1f %% of the journal)\n",
                    "what today needs", f.first.neededIds.size(), f.first.cases, withThousands(needed).c_str(),
                    100.0 * double(needed) / double(f.first.events));
        restarts.push_back({events, std::move(f)});
        largeBuilt = built.stream;
        QDir(dir).removeRecursively();
    }

    // ---- scaling
    std::printf("== scaling (medians, warm)\n");
    const auto &[smallEvents, small] = restarts.front();
    const auto &[largeEvents, large] = restarts.back();
    const auto perMillion = [](double ms, size_t events) { return ms * 1e6 / double(events); };
    std::printf("%-28s %12s %12s %14s\n", "ms per million events", withThousands(smallEvents).c_str(),
                withThousands(largeEvents).c_str(), "10M / 70M (linear from the larger)");
    const auto scaleRow = [&](const char *what, double a, double b) {
        std::printf("  %-26s %12.1f %12.1f %8.0f / %.0f ms\n", what, perMillion(a, smallEvents), perMillion(b, largeEvents),
                    perMillion(b, largeEvents) * 10, perMillion(b, largeEvents) * 70);
    };
    scaleRow("readJournal()", small.read.median, large.read.median);
    scaleRow("apply", small.apply.median, large.apply.median);
    scaleRow("open + read + apply", small.total.median, large.total.median);
    const double msPerMillion = perMillion(large.total.median, largeEvents);
    const double millionsInOneSecond = 1000.0 / msPerMillion;
    const double eventsPerDay = double(largeBuilt.events) * double(kDayMs) / double(largeBuilt.last - largeBuilt.first);
    std::printf("%-28s %.2f million events in 1 s: ~%.0f days of this city (%.0f events a day); the journal in memory at "
                "10M / 70M events ~%.1f / %.1f GB\n",
                "replay alone reaches", millionsInOneSecond, millionsInOneSecond * 1e6 / eventsPerDay, eventsPerDay,
                large.first.journalMb * 10e6 / double(large.first.events) / 1024.0,
                large.first.journalMb * 70e6 / double(large.first.events) / 1024.0);

    QDir(root).removeRecursively();
    return 0;
}

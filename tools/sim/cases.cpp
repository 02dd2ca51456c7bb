#include "cases.h"

#include "json.h"
#include "names.h"
#include "units.h"
#include "workers.h"

#include <array>
#include <cstdio>

namespace gridwall::sim {

namespace {

constexpr const char *kCategoryNames[kCategoryCount] = {
    "dispute", "petition", "family", "safety_hazard", "public_order", "city_environment", "pipe_network",
    "special_population", "epidemic"};
constexpr const char *kSourceNames[] = {"app", "hotline", "patrol", "camera", "sensor", "other"};
constexpr const char *kStatusNames[] = {"reported", "accepted", "dispatched", "handling", "resolved",
                                        "closed",   "rejected", "returned",   "escalated"};

// Share of each category among reported cases, and how a source shifts it.
constexpr double kCategoryShare[kCategoryCount] = {14, 6, 6, 14, 10, 28, 9, 7, 6};
double sourceBias(CaseSource s, CaseCategory c)
{
    switch (s) {
    case CaseSource::Patrol:
        return c == CaseCategory::CityEnvironment || c == CaseCategory::SafetyHazard
                       || c == CaseCategory::SpecialPopulation
                   ? 1.5
                   : 1.0;
    case CaseSource::Hotline:
        return c == CaseCategory::Petition || c == CaseCategory::Dispute || c == CaseCategory::Family ? 1.6 : 1.0;
    case CaseSource::App: return c == CaseCategory::CityEnvironment || c == CaseCategory::PipeNetwork ? 1.3 : 1.0;
    default: return 1.0;
    }
}
// Priority 1..4 weights per category.
constexpr double kPriorityWeights[kCategoryCount][4] = {
    {3, 20, 50, 27}, {2, 15, 45, 38}, {5, 20, 45, 30}, {12, 30, 40, 18}, {12, 35, 38, 15},
    {1, 12, 47, 40}, {6, 30, 44, 20}, {3, 17, 45, 35}, {5, 40, 40, 15}};
// Deadline per priority: 2 h, 24 h, 48 h, 72 h.
constexpr Ms kDeadline[4] = {2 * kHour, 24 * kHour, 48 * kHour, 72 * kHour};

// Reported cases through the day (Asia/Shanghai): busy mornings, steady
// afternoons, quiet nights.
const DayProfile kCaseProfile({0.15, 0.10, 0.08, 0.08, 0.10, 0.20, 0.45, 0.90, 1.80, 2.20, 2.20, 1.80, 1.00, 1.10,
                               1.40, 1.50, 1.40, 1.20, 0.90, 0.80, 0.70, 0.55, 0.35, 0.20});

// Title templates: {c} community, {b} building or villagers' group; "U|"
// only in urban communities, "R|" only in villages.
const std::vector<const char *> kTitles[kCategoryCount] = {
    {"{c}{b}邻里噪音纠纷", "U|{c}物业服务费纠纷", "{c}停车位归属纠纷", "{c}拖欠务工人员工资", "R|{c}土地承包经营权纠纷",
     "R|{c}宅基地边界纠纷", "U|{c}{b}楼上漏水纠纷"},
    {"U|{c}居民反映冬季供暖温度不达标", "U|{c}回迁房不动产证办理问题", "{c}居民反映征地补偿问题",
     "U|{c}居民联名反映老旧小区改造进度", "R|{c}村民反映稻田灌溉用水问题"},
    {"{c}{b}夫妻矛盾调解", "{c}离婚纠纷调解", "{c}赡养老人纠纷", "{c}{b}家庭暴力求助", "{c}子女抚养费纠纷"},
    {"U|{c}{b}楼道堆放杂物堵塞消防通道", "U|{c}{b}电动车入户充电", "{c}{b}燃气软管老化", "{c}商铺违规储存烟花爆竹",
     "{c}废弃油井口防护缺失", "{c}建筑工地脚手架防护不到位", "U|{c}{b}外墙瓷砖脱落"},
    {"{c}夜间聚集饮酒滋事", "{c}{b}电动车被盗", "{c}可疑人员挨户推销", "{c}公共场所打架斗殴", "U|{c}网吧接纳未成年人"},
    {"{c}{b}附近垃圾堆积未及时清运", "{c}路口占道经营", "{c}{b}私搭乱建", "{c}路段乱贴小广告",
     "U|{c}绿化带毁绿种菜", "R|{c}秸秆露天焚烧", "R|{c}{b}柴草占道堆放", "{c}{b}附近车辆乱停乱放",
     "{c}道路路面破损", "{c}夜间露天烧烤油烟扰民"},
    {"{c}{b}下水井堵塞外溢", "{c}供水管道破裂漏水", "U|{c}供热管线漏水冒汽", "{c}雨水井盖缺失", "{c}燃气管道闻到异味"},
    {"{c}{b}独居老人定期走访", "{c}社区矫正对象走访", "{c}严重精神障碍患者随访", "{c}留守儿童关爱帮扶",
     "{c}困难家庭临时救助申请"},
    {"{c}发热人员排查登记", "{c}疫苗接种点秩序维护", "{c}外地返盘人员健康登记", "{c}居家健康监测人员随访",
     "{c}农贸市场环境消杀"},
};

// Who handles a category: a department at some level, maybe with a unit or a grid worker.
enum Scope { CityLevel, DistrictLevel, StreetLevel, PoliceStation, CommunityLevel };
enum Handler { Staff, GridWorker, Police, Fire, Enforcement };
struct DeptOption
{
    const char *name;
    Scope scope;
    Handler handler;
    double weight;
};
const std::vector<DeptOption> kDepts[kCategoryCount] = {
    {{"人民调解委员会", CommunityLevel, GridWorker, 0.35}, {"司法所", StreetLevel, Staff, 0.35},
        {"派出所", PoliceStation, Police, 0.30}},
    {{"信访局", DistrictLevel, Staff, 0.6}, {"信访办", StreetLevel, Staff, 0.4}},
    {{"妇女联合会", DistrictLevel, Staff, 0.35}, {"人民调解委员会", CommunityLevel, GridWorker, 0.45},
        {"派出所", PoliceStation, Police, 0.2}},
    {{"应急管理局", DistrictLevel, Staff, 0.35}, {"消防救援大队", DistrictLevel, Fire, 0.25},
        {"住房和城乡建设局", DistrictLevel, Staff, 0.2}, {"网格工作站", CommunityLevel, GridWorker, 0.2}},
    {{"派出所", PoliceStation, Police, 0.85}, {"网格工作站", CommunityLevel, GridWorker, 0.15}},
    {{"城市管理综合行政执法局", DistrictLevel, Enforcement, 0.45}, {"环境卫生服务中心", DistrictLevel, Staff, 0.25},
        {"网格工作站", CommunityLevel, GridWorker, 0.30}},
    {{"住房和城乡建设局", DistrictLevel, Staff, 0.3}, {"盘锦水务集团", CityLevel, Staff, 0.3},
        {"盘锦燃气公司", CityLevel, Staff, 0.2}, {"盘锦热力公司", CityLevel, Staff, 0.2}},
    {{"民政局", DistrictLevel, Staff, 0.3}, {"司法所", StreetLevel, Staff, 0.25},
        {"卫生健康局", DistrictLevel, Staff, 0.2}, {"网格工作站", CommunityLevel, GridWorker, 0.25}},
    {{"卫生健康局", DistrictLevel, Staff, 0.4}, {"疾病预防控制中心", DistrictLevel, Staff, 0.3},
        {"社区卫生服务中心", StreetLevel, Staff, 0.3}},
};

const std::vector<const char *> kRejectNotes = {"重复上报", "不属于受理范围", "信息不全无法核实", "已由其他渠道处理"};
const std::vector<const char *> kReturnNotes = {"非本部门职责，申请退回重新派单", "地址有误，申请退回",
                                                "需其他部门牵头，退回重派"};
const std::vector<const char *> kEscalateNotes = {"涉及多部门，提级联动处置", "超出街道处置权限，提级至区级",
                                                  "群众反映强烈，提级督办"};
const std::vector<const char *> kResolveNotes = {"已现场处置完毕", "已协调解决", "已调解达成一致", "已维修完成",
                                                 "已整改到位"};

Ms minutes(Rng &r, double lo, double hi)
{
    return Ms(r.uniform(lo, hi) * double(kMinute));
}

} // namespace

void Cases::start(Ms now)
{
    m_arrivals = Rng(streamSeed(m_world.seed, 0xa11));
    const double perMs = kCasesPerDay * m_world.rate / double(kDay) * kCaseProfile.peak();
    m_world.agenda.at(now + Ms(m_arrivals.exponential(1.0 / perMs)), Action::CaseArrival);
}

void Cases::onArrival(Ms t)
{
    const double perMs = kCasesPerDay * m_world.rate / double(kDay) * kCaseProfile.peak();
    m_world.agenda.at(t + Ms(std::max(1.0, m_arrivals.exponential(1.0 / perMs))), Action::CaseArrival);
    if (!m_arrivals.chance(kCaseProfile.at(t) / kCaseProfile.peak()))
        return;

    // The content of the n-th case depends on the seed only.
    Rng r(streamSeed(m_world.seed, 0xca5e, m_generic++));
    const City &city = m_world.city;
    CaseReport c;
    static const std::vector<double> sourceWeights = {0.45, 0.22, 0.30, 0, 0, 0.03};
    c.source = CaseSource(r.weighted(sourceWeights));
    std::vector<double> w(kCategoryCount);
    for (int i = 0; i < kCategoryCount; ++i)
        w[size_t(i)] = kCategoryShare[i] * sourceBias(c.source, CaseCategory(i));
    c.category = CaseCategory(r.weighted(w));
    const auto &pw = kPriorityWeights[int(c.category)];
    c.priority = 1 + int(r.weighted(std::vector<double>(pw, pw + 4)));
    c.grid = city.drawGrid(r);
    c.scene = city.randomPointInGrid(c.grid, r);
    const GridInfo &g = city.grid(c.grid);
    std::vector<std::string_view> titles;
    for (std::string_view t : kTitles[int(c.category)]) {
        if (t.starts_with("U|") || t.starts_with("R|")) {
            if (t.starts_with("U|") != g.urban)
                continue;
            t.remove_prefix(2);
        }
        titles.push_back(t);
    }
    c.title = expandPlace(r.pick(titles), city.communityName(c.grid), city.placeWord(c.grid), g.urban, r);
    open(c, t, std::move(r));
}

void Cases::report(const CaseReport &report, Ms t)
{
    open(report, t, Rng(streamSeed(m_world.seed, 0xca5f, m_serial)));
}

void Cases::open(const CaseReport &report, Ms t, Rng rng)
{
    int slot;
    if (!m_free.empty()) {
        slot = m_free.back();
        m_free.pop_back();
    } else {
        slot = int(m_slots.size());
        m_slots.emplace_back();
    }
    Case &c = m_slots[size_t(slot)];
    c = Case{};
    c.serial = ++m_serial;
    char number[16];
    std::snprintf(number, sizeof number, "%06u", unsigned(c.serial));
    c.id = m_prefix + "-" + number;
    c.topic = m_world.outbox.topic("case", c.id, "event");
    c.rng = std::move(rng);
    Rng &r = c.rng;
    c.source = report.source;
    c.category = report.category;
    c.priority = std::clamp(report.priority, 1, 4);
    c.scene = report.scene;
    c.grid = report.grid;
    c.title = report.title;
    c.fireRisk = report.fireRisk || (report.source == CaseSource::Camera && c.category == CaseCategory::SafetyHazard);
    c.reportedAt = t;
    c.deadline = t + kDeadline[c.priority - 1];
    c.gridKnown = r.chance(0.85);

    // The plan: ~5 % rejected, ~5 % returned once, ~3 % escalated, ~2 %
    // stalled (left to go overdue), ~7 % resolved after the deadline.
    const bool machine = c.source == CaseSource::Camera || c.source == CaseSource::Sensor;
    c.reject = r.chance(machine ? 0.03 : 0.05);
    c.returnOnce = r.chance(0.05);
    c.escalate = r.chance(0.03);
    c.stall = r.chance(0.02);
    c.resolveFraction = r.chance(0.07) ? r.uniform(1.05, 1.7) : r.uniform(0.15, 0.8);

    publishEvent(c, Status::Reported);
    Ms accept = 0;
    switch (c.source) {
    case CaseSource::App: accept = minutes(r, 1, 8); break; // the platform accepts automatically
    case CaseSource::Hotline: accept = minutes(r, 3, 20); break;
    case CaseSource::Other: accept = minutes(r, 5, 30); break;
    default: accept = minutes(r, 1, 5); break;
    }
    if (c.priority == 1)
        accept /= 2;
    if (c.reject)
        scheduleNext(c, Status::Rejected, t + accept + minutes(r, 5, 60));
    else
        scheduleNext(c, Status::Accepted, t + accept);
}

void Cases::scheduleNext(Case &c, Status next, Ms at)
{
    c.next = next;
    m_world.agenda.at(at, Action::CaseStep, int(&c - m_slots.data()), c.serial);
}

void Cases::publishEvent(Case &c, Status status, const std::string &note, int rating)
{
    JsonObject o;
    o.add("ts", m_world.ts()).add("seq", ++c.seq).add("status", kStatusNames[int(status)]);
    switch (status) {
    case Status::Reported: {
        const GeoPoint g = m_world.city.toGeo(c.scene);
        o.add("category", kCategoryNames[int(c.category)])
            .add("source", kSourceNames[int(c.source)])
            .add("priority", c.priority)
            .add("lon", g.lon, 6)
            .add("lat", g.lat, 6)
            .add("deadline", int64_t(c.deadline))
            .add("title", c.title);
        if (c.gridKnown && c.grid >= 0)
            o.add("grid", m_world.city.grid(c.grid).code);
        break;
    }
    case Status::Dispatched:
    case Status::Handling:
    case Status::Escalated:
        o.add("dept", c.dept).add("assignee", c.assignee);
        break;
    case Status::Returned: o.add("dept", c.dept); break;
    default: break;
    }
    if (!note.empty())
        o.add("note", note);
    if (rating > 0)
        o.add("rating", rating);
    Message m;
    m.feed = Feed::Case;
    m.topic = c.topic;
    m.payload = o.finish();
    m.qos = 1;
    m.seq = c.seq;
    m_world.outbox.send(std::move(m));
}

std::string Cases::deptName(const Case &c, int scope, const char *name) const
{
    const City &city = m_world.city;
    const int grid = c.grid >= 0 ? c.grid : 0;
    switch (Scope(scope)) {
    case CityLevel: return name;
    case DistrictLevel: return city.districtName(grid) + name;
    case StreetLevel: return city.streetName(grid) + name;
    case PoliceStation: return streetWord(city.streetName(grid)) + name;
    case CommunityLevel: return city.communityName(grid) + name;
    }
    return name;
}

// Picks the department and whoever goes; returns when handling starts.
Ms Cases::dispatch(Case &c, Ms t)
{
    Rng &r = c.rng;
    ++c.dispatches;
    c.responder = Responder::Staff;
    c.responderIndex = -1;
    c.assignee = personName(r);
    const Ms staffDelay = c.priority == 1   ? minutes(r, 5, 20)
                          : c.priority == 2 ? minutes(r, 20, 90)
                          : c.priority == 3 ? minutes(r, 60, 360)
                                            : minutes(r, 120, 720);
    if (c.escalated) {
        // Joint handling under the district's social-governance centre.
        c.dept = m_world.city.districtName(std::max(0, c.grid)) + "社会治理综合服务中心";
        return t + minutes(r, 10, 40);
    }

    const auto &options = kDepts[int(c.category)];
    DeptOption option = options[0];
    if (c.fireRisk && c.dispatches == 1) {
        option = {"消防救援大队", DistrictLevel, Fire, 1};
    } else {
        std::vector<double> w;
        for (const DeptOption &o : options)
            w.push_back(o.weight * (c.source == CaseSource::Patrol && o.handler == GridWorker ? 2.0 : 1.0));
        int chosen = int(r.weighted(w));
        if (c.returned && options.size() > 1 && chosen == c.deptOption) // another one after a return
            chosen = (chosen + 1) % int(options.size());
        c.deptOption = chosen;
        option = options[size_t(chosen)];
    }
    c.dept = deptName(c, option.scope, option.name);

    const bool unitWanted = (option.handler == Police && c.priority <= 3) || option.handler == Enforcement
                            || (option.handler == Fire && (c.priority <= 2 || c.fireRisk));
    if (unitWanted && m_world.units) {
        const UnitKind kind = option.handler == Police ? UnitKind::Police
                              : option.handler == Fire ? UnitKind::Fire
                                                       : UnitKind::Enforcement;
        Ms arrival = 0;
        const int unit = m_world.units->dispatch(kind, c.scene, t, &arrival);
        if (unit >= 0) {
            c.responder = Responder::Unit;
            c.responderIndex = unit;
            c.assignee = m_world.units->id(unit);
            return arrival;
        }
    }
    if (option.handler == GridWorker && m_world.workers && c.grid >= 0) {
        const int worker = m_world.workers->freeWorkerIn(c.grid, r);
        if (worker >= 0) {
            c.responder = Responder::Worker;
            c.responderIndex = worker;
            c.assignee = m_world.workers->id(worker);
            return std::max(t + kMinute, m_world.workers->assign(worker, c.scene, t));
        }
    }
    return t + staffDelay;
}

void Cases::releaseResponder(Case &c, Ms t)
{
    if (c.responder == Responder::Unit && m_world.units)
        m_world.units->release(c.responderIndex, t);
    else if (c.responder == Responder::Worker && m_world.workers)
        m_world.workers->release(c.responderIndex, t);
    c.responder = Responder::None;
    c.responderIndex = -1;
}

void Cases::freeSlot(Case &c)
{
    if (m_world.replaying && m_world.now() >= m_keepEndedSince)
        m_endedKept.insert(c.topic);
    c.serial = 0;
    c.rng = Rng();
    m_free.push_back(int(&c - m_slots.data()));
}

std::unordered_set<std::string> Cases::shownAtStart() const
{
    std::unordered_set<std::string> topics = m_endedKept;
    for (const Case &c : m_slots)
        if (c.serial != 0)
            topics.insert(c.topic);
    return topics;
}

void Cases::onStep(int slot, uint32_t serial, Ms t)
{
    Case &c = m_slots[size_t(slot)];
    if (c.serial != serial)
        return;
    Rng &r = c.rng;
    const Ms span = kDeadline[c.priority - 1];
    switch (c.next) {
    case Status::Rejected:
        publishEvent(c, Status::Rejected, r.pick(kRejectNotes));
        freeSlot(c);
        return;
    case Status::Accepted: {
        publishEvent(c, Status::Accepted);
        const Ms delay = c.priority == 1   ? minutes(r, 2, 10)
                         : c.priority == 2 ? minutes(r, 10, 45)
                         : c.priority == 3 ? minutes(r, 20, 120)
                                           : minutes(r, 30, 240);
        scheduleNext(c, Status::Dispatched, t + delay);
        return;
    }
    case Status::Dispatched: {
        const Ms handlingAt = dispatch(c, t);
        publishEvent(c, Status::Dispatched);
        if (c.returnOnce && !c.returned)
            scheduleNext(c, Status::Returned, t + minutes(r, 20, 180));
        else
            scheduleNext(c, Status::Handling, std::max(handlingAt, t + kMinute));
        return;
    }
    case Status::Returned:
        c.returned = true;
        releaseResponder(c, t);
        publishEvent(c, Status::Returned, r.pick(kReturnNotes));
        scheduleNext(c, Status::Dispatched, t + minutes(r, 10, 60));
        return;
    case Status::Handling: {
        publishEvent(c, Status::Handling);
        if (c.escalate && !c.escalated) {
            scheduleNext(c, Status::Escalated, t + std::min<Ms>(4 * kHour, minutes(r, 20, 60) + span / 6));
            return;
        }
        if (c.stall) {
            // Waits on something outside the city's hands and is never
            // resolved while the simulator runs: it goes overdue. Whoever
            // went there leaves after a while.
            const Ms leave = t + minutes(r, 20, 60);
            if (c.responder == Responder::Unit && m_world.units) {
                const int unit = c.responderIndex;
                m_world.agenda.at(leave, Action::UnitRelease, unit, m_world.units->generation(unit));
            }
            else if (c.responder == Responder::Worker && m_world.workers)
                m_world.workers->release(c.responderIndex, t);
            c.responder = Responder::None;
            c.responderIndex = -1;
            return;
        }
        const Ms work = c.responder == Responder::Unit     ? minutes(r, 15, 45)
                        : c.responder == Responder::Worker ? minutes(r, 10, 40)
                        : c.priority == 1                  ? minutes(r, 10, 30)
                                                           : minutes(r, 20, 180);
        const Ms target = c.reportedAt + Ms(c.resolveFraction * double(span));
        scheduleNext(c, Status::Resolved, std::max(t + work, target));
        return;
    }
    case Status::Escalated:
        c.escalated = true;
        releaseResponder(c, t);
        c.dept = m_world.city.districtName(std::max(0, c.grid)) + "社会治理综合服务中心";
        publishEvent(c, Status::Escalated, r.pick(kEscalateNotes));
        scheduleNext(c, Status::Dispatched, t + minutes(r, 10, 40));
        return;
    case Status::Resolved: {
        releaseResponder(c, t);
        publishEvent(c, Status::Resolved, r.chance(0.6) ? std::string(r.pick(kResolveNotes)) : std::string());
        Ms close = 0;
        switch (c.source) {
        case CaseSource::App: close = minutes(r, 30, 720); break;      // the reporter's feedback in the app
        case CaseSource::Hotline: close = minutes(r, 60, 1440); break; // a call-back
        default: close = minutes(r, 10, 60); break;
        }
        scheduleNext(c, Status::Closed, t + close);
        return;
    }
    case Status::Closed: {
        int rating = 0;
        if ((c.source == CaseSource::App || c.source == CaseSource::Hotline) && r.chance(0.9)) {
            const bool late = t > c.deadline;
            static const std::vector<double> happy = {0.03, 0.04, 0.10, 0.25, 0.58};
            static const std::vector<double> unhappy = {0.08, 0.12, 0.25, 0.30, 0.25};
            rating = 1 + int(r.weighted(late ? unhappy : happy));
        }
        publishEvent(c, Status::Closed, {}, rating);
        ++m_closed;
        freeSlot(c);
        return;
    }
    case Status::Reported: return;
    }
}

} // namespace gridwall::sim

#include "pluginapi.h"

#include "feedrows.h"
#include "geo/regiontree.h"
#include "map/geography.h"
#include "map/geomap.h"
#include "pluginhost.h"
#include "views/historyqueries.h"
#include "state/livestate.h"
#include "views/regionpanel.h"
#include "views/selection.h"
#include "views/text.h"


namespace gridwall::plugins {

using views::text;

PluginApi::PluginApi(const Manifest &manifest, const WallParts &wall, FeedRows &rows, PluginHost &host, bool english, QObject *parent)
    : QObject(parent)
    , m_manifest(manifest)
    , m_wall(wall)
    , m_rows(&rows)
    , m_host(host)
    , m_english(english)
{
    if (m_wall.map)
        connect(m_wall.map, &map::GeoMap::viewChanged, this, &PluginApi::viewChanged);
    if (m_wall.selection)
        connect(m_wall.selection, &views::Selection::changed, this, &PluginApi::selectionChanged);
    // Its own client of the history: its requests' answers come to it alone.
    if (m_wall.history && m_manifest.data.contains(QStringLiteral("history"))) {
        m_history = m_wall.history->client();
        QQmlEngine::setObjectOwnership(m_history.get(), QQmlEngine::CppOwnership);
    }
    connect(this, &PluginApi::refreshed, this, &PluginApi::selectionChanged); // the region's name and level, as before
}

PluginApi::~PluginApi() = default;

bool PluginApi::selectRegion(const QString &code)
{
    if (!allowed(QStringLiteral("the selection"), m_manifest.data.contains(QStringLiteral("selection"))) || !m_wall.selection)
        return false;
    return m_wall.selection->selectRegion(code, views::Selection::Reason::Plugin);
}

bool PluginApi::selectEntity(const QString &id)
{
    if (!allowed(QStringLiteral("the selection"), m_manifest.data.contains(QStringLiteral("selection"))) || !m_wall.selection
        || id.isEmpty())
        return false;
    m_wall.selection->selectEntity(id, views::Selection::Reason::Plugin);
    return true;
}

QPointF PluginApi::toMap(double lon, double lat) const
{
    if (!m_wall.map || !m_wall.geography)
        return {};
    return m_wall.map->view().sceneToScreen(m_wall.geography->tree().sceneFromGeo(lon, lat));
}

double PluginApi::metresPerPixel() const
{
    return m_wall.map ? m_wall.map->groundMetresPerPixel() : 0;
}

void PluginApi::setUnit(double unit)
{
    if (unit == m_unit)
        return;
    m_unit = unit;
    emit unitChanged();
}

bool PluginApi::allowed(const QString &what, bool declared)
{
    if (declared && m_wall.state)
        return true;
    if (!declared)
        m_host.reportError(m_manifest.id, QStringLiteral("read %1, which plugin.json does not declare").arg(what));
    return false;
}

double PluginApi::now() const
{
    return m_wall.state ? double(m_wall.state->now()) : 0;
}

QVariantMap PluginApi::city() const
{
    return m_wall.state ? views::RegionPanel::figuresMap(m_wall.state->rollups().city()) : QVariantMap();
}

QVariantMap PluginApi::region() const
{
    return m_wall.region ? m_wall.region->figures().toMap() : city();
}

QVariantMap PluginApi::selection() const
{
    QVariantMap out;
    if (!m_manifest.data.contains(QStringLiteral("selection")))
        return out;
    if (m_wall.region) {
        const views::Figures &f = m_wall.region->figures();
        out = {{QStringLiteral("code"), m_wall.region->code()},
               {QStringLiteral("name"), f.name},
               {QStringLiteral("level"), f.level}};
    }
    if (m_wall.selection) {
        out.insert(QStringLiteral("kind"), views::Selection::kindName(m_wall.selection->kind()));
        out.insert(QStringLiteral("id"), m_wall.selection->entityId());
    }
    return out;
}

QObject *PluginApi::history() const
{
    return m_history.get();
}

QVariantList PluginApi::entities(const QString &feedName, const QVariantMap &filter)
{
    if (!allowed(QStringLiteral("the %1 feed").arg(feedName), m_manifest.reads(feedName)))
        return {};
    return m_rows->rows(feedName, filter);
}

int PluginApi::count(const QString &feedName, const QVariantMap &filter)
{
    if (!allowed(QStringLiteral("the %1 feed").arg(feedName), m_manifest.reads(feedName)))
        return 0;
    return m_rows->count(feedName, filter);
}

QVariantMap PluginApi::countBy(const QString &feedName, const QString &field, const QVariantMap &filter)
{
    if (!allowed(QStringLiteral("the %1 feed").arg(feedName), m_manifest.reads(feedName)))
        return {};
    return m_rows->countBy(feedName, field, filter);
}

QVariantList PluginApi::alarms()
{
    QVariantList rows;
    if (!allowed(QStringLiteral("the alarms"), m_manifest.reads(QStringLiteral("alarm"))))
        return rows;
    const state::AlarmBook &book = m_wall.state->alarms();
    for (int severity = state::kSeverityCount; severity >= 1; --severity)
        for (const state::Alarm *a : book.active(severity))
            rows.append(QVariantMap{{QStringLiteral("id"), double(a->id)},
                                    {QStringLiteral("kind"), QString::fromLatin1(state::alarmKindName(a->kind))},
                                    {QStringLiteral("severity"), a->severity},
                                    {QStringLiteral("subject"), text(a->subject)},
                                    {QStringLiteral("label"), text(a->label)},
                                    {QStringLiteral("raisedAt"), double(a->raisedAt)},
                                    {QStringLiteral("acknowledged"), a->phase == state::AlarmPhase::Acknowledged}});
    return rows;
}

QVariantList PluginApi::regions(const QString &levelName, const QVariantMap &options)
{
    QVariantList rows;
    if (!allowed(QStringLiteral("the regions"), m_manifest.data.contains(QStringLiteral("regions"))))
        return rows;
    const geo::RegionTree &tree = m_wall.geography->tree();
    const state::Rollups &rollups = m_wall.state->rollups();
    const QString under = options.value(QStringLiteral("under")).toString();
    const QVariant byOption = options.value(QStringLiteral("by"));
    const QStringList by = byOption.userType() == QMetaType::QString ? QStringList{byOption.toString()} : byOption.toStringList();
    const qsizetype top = options.contains(QStringLiteral("top")) ? qsizetype(std::max(0, options.value(QStringLiteral("top")).toInt())) : -1;
    const std::optional<geo::Level> level = geo::levelFromName(levelName);
    if (!level)
        return rows;
    for (int index : tree.level(*level)) {
        const QString &code = tree.region(index).code;
        if (!under.isEmpty() && (code == under || !code.startsWith(under)))
            continue;
        QVariantMap row = views::RegionPanel::figuresMap(rollups.region(index));
        if (!by.isEmpty() && std::all_of(by.begin(), by.end(), [&](const QString &f) { return row.value(f).toDouble() == 0; }))
            continue;
        row.insert(QStringLiteral("code"), code);
        row.insert(QStringLiteral("name"), m_wall.geography->displayName(index));
        rows.append(row);
    }
    if (!by.isEmpty()) {
        const auto larger = [&](const QVariant &a, const QVariant &b) {
            const QVariantMap ra = a.toMap(), rb = b.toMap();
            for (const QString &f : by) {
                const double x = ra.value(f).toDouble(), y = rb.value(f).toDouble();
                if (x != y)
                    return x > y;
            }
            return false;
        };
        const qsizetype keep = top < 0 ? rows.size() : std::min(top, rows.size());
        std::partial_sort(rows.begin(), rows.begin() + keep, rows.end(), larger);
        rows.resize(keep);
    } else if (top >= 0 && top < rows.size()) {
        rows.resize(top);
    }
    return rows;
}

} // namespace gridwall::plugins

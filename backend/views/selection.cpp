#include "selection.h"

#include "logging.h"

#include <QScopedValueRollback>

namespace gridwall::views {

Selection::Selection(Locate locate, std::function<bool(const QString &)> regionExists, QObject *parent)
    : QObject(parent)
    , m_locate(std::move(locate))
    , m_regionExists(std::move(regionExists))
{
}

QString Selection::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: break;
    case Kind::Case: return QStringLiteral("case");
    case Kind::Camera: return QStringLiteral("camera");
    case Kind::Sensor: return QStringLiteral("sensor");
    case Kind::Worker: return QStringLiteral("worker");
    case Kind::Unit: return QStringLiteral("unit");
    }
    return {};
}

Selection::Kind Selection::kindNamed(const QString &name)
{
    for (Kind k : {Kind::Case, Kind::Camera, Kind::Sensor, Kind::Worker, Kind::Unit})
        if (name == kindName(k))
            return k;
    return Kind::None;
}

bool Selection::selectRegion(const QString &code, Reason why)
{
    if (!code.isEmpty() && !m_regionExists(code)) {
        qCWarning(lcViews, "selection: no region %s (asked by %s)", qPrintable(code),
                  QMetaEnum::fromType<Reason>().valueToKey(int(why)));
        return false;
    }
    m_pending.clear();
    m_reason = why;
    setEntity(Kind::None, {});
    // Picked on the map, it is in view already; a follower takes the conductor's centre and scale.
    setRegion(code, why != Reason::Map && why != Reason::Follower);
    emit changed();
    return true;
}

void Selection::selectEntity(const QString &id, Reason why)
{
    selectEntity(Kind::None, id, why);
}

void Selection::selectEntity(Kind kind, const QString &id, Reason why)
{
    const QScopedValueRollback changing(m_changing, true);
    m_reason = why;
    const std::optional<Found> found = id.isEmpty() ? std::nullopt : m_locate(kind, id);
    if (!found) {
        // Not in the live state (yet): chosen when it appears; meanwhile the panel shows the region.
        setEntity(Kind::None, {});
        m_pending = id;
        m_pendingKind = kind;
        m_pendingReason = why;
        emit changed();
        return;
    }
    m_pending.clear();
    // The region first: the entity's listeners find it in its grid already.
    if (!found->grid.isEmpty())
        setRegion(found->grid, why != Reason::Follower);
    setEntity(found->kind, id);
    emit changed();
}

void Selection::clearEntity(Reason why)
{
    if (m_kind == Kind::None && m_pending.isEmpty())
        return;
    m_pending.clear();
    m_reason = why;
    setEntity(Kind::None, {});
    emit changed();
}

void Selection::follow(const QString &region, const QString &entityId, Reason why)
{
    const QScopedValueRollback changing(m_changing, true);
    m_reason = why;
    setRegion(region, false);
    if (entityId.isEmpty()) {
        m_pending.clear();
        setEntity(Kind::None, {});
    } else if (entityId != m_entityId) {
        const std::optional<Found> found = m_locate(Kind::None, entityId);
        m_pending = found ? QString() : entityId;
        m_pendingKind = Kind::None;
        m_pendingReason = why;
        setEntity(found ? found->kind : Kind::None, found ? entityId : QString());
    }
    emit changed();
}

void Selection::refresh()
{
    if (m_changing)
        return;
    if (!m_pending.isEmpty()) {
        if (m_locate(m_pendingKind, m_pending))
            selectEntity(m_pendingKind, QString(m_pending), m_pendingReason);
        return;
    }
    // On a follower the region is the conductor's, who follows the entity.
    if (m_kind == Kind::None || m_reason == Reason::Follower)
        return;
    // A worker or unit that crosses into another grid takes the region with it (an entity gone keeps its last).
    const std::optional<Found> found = m_locate(m_kind, m_entityId);
    if (found && !found->grid.isEmpty() && found->grid != m_region) {
        setRegion(found->grid, m_reason != Reason::Follower);
        emit changed();
    }
}

void Selection::setRegion(const QString &code, bool fly)
{
    if (code != m_region) {
        m_region = code;
        emit regionChanged();
    }
    if (fly && !m_followsConductor)
        emit flyRequested(code);
}

void Selection::setEntity(Kind kind, const QString &id)
{
    if (kind == m_kind && id == m_entityId)
        return;
    m_kind = kind;
    m_entityId = id;
    emit entityChanged();
}

} // namespace gridwall::views

#pragma once
// What the wall is showing: one region (the whole city when none) and, in
// it, at most one case, camera, sensor, worker or unit. Every way in asks
// the selection -- a tap on the map or in a panel, a scene, the director,
// the conductor's view on a follower, a plugin, `--view` -- and the map,
// the drill-down panel, the breadcrumb, the wall's other nodes and the
// plugins follow it. Its rules live here, once:
// - an entity's region is the grid it is in: selecting the entity selects
//   that grid, and the grid follows the entity when it moves;
// - a region is flown to, unless the operator picked it on the map's
//   surface (it is in view already); an entity's grid is flown to whoever
//   picked it; on a node that follows a multi-screen wall's conductor
//   nothing flies (the conductor's view carries the map's centre and scale);
// - an id whose kind is not known yet (`--view ID` before its first
//   message) waits and is chosen when it appears (looked for once a second).

#include <QObject>
#include <QQmlEngine>
#include <QString>

#include <functional>
#include <optional>

namespace gridwall::views {

class Selection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The selection is the wall's: Wall.selection")
    Q_PROPERTY(QString region READ region NOTIFY regionChanged)
    Q_PROPERTY(gridwall::views::Selection::Kind kind READ kind NOTIFY entityChanged)
    Q_PROPERTY(QString entityId READ entityId NOTIFY entityChanged)
    // An entity is chosen (kind is not None).
    Q_PROPERTY(bool hasEntity READ hasEntity NOTIFY entityChanged)
    // Why the selection last changed.
    Q_PROPERTY(gridwall::views::Selection::Reason reason READ reason NOTIFY changed)
    // An id waiting for its first message (`--view ID`, a scene's entity); empty when none.
    Q_PROPERTY(QString pendingId READ pendingId NOTIFY changed)

public:
    enum class Kind { None, Case, Camera, Sensor, Worker, Unit };
    Q_ENUM(Kind)
    enum class Reason {
        Start,       // nothing chosen yet
        Map,         // tapped on the map's surface (a region there is in view already: not flown to)
        Tap,         // tapped in a panel, list, breadcrumb, cluster or the alarm ticker
        Scene,       // a scene of the wall's configuration (docs/wall.md)
        Director,    // a command on the wall's command topic
        Follower,    // the conductor's view, applied on another node of the wall
        Plugin,      // a department plugin
        CommandLine, // --view
        Restored,    // the wall's view from before its conductor restarted
    };
    Q_ENUM(Reason)

    // Where an entity is: its kind and the code of the grid it is in (empty: in none, or no position).
    struct Found
    {
        Kind kind = Kind::None;
        QString grid;
    };
    // `locate` finds an entity by id, of a kind or any (None) (nullopt: the live state does not hold it);
    // `regionExists` checks a code.
    using Locate = std::function<std::optional<Found>(Kind kind, const QString &id)>;
    Selection(Locate locate,
              std::function<bool(const QString &code)> regionExists, QObject *parent = nullptr);

    QString region() const { return m_region; }
    Kind kind() const { return m_kind; }
    QString entityId() const { return m_entityId; }
    bool hasEntity() const { return m_kind != Kind::None; }
    Reason reason() const { return m_reason; }
    QString pendingId() const { return m_pending; }

    // A region at any level ("" the whole city); the entity is let go. False for an unknown code.
    Q_INVOKABLE bool selectRegion(const QString &code, gridwall::views::Selection::Reason why);
    // An entity by id, whatever its kind; one the live state does not hold yet is chosen when it appears.
    Q_INVOKABLE void selectEntity(const QString &id, gridwall::views::Selection::Reason why);
    // The same, of a known kind (a marker's: a case and a camera may share an id).
    void selectEntity(Kind kind, const QString &id, Reason why);
    // Back from the entity to its region.
    Q_INVOKABLE void clearEntity(gridwall::views::Selection::Reason why);
    // The conductor's view on a follower (or, `Restored`, on the conductor after its restart): region and entity
    // as they were there, nothing flown to.
    void follow(const QString &region, const QString &entityId, Reason why = Reason::Follower);
    // This node follows a multi-screen wall's conductor: it never flies by itself.
    void setFollowsConductor(bool follows) { m_followsConductor = follows; }
    // The live state changed: a pending id may have appeared, the entity may have moved to another grid.
    void refresh();

    static QString kindName(Kind kind); // "case", "camera", ... ("" for None)
    static Kind kindNamed(const QString &name);

signals:
    void changed();
    void regionChanged();
    void entityChanged();
    // The map should fly to this region ("" the whole city).
    void flyRequested(const QString &code);

private:
    void setRegion(const QString &code, bool fly);
    void setEntity(Kind kind, const QString &id);

    Locate m_locate;
    Kind m_pendingKind = Kind::None;
    std::function<bool(const QString &)> m_regionExists;
    QString m_region;
    Kind m_kind = Kind::None;
    QString m_entityId;
    QString m_pending;
    Reason m_reason = Reason::Start;
    Reason m_pendingReason = Reason::Start;
    bool m_followsConductor = false;
    bool m_changing = false; // a selection is being made: what its listeners ask back is not a new one
};

} // namespace gridwall::views

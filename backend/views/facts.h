#pragma once
// What the drill-down shows, as typed values: a region's figures and the
// live facts of each kind of entity. QML reads them as value types
// (`panel.figures.overdue`, `entity.caseFacts.deadline`): each field is
// declared here once, so a misspelt one is a qmllint warning rather than an
// `undefined` on the wall. Times are epoch ms, as everywhere in QML.

#include <QList>
#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QVariantMap>

namespace gridwall::state {
struct RegionFigures;
}

namespace gridwall::views {

// A region as a breadcrumb names it.
struct RegionRef
{
    Q_GADGET
    QML_VALUE_TYPE(regionRef)
    Q_PROPERTY(QString code MEMBER code)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString level MEMBER level) // district, street, community, grid
public:
    QString code;
    QString name;
    QString level;
    bool operator==(const RegionRef &) const = default;
};

// A region's live figures (the whole city's when `code` is empty): its
// roll-ups (docs/state.md) and the alarms raised or acknowledged now of its
// cases, cameras and sensors.
struct Figures
{
    Q_GADGET
    QML_VALUE_TYPE(figures)
    Q_PROPERTY(QString code MEMBER code)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString level MEMBER level) // "city" for the whole city
    Q_PROPERTY(int open MEMBER open)
    Q_PROPERTY(int overdue MEMBER overdue)
    Q_PROPERTY(int dueSoon MEMBER dueSoon)
    Q_PROPERTY(int newToday MEMBER newToday)
    Q_PROPERTY(int closedToday MEMBER closedToday)
    Q_PROPERTY(double closureRate MEMBER closureRate) // 0..1
    Q_PROPERTY(double medianHandlingMs MEMBER medianHandlingMs)
    Q_PROPERTY(double workload MEMBER workload) // units per worker on duty
    Q_PROPERTY(int workersOnDuty MEMBER workersOnDuty)
    Q_PROPERTY(int workersTotal MEMBER workersTotal)
    Q_PROPERTY(int cameras MEMBER cameras)
    Q_PROPERTY(int camerasOnline MEMBER camerasOnline)
    Q_PROPERTY(int sensors MEMBER sensors)
    Q_PROPERTY(int sensorsWarn MEMBER sensorsWarn)
    Q_PROPERTY(int sensorsAlarm MEMBER sensorsAlarm)
    Q_PROPERTY(double outsideFive MEMBER outsideFive) // share of located open cases outside the 5-minute rings
    Q_PROPERTY(int alarms MEMBER alarms)
    Q_PROPERTY(int alarmsCritical MEMBER alarmsCritical)
public:
    // The roll-ups' part; code, name, level and alarms are the panel's to fill.
    static Figures of(const state::RegionFigures &figures);
    // Every field by name (what plugins read, docs/plugins.md).
    QVariantMap toMap() const;

    QString code;
    QString name;
    QString level;
    int open = 0;
    int overdue = 0;
    int dueSoon = 0;
    int newToday = 0;
    int closedToday = 0;
    double closureRate = 0;
    double medianHandlingMs = 0;
    double workload = 0;
    int workersOnDuty = 0;
    int workersTotal = 0;
    int cameras = 0;
    int camerasOnline = 0;
    int sensors = 0;
    int sensorsWarn = 0;
    int sensorsAlarm = 0;
    double outsideFive = 0;
    int alarms = 0;
    int alarmsCritical = 0;
    bool operator==(const Figures &) const = default;
};

// Near a case: a camera, a worker on duty, a response ring covering it.
struct NearbyCamera
{
    Q_GADGET
    QML_VALUE_TYPE(nearbyCamera)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(double metres MEMBER metres)
    Q_PROPERTY(bool online MEMBER online)
public:
    QString id;
    QString name;
    double metres = 0;
    bool online = false;
    bool operator==(const NearbyCamera &) const = default;
};

struct NearbyWorker
{
    Q_GADGET
    QML_VALUE_TYPE(nearbyWorker)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(double metres MEMBER metres)
public:
    QString id;
    QString name;
    double metres = 0;
    bool operator==(const NearbyWorker &) const = default;
};

struct ResponseRing
{
    Q_GADGET
    QML_VALUE_TYPE(responseRing)
    Q_PROPERTY(QString site MEMBER site)
    Q_PROPERTY(int minutes MEMBER minutes)
public:
    QString site;
    int minutes = 0;
    bool operator==(const ResponseRing &) const = default;
};

// A case: what it is, where it stands against its deadline, who has it and who is near.
struct CaseFacts
{
    Q_GADGET
    QML_VALUE_TYPE(caseFacts)
    Q_PROPERTY(QString title MEMBER title)
    Q_PROPERTY(QString category MEMBER category)
    Q_PROPERTY(QString status MEMBER status)
    Q_PROPERTY(int priority MEMBER priority)
    Q_PROPERTY(QString source MEMBER source) // empty: not said
    Q_PROPERTY(double reportedTs MEMBER reportedTs)
    Q_PROPERTY(double statusSince MEMBER statusSince)
    Q_PROPERTY(double deadline MEMBER deadline)
    Q_PROPERTY(QString sla MEMBER sla) // none, on_time, due_soon, overdue, met, missed, stopped
    Q_PROPERTY(double slaMarginMs MEMBER slaMarginMs)
    Q_PROPERTY(QString grid MEMBER grid)
    Q_PROPERTY(QString dept MEMBER dept)
    Q_PROPERTY(QString assignee MEMBER assignee)
    Q_PROPERTY(bool flagged MEMBER flagged)
    Q_PROPERTY(bool outsideFive MEMBER outsideFive)
    // The nearest cameras (3), workers on duty near (3 of workersNearCount), the rings covering it.
    Q_PROPERTY(QList<gridwall::views::NearbyCamera> cameras MEMBER cameras)
    Q_PROPERTY(QList<gridwall::views::NearbyWorker> workersNear MEMBER workersNear)
    Q_PROPERTY(int workersNearCount MEMBER workersNearCount)
    Q_PROPERTY(QList<gridwall::views::ResponseRing> rings MEMBER rings)
public:
    QString title;
    QString category;
    QString status;
    int priority = 0;
    QString source;
    double reportedTs = 0;
    double statusSince = 0;
    double deadline = 0;
    QString sla;
    double slaMarginMs = 0;
    QString grid;
    QString dept;
    QString assignee;
    bool flagged = false;
    bool outsideFive = false;
    QList<NearbyCamera> cameras;
    QList<NearbyWorker> workersNear;
    int workersNearCount = 0;
    QList<ResponseRing> rings;
    bool operator==(const CaseFacts &) const = default;
};

// One of a camera's recent events.
struct CameraEvent
{
    Q_GADGET
    QML_VALUE_TYPE(cameraEvent)
    Q_PROPERTY(double ts MEMBER ts)
    Q_PROPERTY(QString type MEMBER type)
    Q_PROPERTY(int severity MEMBER severity) // 1..4
    Q_PROPERTY(QString snapshot MEMBER snapshot) // a URL, or empty
public:
    double ts = 0;
    QString type;
    int severity = 0;
    QString snapshot;
    bool operator==(const CameraEvent &) const = default;
};

struct CameraFacts
{
    Q_GADGET
    QML_VALUE_TYPE(cameraFacts)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(bool online MEMBER online)
    Q_PROPERTY(QString stream MEMBER stream) // its stream's URL, or empty
    Q_PROPERTY(QString cameraKind MEMBER cameraKind)
    // Newest first.
    Q_PROPERTY(QList<gridwall::views::CameraEvent> events MEMBER events)
public:
    QString name;
    bool online = false;
    QString stream;
    QString cameraKind;
    QList<CameraEvent> events;
    bool operator==(const CameraFacts &) const = default;
};

struct SensorFacts
{
    Q_GADGET
    QML_VALUE_TYPE(sensorFacts)
    Q_PROPERTY(int level MEMBER level) // 0 normal, 1 warning, 2 alarm
    Q_PROPERTY(bool hasReading MEMBER hasReading)
    Q_PROPERTY(double value MEMBER value) // the latest reading, when hasReading
    Q_PROPERTY(QString sensorKind MEMBER sensorKind)
    Q_PROPERTY(QString unit MEMBER unit)
    Q_PROPERTY(double warn MEMBER warn)
    Q_PROPERTY(double alarm MEMBER alarm)
    Q_PROPERTY(QString site MEMBER site)
    Q_PROPERTY(QString sector MEMBER sector)
public:
    int level = 0;
    bool hasReading = false;
    double value = 0;
    QString sensorKind;
    QString unit;
    double warn = 0;
    double alarm = 0;
    QString site;
    QString sector;
    bool operator==(const SensorFacts &) const = default;
};

struct WorkerFacts
{
    Q_GADGET
    QML_VALUE_TYPE(workerFacts)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString status MEMBER status)
public:
    QString name;
    QString status;
    bool operator==(const WorkerFacts &) const = default;
};

struct UnitFacts
{
    Q_GADGET
    QML_VALUE_TYPE(unitFacts)
    Q_PROPERTY(QString unitKind MEMBER unitKind)
    Q_PROPERTY(QString status MEMBER status)
public:
    QString unitKind;
    QString status;
    bool operator==(const UnitFacts &) const = default;
};

// The lists above as QML sequences (arrays of their value type).
struct RegionRefList
{
    Q_GADGET
    QML_ANONYMOUS
    QML_FOREIGN(QList<gridwall::views::RegionRef>)
    QML_SEQUENTIAL_CONTAINER(gridwall::views::RegionRef)
};
struct NearbyCameraList
{
    Q_GADGET
    QML_ANONYMOUS
    QML_FOREIGN(QList<gridwall::views::NearbyCamera>)
    QML_SEQUENTIAL_CONTAINER(gridwall::views::NearbyCamera)
};
struct NearbyWorkerList
{
    Q_GADGET
    QML_ANONYMOUS
    QML_FOREIGN(QList<gridwall::views::NearbyWorker>)
    QML_SEQUENTIAL_CONTAINER(gridwall::views::NearbyWorker)
};
struct ResponseRingList
{
    Q_GADGET
    QML_ANONYMOUS
    QML_FOREIGN(QList<gridwall::views::ResponseRing>)
    QML_SEQUENTIAL_CONTAINER(gridwall::views::ResponseRing)
};
struct CameraEventList
{
    Q_GADGET
    QML_ANONYMOUS
    QML_FOREIGN(QList<gridwall::views::CameraEvent>)
    QML_SEQUENTIAL_CONTAINER(gridwall::views::CameraEvent)
};

} // namespace gridwall::views

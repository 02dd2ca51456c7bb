#pragma once
// A department plugin's manifest (FOLDER/plugin.json), read and checked
// before anything of the plugin is loaded: who it is, which API it was built
// for, the widgets and map layers it offers, and the feeds and data it may
// read. docs/plugins.md describes every field for plugin authors.

#include <QByteArray>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace gridwall::plugins {

// Semantic API version of the plugin interface: a minor release only adds,
// a major one may break. The host runs plugins of its own major version up
// to its minor, and plugins one major version behind.
struct ApiVersion
{
    int major = 0;
    int minor = 0;
    static std::optional<ApiVersion> parse(const QString &text); // "MAJOR.MINOR"
    QString toString() const { return QStringLiteral("%1.%2").arg(major).arg(minor); }
};

// The plugin API this wall offers.
inline constexpr ApiVersion kHostApi{1, 1};

// Whether a plugin built for `plugin` runs on a host offering `host`; when
// not, `why` says so in one line for the operator.
bool compatible(ApiVersion plugin, ApiVersion host, QString *why);

// The departments of the city's governance center that own plugins.
inline const QStringList kDepartments = {QStringLiteral("public_security"), QStringLiteral("emergency_safety"),
                                         QStringLiteral("petitions_mediation"), QStringLiteral("grid_management"),
                                         QStringLiteral("other")};
// What a plugin may declare it reads: the live feeds, and the host's data.
inline const QStringList kFeeds = {QStringLiteral("case"), QStringLiteral("camera"), QStringLiteral("sensor"),
                                   QStringLiteral("grid"), QStringLiteral("worker"), QStringLiteral("unit"),
                                   QStringLiteral("poi"), QStringLiteral("alarm")};
inline const QStringList kData = {QStringLiteral("history"), QStringLiteral("selection"), QStringLiteral("regions")};

struct Widget
{
    QString id;
    QString name;    // in the plugin's own words; `nameEn` for an English wall
    QString nameEn;
    QString qml;     // entry point, relative to the plugin folder
    QSize size{1, 1}; // default size in wall cells (1..4 each way)
};

struct Layer
{
    QString id;
    QString name;
    QString nameEn;
    QString qml; // relative to the plugin folder
};

// A drill-down section: where in the region's view it asks to sit, and whether it starts
// folded to its title (the operator opens it with a tap).
struct Section : Layer
{
    enum class Place { End, UnderFigures };
    Place place = Place::End;
    bool collapsed = false;
};

struct Manifest
{
    QString folder; // absolute
    QString id;     // [a-z0-9-], unique on a wall
    QString name;
    QString nameEn;
    QString version; // the plugin's own, MAJOR.MINOR.PATCH
    ApiVersion api;
    QString department;
    std::vector<Widget> widgets;
    std::vector<Layer> layers;
    std::vector<Section> sections; // drill-down panel sections: a layer's shape, and where they sit
    QStringList feeds;
    QStringList data;
    QString module; // optional: a subfolder holding a C++ QML module (its qmldir)
    int memoryBudgetMb = 0; // optional: the heap its engine may hold (0: the wall's default; the operator's limit caps it)

    bool reads(const QString &feed) const { return feeds.contains(feed); }
};

struct ManifestRead
{
    std::optional<Manifest> manifest; // set when the manifest is usable
    QStringList problems;             // one line each, naming the field
};

// Whether `path` (relative to `folder`, or absolute) is an existing file
// inside `folder` once every link on the way is followed.
bool leadsInside(const QString &folder, const QString &path);

// Reads FOLDER/plugin.json and checks every field, that every file it names
// exists inside the folder (links followed), and that the host can run its API version.
ManifestRead readManifest(const QString &folder, ApiVersion host = kHostApi);
// The same checks on the text of a plugin.json already in memory; the files
// it names are still looked up in `folder`.
ManifestRead readManifestJson(const QByteArray &json, const QString &folder, ApiVersion host = kHostApi);

} // namespace gridwall::plugins

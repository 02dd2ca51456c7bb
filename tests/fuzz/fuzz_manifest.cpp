// libFuzzer target: the plugin manifest reader (backend/plugins/manifest.h)
// on the text of a plugin.json, for a plugin folder made once that holds the
// files the bundled plugins and the test plugins name, and two links: one to
// a file outside the folder (Escape.qml), one to a file inside it (Alias.qml).
//
// manifest.h promises a usable manifest exactly when there are no problems,
// one line per problem, and for a usable one: every field in its form, the
// API version one the host runs, and every file it names inside the folder.

#include "fuzzcheck.h"

#include "plugins/manifest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>

using namespace gridwall::plugins;

namespace {

std::unique_ptr<QTemporaryDir> g_folder;
std::unique_ptr<QTemporaryDir> g_outside; // where Escape.qml leads
QString g_canonical; // the folder's canonical path, with a trailing '/'

bool onlyOf(const QString &s, const char *allowed)
{
    for (const QChar c : s) {
        if (c.unicode() > 0x7f || !std::strchr(allowed, char(c.unicode())))
            return false;
    }
    return true;
}

bool isId(const QString &s)
{
    return s.size() >= 2 && s.size() <= 63 && onlyOf(s, "abcdefghijklmnopqrstuvwxyz0123456789-") && s[0] != QLatin1Char('-');
}

// DIGITS.DIGITS(.DIGITS), ASCII only, each part non-empty.
bool isDotted(const QString &s, int parts, int maxDigits)
{
    const QStringList split = s.split(QLatin1Char('.'));
    if (split.size() != parts)
        return false;
    for (const QString &p : split) {
        if (p.isEmpty() || (maxDigits > 0 && p.size() > maxDigits) || !onlyOf(p, "0123456789"))
            return false;
    }
    return true;
}

// An existing file below the plugin folder (no way out through '..' or links).
bool inFolder(const QString &relative)
{
    const QString canonical = QFileInfo(QDir(g_folder->path()).filePath(relative)).canonicalFilePath();
    return !canonical.isEmpty() && canonical.startsWith(g_canonical) && QFileInfo(canonical).isFile();
}

void checkManifest(const Manifest &m, const QJsonObject &o)
{
    FUZZ_CHECK(isId(m.id) && m.id == o.value(QStringLiteral("id")).toString());
    FUZZ_CHECK(!m.name.isEmpty());
    FUZZ_CHECK(isDotted(m.version, 3, 0));
    FUZZ_CHECK(isDotted(o.value(QStringLiteral("apiVersion")).toString(), 2, 3));
    FUZZ_CHECK(compatible(m.api, kHostApi, nullptr));
    FUZZ_CHECK(kDepartments.contains(m.department));
    FUZZ_CHECK(!m.widgets.empty());
    QSet<QString> widgetIds;
    for (const Widget &w : m.widgets) {
        FUZZ_CHECK(isId(w.id) && !widgetIds.contains(w.id));
        widgetIds.insert(w.id);
        FUZZ_CHECK(!w.name.isEmpty());
        FUZZ_CHECK(w.size.width() >= 1 && w.size.width() <= 4 && w.size.height() >= 1 && w.size.height() <= 4);
        FUZZ_CHECK(inFolder(w.qml));
    }
    for (const Layer &l : m.layers) {
        FUZZ_CHECK(isId(l.id));
        FUZZ_CHECK(inFolder(l.qml));
    }
    for (const Section &section : m.sections) {
        FUZZ_CHECK(isId(section.id));
        FUZZ_CHECK(inFolder(section.qml));
        FUZZ_CHECK(section.place == Section::Place::End || section.place == Section::Place::UnderFigures);
    }
    FUZZ_CHECK(QSet<QString>(m.feeds.begin(), m.feeds.end()).size() == m.feeds.size());
    for (const QString &f : m.feeds)
        FUZZ_CHECK(kFeeds.contains(f));
    for (const QString &d : m.data)
        FUZZ_CHECK(kData.contains(d));
    if (!m.module.isEmpty())
        FUZZ_CHECK(inFolder(m.module + QStringLiteral("/qmldir")));
    FUZZ_CHECK(m.memoryBudgetMb == 0 || (m.memoryBudgetMb >= 1 && m.memoryBudgetMb <= 4096));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    g_folder = std::make_unique<QTemporaryDir>();
    if (!g_folder->isValid())
        return 1;
    const QDir dir(g_folder->path());
    // What the seed manifests name: the bundled plugins' and the test plugins' files.
    for (const char *name : {"Tile.qml", "Sectors.qml", "Funnel.qml", "RegionGrids.qml", "Backlog.qml", "Readiness.qml",
                             "CameraAlarms.qml", "OpenCases.qml", "panels/Section.qml", "GridManagement/qmldir"}) {
        const QString path = dir.filePath(QLatin1String(name));
        dir.mkpath(QFileInfo(path).path());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write("import QtQuick\nItem {}\n");
    }
    dir.mkpath(QStringLiteral("AFolder.qml")); // a folder where a file is named
    // A link out of the folder, to a file in another, and one to a file inside it.
    g_outside = std::make_unique<QTemporaryDir>();
    const QString outside = g_outside->filePath(QStringLiteral("Outside.qml"));
    QFile outsideFile(outside);
    if (!outsideFile.open(QIODevice::WriteOnly) || !QFile::link(outside, dir.filePath(QStringLiteral("Escape.qml")))
        || !QFile::link(dir.filePath(QStringLiteral("Tile.qml")), dir.filePath(QStringLiteral("Alias.qml"))))
        return 1;
    g_canonical = QFileInfo(g_folder->path()).canonicalFilePath() + QLatin1Char('/');
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const ManifestRead read = readManifestJson(json, g_folder->path());

    FUZZ_CHECK(read.manifest.has_value() == read.problems.isEmpty());
    for (const QString &problem : read.problems) {
        FUZZ_CHECK(!problem.isEmpty());
        FUZZ_CHECK(!problem.contains(QLatin1Char('\n')) && !problem.contains(QLatin1Char('\r'))); // one line each
    }
    if (read.manifest) {
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        checkManifest(*read.manifest, o);
    }

    // The version gate's parser on the first bytes, as text: it takes exactly
    // MAJOR.MINOR with 1 to 3 ASCII digits each, and reads back what it printed.
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(std::min<size_t>(size, 12)));
    if (const std::optional<ApiVersion> v = ApiVersion::parse(text)) {
        FUZZ_CHECK(isDotted(text, 2, 3));
        const std::optional<ApiVersion> again = ApiVersion::parse(v->toString());
        FUZZ_CHECK(again && again->major == v->major && again->minor == v->minor);
    }
    return 0;
}

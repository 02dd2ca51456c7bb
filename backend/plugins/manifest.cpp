#include "manifest.h"

#include "common/oneline.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <type_traits>

namespace gridwall::plugins {

bool leadsInside(const QString &folder, const QString &path)
{
    const QString root = QFileInfo(folder).canonicalFilePath();
    const QFileInfo file(QDir(folder).filePath(path));
    const QString target = file.canonicalFilePath();
    return !root.isEmpty() && file.isFile() && target.startsWith(root + QLatin1Char('/'));
}

std::optional<ApiVersion> ApiVersion::parse(const QString &text)
{
    // Anchored at the very end: '$' would also match before a final newline.
    static const QRegularExpression form(QRegularExpression::anchoredPattern(QStringLiteral("(\\d{1,3})\\.(\\d{1,3})")));
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return ApiVersion{m.captured(1).toInt(), m.captured(2).toInt()};
}

bool compatible(ApiVersion plugin, ApiVersion host, QString *why)
{
    const auto refuse = [&](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (plugin.major > host.major || (plugin.major == host.major && plugin.minor > host.minor))
        return refuse(QStringLiteral("needs plugin API %1, this wall offers %2: update the wall")
                          .arg(plugin.toString(), host.toString()));
    if (plugin.major < host.major - 1)
        return refuse(QStringLiteral("was built for plugin API %1, this wall runs %2 and %3.x only: rebuild the plugin")
                          .arg(plugin.toString(), host.toString())
                          .arg(host.major - 1));
    return true;
}

namespace {

// A path inside the plugin folder: relative, no way out (by '..' or through a link), an existing file.
bool insideFolder(const QString &folder, const QString &relative, QString *problem, const QString &field)
{
    if (relative.isEmpty() || QDir::isAbsolutePath(relative) || relative.split(QLatin1Char('/')).contains(QStringLiteral(".."))) {
        *problem = QStringLiteral("%1: \"%2\" must be a path inside the plugin folder").arg(field, relative);
        return false;
    }
    const QFileInfo file(QDir(folder).filePath(relative));
    if (!file.isFile()) {
        *problem = QStringLiteral("%1: %2 does not exist in the plugin folder").arg(field, relative);
        return false;
    }
    if (!leadsInside(folder, relative)) {
        *problem = QStringLiteral("%1: %2 is a link to %3, outside the plugin folder").arg(field, relative, file.canonicalFilePath());
        return false;
    }
    return true;
}


// "name" is a string, or {"zh_CN": ..., "en": ...}.
void readName(const QJsonValue &value, QString *name, QString *nameEn)
{
    if (value.isString()) {
        *name = value.toString();
        *nameEn = *name;
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        *name = o.value(QStringLiteral("zh_CN")).toString(o.value(QStringLiteral("en")).toString());
        *nameEn = o.value(QStringLiteral("en")).toString(*name);
    }
}

} // namespace

ManifestRead readManifest(const QString &folderPath, ApiVersion host)
{
    const QString folder = QFileInfo(folderPath).absoluteFilePath();
    QFile file(QDir(folder).filePath(QStringLiteral("plugin.json")));
    if (QFileInfo(file).isFile() && !leadsInside(folder, QStringLiteral("plugin.json"))) {
        ManifestRead out;
        out.problems << oneLine(QStringLiteral("plugin.json: is a link to %1, outside the plugin folder").arg(QFileInfo(file).canonicalFilePath()));
        return out;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        ManifestRead out;
        out.problems << QStringLiteral("plugin.json: cannot read it (%1)").arg(file.errorString());
        return out;
    }
    return readManifestJson(file.readAll(), folder, host);
}

ManifestRead readManifestJson(const QByteArray &json, const QString &folderPath, ApiVersion host)
{
    ManifestRead out;
    const QString folder = QFileInfo(folderPath).absoluteFilePath();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        out.problems << (error.error != QJsonParseError::NoError
                             ? QStringLiteral("plugin.json: not JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset)
                             : QStringLiteral("plugin.json: must be a JSON object"));
        return out;
    }
    const QJsonObject o = doc.object();
    Manifest m;
    m.folder = folder;
    QStringList &problems = out.problems;

    // Anchored at the very end: '$' would also match before a final newline.
    static const QRegularExpression idForm(QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9][a-z0-9-]{1,62}")));
    m.id = o.value(QStringLiteral("id")).toString();
    if (!idForm.match(m.id).hasMatch())
        problems << QStringLiteral("id: \"%1\" must be 2 to 63 of a-z, 0-9 and -").arg(m.id);
    readName(o.value(QStringLiteral("name")), &m.name, &m.nameEn);
    if (m.name.isEmpty())
        problems << QStringLiteral("name: a string, or {\"zh_CN\": ..., \"en\": ...}, is required");
    static const QRegularExpression semver(QRegularExpression::anchoredPattern(QStringLiteral("\\d+\\.\\d+\\.\\d+")));
    m.version = o.value(QStringLiteral("version")).toString();
    if (!semver.match(m.version).hasMatch())
        problems << QStringLiteral("version: \"%1\" must be MAJOR.MINOR.PATCH").arg(m.version);
    const QString api = o.value(QStringLiteral("apiVersion")).toString();
    if (const auto parsed = ApiVersion::parse(api)) {
        m.api = *parsed;
        QString why;
        if (!compatible(m.api, host, &why))
            problems << QStringLiteral("apiVersion: ") + why;
    } else {
        problems << QStringLiteral("apiVersion: \"%1\" must be MAJOR.MINOR, e.g. \"%2\"").arg(api, kHostApi.toString());
    }
    m.department = o.value(QStringLiteral("department")).toString();
    if (!kDepartments.contains(m.department))
        problems << QStringLiteral("department: \"%1\" is not one of %2").arg(m.department, kDepartments.join(QStringLiteral(", ")));

    const auto names = [&](const char *key, const QStringList &allowed, QStringList *into) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isArray()) {
            problems << QStringLiteral("%1: must be an array of strings").arg(QLatin1String(key));
            return;
        }
        for (const QJsonValue &item : v.toArray()) {
            if (!allowed.contains(item.toString()))
                problems << QStringLiteral("%1: \"%2\" is not one of %3").arg(QLatin1String(key), item.toString(), allowed.join(QStringLiteral(", ")));
            else if (!into->contains(item.toString()))
                into->append(item.toString());
        }
    };
    names("feeds", kFeeds, &m.feeds);
    names("data", kData, &m.data);

    const QJsonValue widgets = o.value(QStringLiteral("widgets"));
    if (!widgets.isArray() || widgets.toArray().isEmpty())
        problems << QStringLiteral("widgets: at least one widget is required");
    QStringList widgetIds;
    for (const QJsonValue &value : widgets.toArray()) {
        const QJsonObject w = value.toObject();
        Widget widget;
        widget.id = w.value(QStringLiteral("id")).toString();
        const QString field = QStringLiteral("widgets[%1]").arg(widget.id);
        if (!idForm.match(widget.id).hasMatch() || widgetIds.contains(widget.id))
            problems << QStringLiteral("%1: id must be unique, 2 to 63 of a-z, 0-9 and -").arg(field);
        widgetIds << widget.id;
        readName(w.value(QStringLiteral("name")), &widget.name, &widget.nameEn);
        if (widget.name.isEmpty())
            problems << QStringLiteral("%1.name: required").arg(field);
        widget.qml = w.value(QStringLiteral("qml")).toString();
        QString problem;
        if (!insideFolder(folder, widget.qml, &problem, field + QStringLiteral(".qml")))
            problems << problem;
        const QJsonArray size = w.value(QStringLiteral("size")).toArray();
        if (!size.isEmpty()) {
            widget.size = QSize(size.at(0).toInt(), size.at(1).toInt());
            if (size.size() != 2 || widget.size.width() < 1 || widget.size.width() > 4 || widget.size.height() < 1 || widget.size.height() > 4)
                problems << QStringLiteral("%1.size: [columns, rows], 1 to 4 each").arg(field);
        }
        m.widgets.push_back(widget);
    }
    // Map layers and drill-down sections: {id, name, qml} each.
    const auto overlays = [&](const QString &key, auto *into) {
        for (const QJsonValue &value : o.value(key).toArray()) {
            const QJsonObject l = value.toObject();
            typename std::remove_pointer_t<decltype(into)>::value_type layer;
            layer.id = l.value(QStringLiteral("id")).toString();
            const QString field = QStringLiteral("%1[%2]").arg(key, layer.id);
            if (!idForm.match(layer.id).hasMatch())
                problems << QStringLiteral("%1: id must be 2 to 63 of a-z, 0-9 and -").arg(field);
            readName(l.value(QStringLiteral("name")), &layer.name, &layer.nameEn);
            layer.qml = l.value(QStringLiteral("qml")).toString();
            QString problem;
            if (!insideFolder(folder, layer.qml, &problem, field + QStringLiteral(".qml")))
                problems << problem;
            if constexpr (std::is_same_v<decltype(layer), Section>) {
                const QJsonValue place = l.value(QStringLiteral("place"));
                if (place == QJsonValue(QStringLiteral("underFigures")))
                    layer.place = Section::Place::UnderFigures;
                else if (!place.isUndefined() && place != QJsonValue(QStringLiteral("end")))
                    problems << QStringLiteral("%1.place: \"underFigures\" or \"end\"").arg(field);
                const QJsonValue collapsed = l.value(QStringLiteral("collapsed"));
                if (!collapsed.isUndefined() && !collapsed.isBool())
                    problems << QStringLiteral("%1.collapsed: true or false").arg(field);
                layer.collapsed = collapsed.toBool(false);
            }
            into->push_back(layer);
        }
    };
    overlays(QStringLiteral("layers"), &m.layers);
    overlays(QStringLiteral("sections"), &m.sections);
    m.module = o.value(QStringLiteral("module")).toString();
    if (!m.module.isEmpty()) {
        QString problem;
        if (!insideFolder(folder, m.module + QStringLiteral("/qmldir"), &problem, QStringLiteral("module")))
            problems << problem;
    }
    // The heap its engine may hold, when the plugin asks for another than the wall's default.
    const QJsonValue memory = o.value(QStringLiteral("memoryBudgetMb"));
    if (!memory.isUndefined()) {
        const double mb = memory.toDouble(-1);
        if (!memory.isDouble() || !(mb >= 1 && mb <= 4096) || mb != std::floor(mb))
            problems << QStringLiteral("memoryBudgetMb: a whole number of MB from 1 to 4096");
        else
            m.memoryBudgetMb = int(mb);
    }
    if (problems.isEmpty())
        out.manifest = std::move(m);
    for (QString &problem : problems)
        problem = oneLine(problem);
    return out;
}

} // namespace gridwall::plugins

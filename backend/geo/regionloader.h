#pragma once
// Reads a region tree from GeoJSON (docs/geography.md): one Feature per
// region with properties code, name, level, parent (and optional name_en).
// Any problem yields one line that names it; nothing half-loaded escapes.

#include "regiontree.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace gridwall::geo {

struct RegionLoadResult
{
    std::shared_ptr<const RegionTree> tree; // null on error
    QString error;                          // one line, set on error
};

RegionLoadResult loadRegionFile(const QString &path);
// sourceName prefixes error messages (usually the file name).
RegionLoadResult loadRegionJson(const QByteArray &json, const QString &sourceName);

} // namespace gridwall::geo

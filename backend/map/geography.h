#pragma once
// The loaded region tree and its meshes, as QML sees them. Loaded once at
// start, off the GUI thread, before the first frame.

#include "geo/regiontree.h"
#include "regionmesh.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

#include <memory>

namespace gridwall::map {

struct MapData
{
    std::shared_ptr<const geo::RegionTree> tree;
    RegionMeshes meshes;
};

struct MapDataLoad
{
    std::shared_ptr<const MapData> data; // null on error
    QString error;                       // one line
};

// Reads, validates and triangulates a region file; safe on any thread.
MapDataLoad loadMapData(const QString &path);

class Geography : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Geography is loaded by the application")
    Q_PROPERTY(int districtCount READ districtCount CONSTANT)
    Q_PROPERTY(int streetCount READ streetCount CONSTANT)
    Q_PROPERTY(int communityCount READ communityCount CONSTANT)
    Q_PROPERTY(int gridCount READ gridCount CONSTANT)
    Q_PROPERTY(bool english READ english CONSTANT)

public:
    Geography(std::shared_ptr<const MapData> data, bool english, QObject *parent = nullptr);

    const geo::RegionTree &tree() const { return *m_data->tree; }
    const RegionMeshes &meshes() const { return m_data->meshes; }
    bool english() const { return m_english; }

    int districtCount() const { return count(geo::Level::District); }
    int streetCount() const { return count(geo::Level::Street); }
    int communityCount() const { return count(geo::Level::Community); }
    int gridCount() const { return count(geo::Level::Grid); }

    // Name in the UI language (English falls back to the file's name).
    QString displayName(int index) const;
    // {code, name, level, areaKm2, children} of a region, or empty if out of range.
    QVariantMap regionAt(int index) const;
    // From the district down to the region: a list of regionAt() maps.
    Q_INVOKABLE QVariantList path(const QString &code) const;

private:
    int count(geo::Level l) const { return int(m_data->tree->level(l).size()); }

    std::shared_ptr<const MapData> m_data;
    bool m_english;
};

} // namespace gridwall::map

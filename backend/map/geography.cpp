#include "geography.h"

#include "geo/regionloader.h"

namespace gridwall::map {

MapDataLoad loadMapData(const QString &path)
{
    geo::RegionLoadResult loaded = geo::loadRegionFile(path);
    if (!loaded.tree)
        return {nullptr, loaded.error};
    auto data = std::make_shared<MapData>();
    data->meshes = buildRegionMeshes(*loaded.tree);
    data->tree = std::move(loaded.tree);
    return {std::move(data), {}};
}

Geography::Geography(std::shared_ptr<const MapData> data, bool english, QObject *parent)
    : QObject(parent)
    , m_data(std::move(data))
    , m_english(english)
{
}

QString Geography::displayName(int index) const
{
    const geo::Region &r = tree().region(index);
    return m_english && !r.nameEn.isEmpty() ? r.nameEn : r.name;
}

QVariantMap Geography::regionAt(int index) const
{
    if (index < 0 || size_t(index) >= tree().regions().size())
        return {};
    const geo::Region &r = tree().region(index);
    return {
        {QStringLiteral("code"), r.code},
        {QStringLiteral("name"), displayName(index)},
        {QStringLiteral("level"), geo::levelName(r.level)},
        {QStringLiteral("areaKm2"), r.areaKm2},
        {QStringLiteral("children"), int(r.children.size())},
    };
}

QVariantList Geography::path(const QString &code) const
{
    QVariantList out;
    const int index = tree().indexOf(code);
    if (index < 0)
        return out;
    for (int i : tree().pathTo(index))
        out.append(regionAt(i));
    return out;
}

} // namespace gridwall::map

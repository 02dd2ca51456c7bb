#pragma once
// The live markers on the map: cameras, sensors, workers, open cases and
// units, one marker layer per category and state, rebuilt once per frame
// for the categories whose feed changed.

#include "feed/events.h"

#include <QObject>
#include <QPointer>

#include <array>

namespace gridwall::geo {
class RegionTree;
}
namespace gridwall::map {
class GeoMap;
}

namespace gridwall::views {

class LiveFeed;

class LiveLayers : public QObject
{
    Q_OBJECT

public:
    LiveLayers(LiveFeed &feed, map::GeoMap &map, const geo::RegionTree &tree, QObject *parent = nullptr);

    // Rebuilds what changed since the last call (connected to LiveFeed::applied).
    void refresh();

private:
    void rebuildCameras();
    void rebuildSensors();
    void rebuildWorkers();
    void rebuildCases();
    void rebuildUnits();

    LiveFeed &m_feed;
    QPointer<map::GeoMap> m_map;
    const geo::RegionTree &m_tree;
    std::array<uint64_t, feed::kFeedCount> m_seen{};
};

} // namespace gridwall::views

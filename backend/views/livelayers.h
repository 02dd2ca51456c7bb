#pragma once
// The live markers on the map: cameras, sensors, workers, open cases and
// units, one marker layer per category and state. Each entity keeps a slot
// in its layer; a batch moves only the markers it touches (O(batch)), and
// the map rewrites the changed layers' buffers at the next sync.

#include "feed/events.h"

#include <QObject>
#include <QPointF>
#include <QPointer>

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

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

    // Moves the markers of the entities the last batch touched (connected to LiveFeed::applied).
    void update();
    // Markers currently on a layer (for tests).
    size_t markerCount(int layer) const;

private:
    struct Layer
    {
        std::vector<QPointF> points;
        std::vector<std::string> ids; // who owns each slot
        bool dirty = false;
    };
    struct Place
    {
        int layer = -1;
        size_t slot = 0;
    };
    // Puts an entity's marker on `layer` at `point`, or removes it (layer -1).
    void place(feed::Feed kind, const std::string &id, int layer, QPointF point);
    void updateEntity(feed::Feed feed, const std::string &id);
    void flush(); // dirty layers to the map

    LiveFeed &m_feed;
    QPointer<map::GeoMap> m_map;
    const geo::RegionTree &m_tree;
    std::unordered_map<int, Layer> m_layers;
    std::array<std::unordered_map<std::string, Place>, feed::kFeedCount> m_places; // per kind of entity
};

} // namespace gridwall::views

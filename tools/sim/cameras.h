#pragma once
// The "Sharp Eyes" (雪亮工程) video network: cameras in every grid, denser in
// urban grids and at smart-security communities, police points and
// checkpoints; their online state (failures, repairs, a few flapping ones)
// and their analytics events. Publishes ROOT/camera/ID/state and /event.

#include "world.h"

#include <QPointF>

#include <string>
#include <vector>

namespace gridwall::sim {

class Cameras
{
public:
    static constexpr double kEventsPerCameraDay = 1.0; // at --rate 1
    static constexpr double kOfflineShare = 0.03;
    static constexpr int kFlapping = 10;
    static constexpr Ms kMeanRepair = 8 * kHour;

    explicit Cameras(World &world) : m_world(world) {}

    void build();
    void start(Ms now);
    void publishStates();

    void onFlap(int camera, Ms t);
    void onRepair(int camera, Ms t);
    void onFailure(Ms t);
    void onEvent(Ms t);

    int count() const { return int(m_cameras.size()); }
    int online() const;

private:
    struct Camera
    {
        std::string id;
        std::string name;
        std::string kind; // dome, bullet, ptz, anpr, face
        std::string stateTopic;
        std::string eventTopic;
        GeoPoint geo;
        QPointF scene;
        int grid = -1;
        bool online = true;
        bool flapping = false;
        bool atSite = false;
    };
    void publishState(const Camera &c);
    int pickCamera(bool vehicle, bool urbanOnly);

    World &m_world;
    std::vector<Camera> m_cameras;
    std::vector<int> m_anpr;
    WeightedTable m_eventWeights;
    Rng m_rng;
    Ms m_failureMean = kHour; // mean time between failures city-wide
};

} // namespace gridwall::sim

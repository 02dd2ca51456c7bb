#pragma once
// The "Sharp Eyes" (雪亮工程) video network: cameras in every grid, denser in
// urban grids and at smart-security communities, police points and
// checkpoints; their online state (failures, repairs, a few flapping ones)
// and the events of the video-analytics platform, which runs on a share of
// them and forwards only filtered, deduplicated incidents to the centre
// (docs/simulator.md, "Cameras"). Publishes ROOT/camera/ID/state and /event;
// the state is re-announced every keep-alive round, as video platforms do,
// except by the few cameras whose uplink is cut for a while.

#include "world.h"

#include <QPointF>

#include <string>
#include <vector>

namespace gridwall::sim {

class Cameras
{
public:
    static constexpr double kOfflineShare = 0.03;
    static constexpr int kFlapping = 10;
    static constexpr Ms kMeanRepair = 8 * kHour;
    // Uplink cuts: the camera sends nothing at all, so the wall's silence
    // alarm (5 min) fires for it, unlike for a camera reported offline.
    static constexpr double kSilentShare = 0.005;
    static constexpr Ms kSilentMin = 10 * kMinute;
    static constexpr Ms kSilentMax = 60 * kMinute;

    explicit Cameras(World &world) : m_world(world) {}

    void build();
    void start(Ms now);
    // Starts the keep-alive rounds (after start(), or a warm start's pre-roll).
    void startKeepAlive(Ms now);
    void publishStates();

    void onFlap(int camera, Ms t);
    void onRepair(int camera, Ms t);
    void onFailure(Ms t);
    void onEvent(Ms t);
    void onHeartbeat(int slice, Ms t);
    void onSilence(Ms t);
    void onResume(int camera, Ms t);

    int count() const { return int(m_cameras.size()); }
    int analytics() const;
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
        bool silent = false; // uplink cut: nothing is sent
        bool analytics = false; // on a video-analytics channel: its events reach the centre
    };
    void publishState(const Camera &c);
    // A state the platform reports: none while the uplink is cut.
    void report(const Camera &c);
    int pickCamera(bool vehicle, bool urbanOnly);

    World &m_world;
    std::vector<Camera> m_cameras;
    std::vector<int> m_anpr;
    WeightedTable m_eventWeights;
    Rng m_rng;
    Ms m_failureMean = kHour; // mean time between failures city-wide
    // Uplink cuts draw from their own stream: the failures and flaps of a
    // seed stay as they were.
    Rng m_silenceRng;
    Ms m_silenceMean = kHour; // mean time between uplink cuts city-wide
};

} // namespace gridwall::sim

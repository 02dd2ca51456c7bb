// Service sites shown on the wall and used by the city simulator: police response points,
// lockdown checkpoints, mediation rooms and points, smart-security communities.
#pragma once

#include "model.h"
#include "projection.h"
#include "rng.h"

#include <string>
#include <utility>
#include <vector>

namespace geogen {

struct Ring
{
    int minutes;
    int radiusM;
};

struct Site
{
    std::string id, kind, name, nameEn;
    std::string region; // code of the grid containing the point
    Pt lonLat;          // rounded to 6 decimals
    std::vector<Ring> rings;
};

// Assumed travel speeds behind the rings (documented in docs/geography.md).
inline constexpr double kPoliceMetresPerMinute = 500.0;      // 30 km/h in town traffic
inline constexpr double kCheckpointMetresPerMinute = 500.0;  // same speed for the lockdown perimeter

struct SiteCounts
{
    int police = 28;
    int checkpoints = 47;
    int mediationRooms = 51;
    int smartCommunities = 108;
};

std::vector<Site> placeSites(const std::vector<District> &districts, const LocalProjection &proj, Rng &rng,
                             const SiteCounts &counts = {});

// Largest-remainder split of `total` proportionally to `weights`.
std::vector<int> apportion(int total, const std::vector<double> &weights);

} // namespace geogen

// Synthetic but plausible Chinese names (with pinyin) for streets, communities and grids.
#pragma once

#include "model.h"
#include "rng.h"

namespace geogen {

// Names every street, community and grid of the district. Street names are unique among the
// district's streets, community/village names among its communities.
void assignNames(District &d, Rng &rng);

} // namespace geogen

#pragma once
// Chinese text for the simulated city: people's names, case titles and notes.

#include "rng.h"

#include <string>
#include <string_view>

namespace gridwall::sim {

// A plausible Chinese personal name (common surnames, one- or two-character given names).
std::string personName(Rng &rng);

// Expands a template: {c} community (曙光社区), {p} place word (曙光), {b} a
// building (12号楼) or, in a village, a villagers' group (3组).
std::string expandPlace(std::string_view pattern, const std::string &community, const std::string &place, bool urban,
                        Rng &rng);

// "曙光街道" -> "曙光", "新兴镇" -> "新兴".
std::string streetWord(const std::string &streetName);

} // namespace gridwall::sim

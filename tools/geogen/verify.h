// Independent check of written output: re-reads the files and measures every invariant the
// rest of the project relies on (counts, codes, tiling, nesting, site placement).
#pragma once

#include <QString>

namespace geogen {

// Prints the measurements to stdout; returns the number of violated invariants.
int verifyOutputs(const QString &districtsPath, const QString &regionsPath, const QString &sitesPath);

} // namespace geogen

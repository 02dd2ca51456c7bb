#pragma once
// The multi-screen wall's log category (docs/wall.md, docs/operations.md).
// The one definition of each is in logging.cpp beside this header.

#include <QLoggingCategory>

namespace gridwall::wall {

// "gridwall.wall": rejected shared views and director commands.
Q_DECLARE_LOGGING_CATEGORY(lcWall)

} // namespace gridwall::wall

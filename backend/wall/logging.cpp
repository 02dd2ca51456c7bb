#include "logging.h"

namespace gridwall::wall {

Q_LOGGING_CATEGORY(lcWall, "gridwall.wall", QtInfoMsg)

} // namespace gridwall::wall

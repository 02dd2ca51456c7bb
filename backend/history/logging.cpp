#include "logging.h"

namespace gridwall::history {

Q_LOGGING_CATEGORY(lcHistory, "gridwall.history")

} // namespace gridwall::history

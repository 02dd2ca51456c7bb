#include "logging.h"

namespace gridwall::metrics {

Q_LOGGING_CATEGORY(lcService, "gridwall.service", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStop, "gridwall.stop", QtInfoMsg)

} // namespace gridwall::metrics

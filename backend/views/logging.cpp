#include "logging.h"

namespace gridwall::views {

Q_LOGGING_CATEGORY(lcViews, "gridwall.views", QtInfoMsg)
Q_LOGGING_CATEGORY(lcQueries, "gridwall.history.queries")

} // namespace gridwall::views

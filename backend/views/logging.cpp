#include "logging.h"

namespace gridwall::views {
Q_LOGGING_CATEGORY(lcViews, "gridwall.views", QtInfoMsg)
}

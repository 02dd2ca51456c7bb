#pragma once
// The views' log categories.
// The one definition of each is in logging.cpp beside this header.

#include <QLoggingCategory>

namespace gridwall::views {

// "gridwall.views": what the operator's panels and the selection were asked and refused.
Q_DECLARE_LOGGING_CATEGORY(lcViews)
// "gridwall.history.queries": the panels' history queries (their database).
Q_DECLARE_LOGGING_CATEGORY(lcQueries)

} // namespace gridwall::views

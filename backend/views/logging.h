#pragma once
// The views' log category.
// The one definition of each is in logging.cpp beside this header.

#include <QLoggingCategory>

namespace gridwall::views {

// "gridwall.history.queries": the panels' history queries (their database).
Q_DECLARE_LOGGING_CATEGORY(lcQueries)

} // namespace gridwall::views

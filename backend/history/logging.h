#pragma once
// The history's log category (docs/operations.md, docs/history.md).
// The one definition of each is in logging.cpp beside this header.

#include <QLoggingCategory>

namespace gridwall::history {

// "gridwall.history": the database's problems and its repairs at start.
Q_DECLARE_LOGGING_CATEGORY(lcHistory)

} // namespace gridwall::history

#pragma once
// The service side's log categories (docs/operations.md).
// The one definition of each is in logging.cpp beside this header.

#include <QLoggingCategory>

namespace gridwall::metrics {

// "gridwall.service": the systemd watchdog.
Q_DECLARE_LOGGING_CATEGORY(lcService)
// "gridwall.stop": SIGTERM and SIGINT.
Q_DECLARE_LOGGING_CATEGORY(lcStop)

} // namespace gridwall::metrics

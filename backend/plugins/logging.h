#pragma once
// The plugin host's log category (docs/plugins.md, docs/operations.md).
// The one definition of each is in logging.cpp beside this header.

#include <QLoggingCategory>

namespace gridwall::plugins {

// "gridwall.plugins": plugins found, refused, reloaded, and their errors.
Q_DECLARE_LOGGING_CATEGORY(lcPlugins)

} // namespace gridwall::plugins

#include "logging.h"

namespace gridwall::plugins {

Q_LOGGING_CATEGORY(lcPlugins, "gridwall.plugins", QtInfoMsg)

} // namespace gridwall::plugins

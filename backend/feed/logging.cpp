#include "logging.h"

namespace gridwall::feed {

Q_LOGGING_CATEGORY(lcFeed, "gridwall.feed", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFeedReject, "gridwall.feed.reject", QtWarningMsg)

} // namespace gridwall::feed

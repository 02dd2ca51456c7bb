#pragma once
// The feed stage's log categories (docs/operations.md).
// The one definition of each is in logging.cpp beside this header.

#include <QLoggingCategory>

namespace gridwall::feed {

// "gridwall.feed": the connection to the broker.
Q_DECLARE_LOGGING_CATEGORY(lcFeed)
// "gridwall.feed.reject": rejected payloads by reason, rate-limited (docs/feeds.md, Rejections).
Q_DECLARE_LOGGING_CATEGORY(lcFeedReject)

} // namespace gridwall::feed

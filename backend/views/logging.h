#pragma once
// The views' log category: what the operator's panels were asked and refused.

#include <QLoggingCategory>

namespace gridwall::views {
Q_DECLARE_LOGGING_CATEGORY(lcViews)
}

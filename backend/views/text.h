#pragma once
// The feed's UTF-8 strings as QML sees them.

#include <QString>

#include <string_view>

namespace gridwall::views {

inline QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace gridwall::views

#pragma once
// Problems that quote what an input file said must stay one line: Qt's JSON
// parser takes raw control characters inside strings, so they are written
// as \uXXXX (used by the geography loader and the plugin manifest reader).

#include <QString>

namespace gridwall {

inline QString oneLine(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029)
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace gridwall

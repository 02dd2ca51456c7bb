#include "exposition.h"

#include <charconv>
#include <cmath>
#include <type_traits>

namespace gridwall::metrics {

namespace {

// `v` into `out` with \ and line feed escaped, and " too for a label value; runs without
// anything to escape are copied whole. V: QStringView or QLatin1String.
template <typename V>
void escapeInto(QString &out, V v, bool labelValue)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i < v.size(); ++i) {
        const char16_t c = v[i].unicode();
        QLatin1String escaped;
        if (c == u'\\')
            escaped = QLatin1String("\\\\");
        else if (c == u'\n')
            escaped = QLatin1String("\\n");
        else if (c == u'"' && labelValue)
            escaped = QLatin1String("\\\"");
        else
            continue;
        out += v.sliced(start, i - start);
        out += escaped;
        start = i + 1;
    }
    out += v.sliced(start);
}

void appendEscaped(QString &out, QAnyStringView s, bool labelValue)
{
    s.visit([&](auto v) {
        using V = decltype(v);
        if constexpr (std::is_same_v<V, QStringView> || std::is_same_v<V, QLatin1String>)
            escapeInto(out, v, labelValue);
        else // UTF-8
            escapeInto(out, QStringView(v.toString()), labelValue);
    });
}

// Names (of families and labels) are ASCII and written as they are.
void appendName(QString &out, QAnyStringView s)
{
    s.visit([&](auto v) {
        using V = decltype(v);
        if constexpr (std::is_same_v<V, QStringView> || std::is_same_v<V, QLatin1String>)
            out += v;
        else
            out += v.toString();
    });
}

QLatin1String typeName(Exposition::Type type)
{
    switch (type) {
    case Exposition::Counter: return QLatin1String("counter");
    case Exposition::Gauge: return QLatin1String("gauge");
    case Exposition::Histogram: return QLatin1String("histogram");
    case Exposition::Summary: return QLatin1String("summary");
    case Exposition::Untyped: break;
    }
    return QLatin1String("untyped");
}

// The fewest digits that read back to `value`, with an exponent below 1e-4 and from 1e6 on, as
// %g and Go's strconv 'g', -1 (Prometheus' client) write it: 0.0005, 2.5, 123456, 1.234567e+06;
// non-finite values as Prometheus spells them.
QLatin1String formatDouble(double value, char (&buffer)[32])
{
    if (std::isnan(value))
        return QLatin1String("NaN");
    if (std::isinf(value))
        return value > 0 ? QLatin1String("+Inf") : QLatin1String("-Inf");
    const std::to_chars_result r = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general);
    return QLatin1String(buffer, r.ptr);
}

} // namespace

Exposition::Exposition(qsizetype reserve)
{
    m_text.reserve(reserve);
}

void Exposition::family(QAnyStringView name, QAnyStringView help, Type type)
{
    if (!m_family.isEmpty() && QAnyStringView::equal(name, m_family))
        return;
    m_family = name.toString();
    m_text += QLatin1String("# HELP ");
    m_text += m_family;
    m_text += QLatin1Char(' ');
    appendEscaped(m_text, help, false);
    m_text += QLatin1String("\n# TYPE ");
    m_text += m_family;
    m_text += QLatin1Char(' ');
    m_text += typeName(type);
    m_text += QLatin1Char('\n');
}

void Exposition::sample(QAnyStringView suffix, Labels labels, Value value)
{
    Q_ASSERT(!m_family.isEmpty());
    m_text += m_family;
    appendName(m_text, suffix);
    if (labels.size() > 0) {
        QChar separator = QLatin1Char('{');
        for (const Label &label : labels) {
            m_text += separator;
            appendName(m_text, label.name);
            m_text += QLatin1String("=\"");
            appendEscaped(m_text, label.value, true);
            m_text += QLatin1Char('"');
            separator = QLatin1Char(',');
        }
        m_text += QLatin1Char('}');
    }
    appendValue(value);
}

void Exposition::sample(QAnyStringView suffix, Labels labels, const Label &last, Value value)
{
    Q_ASSERT(!m_family.isEmpty());
    m_text += m_family;
    appendName(m_text, suffix);
    m_text += QLatin1Char('{');
    for (const Label &label : labels) {
        appendName(m_text, label.name);
        m_text += QLatin1String("=\"");
        appendEscaped(m_text, label.value, true);
        m_text += QLatin1String("\",");
    }
    appendName(m_text, last.name);
    m_text += QLatin1String("=\"");
    appendEscaped(m_text, last.value, true);
    m_text += QLatin1String("\"}");
    appendValue(value);
}

void Exposition::appendValue(Value value)
{
    char buffer[32];
    m_text += QLatin1Char(' ');
    switch (value.m_kind) {
    case Value::Kind::Signed:
        m_text += QLatin1String(buffer, std::to_chars(buffer, buffer + sizeof buffer, value.m_signed).ptr);
        break;
    case Value::Kind::Unsigned:
        m_text += QLatin1String(buffer, std::to_chars(buffer, buffer + sizeof buffer, value.m_unsigned).ptr);
        break;
    case Value::Kind::Double:
        m_text += formatDouble(value.m_double, buffer);
        break;
    }
    m_text += QLatin1Char('\n');
}

QString Exposition::number(double value)
{
    char buffer[32];
    return formatDouble(value, buffer);
}

QString Exposition::escapeLabelValue(QAnyStringView value)
{
    QString out;
    appendEscaped(out, value, true);
    return out;
}

QString Exposition::escapeHelp(QAnyStringView help)
{
    QString out;
    appendEscaped(out, help, false);
    return out;
}

} // namespace gridwall::metrics

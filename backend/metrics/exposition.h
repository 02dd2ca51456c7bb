#pragma once
// The Prometheus text exposition format (version 0.0.4), written one way by
// every part of the wall that has metrics: a family's # HELP and # TYPE once,
// then its samples, each with its labels in the order given and its value.
// Label values are escaped as the format requires (\\, \" and \n), and so is
// HELP text (\\ and \n): a region, scene or plugin named with a quote, a
// backslash or a line break cannot break the scrape. Integers are written
// whole (no exponent, up to 2^64 - 1), doubles as Prometheus' Go client
// writes them (%g with the fewest digits that read back to the same double:
// 0.1, 2.5, 1.234567e+06), infinities and NaN as +Inf, -Inf and NaN.
//
//     metrics::Exposition out;
//     out.family("gridwall_cases_open", "Open cases, per district.", metrics::Exposition::Gauge);
//     out.sample({{"district", code}, {"name", name}}, open);
//     return out.text();
//
// Built on each scrape, not per message; not thread-safe (one builder per scrape).

#include <QAnyStringView>
#include <QString>

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <type_traits>

namespace gridwall::metrics {

class Exposition
{
public:
    enum Type { Counter, Gauge, Histogram, Summary, Untyped };

    // A label: its name (ASCII, [a-zA-Z_][a-zA-Z0-9_]*) and its value (any text; escaped when written).
    // Views: what they refer to must live until the sample() call returns.
    struct Label
    {
        QAnyStringView name;
        QAnyStringView value;
    };
    using Labels = std::initializer_list<Label>;

    // A sample's value: any integer (written whole) or a double.
    class Value
    {
    public:
        template <std::integral T>
        constexpr Value(T v) noexcept // NOLINT: implicit on purpose
            : m_kind(std::is_signed_v<T> ? Kind::Signed : Kind::Unsigned)
        {
            if constexpr (std::is_signed_v<T>)
                m_signed = v;
            else
                m_unsigned = v;
        }
        constexpr Value(double v) noexcept // NOLINT: implicit on purpose
            : m_kind(Kind::Double)
            , m_double(v)
        {
        }

    private:
        friend class Exposition;
        enum class Kind : uint8_t { Signed, Unsigned, Double };
        Kind m_kind;
        union {
            int64_t m_signed;
            uint64_t m_unsigned;
            double m_double;
        };
    };

    // `reserve`: characters to set aside for the text (a guess of its size saves reallocations).
    explicit Exposition(qsizetype reserve = 1024);

    // Starts the family `name`: its # HELP (escaped) and # TYPE lines. The samples that follow are
    // its own, until the next family. Declaring the family already started again writes nothing.
    void family(QAnyStringView name, QAnyStringView help, Type type);

    // A sample of the current family, without labels or with these (in this order).
    void sample(Value value) { sample(QAnyStringView(), {}, value); }
    void sample(Labels labels, Value value) { sample(QAnyStringView(), labels, value); }
    // A sample whose name is the family's with `suffix` ("_bucket", "_sum", "_count" of a histogram).
    void sample(QAnyStringView suffix, Labels labels, Value value);
    // The same with one more label after `labels` (a histogram bucket's `le`).
    void sample(QAnyStringView suffix, Labels labels, const Label &last, Value value);

    // The text so far (/metrics sends it as UTF-8).
    QString text() const { return m_text; }

    // How a double is written, as a value or a label value (a bucket's le): "0", "0.1", "0.0005", "2.5",
    // "123456", "1.234567e+06", "1e-07", "+Inf", "-Inf", "NaN".
    static QString number(double value);
    // A label value as written between its quotes: \ " and line feed escaped.
    static QString escapeLabelValue(QAnyStringView value);
    // HELP text as written: \ and line feed escaped.
    static QString escapeHelp(QAnyStringView help);

private:
    void appendValue(Value value);

    QString m_text;
    QString m_family; // the family whose samples are being written
};

} // namespace gridwall::metrics

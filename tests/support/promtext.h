#pragma once
// The Prometheus text format (0.0.4) read back as a scraper reads it, line by
// line and as strictly: UTF-8; # HELP and # TYPE at most once per family and
// TYPE before its samples; a family's lines in one group; metric and label
// names of their alphabets; label values in quotes with only \\, \" and \n
// escaped (HELP: \\ and \n); no label twice in a sample, no series twice; a
// value a float parser takes (+Inf, -Inf, NaN included); a histogram's
// buckets with le. Header-only, for the tests of every /metrics writer.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace promtext {

using Labels = QList<QPair<QString, QString>>;

struct Sample
{
    QString name;  // as written, with its suffix (_bucket, _sum, _count)
    Labels labels; // in the order written, values unescaped
    double value = 0;
    QByteArray valueText; // the value as written
};

struct Family
{
    QString name;
    std::optional<QString> help; // unescaped
    QString type = QStringLiteral("untyped");
    bool typed = false;
    int helpLines = 0;
    int typeLines = 0;
    int samples = 0;
};

struct Scrape
{
    QString error; // empty when the whole text parsed; else what and on which line
    std::vector<Family> families; // in order of appearance
    std::vector<Sample> samples;

    bool ok() const { return error.isEmpty(); }
    const Family *family(const QString &name) const
    {
        for (const Family &f : families)
            if (f.name == name)
                return &f;
        return nullptr;
    }
    // The sample of `name` with exactly these labels (in any order); nullptr when none.
    const Sample *find(const QString &name, const Labels &labels = {}) const
    {
        for (const Sample &s : samples) {
            if (s.name != name || s.labels.size() != labels.size())
                continue;
            bool same = true;
            for (const auto &l : labels)
                same = same && s.labels.contains(l);
            if (same)
                return &s;
        }
        return nullptr;
    }
};

namespace detail {

inline bool metricNameChar(QChar c, bool first)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u == ':' || (!first && u >= '0' && u <= '9');
}

inline bool labelNameChar(QChar c, bool first)
{
    return c != QLatin1Char(':') && metricNameChar(c, first);
}

// Reads a name at `i`; empty when there is none.
inline QString readName(const QString &line, qsizetype &i, bool label)
{
    const qsizetype start = i;
    while (i < line.size() && (label ? labelNameChar(line[i], i == start) : metricNameChar(line[i], i == start)))
        ++i;
    return line.mid(start, i - start);
}

// Unescapes `text`: \\ and \n, and \" when `quote`; false on any other escape.
inline bool unescape(QStringView text, bool quote, QString *out)
{
    out->clear();
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != QLatin1Char('\\')) {
            out->append(text[i]);
            continue;
        }
        if (++i == text.size())
            return false;
        if (text[i] == QLatin1Char('\\'))
            out->append(QLatin1Char('\\'));
        else if (text[i] == QLatin1Char('n'))
            out->append(QLatin1Char('\n'));
        else if (quote && text[i] == QLatin1Char('"'))
            out->append(QLatin1Char('"'));
        else
            return false;
    }
    return true;
}

inline std::optional<double> parseValue(const QByteArray &text)
{
    if (text == "+Inf" || text == "Inf")
        return std::numeric_limits<double>::infinity();
    if (text == "-Inf")
        return -std::numeric_limits<double>::infinity();
    if (text == "NaN")
        return std::numeric_limits<double>::quiet_NaN();
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || text.isEmpty())
        return std::nullopt;
    return v;
}

} // namespace detail

// Parses a /metrics body as a scraper does.
inline Scrape parse(const QByteArray &body)
{
    Scrape scrape;
    const auto fail = [&](int lineNo, const QString &what, const QString &line) {
        scrape.error = QStringLiteral("line %1: %2: %3").arg(lineNo).arg(what, line.left(200));
        return scrape;
    };
    const QString text = QString::fromUtf8(body);
    if (text.toUtf8() != body)
        return fail(0, QStringLiteral("not UTF-8"), QString());
    if (!body.isEmpty() && !body.endsWith('\n'))
        return fail(0, QStringLiteral("the last line has no line feed"), QString());
    std::map<QString, size_t> families; // name -> index in scrape.families
    QSet<QString> finished;             // families whose group of lines has ended
    QString current;                    // the family of the lines being read
    QSet<QString> series;
    const auto enter = [&](const QString &name) -> bool {
        if (name == current)
            return true;
        if (finished.contains(name))
            return false; // a second group of lines for one family
        if (!current.isEmpty())
            finished.insert(current);
        current = name;
        if (!families.count(name)) {
            families[name] = scrape.families.size();
            scrape.families.push_back(Family{name, std::nullopt, QStringLiteral("untyped"), false, 0, 0, 0});
        }
        return true;
    };
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString &line = lines[n];
        const int lineNo = int(n + 1);
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(QLatin1Char('#'))) {
            const QStringList words = line.mid(1).trimmed().split(QLatin1Char(' '));
            const bool help = words.value(0) == QLatin1String("HELP");
            const bool type = words.value(0) == QLatin1String("TYPE");
            if (!help && !type)
                continue; // a plain comment
            qsizetype i = line.indexOf(words[0]) + words[0].size();
            while (i < line.size() && line[i] == QLatin1Char(' '))
                ++i;
            const QString name = detail::readName(line, i, false);
            if (name.isEmpty() || (i < line.size() && line[i] != QLatin1Char(' ')))
                return fail(lineNo, QStringLiteral("no metric name after # %1").arg(words[0]), line);
            if (!enter(name))
                return fail(lineNo, QStringLiteral("a second group of lines for %1").arg(name), line);
            Family &f = scrape.families[families[name]];
            const QStringView rest = i < line.size() ? QStringView(line).sliced(i + 1) : QStringView();
            if (help) {
                if (f.helpLines++ > 0)
                    return fail(lineNo, QStringLiteral("a second HELP for %1").arg(name), line);
                QString doc;
                if (!detail::unescape(rest, false, &doc))
                    return fail(lineNo, QStringLiteral("an escape HELP does not know"), line);
                f.help = doc;
            } else {
                if (f.typeLines++ > 0)
                    return fail(lineNo, QStringLiteral("a second TYPE for %1").arg(name), line);
                static const QStringList types{"counter", "gauge", "histogram", "summary", "untyped"};
                if (!types.contains(rest.toString()))
                    return fail(lineNo, QStringLiteral("an unknown type"), line);
                if (f.samples > 0)
                    return fail(lineNo, QStringLiteral("TYPE after samples of %1").arg(name), line);
                f.type = rest.toString();
                f.typed = true;
            }
            continue;
        }
        Sample sample;
        qsizetype i = 0;
        sample.name = detail::readName(line, i, false);
        if (sample.name.isEmpty())
            return fail(lineNo, QStringLiteral("no metric name"), line);
        QSet<QString> labelNames;
        if (i < line.size() && line[i] == QLatin1Char('{')) {
            ++i;
            while (true) {
                if (i < line.size() && line[i] == QLatin1Char('}')) {
                    ++i;
                    break;
                }
                const QString label = detail::readName(line, i, true);
                if (label.isEmpty() || i + 1 >= line.size() || line[i] != QLatin1Char('=') || line[i + 1] != QLatin1Char('"'))
                    return fail(lineNo, QStringLiteral("a label without name=\""), line);
                if (labelNames.contains(label))
                    return fail(lineNo, QStringLiteral("label %1 twice").arg(label), line);
                labelNames.insert(label);
                i += 2;
                const qsizetype start = i;
                while (i < line.size() && line[i] != QLatin1Char('"'))
                    i += line[i] == QLatin1Char('\\') ? 2 : 1;
                if (i >= line.size())
                    return fail(lineNo, QStringLiteral("a label value without its closing quote"), line);
                QString value;
                if (!detail::unescape(QStringView(line).sliced(start, i - start), true, &value))
                    return fail(lineNo, QStringLiteral("an escape a label value does not know"), line);
                sample.labels.append({label, value});
                ++i; // the quote
                if (i < line.size() && line[i] == QLatin1Char(','))
                    ++i;
                else if (i >= line.size() || line[i] != QLatin1Char('}'))
                    return fail(lineNo, QStringLiteral("no , or } after a label"), line);
            }
        }
        if (i >= line.size() || line[i] != QLatin1Char(' '))
            return fail(lineNo, QStringLiteral("no space before the value"), line);
        const QStringList rest = line.mid(i + 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (rest.isEmpty() || rest.size() > 2)
            return fail(lineNo, QStringLiteral("not one value (and a timestamp)"), line);
        sample.valueText = rest[0].toLatin1();
        const std::optional<double> value = detail::parseValue(sample.valueText);
        if (!value)
            return fail(lineNo, QStringLiteral("a value no float parser takes"), line);
        sample.value = *value;
        // The family: a histogram's or summary's _bucket, _sum and _count belong to it.
        QString familyName = sample.name;
        for (const char *suffix : {"_bucket", "_sum", "_count"}) {
            const QString base = sample.name.chopped(std::min<qsizetype>(sample.name.size(), qsizetype(qstrlen(suffix))));
            if (!sample.name.endsWith(QLatin1String(suffix)) || !families.count(base))
                continue;
            const QString &type = scrape.families[families[base]].type;
            if (type == QLatin1String("histogram") || (type == QLatin1String("summary") && qstrcmp(suffix, "_bucket") != 0))
                familyName = base;
        }
        if (!enter(familyName))
            return fail(lineNo, QStringLiteral("a second group of lines for %1").arg(familyName), line);
        Family &f = scrape.families[families[familyName]];
        ++f.samples;
        if (f.type == QLatin1String("histogram") && familyName != sample.name && sample.name.endsWith(QLatin1String("_bucket"))) {
            const auto le = std::find_if(sample.labels.begin(), sample.labels.end(), [](const auto &l) { return l.first == QLatin1String("le"); });
            if (le == sample.labels.end() || !detail::parseValue(le->second.toLatin1()))
                return fail(lineNo, QStringLiteral("a bucket without a float le"), line);
        }
        Labels sorted = sample.labels;
        std::sort(sorted.begin(), sorted.end());
        QString key = sample.name;
        for (const auto &[name, value] : sorted)
            key += QChar(0) + name + QChar(1) + value;
        if (series.contains(key))
            return fail(lineNo, QStringLiteral("a series twice"), line);
        series.insert(key);
        scrape.samples.push_back(std::move(sample));
    }
    return scrape;
}

inline Scrape parse(const QString &text)
{
    return parse(text.toUtf8());
}

} // namespace promtext

// The Prometheus text that every /metrics writer produces (metrics::Exposition),
// read back line by line as a scraper reads it (tests/support/promtext.h):
// label values with a quote, a backslash, a line break or Chinese come back
// as they were; HELP text is escaped; each family has one HELP and one TYPE;
// values are written as Prometheus reads them (integers whole, doubles
// exactly, +Inf, -Inf, NaN); histograms keep their le values. A plugin folder
// named with a quote still leaves a scrape that parses.

#include "../support/promtext.h"
#include "metrics/exposition.h"
#include "metrics/histogram.h"
#include "plugins/pluginhost.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>

using gridwall::metrics::Exposition;

class TestExposition : public QObject
{
    Q_OBJECT

private slots:
    void labelValuesRoundTrip()
    {
        const QStringList values{QStringLiteral("say \"hi\""),
                                 QStringLiteral("C:\\plugins\\"),
                                 QStringLiteral("two\nlines"),
                                 QStringLiteral("兴隆台区"),
                                 QStringLiteral("\\\"\n\\n\"\\"), // escapes and what looks like them
                                 QStringLiteral("\r\t{},= #"),
                                 QString()};
        Exposition out;
        out.family(u"gridwall_test_values", u"Values of every kind.", Exposition::Gauge);
        for (qsizetype i = 0; i < values.size(); ++i)
            out.sample({{u"district", QString::number(i)}, {u"name", values[i]}}, i);
        // Every kind of view: Latin-1, UTF-8 and UTF-16 literals.
        out.sample({{"district", "utf8"}, {"name", "盘锦 \"市\""}}, 100);
        out.sample({{QLatin1String("district"), QLatin1String("latin1")}, {QLatin1String("name"), QLatin1String("a\\b\"c\nd")}}, 101);
        out.sample({{u"district", u"utf16"}, {u"name", u"辽河\\油田"}}, 102);
        const QString text = out.text();
        // Nothing but escapes inside the values: one line per sample, and a line per HELP and TYPE.
        QCOMPARE(text.count(QLatin1Char('\n')), values.size() + 3 + 2);
        QVERIFY(text.contains(QStringLiteral("name=\"say \\\"hi\\\"\"")));
        QVERIFY(text.contains(QStringLiteral("name=\"two\\nlines\"")));
        QVERIFY(text.contains(QStringLiteral("name=\"C:\\\\plugins\\\\\"")));

        const promtext::Scrape s = promtext::parse(text);
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(s.samples.size(), size_t(values.size() + 3));
        for (qsizetype i = 0; i < values.size(); ++i) {
            const promtext::Sample &sample = s.samples[size_t(i)];
            QCOMPARE(sample.name, QStringLiteral("gridwall_test_values"));
            // In the order given.
            QCOMPARE(sample.labels, (promtext::Labels{{"district", QString::number(i)}, {"name", values[i]}}));
            QCOMPARE(sample.value, double(i));
        }
        QCOMPARE(s.samples[size_t(values.size())].labels.value(1).second, QStringLiteral("盘锦 \"市\""));
        QCOMPARE(s.samples[size_t(values.size()) + 1].labels.value(1).second, QStringLiteral("a\\b\"c\nd"));
        QCOMPARE(s.samples[size_t(values.size()) + 2].labels.value(1).second, QStringLiteral("辽河\\油田"));

        QCOMPARE(Exposition::escapeLabelValue(u"a\"b\\c\nd"), QStringLiteral("a\\\"b\\\\c\\nd"));
        QCOMPARE(Exposition::escapeLabelValue(u"兴隆台区"), QStringLiteral("兴隆台区"));

        // What the hand-written text of before made of such a name: the scraper refuses it.
        QVERIFY(!promtext::parse(QStringLiteral("# TYPE x gauge\nx{name=\"%1\"} 1\n").arg(values[0])).ok());
        QVERIFY(!promtext::parse(QStringLiteral("# TYPE x gauge\nx{name=\"%1\"} 1\n").arg(values[2])).ok());
        QVERIFY(!promtext::parse(QStringLiteral("# TYPE x gauge\nx{name=\"%1\"} 1\n").arg(values[1])).ok());
    }

    void helpIsEscaped()
    {
        const QString help = QStringLiteral("Cases in C:\\temp, \"quoted\",\non two lines; 兴隆台区.");
        Exposition out;
        out.family(u"gridwall_test_help", help, Exposition::Counter);
        out.sample(1);
        QCOMPARE(out.text(), QStringLiteral("# HELP gridwall_test_help Cases in C:\\\\temp, \"quoted\",\\non two lines; 兴隆台区.\n"
                                            "# TYPE gridwall_test_help counter\n"
                                            "gridwall_test_help 1\n"));
        const promtext::Scrape s = promtext::parse(out.text());
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(*s.family(QStringLiteral("gridwall_test_help"))->help, help);
        QCOMPARE(Exposition::escapeHelp(u"a\\b\nc\"d"), QStringLiteral("a\\\\b\\nc\"d"));
    }

    void oneHelpAndTypePerFamily()
    {
        Exposition out;
        out.family(u"gridwall_a_total", u"A.", Exposition::Counter);
        out.sample({{u"kind", u"x"}}, 1);
        out.family(u"gridwall_a_total", u"A.", Exposition::Counter); // the family already started: nothing written
        out.sample({{u"kind", u"y"}}, 2);
        out.family(u"gridwall_b", u"B.", Exposition::Gauge);
        out.sample(3);
        out.family(u"gridwall_c", u"C.", Exposition::Untyped);
        out.sample(4);
        out.family(u"gridwall_d", u"D.", Exposition::Summary);
        out.sample(u"_sum", {}, 0.5);
        out.sample(u"_count", {}, 2);
        QCOMPARE(out.text(), QStringLiteral("# HELP gridwall_a_total A.\n# TYPE gridwall_a_total counter\n"
                                            "gridwall_a_total{kind=\"x\"} 1\ngridwall_a_total{kind=\"y\"} 2\n"
                                            "# HELP gridwall_b B.\n# TYPE gridwall_b gauge\ngridwall_b 3\n"
                                            "# HELP gridwall_c C.\n# TYPE gridwall_c untyped\ngridwall_c 4\n"
                                            "# HELP gridwall_d D.\n# TYPE gridwall_d summary\ngridwall_d_sum 0.5\ngridwall_d_count 2\n"));
        const promtext::Scrape s = promtext::parse(out.text());
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(s.families.size(), size_t(4));
        for (const promtext::Family &f : s.families) {
            QCOMPARE(f.helpLines, 1);
            QCOMPARE(f.typeLines, 1);
        }
        QCOMPARE(s.family(QStringLiteral("gridwall_d"))->samples, 2);

        // The reader is as strict as a scraper about what the builder avoids.
        QVERIFY(!promtext::parse(QByteArray("# TYPE a gauge\n# TYPE a gauge\na 1\n")).ok());
        QVERIFY(!promtext::parse(QByteArray("# HELP a x\n# HELP a y\na 1\n")).ok());
        QVERIFY(!promtext::parse(QByteArray("a 1\n# TYPE a gauge\n")).ok());
        QVERIFY(!promtext::parse(QByteArray("a 1\nb 2\na{x=\"1\"} 3\n")).ok());
        QVERIFY(!promtext::parse(QByteArray("a{x=\"1\",x=\"2\"} 1\n")).ok());
        QVERIFY(!promtext::parse(QByteArray("a{x=\"\\t\"} 1\n")).ok());
        QVERIFY(!promtext::parse(QByteArray("a 1\na 2\n")).ok());
        QVERIFY(!promtext::parse(QByteArray("a 1")).ok());
        QVERIFY(!promtext::parse(QByteArray("a one\n")).ok());
        QVERIFY(promtext::parse(QByteArray("# a comment\na{x=\"1\",} 1 1700000000000\n\n")).ok());
    }

    void valuesAreWrittenAsPrometheusReadsThem()
    {
        const auto line = [](Exposition::Value v) {
            Exposition out;
            out.family(u"v", u"", Exposition::Gauge);
            out.sample(v);
            const QString text = out.text();
            return text.mid(text.lastIndexOf(QLatin1Char(' ')) + 1).chopped(1);
        };
        QCOMPARE(line(0), QStringLiteral("0"));
        QCOMPARE(line(-1), QStringLiteral("-1"));
        QCOMPARE(line(int64_t(1) << 53), QStringLiteral("9007199254740992"));
        QCOMPARE(line((uint64_t(1) << 53) + 1), QStringLiteral("9007199254740993"));
        QCOMPARE(line(std::numeric_limits<uint64_t>::max()), QStringLiteral("18446744073709551615"));
        QCOMPARE(line(std::numeric_limits<int64_t>::min()), QStringLiteral("-9223372036854775808"));
        QCOMPARE(line(size_t(123456789)), QStringLiteral("123456789"));
        QCOMPARE(line(true), QStringLiteral("1"));
        QCOMPARE(line(0.0), QStringLiteral("0"));
        QCOMPARE(line(0.1), QStringLiteral("0.1"));
        QCOMPARE(line(2.5), QStringLiteral("2.5"));
        QCOMPARE(line(1e6), QStringLiteral("1e+06"));
        // Doubles as Prometheus' own Go client writes them (%g with the fewest digits: an exponent from 1e6 on).
        QCOMPARE(line(123456.0), QStringLiteral("123456"));
        QCOMPARE(line(1234567.0), QStringLiteral("1.234567e+06"));
        QCOMPARE(line(std::ldexp(1.0, 53)), QStringLiteral("9.007199254740992e+15"));
        QCOMPARE(line(1e21), QStringLiteral("1e+21"));
        QCOMPARE(line(0.0005), QStringLiteral("0.0005"));
        QCOMPARE(line(1e-7), QStringLiteral("1e-07"));
        QCOMPARE(line(1.0 / 3), QStringLiteral("0.3333333333333333"));
        QCOMPARE(line(std::numeric_limits<double>::infinity()), QStringLiteral("+Inf"));
        QCOMPARE(line(-std::numeric_limits<double>::infinity()), QStringLiteral("-Inf"));
        QCOMPARE(line(std::numeric_limits<double>::quiet_NaN()), QStringLiteral("NaN"));

        // Read back by the scraper: every double exactly, the specials as what they are.
        Exposition out;
        out.family(u"gridwall_test_doubles", u"Doubles.", Exposition::Gauge);
        const double doubles[] = {0.0, 0.1, 1.0 / 3, 123456.789, 9007199254740993.0, 1e300, 5e-324, -2.5, 1e-7,
                                  std::numeric_limits<double>::max()};
        for (size_t i = 0; i < std::size(doubles); ++i)
            out.sample({{u"i", QString::number(i)}}, doubles[i]);
        out.sample({{u"i", u"inf"}}, std::numeric_limits<double>::infinity());
        out.sample({{u"i", u"-inf"}}, -std::numeric_limits<double>::infinity());
        out.sample({{u"i", u"nan"}}, std::numeric_limits<double>::quiet_NaN());
        out.sample({{u"i", u"2^53"}}, int64_t(1) << 53);
        out.sample({{u"i", u"2^53 double"}}, std::ldexp(1.0, 53));
        const promtext::Scrape s = promtext::parse(out.text());
        QVERIFY2(s.ok(), qPrintable(s.error));
        for (size_t i = 0; i < std::size(doubles); ++i)
            QCOMPARE(s.samples[i].value, doubles[i]); // QCOMPARE on doubles is fuzzy: the bits too
        for (size_t i = 0; i < std::size(doubles); ++i)
            QVERIFY2(std::memcmp(&s.samples[i].value, &doubles[i], sizeof(double)) == 0, s.samples[i].valueText.constData());
        QVERIFY(std::isinf(s.find("gridwall_test_doubles", {{"i", "inf"}})->value));
        QVERIFY(s.find("gridwall_test_doubles", {{"i", "-inf"}})->value < 0);
        QVERIFY(std::isnan(s.find("gridwall_test_doubles", {{"i", "nan"}})->value));
        QCOMPARE(s.find("gridwall_test_doubles", {{"i", "2^53"}})->valueText, QByteArray("9007199254740992"));
        QVERIFY(s.find("gridwall_test_doubles", {{"i", "2^53 double"}})->value == 9007199254740992.0);
    }

    // The le of every bucket the wall has is written as before (%g, six digits): the series stay the same.
    void bucketBoundsKeepTheirLabels()
    {
        for (double bound : {0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0015, 0.0025, 0.0075, 0.0125, 0.0175, 0.016, 0.033, 0.066,
                             0.1, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0})
            QCOMPARE(Exposition::number(bound), QString::number(bound, 'g', 6));
    }

    void histogram()
    {
        gridwall::metrics::Histogram h({0.001, 0.25, 1});
        h.observe(0.0005);
        h.observe(0.125);
        h.observe(0.125);
        h.observe(7);
        QCOMPARE(h.exposition(QStringLiteral("gridwall_test_seconds"), QStringLiteral("A test's \\ times.")),
                 QStringLiteral("# HELP gridwall_test_seconds A test's \\\\ times.\n"
                                "# TYPE gridwall_test_seconds histogram\n"
                                "gridwall_test_seconds_bucket{le=\"0.001\"} 1\n"
                                "gridwall_test_seconds_bucket{le=\"0.25\"} 3\n"
                                "gridwall_test_seconds_bucket{le=\"1\"} 3\n"
                                "gridwall_test_seconds_bucket{le=\"+Inf\"} 4\n"
                                "gridwall_test_seconds_sum 7.2505\n"
                                "gridwall_test_seconds_count 4\n"));

        // A labelled family: one series per plugin, le after the given labels.
        gridwall::metrics::Histogram other({0.5});
        other.observe(0.1);
        Exposition out;
        out.family(u"gridwall_test_refresh_seconds", u"Refreshes.", Exposition::Histogram);
        h.writeSamples(out, {{u"plugin", u"quote\"d"}});
        other.writeSamples(out, {{u"plugin", u"back\\slash"}, {u"node", u"0,0"}});
        const promtext::Scrape s = promtext::parse(out.text());
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(s.families.size(), size_t(1));
        QCOMPARE(s.find("gridwall_test_refresh_seconds_bucket", {{"plugin", "quote\"d"}, {"le", "0.25"}})->value, 3.0);
        QCOMPARE(s.find("gridwall_test_refresh_seconds_count", {{"plugin", "quote\"d"}})->value, 4.0);
        const promtext::Sample *bucket = s.find("gridwall_test_refresh_seconds_bucket", {{"plugin", "back\\slash"}, {"node", "0,0"}, {"le", "+Inf"}});
        QVERIFY(bucket);
        QCOMPARE(bucket->labels.last().first, QStringLiteral("le"));
        QCOMPARE(s.find("gridwall_test_refresh_seconds_sum", {{"plugin", "back\\slash"}, {"node", "0,0"}})->value, 0.1);
    }

    // A plugin folder named with a quote, a backslash, a line break and Chinese is refused and
    // counted under its folder's name: the scrape still parses, and the name comes back whole.
    void aPluginNamedWithAQuote()
    {
        QTemporaryDir dir;
        const QString name = QStringLiteral("bad \"plugin\"\\ 治安\nnext");
        QVERIFY(QDir(dir.path()).mkpath(name));
        QFile manifest(QDir(dir.path()).filePath(name) + QStringLiteral("/plugin.json"));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("{\"id\": \"bad\\\"id\"}");
        manifest.close();
        gridwall::plugins::PluginHost host(false);
        host.scan({dir.path()});
        const QString text = host.metricsText();
        const promtext::Scrape s = promtext::parse(text);
        QVERIFY2(s.ok(), qPrintable(s.error + QLatin1Char('\n') + text));
        QCOMPARE(s.find("gridwall_plugin_errors_total", {{"plugin", name}})->value, 1.0);
        QCOMPARE(s.find("gridwall_plugins_loaded")->value, 0.0);
        for (const promtext::Family &f : s.families)
            QVERIFY2(f.helpLines == 1 && f.typeLines == 1, qPrintable(f.name));
        QCOMPARE(*s.family(QStringLiteral("gridwall_plugin_interruptions_total"))->help,
                 QStringLiteral("Scripts and loads stopped for keeping the GUI thread busy over 1000 ms."));
    }
};

QTEST_GUILESS_MAIN(TestExposition)

#include "tst_exposition.moc"

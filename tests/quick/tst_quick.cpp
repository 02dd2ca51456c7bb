// Qt Quick Tests of the wall's panels, drill-down navigation and department
// plugins. Each test file gets its own city: a private Mosquitto on a free
// loopback port, the live feed subscribed to it (with a history in a
// temporary folder), the views the application gives its window, and the
// bundled department plugins as the wall loads them. The QML tests publish real
// MQTT messages and watch the panels follow.

#include "brokerprocess.h"

#include "history/history.h"
#include "map/geography.h"
#include "plugins/pluginhost.h"
#include "views/alarmticker.h"
#include "views/entitypanel.h"
#include "views/historyqueries.h"
#include "views/livefeed.h"
#include "views/regionpanel.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <mqtt/client.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(Gridwall_BackendPlugin)
Q_IMPORT_QML_PLUGIN(GridwallPlugin)

using namespace gridwall;

// What a test file sees as `city`.
class City : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool ready READ ready CONSTANT)

public:
    explicit City(std::shared_ptr<const map::MapData> data, QObject *parent = nullptr)
        : QObject(parent)
        , m_geography(std::move(data), false)
    {
        if (!m_broker.start())
            return;
        QString error;
        m_history = history::History::open(m_dir.path(), &error);
        feed::FeedOptions options;
        options.brokerUri = m_broker.uri();
        options.clientId = QStringLiteral("tst-quick-wall");
        m_feed = std::make_unique<views::LiveFeed>(options, &m_geography.tree(), m_history.get());
        m_queries = std::make_unique<views::HistoryQueries>(m_history ? m_history->path() : QString(),
                                                            [this] { return m_feed->state().now(); });
        m_region = std::make_unique<views::RegionPanel>(*m_feed, m_geography);
        m_entity = std::make_unique<views::EntityPanel>(*m_feed, m_geography);
        m_alarms = std::make_unique<views::AlarmTicker>(*m_feed, m_geography);
        m_plugins = std::make_unique<plugins::PluginHost>(false);
        m_plugins->scan({QStringLiteral(GRIDWALL_PLUGINS)});
        m_plugins->connectWall({m_feed.get(), &m_geography, m_queries.get(), m_region.get(), m_entity.get(), nullptr});
        m_feed->start();
        m_publisher = std::make_unique<mqtt::client>(m_broker.uri().toStdString(), "tst-quick-publisher");
        m_publisher->connect(mqtt::connect_options_builder().clean_session(true).finalize());
    }
    ~City() override
    {
        if (m_publisher && m_publisher->is_connected())
            m_publisher->disconnect();
    }

    bool ready() const { return m_feed && m_publisher && m_publisher->is_connected(); }
    views::LiveFeed *feed() const { return m_feed.get(); }
    views::RegionPanel *region() const { return m_region.get(); }
    views::EntityPanel *entity() const { return m_entity.get(); }
    views::AlarmTicker *alarms() const { return m_alarms.get(); }
    views::HistoryQueries *history() const { return m_queries.get(); }
    plugins::PluginHost *plugins() const { return m_plugins.get(); }

    // Publishes as a producer would (QoS 1).
    Q_INVOKABLE void publish(const QString &topic, const QString &json, bool retained = false)
    {
        const QByteArray payload = json.toUtf8();
        m_publisher->publish(topic.toStdString(), payload.constData(), size_t(payload.size()), 1, retained);
    }
    // The regions under a point, district first: [{code, name, level}].
    Q_INVOKABLE QVariantList regionsAt(double lon, double lat) const
    {
        QVariantList out;
        for (int index : m_geography.tree().hitTestAll(m_geography.tree().sceneFromGeo(lon, lat)))
            if (index >= 0)
                out.append(m_geography.regionAt(index));
        return out;
    }
    // The broker goes away: the feed is down.
    Q_INVOKABLE void stopBroker()
    {
        if (m_publisher && m_publisher->is_connected())
            m_publisher->disconnect();
        m_broker.stop();
    }

private:
    QTemporaryDir m_dir;
    BrokerProcess m_broker;
    map::Geography m_geography;
    std::unique_ptr<history::History> m_history;
    std::unique_ptr<views::LiveFeed> m_feed;
    std::unique_ptr<views::HistoryQueries> m_queries;
    std::unique_ptr<views::RegionPanel> m_region;
    std::unique_ptr<views::EntityPanel> m_entity;
    std::unique_ptr<views::AlarmTicker> m_alarms;
    std::unique_ptr<plugins::PluginHost> m_plugins;
    std::unique_ptr<mqtt::client> m_publisher;
};

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        if (!m_data)
            m_data = map::loadMapData(QStringLiteral(GRIDWALL_REGIONS)).data;
        // The wall's modules are compiled in: their qmldir files live in the resources.
        engine->addImportPath(QStringLiteral("qrc:/"));
        // One city per test file, gone with its engine.
        auto *city = new City(m_data, engine);
        QQmlContext *context = engine->rootContext();
        context->setContextProperty(QStringLiteral("city"), city);
        context->setContextProperty(QStringLiteral("liveFeed"), city->feed());
        context->setContextProperty(QStringLiteral("regionPanel"), city->region());
        context->setContextProperty(QStringLiteral("entityPanel"), city->entity());
        context->setContextProperty(QStringLiteral("alarmTicker"), city->alarms());
        context->setContextProperty(QStringLiteral("historyQueries"), city->history());
        context->setContextProperty(QStringLiteral("pluginHost"), city->plugins());
    }

private:
    std::shared_ptr<const map::MapData> m_data;
};

QUICK_TEST_MAIN_WITH_SETUP(gridwall_quick, Setup)

#include "tst_quick.moc"

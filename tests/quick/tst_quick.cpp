// Qt Quick Tests of the wall's panels, drill-down navigation and department
// plugins. Each test file gets its own city: a private Mosquitto on a free
// loopback port and the wall the application runs (app/wall.h: the live feed
// subscribed to it, a history in a temporary folder, the views, the selection
// and the bundled department plugins), exposed as the `Wall` singleton. The QML tests publish real
// MQTT messages and watch the panels follow.

#include "brokerprocess.h"

#include "app/wall.h"
#include "map/geography.h"
#include "plugins/pluginhost.h"
#include "views/alarmticker.h"
#include "views/entitypanel.h"
#include "views/feedstatus.h"
#include "views/historyqueries.h"
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

// What a test file sees as `city`: the wall the application runs (app/wall.h), built from options as
// `gridwall --broker URI --data-dir DIR --plugins-dir PLUGINS` would be, without its window's map.
class City : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool ready READ ready CONSTANT)

public:
    City(std::shared_ptr<const map::MapData> data, QQmlEngine *engine)
        : QObject(engine)
    {
        if (!m_broker.start())
            return;
        Options options;
        options.broker = m_broker.uri();
        options.clientId = QStringLiteral("tst-quick-wall");
        options.dataDir = m_dir.path();
        options.dataDirSet = true;
        options.language = QStringLiteral("zh_CN");
        options.pluginDirs = {QStringLiteral(GRIDWALL_PLUGINS)};
        m_wall = std::make_unique<app::Wall>(options);
        m_wall->exposeTo(engine);
        if (const auto failure = m_wall->build(std::move(data)))
            qFatal("the wall did not build: %s", qPrintable(failure->message));
        if (const auto failure = m_wall->attach(nullptr))
            qFatal("the wall did not attach: %s", qPrintable(failure->message));
        m_wall->start();
        m_publisher = std::make_unique<mqtt::client>(m_broker.uri().toStdString(), "tst-quick-publisher");
        m_publisher->connect(mqtt::connect_options_builder().clean_session(true).finalize());
    }
    ~City() override
    {
        if (m_publisher && m_publisher->is_connected())
            m_publisher->disconnect();
    }

    bool ready() const { return m_wall && m_wall->liveFeed() && m_publisher && m_publisher->is_connected(); }
    app::Wall *wall() const { return m_wall.get(); }

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
        const map::Geography &geography = *m_wall->geography();
        for (int index : geography.tree().hitTestAll(geography.tree().sceneFromGeo(lon, lat)))
            if (index >= 0)
                out.append(geography.regionAt(index));
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
    std::unique_ptr<app::Wall> m_wall;
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
        // The wall's parts by name, as the panels under test are given them (Wall.selection is the wall's).
        app::Wall *wall = city->wall();
        if (!wall)
            return; // no broker: the test files' initTestCase says so
        context->setContextProperty(QStringLiteral("liveFeed"), wall->feedStatus());
        context->setContextProperty(QStringLiteral("regionPanel"), wall->regionPanel());
        context->setContextProperty(QStringLiteral("entityPanel"), wall->entityPanel());
        context->setContextProperty(QStringLiteral("alarmTicker"), wall->alarms());
        context->setContextProperty(QStringLiteral("historyQueries"), wall->history());
        context->setContextProperty(QStringLiteral("pluginHost"), wall->plugins());
    }

private:
    std::shared_ptr<const map::MapData> m_data;
};

QUICK_TEST_MAIN_WITH_SETUP(gridwall_quick, Setup)

#include "tst_quick.moc"

#include "pluginview.h"

#include "pluginhost.h"

#include <QQmlComponent>
#include <QQmlEngine>

namespace gridwall::plugins {

PluginView::PluginView(QQuickItem *parent)
    : QQuickItem(parent)
{
}

PluginView::~PluginView()
{
    unload();
    if (m_host)
        m_host->forget(this);
}

QObject *PluginView::host() const
{
    return m_host.data();
}

void PluginView::setHost(QObject *host)
{
    auto *h = qobject_cast<PluginHost *>(host);
    if (h == m_host)
        return;
    if (m_host) {
        m_host->forget(this);
        disconnect(m_host, nullptr, this, nullptr);
    }
    m_host = h;
    if (m_host) {
        m_host->remember(this);
        // Its folder changed on disk: load it again.
        connect(m_host, &PluginHost::revisionsChanged, this, [this] {
            if (m_host && m_host->revision(m_plugin) != m_revision)
                load();
        });
    }
    emit hostChanged();
    load();
}

void PluginView::setPlugin(const QString &plugin)
{
    if (plugin == m_plugin)
        return;
    m_plugin = plugin;
    emit pluginChanged();
    load();
}

void PluginView::setSource(const QUrl &source)
{
    if (source == m_source)
        return;
    m_source = source;
    emit sourceChanged();
    load();
}

void PluginView::componentComplete()
{
    QQuickItem::componentComplete();
    load();
}

void PluginView::unload()
{
    if (m_item) {
        m_item->setParentItem(nullptr);
        delete m_item.data();
    }
    delete m_context.data();
    if (m_status != Null) {
        m_status = Null;
        emit statusChanged();
    }
}

void PluginView::load()
{
    if (!isComponentComplete())
        return;
    unload();
    if (!m_host || m_plugin.isEmpty() || m_source.isEmpty())
        return;
    m_revision = m_host->revision(m_plugin);
    QQmlEngine *engine = m_host->engineFor(m_plugin);
    if (!engine)
        return;
    // Checked again as it loads: a file may have been replaced by a link since the manifest was read.
    if (m_source.isLocalFile() && !m_host->insidePluginFolder(m_plugin, m_source.toLocalFile())) {
        QQmlError outside;
        outside.setUrl(m_source);
        outside.setDescription(QStringLiteral("leads outside the plugin folder (a link?) and was not loaded"));
        fail({outside});
        return;
    }
    // Compiling, creating, its bindings and onCompleted are the plugin's code: watched by its name.
    if (!m_host->guarded(m_plugin, PluginHost::Work::Loading, m_source.fileName(), [this, engine] { create(engine); })) {
        m_status = Error; // switched off: its items are gone, its tiles say why
        emit statusChanged();
    }
}

void PluginView::fail(const QList<QQmlError> &errors)
{
    m_host->reportErrors(m_plugin, errors);
    m_status = Error;
    emit statusChanged();
}

void PluginView::create(QQmlEngine *engine)
{
    QQmlComponent component(engine, m_source, QQmlComponent::PreferSynchronous);
    if (component.isError()) {
        fail(component.errors());
        return;
    }
    m_context = new QQmlContext(engine->rootContext(), this);
    QObject *object = component.beginCreate(m_context);
    if (!object) {
        fail(component.errors());
        return;
    }
    // The wall before anything of the plugin runs (its bindings and onCompleted may read it).
    if (object->metaObject()->indexOfProperty("wall") >= 0)
        component.setInitialProperties(object, {{QStringLiteral("wall"), QVariant::fromValue(m_host->api(m_plugin))}});
    component.completeCreate();
    QQmlEngine::setObjectOwnership(object, QQmlEngine::CppOwnership);
    m_item = qobject_cast<QQuickItem *>(object);
    if (!m_item) {
        delete object;
        QQmlError notAnItem;
        notAnItem.setUrl(m_source);
        notAnItem.setDescription(QStringLiteral("the root of a plugin's file must be an Item"));
        fail({notAnItem});
        return;
    }
    m_item->setParentItem(this);
    connect(m_item, &QQuickItem::implicitWidthChanged, this, &PluginView::followImplicitSize);
    connect(m_item, &QQuickItem::implicitHeightChanged, this, &PluginView::followImplicitSize);
    followImplicitSize();
    fitItem();
    m_status = Ready;
    emit statusChanged();
}

void PluginView::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    fitItem();
}

void PluginView::fitItem()
{
    if (m_item)
        m_item->setSize(size());
}

void PluginView::followImplicitSize()
{
    if (m_item)
        setImplicitSize(m_item->implicitWidth(), m_item->implicitHeight());
}

} // namespace gridwall::plugins

#pragma once
// Where a department plugin's QML is shown in the wall (a widget tile, a map
// layer, a drill-down section). The plugin's file is created in its own
// engine (PluginHost::engineFor), so that everything it does wrong is known
// to be its own: its warnings and errors, and a script the watchdog has to
// stop (loading a file is watched by the plugin's name: past the budget,
// the plugin is switched off and the wall goes on without it). The plugin's
// root item gets its `wall` before it completes (when it declares `property
// var wall`) and fills this item; the item's implicit size follows the
// plugin's. It loads again when the plugin's folder changes on disk (live
// reload).

#include <QPointer>
#include <QQmlError>
#include <QQmlContext>
#include <QQuickItem>
#include <QUrl>

namespace gridwall::plugins {

class PluginHost;

class PluginView : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *host READ host WRITE setHost NOTIFY hostChanged)
    Q_PROPERTY(QString plugin READ plugin WRITE setPlugin NOTIFY pluginChanged)
    Q_PROPERTY(QUrl source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QQuickItem *item READ item NOTIFY statusChanged)

public:
    enum Status { Null, Ready, Error };
    Q_ENUM(Status)

    explicit PluginView(QQuickItem *parent = nullptr);
    ~PluginView() override;

    QObject *host() const;
    void setHost(QObject *host);
    QString plugin() const { return m_plugin; }
    void setPlugin(const QString &plugin);
    QUrl source() const { return m_source; }
    void setSource(const QUrl &source);
    Status status() const { return m_status; }
    QQuickItem *item() const { return m_item; }

    // Drops the plugin's item (before its engine goes, or to load it again).
    void unload();

signals:
    void hostChanged();
    void pluginChanged();
    void sourceChanged();
    void statusChanged();

protected:
    void componentComplete() override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    void load();
    // Makes the plugin's item from its file in its engine (the part the watchdog guards).
    void create(QQmlEngine *engine);
    void fail(const QList<QQmlError> &errors);
    void fitItem();
    void followImplicitSize();

    QPointer<PluginHost> m_host;
    QString m_plugin;
    QUrl m_source;
    Status m_status = Null;
    QPointer<QQuickItem> m_item;
    QPointer<QQmlContext> m_context;
    int m_revision = -1;
};

} // namespace gridwall::plugins

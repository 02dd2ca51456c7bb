#pragma once
// The wall's rules that QML draws by, stated once in C++ and read by every
// component (`Rules.staleAfterSeconds`), never copied into QML: when the
// feed counts as quiet or stale, the colours the map gives cases (which the clusters' discs repeat), and the
// legend's layer keys (which scenes name, docs/wall.md).

#include <QColor>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>

namespace gridwall::views {

class Rules : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // Connected, nothing heard for this long: "quiet" (FeedStatus).
    Q_PROPERTY(int quietAfterSeconds READ quietAfterSeconds CONSTANT)
    // Down, or nothing heard for this long: the panels dim (FeedStatus.stale).
    Q_PROPERTY(int staleAfterSeconds READ staleAfterSeconds CONSTANT)
    // The map's colours of cases in hand and of overdue ones.
    Q_PROPERTY(QColor caseColor READ caseColor CONSTANT)
    Q_PROPERTY(QColor overdueColor READ overdueColor CONSTANT)
    // The map layers' keys, in legend order.
    Q_PROPERTY(QStringList layerKeys READ layerKeys CONSTANT)

public:
    using QObject::QObject;

    static int quietAfterSeconds();
    static int staleAfterSeconds();
    static QColor caseColor();
    static QColor overdueColor();
    static QStringList layerKeys();
};

} // namespace gridwall::views

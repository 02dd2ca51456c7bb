#pragma once
// The grid-management plugin's tally, in C++: once a second, where the
// cases in hand stand in their lifecycle, how many are past their deadline
// (counted by the wall), and the most stretched grids: open cases per grid
// worker on duty, a ratio over all 2,648 grids that the wall does not rank
// by, worked out here instead of in the widget's script. It reads the wall
// only through plugin API 1.1 by name (count, countBy, regions, the
// refreshed signal), so it builds against Qt alone, not against the wall.

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class CaseFunnel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // The plugin's `wall`.
    Q_PROPERTY(QObject *wall READ wall WRITE setWall NOTIFY wallChanged)
    // How many grids `stretched` lists.
    Q_PROPERTY(int topCount READ topCount WRITE setTopCount NOTIFY topCountChanged)
    // Cases by lifecycle status: {reported: n, accepted: n, ...}.
    Q_PROPERTY(QVariantMap byStatus READ byStatus NOTIFY tallied)
    // Cases in hand (not resolved, closed or rejected) and those of them past their deadline.
    Q_PROPERTY(int inHand READ inHand NOTIFY tallied)
    Q_PROPERTY(int overdue READ overdue NOTIFY tallied)
    // The grids with the most open cases per worker on duty (one counted when none is):
    // [{code, name, open, workersOnDuty, perWorker}], most stretched first.
    Q_PROPERTY(QVariantList stretched READ stretched NOTIFY tallied)

public:
    explicit CaseFunnel(QObject *parent = nullptr);

    QObject *wall() const { return m_wall; }
    void setWall(QObject *wall);
    int topCount() const { return m_topCount; }
    void setTopCount(int count);
    QVariantMap byStatus() const { return m_byStatus; }
    int inHand() const { return m_inHand; }
    int overdue() const { return m_overdue; }
    QVariantList stretched() const { return m_stretched; }

public slots:
    void tally();

signals:
    void wallChanged();
    void topCountChanged();
    void tallied();

private:
    QPointer<QObject> m_wall;
    int m_topCount = 3;
    QVariantMap m_byStatus;
    int m_inHand = 0;
    int m_overdue = 0;
    QVariantList m_stretched;
};

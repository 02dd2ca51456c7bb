#pragma once
// The grid-management plugin's tally, in C++: once a second, where the
// cases in hand stand in their lifecycle, how many are past their
// deadline, and the grids with the most overdue (then the most open) cases.
// It reads the wall only through plugin API 1.0 by name (entities("case"),
// regions("grid"), the refreshed signal), so it builds against Qt alone,
// not against the wall; the rows never pass through JavaScript.

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
    // How many grids `worst` lists.
    Q_PROPERTY(int worstCount READ worstCount WRITE setWorstCount NOTIFY wallChanged)
    // Cases by lifecycle status: {reported: n, accepted: n, ...}.
    Q_PROPERTY(QVariantMap byStatus READ byStatus NOTIFY tallied)
    // Cases in hand (not resolved, closed or rejected) and those of them past their deadline.
    Q_PROPERTY(int inHand READ inHand NOTIFY tallied)
    Q_PROPERTY(int overdue READ overdue NOTIFY tallied)
    // The grids with open cases, most overdue first, then most open: [{code, name, open, overdue}].
    Q_PROPERTY(QVariantList worst READ worst NOTIFY tallied)

public:
    explicit CaseFunnel(QObject *parent = nullptr);

    QObject *wall() const { return m_wall; }
    void setWall(QObject *wall);
    int worstCount() const { return m_worstCount; }
    void setWorstCount(int count);
    QVariantMap byStatus() const { return m_byStatus; }
    int inHand() const { return m_inHand; }
    int overdue() const { return m_overdue; }
    QVariantList worst() const { return m_worst; }

public slots:
    void tally();

signals:
    void wallChanged();
    void tallied();

private:
    QPointer<QObject> m_wall;
    int m_worstCount = 3;
    QVariantMap m_byStatus;
    int m_inHand = 0;
    int m_overdue = 0;
    QVariantList m_worst;
};

#include "casefunnel.h"

#include <algorithm>
#include <vector>


CaseFunnel::CaseFunnel(QObject *parent)
    : QObject(parent)
{
}

void CaseFunnel::setWall(QObject *wall)
{
    if (wall == m_wall)
        return;
    if (m_wall)
        disconnect(m_wall, nullptr, this, nullptr);
    m_wall = wall;
    // By name: the plugin API's signal, without the wall's headers.
    if (m_wall)
        connect(m_wall, SIGNAL(refreshed()), this, SLOT(tally()));
    emit wallChanged();
    tally();
}

void CaseFunnel::setTopCount(int count)
{
    if (count == m_topCount)
        return;
    m_topCount = std::max(0, count);
    emit topCountChanged();
    tally();
}

void CaseFunnel::tally()
{
    if (!m_wall)
        return;
    // Counted in the wall (plugin API 1.1): the cases themselves never cross over.
    QVariantMap byStatus;
    int inHand = 0;
    int overdue = 0;
    QVariantList grids;
    const QString cases = QStringLiteral("case");
    const QVariantMap inHandOnly{{QStringLiteral("inHand"), true}};
    const QVariantMap overdueOnly{{QStringLiteral("inHand"), true}, {QStringLiteral("overdue"), true}};
    QMetaObject::invokeMethod(m_wall, "countBy", Q_RETURN_ARG(QVariantMap, byStatus), Q_ARG(QString, cases),
                              Q_ARG(QString, QStringLiteral("status")), Q_ARG(QVariantMap, QVariantMap()));
    QMetaObject::invokeMethod(m_wall, "count", Q_RETURN_ARG(int, inHand), Q_ARG(QString, cases), Q_ARG(QVariantMap, inHandOnly));
    QMetaObject::invokeMethod(m_wall, "count", Q_RETURN_ARG(int, overdue), Q_ARG(QString, cases), Q_ARG(QVariantMap, overdueOnly));
    // The most stretched grids: open cases per grid worker on duty, over every grid (a
    // ratio the wall does not rank by), computed here rather than in the widget's script.
    QMetaObject::invokeMethod(m_wall, "regions", Q_RETURN_ARG(QVariantList, grids), Q_ARG(QString, QStringLiteral("grid")),
                              Q_ARG(QVariantMap, QVariantMap()));
    struct Load
    {
        double perWorker;
        int open;
        qsizetype row;
    };
    std::vector<Load> loads;
    for (qsizetype i = 0; i < grids.size(); ++i) {
        const QVariantMap g = grids[i].toMap();
        const int open = g.value(QStringLiteral("open")).toInt();
        if (open > 0)
            loads.push_back({open / std::max(1.0, g.value(QStringLiteral("workersOnDuty")).toDouble()), open, i});
    }
    const size_t keep = std::min(loads.size(), size_t(m_topCount));
    std::partial_sort(loads.begin(), loads.begin() + ptrdiff_t(keep), loads.end(), [](const Load &a, const Load &b) {
        return a.perWorker != b.perWorker ? a.perWorker > b.perWorker : a.open > b.open;
    });
    QVariantList stretched;
    for (size_t i = 0; i < keep; ++i) {
        const QVariantMap row = grids[loads[i].row].toMap();
        stretched.append(QVariantMap{{QStringLiteral("code"), row.value(QStringLiteral("code"))},
                                     {QStringLiteral("name"), row.value(QStringLiteral("name"))},
                                     {QStringLiteral("open"), loads[i].open},
                                     {QStringLiteral("workersOnDuty"), row.value(QStringLiteral("workersOnDuty"))},
                                     {QStringLiteral("perWorker"), loads[i].perWorker}});
    }

    m_byStatus = byStatus;
    m_inHand = inHand;
    m_overdue = overdue;
    m_stretched = stretched;
    emit tallied();
}

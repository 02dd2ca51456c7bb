#include "casefunnel.h"

#include <QHash>

#include <algorithm>

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

void CaseFunnel::setWorstCount(int count)
{
    if (count == m_worstCount)
        return;
    m_worstCount = std::max(0, count);
    emit wallChanged();
    tally();
}

void CaseFunnel::tally()
{
    if (!m_wall)
        return;
    QVariantList cases;
    QVariantList grids;
    QMetaObject::invokeMethod(m_wall, "entities", Q_RETURN_ARG(QVariantList, cases), Q_ARG(QString, QStringLiteral("case")));
    QMetaObject::invokeMethod(m_wall, "regions", Q_RETURN_ARG(QVariantList, grids), Q_ARG(QString, QStringLiteral("grid")));

    static const QStringList ended{QStringLiteral("resolved"), QStringLiteral("closed"), QStringLiteral("rejected")};
    QHash<QString, int> byStatus;
    int inHand = 0;
    int overdue = 0;
    for (const QVariant &row : std::as_const(cases)) {
        const QVariantMap c = row.toMap();
        const QString status = c.value(QStringLiteral("status")).toString();
        ++byStatus[status];
        if (ended.contains(status))
            continue;
        ++inHand;
        overdue += c.value(QStringLiteral("overdue")).toBool() ? 1 : 0;
    }

    struct Grid
    {
        QVariantMap row;
        int open;
        int overdue;
    };
    std::vector<Grid> open;
    for (const QVariant &row : std::as_const(grids)) {
        QVariantMap g = row.toMap();
        const int n = g.value(QStringLiteral("open")).toInt();
        if (n > 0)
            open.push_back({g, n, g.value(QStringLiteral("overdue")).toInt()});
    }
    const auto worse = [](const Grid &a, const Grid &b) { return a.overdue != b.overdue ? a.overdue > b.overdue : a.open > b.open; };
    const size_t keep = std::min(open.size(), size_t(m_worstCount));
    std::partial_sort(open.begin(), open.begin() + ptrdiff_t(keep), open.end(), worse);

    m_byStatus.clear();
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        m_byStatus.insert(it.key(), it.value());
    m_inHand = inHand;
    m_overdue = overdue;
    m_worst.clear();
    for (size_t i = 0; i < keep; ++i)
        m_worst.append(open[i].row);
    emit tallied();
}

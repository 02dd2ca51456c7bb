#pragma once
// The drill-down panel's live side: the figures of the region the operator
// is looking at (or the whole city) and its children ranked by workload,
// read from the live state's roll-ups once a second (O(children), never per
// message). Trends and lists from the history come through HistoryQueries.

#include "facts.h"
#include "rowsmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantMap>

#include <utility>

namespace gridwall::geo {
class RegionTree;
}
namespace gridwall::map {
class Geography;
}

namespace gridwall::state {
class LiveState;
struct RegionFigures;
}

namespace gridwall::views {


class RegionPanel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RegionPanel is created by the application")
    // A region code at any level; empty: the whole city. The selection's region (set by the wall).
    Q_PROPERTY(QString code READ code NOTIFY codeChanged)
    // Its live figures (views/facts.h).
    Q_PROPERTY(gridwall::views::Figures figures READ figures NOTIFY refreshed)
    // Rows {code, name, level, workload, open, overdue, workersOnDuty, workloadShare, openShare}, most
    // loaded first; the shares are of the largest sibling's workload and open cases (0..1, for bars).
    Q_PROPERTY(gridwall::views::RowsModel *children READ childrenModel CONSTANT)
    // Rows {category, open, openShare}: the open cases by category (the code as the feed publishes it; QML
    // names it), most first, categories with none left out; the share is of the largest (0..1, for bars).
    Q_PROPERTY(gridwall::views::RowsModel *categories READ categoriesModel CONSTANT)
    // From the district down to the region (empty for the city).
    Q_PROPERTY(QList<gridwall::views::RegionRef> path READ path NOTIFY codeChanged)

public:
    // Names are in the geography's UI language.
    RegionPanel(const state::LiveState &state, const map::Geography &geography, QObject *parent = nullptr);

    QString code() const { return m_code; }
    void setCode(const QString &code);
    const Figures &figures() const { return m_figures; }
    QVariantList children() const { return m_children.rows(); }
    RowsModel *childrenModel() { return &m_children; }
    RowsModel *categoriesModel() { return &m_categories; }
    QList<RegionRef> path() const;

    // A region's roll-up figures as plugins read them (docs/plugins.md): the
    // fields of Figures that come from the roll-ups, by name.
    static QVariantMap figuresMap(const state::RegionFigures &figures);

    // Reads the roll-ups again (once a second by itself).
    Q_INVOKABLE void refresh();

signals:
    void codeChanged();
    void refreshed();

private:
    RegionRef describe(int index) const;
    std::pair<int, int> activeAlarms() const; // all and critical, in the region (O(active alarms))
    QVariantList categoryRows(const state::RegionFigures &figures) const; // O(categories)

    const state::LiveState &m_state;
    const map::Geography &m_geography;
    const geo::RegionTree &m_tree;
    QString m_code;
    int m_index = -1; // -1: the city
    Figures m_figures;
    RowsModel m_children;
    RowsModel m_categories;
};

} // namespace gridwall::views

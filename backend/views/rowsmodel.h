#pragma once
// A list of rows (each a QVariantMap) for QML views that are refreshed as a
// whole once a second: update() compares the new rows with the shown ones
// and signals only the rows that changed, inserted or removed, so delegates
// stay where they are (no rebuild, no lost tap) and only what changed redraws.
// Delegates read a row as `required property var modelData`.

#include <QAbstractListModel>
#include <QVariantList>

namespace gridwall::views {

class RowsModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    const QVariantList &rows() const { return m_rows; }
    // Row i of the new list replaces row i when they differ; the tail is inserted or removed.
    void update(const QVariantList &rows);

signals:
    void countChanged();

private:
    QVariantList m_rows;
};

} // namespace gridwall::views

#pragma once
// A list of rows for QML views that are refreshed as a whole once a second,
// with one role per field: each model declares its fields (its role names)
// once, and a delegate reads them typed, `required property int open`.
// update() compares the new rows with the shown ones and signals only the
// rows -- and in them the roles -- that changed, inserted or removed, so
// delegates stay where they are (no rebuild, no lost tap) and only what
// changed redraws.

#include <QAbstractListModel>
#include <QByteArrayList>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

namespace gridwall::views {

class RowsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    // `roles`: the rows' fields, in order (Qt::UserRole, Qt::UserRole + 1, ...);
    // "role=field" names a field's role otherwise (a field `id` cannot be a
    // delegate's property: "caseId=id").
    explicit RowsModel(QByteArrayList roles = {}, QObject *parent = nullptr);
    // Before the first rows.
    void setRoles(QByteArrayList roles);
    const QByteArrayList &roles() const { return m_roles; }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    const QVariantList &rows() const { return m_rows; }
    // Row i of the new list replaces row i when they differ; the tail is inserted or removed.
    void update(const QVariantList &rows);
    // Fields of the rows shown that are no role (a row written with a field the model does not declare).
    QStringList undeclaredFields() const;
    // A row as QML would read it, by field name (QML's `get(i)`-like access for tests and C++ readers).
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void countChanged();

private:
    QByteArrayList m_roles;
    QStringList m_fields; // the field each role reads
    QVariantList m_rows;
};

} // namespace gridwall::views

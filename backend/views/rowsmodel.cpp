#include "rowsmodel.h"

#include <QSet>

namespace gridwall::views {

RowsModel::RowsModel(QByteArrayList roles, QObject *parent)
    : QAbstractListModel(parent)
{
    setRoles(std::move(roles));
}

void RowsModel::setRoles(QByteArrayList roles)
{
    Q_ASSERT(m_rows.isEmpty());
    m_roles.clear();
    m_fields.clear();
    for (const QByteArray &role : roles) {
        const qsizetype renamed = role.indexOf('=');
        m_roles.append(renamed < 0 ? role : role.left(renamed));
        m_fields.append(QString::fromLatin1(renamed < 0 ? role : role.mid(renamed + 1)));
    }
}

QVariant RowsModel::data(const QModelIndex &index, int role) const
{
    const int field = role - Qt::UserRole;
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || field < 0
        || field >= m_roles.size())
        return {};
    return m_rows.at(index.row()).toMap().value(m_fields.at(field));
}

QHash<int, QByteArray> RowsModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + i, m_roles.at(i));
    return names;
}

QVariantMap RowsModel::get(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).toMap() : QVariantMap();
}

QStringList RowsModel::undeclaredFields() const
{
    const QSet<QString> declared(m_fields.begin(), m_fields.end());
    QSet<QString> extra;
    for (const QVariant &row : m_rows) {
        const QVariantMap m = row.toMap();
        for (auto it = m.keyBegin(); it != m.keyEnd(); ++it)
            if (!declared.contains(*it))
                extra.insert(*it);
    }
    QStringList out(extra.begin(), extra.end());
    out.sort();
    return out;
}

void RowsModel::update(const QVariantList &rows)
{
    const qsizetype common = std::min(rows.size(), m_rows.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (rows.at(i) == m_rows.at(i))
            continue;
        // Only the fields that changed: a delegate's other bindings stay as they are.
        const QVariantMap before = m_rows.at(i).toMap();
        const QVariantMap after = rows.at(i).toMap();
        QList<int> changed;
        for (int r = 0; r < m_roles.size(); ++r) {
            if (before.value(m_fields.at(r)) != after.value(m_fields.at(r)))
                changed.append(Qt::UserRole + r);
        }
        m_rows[i] = rows.at(i);
        if (!changed.isEmpty())
            emit dataChanged(index(int(i)), index(int(i)), changed);
    }
    if (rows.size() > m_rows.size()) {
        beginInsertRows({}, int(m_rows.size()), int(rows.size() - 1));
        m_rows.append(rows.mid(m_rows.size()));
        endInsertRows();
        emit countChanged();
    } else if (rows.size() < m_rows.size()) {
        beginRemoveRows({}, int(rows.size()), int(m_rows.size() - 1));
        m_rows.resize(rows.size());
        endRemoveRows();
        emit countChanged();
    }
}

} // namespace gridwall::views

#include "rowsmodel.h"

namespace gridwall::views {

QVariant RowsModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::UserRole || !index.isValid() || index.row() >= m_rows.size())
        return {};
    return m_rows.at(index.row());
}

QHash<int, QByteArray> RowsModel::roleNames() const
{
    return {{Qt::UserRole, QByteArrayLiteral("modelData")}};
}

void RowsModel::update(const QVariantList &rows)
{
    const qsizetype common = std::min(rows.size(), m_rows.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (rows.at(i) != m_rows.at(i)) {
            m_rows[i] = rows.at(i);
            emit dataChanged(index(int(i)), index(int(i)), {Qt::UserRole});
        }
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

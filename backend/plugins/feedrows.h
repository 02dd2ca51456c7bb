#pragma once
// The rows of the live feeds as plugins read them (plugin API: entities,
// count, countBy), built from the live state on the GUI thread when asked.
// Counting is the common read (how many cases in hand, overdue, of a
// category) and is served from columns: the fields plugins count by, taken
// from every record in one pass and kept for the rest of the second, so
// that four plugins with several counts each walk 20,000 cases once a
// second instead of once per count. A field asked for the first time adds
// its column by taking them all again; it is kept from then on.

#include "pluginapi.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

#include <map>
#include <vector>

namespace gridwall::plugins {

class FeedRows
{
public:
    explicit FeedRows(const WallParts &wall);

    // Every row of a feed with all its fields, or those matching a filter
    // {field: value or [values]} (numbers compare as numbers).
    QVariantList rows(const QString &feed, const QVariantMap &filter);
    // How many rows match the filter; how many per value of one field.
    int count(const QString &feed, const QVariantMap &filter);
    QVariantMap countBy(const QString &feed, const QString &field, const QVariantMap &filter);

    // The fields asked for, from every record of a feed, as of one second.
    struct Columns
    {
        qint64 second = -1;
        QStringList fields;
        std::vector<std::vector<QVariant>> cells; // per field, per record
        size_t records = 0;
    };

private:
    // The feed's columns of this second, holding at least these fields.
    const Columns &columns(const QString &feed, const QStringList &fields);
    // Every record of a feed: its `only` fields (all when null) to `test`; the whole row of those that pass to `take`.
    template <typename Test, typename Take>
    void visit(const QString &feed, const QStringList *only, Test &&test, Take &&take) const;

    WallParts m_wall;
    QElapsedTimer m_clock;
    std::map<QString, Columns> m_columns;
};

} // namespace gridwall::plugins

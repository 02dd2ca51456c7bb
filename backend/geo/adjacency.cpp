#include "adjacency.h"

#include <algorithm>

namespace gridwall::geo {

std::vector<std::vector<int>> gridNeighbours(const RegionTree &tree, double tolerance)
{
    std::vector<std::vector<int>> result(tree.regions().size());
    const QList<int> &grids = tree.level(Level::Grid);
    if (grids.isEmpty())
        return result;
    GEOSContextHandle_t h = tree.geosHandle();

    GEOSSTRtree *index = GEOSSTRtree_create_r(h, 10);
    for (int g : grids)
        GEOSSTRtree_insert_r(h, index, const_cast<GEOSGeometry *>(tree.geometry(g)),
                             reinterpret_cast<void *>(static_cast<quintptr>(g)));

    struct Query
    {
        GEOSContextHandle_t h;
        const RegionTree *tree;
        std::vector<std::vector<int>> *result;
        const GEOSPreparedGeometry *prepared = nullptr;
        int self = -1;
        double tolerance = 0;
    } query{h, &tree, &result};
    query.tolerance = tolerance;

    for (int g : grids) {
        const GEOSGeometry *geom = tree.geometry(g);
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (!GEOSGeom_getXMin_r(h, geom, &x0) || !GEOSGeom_getYMin_r(h, geom, &y0)
            || !GEOSGeom_getXMax_r(h, geom, &x1) || !GEOSGeom_getYMax_r(h, geom, &y1))
            continue;
        // The index queries by envelope: a diagonal line has the grown envelope we need.
        GEOSCoordSequence *seq = GEOSCoordSeq_create_r(h, 2, 2);
        GEOSCoordSeq_setXY_r(h, seq, 0, x0 - tolerance, y0 - tolerance);
        GEOSCoordSeq_setXY_r(h, seq, 1, x1 + tolerance, y1 + tolerance);
        GEOSGeometry *envelope = GEOSGeom_createLineString_r(h, seq);

        query.prepared = GEOSPrepare_r(h, geom);
        query.self = g;
        GEOSSTRtree_query_r(
            h, index, envelope,
            [](void *item, void *userdata) {
                auto *q = static_cast<Query *>(userdata);
                const int other = int(reinterpret_cast<quintptr>(item));
                // Each pair once, from its lower index; both sides get it.
                if (other <= q->self)
                    return;
                if (GEOSPreparedDistanceWithin_r(q->h, q->prepared, q->tree->geometry(other), q->tolerance) == 1) {
                    (*q->result)[size_t(q->self)].push_back(other);
                    (*q->result)[size_t(other)].push_back(q->self);
                }
            },
            &query);
        GEOSPreparedGeom_destroy_r(h, query.prepared);
        GEOSGeom_destroy_r(h, envelope);
    }
    GEOSSTRtree_destroy_r(h, index);

    for (std::vector<int> &list : result)
        std::sort(list.begin(), list.end());
    return result;
}

} // namespace gridwall::geo

#pragma once
// Triangles and border strips of every region, built once per geography off
// the GUI thread, so that the scene graph only copies and recolours them.

#include "geo/regiontree.h"

#include <QPointF>

#include <array>
#include <cstdint>
#include <vector>

namespace gridwall::map {

struct FillMesh
{
    // Triangle list (3 vertices a triangle) in scene coordinates: x, y pairs.
    std::vector<float> positions;
    // Vertex range of the n-th region of the level: [first[n], first[n + 1]).
    std::vector<uint32_t> first;
    uint32_t vertexCount() const { return uint32_t(positions.size() / 2); }
};

// A border segment is a quad of two triangles; each vertex carries the scene
// point, its extrusion direction in units of half the line width and the
// edge it lies on, so the line keeps its pixel width at every zoom without
// rebuilding anything.
struct LineVertex
{
    float x, y;
    float dx, dy;
    float side;
};

struct LineMesh
{
    std::vector<LineVertex> vertices;
};

struct RegionMeshes
{
    std::array<FillMesh, geo::kLevelCount> fills;
    std::array<LineMesh, geo::kLevelCount> borders;
};

RegionMeshes buildRegionMeshes(const geo::RegionTree &tree);
// Outline of one region (all rings), for highlights.
LineMesh buildOutline(const geo::RegionTree &tree, int region);
// Closed polylines in scene coordinates (circles, rings around sites).
LineMesh buildClosedLines(const std::vector<std::vector<QPointF>> &lines);

} // namespace gridwall::map

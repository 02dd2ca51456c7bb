#include "model.h"

namespace geogen {

const std::vector<DistrictSpec> &districtSpecs()
{
    // 2,648 grids split by population with rural area adding grids (docs/geography.md).
    // 双台子区 and 兴隆台区 form one urban core, so each also feels the other's centre.
    static const std::vector<DistrictSpec> specs = {
        {"211102", "Shuangtaizi District", 560, 8, 50, 30, 0.40, 3.5, "211103"},
        {"211103", "Xinglongtai District", 900, 12, 80, 30, 0.55, 4.5, "211102"},
        {"211104", "Dawa District", 640, 14, 30, 220, 0.30, 2.5, nullptr},
        {"211122", "Panshan County", 548, 13, 22, 248, 0.30, 2.5, nullptr},
    };
    return specs;
}

int totalGrids()
{
    int n = 0;
    for (const DistrictSpec &s : districtSpecs())
        n += s.grids;
    return n;
}

} // namespace geogen

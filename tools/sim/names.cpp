#include "names.h"

#include <vector>

namespace gridwall::sim {

std::string personName(Rng &rng)
{
    // Common surnames with rough relative frequencies in Liaoning.
    struct Surname
    {
        const char *text;
        double weight;
    };
    static const Surname surnames[] = {
        {"王", 9},   {"李", 9},   {"张", 9},   {"刘", 7},   {"陈", 4},   {"杨", 4},   {"赵", 3},   {"黄", 2},
        {"周", 2},   {"吴", 2},   {"徐", 2},   {"孙", 3},   {"马", 2},   {"朱", 1.5}, {"胡", 1.5}, {"郭", 1.5},
        {"何", 1},   {"高", 1.5}, {"林", 1},   {"于", 2.5}, {"郑", 1},   {"梁", 1},   {"谢", 1},   {"宋", 1},
        {"唐", 1},   {"许", 1},   {"韩", 1.5}, {"冯", 1},   {"邓", 1},   {"曹", 1},   {"彭", 1},   {"曾", 1},
        {"肖", 1},   {"田", 1.5}, {"董", 1.5}, {"袁", 1},   {"潘", 1},   {"蒋", 1},   {"蔡", 1},   {"姜", 1.5},
        {"魏", 1.5}, {"崔", 1.5}, {"佟", 1},   {"关", 1},   {"那", 0.5}};
    static const std::vector<double> surnameWeights = [] {
        std::vector<double> w;
        for (const Surname &s : surnames)
            w.push_back(s.weight);
        return w;
    }();
    static const std::vector<const char *> given = {
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
        "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "建", "国", "志", "红", "文", "海",
        "春", "晓", "婷", "雪", "丹", "鹏", "宇", "浩", "博", "欣", "悦", "佳", "琳", "凤", "林", "辉"};
    std::string name = surnames[rng.weighted(surnameWeights)].text;
    name += rng.pick(given);
    if (rng.chance(0.7))
        name += rng.pick(given);
    return name;
}

std::string expandPlace(std::string_view pattern, const std::string &community, const std::string &place, bool urban,
                        Rng &rng)
{
    std::string out;
    out.reserve(pattern.size() + 32);
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
            switch (pattern[i + 1]) {
            case 'c': out += community; break;
            case 'p': out += place; break;
            case 'b':
                out += urban ? std::to_string(rng.between(1, 36)) + "号楼" : std::to_string(rng.between(1, 12)) + "组";
                break;
            default: out.append(pattern.substr(i, 3)); break;
            }
            i += 2;
        } else {
            out.push_back(pattern[i]);
        }
    }
    return out;
}

std::string streetWord(const std::string &streetName)
{
    for (const std::string_view suffix : {std::string_view("街道"), std::string_view("镇"), std::string_view("乡")})
        if (streetName.size() > suffix.size() && streetName.ends_with(suffix))
            return streetName.substr(0, streetName.size() - suffix.size());
    return streetName;
}

} // namespace gridwall::sim

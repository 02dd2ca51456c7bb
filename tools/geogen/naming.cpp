#include "naming.h"

#include <array>
#include <cmath>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace geogen {

namespace {

struct Word
{
    const char *zh;
    const char *py;
};

// Auspicious and local two-character words of the kind Chinese place names are built from
// (reed marshes, rice, the Liao River and Bohai Sea, the oil field). Pinyin is written the way
// place names are romanised: one word, apostrophe before a syllable starting with a, o or e.
constexpr std::array kWords = {
    Word{"兴隆", "Xinglong"},   Word{"曙光", "Shuguang"},  Word{"振兴", "Zhenxing"},  Word{"和平", "Heping"},
    Word{"胜利", "Shengli"},    Word{"红旗", "Hongqi"},    Word{"新华", "Xinhua"},    Word{"友谊", "Youyi"},
    Word{"建设", "Jianshe"},    Word{"光明", "Guangming"}, Word{"幸福", "Xingfu"},    Word{"团结", "Tuanjie"},
    Word{"平安", "Ping'an"},    Word{"渤海", "Bohai"},     Word{"辽河", "Liaohe"},    Word{"湖滨", "Hubin"},
    Word{"春光", "Chunguang"},  Word{"东风", "Dongfeng"},  Word{"前进", "Qianjin"},   Word{"长青", "Changqing"},
    Word{"永安", "Yong'an"},    Word{"繁荣", "Fanrong"},   Word{"昌盛", "Changsheng"}, Word{"富强", "Fuqiang"},
    Word{"民主", "Minzhu"},     Word{"文化", "Wenhua"},    Word{"工农", "Gongnong"},  Word{"育才", "Yucai"},
    Word{"石油", "Shiyou"},     Word{"油田", "Youtian"},   Word{"苇海", "Weihai"},    Word{"稻香", "Daoxiang"},
    Word{"红海", "Honghai"},    Word{"鹤乡", "Hexiang"},   Word{"金秋", "Jinqiu"},    Word{"丰收", "Fengshou"},
    Word{"吉祥", "Jixiang"},    Word{"安康", "Ankang"},    Word{"康宁", "Kangning"},  Word{"祥和", "Xianghe"},
    Word{"和谐", "Hexie"},      Word{"阳光", "Yangguang"}, Word{"朝阳", "Chaoyang"},  Word{"向阳", "Xiangyang"},
    Word{"红星", "Hongxing"},   Word{"新兴", "Xinxing"},   Word{"新城", "Xincheng"},  Word{"滨河", "Binhe"},
    Word{"临河", "Linhe"},      Word{"清水", "Qingshui"},  Word{"金城", "Jincheng"},  Word{"银河", "Yinhe"},
    Word{"锦绣", "Jinxiu"},     Word{"锦华", "Jinhua"},    Word{"盛华", "Shenghua"},  Word{"华兴", "Huaxing"},
    Word{"振华", "Zhenhua"},    Word{"荣华", "Ronghua"},   Word{"富民", "Fumin"},     Word{"惠民", "Huimin"},
    Word{"利民", "Limin"},      Word{"安民", "Anmin"},     Word{"新民", "Xinmin"},    Word{"永兴", "Yongxing"},
    Word{"永丰", "Yongfeng"},   Word{"永胜", "Yongsheng"}, Word{"长兴", "Changxing"}, Word{"长安", "Chang'an"},
    Word{"太平", "Taiping"},    Word{"泰安", "Tai'an"},    Word{"宏伟", "Hongwei"},   Word{"启明", "Qiming"},
    Word{"黎明", "Liming"},     Word{"晨光", "Chenguang"}, Word{"星光", "Xingguang"}, Word{"彩虹", "Caihong"},
    Word{"紫荆", "Zijing"},     Word{"桃园", "Taoyuan"},   Word{"梨园", "Liyuan"},    Word{"杏林", "Xinglin"},
    Word{"柳荫", "Liuyin"},     Word{"榆树", "Yushu"},     Word{"杨柳", "Yangliu"},   Word{"松林", "Songlin"},
    Word{"芦花", "Luhua"},      Word{"苇塘", "Weitang"},   Word{"荷花", "Hehua"},     Word{"莲花", "Lianhua"},
    Word{"稻丰", "Daofeng"},    Word{"田园", "Tianyuan"},  Word{"新农", "Xinnong"},   Word{"农丰", "Nongfeng"},
    Word{"渔港", "Yugang"},     Word{"海滨", "Haibin"},    Word{"海兴", "Haixing"},   Word{"河畔", "Hepan"},
    Word{"双河", "Shuanghe"},   Word{"光辉", "Guanghui"},  Word{"卫星", "Weixing"},   Word{"工业", "Gongye"},
    Word{"铁路", "Tielu"},      Word{"学府", "Xuefu"},     Word{"书香", "Shuxiang"},  Word{"广厦", "Guangsha"},
    Word{"和顺", "Heshun"},     Word{"宏达", "Hongda"},    Word{"明珠", "Mingzhu"},   Word{"翠园", "Cuiyuan"},
    Word{"玉泉", "Yuquan"},     Word{"金泉", "Jinquan"},   Word{"鑫源", "Xinyuan"},   Word{"福源", "Fuyuan"},
    Word{"福安", "Fu'an"},      Word{"福兴", "Fuxing"},    Word{"德胜", "Desheng"},   Word{"仁和", "Renhe"},
    Word{"信义", "Xinyi"},      Word{"双兴", "Shuangxing"}, Word{"三合", "Sanhe"},    Word{"万隆", "Wanlong"},
    Word{"万福", "Wanfu"},      Word{"百合", "Baihe"},     Word{"民安", "Min'an"},    Word{"兴盛", "Xingsheng"},
    Word{"隆昌", "Longchang"},  Word{"聚福", "Jufu"},      Word{"瑞祥", "Ruixiang"},  Word{"瑞丰", "Ruifeng"},
    Word{"嘉禾", "Jiahe"},      Word{"鸿运", "Hongyun"},   Word{"新风", "Xinfeng"},   Word{"金桥", "Jinqiao"},
};

// Prefixes that tell apart places sharing a word: the four directions first (chosen by where the
// place lies), then 新 (new), 前 (front), 后 (rear).
struct Prefix
{
    const char *zh;
    const char *py;
};
constexpr std::array kPrefixes = {Prefix{"东", "Dong"}, Prefix{"西", "Xi"}, Prefix{"南", "Nan"},
                                  Prefix{"北", "Bei"},  Prefix{"新", "Xin"}, Prefix{"前", "Qian"},
                                  Prefix{"后", "Hou"}};

bool startsWithPrefixChar(std::string_view zh)
{
    for (const Prefix &p : kPrefixes)
        if (zh.starts_with(p.zh))
            return true;
    return false;
}

std::string joinPinyin(std::string_view prefix, std::string_view word)
{
    std::string out(prefix);
    const char first = static_cast<char>(word.front() | 0x20); // lower-case ASCII letter
    if (first == 'a' || first == 'o' || first == 'e')
        out += '\'';
    out += first;
    out += word.substr(1);
    return out;
}

// Index into kPrefixes of the direction of `p` as seen from `from`.
std::size_t directionPrefix(Pt p, Pt from)
{
    const double dx = p.x - from.x, dy = p.y - from.y;
    if (std::abs(dx) >= std::abs(dy))
        return dx >= 0 ? 0 : 1;
    return dy >= 0 ? 3 : 2;
}

struct Stem
{
    std::string zh, py;
};

class StemPicker
{
public:
    explicit StemPicker(Rng &rng) : rng_(rng) { }

    // A stem not used before by this picker. Plain words are preferred; once a drawn word is
    // taken, the prefix for the place's direction is tried, then the remaining prefixes.
    Stem pick(Pt where, Pt from)
    {
        for (int attempt = 0;; ++attempt) {
            const Word &w = kWords[rng_.index(kWords.size())];
            if (tryTake(w.zh, w.py))
                return {w.zh, w.py};
            if (startsWithPrefixChar(w.zh))
                continue;
            // Early attempts keep looking for a free plain word; later ones accept a prefix.
            if (attempt < 8 && used_.size() < kWords.size() * 3 / 4)
                continue;
            const std::size_t dir = directionPrefix(where, from);
            if (Stem s = prefixed(w, dir); tryTake(s.zh, s.py))
                return s;
            for (std::size_t i = 0; i < kPrefixes.size(); ++i)
                if (Stem s = prefixed(w, i); tryTake(s.zh, s.py))
                    return s;
        }
    }

private:
    static Stem prefixed(const Word &w, std::size_t i)
    {
        return {std::string(kPrefixes[i].zh) + w.zh, joinPinyin(kPrefixes[i].py, w.py)};
    }
    bool tryTake(const std::string &zh, const std::string &py)
    {
        // Pinyin must be unique too, or two places would share an English name.
        if (used_.contains(zh) || usedPy_.contains(py))
            return false;
        used_.insert(zh);
        usedPy_.insert(py);
        return true;
    }

    Rng &rng_;
    std::set<std::string> used_;
    std::set<std::string> usedPy_;
};

} // namespace

void assignNames(District &d, Rng &rng)
{
    StemPicker streetStems(rng);
    for (Street &s : d.streets) {
        const Stem st = streetStems.pick(s.centre, d.label);
        s.name = st.zh + (s.subdistrict ? "街道" : "镇");
        s.nameEn = st.py + (s.subdistrict ? " Subdistrict" : " Town");
    }

    // Communities are named in random order: the plain words run out after about a hundred
    // names, and the prefixed ones should not all end up in the last streets by code.
    std::vector<std::size_t> order(d.communities.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[rng.index(i)]);
    StemPicker communityStems(rng);
    for (const std::size_t ci : order) {
        Community &c = d.communities[ci];
        // Direction prefixes are relative to the street centre: 东X村 lies in the east of its town.
        const Stem st = communityStems.pick(c.centre, d.streets[static_cast<std::size_t>(c.street)].centre);
        c.name = st.zh + (c.urban ? "社区" : "村");
        c.nameEn = st.py + (c.urban ? " Community" : " Village");
    }

    // Grids are numbered within their community; codes are already in order.
    std::vector<int> counter(d.communities.size(), 0);
    for (Grid &g : d.grids) {
        const Community &c = d.communities[static_cast<std::size_t>(g.community)];
        const int n = ++counter[static_cast<std::size_t>(g.community)];
        g.name = c.name + "第" + std::to_string(n) + "网格";
        g.nameEn = c.nameEn + " Grid " + std::to_string(n);
    }
}

} // namespace geogen

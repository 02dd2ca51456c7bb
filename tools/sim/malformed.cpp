#include "malformed.h"

#include <optional>
#include <string_view>
#include <vector>

namespace gridwall::sim {

const char *badKindName(BadKind kind)
{
    static constexpr const char *names[kBadKindCount] = {
        "bad_json",     "not_object",    "wrong_type", "missing_field", "unknown_value", "not_finite",
        "out_of_range", "oversize",      "unknown_topic", "bad_utf8",   "duplicate_seq", "stale_seq"};
    return names[int(kind)];
}

namespace {

// The payloads are flat objects written by JsonObject, so a top-level field
// is found by its quoted key after '{' or ','.
struct Field
{
    size_t begin = 0;      // the key's opening quote
    size_t valueBegin = 0; // first byte of the value
    size_t end = 0;        // one past the value
};

std::optional<Field> findField(const std::string &json, std::string_view key)
{
    const std::string needle = "\"" + std::string(key) + "\":";
    size_t at = 0;
    while ((at = json.find(needle, at)) != std::string::npos) {
        if (at > 0 && (json[at - 1] == '{' || json[at - 1] == ','))
            break;
        at += needle.size();
    }
    if (at == std::string::npos)
        return std::nullopt;
    Field f;
    f.begin = at;
    f.valueBegin = at + needle.size();
    size_t i = f.valueBegin;
    if (i >= json.size())
        return std::nullopt;
    if (json[i] == '"') {
        for (++i; i < json.size() && json[i] != '"'; ++i)
            if (json[i] == '\\')
                ++i;
        ++i;
    } else if (json[i] == '[' || json[i] == '{') {
        int depth = 0;
        for (; i < json.size(); ++i) {
            if (json[i] == '[' || json[i] == '{')
                ++depth;
            else if ((json[i] == ']' || json[i] == '}') && --depth == 0) {
                ++i;
                break;
            }
        }
    } else {
        while (i < json.size() && json[i] != ',' && json[i] != '}')
            ++i;
    }
    f.end = std::min(i, json.size());
    return f;
}

bool hasField(const std::string &json, std::string_view key)
{
    return findField(json, key).has_value();
}

std::string replaceValue(std::string json, std::string_view key, std::string_view value)
{
    if (const auto f = findField(json, key))
        json.replace(f->valueBegin, f->end - f->valueBegin, value);
    return json;
}

std::string removeField(std::string json, std::string_view key)
{
    const auto f = findField(json, key);
    if (!f)
        return json;
    if (json[f->begin - 1] == ',')
        json.erase(f->begin - 1, f->end - f->begin + 1);
    else if (f->end < json.size() && json[f->end] == ',')
        json.erase(f->begin, f->end - f->begin + 1);
    else
        json.erase(f->begin, f->end - f->begin);
    return json;
}

std::string insertFirst(std::string json, std::string_view field)
{
    std::string text(field);
    if (json.size() > 2)
        text.push_back(',');
    json.insert(1, text);
    return json;
}

std::string fieldValue(const std::string &json, std::string_view key)
{
    const auto f = findField(json, key);
    return f ? json.substr(f->valueBegin, f->end - f->valueBegin) : std::string();
}

// The first required field after ts, per feed.
const char *firstRequired(Feed feed)
{
    switch (feed) {
    case Feed::Case: return "seq";
    case Feed::CameraState: return "online";
    case Feed::CameraEvent: return "type";
    case Feed::SensorState: return "kind";
    case Feed::SensorReading: return "value";
    case Feed::Grid: return "workers_on_duty";
    case Feed::Worker: return "lon";
    case Feed::Unit: return "lon";
    case Feed::Poi: return "kind";
    }
    return "ts";
}

const char *enumField(Feed feed)
{
    switch (feed) {
    case Feed::Case: return "status";
    case Feed::CameraEvent: return "type";
    case Feed::SensorState: return "kind";
    case Feed::Worker: return "status";
    case Feed::Unit: return "kind";
    case Feed::Poi: return "kind";
    default: return nullptr;
    }
}

const char *numericField(const Message &m)
{
    if (hasField(m.payload, "lon"))
        return "lon";
    switch (m.feed) {
    case Feed::Case: return "seq";
    case Feed::CameraEvent: return "severity";
    case Feed::SensorReading: return "value";
    case Feed::Grid: return "workers_on_duty";
    default: return "ts";
    }
}

bool applies(BadKind kind, const Message &m)
{
    switch (kind) {
    case BadKind::UnknownValue: return enumField(m.feed) != nullptr;
    case BadKind::OutOfRange:
        return hasField(m.payload, "lon") || m.feed == Feed::CameraEvent || m.feed == Feed::Grid
               || (m.feed == Feed::Case && hasField(m.payload, "rating"));
    case BadKind::DuplicateSeq: return m.feed == Feed::Case && m.seq >= 1;
    case BadKind::StaleSeq: return m.feed == Feed::Case && m.seq >= 2;
    default: return true;
    }
}

// Splits ROOT/kind/id/leaf; the root may itself contain slashes.
struct TopicParts
{
    std::string kind, id, leaf;
};
TopicParts splitTopic(const std::string &topic, const std::string &root)
{
    TopicParts parts;
    std::string_view rest(topic);
    if (rest.starts_with(root + "/"))
        rest.remove_prefix(root.size() + 1);
    const size_t a = rest.find('/');
    const size_t b = rest.rfind('/');
    if (a == std::string_view::npos || b == a)
        return parts;
    parts.kind = std::string(rest.substr(0, a));
    parts.id = std::string(rest.substr(a + 1, b - a - 1));
    parts.leaf = std::string(rest.substr(b + 1));
    return parts;
}

} // namespace

Malformed makeMalformed(const Message &good, const std::string &root, Rng &rng)
{
    std::vector<BadKind> candidates;
    for (int k = 0; k < kBadKindCount; ++k)
        if (applies(BadKind(k), good))
            candidates.push_back(BadKind(k));
    Malformed bad;
    bad.kind = rng.pick(candidates);
    bad.message = good;
    bad.message.retained = false; // a retained bad message would outlive the test
    std::string &p = bad.message.payload;

    switch (bad.kind) {
    case BadKind::BadJson: {
        // Cut at an ASCII byte so that the rest stays valid UTF-8.
        size_t cut = 1 + size_t(rng.below(std::max<uint64_t>(1, p.size() - 2)));
        while (cut > 1 && (static_cast<unsigned char>(p[cut]) & 0x80))
            --cut;
        p.resize(cut);
        if (rng.chance(0.3))
            p += ",,}";
        break;
    }
    case BadKind::NotObject:
        p = rng.chance(0.5) ? "[" + p + "]" : std::string(rng.chance(0.5) ? "\"hello\"" : "42");
        break;
    case BadKind::WrongType: {
        const char *key = rng.chance(0.5) ? "ts" : firstRequired(good.feed);
        const std::string v = fieldValue(p, key);
        // A string becomes a number; a number or boolean becomes a string.
        p = replaceValue(p, key, v.empty() || v[0] == '"' ? std::string("42") : "\"" + v + "\"");
        break;
    }
    case BadKind::MissingField:
        p = removeField(p, rng.chance(0.5) ? "ts" : firstRequired(good.feed));
        break;
    case BadKind::UnknownValue: {
        static const char *const values[] = {"pending", "unknown", "archived", "radar", "helicopter", "asleep"};
        p = replaceValue(p, enumField(good.feed), std::string("\"") + rng.pick(values) + "\"");
        break;
    }
    case BadKind::NotFinite: {
        static const char *const values[] = {"1e999", "-1e999", "1e400", "NaN", "Infinity"};
        p = replaceValue(p, numericField(good), rng.pick(values));
        break;
    }
    case BadKind::OutOfRange:
        if (hasField(p, "lon")) {
            if (rng.chance(0.5))
                p = replaceValue(p, "lon", rng.chance(0.5) ? "181.5" : "-200");
            else
                p = replaceValue(p, "lat", rng.chance(0.5) ? "91.25" : "-123");
        } else if (good.feed == Feed::CameraEvent) {
            p = replaceValue(p, "severity", rng.chance(0.5) ? "7" : "0");
        } else if (good.feed == Feed::Grid) {
            p = replaceValue(p, "workers_on_duty", "-3");
        } else {
            p = replaceValue(p, "rating", "9");
        }
        break;
    case BadKind::Oversize:
        p = insertFirst(p, "\"note\":\"" + std::string(70 * 1024, 'x') + "\"");
        break;
    case BadKind::UnknownTopic: {
        const TopicParts t = splitTopic(good.topic, root);
        const std::string id = t.id.empty() ? std::string("x") : t.id;
        switch (rng.below(4)) {
        case 0: bad.message.topic = root + "/drone/" + id + "/position"; break;
        case 1: bad.message.topic = good.topic + "/extra"; break;
        case 2: bad.message.topic = root + "/" + t.kind + "/" + id; break;
        default: bad.message.topic = root + "/" + t.kind + "/" + id + "/firmware"; break;
        }
        break;
    }
    case BadKind::BadUtf8: {
        static const char *const sequences[] = {"\xff", "\xc3\x28", "\xe2\x28\xa1", "\xed\xa0\x80", "\xc0\xaf",
                                                "\xf8\xa1\xa1\xa1\xa1"};
        p = insertFirst(p, std::string("\"note\":\"\xe6\x8a\xa5\xe8\xad\xa6") + rng.pick(sequences) + "\"");
        break;
    }
    case BadKind::DuplicateSeq:
        bad.afterGood = true;
        break;
    case BadKind::StaleSeq:
        bad.afterGood = true;
        p = "{\"ts\":" + fieldValue(good.payload, "ts") + ",\"seq\":" + std::to_string(good.seq - 1)
            + ",\"status\":\"accepted\"}";
        break;
    }
    return bad;
}

} // namespace gridwall::sim

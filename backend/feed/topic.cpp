#include "topic.h"

#include <simdjson.h>

#include <array>

namespace gridwall::feed {

namespace {

struct Route
{
    std::string_view kind;
    std::string_view leaf;
};

// Indexed by Feed.
constexpr std::array<Route, kFeedCount> kRoutes = {{
    {"case", "event"},
    {"camera", "state"},
    {"camera", "event"},
    {"sensor", "state"},
    {"sensor", "reading"},
    {"grid", "state"},
    {"worker", "position"},
    {"unit", "position"},
    {"poi", "state"},
}};

} // namespace

bool isValidId(std::string_view id)
{
    if (id.empty() || id.size() > kMaxIdBytes)
        return false;
    bool ascii = true;
    for (const char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '/' || c == '+' || c == '#' || u < 0x20 || u == 0x7f)
            return false;
        ascii = ascii && u < 0x80;
    }
    return ascii || simdjson::validate_utf8(id.data(), id.size());
}

namespace {

// Inline comparisons and searches: topics are short, and a library call
// costs more than the work here.
bool same(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

size_t slash(std::string_view s, size_t from)
{
    for (size_t i = from; i < s.size(); ++i) {
        if (s[i] == '/')
            return i;
    }
    return std::string_view::npos;
}

std::optional<Feed> route(std::string_view kind, std::string_view leaf)
{
    if (kind.empty())
        return std::nullopt;
    // At most two routes share a kind's first letter.
    for (size_t i = 0; i < kRoutes.size(); ++i) {
        if (kRoutes[i].kind[0] == kind[0] && same(kRoutes[i].kind, kind) && same(kRoutes[i].leaf, leaf))
            return Feed(i);
    }
    return std::nullopt;
}

} // namespace

std::optional<Topic> parseTopic(std::string_view topic, std::string_view root)
{
    std::string_view rest = topic;
    if (!root.empty()) {
        if (topic.size() <= root.size() || topic[root.size()] != '/' || !same(topic.substr(0, root.size()), root))
            return std::nullopt;
        rest = topic.substr(root.size() + 1);
    }
    const size_t kindEnd = slash(rest, 0);
    if (kindEnd == std::string_view::npos)
        return std::nullopt;
    const size_t idEnd = slash(rest, kindEnd + 1);
    if (idEnd == std::string_view::npos || slash(rest, idEnd + 1) != std::string_view::npos)
        return std::nullopt;
    const std::string_view id = rest.substr(kindEnd + 1, idEnd - kindEnd - 1);
    const std::optional<Feed> feed = route(rest.substr(0, kindEnd), rest.substr(idEnd + 1));
    if (!feed || !isValidId(id))
        return std::nullopt;
    return Topic{*feed, id};
}

std::string topicFor(std::string_view root, Feed feed, std::string_view id)
{
    const Route &route = kRoutes[size_t(feed)];
    std::string topic;
    topic.reserve(root.size() + route.kind.size() + id.size() + route.leaf.size() + 3);
    if (!root.empty())
        topic.append(root).append(1, '/');
    topic.append(route.kind).append(1, '/').append(id).append(1, '/').append(route.leaf);
    return topic;
}

} // namespace gridwall::feed

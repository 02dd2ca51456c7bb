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

std::optional<Topic> parseTopic(std::string_view topic, std::string_view root)
{
    std::string_view rest = topic;
    if (!root.empty()) {
        if (topic.size() <= root.size() || topic.compare(0, root.size(), root) != 0 || topic[root.size()] != '/')
            return std::nullopt;
        rest = topic.substr(root.size() + 1);
    }
    const size_t kindEnd = rest.find('/');
    if (kindEnd == std::string_view::npos)
        return std::nullopt;
    const size_t idEnd = rest.find('/', kindEnd + 1);
    if (idEnd == std::string_view::npos)
        return std::nullopt;
    const std::string_view kind = rest.substr(0, kindEnd);
    const std::string_view id = rest.substr(kindEnd + 1, idEnd - kindEnd - 1);
    const std::string_view leaf = rest.substr(idEnd + 1);
    if (leaf.find('/') != std::string_view::npos || !isValidId(id))
        return std::nullopt;
    for (size_t i = 0; i < kRoutes.size(); ++i) {
        if (kRoutes[i].kind == kind && kRoutes[i].leaf == leaf)
            return Topic{Feed(i), id};
    }
    return std::nullopt;
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

// libFuzzer target: the feed topic parser (backend/feed/topic.h) on any
// string, below the default root and below none.
//
// Checked against a plain reimplementation of the rules in topic.h: a topic
// parses exactly when it is ROOT/KIND/ID/LEAF with a known (kind, leaf) and
// a valid id; a parsed topic is rebuilt by topicFor(); and any string that
// isValidId() accepts makes a topic of every feed that parses back to it.

#include "fuzzcheck.h"

#include "feed/topic.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace gridwall::feed;

namespace {

// The topics of docs/feeds.md, indexed by Feed.
constexpr std::array<std::array<std::string_view, 2>, kFeedCount> kRoutes = {{
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

bool expectValidId(std::string_view id)
{
    if (id.empty() || id.size() > kMaxIdBytes || !fuzzcheck::isUtf8(id))
        return false;
    for (const char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '/' || c == '+' || c == '#' || u < 0x20 || u == 0x7f)
            return false;
    }
    return true;
}

std::vector<std::string_view> split(std::string_view s)
{
    std::vector<std::string_view> parts;
    size_t from = 0;
    for (;;) {
        const size_t at = s.find('/', from);
        parts.push_back(s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
        if (at == std::string_view::npos)
            return parts;
        from = at + 1;
    }
}

std::optional<Topic> expectTopic(std::string_view topic, std::string_view root)
{
    std::vector<std::string_view> parts = split(topic);
    if (!root.empty()) {
        if (parts.empty() || parts.front() != root)
            return std::nullopt;
        parts.erase(parts.begin());
    }
    if (parts.size() != 3 || !expectValidId(parts[1]))
        return std::nullopt;
    for (size_t f = 0; f < kRoutes.size(); ++f) {
        if (parts[0] == kRoutes[f][0] && parts[2] == kRoutes[f][1])
            return Topic{Feed(f), parts[1]};
    }
    return std::nullopt;
}

void checkTopic(std::string_view topic, std::string_view root)
{
    const std::optional<Topic> got = parseTopic(topic, root);
    const std::optional<Topic> want = expectTopic(topic, root);
    FUZZ_CHECK(got.has_value() == want.has_value());
    if (!got)
        return;
    FUZZ_CHECK(got->feed == want->feed);
    FUZZ_CHECK(got->id == want->id);
    // A view into the topic itself, not a copy.
    FUZZ_CHECK(got->id.data() >= topic.data() && got->id.data() + got->id.size() <= topic.data() + topic.size());
    FUZZ_CHECK(isValidId(got->id));
    FUZZ_CHECK(topicFor(root, got->feed, got->id) == topic);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    for (const std::string_view root : {std::string_view("panjin"), std::string_view()})
        checkTopic(input, root);

    const bool valid = isValidId(input);
    FUZZ_CHECK(valid == expectValidId(input));
    if (valid) {
        for (int f = 0; f < kFeedCount; ++f) {
            for (const std::string_view root : {std::string_view("panjin"), std::string_view()}) {
                const std::string topic = topicFor(root, Feed(f), input);
                const std::optional<Topic> parsed = parseTopic(topic, root);
                FUZZ_CHECK(parsed && parsed->feed == Feed(f) && parsed->id == input);
            }
        }
    }
    return 0;
}

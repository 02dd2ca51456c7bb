#pragma once
// A minimal JSON object writer for the feed payloads: compact, fields in the
// order written, numbers in the shortest round-trip or a fixed number of
// decimals, strings escaped as RFC 8259 requires (UTF-8 passes through).

#include <cstdint>
#include <string>
#include <string_view>

namespace gridwall::sim {

class JsonObject
{
public:
    JsonObject() { m_text.reserve(192); m_text.push_back('{'); }

    JsonObject &add(std::string_view key, std::string_view value);
    JsonObject &add(std::string_view key, const char *value) { return add(key, std::string_view(value)); }
    JsonObject &add(std::string_view key, const std::string &value) { return add(key, std::string_view(value)); }
    JsonObject &add(std::string_view key, int64_t value);
    JsonObject &add(std::string_view key, int value) { return add(key, int64_t(value)); }
    JsonObject &add(std::string_view key, bool value);
    // Fixed decimals (coordinates, readings).
    JsonObject &add(std::string_view key, double value, int decimals);
    // Already encoded JSON (an array or object).
    JsonObject &addRaw(std::string_view key, std::string_view json);

    // Closes the object and hands out the text; the writer is empty afterwards.
    std::string finish()
    {
        m_text.push_back('}');
        return std::move(m_text);
    }

private:
    void key(std::string_view k);
    std::string m_text;
};

void appendJsonString(std::string &out, std::string_view s);
void appendFixed(std::string &out, double value, int decimals);

} // namespace gridwall::sim

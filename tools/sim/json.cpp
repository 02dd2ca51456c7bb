#include "json.h"

#include <charconv>
#include <cmath>

namespace gridwall::sim {

void appendJsonString(std::string &out, std::string_view s)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (u < 0x20) {
            out += "\\u00";
            out.push_back(hex[u >> 4]);
            out.push_back(hex[u & 15]);
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
}

void appendFixed(std::string &out, double value, int decimals)
{
    if (!std::isfinite(value))
        value = 0; // never emitted by the model; malformed payloads are built elsewhere
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    std::string_view text(buffer, size_t(result.ptr - buffer));
    // Trim trailing zeros of the fraction ("41.120000" -> "41.12", "3.0" -> "3").
    if (text.find('.') != std::string_view::npos) {
        while (text.back() == '0')
            text.remove_suffix(1);
        if (text.back() == '.')
            text.remove_suffix(1);
    }
    if (text == "-0")
        text = "0";
    out += text;
}

void JsonObject::key(std::string_view k)
{
    if (m_text.size() > 1)
        m_text.push_back(',');
    appendJsonString(m_text, k);
    m_text.push_back(':');
}

JsonObject &JsonObject::add(std::string_view k, std::string_view value)
{
    key(k);
    appendJsonString(m_text, value);
    return *this;
}

JsonObject &JsonObject::add(std::string_view k, int64_t value)
{
    key(k);
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_text.append(buffer, result.ptr);
    return *this;
}

JsonObject &JsonObject::add(std::string_view k, bool value)
{
    key(k);
    m_text += value ? "true" : "false";
    return *this;
}

JsonObject &JsonObject::add(std::string_view k, double value, int decimals)
{
    key(k);
    appendFixed(m_text, value, decimals);
    return *this;
}

JsonObject &JsonObject::addRaw(std::string_view k, std::string_view json)
{
    key(k);
    m_text += json;
    return *this;
}

} // namespace gridwall::sim

#include "decoder.h"

#include "gcj02.h"
#include "topic.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cfloat>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

namespace gridwall::feed {

namespace od = simdjson::ondemand;
using simdjson::error_code;

namespace {

// Every field name the decoder reads, over all feeds.
enum class Key : uint8_t {
    Ts, V, Crs, Lon, Lat,
    Seq, Status, Category, Source, Priority, Deadline, Title, Dept, Assignee, Grid, Note, Rating,
    Online, Name, Stream, Kind,
    Type, Severity, Snapshot,
    Unit, Warn, Alarm, Site, Sector,
    Value,
    WorkersOnDuty, WorkersTotal,
    Rings, Minutes, RadiusM,
    Unknown
};

constexpr std::array<std::string_view, size_t(Key::Unknown)> kKeyNames = {
    "ts", "v", "crs", "lon", "lat",
    "seq", "status", "category", "source", "priority", "deadline", "title", "dept", "assignee", "grid", "note", "rating",
    "online", "name", "stream", "kind",
    "type", "severity", "snapshot",
    "unit", "warn", "alarm", "site", "sector",
    "value",
    "workers_on_duty", "workers_total",
    "rings", "minutes", "radius_m"};

using KeySet = uint64_t;
static_assert(size_t(Key::Unknown) < 64);

constexpr KeySet bit(Key k) { return KeySet(1) << unsigned(k); }
template <typename... K>
constexpr KeySet keys(K... k)
{
    return (bit(k) | ...);
}

// Equality of two short byte strings of the same length, inline: these
// comparisons run for every field of every message, and a library memcmp()
// call costs more than the comparison itself.
constexpr bool sameBytes(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

constexpr bool equals(std::string_view s, std::string_view literal)
{
    return s.size() == literal.size() && sameBytes(s.data(), literal.data(), s.size());
}

// `s` (of the literal's length, checked by the caller) is the literal.
template <size_t N>
constexpr bool is(std::string_view s, const char (&literal)[N])
{
    return std::char_traits<char>::compare(s.data(), literal, N - 1) == 0; // constant length: inlined
}

// A switch on the length and then at most a few fixed-length comparisons.
constexpr Key keyOf(std::string_view s)
{
    switch (s.size()) {
    case 1:
        if (s[0] == 'v') return Key::V;
        break;
    case 2:
        if (is(s, "ts")) return Key::Ts;
        break;
    case 3:
        if (is(s, "lon")) return Key::Lon;
        if (is(s, "lat")) return Key::Lat;
        if (is(s, "crs")) return Key::Crs;
        if (is(s, "seq")) return Key::Seq;
        break;
    case 4:
        if (is(s, "name")) return Key::Name;
        if (is(s, "kind")) return Key::Kind;
        if (is(s, "unit")) return Key::Unit;
        if (is(s, "type")) return Key::Type;
        if (is(s, "grid")) return Key::Grid;
        if (is(s, "note")) return Key::Note;
        if (is(s, "warn")) return Key::Warn;
        if (is(s, "site")) return Key::Site;
        if (is(s, "dept")) return Key::Dept;
        break;
    case 5:
        if (is(s, "value")) return Key::Value;
        if (is(s, "title")) return Key::Title;
        if (is(s, "alarm")) return Key::Alarm;
        if (is(s, "rings")) return Key::Rings;
        break;
    case 6:
        if (is(s, "status")) return Key::Status;
        if (is(s, "online")) return Key::Online;
        if (is(s, "source")) return Key::Source;
        if (is(s, "stream")) return Key::Stream;
        if (is(s, "sector")) return Key::Sector;
        if (is(s, "rating")) return Key::Rating;
        break;
    case 7:
        if (is(s, "minutes")) return Key::Minutes;
        break;
    case 8:
        if (is(s, "priority")) return Key::Priority;
        if (is(s, "deadline")) return Key::Deadline;
        if (is(s, "category")) return Key::Category;
        if (is(s, "severity")) return Key::Severity;
        if (is(s, "snapshot")) return Key::Snapshot;
        if (is(s, "assignee")) return Key::Assignee;
        if (is(s, "radius_m")) return Key::RadiusM;
        break;
    case 13:
        if (is(s, "workers_total")) return Key::WorkersTotal;
        break;
    case 15:
        if (is(s, "workers_on_duty")) return Key::WorkersOnDuty;
        break;
    }
    return Key::Unknown;
}

constexpr bool keyOfKnowsEveryKey()
{
    for (size_t i = 0; i < kKeyNames.size(); ++i) {
        if (keyOf(kKeyNames[i]) != Key(i))
            return false;
    }
    return keyOf("") == Key::Unknown && keyOf("lo") == Key::Unknown && keyOf("names") == Key::Unknown;
}
static_assert(keyOfKnowsEveryKey());

// Enumerations, in the order of their enum's values (events.h).
constexpr const auto &kCaseStatus = kCaseStatusNames;
constexpr const auto &kCaseSource = kCaseSourceNames;
constexpr const auto &kCameraEventType = kCameraEventTypeNames;
constexpr const auto &kSensorKind = kSensorKindNames;
constexpr const auto &kWorkerStatus = kWorkerStatusNames;
constexpr const auto &kUnitKind = kUnitKindNames;
constexpr const auto &kPoiKind = kPoiKindNames;

// The URL schemes the wall opens: a camera's stream is played (Qt
// Multimedia), an event's snapshot is loaded as an image. Anything else, a
// file: URL or a relative one above all, would have the wall read what the
// producer has no business reading (local files, the wall's own resources).
constexpr std::array<std::string_view, 4> kStreamSchemes = {"rtsp", "rtsps", "http", "https"};
constexpr std::array<std::string_view, 2> kSnapshotSchemes = {"http", "https"};

// `url` starts with "SCHEME://" and more, SCHEME one of `schemes` in any case
// (RFC 3986 §3.1: schemes are case-insensitive; QUrl lowers them).
template <size_t N>
bool hasScheme(std::string_view url, const std::array<std::string_view, N> &schemes)
{
    for (const std::string_view scheme : schemes) {
        const size_t n = scheme.size();
        if (url.size() <= n + 3 || url.substr(n, 3) != "://")
            continue;
        bool same = true;
        for (size_t i = 0; i < n && same; ++i)
            same = char(url[i] | 0x20) == scheme[i]; // scheme[i] is a lower-case letter
        if (same)
            return true;
    }
    return false;
}

// The first '"' or '\\' from `p` on, eight bytes at a time. The key being
// scanned lies in the padded payload buffer, so reading up to seven bytes
// past its closing quote stays inside it.
const char *quoteOrBackslash(const char *p)
{
    if constexpr (std::endian::native == std::endian::little) {
        constexpr uint64_t ones = 0x0101010101010101u;
        constexpr uint64_t highs = 0x8080808080808080u;
        const auto zeroBytes = [](uint64_t x) { return (x - ones) & ~x & highs; };
        for (;; p += 8) {
            uint64_t word;
            std::memcpy(&word, p, 8);
            // The lowest flagged byte is exact (borrows only run upwards).
            const uint64_t found = zeroBytes(word ^ (ones * '"')) | zeroBytes(word ^ (ones * '\\'));
            if (found)
                return p + std::countr_zero(found) / 8;
        }
    } else {
        while (*p != '"' && *p != '\\')
            ++p;
        return p;
    }
}

enum class NumberForm : uint8_t { Invalid, Integer, Decimal };

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// The JSON number grammar, on a raw token (which may carry trailing blanks).
NumberForm numberForm(std::string_view t)
{
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r'))
        t.remove_suffix(1);
    size_t i = 0;
    const size_t n = t.size();
    if (i < n && t[i] == '-')
        ++i;
    if (i >= n || !isDigit(t[i]))
        return NumberForm::Invalid;
    if (t[i] == '0') {
        ++i;
    } else {
        while (i < n && isDigit(t[i]))
            ++i;
    }
    bool decimal = false;
    if (i < n && t[i] == '.') {
        decimal = true;
        if (++i >= n || !isDigit(t[i]))
            return NumberForm::Invalid;
        while (i < n && isDigit(t[i]))
            ++i;
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        decimal = true;
        if (++i < n && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (i >= n || !isDigit(t[i]))
            return NumberForm::Invalid;
        while (i < n && isDigit(t[i]))
            ++i;
    }
    if (i != n)
        return NumberForm::Invalid;
    return decimal ? NumberForm::Decimal : NumberForm::Integer;
}

// A hex digit's value, -1 for other bytes.
constexpr std::array<int8_t, 256> kHexValue = [] {
    std::array<int8_t, 256> t{};
    t.fill(-1);
    for (int i = 0; i < 10; ++i)
        t[size_t('0' + i)] = int8_t(i);
    for (int i = 0; i < 6; ++i)
        t[size_t('a' + i)] = t[size_t('A' + i)] = int8_t(10 + i);
    return t;
}();

// The four hex digits at `p` (the caller checked there are four bytes).
bool hex4(const char *p, unsigned &out)
{
    const auto digit = [p](int i) { return int(kHexValue[uint8_t(p[i])]); };
    const int a = digit(0), b = digit(1), c = digit(2), d = digit(3);
    out = unsigned(a << 12 | b << 8 | c << 4 | d);
    return (a | b | c | d) >= 0;
}

struct BadEscape
{
    const char *at = nullptr; // null: every escape is valid
    const char *why = "";
    size_t length = 0; // of the escape, for the detail
};

// The first invalid escape in [p, end). Valid: \" \\ \/ \b \f \n \r \t, and
// \uXXXX where a surrogate comes only as a high one (D800-DBFF) followed at
// once by an escaped low one (DC00-DFFF). `nul` is set if a \u0000 is met.
//
// The bytes are read raw, without telling strings from the rest, and that is
// sound: in JSON a backslash appears only inside strings, where it always
// starts an escape unless it is the escaped character of "\\", which the scan
// steps over together with its escape. Reading left to right from outside any
// string, every backslash the scan stops at thus starts an escape: on valid
// JSON it meets exactly the escapes a parser meets, so it never refuses valid
// JSON. (A backslash outside a string is not JSON anyway.)
BadEscape firstBadEscape(const char *p, const char *end, bool &nul)
{
    for (;;) {
        // Escapes often come in runs (text sent as \uXXXX): memchr only between runs.
        if (p != end && *p != '\\')
            p = static_cast<const char *>(std::memchr(p, '\\', size_t(end - p)));
        if (!p || p == end)
            return {};
        const size_t left = size_t(end - p);
        if (left < 2)
            return {p, "invalid escape", left};
        switch (p[1]) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
            p += 2;
            continue;
        case 'u': break;
        default: return {p, "invalid escape", 2};
        }
        unsigned u = 0;
        if (left < 6 || !hex4(p + 2, u))
            return {p, "invalid escape", std::min<size_t>(left, 6)};
        if (u >= 0xdc00 && u <= 0xdfff)
            return {p, "unpaired surrogate", 6};
        if (u >= 0xd800 && u <= 0xdbff) {
            unsigned low = 0;
            if (left < 12 || p[6] != '\\' || p[7] != 'u' || !hex4(p + 8, low) || low < 0xdc00 || low > 0xdfff)
                return {p, "unpaired surrogate", 6};
            p += 12;
            continue;
        }
        if (u == 0)
            nul = true;
        p += 6;
    }
}

// `s` quoted for a log line: at most `max` characters, control characters
// and (in text that is not UTF-8) bytes above 0x7f as \xNN.
std::string quoted(std::string_view s, size_t max = 64)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const bool utf8 = simdjson::validate_utf8(s.data(), s.size());
    std::string q;
    q.reserve(std::min(s.size(), max) + 8);
    q += '"';
    size_t shown = 0;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const bool continuation = utf8 && (c & 0xc0) == 0x80;
        if (shown >= max && !continuation) {
            q += "...";
            break;
        }
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && !utf8)) {
            q += "\\x";
            q += kHex[c >> 4];
            q += kHex[c & 15];
        } else {
            if (c == '"' || c == '\\')
                q += '\\';
            q += ch;
        }
        if (!continuation)
            ++shown;
    }
    q += '"';
    return q;
}

class FieldNames;

// Room for the unknown field names of the objects being read, kept across
// messages by the Decoder.
struct NameScratch
{
    struct Name
    {
        std::string_view text;
        uint64_t hash = 0; // 0: not computed yet
        unsigned signature = 0;
    };
    std::vector<Name> names;
    std::vector<uint32_t> table; // open addressing: 1 + an index in names, 0: free
    const FieldNames *tableOwner = nullptr; // whose names `table` holds
    std::vector<uint32_t> order; // indices in names, for sorting
    uint64_t seed = 0;           // of the names' hash, random per Decoder
};

// The names met in one object, to refuse one given twice. A known name is a
// bit of a KeySet. Unknown names go on a list shared with the objects read
// inside this one (its own part starts at m_first and is dropped on leaving).
// Up to kLinearNames of them, enough for any real payload, a new one is
// compared with the earlier ones only where a 64-bit filter on its length and
// first, middle and last bytes says it may match one, and then by a hash of
// the whole name first (names alike but deep inside cost one hash each, not a
// comparison with every other). Past kLinearNames, a hash table keeps
// thousands of names linear. The hash has a seed of its own, so names cannot
// be made to collide without knowing it; should they collide all the same, a
// sort at the end of the object bounds the cost to n log n. Whichever way, the
// name reported is the first one given a second time.
class FieldNames
{
public:
    explicit FieldNames(NameScratch &scratch) : m_s(scratch), m_first(scratch.names.size()) {}
    ~FieldNames()
    {
        m_s.names.resize(m_first);
        if (m_s.tableOwner == this)
            m_s.tableOwner = nullptr;
    }
    FieldNames(const FieldNames &) = delete;
    FieldNames &operator=(const FieldNames &) = delete;

    // False when the object had `name` already.
    bool add(Key key, std::string_view name)
    {
        if (key != Key::Unknown) {
            if (m_known & bit(key))
                return false;
            m_known |= bit(key);
            return true;
        }
        const size_t count = m_s.names.size() - m_first;
        const unsigned sig = signature(name);
        const uint64_t b = uint64_t(1) << sig;
        if (count < kLinearNames && !(m_filter & b)) { // most often: none to compare with
            m_filter |= b;
            m_s.names.push_back({name, 0, sig});
            return true;
        }
        return addCompared(name, sig, count);
    }

    // At the end of the object: the first name given twice that add() left
    // to this check, if any.
    bool repeated(std::string_view &name)
    {
        if (!m_sortAtEnd)
            return false;
        std::vector<NameScratch::Name> &names = m_s.names;
        std::vector<uint32_t> &order = m_s.order;
        order.clear();
        for (size_t i = m_first; i < names.size(); ++i) {
            if (!names[i].hash)
                names[i].hash = hash(names[i].text);
            order.push_back(uint32_t(i));
        }
        std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
            if (names[a].hash != names[b].hash)
                return names[a].hash < names[b].hash;
            const int c = names[a].text.compare(names[b].text);
            return c != 0 ? c < 0 : a < b;
        });
        // Equal names lie together, in field order: the first second place of one.
        size_t first = SIZE_MAX;
        for (size_t i = 1; i < order.size(); ++i) {
            const std::string_view text = names[order[i]].text;
            if (text == names[order[i - 1]].text && (i < 2 || names[order[i - 2]].text != text))
                first = std::min<size_t>(first, order[i]);
        }
        if (first == SIZE_MAX)
            return false;
        name = names[first].text;
        return true;
    }

private:
    static constexpr size_t kLinearNames = 32;

    // add() for a name that may match an earlier one.
    bool addCompared(std::string_view name, unsigned sig, size_t count)
    {
        std::vector<NameScratch::Name> &names = m_s.names;
        uint64_t h = 0;
        if (count < kLinearNames) {
            h = hash(name);
            for (size_t i = m_first; i < names.size(); ++i) {
                NameScratch::Name &earlier = names[i];
                if (earlier.signature != sig || earlier.text.size() != name.size())
                    continue;
                if (!earlier.hash)
                    earlier.hash = hash(earlier.text);
                if (earlier.hash == h && equals(earlier.text, name))
                    return false;
            }
        } else if (!m_sortAtEnd) {
            h = hash(name);
            // Half full at most; rebuilt also when an object inside this one used it.
            if (m_s.tableOwner != this || 2 * (count + 1) > m_s.table.size())
                rebuild(2 * (count + 1));
            if (!insert(name, h, names.size()))
                return false;
        }
        names.push_back({name, h, sig});
        return true;
    }

    // Six bits of the length and the first, middle and last bytes.
    static unsigned signature(std::string_view s)
    {
        if (s.empty())
            return 0;
        const uint32_t x = uint32_t(s.size()) << 24 | uint32_t(uint8_t(s.front())) << 16
            | uint32_t(uint8_t(s[s.size() / 2])) << 8 | uint8_t(s.back());
        return unsigned((uint64_t(x) * 0x9e3779b97f4a7c15u) >> 58);
    }

    // Every byte, eight at a time, mixed into the seed; never 0.
    uint64_t hash(std::string_view s) const
    {
        uint64_t h = m_s.seed ^ (s.size() * 0x9e3779b97f4a7c15u);
        size_t at = 0;
        for (; at + 8 <= s.size(); at += 8) {
            uint64_t word;
            std::memcpy(&word, s.data() + at, 8);
            h = (h ^ word) * 0xbf58476d1ce4e5b9u;
            h ^= h >> 31;
        }
        if (at < s.size()) {
            uint64_t word = 0;
            for (size_t i = at; i < s.size(); ++i)
                word = word << 8 | uint8_t(s[i]);
            h = (h ^ word) * 0xbf58476d1ce4e5b9u;
        }
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdu;
        return (h ^ (h >> 33)) | 1;
    }

    // False when an equal name is in the table; else enters names[index].
    // Past the probe budget, leaves the rest of the object to repeated().
    bool insert(std::string_view name, uint64_t h, size_t index)
    {
        std::vector<uint32_t> &table = m_s.table;
        const size_t mask = table.size() - 1;
        for (size_t slot = (h >> 1) & mask;; slot = (slot + 1) & mask) {
            const uint32_t at = table[slot];
            if (at == 0) {
                table[slot] = uint32_t(index + 1);
                return true;
            }
            const NameScratch::Name &other = m_s.names[at - 1];
            if (other.hash == h && equals(other.text, name))
                return false;
            if (++m_probes > 8 * (m_s.names.size() - m_first) + 256) {
                m_sortAtEnd = true;
                return true;
            }
        }
    }

    void rebuild(size_t atLeast)
    {
        m_s.table.assign(std::bit_ceil(std::max<size_t>(atLeast * 2, 128)), 0);
        m_s.tableOwner = this;
        for (size_t i = m_first; i < m_s.names.size() && !m_sortAtEnd; ++i) {
            NameScratch::Name &n = m_s.names[i];
            if (!n.hash)
                n.hash = hash(n.text);
            insert(n.text, n.hash, i);
        }
    }

    NameScratch &m_s;
    const size_t m_first;
    KeySet m_known = 0;
    uint64_t m_filter = 0;
    size_t m_probes = 0;
    bool m_sortAtEnd = false;
};

const char *typeName(od::json_type t)
{
    switch (t) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: return "null";
    }
    return "a value";
}

// Reads the fields of one payload into an event, keeping the first failure.
// Bad JSON found later replaces a field failure: the payload as a whole is
// then not JSON. After the first failure the remaining fields are only
// checked for well-formedness.
class Reader
{
public:
    Reader(DecodeResult &out, NameScratch &names) : m_out(out), m_names(names) {}

    bool failed() const { return m_failed; }
    bool stopped() const { return m_stopped; } // bad JSON: the iteration is over

    bool nulEscaped = false; // the payload has a \u0000 somewhere
    KeySet seen = 0;  // fields read (not null)
    KeySet nulls = 0; // fields sent as null
    int64_t ts = 0;
    double lon = 0;
    double lat = 0;
    bool gcj = false;

    // Walks the object's fields once. Common fields (ts, v, crs, lon, lat) are
    // read here; the rest of `relevant` go to handle(key, value, type); other
    // fields are only checked to be well-formed.
    template <typename Handle>
    void fields(od::object &object, KeySet relevant, Handle &&handle)
    {
        FieldNames names(m_names);
        for (auto item : object) {
            od::field field;
            if (const error_code e = std::move(item).get(field))
                return jsonError(e);
            std::string_view name;
            if (!keyName(field, name))
                return;
            const Key key = keyOf(name);
            // A field given twice would leave its value to the last one:
            // a producer could then send two meanings in one message.
            if (!names.add(key, name))
                return duplicate(key, name);
            od::value &value = field.value();
            if (m_failed || !(relevant & bit(key))) {
                if (!skim(value, 1))
                    return;
                continue;
            }
            od::json_type type;
            if (const error_code e = value.type().get(type))
                return jsonError(e);
            if (type == od::json_type::null) {
                if (!readNull(value))
                    return;
                nulls |= bit(key);
                continue;
            }
            seen |= bit(key);
            switch (key) {
            case Key::Ts: readInt(value, type, key, 1, kMaxEpochMs - 1, ts); break;
            case Key::V: {
                int64_t version = 0;
                if (readInt(value, type, key, INT64_MIN, INT64_MAX, version) && version != 1)
                    fail(Reject::UnknownValue, key, "unknown schema version " + std::to_string(version));
                break;
            }
            case Key::Crs: {
                std::string_view crs;
                if (readView(value, type, key, crs)) {
                    if (crs == "gcj02")
                        gcj = true;
                    else if (crs == "wgs84")
                        gcj = false;
                    else
                        fail(Reject::UnknownValue, key, "unknown value " + quoted(crs));
                }
                break;
            }
            case Key::Lon: readDouble(value, type, key, -180.0, 180.0, lon); break;
            case Key::Lat: readDouble(value, type, key, -90.0, 90.0, lat); break;
            default: handle(key, value, type); break;
            }
            if (m_stopped)
                return;
        }
        std::string_view twice;
        if (names.repeated(twice))
            duplicate(Key::Unknown, twice);
    }

    // The fields of `mask` were all given (else MissingField, or WrongType
    // where one was null). Nothing is required once something failed.
    bool require(KeySet mask)
    {
        if (m_failed)
            return false;
        const KeySet missing = mask & ~seen;
        if (!missing)
            return true;
        const Key key = Key(std::countr_zero(missing));
        if (nulls & bit(key))
            fail(Reject::WrongType, key, "null");
        else
            failAs(Reject::MissingField, "missing field \"" + fieldName(key) + '"');
        return false;
    }

    GeoPoint position() const
    {
        if (gcj) {
            const gcj02::LonLat w = gcj02::toWgs84(lon, lat);
            return {w.lon, w.lat};
        }
        return {lon, lat};
    }

    bool readInt(od::value &v, od::json_type t, Key k, int64_t lo, int64_t hi, int64_t &out)
    {
        if (t != od::json_type::number)
            return wrongType(v, t, k, "an integer");
        int64_t x = 0;
        if (v.get_int64().get(x))
            return numberError(v, k, true);
        if (x < lo || x > hi)
            return fail(Reject::OutOfRange, k, "out of range");
        out = x;
        return true;
    }

    bool readInt(od::value &v, od::json_type t, Key k, int lo, int hi, int &out)
    {
        int64_t x = 0;
        if (!readInt(v, t, k, int64_t(lo), int64_t(hi), x))
            return false;
        out = int(x);
        return true;
    }

    bool readDouble(od::value &v, od::json_type t, Key k, double lo, double hi, double &out)
    {
        if (t != od::json_type::number)
            return wrongType(v, t, k, "a number");
        double x = 0;
        if (v.get_double().get(x))
            return numberError(v, k, false);
        if (!std::isfinite(x))
            return fail(Reject::NotFinite, k, "not a finite number");
        if (x < lo || x > hi)
            return fail(Reject::OutOfRange, k, "out of range");
        out = x;
        return true;
    }

    // A view into the parser's string buffer, valid until the next message.
    bool readView(od::value &v, od::json_type t, Key k, std::string_view &out)
    {
        if (t != od::json_type::string)
            return wrongType(v, t, k, "a string");
        if (const error_code e = v.get_string().get(out))
            return jsonError(e), false;
        if (out.size() > kMaxStringBytes)
            return fail(Reject::OutOfRange, k, "longer than " + std::to_string(kMaxStringBytes) + " bytes");
        return true;
    }

    bool readString(od::value &v, od::json_type t, Key k, std::string &out, bool nonEmpty = false)
    {
        std::string_view s;
        if (!readView(v, t, k, s))
            return false;
        if (nonEmpty && s.empty())
            return fail(Reject::OutOfRange, k, "empty");
        // SQLite's and Qt's C strings would cut the text there. Only a \u0000
        // can put one in (stage 1 refuses raw control characters), so only
        // payloads that have one pay for the search. (No lone surrogate gets
        // this far either: the escapes were checked, so the text is UTF-8.)
        if (nulEscaped && std::memchr(s.data(), 0, s.size()))
            return fail(Reject::OutOfRange, k, "holds U+0000");
        out.assign(s);
        return true;
    }

    // An optional URL: empty (none) or one of `schemes`, else UnknownValue.
    template <size_t N>
    bool readUrl(od::value &v, od::json_type t, Key k, const std::array<std::string_view, N> &schemes,
                 const char *expected, std::string &out)
    {
        if (!readString(v, t, k, out))
            return false;
        if (!out.empty() && !hasScheme(out, schemes))
            return fail(Reject::UnknownValue, k, std::string("not an ") + expected + " URL: " + quoted(out, 40));
        return true;
    }

    bool readBool(od::value &v, od::json_type t, Key k, bool &out)
    {
        if (t != od::json_type::boolean)
            return wrongType(v, t, k, "true or false");
        if (const error_code e = v.get_bool().get(out))
            return jsonError(e), false;
        return true;
    }

    template <typename E, size_t N>
    bool readEnum(od::value &v, od::json_type t, Key k, const std::array<std::string_view, N> &names, E &out)
    {
        std::string_view s;
        if (!readView(v, t, k, s))
            return false;
        for (size_t i = 0; i < N; ++i) {
            if (equals(s, names[i])) {
                out = E(i);
                return true;
            }
        }
        return fail(Reject::UnknownValue, k, "unknown value " + quoted(s));
    }

    // rings: [{"minutes": int > 0, "radius_m": int > 0}, ...]
    void readRings(od::value &v, od::json_type t, std::vector<Ring> &out)
    {
        if (t != od::json_type::array) {
            wrongType(v, t, Key::Rings, "an array");
            return;
        }
        od::array array;
        if (const error_code e = v.get_array().get(array))
            return jsonError(e);
        out.clear();
        int index = 0;
        for (auto item : array) {
            od::value element;
            if (const error_code e = std::move(item).get(element))
                return jsonError(e);
            if (m_failed) {
                if (!skim(element, 2))
                    return;
                continue;
            }
            m_ringIndex = index++;
            readRing(element, out);
            m_ringIndex = -1;
            if (m_stopped)
                return;
        }
    }

    // Checks that a value is well-formed JSON without keeping it. Objects and
    // arrays deeper than kMaxCheckedDepth are left to simdjson, which skips
    // them by matching brackets. False once bad JSON was found.
    bool skim(od::value &v, int depth)
    {
        od::json_type t;
        if (const error_code e = v.type().get(t))
            return jsonError(e), false;
        switch (t) {
        case od::json_type::object: {
            if (depth > kMaxCheckedDepth)
                return true;
            od::object object;
            if (const error_code e = v.get_object().get(object))
                return jsonError(e), false;
            for (auto item : object) {
                od::field field;
                if (const error_code e = std::move(item).get(field))
                    return jsonError(e), false;
                std::string_view name;
                if (!keyName(field, name) || !skim(field.value(), depth + 1))
                    return false;
            }
            return true;
        }
        case od::json_type::array: {
            if (depth > kMaxCheckedDepth)
                return true;
            od::array array;
            if (const error_code e = v.get_array().get(array))
                return jsonError(e), false;
            for (auto item : array) {
                od::value element;
                if (const error_code e = std::move(item).get(element))
                    return jsonError(e), false;
                if (!skim(element, depth + 1))
                    return false;
            }
            return true;
        }
        case od::json_type::string: {
            // Stage 1 has checked the bytes; only escapes can still be wrong.
            const std::string_view raw = v.raw_json_token();
            if (raw.find('\\') == std::string_view::npos)
                return true;
            std::string_view s;
            if (const error_code e = v.get_string().get(s))
                return jsonError(e), false;
            return true;
        }
        case od::json_type::number:
            if (numberForm(v.raw_json_token()) == NumberForm::Invalid)
                return failJson("malformed number"), false;
            return true;
        case od::json_type::boolean: {
            bool b = false;
            if (const error_code e = v.get_bool().get(b))
                return jsonError(e), false;
            return true;
        }
        case od::json_type::null:
            return readNull(v);
        }
        return true;
    }

    void jsonError(error_code e) { failJson(simdjson::error_message(e)); }

    void failJson(std::string_view why)
    {
        if (m_stopped)
            return;
        m_failed = true;
        m_stopped = true;
        m_out.reason = Reject::BadJson;
        m_out.detail.assign("bad JSON: ").append(why);
    }

    bool fail(Reject reason, Key k, std::string_view what)
    {
        if (!m_failed)
            failAs(reason, "field \"" + fieldName(k) + "\": " + std::string(what));
        return false;
    }

    void failAs(Reject reason, std::string detail)
    {
        if (m_failed)
            return;
        m_failed = true;
        m_out.reason = reason;
        m_out.detail = std::move(detail);
    }

private:
    DecodeResult &m_out;
    NameScratch &m_names;
    bool m_failed = false;
    bool m_stopped = false;
    int m_ringIndex = -1; // while reading rings[m_ringIndex]

    std::string fieldName(Key k) const
    {
        std::string name;
        if (m_ringIndex >= 0) {
            name = "rings[" + std::to_string(m_ringIndex) + ']';
            if (k == Key::Rings)
                return name;
            name += '.';
        }
        name += k == Key::Unknown ? std::string_view("?") : kKeyNames[size_t(k)];
        return name;
    }

    void duplicate(Key k, std::string_view name)
    {
        std::string shown;
        if (k != Key::Unknown) {
            shown = '"' + fieldName(k) + '"';
        } else {
            shown = quoted(name);
            if (m_ringIndex >= 0)
                shown.insert(1, "rings[" + std::to_string(m_ringIndex) + "].");
        }
        failJson("duplicate field " + shown);
    }

    // The key as written. Keys without a backslash are used in place (stage 1
    // has checked the bytes); others are unescaped, which validates them.
    bool keyName(od::field &field, std::string_view &name)
    {
        const char *begin = field.key().raw();
        const char *end = quoteOrBackslash(begin);
        if (*end == '"') {
            name = std::string_view(begin, size_t(end - begin));
            return true;
        }
        if (const error_code e = field.unescaped_key().get(name))
            return jsonError(e), false;
        return true;
    }

    bool readNull(od::value &v)
    {
        bool isNull = false;
        if (const error_code e = v.is_null().get(isNull))
            return jsonError(e), false;
        if (!isNull)
            return failJson("invalid literal"), false;
        return true;
    }

    // A value of the wrong JSON type; bad JSON inside it still wins.
    bool wrongType(od::value &v, od::json_type t, Key k, const char *expected)
    {
        if (!skim(v, 1))
            return false;
        return fail(Reject::WrongType, k, std::string("expected ") + expected + ", got " + typeName(t));
    }

    // simdjson refused a number: malformed (bad JSON), an integer that does
    // not fit 64 bits (out of range), a decimal where an integer is wanted
    // (wrong type), or a magnitude beyond double (not finite).
    bool numberError(od::value &v, Key k, bool wantInteger)
    {
        switch (numberForm(v.raw_json_token())) {
        case NumberForm::Invalid:
            failJson("malformed number in field \"" + fieldName(k) + '"');
            return false;
        case NumberForm::Integer:
            return fail(wantInteger ? Reject::OutOfRange : Reject::NotFinite, k,
                        wantInteger ? "out of range" : "not a finite number");
        case NumberForm::Decimal:
            break;
        }
        if (wantInteger) {
            double x = 0;
            if (!v.get_double().get(x) && std::isfinite(x))
                return fail(Reject::WrongType, k, "expected an integer, got a decimal number");
        }
        return fail(Reject::NotFinite, k, "not a finite number");
    }

    void readRing(od::value &v, std::vector<Ring> &out)
    {
        od::json_type t;
        if (const error_code e = v.type().get(t))
            return jsonError(e);
        if (t != od::json_type::object) {
            wrongType(v, t, Key::Rings, "an object");
            return;
        }
        od::object object;
        if (const error_code e = v.get_object().get(object))
            return jsonError(e);
        const KeySet outerSeen = seen;
        const KeySet outerNulls = nulls;
        seen = nulls = 0;
        Ring ring;
        fields(object, keys(Key::Minutes, Key::RadiusM), [&](Key k, od::value &value, od::json_type type) {
            readInt(value, type, k, 1, INT_MAX, k == Key::Minutes ? ring.minutes : ring.radiusM);
        });
        if (!m_stopped && require(keys(Key::Minutes, Key::RadiusM)))
            out.push_back(ring);
        seen = outerSeen;
        nulls = outerNulls;
    }
};

constexpr KeySet kPosition = keys(Key::Crs, Key::Lon, Key::Lat);
constexpr KeySet kCommon = keys(Key::Ts, Key::V);

template <typename E>
E &start(Event &event, std::string_view id)
{
    E &e = event.emplace<E>();
    if constexpr (std::is_same_v<E, GridState>)
        e.code.assign(id);
    else
        e.id.assign(id);
    return e;
}

void decodeCase(Reader &r, od::object &object, CaseEvent &e)
{
    constexpr KeySet relevant = kCommon | kPosition
        | keys(Key::Seq, Key::Status, Key::Category, Key::Source, Key::Priority, Key::Deadline, Key::Title, Key::Dept,
               Key::Assignee, Key::Grid, Key::Note, Key::Rating);
    r.fields(object, relevant, [&](Key k, od::value &v, od::json_type t) {
        switch (k) {
        case Key::Seq:
            if (r.readInt(v, t, k, 0, INT64_MAX, e.seq) && e.seq > kMaxSeq)
                r.fail(Reject::OutOfRange, k, "above 2^53 (9007199254740992)");
            break;
        case Key::Status: r.readEnum(v, t, k, kCaseStatus, e.status); break;
        case Key::Category: r.readString(v, t, k, e.category, true); break;
        case Key::Source: {
            CaseSource source = CaseSource::Other;
            if (r.readEnum(v, t, k, kCaseSource, source))
                e.source = source;
            break;
        }
        case Key::Priority: r.readInt(v, t, k, 1, 4, e.priority); break;
        case Key::Deadline: r.readInt(v, t, k, 1, kMaxEpochMs - 1, e.deadline); break;
        case Key::Title: r.readString(v, t, k, e.title); break;
        case Key::Dept: r.readString(v, t, k, e.dept); break;
        case Key::Assignee: r.readString(v, t, k, e.assignee); break;
        case Key::Grid: r.readString(v, t, k, e.grid); break;
        case Key::Note: r.readString(v, t, k, e.note); break;
        case Key::Rating: r.readInt(v, t, k, 1, 5, e.rating); break;
        default: break;
        }
    });
    if (!r.require(keys(Key::Ts, Key::Seq, Key::Status)))
        return;
    if (e.status == CaseStatus::Reported
        && !r.require(keys(Key::Category, Key::Source, Key::Priority, Key::Lon, Key::Lat, Key::Deadline, Key::Title)))
        return;
    // A position is optional after `reported`, but never half of one.
    if (r.seen & keys(Key::Lon, Key::Lat)) {
        if (!r.require(keys(Key::Lon, Key::Lat)))
            return;
        e.position = r.position();
    }
    e.ts = r.ts;
}

void decodeCameraState(Reader &r, od::object &object, CameraState &e)
{
    constexpr KeySet relevant = kCommon | kPosition | keys(Key::Online, Key::Name, Key::Stream, Key::Kind);
    r.fields(object, relevant, [&](Key k, od::value &v, od::json_type t) {
        switch (k) {
        case Key::Online: r.readBool(v, t, k, e.online); break;
        case Key::Name: r.readString(v, t, k, e.name); break;
        case Key::Stream: r.readUrl(v, t, k, kStreamSchemes, "rtsp, rtsps, http or https", e.stream); break;
        case Key::Kind: r.readString(v, t, k, e.kind); break;
        default: break;
        }
    });
    if (!r.require(keys(Key::Ts, Key::Online, Key::Name, Key::Lon, Key::Lat)))
        return;
    e.position = r.position();
    e.ts = r.ts;
}

void decodeCameraEvent(Reader &r, od::object &object, CameraEvent &e)
{
    constexpr KeySet relevant = kCommon | keys(Key::Type, Key::Severity, Key::Snapshot);
    r.fields(object, relevant, [&](Key k, od::value &v, od::json_type t) {
        switch (k) {
        case Key::Type: r.readEnum(v, t, k, kCameraEventType, e.type); break;
        case Key::Severity: r.readInt(v, t, k, 1, 4, e.severity); break;
        case Key::Snapshot: r.readUrl(v, t, k, kSnapshotSchemes, "http or https", e.snapshot); break;
        default: break;
        }
    });
    if (!r.require(keys(Key::Ts, Key::Type, Key::Severity)))
        return;
    e.ts = r.ts;
}

void decodeSensorState(Reader &r, od::object &object, SensorState &e)
{
    constexpr KeySet relevant =
        kCommon | kPosition | keys(Key::Kind, Key::Unit, Key::Warn, Key::Alarm, Key::Site, Key::Sector);
    r.fields(object, relevant, [&](Key k, od::value &v, od::json_type t) {
        switch (k) {
        case Key::Kind: r.readEnum(v, t, k, kSensorKind, e.kind); break;
        case Key::Unit: r.readString(v, t, k, e.unit); break;
        case Key::Warn: r.readDouble(v, t, k, -DBL_MAX, DBL_MAX, e.warn); break;
        case Key::Alarm: r.readDouble(v, t, k, -DBL_MAX, DBL_MAX, e.alarm); break;
        case Key::Site: r.readString(v, t, k, e.site); break;
        case Key::Sector: r.readString(v, t, k, e.sector); break;
        default: break;
        }
    });
    if (!r.require(keys(Key::Ts, Key::Kind, Key::Unit, Key::Lon, Key::Lat, Key::Warn, Key::Alarm)))
        return;
    e.position = r.position();
    e.ts = r.ts;
}

void decodeSensorReading(Reader &r, od::object &object, SensorReading &e)
{
    r.fields(object, kCommon | keys(Key::Value), [&](Key k, od::value &v, od::json_type t) {
        if (k == Key::Value)
            r.readDouble(v, t, k, -DBL_MAX, DBL_MAX, e.value);
    });
    if (!r.require(keys(Key::Ts, Key::Value)))
        return;
    e.ts = r.ts;
}

void decodeGrid(Reader &r, od::object &object, GridState &e)
{
    r.fields(object, kCommon | keys(Key::WorkersOnDuty, Key::WorkersTotal),
             [&](Key k, od::value &v, od::json_type t) {
                 if (k == Key::WorkersOnDuty)
                     r.readInt(v, t, k, 0, INT_MAX, e.workersOnDuty);
                 else if (k == Key::WorkersTotal)
                     r.readInt(v, t, k, 0, INT_MAX, e.workersTotal);
             });
    if (!r.require(keys(Key::Ts, Key::WorkersOnDuty, Key::WorkersTotal)))
        return;
    if (e.workersOnDuty > e.workersTotal) {
        r.fail(Reject::OutOfRange, Key::WorkersOnDuty, "more than workers_total");
        return;
    }
    e.ts = r.ts;
}

void decodeWorker(Reader &r, od::object &object, WorkerPosition &e)
{
    r.fields(object, kCommon | kPosition | keys(Key::Status, Key::Name), [&](Key k, od::value &v, od::json_type t) {
        if (k == Key::Status)
            r.readEnum(v, t, k, kWorkerStatus, e.status);
        else if (k == Key::Name)
            r.readString(v, t, k, e.name);
    });
    if (!r.require(keys(Key::Ts, Key::Lon, Key::Lat, Key::Status)))
        return;
    e.position = r.position();
    e.ts = r.ts;
}

void decodeUnit(Reader &r, od::object &object, UnitPosition &e)
{
    r.fields(object, kCommon | kPosition | keys(Key::Kind, Key::Status), [&](Key k, od::value &v, od::json_type t) {
        if (k == Key::Kind)
            r.readEnum(v, t, k, kUnitKind, e.kind);
        else if (k == Key::Status)
            r.readString(v, t, k, e.status);
    });
    if (!r.require(keys(Key::Ts, Key::Lon, Key::Lat, Key::Kind, Key::Status)))
        return;
    e.position = r.position();
    e.ts = r.ts;
}

void decodePoi(Reader &r, od::object &object, PoiState &e)
{
    constexpr KeySet relevant = kCommon | kPosition | keys(Key::Kind, Key::Name, Key::Rings);
    r.fields(object, relevant, [&](Key k, od::value &v, od::json_type t) {
        switch (k) {
        case Key::Kind: r.readEnum(v, t, k, kPoiKind, e.kind); break;
        case Key::Name: r.readString(v, t, k, e.name); break;
        case Key::Rings: r.readRings(v, t, e.rings); break;
        default: break;
        }
    });
    if (!r.require(keys(Key::Ts, Key::Kind, Key::Name, Key::Lon, Key::Lat)))
        return;
    e.position = r.position();
    e.ts = r.ts;
}

// A payload that is not an object: NotObject if it is JSON at all.
void classifyNonObject(od::document &doc, od::json_type type, DecodeResult &out, NameScratch &names)
{
    Reader r(out, names);
    switch (type) {
    case od::json_type::array: {
        od::array array;
        if (const error_code e = doc.get_array().get(array)) {
            r.jsonError(e);
            break;
        }
        for (auto item : array) {
            od::value element;
            if (const error_code e = std::move(item).get(element)) {
                r.jsonError(e);
                break;
            }
            if (!r.skim(element, 1))
                break;
        }
        if (!r.stopped() && doc.current_location().error() != simdjson::OUT_OF_BOUNDS)
            r.failJson("trailing content");
        break;
    }
    case od::json_type::number: {
        // A number that overflows a double is still JSON (and still not an object).
        double x = 0;
        const error_code e = doc.get_double().get(x);
        std::string_view token;
        if (e == simdjson::TRAILING_CONTENT)
            r.failJson("trailing content");
        else if (e && (doc.raw_json_token().get(token) || numberForm(token) == NumberForm::Invalid))
            r.failJson("malformed number");
        break;
    }
    case od::json_type::string: {
        std::string_view s;
        if (const error_code e = doc.get_string().get(s))
            r.jsonError(e);
        break;
    }
    case od::json_type::boolean: {
        bool b = false;
        if (const error_code e = doc.get_bool().get(b))
            r.jsonError(e);
        break;
    }
    case od::json_type::null: {
        bool isNull = false;
        if (const error_code e = doc.is_null().get(isNull))
            r.jsonError(e);
        else if (!isNull)
            r.failJson("invalid literal");
        break;
    }
    case od::json_type::object: break;
    }
    if (!r.stopped()) {
        out.reason = Reject::NotObject;
        out.detail = std::string("payload is ") + typeName(type) + ", not an object";
    }
}

} // namespace

struct Decoder::Impl
{
    std::string root;
    od::parser parser;
    // The payload copied with simdjson's padding after it.
    std::unique_ptr<char[]> buffer = std::make_unique<char[]>(kMaxPayloadBytes + simdjson::SIMDJSON_PADDING);
    // Grows only for a payload with more unknown field names than its room.
    NameScratch names;
};

Decoder::Decoder(std::string topicRoot) : d(std::make_unique<Impl>())
{
    d->root = std::move(topicRoot);
    // Sized once for the largest payload accepted; should that fail,
    // iterate() tries again and reports it per message.
    [[maybe_unused]] const error_code allocated = d->parser.allocate(kMaxPayloadBytes);
    d->names.names.reserve(256);
    // Only the speed of the table depends on it, never a result.
    try {
        std::random_device random;
        d->names.seed = uint64_t(random()) << 32 ^ random();
    } catch (...) {
        d->names.seed = uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
    }
}

Decoder::~Decoder() = default;
Decoder::Decoder(Decoder &&) noexcept = default;
Decoder &Decoder::operator=(Decoder &&) noexcept = default;

const std::string &Decoder::topicRoot() const
{
    return d->root;
}

DecodeResult Decoder::decode(std::string_view topic, std::string_view payload)
{
    DecodeResult result;
    decode(topic, payload, result);
    return result;
}

void Decoder::decode(std::string_view topic, std::string_view payload, DecodeResult &out)
{
    out.ok = false;
    out.detail.clear();
    const std::optional<Topic> parsed = parseTopic(topic, d->root);
    if (!parsed) {
        out.topicKnown = false;
        out.reason = Reject::UnknownTopic;
        out.detail = "unknown topic " + quoted(topic, 128);
        return;
    }
    out.topicKnown = true;
    out.feed = parsed->feed;
    if (payload.size() > kMaxPayloadBytes) {
        out.reason = Reject::Oversize;
        out.detail = "payload of " + std::to_string(payload.size()) + " bytes, more than "
            + std::to_string(kMaxPayloadBytes);
        return;
    }
    char *buffer = d->buffer.get();
    if (!payload.empty())
        std::memcpy(buffer, payload.data(), payload.size());
    // Zeroed padding: simdjson reads past the end, and a stray '}' there
    // would cost it a slow balance check.
    std::memset(buffer + payload.size(), 0, simdjson::SIMDJSON_PADDING);

    Reader r(out, d->names);
    od::document doc;
    // Stage 1 (the structural index) validates UTF-8 on the way, so the
    // payload is read once; only when it fails is UTF-8 checked on its own,
    // so that bad UTF-8 is told from bad JSON whichever stage 1 noticed first.
    if (const error_code e = d->parser.iterate(buffer, payload.size(), payload.size() + simdjson::SIMDJSON_PADDING).get(doc)) {
        if (!simdjson::validate_utf8(payload.data(), payload.size())) {
            out.reason = Reject::BadUtf8;
            out.detail = "payload is not valid UTF-8";
            return;
        }
        return r.jsonError(e);
    }
    // simdjson checks the escapes of the strings it is asked for, but skips a
    // value nested deeper than kMaxCheckedDepth by matching brackets: one pass
    // over the raw bytes checks every escape, at any depth. A payload without
    // a backslash (most of them) pays for one memchr.
    if (const BadEscape bad = firstBadEscape(buffer, buffer + payload.size(), r.nulEscaped); bad.at)
        return r.failJson(std::string(bad.why) + ' ' + quoted(std::string_view(bad.at, bad.length)) + " at byte "
                          + std::to_string(bad.at - buffer));
    od::json_type type;
    if (const error_code e = doc.type().get(type))
        return r.jsonError(e);
    if (type != od::json_type::object)
        return classifyNonObject(doc, type, out, d->names);
    od::object object;
    if (const error_code e = doc.get_object().get(object))
        return r.jsonError(e);

    const std::string_view id = parsed->id;
    switch (parsed->feed) {
    case Feed::Case: decodeCase(r, object, start<CaseEvent>(out.event, id)); break;
    case Feed::CameraState: decodeCameraState(r, object, start<CameraState>(out.event, id)); break;
    case Feed::CameraEvent: decodeCameraEvent(r, object, start<CameraEvent>(out.event, id)); break;
    case Feed::SensorState: decodeSensorState(r, object, start<SensorState>(out.event, id)); break;
    case Feed::SensorReading: decodeSensorReading(r, object, start<SensorReading>(out.event, id)); break;
    case Feed::Grid: decodeGrid(r, object, start<GridState>(out.event, id)); break;
    case Feed::Worker: decodeWorker(r, object, start<WorkerPosition>(out.event, id)); break;
    case Feed::Unit: decodeUnit(r, object, start<UnitPosition>(out.event, id)); break;
    case Feed::Poi: decodePoi(r, object, start<PoiState>(out.event, id)); break;
    }
    // Anything after the object (a second document, stray tokens) is not JSON.
    if (!r.stopped() && doc.current_location().error() != simdjson::OUT_OF_BOUNDS)
        r.failJson("trailing content after the object");
    out.ok = !r.failed();
}

} // namespace gridwall::feed

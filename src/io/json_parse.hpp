#pragma once
// JSON text into a RapidJSON document, with numbers converted by std::from_chars.
//
// Why not Document::Parse<kParseFullPrecisionFlag>: RapidJSON 1.1.0 (Debian 12) converts a
// decimal whose significand is zero and whose exponent lies outside [-22, 22] ("0e100",
// "0.0e-30") through internal::StrtodDiyFp, which calls __builtin_clzll(0): undefined behaviour,
// found by our fuzzer (UBSan, diyfp.h:107), and on x86 a garbage value instead of 0. So the
// reader hands numbers over as text (kParseNumbersAsStringsFlag) and they are converted here:
// integers that fit int64/uint64 stay integers (as RapidJSON keeps them), every other number
// becomes the nearest double (std::from_chars is correctly rounded and locale-independent,
// which strtod is not), a number below the smallest subnormal becomes a signed zero as in
// RapidJSON, and one beyond the largest double is an error, kParseErrorNumberTooBig, at the
// offset where the number starts. RapidJSON's reader itself, before any conversion, refuses as
// too big a number whose integer digits exceed DBL_MAX or whose written exponent exceeds 308 less
// its fraction digits ("0e400", but not "0.0001e312"); such numbers do not occur in maps.
#include <rapidjson/document.h>
#include <rapidjson/error/error.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/reader.h>

#include <charconv>
#include <cstdint>
#include <string_view>
#include <system_error>

namespace maillage::detail {

/// Whether the JSON number `text`, which std::from_chars found out of the range of double, is
/// too large (rather than too small) in magnitude.
inline bool json_number_overflows(std::string_view text) {
    std::size_t i = text[0] == '-' ? 1 : 0;
    long long magnitude = 0;  // decimal exponent of the leading nonzero digit, plus one
    bool seen_nonzero = false, in_fraction = false;
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        if (text[i] == '.') {
            in_fraction = true;
        } else if (!seen_nonzero && text[i] == '0') {
            if (in_fraction) --magnitude;
        } else {
            seen_nonzero = true;
            if (!in_fraction) ++magnitude;
        }
    }
    if (!seen_nonzero) return false;
    long long exponent = 0;
    bool negative = false;
    if (i < text.size()) {
        ++i;
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
        for (; i < text.size(); ++i)
            if (exponent < 1'000'000'000) exponent = exponent * 10 + (text[i] - '0');
    }
    return magnitude + (negative ? -exponent : exponent) > 0;
}

/// Forwards the events of RapidJSON's reader to `Target` (a Document, or any SAX handler),
/// converting numbers exactly: the target sees Int64, Uint64 and Double, never RawNumber.
template <class Target>
class exact_number_handler {
public:
    explicit exact_number_handler(Target& target) : doc_(target) {}

    bool Null() { return doc_.Null(); }
    bool Bool(bool b) { return doc_.Bool(b); }
    bool Int(int i) { return doc_.Int(i); }
    bool Uint(unsigned i) { return doc_.Uint(i); }
    bool Int64(std::int64_t i) { return doc_.Int64(i); }
    bool Uint64(std::uint64_t i) { return doc_.Uint64(i); }
    bool Double(double d) { return doc_.Double(d); }
    bool String(const char* s, rapidjson::SizeType n, bool copy) { return doc_.String(s, n, copy); }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return doc_.Key(s, n, copy); }
    bool StartObject() { return doc_.StartObject(); }
    bool EndObject(rapidjson::SizeType members) { return doc_.EndObject(members); }
    bool StartArray() { return doc_.StartArray(); }
    bool EndArray(rapidjson::SizeType elements) { return doc_.EndArray(elements); }

    bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
        const std::string_view text(s, n);
        if (text.find_first_of(".eE") == std::string_view::npos) {
            if (text[0] == '-') {
                std::int64_t value = 0;
                if (const auto r = std::from_chars(s, s + n, value); r.ec == std::errc() && r.ptr == s + n)
                    return doc_.Int64(value);
            } else {
                std::uint64_t value = 0;
                if (const auto r = std::from_chars(s, s + n, value); r.ec == std::errc() && r.ptr == s + n)
                    return doc_.Uint64(value);
            }
        }
        double value = 0;
        const auto r = std::from_chars(s, s + n, value);
        if (r.ec == std::errc::result_out_of_range) {
            if (json_number_overflows(text)) {
                found_too_big_ = true;
                return false;
            }
            value = text[0] == '-' ? -0.0 : 0.0;
        } else if (r.ec != std::errc() || r.ptr != s + n) {
            return false;  // cannot happen: the reader only passes numbers of the JSON grammar
        }
        return doc_.Double(value);
    }

    /// Whether the reader stopped on a number too big for a double.
    bool found_too_big() const { return found_too_big_; }

private:
    Target& doc_;
    bool found_too_big_ = false;
};

/// Parses `text` into `doc` (replacing its value) with RapidJSON's `Flags`, numbers as above.
/// Returns the error and its offset in `text`, as Document::Parse would set them.
template <unsigned Flags = rapidjson::kParseDefaultFlags>
rapidjson::ParseResult parse_json(rapidjson::Document& doc, std::string_view text) {
    rapidjson::MemoryStream memory(text.data(), text.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> input(memory);
    rapidjson::Reader reader;
    rapidjson::ParseResult result;
    auto generate = [&](rapidjson::Document& target) {
        exact_number_handler handler(target);
        result = reader.Parse<Flags | rapidjson::kParseNumbersAsStringsFlag>(input, handler);
        if (result.IsError() && handler.found_too_big())
            result.Set(rapidjson::kParseErrorNumberTooBig, result.Offset());  // the number's start
        return !result.IsError();
    };
    doc.SetNull();
    doc.Populate(generate);
    return result;
}

}  // namespace maillage::detail

#pragma once
// Reading JSON one part at a time, for maps too large to hold twice: an input stream for
// RapidJSON's SAX reader that knows the line and column of what it has read, and an assembler
// that builds the RapidJSON value of one part (an actor, a tie) from the reader's events.
#include <rapidjson/document.h>
#include <rapidjson/rapidjson.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "maillage/io/text.hpp"

namespace maillage::detail {

/// Where a stream stands: the line and column of the next byte, and those of the last bytes
/// read, so that an error RapidJSON places a few bytes back is placed without the text.
class stream_position {
public:
    /// The place of byte `offset`. RapidJSON places an error at most one token back: the start of
    /// a string, of an escape, of a multi-byte character (whose invalid continuation may be a
    /// line break already read) or of a number. All but a long number lie within the bytes kept;
    /// a number's digits are one column each, on one line.
    [[nodiscard]] text_position of(std::size_t offset) const {
        if (offset >= taken_) return here();
        const std::size_t back = taken_ - offset;
        if (back <= recent_.size()) return recent_[offset % recent_.size()];
        return {line_, column_ > back ? column_ - back : 1};
    }

    /// The place of the next byte to be read.
    [[nodiscard]] text_position here() const { return {line_, column_}; }

protected:
    void advance(char c) {
        recent_[taken_ % recent_.size()] = {line_, column_};
        ++taken_;
        if (c == '\n') {
            ++line_;
            column_ = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++column_;
        }
    }

private:
    std::array<text_position, 64> recent_{};  // the places of the last bytes read, by offset
    std::size_t taken_ = 0;
    std::size_t line_ = 1;
    std::size_t column_ = 1;
};

/// A RapidJSON input stream over `Bytes` (rapidjson::FileReadStream, MemoryStream) that counts
/// lines and columns as the reader takes bytes. Read only: RapidJSON asks for the Put side only
/// when parsing in situ, which these readers do not.
template <class Bytes>
class placed_stream : public stream_position {
public:
    using Ch = char;
    explicit placed_stream(Bytes& bytes) : bytes_(bytes) {}

    Ch Peek() const { return bytes_.Peek(); }
    Ch Take() {
        const Ch c = bytes_.Take();
        advance(c);
        return c;
    }
    std::size_t Tell() const { return bytes_.Tell(); }

    Ch* PutBegin() { RAPIDJSON_ASSERT(false); return nullptr; }
    void Put(Ch) { RAPIDJSON_ASSERT(false); }
    void Flush() { RAPIDJSON_ASSERT(false); }
    std::size_t PutEnd(Ch*) { RAPIDJSON_ASSERT(false); return 0; }

private:
    Bytes& bytes_;
};

/// Builds one RapidJSON value from SAX events (the part of the work GenericDocument does as a
/// handler, but for a value that begins and ends in the middle of a larger document). Object
/// members keep their order and duplicates, as a Document parsed from the same text would.
class value_assembler {
public:
    using Value = rapidjson::Value;

    bool Null() { return add(Value()); }
    bool Bool(bool b) { return add(Value(b)); }
    bool Int(int i) { return add(Value(i)); }
    bool Uint(unsigned i) { return add(Value(i)); }
    bool Int64(std::int64_t i) { return add(Value(i)); }
    bool Uint64(std::uint64_t i) { return add(Value(i)); }
    bool Double(double d) { return add(Value(d)); }
    bool String(const char* s, rapidjson::SizeType n, bool) { return add(Value(s, n, allocator_)); }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return String(s, n, copy); }
    bool StartObject() { return open(); }
    bool StartArray() { return open(); }
    bool EndObject(rapidjson::SizeType) {
        const std::size_t first = close();
        Value object(rapidjson::kObjectType);
        for (std::size_t i = first; i + 1 < values_.size(); i += 2) object.AddMember(values_[i], values_[i + 1], allocator_);
        values_.erase(values_.begin() + static_cast<std::ptrdiff_t>(first), values_.end());
        return add(std::move(object));
    }
    bool EndArray(rapidjson::SizeType elements) {
        const std::size_t first = close();
        Value array(rapidjson::kArrayType);
        array.Reserve(elements, allocator_);
        for (std::size_t i = first; i < values_.size(); ++i) array.PushBack(values_[i], allocator_);
        values_.erase(values_.begin() + static_cast<std::ptrdiff_t>(first), values_.end());
        return add(std::move(array));
    }

    /// Whether one whole value has been assembled.
    [[nodiscard]] bool complete() const { return open_.empty() && values_.size() == 1; }
    [[nodiscard]] const Value& value() const { return values_.front(); }

    /// Forgets the value and frees its memory, for the next one.
    void clear() {
        values_.clear();
        open_.clear();
        allocator_.Clear();
    }

private:
    bool add(Value&& v) {
        values_.push_back(std::move(v));
        return true;
    }
    bool open() {
        open_.push_back(values_.size());
        return true;
    }
    std::size_t close() {
        const std::size_t first = open_.back();
        open_.pop_back();
        return first;
    }

    rapidjson::MemoryPoolAllocator<> allocator_;
    std::vector<Value> values_;       // finished values (and member names) not yet in a container
    std::vector<std::size_t> open_;   // where each open container's values start in values_
};

}  // namespace maillage::detail

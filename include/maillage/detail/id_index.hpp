#pragma once
// A map from actor ids to indices built once and then only read: open addressing over a
// contiguous arena of the ids, so that resolving millions of tie endpoints costs one cache miss
// each rather than the three of a node-based std::unordered_map (bucket, node, key).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/model/csr.hpp"

namespace maillage::detail {

class id_index {
public:
    id_index() = default;

    /// Room for `count` ids without rehashing.
    void reserve(std::size_t count) {
        if (count * 2 <= slots_.size()) return;
        std::size_t size = 16;
        while (size < count * 2) size *= 2;
        rehash(size);
    }

    /// Adds `id` with `index`; returns the index already held when `id` is there (and adds nothing).
    index_t insert(std::string_view id, index_t index) {
        if ((count_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
        const std::uint64_t h = std::hash<std::string_view>{}(id);
        for (std::size_t s = h & (slots_.size() - 1);; s = (s + 1) & (slots_.size() - 1)) {
            slot& at = slots_[s];
            if (at.index == no_index) {
                at = {static_cast<std::uint32_t>(h >> 32), static_cast<std::uint32_t>(starts_.size() - 1), index};
                arena_.append(id);
                starts_.push_back(arena_.size());
                ++count_;
                return index;
            }
            if (at.hash == static_cast<std::uint32_t>(h >> 32) && key(at.key) == id) return at.index;
        }
    }

    /// The index of `id`, or no_index.
    [[nodiscard]] index_t find(std::string_view id) const noexcept {
        if (slots_.empty()) return no_index;
        const std::uint64_t h = std::hash<std::string_view>{}(id);
        for (std::size_t s = h & (slots_.size() - 1);; s = (s + 1) & (slots_.size() - 1)) {
            const slot& at = slots_[s];
            if (at.index == no_index) return no_index;
            if (at.hash == static_cast<std::uint32_t>(h >> 32) && key(at.key) == id) return at.index;
        }
    }

    [[nodiscard]] std::size_t size() const noexcept { return count_; }
    [[nodiscard]] std::size_t memory_bytes() const noexcept {
        return slots_.capacity() * sizeof(slot) + arena_.capacity() + starts_.capacity() * sizeof(std::size_t);
    }

private:
    struct slot {
        std::uint32_t hash = 0;       ///< high half of the id's hash
        std::uint32_t key = 0;        ///< position of the id in the arena
        index_t index = no_index;
    };

    [[nodiscard]] std::string_view key(std::uint32_t k) const noexcept {
        return std::string_view(arena_).substr(starts_[k], starts_[k + 1] - starts_[k]);
    }

    void rehash(std::size_t size) {
        std::vector<slot> old(size);
        old.swap(slots_);
        for (const slot& at : old) {
            if (at.index == no_index) continue;
            const std::uint64_t h = std::hash<std::string_view>{}(key(at.key));
            std::size_t s = h & (slots_.size() - 1);
            while (slots_[s].index != no_index) s = (s + 1) & (slots_.size() - 1);
            slots_[s] = at;
        }
    }

    std::vector<slot> slots_;
    std::string arena_;
    std::vector<std::size_t> starts_{0};
    std::size_t count_ = 0;
};

}  // namespace maillage::detail

#pragma once
/// A column of the actor or tie table that stores a single value for as long as every entry is
/// equal to it, and a vector of its entries from the first entry that differs.
///
/// Why: most columns of a plain graph (every actor an organisation without a label, every tie of
/// relation `other`, weight 1, no details) and many of a large map are constant. Stored as
/// vectors, those columns of a network from a Kronecker graph at scale 18 (262,144 actors,
/// 3.8 million ties) took 140 MB, more than its CSR; stored once, they take nothing. A column of
/// varying values costs one extra branch per read (a well-predicted one).
///
/// Reads return references that stay valid until the column is changed. The column is filled
/// by `push_back` or `assign` while the table is built, then only read.
#include <algorithm>
#include <compare>
#include <cstddef>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace maillage {

template <class T>
class uniform_column {
public:
    using value_type = T;

    uniform_column() = default;
    uniform_column(std::size_t count, const T& value) : size_(count), uniform_(value) {}

    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
    /// Whether one value is stored for all the entries (the column is constant).
    [[nodiscard]] bool is_uniform() const noexcept { return values_.empty(); }

    [[nodiscard]] const T& operator[](std::size_t i) const noexcept { return values_.empty() ? uniform_ : values_[i]; }
    [[nodiscard]] const T& at(std::size_t i) const {
        if (i >= size_) throw std::out_of_range("uniform_column::at: index " + std::to_string(i) + " >= size " + std::to_string(size_));
        return (*this)[i];
    }

    void assign(std::size_t count, const T& value) {
        values_.clear();
        values_.shrink_to_fit();
        size_ = count;
        uniform_ = value;
    }
    template <std::input_iterator It>
    void assign(It first, It last) {
        assign(0, T{});
        for (; first != last; ++first) push_back(*first);
    }
    /// Reserves room for `count` entries once the column holds a vector (kept until then).
    void reserve(std::size_t count) {
        reserved_ = count;
        if (!values_.empty()) values_.reserve(count);
    }
    void push_back(T value) {
        if (values_.empty()) {
            if (size_ == 0) {
                uniform_ = std::move(value);
                size_ = 1;
                return;
            }
            if (value == uniform_) {
                ++size_;
                return;
            }
            values_.reserve(std::max(reserved_, size_ + 1));
            values_.assign(size_, uniform_);
        }
        values_.push_back(std::move(value));
        ++size_;
    }

    /// The heap bytes of the stored vector (not of what its entries hold: strings, lists).
    [[nodiscard]] std::size_t capacity_bytes() const noexcept { return values_.capacity() * sizeof(T); }
    /// The stored values: one (uniform) or one per entry, for counting what they hold.
    template <class F>
    void for_each_stored(F&& f) const {
        if (values_.empty()) {
            if (size_ > 0) f(uniform_);
        } else {
            for (const T& v : values_) f(v);
        }
    }

    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T*;
        using reference = const T&;

        const_iterator() = default;
        const_iterator(const uniform_column* column, std::size_t i) : column_(column), i_(i) {}
        reference operator*() const { return (*column_)[i_]; }
        pointer operator->() const { return &(*column_)[i_]; }
        reference operator[](difference_type k) const { return (*column_)[i_ + k]; }
        const_iterator& operator++() { ++i_; return *this; }
        const_iterator operator++(int) { auto old = *this; ++i_; return old; }
        const_iterator& operator--() { --i_; return *this; }
        const_iterator operator--(int) { auto old = *this; --i_; return old; }
        const_iterator& operator+=(difference_type k) { i_ += k; return *this; }
        const_iterator& operator-=(difference_type k) { i_ -= k; return *this; }
        friend const_iterator operator+(const_iterator it, difference_type k) { return it += k; }
        friend const_iterator operator+(difference_type k, const_iterator it) { return it += k; }
        friend const_iterator operator-(const_iterator it, difference_type k) { return it -= k; }
        friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
            return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
        friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.i_ <=> b.i_; }

    private:
        const uniform_column* column_ = nullptr;
        std::size_t i_ = 0;
    };

    [[nodiscard]] const_iterator begin() const noexcept { return {this, 0}; }
    [[nodiscard]] const_iterator end() const noexcept { return {this, size_}; }

private:
    std::size_t size_ = 0;
    std::size_t reserved_ = 0;
    T uniform_{};
    std::vector<T> values_;
};

}  // namespace maillage

// The trainer's bounded history: the latest `capacity` StepMetrics rows,
// oldest first. Once full, a new row overwrites the oldest in place, so a
// training step records its row without allocating (the row's layer vector
// keeps its storage); until then the storage grows geometrically.
#pragma once
#include <cstddef>
#include <iterator>
#include <vector>

#include "nnplay/metrics.hpp"

namespace nnplay {

class History {
 public:
  explicit History(std::size_t capacity) : capacity_(capacity) {}

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const StepMetrics& operator[](std::size_t i) const { return rows_[physical(i)]; }
  const StepMetrics& front() const { return (*this)[0]; }
  const StepMetrics& back() const { return (*this)[size_ - 1]; }
  StepMetrics& back() { return rows_[physical(size_ - 1)]; }

  void clear() {  // keeps the storage for the rows to come
    head_ = 0;
    size_ = 0;
  }
  void push_back(const StepMetrics& m) {
    if (size_ < rows_.size()) {  // a slot left from before a clear or pop: reuse its storage
      copy_row(m, &rows_[physical(size_)]);
      ++size_;
    } else if (rows_.size() < capacity_) {  // still growing: the rows are in order from slot 0
      rows_.push_back(m);
      ++size_;
    } else {
      copy_row(m, &rows_[head_]);  // full: the oldest becomes the newest
      if (++head_ == capacity_) head_ = 0;
    }
  }
  void pop_back() { --size_; }

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = StepMetrics;
    using difference_type = std::ptrdiff_t;
    using pointer = const StepMetrics*;
    using reference = const StepMetrics&;
    const_iterator(const History* h, std::size_t i) : h_(h), i_(i) {}
    reference operator*() const { return (*h_)[i_]; }
    pointer operator->() const { return &(*h_)[i_]; }
    const_iterator& operator++() { return ++i_, *this; }
    const_iterator& operator--() { return --i_, *this; }
    const_iterator& operator+=(difference_type d) { return i_ += d, *this; }
    const_iterator& operator-=(difference_type d) { return i_ -= d, *this; }
    const_iterator operator+(difference_type d) const { return {h_, i_ + d}; }
    const_iterator operator-(difference_type d) const { return {h_, i_ - d}; }
    difference_type operator-(const const_iterator& o) const { return difference_type(i_) - difference_type(o.i_); }
    reference operator[](difference_type d) const { return (*h_)[i_ + d]; }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }
    bool operator<(const const_iterator& o) const { return i_ < o.i_; }

   private:
    const History* h_;
    std::size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

 private:
  // A row is recorded every step: with the layer count unchanged, the layers
  // are copied one by one (a vector's assignment is a memmove call).
  static void copy_row(const StepMetrics& from, StepMetrics* to) {
    if (to->layers.size() != from.layers.size()) {
      *to = from;
      return;
    }
    static_cast<StepScalars&>(*to) = from;
    LayerMetrics* out = to->layers.data();
    const LayerMetrics* in = from.layers.data();
    for (std::size_t i = 0, n = from.layers.size(); i < n; ++i) out[i] = in[i];
  }
  std::size_t physical(std::size_t i) const { return (head_ + i) % rows_.size(); }
  std::size_t capacity_;
  std::vector<StepMetrics> rows_;
  std::size_t head_ = 0;  // the oldest row's slot
  std::size_t size_ = 0;
};

}  // namespace nnplay

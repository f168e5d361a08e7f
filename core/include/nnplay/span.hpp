// A minimal contiguous view (C++17 has no std::span). Bounds are the caller's
// promise; the core validates sizes at its public entry points, not here.
#pragma once
#include <cstddef>
#include <type_traits>
#include <utility>

namespace nnplay {

template <class T>
class Span {
 public:
  constexpr Span() = default;
  constexpr Span(T* data, std::size_t size) : data_(data), size_(size) {}
  // Any contiguous container (std::vector, Span) whose data() converts to T*:
  // a const container gives only a Span<const T>.
  template <class C, class = std::enable_if_t<
                         std::is_convertible_v<decltype(std::declval<C&>().data()), T*>>>
  constexpr Span(C&& c) : data_(c.data()), size_(c.size()) {}

  constexpr T* data() const { return data_; }
  constexpr std::size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr T& operator[](std::size_t i) const { return data_[i]; }
  constexpr T* begin() const { return data_; }
  constexpr T* end() const { return data_ + size_; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace nnplay

// A zeroed, fixed-size array on huge pages where the kernel offers them
// (Linux, transparent huge pages in madvise mode). The word cache, the
// accumulator and the model's weight rows are read at random; with 4 KiB
// pages the TLB misses cost as much as the cache misses.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

namespace marsad::internal {

template <typename T>  // T: trivially copyable, valid when zeroed
class BigArray {
 public:
  BigArray() = default;
  explicit BigArray(size_t n) : n_(n) {
    if (n == 0) return;
    const size_t bytes = (n * sizeof(T) + kHuge - 1) / kHuge * kHuge;
    p_ = static_cast<T*>(std::aligned_alloc(kHuge, bytes));
    if (!p_) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(p_, bytes, MADV_HUGEPAGE);
#endif
    std::memset(static_cast<void*>(p_), 0, bytes);
  }
  BigArray(BigArray&& o) noexcept : p_(std::exchange(o.p_, nullptr)), n_(std::exchange(o.n_, 0)) {}
  BigArray& operator=(BigArray&& o) noexcept {
    std::swap(p_, o.p_);
    std::swap(n_, o.n_);
    return *this;
  }
  ~BigArray() { std::free(p_); }
  // Owns its memory, which is large: copies would be silent megabytes.
  BigArray(const BigArray&) = delete;
  BigArray& operator=(const BigArray&) = delete;

  T& operator[](size_t i) { return p_[i]; }
  const T& operator[](size_t i) const { return p_[i]; }
  T* data() { return p_; }
  const T* data() const { return p_; }
  size_t size() const { return n_; }

 private:
  static constexpr size_t kHuge = size_t{2} << 20;
  T* p_ = nullptr;
  size_t n_ = 0;
};

}  // namespace marsad::internal

// A training step allocates nothing, and the heap stays flat over 100,000
// steps. Every allocation of this test binary is counted: natively by
// replacing malloc and friends (glibc's __libc_* do the work; Eigen and
// operator new both end in malloc), under ASan by its allocator hooks. The
// wasm build has no such hook, so there only the heap in use is compared.
#include <cstddef>
#include <cstdlib>
#include <vector>

#include <doctest/doctest.h>

#include "nnplay/trainer.hpp"
#include "trainer_test_util.hpp"

#if defined(__SANITIZE_ADDRESS__)
// From the sanitizer runtime's allocator interface (its header is not
// installed with g++ on Debian, the functions are in libasan).
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*)(const volatile void*, std::size_t),
                                                         void (*)(const volatile void*));
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#define NNPLAY_COUNTS_ALLOCATIONS 1
#elif defined(__EMSCRIPTEN__)
#include <malloc.h>
#define NNPLAY_COUNTS_ALLOCATIONS 0
#else
#include <malloc.h>
#define NNPLAY_COUNTS_ALLOCATIONS 1
#endif

namespace {
volatile long long g_allocations = 0;
}

#if defined(__SANITIZE_ADDRESS__)
namespace {
void on_malloc(const volatile void*, std::size_t) { g_allocations = g_allocations + 1; }
void on_free(const volatile void*) {}
[[maybe_unused]] const int g_hooks = __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
std::size_t heap_in_use() { return __sanitizer_get_current_allocated_bytes(); }
}  // namespace
#elif defined(__EMSCRIPTEN__)
namespace {
std::size_t heap_in_use() { return static_cast<std::size_t>(mallinfo().uordblks); }
}  // namespace
#else
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
void __libc_free(void*);

void* malloc(std::size_t n) {
  g_allocations = g_allocations + 1;
  return __libc_malloc(n);
}
void* calloc(std::size_t n, std::size_t size) {
  g_allocations = g_allocations + 1;
  return __libc_calloc(n, size);
}
void* realloc(void* p, std::size_t n) {
  g_allocations = g_allocations + 1;
  return __libc_realloc(p, n);
}
void* memalign(std::size_t align, std::size_t n) {
  g_allocations = g_allocations + 1;
  return __libc_memalign(align, n);
}
void* aligned_alloc(std::size_t align, std::size_t n) { return memalign(align, n); }
int posix_memalign(void** out, std::size_t align, std::size_t n) {
  *out = memalign(align, n);
  return *out ? 0 : 12;  // ENOMEM
}
void free(void* p) { __libc_free(p); }
}
namespace {
std::size_t heap_in_use() { return mallinfo2().uordblks; }
}  // namespace
#endif

namespace nnplay {
namespace {

using trainer_test::make;

// Net A of the training benchmark: 2-8-8-1 tanh, tanh + MSE, batch 10.
TrainerConfig net_a(OptimizerKind opt) {
  TrainerConfig c;
  c.data.kind = DatasetKind::kSpiral;
  c.data.samples = 1000;
  c.hidden = {LayerConfig{8, Activation::kTanh, {}, 0}, LayerConfig{8, Activation::kTanh, {}, 0}};
  c.head = Head::kTanhMse;
  c.train.optimizer = opt;
  c.train.eval_every = 10000;
  return c;
}

TEST_CASE("training steps allocate nothing and the heap stays flat over 100,000 steps") {
  for (OptimizerKind opt : {OptimizerKind::kSgd, OptimizerKind::kAdam}) {
    CAPTURE(static_cast<int>(opt));
    auto t = make(net_a(opt));
    // Fill the bounded history first: until it is full its storage grows.
    REQUIRE(t->step(static_cast<int>(kHistoryCapacity) + 50).ok());
    REQUIRE(t->history().size() == kHistoryCapacity);
    // Up to an evaluation boundary: step 30,000 evaluates (evalEvery 10,000).
    REQUIRE(t->step(30000 - static_cast<int>(t->metrics().step)).ok());
    const std::size_t heap_before = heap_in_use();
    long long in_plain_steps = 0;
    for (int window = 0; window < 10; ++window) {
      const long long before = g_allocations;
      REQUIRE(t->step(9999).ok());  // every plain step up to the next boundary (with 400 snapshots)
      in_plain_steps += g_allocations - before;
      REQUIRE(t->step(1).ok());  // the evaluation step
    }
    REQUIRE_FALSE(t->divergence().diverged);
    CHECK(t->metrics().step == 130000);
    // 100,000 steps later the heap in use is what it was (evaluations included).
    CHECK(heap_in_use() == heap_before);
#if NNPLAY_COUNTS_ALLOCATIONS
    const long long probe = g_allocations;
    delete new std::vector<float>(t->network().layers().size());  // the counter does see allocations
    REQUIRE(g_allocations - probe >= 1);
    CHECK(in_plain_steps == 0);  // over the 99,990 steps that do not evaluate
#endif
  }
}

}  // namespace
}  // namespace nnplay

//===- Z3Heap.cpp - Room for Z3's context ---------------------------------===//
//
// glibc serves an allocation of 128 KiB or more with an mmap of its own,
// which the kernel backs page by page. Raising that threshold puts Z3's
// tables on the heap; one large block, advised MADV_HUGEPAGE (the kernel's
// transparent huge pages are "madvise" by default on Debian) and freed
// again, makes the heap's next 48 MiB a region the kernel fills 2 MiB at a
// time. The trim threshold keeps glibc from giving the region back before
// Z3 uses it. Measured on the 2-core VM: Z3's context and first check went
// from ~5,100 page faults to ~470 (docs/design.md, "Start-up").
//
//===----------------------------------------------------------------------===//

#include "Z3Heap.h"

#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#include <malloc.h>
#include <sys/mman.h>
#define FAULTLINE_Z3_HUGE_PAGES 1
#endif

namespace faultline::solver {

void prepareHeapForZ3() {
#ifdef FAULTLINE_Z3_HUGE_PAGES
  // Once per process, also when check searches scenarios at once (-j): a
  // function-local static is initialized by exactly one thread.
  static const bool Prepared = [] {
    constexpr size_t Region = size_t(48) << 20, HugePage = size_t(2) << 20;
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
    auto *Block = static_cast<char *>(std::malloc(Region));
    if (!Block)
      return false;
    uintptr_t Begin = (reinterpret_cast<uintptr_t>(Block) + HugePage - 1) & ~(HugePage - 1);
    uintptr_t End = (reinterpret_cast<uintptr_t>(Block) + Region) & ~(HugePage - 1);
    if (End > Begin)
      madvise(reinterpret_cast<void *>(Begin), End - Begin, MADV_HUGEPAGE); // a hint only
    std::free(Block);
    return true;
  }();
  (void)Prepared;
#endif
}

} // namespace faultline::solver

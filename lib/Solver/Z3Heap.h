//===- Z3Heap.h - Room for Z3's context -------------------------*- C++ -*-===//
//
// Z3 4.8's context zero-fills two 8 MiB hash tables when it is made. On a
// machine where a page fault is expensive (a VM: ~10 µs each), those 4,000
// faults of 4 KiB pages cost more than a small search: 50–70 ms of a
// `faultline ldfi` that otherwise takes a few. Backing the heap they land in
// with transparent huge pages makes it a few dozen faults.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SOLVER_Z3HEAP_H
#define FAULTLINE_SOLVER_Z3HEAP_H

namespace faultline::solver {

/// Once per process, before the first Z3 context: keeps large allocations
/// on the heap (not in mmap'd chunks of their own) and asks the kernel for
/// huge pages on the heap's next 48 MiB. Does nothing where that cannot
/// work (not glibc, a sanitizer's allocator, huge pages off).
void prepareHeapForZ3();

} // namespace faultline::solver

#endif // FAULTLINE_SOLVER_Z3HEAP_H

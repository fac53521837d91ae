//===- faultline/Eval/Memory.h - The memory budget ------------*- C++ -*-===//
//
// A search holds runs, lineage graphs and the solver's formula at once, and
// any of them can grow past what the machine has (a join that explodes, a
// lineage quadratic in EOT). The budget (EvalLimits::MaxMemory, --max-memory)
// is checked against the process's resident memory, which counts all of
// them, where tuples and lineage grow.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EVAL_MEMORY_H
#define FAULTLINE_EVAL_MEMORY_H

#include <cstdint>
#include <string>

namespace faultline::eval {

/// The process's resident memory in bytes (0 where it cannot be read).
uint64_t residentBytes();

/// The resident memory past which a budget of Budget bytes, started when
/// the process had Base bytes resident, is exceeded (0: no budget).
inline uint64_t memoryCeiling(uint64_t Base, uint64_t Budget) {
  return Budget ? Base + Budget : 0;
}

/// "1024 MB": a budget as --max-memory takes it.
std::string megabytes(uint64_t Bytes);

} // namespace faultline::eval

#endif // FAULTLINE_EVAL_MEMORY_H

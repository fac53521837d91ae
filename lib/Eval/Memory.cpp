//===- Memory.cpp - The process's resident memory -------------------------===//

#include "faultline/Eval/Memory.h"

#include <fstream>

#include <unistd.h>

namespace faultline::eval {

uint64_t residentBytes() {
  // statm's second field: resident pages. One small read, done every few
  // thousand derivations, not per tuple.
  std::ifstream Statm("/proc/self/statm");
  uint64_t Size = 0, Resident = 0;
  if (!(Statm >> Size >> Resident))
    return 0;
  long Page = sysconf(_SC_PAGESIZE);
  return Resident * static_cast<uint64_t>(Page > 0 ? Page : 4096);
}

std::string megabytes(uint64_t Bytes) { return std::to_string(Bytes >> 20) + " MB"; }

} // namespace faultline::eval

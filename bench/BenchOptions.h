//===- BenchOptions.h - Command-line numbers for the benchmarks -*- C++ -*-===//

#ifndef FAULTLINE_BENCH_BENCHOPTIONS_H
#define FAULTLINE_BENCH_BENCHOPTIONS_H

#include <cstdlib>

namespace faultline::bench {

/// Parses a whole decimal count in [Min, Max]; false on anything else.
inline bool parseCount(const char *Text, unsigned Min, unsigned Max, unsigned &Out) {
  char *End = nullptr;
  unsigned long long V = std::strtoull(Text, &End, 10);
  if (!*Text || *End || Text[0] == '-' || V < Min || V > Max)
    return false;
  Out = static_cast<unsigned>(V);
  return true;
}

} // namespace faultline::bench

#endif // FAULTLINE_BENCH_BENCHOPTIONS_H

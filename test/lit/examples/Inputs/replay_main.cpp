// The replay binary's main() for the mutants raft.test builds by hand, as
// cmake/replay_main.cpp.in writes it (without model fingerprints): a failed
// assert in the protocol is reported as the run's violation.
#include "faultline/sim/replay.h"

#include <cassert>

#if defined(__GLIBC__)
extern "C" void __assert_fail(const char *Assertion, const char *File, unsigned int Line,
                              const char *) noexcept {
  faultline::sim::assertFailed(Assertion, File, Line);
}
#endif

int main(int argc, char **argv) {
  return faultline::sim::replayMain(argc, argv, &faultline::sim::describeProtocol);
}

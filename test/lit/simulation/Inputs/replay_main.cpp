// The replay binary's main(), as cmake/replay_main.cpp.in writes it, for
// the tests that build a replay by hand from a generated set-up.
#include "faultline/sim/replay.h"

int main(int argc, char **argv) {
  return faultline::sim::replayMain(argc, argv, &faultline::sim::describeProtocol);
}

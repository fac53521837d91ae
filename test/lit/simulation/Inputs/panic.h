//===- panic.h - A receiver that panics on a gap -------------*- C++ -*-===//
//
// The protocol of the simulation test panic.test: a project's PANIC macro
// (a log line, then abort()) reached when an item is missing. faultline
// models abort() as an assert that fails where it is reached; the replay
// of its counterexample stops at the same call in the compiled code.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_PANIC_H
#define FAULTLINE_TEST_PANIC_H

#include "faultline/annotations.h"

#include <cstdio>
#include <cstdlib>

namespace panic {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

#define PANIC(what)                                                                                \
  do {                                                                                             \
    std::fprintf(stderr, "PANIC: %s\n", what);                                                     \
    std::abort();                                                                                  \
  } while (0)

struct FL_MESSAGE Item {
  int seq;
};

struct FL_MESSAGE Data {
  int seq;
};

struct FL_PROCESS Receiver {
  FL_STATE int next = 1;

  FL_RECEIVE void onData(const Data &m) {
    if (m.seq != next)
      PANIC("a gap in the items");
    next = m.seq + 1;
  }
};

struct FL_PROCESS Sender {
  FL_STATE NodeId peer = "b";

  FL_RECEIVE void onItem(const Item &m) { send(peer, Data{m.seq}); }
};

} // namespace panic

#endif // FAULTLINE_TEST_PANIC_H

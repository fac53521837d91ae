// A call of abort() in a handler, the end of a project's PANIC macro, is an
// assert that fails wherever it is reached: a run that reaches it is a
// counterexample, reported at the call. Losing the first item makes the
// receiver see a gap and panic.
// RUN: %expect-exit 1 %faultline check %s --scenario lossy -- %cxxflags | FileCheck %s
//
// Without losses no run reaches it: certified, one assert checked.
// RUN: %faultline check %s --scenario reliable -- %cxxflags | FileCheck %s --check-prefix=CERT
// CERT: scenario 'reliable': certified for EOT 5, EFF 0, 0 crashes ({{.*}}asserts checked: 1)

#include "Inputs/preamble.h"

#include <cstdio>
#include <cstdlib>

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
    // CHECK: {{.*}}abort-check.cpp:[[@LINE-1]]:7: warning: PANIC("a gap in the items") in Receiver::onData fails in scenario 'lossy' under: omit a->b@1 [faultline]
    next = m.seq + 1;
  }
};

struct FL_PROCESS Sender {
  FL_STATE NodeId peer = "b";

  FL_RECEIVE void onItem(const Item &m) { send(peer, Data{m.seq}); }
};

static void twoItems(faultline::Scenario &s) {
  s.node<Sender>("a");
  s.node<Receiver>("b");
  s.deliver<Item>("a", "client", Item{1}, 1);
  s.deliver<Item>("a", "client", Item{2}, 2);
}

FL_SCENARIO void lossy(faultline::Scenario &s) {
  s.bounds(5, 3, 0);
  twoItems(s);
}

FL_SCENARIO void reliable(faultline::Scenario &s) {
  s.bounds(5, 0, 0);
  twoItems(s);
}

// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Library code is not inlined: an unsupported call on a state set or on a
// plain container is reported at the call in the user's code (not inside
// the standard library's headers).

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_STATE std::set<int> seen;
  std::set<int> cache;

  FL_RECEIVE void onMsg(const Msg &m) { seen.swap(cache); }
  // ERR: {{.*}}err-library-call.cpp:[[@LINE-1]]:41: error: a call to 'std::set<int>::swap' in Node::onMsg is outside what faultline can model; call the send primitive, insert/erase on state sets, or helpers whose body is visible
  FL_PERIODIC void tick() { cache.insert(x); }
  // ERR: {{.*}}err-library-call.cpp:[[@LINE-1]]:29: error: 'insert' on 'cache', a member that is not marked in Node::tick is outside what faultline can model; mark it FL_STATE if it is node state
  FL_PERIODIC void probe() {
    if (seen.lower_bound(x) != seen.end())
      x = 1;
    // ERR: {{.*}}err-library-call.cpp:[[@LINE-2]]:9: error: 'lower_bound' on a state set in Node::probe is outside what faultline can model; use count, find, empty, size, insert, erase, clear, or a range-for loop
    // ERR-NOT: error:
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

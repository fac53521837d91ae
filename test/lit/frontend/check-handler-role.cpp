// RUN: %expect-exit 1 %faultline check %s -- %cxxflags | FileCheck %s
//
// Regression test for a fixed bug, where when two roles handle the same message type, the counterexample's
// "handles" note names the first handler registered for the message kind,
// whatever the role of the node: node b (a Beta) is said to handle 'ping'
// in Alpha::onPing, at Alpha's line. CheckCommand's handlerOf() looks the
// handler up by message kind only; it should also match the node's role
// (fl_role at that time), and list every handler of that role for the
// kind.

#include "faultline/annotations.h"

struct FL_MESSAGE Ping {
  int v;
};

struct FL_PROCESS Alpha {
  FL_STATE int got = 0;

  FL_RECEIVE void onPing(const Ping &m) { got = m.v; }
};

struct FL_PROCESS Beta {
  FL_STATE int got = 0;

  FL_RECEIVE void onPing(const Ping &m) { got = m.v + 1; }
};

FL_INVARIANT bool untouched(const Beta &b) { return b.got == 0; }
// CHECK:      {{.*}}check-handler-role.cpp:[[@LINE-1]]:19: warning: invariant 'untouched' is violated in scenario 'one' under: no faults [faultline]

FL_SCENARIO void one(faultline::Scenario &s) {
  s.bounds(3, 0, 0);
  s.node<Alpha>("a");
  s.node<Beta>("b");
  s.deliver<Ping>("b", "c", Ping{1}, 1);
}

// CHECK:      {{.*}}check-handler-role.cpp:[[@LINE-13]]:19: note: at time 1, node b handles 'ping' from c in Beta::onPing

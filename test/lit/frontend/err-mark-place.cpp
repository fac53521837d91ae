// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A mark on a declaration of the wrong kind is reported at the declaration.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_STATE Wrong {
  // ERR: {{.*}}err-mark-place.cpp:[[@LINE-1]]:17: error: FL_STATE does not belong on a class
  int v;
};

struct FL_PROCESS Node {
  FL_RECEIVE int notAHandler;
  // ERR: {{.*}}err-mark-place.cpp:[[@LINE-1]]:18: error: FL_RECEIVE does not belong on a data member
  FL_STATE int x = 0;

  FL_INVARIANT bool check() const { return x >= 0; }
  // ERR: {{.*}}err-mark-place.cpp:[[@LINE-1]]:21: error: FL_INVARIANT does not belong on a member function
  FL_SEND void post(const NodeId &to, const Msg &m) {}
  // ERR: {{.*}}err-mark-place.cpp:[[@LINE-1]]:16: error: FL_SEND does not belong on a member function
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

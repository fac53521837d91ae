// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Marks on declarations of the wrong kind must be reported, not ignored.
//
#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

FL_STATE int global = 0;
// ERR: {{.*}}err-mark-ignored.cpp:[[@LINE-1]]:14: error: FL_STATE does not belong on a variable

FL_RECEIVE void freeHandler(const Msg &m) {}
// ERR: {{.*}}err-mark-ignored.cpp:[[@LINE-1]]:17: error: FL_RECEIVE does not belong on a free function

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_STATE int value() const { return x; }
  // ERR: {{.*}}err-mark-ignored.cpp:[[@LINE-1]]:16: error: FL_STATE does not belong on a member function
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

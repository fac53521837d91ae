// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Marks on declarations of the wrong kind must be reported, not ignored.
//
#include "faultline/annotations.h"

#include <set>
#include <string>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Msg {
  int v;
};

FL_STATE int global = 0;

FL_RECEIVE void freeHandler(const Msg &m) {}

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_STATE int value() const { return x; }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// ERR: {{.*}}err-mark-ignored.cpp:17:14: error: FL_STATE does not belong on a variable
// ERR: {{.*}}err-mark-ignored.cpp:19:17: error: FL_RECEIVE does not belong on a free function
// ERR: {{.*}}err-mark-ignored.cpp:24:16: error: FL_STATE does not belong on a member function
// ERR-NOT: error:

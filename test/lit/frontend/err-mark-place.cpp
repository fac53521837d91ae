// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A mark on a declaration of the wrong kind is reported at the declaration.

#include "faultline/annotations.h"

#include <set>
#include <string>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Msg {
  int v;
};

struct FL_STATE Wrong {
  int v;
};

struct FL_PROCESS Node {
  FL_RECEIVE int notAHandler;
  FL_STATE int x = 0;

  FL_INVARIANT bool check() const { return x >= 0; }
  FL_SEND void post(const NodeId &to, const Msg &m) {}
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// ERR: {{.*}}err-mark-place.cpp:17:17: error: FL_STATE does not belong on a class
// ERR: {{.*}}err-mark-place.cpp:22:18: error: FL_RECEIVE does not belong on a data member
// ERR: {{.*}}err-mark-place.cpp:25:21: error: FL_INVARIANT does not belong on a member function
// ERR: {{.*}}err-mark-place.cpp:26:16: error: FL_SEND does not belong on a member function
// ERR-NOT: error:

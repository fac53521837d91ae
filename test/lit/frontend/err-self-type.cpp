// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s
//
// Nodes are named by strings: a FL_SELF member of another type (an integer
// server id) is an error at its declaration, not a model that silently
// compares numbers with names.

#include "Inputs/preamble.h"

#include <cstdint>

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_SELF uint64_t id;
  // CHECK: {{.*}}err-self-type.cpp:[[@LINE-1]]:20: error: FL_SELF must mark a faultline::NodeId (a std::string) member, not 'uint64_t'; faultline names nodes by strings: keep an integer id as a separate member
  FL_STATE int last = 0;

  FL_RECEIVE void onMsg(const Msg &m) { last = m.v; }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

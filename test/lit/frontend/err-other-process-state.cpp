// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Code may only update its own node's state: an invariant that assigns or
// inserts into a process parameter's state is rejected (the advice speaks of
// handlers), and a handler reaching another process through a pointer gets
// the general "this assignment" diagnostic.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_STATE std::set<int> seen;
  Node *peer = nullptr;

  FL_RECEIVE void onMsg(const Msg &m) { peer->x = m.v; }
  // ERR: {{.*}}err-other-process-state.cpp:[[@LINE-1]]:41: error: this assignment in Node::onMsg is outside what faultline can model; assign locals, scalar or struct state members of the node, or fields of those
};

FL_INVARIANT bool reset(Node &n) {
  n.x = 0;
  // ERR: {{.*}}err-other-process-state.cpp:[[@LINE-1]]:3: error: assigning another process's state is outside what faultline can model; a handler updates its own node's state and sends messages to others
  return true;
}

FL_INVARIANT bool mark(Node &n) {
  n.seen.insert(1);
  // ERR: {{.*}}err-other-process-state.cpp:[[@LINE-1]]:3: error: updating another process's state is outside what faultline can model; a handler updates its own node's state and sends messages to others
  // ERR-NOT: error:
  return n.x >= 0;
}

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

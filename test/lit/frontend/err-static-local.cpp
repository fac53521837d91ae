// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A static or thread_local local keeps its value from one call to the next;
// the model's locals start afresh at every step, so the counter below would
// read 1 every time. Such locals are rejected (their uses are not reported
// again); a constant one is the same either way and is accepted.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_MESSAGE Other {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_RECEIVE void onMsg(const Msg &m) {
    static int calls = 0;
    // ERR: {{.*}}err-static-local.cpp:[[@LINE-1]]:16: error: a static local 'calls' in Node::onMsg is outside what faultline can model; a value kept from call to call is node state: make it a FL_STATE member
    // ERR-NOT: error:
    ++calls;
    x = calls + m.v;
  }

  FL_RECEIVE void onOther(const Other &m) { bump(m.v); }

  void bump(int v) {
    static constexpr int Step = 2;
    thread_local int last = 0;
    // ERR: {{.*}}err-static-local.cpp:[[@LINE-1]]:22: error: a thread_local local 'last' in Node::onOther is outside what faultline can model
    // ERR-NOT: error:
    last = v;
    x = x + Step;
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// ERR-NOT: error:

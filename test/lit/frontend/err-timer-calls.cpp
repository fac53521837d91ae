// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A handler arms and cancels its own node's FL_TIMER members, with a delay
// of 1 to 10000 steps when it is a constant; the scenario arms a timer of
// the node's own role with a constant delay.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_TIMER faultline::Timer retry;
  faultline::Timer unmarked;

  FL_RECEIVE void onMsg(const Msg &m) {
    retry.arm(0);
    // ERR: {{.*}}err-timer-calls.cpp:[[@LINE-1]]:15: error: arming 'retry' with a delay of 0 steps in Node::onMsg is outside what faultline can model; a timer is due 1 to 10000 steps after it is armed
  }
  FL_ON_TIMER(retry) void onRetry() {
    unmarked.arm(2);
    // ERR: {{.*}}err-timer-calls.cpp:[[@LINE-1]]:5: error: 'arm' on 'unmarked', a faultline::Timer that is not marked in Node::onRetry is outside what faultline can model; mark it FL_TIMER and give it a FL_ON_TIMER handler
  }
};

struct FL_PROCESS Other {
  FL_STATE int y = 0;
};

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Node>("a");
  s.node<Other>("b");
  s.arm("a", &Node::retry, 20000);
  // ERR: {{.*}}err-timer-calls.cpp:[[@LINE-1]]:28: error: a timer is due 1 to 10000 steps after it is armed, not 20000
  s.arm("b", &Node::retry, 1);
  // ERR: {{.*}}err-timer-calls.cpp:[[@LINE-1]]:3: error: 'b' is a node of role Other, which has no timer 'retry'
  // ERR-NOT: error:
}

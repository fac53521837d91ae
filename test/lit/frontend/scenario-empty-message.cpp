// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// A message without fields is written as an empty brace: `Tick{}`, in a
// handler's send and in a scenario's delivery alike.

#include "Inputs/preamble.h"

struct FL_MESSAGE Tick {};
struct FL_MESSAGE Tock {};

struct FL_PROCESS Clock {
  FL_STATE int ticks = 0;

  FL_RECEIVE void onTick(const Tick &, const NodeId &from) {
    ticks = ticks + 1;
    send(from, Tock{});
    // CHECK: tock(From, Node)@async :- fl_current(Node, _, "tick", From), fl_role(Node, "Clock"), clock_ticks(Node, {{.*}});
  }
};

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Clock>("a");
  s.deliver<Tick>("a", "client", Tick{}, 1);
  // CHECK: tick("a", "client")@1;
}

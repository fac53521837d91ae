// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %faultline check %s -- %cxxflags | FileCheck %s --check-prefix=RIGHT
// RUN: %expect-exit 1 %faultline check %s -- %cxxflags -DQUORUM=1 | FileCheck %s --check-prefix=BUG
//
// A quorum count reads the set it has just inserted into, as C++ does:
// `acks.insert(from); if (acks.size() >= Quorum)` counts this ack. The
// size is the size at the start of the step, plus one where the sender was
// not in the set yet. With a quorum of 2 of 3 replicas, a commit means two
// replicas hold the value (certified); with a quorum of 1 a single holder
// is enough and losing two writes breaks the property. (Were the size
// read from the start of the step, quorum 1 would wait for two acks and be
// certified: a wrong verdict.)

#include "faultline/annotations.h"

#include <set>

#ifndef QUORUM
#define QUORUM 2
#endif

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Start {
  int v;
};
struct FL_MESSAGE Write {
  int v;
};
struct FL_MESSAGE Ack {
  int v;
};

struct FL_PROCESS Coordinator {
  static constexpr int Quorum = QUORUM;
  FL_STATE std::set<NodeId> replicas;
  FL_STATE std::set<NodeId> acks;
  FL_STATE bool committed = false;

  FL_RECEIVE void onStart(const Start &m) {
    for (const NodeId &r : replicas)
      send(r, Write{m.v});
  }
  FL_RECEIVE void onAck(const Ack &m, const NodeId &from) {
    acks.insert(from);
    if (acks.size() >= Quorum)
      committed = true;
  }
};

struct FL_PROCESS Replica {
  FL_SELF NodeId self;
  FL_STATE int stored = 0;

  FL_RECEIVE void onWrite(const Write &m, const NodeId &from) {
    stored = m.v;
    send(from, Ack{m.v});
  }
};

// A commit leaves at most one replica without the value.
FL_INVARIANT bool durable(const Coordinator &c, const Replica &a, const Replica &b) {
  if (c.committed && a.self != b.self && a.stored == 0 && b.stored == 0)
    return false;
  return true;
}

FL_SCENARIO void three(faultline::Scenario &s) {
  s.bounds(7, 3, 0);
  s.node<Coordinator>("c");
  s.node<Replica>("r1");
  s.node<Replica>("r2");
  s.node<Replica>("r3");
  s.add("c", &Coordinator::replicas, "r1");
  s.add("c", &Coordinator::replicas, "r2");
  s.add("c", &Coordinator::replicas, "r3");
  s.deliver<Start>("c", "client", Start{5}, 1);
}

// The insert, then the size after it: the start's size where `from` was
// already in the set, one more where it was not, and 1 where the set was
// empty (the constant comparison 1 >= 2 drops that path).
// CHECK: coordinator_acks(Node, From)@next :- fl_current(Node, _, "ack", From, {{V_[0-9]+}}), fl_role(Node, "Coordinator");
// CHECK: coordinator_committed(Node, 1)@next :- fl_current(Node, _, "ack", From, {{V_[0-9]+}}), fl_role(Node, "Coordinator"), fl_coordinator_acks_size(Node, [[S:AcksSize_[0-9]+]]), coordinator_acks(Node, From), [[S]] >= 2;
// CHECK: coordinator_committed(Node, 1)@next :- fl_current(Node, _, "ack", From, {{V_[0-9]+}}), fl_role(Node, "Coordinator"), fl_coordinator_acks_size(Node, [[S2:AcksSize_[0-9]+]]), notin coordinator_acks(Node, From), [[S2]] + 1 >= 2;
// CHECK-NOT: coordinator_committed(Node, 1)@next :- {{.*}}notin coordinator_acks(Node, _)

// RIGHT: scenario 'three': certified for EOT 7, EFF 3, 0 crashes
// BUG: warning: invariant 'durable' is violated in scenario 'three' under: omit c->{{r[0-9]}}@1, omit c->{{r[0-9]}}@1 [faultline]

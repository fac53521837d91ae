// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Assigning a field of a struct local or member keeps the other fields:
// later statements see the whole value with the field replaced.

#include "faultline/annotations.h"
#include <map>
#include <string>
using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);
struct Op { int term; int seq; std::string value; };
struct FL_MESSAGE Resync { Op op; int term; };
struct FL_PROCESS Replica {
  FL_STATE Op last;
  FL_STATE std::map<int, Op> history;
  FL_RECEIVE void onResync(const Resync &m) {
    Op op = m.op;
    op.term = m.term;
    history[op.seq] = op;
    last.value = m.op.value;
    last.seq += 1;
  }
};
FL_SCENARIO void one(faultline::Scenario &s) { s.node<Replica>("a"); s.deliver<Resync>("a", "m", Resync{Op{1, 2, "x"}, 3}, 1); }

// CHECK: replica_history(Node, [[S:Seq_[0-9]+]], [[NT:Term_[0-9]+]], [[S]], [[V:Value_[0-9]+]])@next :- fl_current(Node, _, "resync", From, {{Term_[0-9]+}}, [[S]], [[V]], [[NT]]), fl_role(Node, "Replica");
// CHECK: replica_last(Node, [[LT:Term_[0-9]+]], [[LS:Seq_[0-9]+]] + 1, [[V]])@next :- fl_current(Node, _, "resync", {{.*}}), fl_role(Node, "Replica"), replica_last(Node, [[LT]], [[LS]], {{Value_[0-9]+}});

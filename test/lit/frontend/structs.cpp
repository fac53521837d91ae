// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %expect-exit 1 %faultline check %s -- %cxxflags | FileCheck %s --check-prefix=CHECKED
//
// Plain structs are values: a struct member, a set of structs, a map to
// structs and a message field of struct type take one column per scalar
// field (nested structs flattened in order). Braces build them (left-out
// fields take their defaults), locals hold them, member helpers read their
// fields, and the project's operator== is inlined.

#include "Inputs/preamble.h"

#include <map>

struct Stamp {
  int term = 1;
  int seq;
};

struct Op {
  Stamp at;
  std::string value;
  bool noop = false;

  bool isNoop() const { return noop || value.empty(); }
  bool operator==(const Op &o) const { return at.seq == o.at.seq && value == o.value; }
  bool operator<(const Op &o) const { return at.seq < o.at.seq; }
};

struct FL_MESSAGE Replicate {
  Op op;
};

struct FL_PROCESS Replica {
  FL_STATE std::set<NodeId> peers;
  FL_STATE Op last;
  FL_STATE std::set<Op> seen;
  FL_STATE std::map<int, Op> history;

  FL_RECEIVE void onReplicate(const Replicate &m) {
    const Op &op = m.op;
    if (op.isNoop() || op == last)
      return;
    last = op;
    seen.insert(Op{op.at, op.value});
    history[op.at.seq] = op;
    for (const NodeId &p : peers)
      send(p, Replicate{Op{Stamp{op.at.term, op.at.seq}, op.value}});
  }
};

FL_INVARIANT bool agreement(const Replica &a, const Replica &b) {
  for (const auto &[seq, op] : a.history)
    if (b.history.count(seq) == 0 || b.history.at(seq).value != op.value)
      return false;
  return true;
}

FL_SCENARIO void two(faultline::Scenario &s) {
  s.bounds(4, 2, 0);
  s.node<Replica>("a");
  s.node<Replica>("b");
  s.add("a", &Replica::peers, "b");
  s.init("b", &Replica::last, Op{Stamp{0, 0}, "none"});
  s.put("b", &Replica::history, 0, Op{{1, 0}, "init"});
  s.put("a", &Replica::history, 0, Op{{1, 0}, "init"});
  s.add("a", &Replica::seen, Op{{1, 0}, "init"});
  s.deliver<Replicate>("a", "client", Replicate{Op{{1, 1}, "x"}}, 1);
}

// A struct member is one column per scalar field; so is a set's element and
// a map's value (after its key).
// CHECK: replica_last(N, V1, V2, V3, V4)@next :- replica_last(N, V1, V2, V3, V4), notin fl_replica_last_set(N);
// CHECK: replica_seen(N, E1, E2, E3, E4)@next :- replica_seen(N, E1, E2, E3, E4), notin fl_replica_seen_del(N, E1, E2, E3, E4);
// CHECK: replica_history(N, K, V1, V2, V3, V4)@next :- replica_history(N, K, V1, V2, V3, V4), notin fl_replica_history_del(N, K);
// The message's struct field is flattened into the trigger; isNoop() reads
// the local's fields; op == last inlines the project's operator==; a
// left-out field (noop) takes its default.
// CHECK: replica_seen(Node, [[T:Term_[0-9]+]], [[S:Seq_[0-9]+]], [[V:Value_[0-9]+]], 0)@next :- fl_current(Node, _, "replicate", From, [[T]], [[S]], [[V]], [[N:Noop_[0-9]+]]), fl_role(Node, "Replica"), [[N]] == 0, [[V]] != "", replica_last(Node, {{Term_[0-9]+}}, [[LS:Seq_[0-9]+]], {{Value_[0-9]+}}, {{Noop_[0-9]+}}), [[S]] != [[LS]];
// CHECK: replica_history(Node, [[S]], [[T]], [[S]], [[V]], [[N]])@next :- {{.*}}, [[S]] != [[LS]];
// CHECK: fl_replica_history_del(Node, [[S]]) :- {{.*}}, [[S]] != [[LS]];
// CHECK: replicate({{P_[0-9]+}}, Node, [[T]], [[S]], [[V]], 0)@async :- {{.*}}, [[S]] != [[LS]], replica_peers(Node, {{P_[0-9]+}});
// CHECK: replica_last(Node, [[T]], [[S]], [[V]], [[N]])@next :- {{.*}}, [[S]] != [[LS]];
// The inbox is as wide as the widest message's columns.
// CHECK: fl_inbox(N, T, "replicate", F, A1, A2, A3, A4) :- replicate(N, F, A1, A2, A3, A4), fl_now(N, T);
// A loop over a map of structs binds the value's columns; at(k).value reads one.
// CHECK: post("agreement", 1, [[A:A_[0-9]+]], [[B:B_[0-9]+]], [[K:Seq_[0-9]+]]) :- {{.*}}, replica_history([[A]], [[K]], {{Term_[0-9]+}}, {{Seq_[0-9]+}}, [[OV:Value_[0-9]+]], {{Noop_[0-9]+}}), replica_history([[B]], [[K]], _, _, _, _), replica_history([[B]], [[K]], {{Term_[0-9]+}}, {{Seq_[0-9]+}}, [[BV:Value_[0-9]+]], {{Noop_[0-9]+}}), [[BV]] == [[OV]];
// Scenario constants are flattened too; members left out take their defaults.
// CHECK-DAG: replicate("a", "client", 1, 1, "x", 0)@1;
// CHECK-DAG: replica_last("a", 1, 0, "", 0)@1;
// CHECK-DAG: replica_last("b", 0, 0, "none", 0)@1;
// CHECK-DAG: replica_history("b", 0, 1, 0, "init", 0)@1;
// CHECK-DAG: replica_seen("a", 1, 0, "init", 0)@1;

// CHECKED: warning: invariant 'agreement' is violated in scenario 'two' under: omit a->b@1 [faultline]
// CHECKED: note: at time 1, the 'replicate' message a -> b sent here is lost
// CHECKED: scenario 'two': counterexample

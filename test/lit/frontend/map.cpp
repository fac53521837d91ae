// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %expect-exit 1 %faultline check %s -- %cxxflags | FileCheck %s --check-prefix=CHECKED
//
// A std::map state member is rel(Node, Key, Value): m[k] = v assigns the key
// (its old value stops persisting), erase(k) removes it, count(k) tests the
// key, at(k) joins for its value, and a loop over [key, value] joins on the
// entries. Scenarios fill maps with s.put.

#include "Inputs/preamble.h"

#include <map>

struct FL_MESSAGE Write {
  int seq;
  std::string value;
};
struct FL_MESSAGE Trim {
  int seq;
};

struct FL_PROCESS Replica {
  FL_STATE std::set<NodeId> peers;
  FL_STATE std::map<int, std::string> log;

  FL_RECEIVE void onWrite(const Write &w) {
    if (log.count(w.seq) && log.at(w.seq) == w.value)
      return;
    log[w.seq] = w.value;
    // CHECK: replica_log(N, K, V)@next :- replica_log(N, K, V), notin fl_replica_log_del(N, K);
    // The write is new (count == 0), or present with another value (count, then at).
    // CHECK: replica_log(Node, [[S:Seq_[0-9]+]], [[V:Value_[0-9]+]])@next :- fl_current(Node, _, "write", From, [[S]], [[V]]), fl_role(Node, "Replica"), notin replica_log(Node, [[S]], _);
    // CHECK-NEXT: // {{.*}}map.cpp:[[@LINE-4]]:5 origin: Replica::onWrite: log[w.seq] = w.value;
    // CHECK-NEXT: fl_replica_log_del(Node, [[S]]) :- fl_current(Node, _, "write", From, [[S]], [[V]]), fl_role(Node, "Replica"), notin replica_log(Node, [[S]], _);
    for (const NodeId &p : peers)
      send(p, Write{w.seq, w.value});
  }
  FL_RECEIVE void onTrim(const Trim &t) {
    for (const auto &[seq, value] : log)
      if (seq > t.seq)
        send(t.seq > 0 ? NodeId("x") : NodeId("y"), Trim{seq});
    log.erase(t.seq);
  }
};

FL_INVARIANT bool agreement(const Replica &a, const Replica &b) {
  for (const auto &[seq, value] : a.log)
    if (b.log.count(seq) == 0 || b.log.at(seq) != value)
      return false;
  return true;
}

FL_SCENARIO void two(faultline::Scenario &s) {
  s.bounds(5, 2, 0);
  s.node<Replica>("a");
  s.node<Replica>("b");
  s.add("a", &Replica::peers, "b");
  s.put("b", &Replica::log, 0, "init");
  s.put("a", &Replica::log, 0, "init");
  s.deliver<Write>("a", "client", Write{1, "x"}, 1);
}

// CHECK: replica_log(Node, [[S]], [[V]])@next :- fl_current(Node, _, "write", From, [[S]], [[V]]), fl_role(Node, "Replica"), replica_log(Node, [[S]], _), replica_log(Node, [[S]], [[A:LogAt_[0-9]+]]), [[A]] != [[V]];
// A loop over [key, value] is a join on the entries.
// CHECK: trim("x", Node, [[K:Seq_[0-9]+]])@async :- fl_current(Node, _, "trim", From, [[T:Seq_[0-9]+]], _), fl_role(Node, "Replica"), replica_log(Node, [[K]], {{Value_[0-9]+}}), [[K]] > [[T]], [[T]] > 0;
// CHECK: fl_replica_log_del(Node, [[T2:Seq_[0-9]+]]) :- fl_current(Node, _, "trim", From, [[T2]], _), fl_role(Node, "Replica");
// CHECK: post("agreement", 1, [[PA:A_[0-9]+]], [[PB:B_[0-9]+]], [[PS:Seq_[0-9]+]]) :- {{.*}}, replica_log([[PA]], [[PS]], [[PV:Value_[0-9]+]]), replica_log([[PB]], [[PS]], _), replica_log([[PB]], [[PS]], [[PX:LogAt_[0-9]+]]), [[PX]] == [[PV]];
// CHECK: replica_log("b", 0, "init")@1;
// CHECKED: warning: invariant 'agreement' is violated in scenario 'two' under: omit a->b@1 [faultline]

// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Invariants lower to `pre` (every combination of live nodes of the
// parameters' roles: fl_role and `notin crash(A, A, _)`) and `post` (the
// same where the property holds). `return <expr>;` gives one post rule per
// path on which expr is true; `if (cond) return false;` the paths where
// cond is false. A loop adds its join and its variable as a column. The
// columns are padded with 0 to the widest invariant. A scenario has the
// invariants whose roles all have nodes in it.

#include "faultline/annotations.h"

#include <set>

enum class Mode { Off, On };

struct FL_PROCESS Replica {
  FL_STATE int applied = 0;
  FL_STATE Mode mode = Mode::Off;
  FL_STATE std::set<int> log;
};
struct FL_PROCESS Client {
  FL_STATE int acked = 0;
};

FL_INVARIANT bool sane(const Replica &r) { return r.applied >= 0 || r.mode == Mode::Off; }
// CHECK:      // {{.*}}invariants.cpp:[[@LINE-1]]:44 origin: invariant sane: return r.applied >= 0 || r.mode == Mode::Off;
// CHECK-NEXT: pre("sane", 1, [[R:R_[0-9]+]], 0, 0) :- fl_role([[R]], "Replica"), notin crash([[R]], [[R]], _);
// CHECK-NEXT: // {{.*}}invariants.cpp:[[@LINE-3]]:44 origin: invariant sane:
// CHECK-NEXT: post("sane", 1, [[R]], 0, 0) :- fl_role([[R]], "Replica"), notin crash([[R]], [[R]], _), replica_applied([[R]], [[A:Applied_[0-9]+]]), [[A]] >= 0;
// CHECK-NEXT: // {{.*}}invariants.cpp:[[@LINE-5]]:44 origin: invariant sane:
// CHECK-NEXT: post("sane", 1, [[R]], 0, 0) :- fl_role([[R]], "Replica"), notin crash([[R]], [[R]], _), replica_applied([[R]], [[A2:Applied_[0-9]+]]), [[A2]] < 0, replica_mode([[R]], [[M:Mode_[0-9]+]]), [[M]] == 0;

FL_INVARIANT bool caughtUp(const Client &c, const Replica &r) {
  if (r.applied < c.acked)
    return false;
  // CHECK-NEXT: // {{.*}}invariants.cpp:[[@LINE-2]]:3 origin: invariant caughtUp: if (r.applied < c.acked)
  // CHECK-NEXT: pre("caughtUp", 1, [[C:C_[0-9]+]], [[R:R_[0-9]+]], 0) :- fl_role([[C]], "Client"), fl_role([[R]], "Replica"), notin crash([[C]], [[C]], _), notin crash([[R]], [[R]], _);
  // CHECK-NEXT: // {{.*}}invariants.cpp:[[@LINE-4]]:3 origin: invariant caughtUp:
  // CHECK-NEXT: post("caughtUp", 1, [[C]], [[R]], 0) :- fl_role([[C]], "Client"), fl_role([[R]], "Replica"), notin crash([[C]], [[C]], _), notin crash([[R]], [[R]], _), replica_applied([[R]], [[A:Applied_[0-9]+]]), client_acked([[C]], [[K:Acked_[0-9]+]]), [[A]] >= [[K]];
  return true;
}

FL_INVARIANT bool agreement(const Replica &a, const Replica &b) {
  for (int e : a.log)
    if (b.log.count(e) == 0)
      return false;
    // CHECK-NEXT: // {{.*}}invariants.cpp:[[@LINE-2]]:5 origin: invariant agreement: if (b.log.count(e) == 0)
    // CHECK-NEXT: pre("agreement", 1, [[A:A_[0-9]+]], [[B:B_[0-9]+]], [[E:E_[0-9]+]]) :- fl_role([[A]], "Replica"), fl_role([[B]], "Replica"), notin crash([[A]], [[A]], _), notin crash([[B]], [[B]], _), replica_log([[A]], [[E]]);
    // CHECK-NEXT: // {{.*}}invariants.cpp:[[@LINE-4]]:5 origin: invariant agreement:
    // CHECK-NEXT: post("agreement", 1, [[A]], [[B]], [[E]]) :- fl_role([[A]], "Replica"), fl_role([[B]], "Replica"), notin crash([[A]], [[A]], _), notin crash([[B]], [[B]], _), replica_log([[A]], [[E]]), replica_log([[B]], [[E]]);
  return true;
}

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Replica>("r"); s.node<Client>("c"); }
// CHECK-NEXT: // {{.*}}invariants.cpp:[[@LINE-1]]:18
// CHECK-NEXT: fl_role("r", "Replica")@1;

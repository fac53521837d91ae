// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// An early return ends its path: what follows the `if (...) return;` holds
// only on the path where the condition is false.

#include "faultline/annotations.h"

#include <set>
#include <string>

struct FL_MESSAGE Write {
  std::string value;
};

struct FL_PROCESS Replica {
  FL_STATE bool frozen = false;
  FL_STATE std::set<std::string> log;

  FL_RECEIVE void onWrite(const Write &m) {
    if (frozen)
      return;
    log.insert(m.value);
    // A bool read as a condition is compared with 0; the insert is on the
    // path where it is 0 (false), and no rule fires where it is not.
    // CHECK:      // {{.*}}early-return.cpp:[[@LINE-3]]:5 origin: Replica::onWrite: log.insert(m.value);
    // CHECK-NEXT: replica_log(Node, [[V:Value_[0-9]+]])@next :- fl_current(Node, _, "write", From, [[V]]), fl_role(Node, "Replica"), replica_frozen(Node, [[F:Frozen_[0-9]+]]), [[F]] == 0;
    // CHECK-NEXT: // <no location> origin: each node's clock
    // CHECK-NOT:  "write"{{.*}}!= 0
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Replica>("r"); }

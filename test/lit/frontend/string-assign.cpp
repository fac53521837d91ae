// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// A std::string state member is a scalar: assigning it (a call of
// basic_string::operator=) lowers like any scalar assignment, from a
// message field or a string literal.

#include "faultline/annotations.h"

#include <string>

struct FL_MESSAGE Write {
  std::string payload;
};

struct FL_PROCESS Replica {
  FL_STATE std::string payload;
  FL_STATE std::string status = "new";

  FL_RECEIVE void onWrite(const Write &m) {
    payload = m.payload;
    // CHECK:      // {{.*}}string-assign.cpp:[[@LINE-1]]:5 origin: Replica::onWrite: payload = m.payload;
    // CHECK-NEXT: replica_payload(Node, [[P:Payload_[0-9]+]])@next :- fl_current(Node, _, "write", From, [[P]]), fl_role(Node, "Replica");
    // CHECK-NEXT: // {{.*}}string-assign.cpp:[[@LINE-3]]:5 origin: Replica::onWrite: payload = m.payload;
    // CHECK-NEXT: fl_replica_payload_set(Node) :- fl_current(Node, _, "write", From, [[P]]), fl_role(Node, "Replica");
    status = "written";
    // CHECK-NEXT: // {{.*}}string-assign.cpp:[[@LINE-1]]:5 origin: Replica::onWrite: status = "written";
    // CHECK-NEXT: replica_status(Node, "written")@next :- fl_current(Node, _, "write", From, [[P]]), fl_role(Node, "Replica");
    // CHECK-NEXT: // {{.*}}string-assign.cpp:[[@LINE-3]]:5 origin: Replica::onWrite: status = "written";
    // CHECK-NEXT: fl_replica_status_set(Node) :- fl_current(Node, _, "write", From, [[P]]), fl_role(Node, "Replica");
    // CHECK:      // {{.*}}string-assign.cpp:[[@LINE-14]]:24
    // CHECK-NEXT: replica_payload("r", "")@1;
    // CHECK-NEXT: // {{.*}}string-assign.cpp:[[@LINE-15]]:24
    // CHECK-NEXT: replica_status("r", "new")@1;
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Replica>("r"); }

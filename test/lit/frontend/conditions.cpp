// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// &&, || and ! in conditions: `a && b` holds on one path with both
// comparisons; `a || b` on two paths (a; or not a and b); `!` negates the
// comparison it wraps, and a plain value is tested against 0.

#include "faultline/annotations.h"

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

// One message type per handler: a role handles each message in one place.
struct FL_MESSAGE ReqAnd {
  int a;
  int b;
  bool flag;
};
struct FL_MESSAGE ReqOr {
  int a;
  int b;
  bool flag;
};
struct FL_MESSAGE ReqNot {
  int a;
  int b;
  bool flag;
};
struct FL_MESSAGE Ok {
  int which;
};

struct FL_PROCESS Server {
  FL_RECEIVE void onAnd(const ReqAnd &m, const NodeId &from) {
    if (m.a > 0 && m.b > 0)
      send(from, Ok{1});
      // CHECK:      // {{.*}}conditions.cpp:[[@LINE-1]]:7 origin: Server::onAnd: send(from, Ok{1});
      // CHECK-NEXT: ok(From, Node, 1)@async :- fl_current(Node, _, "req_and", From, [[A:A_[0-9]+]], [[B:B_[0-9]+]], [[F:Flag_[0-9]+]]), fl_role(Node, "Server"), [[A]] > 0, [[B]] > 0;
  }
  FL_RECEIVE void onOr(const ReqOr &m, const NodeId &from) {
    if (m.a > 0 || m.b > 0)
      send(from, Ok{2});
      // CHECK-NEXT: // {{.*}}conditions.cpp:[[@LINE-1]]:7 origin: Server::onOr: send(from, Ok{2});
      // CHECK-NEXT: ok(From, Node, 2)@async :- fl_current(Node, _, "req_or", From, [[A:A_[0-9]+]], [[B:B_[0-9]+]], [[F:Flag_[0-9]+]]), fl_role(Node, "Server"), [[A]] > 0;
      // CHECK-NEXT: // {{.*}}conditions.cpp:[[@LINE-3]]:7 origin: Server::onOr: send(from, Ok{2});
      // CHECK-NEXT: ok(From, Node, 2)@async :- fl_current(Node, _, "req_or", From, [[A]], [[B]], [[F]]), fl_role(Node, "Server"), [[A]] <= 0, [[B]] > 0;
  }
  FL_RECEIVE void onNot(const ReqNot &m, const NodeId &from) {
    if (!(m.a > 0) && !m.flag)
      send(from, Ok{3});
      // CHECK-NEXT: // {{.*}}conditions.cpp:[[@LINE-1]]:7 origin: Server::onNot: send(from, Ok{3});
      // CHECK-NEXT: ok(From, Node, 3)@async :- fl_current(Node, _, "req_not", From, [[A:A_[0-9]+]], [[B:B_[0-9]+]], [[F:Flag_[0-9]+]]), fl_role(Node, "Server"), [[A]] <= 0, [[F]] == 0;
      // CHECK-NEXT: // <no location> origin: each node's clock
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Server>("s"); }

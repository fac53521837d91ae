// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// The paths on which `a && b` or `a || b` is false:
//   !(a && b): [!a] and [a, !b];  !(a || b): [!a, !b].

#include "faultline/annotations.h"

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE ReqAnd {
  int a;
  int b;
};
struct FL_MESSAGE ReqOr {
  int a;
  int b;
};
struct FL_MESSAGE Ok {
  int which;
};

struct FL_PROCESS Server {
  FL_RECEIVE void onAnd(const ReqAnd &m, const NodeId &from) {
    if (m.a > 0 && m.b > 0)
      return;
    send(from, Ok{1});
    // Not (a && b): a is false, or a is true and b false.
    // CHECK:      // {{.*}}conditions-negated.cpp:[[@LINE-2]]:5 origin: Server::onAnd: send(from, Ok{1});
    // CHECK-NEXT: ok(From, Node, 1)@async :- fl_current(Node, _, "req_and", From, [[A:A_[0-9]+]], [[B:B_[0-9]+]]), fl_role(Node, "Server"), [[A]] <= 0;
    // CHECK-NEXT: // {{.*}}conditions-negated.cpp:[[@LINE-4]]:5 origin: Server::onAnd: send(from, Ok{1});
    // CHECK-NEXT: ok(From, Node, 1)@async :- fl_current(Node, _, "req_and", From, [[A]], [[B]]), fl_role(Node, "Server"), [[A]] > 0, [[B]] <= 0;
  }
  FL_RECEIVE void onOr(const ReqOr &m, const NodeId &from) {
    if (m.a > 0 || m.b > 0)
      return;
    send(from, Ok{2});
    // Not (a || b): both are false, on one path.
    // CHECK-NEXT: // {{.*}}conditions-negated.cpp:[[@LINE-2]]:5 origin: Server::onOr: send(from, Ok{2});
    // CHECK-NEXT: ok(From, Node, 2)@async :- fl_current(Node, _, "req_or", From, [[A:A_[0-9]+]], [[B:B_[0-9]+]]), fl_role(Node, "Server"), [[A]] <= 0, [[B]] <= 0;
    // CHECK-NEXT: // <no location> origin: each node's clock
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Server>("s"); }

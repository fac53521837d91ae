// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Regression test for a fixed bug, where a string literal where a std::string is built (a message field in
// send(..., Reply{"ok"}), a local `std::string s = "x";`) is rejected with
// "this expression (CXXConstructExpr) ... is outside what faultline can
// model". strip() only unwraps a CXXConstructExpr with exactly one
// argument, and basic_string(const char *, const Allocator & = {}) has
// two (the second a default argument).

#include "faultline/annotations.h"

#include <string>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Ping {
  int seq;
};
struct FL_MESSAGE Reply {
  std::string status;
};

struct FL_PROCESS Server {
  FL_RECEIVE void onPing(const Ping &m, const NodeId &from) {
    send(from, Reply{"ok"});
    // CHECK:      // {{.*}}string-literal.cpp:[[@LINE-1]]:5 origin: Server::onPing: send(from, Reply{"ok"});
    // CHECK-NEXT: reply(From, Node, "ok")@async :- fl_current(Node, _, "ping", From, [[S:Seq_[0-9]+]]), fl_role(Node, "Server");
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Server>("s"); }

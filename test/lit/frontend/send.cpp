// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// A call to the FL_SEND primitive is an @async rule: the head is the
// message relation with the destination first, the sender (the handling
// node) second, then the fields in order. The destination may be the
// sender of the message being handled, a state scalar or a message field;
// the fields any expression.

#include "faultline/annotations.h"

#include <string>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Request {
  NodeId replyTo;
  int seq;
  std::string body;
};
struct FL_MESSAGE Reply {
  int seq;
  bool ok;
  std::string body;
};

struct FL_PROCESS Server {
  FL_SELF NodeId self;
  FL_STATE NodeId leader = "l";
  FL_STATE int served = 0;

  FL_RECEIVE void onRequest(const Request &m, const NodeId &from) {
    send(from, Reply{m.seq, true, m.body});
    // To the sender: From, bound by the fl_current atom.
    // CHECK:      // {{.*}}send.cpp:[[@LINE-2]]:5 origin: Server::onRequest: send(from, Reply{m.seq, true, m.body});
    // CHECK-NEXT: reply(From, Node, [[S:Seq_[0-9]+]], 1, [[B:Body_[0-9]+]])@async :- fl_current(Node, _, "request", From, [[R:ReplyTo_[0-9]+]], [[S]], [[B]]), fl_role(Node, "Server");
    send(leader, Reply{m.seq + 1, false, self});
    // To a state scalar, read at this step; FL_SELF is the node itself.
    // CHECK-NEXT: // {{.*}}send.cpp:[[@LINE-2]]:5 origin: Server::onRequest: send(leader, Reply{m.seq + 1, false, self});
    // CHECK-NEXT: reply([[L:Leader_[0-9]+]], Node, [[S]] + 1, 0, Node)@async :- fl_current(Node, _, "request", From, [[R]], [[S]], [[B]]), fl_role(Node, "Server"), server_leader(Node, [[L]]);
    send(m.replyTo, Reply{served, m.seq > 3, m.body});
    // To a message field; a bool field from a comparison is 1 or 0, one rule each.
    // CHECK-NEXT: // {{.*}}send.cpp:[[@LINE-2]]:5 origin: Server::onRequest: send(m.replyTo, Reply{served, m.seq > 3, m.body});
    // CHECK-NEXT: reply([[R]], Node, [[SV:Served_[0-9]+]], 1, [[B]])@async :- fl_current(Node, _, "request", From, [[R]], [[S]], [[B]]), fl_role(Node, "Server"), server_leader(Node, [[L]]), server_served(Node, [[SV]]), [[S]] > 3;
    // CHECK-NEXT: // {{.*}}send.cpp:[[@LINE-4]]:5 origin: Server::onRequest: send(m.replyTo, Reply{served, m.seq > 3, m.body});
    // CHECK-NEXT: reply([[R]], Node, [[SV]], 0, [[B]])@async :- fl_current(Node, _, "request", From, [[R]], [[S]], [[B]]), fl_role(Node, "Server"), server_leader(Node, [[L]]), server_served(Node, [[SV]]), [[S]] <= 3;
    // CHECK-NEXT: // <no location> origin: each node's clock
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Server>("s"); }

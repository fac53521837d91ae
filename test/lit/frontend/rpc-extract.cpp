// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// An FL_RPC handler is the receive handler of its request; its response is
// a message back to the sender (From), sent where each path ends: at an
// early return with the fields filled so far, at the end of the body with
// the rest, and, for a handler that returns its response, at each return.
// A response starts as Resp{}: default member initializers, or zero. A
// response kept in a local, or a message handled, is sent with the send
// primitive as a whole.

#include "Inputs/preamble.h"

struct FL_MESSAGE Ask {
  int term;
};
struct FL_MESSAGE Answer {
  int term = 7;
  bool granted;
};
struct FL_MESSAGE Ping {};
struct FL_MESSAGE Pong {
  int seen;
};

struct FL_PROCESS Server {
  FL_STATE int term = 0;
  FL_STATE int pings = 0;

  FL_RPC void onAsk(const Ask &a, Answer &out) {
    if (a.term < term)
      return;
    out.term = a.term;
    out.granted = true;
    term = a.term;
  }
  FL_RPC Pong onPing(const Ping &, const NodeId &from) {
    pings = pings + 1;
    if (from == "a")
      return Pong{0};
    return Pong{pings};
  }
  FL_RECEIVE void onPong(const Pong &p, const NodeId &from) {
    Answer copy{};
    copy.term = p.seen;
    send(from, copy);
    send(from, p); // forwarded whole
  }
};

FL_SCENARIO void one(faultline::Scenario &s) {
  s.bounds(4, 0, 0);
  s.node<Server>("b");
  s.deliver<Ask>("b", "a", Ask{1}, 1);
}

// The early return answers with the default response.
// CHECK-DAG: answer(From, Node, 7, 0)@async :- fl_current(Node, Arrival, "ask", From, Term_[[T1:[0-9]+]], _), fl_role(Node, "Server"), server_term(Node, Term_[[T2:[0-9]+]]), Term_[[T1]] < Term_[[T2]];
// The end of the body answers with what was filled.
// CHECK-DAG: answer(From, Node, Term_[[T3:[0-9]+]], 1)@async :- fl_current(Node, Arrival, "ask", From, Term_[[T3]], _), fl_role(Node, "Server"), server_term(Node, Term_[[T4:[0-9]+]]), Term_[[T3]] >= Term_[[T4]];
// Each answer carries the FL_CALL contexts of the request it answers, for
// the caller's callback (calls.test).
// CHECK-DAG: fl_call_answer(From, Node, 7, 0, Site_[[S:[0-9]+]], CallTime_[[C:[0-9]+]])@async :- fl_current(Node, Arrival, "ask", From, Term_[[T5:[0-9]+]], _), fl_role(Node, "Server"), server_term(Node, Term_[[T6:[0-9]+]]), Term_[[T5]] < Term_[[T6]], fl_called_ask(Node, Arrival, From, Term_[[T5]], Site_[[S]], CallTime_[[C]]);
// CHECK-DAG: fl_called_ask(N, T, F, A1, A2, A3) :- fl_call_ask(N, F, A1, A2, A3), fl_now(N, T);
// Each return of a returned response answers.
// CHECK-DAG: pong(From, Node, 0)@async :- fl_current(Node, Arrival, "ping", From, _, _), fl_role(Node, "Server"), server_pings(Node, Pings_{{[0-9]+}}), From == "a";
// CHECK-DAG: pong(From, Node, Pings_[[P:[0-9]+]] + 1)@async :- fl_current(Node, Arrival, "ping", From, _, _), fl_role(Node, "Server"), server_pings(Node, Pings_[[P]]), From != "a";
// A response in a local, sent whole.
// CHECK-DAG: answer(From, Node, Seen_[[S:[0-9]+]], 0)@async :- fl_current(Node, _, "pong", From, Seen_[[S]], _), fl_role(Node, "Server");
// CHECK-DAG: pong(From, Node, Seen_[[S2:[0-9]+]])@async :- fl_current(Node, _, "pong", From, Seen_[[S2]], _), fl_role(Node, "Server");

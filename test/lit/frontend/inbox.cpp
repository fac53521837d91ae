// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// The inbox: every message that arrives enters fl_inbox with its arrival
// time, kind and sender, its fields padded with 0 to the widest message;
// one message per node per step becomes fl_current (the oldest, then by
// kind, sender and fields, one min<> at a time); the others wait. A
// handler's trigger is fl_current padded with _.

#include "faultline/annotations.h"

#include <string>

struct FL_MESSAGE Ping {
  int seq;
};
struct FL_MESSAGE Put {
  std::string key;
  int value;
  bool sync;
};

struct FL_PROCESS Node {
  FL_STATE int last = 0;

  FL_RECEIVE void onPing(const Ping &m) { last = m.seq; }
  // CHECK:      // {{.*}}inbox.cpp:[[@LINE-1]]:43 origin: Node::onPing: last = m.seq;
  // CHECK-NEXT: node_last(Node, [[S:Seq_[0-9]+]])@next :- fl_current(Node, _, "ping", From, [[S]], _, _), fl_role(Node, "Node");
  FL_RECEIVE void onPut(const Put &m) { last = m.value; }
  // CHECK:      // {{.*}}inbox.cpp:[[@LINE-1]]:41 origin: Node::onPut: last = m.value;
  // CHECK-NEXT: node_last(Node, [[V:Value_[0-9]+]])@next :- fl_current(Node, _, "put", From, [[K:Key_[0-9]+]], [[V]], [[Y:Sync_[0-9]+]]), fl_role(Node, "Node");
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// CHECK:      // <no location> origin: a 'ping' message enters the inbox
// CHECK-NEXT: fl_inbox(N, T, "ping", F, A1, 0, 0) :- ping(N, F, A1), fl_now(N, T);
// CHECK-NEXT: // <no location> origin: a 'put' message enters the inbox
// CHECK-NEXT: fl_inbox(N, T, "put", F, A1, A2, A3) :- put(N, F, A1, A2, A3), fl_now(N, T);
// CHECK-NEXT: // <no location> origin: unhandled messages wait
// CHECK-NEXT: fl_inbox(N, T, K, F, A1, A2, A3)@next :- fl_inbox(N, T, K, F, A1, A2, A3), notin fl_current(N, T, K, F, A1, A2, A3);
// CHECK-NEXT: // <no location> origin: the inbox's next message, by T
// CHECK-NEXT: fl_pick_1(N, min<T>) :- fl_inbox(N, T, _, _, _, _, _);
// CHECK-NEXT: // <no location> origin: the inbox's next message, by K
// CHECK-NEXT: fl_pick_2(N, T, min<K>) :- fl_pick_1(N, T), fl_inbox(N, T, K, _, _, _, _);
// CHECK-NEXT: // <no location> origin: the inbox's next message, by F
// CHECK-NEXT: fl_pick_3(N, T, K, min<F>) :- fl_pick_2(N, T, K), fl_inbox(N, T, K, F, _, _, _);
// CHECK-NEXT: // <no location> origin: the inbox's next message, by A1
// CHECK-NEXT: fl_pick_4(N, T, K, F, min<A1>) :- fl_pick_3(N, T, K, F), fl_inbox(N, T, K, F, A1, _, _);
// CHECK-NEXT: // <no location> origin: the inbox's next message, by A2
// CHECK-NEXT: fl_pick_5(N, T, K, F, A1, min<A2>) :- fl_pick_4(N, T, K, F, A1), fl_inbox(N, T, K, F, A1, A2, _);
// CHECK-NEXT: // <no location> origin: the inbox's next message, by A3
// CHECK-NEXT: fl_pick_6(N, T, K, F, A1, A2, min<A3>) :- fl_pick_5(N, T, K, F, A1, A2), fl_inbox(N, T, K, F, A1, A2, A3);
// CHECK-NEXT: // <no location> origin: the message handled this step
// CHECK-NEXT: fl_current(N, T, K, F, A1, A2, A3) :- fl_pick_6(N, T, K, F, A1, A2, A3);

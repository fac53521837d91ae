// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Queries on a state set: count(x) is a positive or negated membership atom,
// empty() a test for any element, size() reads an aggregate relation
// `fl_..._size` (count<E>), which has no row for an empty set, so the empty case
// is a path of its own where size() is 0.

#include "faultline/annotations.h"

#include <set>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

// One message type per handler: a role handles each message in one place.
struct FL_MESSAGE CountQuery {
  int key;
};
struct FL_MESSAGE EmptyQuery {
  int key;
};
struct FL_MESSAGE SizeQuery {
  int key;
};
struct FL_MESSAGE BigQuery {
  int key;
};
struct FL_MESSAGE Answer {
  int what;
  int value;
};

struct FL_PROCESS Store {
  FL_STATE std::set<int> keys;

  FL_RECEIVE void onCount(const CountQuery &m, const NodeId &from) {
    if (keys.count(m.key) == 0)
      send(from, Answer{1, m.key});
      // count(x) == 0: x is not a member.
      // CHECK:      // {{.*}}set-queries.cpp:[[@LINE-2]]:7 origin: Store::onCount: send(from, Answer{1, m.key});
      // CHECK-NEXT: answer(From, Node, 1, [[K:Key_[0-9]+]])@async :- fl_current(Node, _, "count_query", From, [[K]], _), fl_role(Node, "Store"), notin store_keys(Node, [[K]]);
  }
  FL_RECEIVE void onEmpty(const EmptyQuery &m, const NodeId &from) {
    if (!keys.empty())
      send(from, Answer{2, 0});
      // !empty(): some element.
      // CHECK-NEXT: // {{.*}}set-queries.cpp:[[@LINE-2]]:7 origin: Store::onEmpty: send(from, Answer{2, 0});
      // CHECK-NEXT: answer(From, Node, 2, 0)@async :- fl_current(Node, _, "empty_query", From, [[K:Key_[0-9]+]], _), fl_role(Node, "Store"), store_keys(Node, _);
      // size(): the aggregate rule, then 0 where the set is empty, the count elsewhere.
      // CHECK-NEXT: // <no location> origin: size of keys
      // CHECK-NEXT: fl_store_keys_size(N, count<E>) :- store_keys(N, E);
  }
  FL_RECEIVE void onSize(const SizeQuery &m, const NodeId &from) {
    int n = keys.size();
    send(from, Answer{3, n});
    // CHECK-NEXT: // {{.*}}set-queries.cpp:[[@LINE-1]]:5 origin: Store::onSize: send(from, Answer{3, n});
    // CHECK-NEXT: answer(From, Node, 3, 0)@async :- fl_current(Node, _, "size_query", From, [[K:Key_[0-9]+]], _), fl_role(Node, "Store"), notin store_keys(Node, _);
    // CHECK-NEXT: // {{.*}}set-queries.cpp:[[@LINE-3]]:5 origin: Store::onSize: send(from, Answer{3, n});
    // CHECK-NEXT: answer(From, Node, 3, [[S:KeysSize_[0-9]+]])@async :- fl_current(Node, _, "size_query", From, [[K]], _), fl_role(Node, "Store"), fl_store_keys_size(Node, [[S]]);
  }
  FL_RECEIVE void onBig(const BigQuery &m, const NodeId &from) {
    if (keys.size() >= 2)
      send(from, Answer{4, 0});
      // size() >= 2 is false on the empty path, which gets no rule.
      // CHECK-NEXT: // {{.*}}set-queries.cpp:[[@LINE-2]]:7 origin: Store::onBig: send(from, Answer{4, 0});
      // CHECK-NEXT: answer(From, Node, 4, 0)@async :- fl_current(Node, _, "big_query", From, [[K:Key_[0-9]+]], _), fl_role(Node, "Store"), fl_store_keys_size(Node, [[S:KeysSize_[0-9]+]]), [[S]] >= 2;
      // CHECK-NEXT: // <no location> origin: each node's clock
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Store>("a"); }

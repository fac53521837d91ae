// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// XFAIL: *
// BUG: insert then erase of the same element on one path leaves the element
// in the set. The insert is emitted as `keys(Node, K)@next` and the erase as
// `keys_del(Node, K)`, which only stops persistence: the element is there
// at the next step, whereas in C++ it is gone. (erase then insert is right.)

#include "faultline/annotations.h"

#include <set>

struct FL_MESSAGE Toggle {
  int key;
};

struct FL_PROCESS Store {
  FL_STATE std::set<int> keys;

  FL_RECEIVE void onToggle(const Toggle &m) {
    keys.insert(m.key);
    keys.erase(m.key);
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Store>("a"); }

// The element must not be put in at the next step.
// CHECK-NOT:  store_keys(Node, {{.*}})@next :- fl_current(Node, _, "toggle"
// CHECK:      // {{.*}}set-insert-then-erase.cpp:22:5 origin: Store::onToggle: keys.erase(m.key);
// CHECK-NEXT: store_keys_del(Node, [[K:Key_[0-9]+]]) :- fl_current(Node, _, "toggle", From, [[K]]), fl_role(Node, "Store");
// CHECK-NOT:  store_keys(Node, {{.*}})@next :- fl_current(Node, _, "toggle"

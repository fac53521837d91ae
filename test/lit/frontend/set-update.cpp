// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Set state: insert puts the element in at the next step; erase derives a
// `fl_..._del` fact now, which stops the persistence rule carrying it over.

#include "faultline/annotations.h"

#include <set>
#include <string>

struct FL_MESSAGE Add {
  int key;
};
struct FL_MESSAGE Remove {
  int key;
};

struct FL_PROCESS Store {
  FL_STATE std::set<int> keys;

  FL_RECEIVE void onAdd(const Add &m) { keys.insert(m.key); }
  // CHECK:      // <no location> origin: persistence of Store::keys
  // CHECK-NEXT: store_keys(N, E)@next :- store_keys(N, E), notin fl_store_keys_del(N, E);
  // CHECK-NEXT: // {{.*}}set-update.cpp:[[@LINE-3]]:41 origin: Store::onAdd: keys.insert(m.key);
  // CHECK-NEXT: store_keys(Node, [[K:Key_[0-9]+]])@next :- fl_current(Node, _, "add", From, [[K]]), fl_role(Node, "Store");
  FL_RECEIVE void onRemove(const Remove &m) { keys.erase(m.key); }
  // CHECK-NEXT: // {{.*}}set-update.cpp:[[@LINE-1]]:47 origin: Store::onRemove: keys.erase(m.key);
  // CHECK-NEXT: fl_store_keys_del(Node, [[K2:Key_[0-9]+]]) :- fl_current(Node, _, "remove", From, [[K2]]), fl_role(Node, "Store");
  // CHECK-NEXT: // <no location> origin: each node's clock
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Store>("a"); }

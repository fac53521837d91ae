// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Inserting into and erasing from one set on one path would need the order
// of the two updates; state updates of a step apply together, so this is an
// error at the second update.

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
    // ERR: {{.*}}set-insert-then-erase.cpp:[[@LINE-1]]:5: error: both insert and erase on 'keys' in one step in Store::onToggle is outside what faultline can model
    // ERR-NOT: error:
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Store>("a"); }

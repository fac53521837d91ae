// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// State reads see the state at the start of the step, so reading a set after
// updating it on the same path would not mean what the C++ means: an error
// at the read (a test, or a loop).

#include "faultline/annotations.h"

#include <set>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Add {
  int key;
};
struct FL_MESSAGE Present {
  int key;
};

struct FL_PROCESS Store {
  FL_STATE std::set<int> keys;

  FL_RECEIVE void onAdd(const Add &m, const NodeId &from) {
    keys.insert(m.key);
    if (keys.count(m.key) == 1)
      send(from, Present{m.key});
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Store>("a"); }

// ERR: {{.*}}set-read-after-update.cpp:26:9: error: reading 'keys' after updating it in the same handler in Store::onAdd is outside what faultline can model
// ERR-NOT: error:

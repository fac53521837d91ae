// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A read of a set sees the path's own insert() and clear() calls before it
// (set-quorum.cpp, set-clear.cpp). Other updates are applied at the next
// step only, so a read after them would not mean what the C++ means: an
// erase, and inserts made inside a loop (they depend on the elements). An
// error at the read, a test or a loop.

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
  FL_STATE std::set<int> others;

  FL_RECEIVE void onAdd(const Add &m, const NodeId &from) {
    keys.erase(m.key);
    if (keys.count(m.key) == 1)
      send(from, Present{m.key});
    // ERR: {{.*}}set-read-after-update.cpp:[[@LINE-2]]:9: error: reading 'keys' after updating it (erase) in the same handler in Store::onAdd is outside what faultline can model; a read sees the insert() and clear() calls on a set made before it, outside loops; after other updates, read before updating (keep the value in a local)
  }
  FL_RECEIVE void onPresent(const Present &m, const NodeId &from) {
    for (int k : others)
      keys.insert(k);
    for (int k : keys)
      send(from, Present{k});
    // ERR: {{.*}}set-read-after-update.cpp:[[@LINE-2]]:5: error: looping over 'keys' after updating it (insert) in the same handler in Store::onPresent
    // ERR-NOT: error:
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Store>("a"); }

// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// XFAIL: *
// BUG: a set query after an insert or erase on the same path reads the set
// as it was at the start of the step. Scalars get this right (later
// statements see earlier assignments) but set updates are only emitted as
// heads, never recorded on the path. In C++ below, onAdd always answers
// (the key was just inserted) and onRemove never does (it was just erased);
// the extracted model answers in onAdd only if the key was already there,
// and in onRemove exactly when it was there before, which is the opposite
// of the code.

#include "faultline/annotations.h"

#include <set>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Add {
  int key;
};
struct FL_MESSAGE Remove {
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
  FL_RECEIVE void onRemove(const Remove &m, const NodeId &from) {
    keys.erase(m.key);
    if (keys.count(m.key) == 1)
      send(from, Present{m.key});
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Store>("a"); }

// onAdd: the answer goes out unconditionally.
// CHECK:      // {{.*}}set-read-after-update.cpp:36:7 origin: Store::onAdd: send(from, Present{m.key});
// CHECK-NEXT: present(From, Node, [[K:Key_[0-9]+]])@async :- fl_current(Node, _, "add", From, [[K]]), fl_role(Node, "Store");
// onRemove: no answer at all.
// CHECK-NOT:  present({{.*}}"remove"

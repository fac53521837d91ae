// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags -DMISUSE 2>&1 | FileCheck %s --check-prefix=ERR
//
// `c.find(k) != c.end()` (and `== c.end()`) is a membership test, as
// count(k) is; `auto it = m.find(k);` stands for the key looked up, and
// `it->second` where it was found is the key's value (a join, as at(k)).
// Other uses of the iterator are errors that say what to write.

#include "Inputs/preamble.h"

#include <map>

struct FL_MESSAGE Put {
  int key;
  std::string value;
};
struct FL_MESSAGE Got {
  std::string value;
};

struct FL_PROCESS Store {
  FL_STATE std::map<int, std::string> values;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onPut(const Put &m, const NodeId &from) {
    if (seen.find(m.key) == seen.end())
      send(from, Got{"new"});
    auto it = values.find(m.key);
    if (it != values.end() && it->second == m.value)
      return;
    if (it != values.end())
      send(from, Got{it->second});
#ifdef MISUSE
    values.erase(it);
    // ERR: {{.*}}map-find.cpp:[[@LINE-1]]:18: error: using the iterator 'it' other than to test and read what find() found in Store::onPut is outside what faultline can model; compare it with end() of its container, and read it->first and it->second
    // ERR-NOT: error:
#endif
    values[m.key] = m.value;
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Store>("a"); }

// CHECK: got(From, Node, "new")@async :- fl_current(Node, _, "put", From, [[K:Key_[0-9]+]], [[V:Value_[0-9]+]]), fl_role(Node, "Store"), notin store_seen(Node, [[K]]);
// Found with another value: the old value is sent back, then replaced.
// CHECK: got(From, Node, [[A:ValuesAt_[0-9]+]])@async :- fl_current(Node, _, "put", From, [[K]], [[V]]), fl_role(Node, "Store"), notin store_seen(Node, [[K]]), store_values(Node, [[K]], _), store_values(Node, [[K]], [[B:ValuesAt_[0-9]+]]), [[B]] != [[V]], store_values(Node, [[K]], [[A]]);
// Not found: assigned, with no send.
// CHECK: store_values(Node, [[K]], [[V]])@next :- fl_current(Node, _, "put", From, [[K]], [[V]]), fl_role(Node, "Store"), notin store_seen(Node, [[K]]), notin store_values(Node, [[K]], _);
// CHECK-NOT: got(From, Node, {{.*}}notin store_values

// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Reading a map with [] would insert a missing key: an error, with advice.

#include "faultline/annotations.h"

#include <map>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Get {
  int key;
};

struct FL_PROCESS Store {
  FL_STATE std::map<int, int> values;
  FL_STATE int last = 0;

  FL_RECEIVE void onGet(const Get &g) { last = values[g.key]; }
  // ERR: {{.*}}err-map-subscript-read.cpp:[[@LINE-1]]:48: error: reading a map with [] in Store::onGet is outside what faultline can model; [] inserts a missing key; read with at() after testing count()
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Store>("a"); }

// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A range-for is only lowered over a state set of the node (or of an
// invariant's process): not over a plain member or a message field.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  std::set<NodeId> cache;

  FL_RECEIVE void onMsg(const Msg &m) {
    for (const NodeId &p : cache)
      send(p, Msg{m.v});
    // ERR: {{.*}}err-loop-not-set.cpp:[[@LINE-2]]:5: error: a loop over something other than a state set or map in Node::onMsg is outside what faultline can model; loop over a std::set or std::map state member of the node (or of an invariant's process)
    // ERR-NOT: error:
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

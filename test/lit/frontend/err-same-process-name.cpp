// RUN: %expect-exit 2 %faultline check %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Two processes with the same name in different namespaces are two roles;
// a scenario with nodes of both would give them one `fl_role` name and
// merge their state, so it is an error naming both (scenarios that use one
// of them each are fine: see test/lit/project/whole-database.test).

#include "faultline/annotations.h"

struct FL_MESSAGE Ping {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int seen = 0;
  FL_RECEIVE void onPing(const Ping &p) { seen = p.v; }
};

namespace x {
struct FL_PROCESS Node {
  FL_STATE int other = 0;
};
} // namespace x

FL_SCENARIO void both(faultline::Scenario &s) {
  s.node<Node>("a");
  s.node<x::Node>("b");
}

// ERR: {{.*}}err-same-process-name.cpp:[[@LINE-10]]:19: error: scenario 'both' has two processes named 'Node' ('Node' and 'x::Node'); rename one
// ERR: {{.*}}err-same-process-name.cpp:[[@LINE-17]]:19: note: the other one is here

// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Set-up that no run can see would leave the protocol idle and certify it
// vacuously: a delivery at a step outside 1..EOT (EOT from s.bounds, before
// or after the delivery, or 3 without it), a delivery to a name that is not
// a node, and state given to such a name. A sender that is not a node is
// the environment, and fine.

#include "faultline/annotations.h"

#include <map>
#include <set>
#include <string>

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_STATE std::set<int> seen;
  FL_STATE std::map<int, int> table;

  FL_RECEIVE void onMsg(const Msg &m) { x = m.v; }
};

FL_SCENARIO void times(faultline::Scenario &s) {
  s.deliver<Msg>("a", "client", Msg{1}, -1);
  // ERR: {{.*}}err-scenario-references.cpp:[[@LINE-1]]:3: error: a delivery at step -1, outside the steps 1..6 of scenario 'times'
  s.deliver<Msg>("a", "client", Msg{2}, 0);
  // ERR: {{.*}}err-scenario-references.cpp:[[@LINE-1]]:3: error: a delivery at step 0, outside the steps 1..6 of scenario 'times'
  s.deliver<Msg>("a", "client", Msg{3}, 5);
  s.deliver<Msg>("a", "client", Msg{4}, 6);
  s.deliver<Msg>("a", "client", Msg{5}, 7);
  // ERR: {{.*}}err-scenario-references.cpp:[[@LINE-1]]:3: error: a delivery at step 7, outside the steps 1..6 of scenario 'times'
  // ERR-NOT: error:
  s.node<Node>("a");
  s.bounds(6, 2, 0);
}

FL_SCENARIO void defaultEot(faultline::Scenario &s) {
  s.node<Node>("a");
  s.deliver<Msg>("a", "client", Msg{1}, 3);
  s.deliver<Msg>("a", "client", Msg{1}, 4);
  // ERR: {{.*}}err-scenario-references.cpp:[[@LINE-1]]:3: error: a delivery at step 4, outside the steps 1..3 of scenario 'defaultEot' (EOT is set by s.bounds(eot, eff, crashes), 3 without it)
  // ERR-NOT: error:
}

FL_SCENARIO void unknownNodes(faultline::Scenario &s) {
  s.bounds(4, 2, 0);
  s.node<Node>("a");
  s.init("b", &Node::x, 1);
  // ERR: {{.*}}err-scenario-references.cpp:[[@LINE-1]]:3: error: 'b' is not a node of scenario 'unknownNodes'; declare it with s.node<Role>("b")
  s.add("c", &Node::seen, 1);
  // ERR: {{.*}}err-scenario-references.cpp:[[@LINE-1]]:3: error: 'c' is not a node of scenario 'unknownNodes'; declare it with s.node<Role>("c")
  s.put("d", &Node::table, 1, 2);
  // ERR: {{.*}}err-scenario-references.cpp:[[@LINE-1]]:3: error: 'd' is not a node of scenario 'unknownNodes'; declare it with s.node<Role>("d")
  s.deliver<Msg>("e", "a", Msg{1}, 1);
  // ERR: {{.*}}err-scenario-references.cpp:[[@LINE-1]]:3: error: 'e' is not a node of scenario 'unknownNodes'; declare it with s.node<Role>("e")
  // ERR-NOT: error:
  s.deliver<Msg>("a", "client", Msg{1}, 1);
}

// ERR-NOT: error:

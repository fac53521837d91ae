// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Every unsupported statement of a handler, a helper and an invariant is
// reported, as a compiler reports every error, so that one round of fixes
// is enough; past ten per function, one note says the rest is not reported.
// A statement reached on several paths, or a helper inlined twice, is one
// problem; a rejected declaration's later uses are not reported again.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_MESSAGE Other {
  int v;
};

void audit(int v);

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onMsg(const Msg &m) {
    if (m.v > 0)
      x = 1;
    else
      x = 2;
    try {
      ++x;
    } catch (...) {
    }
    // ERR: {{.*}}err-many-problems.cpp:[[@LINE-4]]:5: error: a try block in Node::onMsg is outside what faultline can model
    int copy;
    // ERR: {{.*}}err-many-problems.cpp:[[@LINE-1]]:9: error: this declaration in Node::onMsg is outside what faultline can model
    // ERR-NOT: error:
    copy = m.v;
    if (x > 1) {
      x = copy + 1;
      audit(m.v);
      // ERR: {{.*}}err-many-problems.cpp:[[@LINE-1]]:7: error: a call to 'audit' in Node::onMsg is outside what faultline can model
      // ERR-NOT: error:
    }
    check(m.v);
    check(x);
    seen.insert(m.v);
  }

  void check(int v) {
    if (v > 0)
      throw v;
    // ERR: {{.*}}err-many-problems.cpp:[[@LINE-1]]:7: error: a throw in Node::onMsg is outside what faultline can model
    // ERR-NOT: error:
  }

  FL_RECEIVE void onOther(const Other &m) {
    // The note that the rest is not reported is at the handler, past its
    // tenth problem.
    audit(1);
    audit(2);
    audit(3);
    audit(4);
    audit(5);
    audit(6);
    audit(7);
    audit(8);
    audit(9);
    audit(10);
    // ERR: {{.*}}err-many-problems.cpp:[[@LINE-10]]:5: error: a call to 'audit' in Node::onOther
    // ERR: {{.*}}err-many-problems.cpp:[[@LINE-2]]:5: error: a call to 'audit' in Node::onOther
    // ERR-NOT: error:
    audit(11);
    // ERR: {{.*}}err-many-problems.cpp:[[@LINE-17]]:19: note: further problems in Node::onOther are not reported
    // ERR-NOT: {{error|note}}:
    audit(12);
  }
};

FL_INVARIANT inline bool bounded(const Node &n) {
  for (int i = 0; i < 3; ++i)
    if (n.x == i)
      return false;
  // ERR: {{.*}}err-many-problems.cpp:[[@LINE-3]]:3: error: a for loop (other than a range-for) is outside what faultline can model
  // ERR-NOT: error:
  while (n.x > 5)
    return false;
  // ERR: {{.*}}err-many-problems.cpp:[[@LINE-2]]:3: error: a while loop is outside what faultline can model
  return n.x < 10;
}

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// ERR-NOT: error:
// ERR-NOT: note:

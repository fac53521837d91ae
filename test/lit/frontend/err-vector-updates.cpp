// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A handler may shorten a state vector and then append to it, any number of
// times, but the model adds appended elements at the next step, so nothing
// after a push_back can take them back; assigning elements and changing the
// length do not mix in one step; and a loop over a container would append
// every element at one index.

#include "Inputs/preamble.h"

#include <vector>

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE std::vector<int> log;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onMsg(const Msg &m) {
    log.push_back(m.v);
    log.pop_back();
    // ERR: {{.*}}err-vector-updates.cpp:[[@LINE-1]]:5: error: 'pop_back' on 'log' after push_back in one step in Node::onMsg is outside what faultline can model; shorten the vector first, then append, as a log's truncate-and-append does
  }
};

struct FL_MESSAGE Fix {
  int v;
};

struct FL_PROCESS Fixer {
  FL_STATE std::vector<int> log;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onFix(const Fix &m) {
    if (!log.empty())
      log[0] = m.v;
    log.push_back(m.v);
    // ERR: {{.*}}err-vector-updates.cpp:[[@LINE-1]]:5: error: both assign and push_back on 'log' in one step in Fixer::onFix is outside what faultline can model; assign elements (v[i] = x) or change the vector's length, not both, in a handler
  }
};

struct FL_MESSAGE Copy {
  int v;
};

struct FL_PROCESS Copier {
  FL_STATE std::vector<int> log;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onCopy(const Copy &m) {
    for (int x : seen)
      log.push_back(x);
    // ERR: {{.*}}err-vector-updates.cpp:[[@LINE-1]]:7: error: 'push_back' on 'log' inside a loop in Copier::onCopy is outside what faultline can model; a loop is lowered to a join over all elements at once, which would place every element at one index; update the vector outside the loop
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

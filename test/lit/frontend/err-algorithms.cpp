// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// The <algorithm> calls a handler may make walk a state set or vector whole
// with a lambda of one element; each other form is an error at the call.

#include "Inputs/preamble.h"

#include <algorithm>
#include <map>
#include <vector>

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE std::vector<int> log;
  FL_STATE std::map<int, int> votes;
  FL_STATE int n = 0;

  static bool positive(int x) { return x > 0; }

  FL_RECEIVE void onMsg(const Msg &m) {
    n = static_cast<int>(std::count_if(votes.begin(), votes.end(), [](const auto &kv) { return kv.second > 0; }));
    // ERR: {{.*}}err-algorithms.cpp:[[@LINE-1]]:26: error: the range of this std::count_if in Node::onMsg is outside what faultline can model; walk a state set or vector whole: c.begin(), c.end()
    n = static_cast<int>(std::count_if(log.begin(), log.end(), positive));
    // ERR: {{.*}}err-algorithms.cpp:[[@LINE-1]]:26: error: the predicate of this std::count_if in Node::onMsg is outside what faultline can model; pass a lambda of one element whose body is 'return <condition>;'
    n = *std::max_element(log.begin(), log.end(), [](int a, int b) { return a > b; });
    // ERR: {{.*}}err-algorithms.cpp:[[@LINE-1]]:10: error: this std::max_element with a comparator in Node::onMsg is outside what faultline can model; compare the elements' own values: std::max_element(c.begin(), c.end())
  }
};

struct FL_PROCESS Appender {
  FL_STATE std::vector<int> log;
  FL_STATE int n = 0;

  FL_RECEIVE void onMsg(const Msg &m) {
    log.push_back(m.v);
    if (std::any_of(log.begin(), log.end(), [&](int x) { return x == m.v; }))
      n = 1;
    // ERR: {{.*}}err-algorithms.cpp:[[@LINE-2]]:9: error: walking 'log' after updating it (push_back) in the same handler in Appender::onMsg is outside what faultline can model; {{.*}}
    // ERR-NOT: error:
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s
// RUN: %expect-exit 2 %faultline check %s -- %cxxflags 2>&1 | FileCheck %s
//
// A constant whose value is in another file (`extern const int k;`) cannot
// be folded: an error at its use. (It used to crash faultline and, through
// the plugin, clang.)

#include "Inputs/preamble.h"

extern const int Quorum;

struct FL_MESSAGE Vote {
  int n;
};

struct FL_PROCESS Node {
  static const int Limit;
  FL_STATE int decided = 0;

  FL_RECEIVE void onVote(const Vote &m) {
    if (m.n >= Quorum)
      // CHECK: {{.*}}err-extern-constant.cpp:[[@LINE-1]]:16: error: a use of the constant 'Quorum', whose value this file does not see in Node::onVote is outside what faultline can model; define the constant with its value in a header (`inline constexpr int k = 3;`), not `extern` in another file
      decided = 1;
    if (m.n < Node::Limit)
      // CHECK: {{.*}}err-extern-constant.cpp:[[@LINE-1]]:15: error: a use of the constant 'Node::Limit', whose value this file does not see
      decided = 2;
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

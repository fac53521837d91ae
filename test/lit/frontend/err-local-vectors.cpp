// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A handler's local std::vector is collected (push_back), sorted, then read;
// the model keeps its elements as a set of rows, so any other order of use,
// an initializer, or sorting structs is an error at the construct.

#include "Inputs/preamble.h"

#include <algorithm>
#include <vector>

struct Pair {
  int a;
  int b;
  bool operator<(const Pair &o) const { return a < o.a; }
};

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE std::set<int> seen;
  FL_STATE int n = 0;

  FL_RECEIVE void onMsg(const Msg &m) {
    std::vector<int> early{1, 2};
    // ERR: {{.*}}err-local-vectors.cpp:[[@LINE-1]]:22: error: a local vector with an initializer in Node::onMsg is outside what faultline can model; declare it empty (std::vector<T> v;) and push_back its elements
    std::vector<Pair> pairs;
    pairs.push_back(Pair{m.v, 1});
    std::sort(pairs.begin(), pairs.end());
    // ERR: {{.*}}err-local-vectors.cpp:[[@LINE-1]]:5: error: sorting a vector of structs in Node::onMsg is outside what faultline can model; collect and sort one field of each (integers, strings or enums)
    std::vector<int> v;
    v.push_back(m.v);
    n = v[0];
    // ERR: {{.*}}err-local-vectors.cpp:[[@LINE-1]]:9: error: reading an element of a local vector before sorting it in Node::onMsg is outside what faultline can model; sort it first (std::sort(v.begin(), v.end())) on every path to the read: the model keeps its elements as a set, not in the order they were pushed
  }
};

struct FL_PROCESS Late {
  FL_STATE std::set<int> seen;
  FL_STATE int n = 0;

  FL_RECEIVE void onMsg(const Msg &m) {
    std::vector<int> v;
    for (int s : seen)
      v.push_back(s);
    std::sort(v.begin(), v.end());
    v.push_back(m.v);
    // ERR: {{.*}}err-local-vectors.cpp:[[@LINE-1]]:5: error: a push_back after sorting in Late::onMsg is outside what faultline can model; collect every element first, then sort and read
    v.pop_back();
    // ERR: {{.*}}err-local-vectors.cpp:[[@LINE-1]]:5: error: 'pop_back' on a local vector in Late::onMsg is outside what faultline can model; push_back its elements, std::sort it, and read size(), empty() and v[i]
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// Sorted on one path only: the read on the other is an error.
struct FL_PROCESS Half {
  FL_STATE std::set<int> seen;
  FL_STATE int n = 0;

  FL_RECEIVE void onMsg(const Msg &m) {
    std::vector<int> v;
    for (int s : seen)
      v.push_back(s);
    if (m.v > 0)
      std::sort(v.begin(), v.end());
    if (!v.empty())
      n = v[0];
    // ERR: {{.*}}err-local-vectors.cpp:[[@LINE-1]]:11: error: reading an element of a local vector before sorting it in Half::onMsg is outside what faultline can model; sort it first {{.*}}
    // ERR-NOT: error:
  }
};

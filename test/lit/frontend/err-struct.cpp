// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Structs are values only as aggregates: a local of a class with a
// constructor is outside the subset, and so is a comparison operator whose
// body calls library code (std::tie).

#include "Inputs/preamble.h"

#include <tuple>

struct Op {
  int seq;
  std::string value;
  bool operator<(const Op &o) const { return std::tie(seq, value) < std::tie(o.seq, o.value); }
  // ERR-DAG: {{.*}}err-struct.cpp:[[@LINE-1]]:46: error: a call to 'std::tie' in Node::onWrite is outside what faultline can model; call helpers whose body is visible, std::min, std::max, or set queries
};

struct Counter {
  explicit Counter(int start) : n(start) {}
  int n;
};

struct FL_MESSAGE Write {
  Op op;
};

struct FL_PROCESS Node {
  FL_STATE Op last;

  FL_RECEIVE void onWrite(const Write &w) {
    if (last < w.op)
      last = w.op;
  }
  FL_PERIODIC void tick() {
    Counter c(3);
    // ERR-DAG: {{.*}}err-struct.cpp:[[@LINE-1]]:13: error: this declaration in Node::tick is outside what faultline can model; declare locals of integer, bool, enum, string or plain struct type with an initializer
    // ERR-NOT: error:
    last.seq = c.n;
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

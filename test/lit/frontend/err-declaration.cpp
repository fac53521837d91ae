// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Locals are values (scalars or plain structs) with an initializer; an if cannot declare one.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_RECEIVE void onMsg(const Msg &m) {
    int y;
    // ERR: {{.*}}err-declaration.cpp:[[@LINE-1]]:9: error: this declaration in Node::onMsg is outside what faultline can model; declare locals of integer, bool, enum, string or plain struct type with an initializer
    x = 1;
  }
  FL_PERIODIC void tick() {
    if (int y = x)
      x = y;
    // ERR: {{.*}}err-declaration.cpp:[[@LINE-2]]:5: error: an if statement with an initializer in Node::tick is outside what faultline can model; declare the variable before the if
    // ERR-NOT: error:
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

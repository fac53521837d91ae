// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// FL_DURABLE and FL_GHOST take the state types FL_STATE does, on data
// members; FL_ON_RESTART marks a member function without parameters.

#include "Inputs/preamble.h"

struct FL_PROCESS Node {
  FL_DURABLE double term = 0;
  // ERR: {{.*}}err-restart-marks.cpp:[[@LINE-1]]:21: error: durable member 'term' of type 'double' is outside what faultline can model; state must be an integer
  FL_GHOST float led = 0;
  // ERR: {{.*}}err-restart-marks.cpp:[[@LINE-1]]:18: error: ghost member 'led' of type 'float' is outside what faultline can model
  FL_ON_RESTART int recovered = 0;
  // ERR: {{.*}}err-restart-marks.cpp:[[@LINE-1]]:21: error: FL_ON_RESTART does not belong on a data member
  FL_STATE int x = 0;

  FL_ON_RESTART void recover(int from) { x = from; }
  // ERR: {{.*}}err-restart-marks.cpp:[[@LINE-1]]:22: error: a FL_ON_RESTART handler takes no parameters
  FL_DURABLE void persist() {}
  // ERR: {{.*}}err-restart-marks.cpp:[[@LINE-1]]:19: error: FL_DURABLE does not belong on a member function
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

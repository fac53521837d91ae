// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// s.deliver of a message with a std::string field (a temporary with a
// destructor, wrapped in cleanups): the fact carries the literal.

#include "faultline/annotations.h"

#include <string>

struct FL_MESSAGE Write {
  std::string payload;
  int seq;
};

struct FL_PROCESS Replica {
  FL_STATE int seq = 0;
};

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Replica>("r");
  s.deliver<Write>("r", "client", Write{"hello", 1}, 2);
  // CHECK:      // {{.*}}scenario-deliver-string.cpp:[[@LINE-1]]:3
  // CHECK-NEXT: write("r", "client", "hello", 1)@2;
}

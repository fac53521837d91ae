// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Message fields must be integers, bools, enums, strings, plain structs of
// those, or std::vectors of those (a batch).

#include "faultline/annotations.h"

#include <list>
#include <vector>

struct FL_MESSAGE Batch {
  int id;
  std::vector<int> items;
  std::list<int> others;
  // ERR: {{.*}}err-message-field-type.cpp:[[@LINE-1]]:18: error: message field 'others' of type 'std::list<int>' is outside what faultline can model; message fields must be integers, bools, enums, strings, plain structs of those, or std::vectors of those (a batch)
  std::vector<double> weights;
  // ERR: {{.*}}err-message-field-type.cpp:[[@LINE-1]]:23: error: message field 'weights' of type 'std::vector<double>' is outside what faultline can model; {{.*}}
  double weight;
  // ERR: {{.*}}err-message-field-type.cpp:[[@LINE-1]]:10: error: message field 'weight' of type 'double' is outside what faultline can model; {{.*}}
  // ERR-NOT: error:
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

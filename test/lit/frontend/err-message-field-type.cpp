// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Message fields must be integers, bools, enums, strings or plain structs of
// those.

#include "faultline/annotations.h"

#include <vector>

struct FL_MESSAGE Batch {
  int id;
  std::vector<int> items;
  // ERR: {{.*}}err-message-field-type.cpp:[[@LINE-1]]:20: error: message field 'items' of type 'std::vector<int>' is outside what faultline can model; message fields must be integers, bools, enums, strings or plain structs of those
  double weight;
  // ERR: {{.*}}err-message-field-type.cpp:[[@LINE-1]]:10: error: message field 'weight' of type 'double' is outside what faultline can model; message fields must be integers, bools, enums, strings or plain structs of those
  // ERR-NOT: error:
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// A compilation database in a build folder (-p), as clang-tidy reads it:
// with no file named, every file it lists is read; a file named must be
// in it.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: echo '[{"directory": "%S", "file": "%s", "arguments": ["clang++", "-std=c++17", "-I%annotations", "-c", "%s"]}]' > %t/compile_commands.json
// RUN: %faultline extract -p %t | FileCheck %s
// RUN: %faultline extract -p %t %s | FileCheck %s
// CHECK:      // faultline extract: scenario 'fromDatabase'
// CHECK-NEXT: // run with: --eot 3 --eff 2 --crashes 0 --nodes a
// CHECK:      node_x("a", 0)@1;

#include "faultline/annotations.h"

struct FL_PROCESS Node {
  FL_STATE int x = 0;
};

FL_SCENARIO void fromDatabase(faultline::Scenario &s) { s.node<Node>("a"); }

// extract -o writes a C++ string constant as one .ded string, whatever it
// holds (issue 21, item 13): quotes, backslashes and line breaks are
// escaped, and faultline reads them back, so a crafted value never becomes
// clauses of its own.
//
// RUN: %faultline extract %s -o %t.ded -- %cxxflags
// RUN: FileCheck %s < %t.ded
// RUN: %faultline print %t.ded | FileCheck %s --check-prefix=ONE
// ONE-NOT:  evil(
// ONE:      write("r", "client", "x\"); evil(\"r\")@1; // \\ \n\nok(1)@1;\n\t\x01", 1)@2;
// ONE-NOT:  evil(
// ONE-NOT:  ok(1)
// RUN: %faultline run %t.ded --eot 2 --eff 0 --nodes r --show write | FileCheck %s --check-prefix=TUPLE
// TUPLE: write at 2 (1 tuple):

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
  s.deliver<Write>("r", "client", Write{"x\"); evil(\"r\")@1; // \\ \n\nok(1)@1;\n\t\x01", 1}, 2);
  // CHECK:      // {{.*}}extract-string-escapes.cpp:[[@LINE-1]]:3
  // CHECK-NEXT: write("r", "client", "x\"); evil(\"r\")@1; // \\ \n\nok(1)@1;\n\t\x01", 1)@2;
}

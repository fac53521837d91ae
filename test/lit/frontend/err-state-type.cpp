// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// State members must be scalars (integers, bools, enums, strings) or sets of
// them: a std::vector, a std::map of vectors, a double are reported at the member.

#include "faultline/annotations.h"

#include <map>
#include <vector>

struct FL_PROCESS Node {
  FL_STATE std::vector<int> log;
  FL_STATE std::map<int, std::vector<int>> kv;
  FL_STATE double ratio = 0;
  FL_STATE int fine = 0;
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// ERR: {{.*}}err-state-type.cpp:12:29: error: state member 'log' of type 'std::vector<int>' is outside what faultline can model; state must be an integer, bool, enum, string, a std::set of those, or a std::map between them
// ERR: {{.*}}err-state-type.cpp:13:44: error: state member 'kv' of type 'std::map<int, std::vector<int> >' is outside what faultline can model; state must be an integer, bool, enum, string, a std::set of those, or a std::map between them
// ERR: {{.*}}err-state-type.cpp:14:19: error: state member 'ratio' of type 'double' is outside what faultline can model; state must be an integer, bool, enum, string, a std::set of those, or a std::map between them
// ERR-NOT: error:

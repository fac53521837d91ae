// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// State members must be scalars (integers, bools, enums, strings), sets or
// vectors of them, or maps between them: a std::list, a std::map of vectors,
// a double are reported at the member.

#include "faultline/annotations.h"

#include <list>
#include <map>
#include <vector>

struct FL_PROCESS Node {
  FL_STATE std::list<int> log;
  FL_STATE std::map<int, std::vector<int>> kv;
  FL_STATE double ratio = 0;
  FL_STATE int fine = 0;
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// ERR: {{.*}}err-state-type.cpp:14:27: error: state member 'log' of type 'std::list<int>' is outside what faultline can model; state must be an integer, bool, enum, string, a std::set or std::vector of those, or a std::map between them
// ERR: {{.*}}err-state-type.cpp:15:44: error: state member 'kv' of type 'std::map<int, std::vector<int> >' is outside what faultline can model; state must be an integer, bool, enum, string, a std::set or std::vector of those, or a std::map between them
// ERR: {{.*}}err-state-type.cpp:16:19: error: state member 'ratio' of type 'double' is outside what faultline can model; state must be an integer, bool, enum, string, a std::set or std::vector of those, or a std::map between them
// ERR-NOT: error:

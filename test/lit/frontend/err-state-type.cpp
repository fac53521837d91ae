// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// State members must be values (integers, bools, enums, strings, plain
// structs of those), sets or vectors of them, or maps between them: a
// std::list, a std::map of vectors, a double, a struct with a double, a
// struct with a constructor or a base are reported at the member.

#include "faultline/annotations.h"

#include <list>
#include <map>
#include <set>
#include <vector>

struct Weighted {
  int id;
  double weight;
};

struct Built {
  Built(int v) : v(v) {}
  int v;
};

struct Base {
  int id;
};
struct Derived : Base {
  int more;
};

struct FL_PROCESS Node {
  FL_STATE std::list<int> log;
  // ERR: {{.*}}err-state-type.cpp:[[@LINE-1]]:27: error: state member 'log' of type 'std::list<int>' is outside what faultline can model; state must be an integer, bool, enum, string or plain struct of those, a std::set or std::vector of such values, or a std::map between them
  FL_STATE std::map<int, std::vector<int>> kv;
  // ERR: {{.*}}err-state-type.cpp:[[@LINE-1]]:44: error: state member 'kv' of type 'std::map<int, std::vector<int> >' is outside what faultline can model; state must be an integer, bool, enum, string or plain struct of those, a std::set or std::vector of such values, or a std::map between them
  FL_STATE double ratio = 0;
  // ERR: {{.*}}err-state-type.cpp:[[@LINE-1]]:19: error: state member 'ratio' of type 'double' is outside what faultline can model; state must be an integer, bool, enum, string or plain struct of those, a std::set or std::vector of such values, or a std::map between them
  FL_STATE int fine = 0;
  FL_STATE std::set<Weighted> weighted;
  // ERR: {{.*}}err-state-type.cpp:[[@LINE-1]]:31: error: state member 'weighted' of type 'std::set<Weighted>' is outside what faultline can model; state must be an integer, bool, enum, string or plain struct of those, a std::set or std::vector of such values, or a std::map between them
  FL_STATE Built built{1};
  // ERR: {{.*}}err-state-type.cpp:[[@LINE-1]]:18: error: state member 'built' of type 'Built' is outside what faultline can model; state must be an integer, bool, enum, string or plain struct of those, a std::set or std::vector of such values, or a std::map between them
  FL_STATE Derived derived;
  // ERR: {{.*}}err-state-type.cpp:[[@LINE-1]]:20: error: state member 'derived' of type 'Derived' is outside what faultline can model; state must be an integer, bool, enum, string or plain struct of those, a std::set or std::vector of such values, or a std::map between them
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A statement other than a call in a scenario (a declaration, an if) is
// reported, not crashed on.
//
// Regression test for a fixed bug, where faultline crashes (SIGSEGV in lowerScenarios) on any scenario
// statement that is not an expression: ScenarioReader::read does
// dyn_cast<CXXMemberCallExpr>(unwrap(dyn_cast<Expr>(St))), and dyn_cast on
// the null that a DeclStmt or IfStmt gives is undefined (a crash in this
// release build). Use dyn_cast_or_null / check the Expr first. (Whether a
// constexpr local should rather be accepted is a separate question.)

#include "faultline/annotations.h"

#include <set>
#include <string>
#include <vector>

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_STATE std::set<int> seen;
};

FL_SCENARIO void one(faultline::Scenario &s) {
  constexpr int eot = 5;
  // ERR: {{.*}}err-scenario-statement.cpp:[[@LINE-1]]:3: error: this statement in a scenario is outside what faultline can model; a scenario is a list of calls on its faultline::Scenario, and of helpers taking only the faultline::Scenario &
  // ERR-NOT: error:
  s.bounds(eot, 2, 0);
  s.node<Node>("a");
}

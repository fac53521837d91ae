//===- FaultFormula.h - Fault variables and lineage as formulas -*- C++ -*-===//
//
// Private to the solver. The fault variables of one search, over one Z3
// context:
//   omit(F,T,t)  the messages from F to T sent at t are lost (t < EFF);
//   down(N,t)    N has crashed at or before t, with down(N,t) -> down(N,t+1)
//                so that each node crashes at most once; at most `crashes`
//                nodes have down(N,EOT);
//   late(N,X,d,k) the timer X of N due at d fires at least k steps late
//                (k = 1..min(slack, EOT+1-d)), with late(k+1) -> late(k).
// and the reading of a lineage graph as a formula over them: a tuple holds
// if any of its firings does, a firing if all its supports do, a message
// unless omitted or sent by a node that was down.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_SOLVER_FAULTFORMULA_H
#define FAULTLINE_LIB_SOLVER_FAULTFORMULA_H

#include "faultline/Eval/Scenario.h"
#include "faultline/Lineage/Lineage.h"

#include <z3++.h>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace faultline::solver {

/// To = From, by copy. The move assignment of z3++.h in Z3 4.8 (Debian 12)
/// does not release the expression it replaces, and a context deleted while
/// it still holds expressions walks its whole table (8 MiB) to find them: a
/// tenth of a small search's start-up (docs/design.md, "Start-up"). Copying
/// releases it; so assign an expression that is already set with this.
inline void assign(z3::expr &To, const z3::expr &From) { To = From; }

class FaultFormula {
public:
  /// Declares the crash variables and their constraints in S.
  FaultFormula(z3::context &Ctx, z3::solver &S, const Bounds &B);

  z3::expr omission(const std::string &From, const std::string &To, int T);
  /// N crashes at some time.
  z3::expr crashesEver(const std::string &Node);
  /// N crashes exactly at T.
  z3::expr crashesAt(const std::string &Node, int T);
  /// The fault set F happens (perhaps among others).
  z3::expr includes(const FaultSet &F);
  /// Assumptions that fix every fault variable to exactly F.
  z3::expr_vector exactly(const FaultSet &F);
  /// Every variable that counts toward a fault set's size.
  z3::expr_vector counted();
  /// The fault set a model chose.
  FaultSet read(const z3::model &M);
  /// The clause that excludes every superset of F: its omissions and its
  /// crashes at the same or earlier times, and maybe more.
  z3::expr notSupersetOf(const FaultSet &F);

  /// alive(o) for each outcome of L, in the order of L.Outcomes.
  std::vector<z3::expr> outcomes(const lineage::Lineage &L);
  /// For each of L's PreGoals: its `pre` tuple appears and, if L's run
  /// had its `post`, that post is lost (what a violation of it needs).
  std::vector<z3::expr> preGoals(const lineage::Lineage &L);

  unsigned size() const;

private:
  /// late(Node, Timer, Due, K) for K >= 1; false past the slack.
  z3::expr late(const std::string &Node, const std::string &Timer, int Due, int K);
  /// The timer of Node due at Due fires exactly at step At.
  z3::expr firesAt(const std::string &Node, const std::string &Timer, int Due, int At);
  int maxDelay(int Due) const { return std::max(0, std::min(B.TimerSlack, B.EOT + 1 - Due)); }

  /// Whether each of Roots still holds under the fault variables.
  std::vector<z3::expr> alive(const lineage::Lineage &L,
                              const std::vector<lineage::Vertex> &Roots);
  z3::expr lost(const lineage::LineageVertex &Message);
  z3::expr crashes(const std::string &Node, int Time, const std::vector<Crash> &Except);

  z3::context &Ctx;
  Bounds B;
  std::map<std::tuple<std::string, std::string, int>, z3::expr> Omit;
  std::map<std::string, std::vector<z3::expr>> Down;
  z3::solver &S;
  /// late(N, X, d, k) at [k - 1], created when a lineage first names the timer.
  std::map<std::tuple<std::string, std::string, int>, std::vector<z3::expr>> Late;
};

} // namespace faultline::solver

#endif // FAULTLINE_LIB_SOLVER_FAULTFORMULA_H

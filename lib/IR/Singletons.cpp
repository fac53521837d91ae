//===- Singletons.cpp - notin variables that occur nowhere else -----------===//

#include "faultline/IR/Validate.h"

#include <map>
#include <string>

namespace faultline::ir {

static void countVariables(const Term &T, std::map<std::string, unsigned> &Count) {
  if (T.K == Term::Kind::Variable)
    ++Count[T.Text];
  for (const Term &A : T.Args)
    countVariables(A, Count);
}

void readSingletonNotinVariablesAsWildcards(Program &P, DiagnosticEngine &Diags) {
  for (Rule &R : P.Rules) {
    std::map<std::string, unsigned> Count;
    for (const Term &T : R.Head.Args)
      countVariables(T, Count);
    for (const BodyElem &E : R.Body) {
      if (const auto *A = std::get_if<Atom>(&E)) {
        for (const Term &T : A->Args)
          countVariables(T, Count);
      } else {
        const auto &C = std::get<Comparison>(E);
        countVariables(C.LHS, Count);
        countVariables(C.RHS, Count);
      }
    }
    for (BodyElem &E : R.Body) {
      auto *A = std::get_if<Atom>(&E);
      if (!A || !A->Negated)
        continue;
      for (Term &T : A->Args)
        if (T.K == Term::Kind::Variable && Count[T.Text] == 1) {
          Diags.warning(T.Loc, "variable '" + T.Text + "' occurs only in this 'notin " +
                                   A->Relation + "'; it is read as '_'");
          T = Term::wildcard(T.Loc);
        }
    }
  }
}

} // namespace faultline::ir

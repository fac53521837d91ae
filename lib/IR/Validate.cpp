//===- Validate.cpp - Arity, safety and supported forms -------------------===//
//
// validateProgram collects every problem it finds, then reports them sorted
// by source position, so that the output reads top to bottom.
//
//===----------------------------------------------------------------------===//

#include "faultline/IR/Validate.h"
#include "faultline/IR/ReservedNames.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace faultline::ir {

namespace {

struct Problem {
  SourceLoc Loc;
  std::string Message;
  size_t Seq; ///< Discovery order, to keep the sort stable.
};

std::string formatLoc(const Program &P, SourceLoc L) {
  return P.fileName(L) + ":" + std::to_string(L.Line) + ":" +
         std::to_string(L.Col);
}

class Validator {
public:
  explicit Validator(const Program &P) : P(P) {}

  std::vector<Problem> run() {
    checkTimers();
    checkArities();
    for (const Fact &F : P.Facts)
      checkFact(F);
    for (const Rule &R : P.Rules)
      checkRule(R);
    checkDeclarations();
    std::sort(Problems.begin(), Problems.end(),
              [](const Problem &A, const Problem &B) {
                return std::tie(A.Loc.FileID, A.Loc.Line, A.Loc.Col, A.Seq) <
                       std::tie(B.Loc.FileID, B.Loc.Line, B.Loc.Col, B.Seq);
              });
    return std::move(Problems);
  }

private:
  const Program &P;
  std::vector<Problem> Problems;

  void problem(SourceLoc L, std::string M) {
    Problems.push_back(Problem{L, std::move(M), Problems.size()});
  }

  //===--- Timers ---------------------------------------------------------===//

  /// The columns each timer relation has: the timer's own (it fires), its
  /// arm relation (node, delay) and its cancel relation (node).
  std::map<std::string, std::pair<size_t, std::string>> TimerColumns;

  void checkTimers() {
    std::map<std::string, const TimerDecl *> Seen;
    for (const TimerDecl &T : P.Timers) {
      auto [It, New] = Seen.emplace(T.Name, &T);
      if (!New) {
        problem(T.Loc, "timer '" + T.Name + "' is declared twice (first at " +
                           formatLoc(P, It->second->Loc) + ")");
        continue;
      }
      if (T.Name == CrashRelation || T.Name == RestartRelation || T.Name == PreRelation ||
          T.Name == PostRelation || T.Name.rfind(ReservedPrefix, 0) == 0) {
        problem(T.Loc, "'" + T.Name + "' is a relation faultline defines; a timer needs "
                                      "another name");
        continue;
      }
      if (T.Arity != 1) {
        problem(T.Loc, "a timer has one column, its node ('timer " + T.Name +
                           "/1;'), not " + std::to_string(T.Arity));
        continue;
      }
      TimerColumns[T.Name] = {1, "its node"};
      TimerColumns[T.armRelation()] = {2, "the node and the delay"};
      TimerColumns[T.cancelRelation()] = {1, "the node"};
    }
  }

  /// A timer's own relation holds when the scenario fires it; nothing derives it.
  void checkNotTimer(const Atom &Head) {
    if (const TimerDecl *T = P.timer(Head.Relation))
      problem(Head.Loc, "'" + T->Name + "' is a timer: it holds when the timer fires and "
                        "cannot be derived; arm it with '" + T->armRelation() +
                        "(Node, Delay)'");
  }

  //===--- Arity ----------------------------------------------------------===//

  void checkArities() {
    // Every use of a relation, in source order.
    std::vector<const Atom *> Uses;
    for (const Rule &R : P.Rules) {
      Uses.push_back(&R.Head);
      for (const BodyElem &E : R.Body)
        if (const Atom *A = std::get_if<Atom>(&E))
          Uses.push_back(A);
    }
    for (const Fact &F : P.Facts)
      Uses.push_back(&F.Head);
    std::vector<size_t> Order(Uses.size());
    for (size_t I = 0; I < Order.size(); ++I)
      Order[I] = I;
    std::sort(Order.begin(), Order.end(), [&](size_t X, size_t Y) {
      const SourceLoc &A = Uses[X]->Loc, &B = Uses[Y]->Loc;
      return std::tie(A.FileID, A.Line, A.Col, X) <
             std::tie(B.FileID, B.Line, B.Col, Y);
    });

    std::map<std::string, const Atom *> First;
    for (size_t I : Order) {
      const Atom *A = Uses[I];
      size_t N = A->Args.size();
      if (A->Relation == CrashRelation) {
        if (N != 3)
          problem(A->Loc, "'crash' has 3 columns (observer, crashed node, "
                          "time) but is used with " +
                              std::to_string(N) + " here");
        continue;
      }
      if (A->Relation == RestartRelation) {
        if (N != 2)
          problem(A->Loc, "'restart' has 2 columns (restarted node, time) but is used with " +
                              std::to_string(N) + " here");
        continue;
      }
      if (auto Timer = TimerColumns.find(A->Relation); Timer != TimerColumns.end()) {
        if (N != Timer->second.first)
          problem(A->Loc, "timer relation '" + A->Relation + "' has " +
                              std::to_string(Timer->second.first) + " column" +
                              (Timer->second.first == 1 ? "" : "s") + " (" +
                              Timer->second.second + ") but is used with " +
                              std::to_string(N) + " here");
        continue;
      }
      if (N == 0) {
        problem(A->Loc, "relation '" + A->Relation +
                            "' needs at least one column: the first is the "
                            "node");
        continue;
      }
      auto [It, Inserted] = First.emplace(A->Relation, A);
      if (Inserted || It->second->Args.size() == N)
        continue;
      const Atom *F = It->second;
      std::string Where = F->Loc.isValid() ? "at " + formatLoc(P, F->Loc)
                                           : std::string("elsewhere");
      problem(A->Loc, "relation '" + A->Relation + "' used with " +
                          std::to_string(N) + " argument" +
                          (N == 1 ? "" : "s") + " here but " +
                          std::to_string(F->Args.size()) + " " + Where);
    }
  }

  //===--- Declarations ---------------------------------------------------===//

  /// A durable or ghost relation must be one the program has, and its own:
  /// the scenario's `crash` and `restart` do not belong to a node's state.
  void checkDeclarations() {
    std::set<std::string> Used;
    for (const Rule &R : P.Rules) {
      Used.insert(R.Head.Relation);
      for (const BodyElem &E : R.Body)
        if (const Atom *A = std::get_if<Atom>(&E))
          Used.insert(A->Relation);
    }
    for (const Fact &F : P.Facts)
      Used.insert(F.Head.Relation);
    std::map<std::string, const Declaration *> Seen;
    for (const Declaration &D : P.Declarations) {
      std::string What = std::string(spelling(D.K)) + " relation '" + D.Relation + "'";
      if (D.Relation == CrashRelation || D.Relation == RestartRelation)
        problem(D.Loc, "'" + D.Relation +
                           "' is provided by the failure scenario and cannot be declared " +
                           spelling(D.K));
      else if (TimerColumns.count(D.Relation))
        problem(D.Loc, "'" + D.Relation + "' is a timer relation; a restart disarms a node's "
                                          "timers, so it cannot be declared " + spelling(D.K));
      else if (!Used.count(D.Relation))
        problem(D.Loc, What + " is not used by any rule or fact");
      auto [It, New] = Seen.emplace(D.Relation, &D);
      if (!New && It->second->K != D.K)
        problem(D.Loc, "relation '" + D.Relation + "' is declared both durable and ghost (at " +
                           formatLoc(P, It->second->Loc) + "); a ghost relation is durable");
    }
  }

  //===--- Facts ----------------------------------------------------------===//

  void checkFact(const Fact &F) {
    checkNotTimer(F.Head);
    if (F.Head.Relation == CrashRelation || F.Head.Relation == RestartRelation)
      problem(F.Head.Loc, "'" + F.Head.Relation +
                              "' is provided by the failure scenario and cannot be derived");
    if (F.Head.Negated)
      problem(F.Head.Loc, "a fact cannot be negated");
    for (const Term &T : F.Head.Args)
      if (!T.isConstant())
        problem(T.Loc, "fact arguments must be constants");
  }

  //===--- Rules ----------------------------------------------------------===//

  /// Where a variable occurs, for the wording of safety errors.
  enum class Place { Head, Negated, Comparison, Arith };

  static std::string placeName(Place Pl, const std::string &Relation) {
    switch (Pl) {
    case Place::Head:
      return "in the head";
    case Place::Negated:
      return "in 'notin " + Relation + "'";
    case Place::Comparison:
      return "in a comparison";
    case Place::Arith:
      return "in an arithmetic expression";
    }
    return "";
  }

  /// Reports the unbound variables and wildcards of T, once per variable
  /// name per rule (Reported). TopLevel is true for a whole head column,
  /// the only place an aggregate may be.
  void checkTerm(const Term &T, Place Pl, const std::string &Relation,
                 bool TopLevel, const std::set<std::string> &Bound,
                 std::set<std::string> &Reported) {
    switch (T.K) {
    case Term::Kind::Variable:
      if (!Bound.count(T.Text) && Reported.insert(T.Text).second)
        problem(T.Loc, "variable '" + T.Text + "' " +
                           placeName(Pl, Relation) +
                           " is not bound by a positive body predicate");
      return;
    case Term::Kind::Wildcard:
      if (Pl == Place::Negated)
        return;
      problem(T.Loc, "wildcard '_' is not allowed " + placeName(Pl, Relation));
      return;
    case Term::Kind::Integer:
    case Term::Kind::String:
    case Term::Kind::Symbol:
      return;
    case Term::Kind::Arith:
      // Inside arithmetic a wildcard means nothing, even under notin.
      for (const Term &A : T.Args)
        checkTerm(A, Pl == Place::Negated ? Place::Arith : Pl, Relation, false,
                  Bound, Reported);
      return;
    case Term::Kind::Aggregate:
      if (Pl != Place::Head || !TopLevel) {
        problem(T.Loc, "aggregate '" + T.Text +
                           "<...>' is only allowed as a whole head column");
        return;
      }
      if (T.Args.size() != 1 || T.Args[0].K != Term::Kind::Variable) {
        problem(T.Loc, "the argument of aggregate '" + T.Text +
                           "' must be a variable");
        return;
      }
      checkTerm(T.Args[0], Pl, Relation, false, Bound, Reported);
      return;
    }
  }

  void checkRule(const Rule &R) {
    checkNotTimer(R.Head);
    if (R.Head.Relation == CrashRelation || R.Head.Relation == RestartRelation)
      problem(R.Head.Loc, "'" + R.Head.Relation +
                              "' is provided by the failure scenario and cannot be derived");
    if (R.Head.Negated)
      problem(R.Head.Loc, "a rule head cannot be negated");
    if (R.Head.AtTime)
      problem(R.Head.Loc, "a rule head cannot hold at a fixed time");

    // Variables bound by positive body predicates: direct columns only.
    std::set<std::string> Bound;
    bool HasPositive = false;
    for (const BodyElem &E : R.Body) {
      const Atom *A = std::get_if<Atom>(&E);
      if (!A || A->Negated)
        continue;
      HasPositive = true;
      for (const Term &T : A->Args)
        if (T.K == Term::Kind::Variable)
          Bound.insert(T.Text);
    }
    if (!HasPositive)
      problem(R.Loc, "rule for '" + R.Head.Relation +
                         "' needs at least one positive body predicate");

    std::set<std::string> Reported;
    for (const Term &T : R.Head.Args)
      checkTerm(T, Place::Head, R.Head.Relation, true, Bound, Reported);

    for (const BodyElem &E : R.Body) {
      if (const Atom *A = std::get_if<Atom>(&E)) {
        for (const Term &T : A->Args) {
          if (A->Negated) {
            checkTerm(T, Place::Negated, A->Relation, false, Bound, Reported);
          } else if (T.K == Term::Kind::Arith ||
                     T.K == Term::Kind::Aggregate) {
            checkTerm(T, Place::Arith, A->Relation, false, Bound, Reported);
          }
        }
      } else {
        const Comparison &C = std::get<Comparison>(E);
        checkTerm(C.LHS, Place::Comparison, "", false, Bound, Reported);
        checkTerm(C.RHS, Place::Comparison, "", false, Bound, Reported);
      }
    }

    if (R.Time == HeadTime::Async) {
      const Term *Loc = R.locationTerm();
      if (Loc && Loc->K == Term::Kind::Wildcard)
        problem(Loc->Loc, "an @async rule needs a sender: the first column of "
                          "its first body predicate must not be '_'");
    }
  }
};

} // namespace

bool validateProgram(const Program &P, DiagnosticEngine &Diags) {
  std::vector<Problem> Problems = Validator(P).run();
  for (const Problem &Pr : Problems)
    Diags.error(Pr.Loc, Pr.Message);
  return Problems.empty();
}

} // namespace faultline::ir

//===- LowerConditions.cpp - Conditions to the paths where they hold ------===//
//
// A condition is lowered for a truth value: the paths on which it has it.
// `&&`, `||` and `!` split paths without a value in between, a comparison
// adds a comparison literal (or decides between constants), and a
// membership test (`find(k) != end()`) becomes the state literal or its
// `notin`.
//
//===----------------------------------------------------------------------===//

#include "Idioms.h"
#include "LoweringContext.h"

namespace faultline::frontend {

using ir::Term;

namespace {

class ConditionLowering {
public:
  explicit ConditionLowering(LoweringContext &Cx) : Cx(Cx) {}

  /// The paths on which E has the given truth. Those of a compound
  /// condition are joined as a statement's are (JoinPoints.cpp).
  std::vector<Path> assume(const clang::Expr *E, bool Truth, Path P) {
    Outcomes O = outcomes(E, std::move(P), Truth, !Truth);
    return Cx.joinPaths(std::move(Truth ? O.True : O.False), E);
  }

private:
  /// The paths on which a condition is true, and those on which it is
  /// false; each only if wanted.
  struct Outcomes {
    std::vector<Path> True, False;
  };

  Outcomes outcomes(const clang::Expr *E, Path P, bool WantTrue, bool WantFalse) {
    // A long chain of && and || multiplies paths within one statement.
    Cx.checkDeadline(E->getExprLoc());
    E = strip(E);
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E);
        U && U->getOpcode() == clang::UO_LNot) {
      Outcomes O = outcomes(U->getSubExpr(), std::move(P), WantFalse, WantTrue);
      std::swap(O.True, O.False);
      return O;
    }
    if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(E);
        Cast && Cast->getCastKind() == clang::CK_IntegralToBoolean)
      E = strip(Cast->getSubExpr());
    if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(E);
        B && (B->getOpcode() == clang::BO_LAnd || B->getOpcode() == clang::BO_LOr))
      return logical(B, std::move(P), WantTrue, WantFalse);
    Outcomes O;
    if (WantTrue)
      O.True = leaf(E, true, P);
    if (WantFalse)
      O.False = leaf(E, false, std::move(P));
    return O;
  }

  /// a && b: true where both are; false where a is, or a is true and b
  /// false. a || b: true where a is, or a is false and b true; false where
  /// both are. The left side alone decides when it is false for &&, true
  /// for ||; on its other paths, joined, the right side decides. Both
  /// outcomes come from one walk of the left side, so a chain of N tests
  /// lowers each once, and the joins keep the paths that go on to the right
  /// side few: a chain of N alternatives of two tests is false on 2^N paths
  /// otherwise, all within one statement.
  Outcomes logical(const clang::BinaryOperator *B, Path P, bool WantTrue, bool WantFalse) {
    bool Or = B->getOpcode() == clang::BO_LOr;
    bool WantDecided = Or ? WantTrue : WantFalse;
    Outcomes Left = Or ? outcomes(B->getLHS(), std::move(P), WantDecided, true)
                       : outcomes(B->getLHS(), std::move(P), true, WantDecided);
    Outcomes Out;
    (Or ? Out.True : Out.False) = std::move(Or ? Left.True : Left.False);
    std::vector<Path> GoOn = std::move(Or ? Left.False : Left.True);
    for (Path &Q : Cx.joinPaths(std::move(GoOn), B->getLHS())) {
      Outcomes Right = outcomes(B->getRHS(), std::move(Q), WantTrue, WantFalse);
      Out.True = concat(std::move(Out.True), std::move(Right.True));
      Out.False = concat(std::move(Out.False), std::move(Right.False));
    }
    return Out;
  }

  /// The paths on which a condition without && or || at its top has the
  /// given truth.
  std::vector<Path> leaf(const clang::Expr *E, bool Truth, Path P) {
    if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(E)) {
      if (auto Op = comparison(B->getOpcode()))
        return compared(B->getLHS(), B->getRHS(), Truth ? *Op : negate(*Op), std::move(P));
    }
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E))
      if (auto Cmp = comparison(Op)) {
        if (auto Paths = assumeEndTest(Op, Truth, P))
          return *Paths;
        if (structOf(Op->getArg(0)->getType()))
          return assumeStructComparison(Op, *Cmp, Truth, std::move(P));
        return compared(Op->getArg(0), Op->getArg(1), Truth ? *Cmp : negate(*Cmp), std::move(P));
      }
    if (const auto *B = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(E))
      return B->getValue() == Truth ? std::vector<Path>{std::move(P)} : std::vector<Path>{};
    return nonZero(Cx.eval(E, std::move(P)), Truth);
  }

  /// The paths where `L Op R` holds.
  std::vector<Path> compared(const clang::Expr *L, const clang::Expr *R, ir::CmpOp Op, Path P) {
    std::vector<Path> Out;
    for (auto &[Q, Left] : Cx.eval(L, std::move(P)))
      for (auto &[Q2, Right] : Cx.eval(R, std::move(Q)))
        if (compare(Q2, Op, Left, Right))
          Out.push_back(std::move(Q2));
    return Out;
  }

  /// The paths where the value is (Truth) or is not (!Truth) other than 0.
  static std::vector<Path> nonZero(Valued Values, bool Truth) {
    std::vector<Path> Out;
    for (auto &[Q, V] : Values)
      if (compare(Q, Truth ? ir::CmpOp::NE : ir::CmpOp::EQ, V, Term::integer(0)))
        Out.push_back(std::move(Q));
    return Out;
  }

  /// `c.find(k) != c.end()`, `it == c.end()` and the like: a membership test.
  std::optional<std::vector<Path>> assumeEndTest(const clang::CXXOperatorCallExpr *Op, bool Truth,
                                                 const Path &P) {
    std::optional<EndTest> T = endTest(Op);
    if (!T)
      return std::nullopt;
    Object EndObj;
    const StateMember *EndState = nullptr;
    if (!Cx.memberState(T->EndOf, EndObj, EndState))
      Cx.fail(Op->getBeginLoc(), "comparing with end() of something other than a state set or map",
              "test membership in state sets and maps with count() or find() != end()");
    Valued Found;
    if (T->Find) {
      Object Obj;
      const StateMember *State = nullptr;
      if (!Cx.memberState(T->Find->getImplicitObjectArgument(), Obj, State) ||
          State != EndState || Obj.Var != EndObj.Var)
        Cx.fail(Op->getBeginLoc(), "comparing find() on one container with end() of another",
                "write c.find(k) != c.end() with the same c");
      const Overlay *Seen = Cx.readable(P, *State, Op->getBeginLoc(), "reading");
      for (auto &[Q, K] : Cx.evalTuple(T->Find->getArg(0), P))
        for (auto &V : Cx.contains(Obj, *State, K, std::move(Q), Seen))
          Found.push_back(std::move(V));
    } else {
      FoundIterator I = Cx.iteratorOf(T->Iterator, P, Op->getBeginLoc());
      if (I.State != EndState || I.Obj.Var != EndObj.Var)
        Cx.fail(Op->getBeginLoc(), "comparing an iterator with end() of another container",
                "compare it with end() of the container it was found in");
      Found = Cx.contains(I.Obj, *I.State, I.Key, P,
                          Cx.readable(P, *I.State, Op->getBeginLoc(), "reading"));
    }
    // Found is 1 or 0; the comparison holds where it is (not) found.
    bool WantFound = T->HoldsWhenFound == Truth;
    std::vector<Path> Out;
    for (auto &[Q, V] : Found)
      if (V.Int == (WantFound ? 1 : 0))
        Out.push_back(std::move(Q));
    return Out;
  }

  /// `a == b` on structs: a defaulted == or != compares field by field;
  /// the project's own operator is inlined like any helper.
  std::vector<Path> assumeStructComparison(const clang::CXXOperatorCallExpr *Op, ir::CmpOp Cmp,
                                           bool Truth, Path P) {
    const clang::FunctionDecl *F = Op->getDirectCallee();
    if (!F || !F->isDefaulted() || (Cmp != ir::CmpOp::EQ && Cmp != ir::CmpOp::NE))
      return nonZero(Cx.scalars(Cx.inlineValue(Op, std::move(P)), Op), Truth);
    std::vector<Path> Out;
    bool Equal = (Cmp == ir::CmpOp::EQ) == Truth;
    for (auto &[Q, L] : Cx.evalTuple(Op->getArg(0), std::move(P)))
      for (auto &[Q2, R] : Cx.evalTuple(Op->getArg(1), std::move(Q))) {
        if (Equal) {
          // Every field equal: one path.
          bool Possible = true;
          for (size_t I = 0; I < L.size(); ++I)
            Possible &= compare(Q2, ir::CmpOp::EQ, L[I], R[I]);
          if (Possible)
            Out.push_back(std::move(Q2));
          continue;
        }
        // Some field differs: a path per field.
        for (size_t I = 0; I < L.size(); ++I) {
          Path Differs = Q2;
          if (compare(Differs, ir::CmpOp::NE, L[I], R[I]))
            Out.push_back(std::move(Differs));
        }
      }
    return Out;
  }

  LoweringContext &Cx;
};

} // namespace

std::vector<Path> LoweringContext::assume(const clang::Expr *E, bool Truth, Path P) {
  return ConditionLowering(*this).assume(E, Truth, std::move(P));
}

Valued LoweringContext::truthValue(const clang::Expr *E, Path P) {
  Valued Out;
  for (Path &Q : assume(E, true, P))
    Out.push_back({std::move(Q), Term::integer(1)});
  for (Path &Q : assume(E, false, std::move(P)))
    Out.push_back({std::move(Q), Term::integer(0)});
  return Out;
}

} // namespace faultline::frontend

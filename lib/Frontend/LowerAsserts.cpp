//===- LowerAsserts.cpp - A handler's asserts as checked properties -------===//
//
// `assert(cond)` in a handler (or a helper it calls) states what the team
// expects wherever it is reached: a run that reaches it with `cond` false
// is a counterexample, as a violated invariant is. Where a path reaches the
// assert with the condition false, a rule derives `fl_assert(Node,
// Assertion, Time)`; the model keeps that tuple to EOT (ModelBuilder), and
// an invariant case reads it as a `pre` without `post`: the search aims at
// making it appear (a `pre` that only faults create) and check reports it
// at the assert. The paths go on where the condition holds, since the C++
// stops at a failed assert. A call of `abort()` (`std::abort`,
// `std::terminate`), what a project's PANIC macro ends in, is an assert
// that fails wherever it is reached.
//
//===----------------------------------------------------------------------===//

#include "LoweringContext.h"

#include "clang/AST/ParentMapContext.h"

namespace faultline::frontend {

using ir::Term;

namespace {

/// The function the statement is written in: the handler, or the helper
/// inlined into it.
std::string enclosingFunction(clang::ASTContext &AST, const clang::Stmt *S) {
  clang::DynTypedNodeList Parents = AST.getParents(*S);
  while (!Parents.empty()) {
    const clang::DynTypedNode &P = Parents[0];
    if (const auto *M = P.get<clang::CXXMethodDecl>())
      return M->getParent()->getNameAsString() + "::" + M->getNameAsString();
    if (const auto *F = P.get<clang::FunctionDecl>())
      return F->getNameAsString();
    Parents = AST.getParents(P);
  }
  return "";
}

} // namespace

std::vector<Path> LoweringContext::execAssert(const clang::Stmt *S, const clang::Expr *Cond,
                                              std::vector<Path> In) {
  // An invariant states its property with its returns.
  if (Names.Writer.empty())
    fail(S->getBeginLoc(), "an assert in an invariant",
         "state the property as 'if (!(condition)) return false;'");
  std::string Assertion = writtenAs(AST, S);
  std::string Function = enclosingFunction(AST, S);
  std::string Name = Assertion + (Function.empty() ? "" : " in " + Function);
  Term Node = Term::variable(Here.Self.Var);
  Term Time = freshVariable("Time");
  std::vector<Path> Out;
  bool Reached = false;
  for (Path &P : In) {
    // No condition: abort() fails wherever it is reached.
    for (Path &Failed : Cond ? assume(Cond, false, P) : std::vector<Path>{P}) {
      Failed.Body.push_back(atom(ir::ClockRelation, {Node, Time}));
      emit(atom(ir::AssertRelation, {Node, Term::string(Name), Time}), ir::HeadTime::Now, Failed,
           S->getBeginLoc());
      Reached = true;
    }
    if (Cond)
      for (Path &Holds : assume(Cond, true, std::move(P)))
        Out.push_back(std::move(Holds));
  }
  if (!Reached)
    return Out; // it cannot fail
  // The assert fails for a node that has not crashed: a crashed node
  // computes on in the model, but runs nothing in C++.
  InvariantCase C;
  C.Name = Name;
  Term N = Term::variable("Node"), T = Term::variable("Time");
  C.Columns = {Term::integer(1), N, T};
  C.Pre = {atom(ir::AssertRelation, {N, Term::string(Name), T}),
           atom(ir::CrashRelation, {N, N, Term::wildcard()}, true)};
  C.Loc = Fragment.loc(S->getBeginLoc());
  C.Origin = Name;
  C.Assertion = Assertion;
  C.Suppressed = hasNolint(AST.getSourceManager(), S->getBeginLoc());
  Fragment.addInvariant(std::move(C));
  return Out;
}

} // namespace faultline::frontend

//===- LowerInvariant.cpp - An invariant's body to pre and post ------------===//
//
// An invariant's parameters are quantified over the live nodes of their
// roles. Each way it can fail is a case: `pre` where the path stands (the
// situation the property talks about) and `post` where the property holds
// there. `if (cond) return false;` gives the property `!cond`, `return
// expr;` the property `expr`, and `return std::all_of(...)` (any_of,
// none_of) over a state set quantifies over its elements.
//
//===----------------------------------------------------------------------===//

#include "Idioms.h"
#include "LoweringContext.h"

namespace faultline::frontend {

using ir::Term;

namespace {

/// An invariant's returns state its property.
class InvariantKind final : public FunctionKind {
public:
  explicit InvariantKind(std::string Name) : Name(std::move(Name)) {}

  bool lowerReturnFalseIf(LoweringContext &Cx, const clang::IfStmt *I,
                          const Path &Before) override {
    if (!returnsFalse(I->getThen()))
      return false;
    // The property is !cond where the path stood before the if.
    violation(Cx, Before, I->getCond(), /*PropertyIsTrue=*/false, I->getBeginLoc());
    return true;
  }

  void lowerReturn(LoweringContext &Cx, const clang::ReturnStmt *R, const Path &P) override {
    const clang::Expr *V = R->getRetValue();
    const auto *B = V ? llvm::dyn_cast<clang::CXXBoolLiteralExpr>(strip(V)) : nullptr;
    if (!V)
      Cx.fail(R->getBeginLoc(), "a return without a value", "an invariant returns a bool");
    if (!B && quantifier(Cx, P, V, R->getBeginLoc()))
      return;
    if (!B)
      violation(Cx, P, V, /*PropertyIsTrue=*/true, R->getBeginLoc());
    else if (!B->getValue())
      Cx.fail(R->getBeginLoc(), "an unconditional 'return false'",
              "an invariant fails under a condition: write 'if (cond) return false;'");
  }

  /// The cases found, in the order of the code.
  std::vector<InvariantCase> Cases;

private:
  static bool returnsFalse(const clang::Stmt *S) {
    if (const auto *C = llvm::dyn_cast<clang::CompoundStmt>(S))
      return C->size() == 1 && returnsFalse(C->body_front());
    const auto *R = llvm::dyn_cast<clang::ReturnStmt>(S);
    if (!R || !R->getRetValue())
      return false;
    const auto *B = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(strip(R->getRetValue()));
    return B && !B->getValue();
  }

  /// `return std::all_of(c.begin(), c.end(), pred);` (and any_of, none_of)
  /// over a state set of a process. all_of and none_of are loops: pre for
  /// each element, post where pred holds (does not hold); any_of is pre
  /// where the path stands, post where some element satisfies pred.
  /// Returns false if V is not such a call.
  bool quantifier(LoweringContext &Cx, const Path &P, const clang::Expr *V,
                  clang::SourceLocation Loc) {
    const auto *Call = llvm::dyn_cast<clang::CallExpr>(strip(V));
    const clang::FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
    std::string Name = F ? F->getQualifiedNameAsString() : "";
    if (Name != "std::all_of" && Name != "std::any_of" && Name != "std::none_of")
      return false;
    if (Call->getNumArgs() != 3)
      Cx.fail(Loc, "this " + Name, "call it as " + Name + "(c.begin(), c.end(), [&](...) { ... })");
    // The range: c.begin() and c.end() of one state set.
    const auto *Begin = llvm::dyn_cast<clang::CXXMemberCallExpr>(strip(Call->getArg(0)));
    const auto *End = llvm::dyn_cast<clang::CXXMemberCallExpr>(strip(Call->getArg(1)));
    Object Obj;
    const StateMember *State = nullptr;
    if (!Begin || !End || Begin->getMethodDecl()->getName() != "begin" ||
        End->getMethodDecl()->getName() != "end" ||
        !Cx.memberState(Begin->getImplicitObjectArgument(), Obj, State) ||
        State->K != StateMember::Kind::Set)
      Cx.fail(Loc, "the range of this " + Name,
              "quantify over a state set of a process: s.begin(), s.end()");
    // The predicate: a lambda of one parameter whose body is `return expr;`.
    std::optional<Predicate> Pred = lambdaPredicate(Call->getArg(2));
    if (!Pred)
      Cx.fail(Loc, "the predicate of this " + Name,
              "pass a lambda of one element whose body is 'return <condition>;'");
    Path Each = P;
    Tuple E = Cx.fresh(typesOf(*State, Cx.AST).first, Pred->Param->getName());
    Each.Body.push_back(atom(State->Relation, append({Term::variable(Obj.Var)}, E)));
    Each.Locals[Pred->Param] = E;
    if (Name == "std::any_of") {
      InvariantCase C = newCase(Cx, P, Loc);
      for (Path &Q : Cx.assume(Pred->Condition, true, Each))
        C.Post.push_back(Q.Body);
      Cases.push_back(std::move(C));
      return true;
    }
    Each.Quantified = append(std::move(Each.Quantified), E);
    violation(Cx, Each, Pred->Condition, /*PropertyIsTrue=*/Name == "std::all_of", Loc);
    return true;
  }

  /// The pre half of an invariant case where the path stands.
  InvariantCase newCase(LoweringContext &Cx, const Path &P, clang::SourceLocation Loc) {
    InvariantCase C;
    C.Name = Name;
    // Each way the invariant can fail is its own pre/post pair: the case
    // number keeps one case's post from answering another's pre.
    C.Columns.push_back(Term::integer(static_cast<int64_t>(Cases.size() + 1)));
    for (const Term &T : P.Quantified)
      C.Columns.push_back(T);
    C.Pre = P.Body;
    C.Loc = Cx.Fragment.loc(Loc);
    C.Origin = "invariant " + Name + ": " + Cx.sourceText(Loc);
    return C;
  }

  /// `pre` where the path stands; `post` where the property also holds.
  void violation(LoweringContext &Cx, const Path &P, const clang::Expr *Cond, bool PropertyIsTrue,
                 clang::SourceLocation Loc) {
    InvariantCase C = newCase(Cx, P, Loc);
    for (Path &Q : Cx.assume(Cond, PropertyIsTrue, P))
      C.Post.push_back(Q.Body);
    Cases.push_back(std::move(C));
  }

  std::string Name;
};

} // namespace

void lowerInvariant(const LoweringInputs &In, const clang::FunctionDecl *F) {
  std::string Name = F->getNameAsString();
  InvariantKind Kind(Name);
  // An invariant's problems are told by their location, and it assigns no
  // state of its own (its processes are parameters, not `this`).
  LoweringContext Cx(In, Kind, FunctionNames{Name, "", "", "", F->getLocation()});
  Path Start;
  std::vector<ir::BodyElem> Liveness;
  for (const clang::ParmVarDecl *Param : F->parameters()) {
    const Role *Ro = In.Proto.roleOf(Param->getType().getNonReferenceType()->getAsRecordDecl());
    if (!Ro) {
      In.Rep.error(Param->getLocation(),
                   "the parameters of an invariant must be processes (const Role &)");
      return;
    }
    Term V = Cx.freshVariable(Param->getName());
    Cx.NodeParams[Param] = Object{Ro, V.Text};
    In.Fragment.uses(Ro->Decl);
    Start.Body.push_back(atom(RoleRelation, {V, Term::string(Ro->Name)}));
    // Only live nodes are held to the invariant: a crashed node keeps
    // computing in the model, but nobody can observe it.
    Liveness.push_back(atom(ir::CrashRelation, {V, V, Term::wildcard()}, true));
    Start.Quantified.push_back(V);
  }
  if (Cx.NodeParams.empty()) {
    In.Rep.error(F->getLocation(), "an invariant needs at least one process parameter");
    return;
  }
  Start.Body.insert(Start.Body.end(), Liveness.begin(), Liveness.end());
  if (!Cx.lowerBody(F->getBody(), std::move(Start)))
    return;
  Cx.commitRules();
  for (InvariantCase &C : Kind.Cases)
    In.Fragment.addInvariant(std::move(C));
}

} // namespace faultline::frontend

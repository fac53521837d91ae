//===- LowerAlgorithms.cpp - <algorithm> calls over state containers ------===//
//
// A handler counts a quorum or tests its state with the standard algorithms
// rather than a loop: `std::count_if(acks.begin(), acks.end(), pred)`,
// `std::any_of` / `all_of` / `none_of`, `*std::max_element(v.begin(),
// v.end())` and `min_element`. Each becomes a relation derived where the
// handler stands, keyed by the variables the path has bound (the node, the
// message, what it read), holding the elements that satisfy the predicate;
// the path then reads its count (a `count<>` aggregate), whether it has a
// tuple, or its `max<>` / `min<>`. The predicate is a lambda of one element
// whose body is `return <condition>;`, lowered where the handler stands, so
// it reads the message, locals and state as the handler does.
//
//===----------------------------------------------------------------------===//

#include "LoweringContext.h"

#include "faultline/IR/Printer.h"

#include <cstdint>

namespace faultline::frontend {

using ir::Term;

namespace {

class AlgorithmLowering {
public:
  explicit AlgorithmLowering(LoweringContext &Cx) : Cx(Cx) {}

  std::optional<Valued> call(const clang::CallExpr *Call, const Path &P) {
    const clang::FunctionDecl *F = Call->getDirectCallee();
    std::string Name = F ? F->getQualifiedNameAsString() : "";
    bool Counts = Name == "std::count_if", Any = Name == "std::any_of",
         All = Name == "std::all_of", None = Name == "std::none_of";
    if (!Counts && !Any && !All && !None)
      return std::nullopt;
    clang::SourceLocation Loc = Call->getBeginLoc();
    if (Call->getNumArgs() != 3)
      Cx.fail(Loc, "this " + Name, "call it as " + Name + "(c.begin(), c.end(), [&](...) { ... })");
    Range R = range(Call, Name);
    const clang::Expr *Pred = predicate(Call->getArg(2), Name, Loc);
    // all_of is none_of with the predicate negated: both hold where no
    // element is a witness.
    std::string Witnesses = matching(R, Pred, /*Truth=*/!All, P, Loc);
    Tuple Context = contextOf(P);
    Valued Out;
    if (Counts) {
      auto [Known, New] = Cx.AlgorithmRelations.try_emplace("count of " + Witnesses);
      if (New) {
        Known->second = Cx.JoinPrefix + "_count_" + std::to_string(++Cx.Joins);
        Tuple Cols = Context;
        Cols.push_back(Cx.freshVariable("Counted"));
        Tuple Head = Context;
        Head.push_back(Term::aggregate("count", Cols.back()));
        Path Counting;
        Counting.Body.push_back(atom(Witnesses, Cols));
        Cx.emit(atom(Known->second, Head), ir::HeadTime::Now, Counting, Loc);
      }
      const std::string &Count = Known->second;
      Path Some = P, Zero = P;
      Term N = Cx.freshVariable("Count");
      Some.Body.push_back(atom(Count, append(Context, {N})));
      Zero.Body.push_back(atom(Count, append(Context, {Term::wildcard()}), true));
      Out.push_back({std::move(Some), N});
      Out.push_back({std::move(Zero), Term::integer(0)});
      return Out;
    }
    Path Some = P, Zero = P;
    Some.Body.push_back(atom(Witnesses, append(Context, {Term::wildcard()})));
    Zero.Body.push_back(atom(Witnesses, append(Context, {Term::wildcard()}), true));
    Out.push_back({std::move(Some), Term::integer(Any ? 1 : 0)});
    Out.push_back({std::move(Zero), Term::integer(Any ? 0 : 1)});
    return Out;
  }

  /// `*std::max_element(c.begin(), c.end())` and min_element: undefined on
  /// an empty container, a path the model does not have.
  std::optional<Valued> extreme(const clang::Expr *E, const Path &P) {
    // The container's iterator is a class: `*it` is its operator*.
    const clang::Expr *It = nullptr;
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E); U && U->getOpcode() == clang::UO_Deref)
      It = U->getSubExpr();
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == clang::OO_Star && Op->getNumArgs() == 1)
      It = Op->getArg(0);
    if (!It)
      return std::nullopt;
    const auto *Call = llvm::dyn_cast<clang::CallExpr>(strip(It));
    const clang::FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
    std::string Name = F ? F->getQualifiedNameAsString() : "";
    if (Name != "std::max_element" && Name != "std::min_element")
      return std::nullopt;
    clang::SourceLocation Loc = Call->getBeginLoc();
    if (Call->getNumArgs() != 2)
      Cx.fail(Loc, "this " + Name + " with a comparator",
              "compare the elements' own values: " + Name + "(c.begin(), c.end())");
    Range R = range(Call, Name);
    Tuple Context = contextOf(P);
    Path Each = P;
    Term X = element(R, Each, Loc).second;
    std::string Extreme = Cx.JoinPrefix + "_" + (Name == "std::max_element" ? "max" : "min") +
                          "_" + std::to_string(++Cx.Joins);
    Tuple Head = Context;
    Head.push_back(Term::aggregate(Name == "std::max_element" ? "max" : "min", X));
    Cx.emit(atom(Extreme, Head), ir::HeadTime::Now, Each, Loc);
    Path Some = P;
    Term V = Cx.freshVariable(Name == "std::max_element" ? "Max" : "Min");
    Some.Body.push_back(atom(Extreme, append(Context, {V})));
    return Valued{{std::move(Some), V}};
  }

private:
  /// The state container an algorithm walks, from `c.begin(), c.end()`.
  struct Range {
    Object Obj;
    const StateMember *State = nullptr;
  };

  Range range(const clang::CallExpr *Call, const std::string &Name) {
    const auto *Begin = llvm::dyn_cast<clang::CXXMemberCallExpr>(strip(Call->getArg(0)));
    const auto *End = llvm::dyn_cast<clang::CXXMemberCallExpr>(strip(Call->getArg(1)));
    Range R;
    const clang::FieldDecl *Other = nullptr;
    if (End) {
      Object O;
      const StateMember *S = nullptr;
      if (Cx.memberState(End->getImplicitObjectArgument(), O, S))
        Other = S->Field;
    }
    if (!Begin || !End || Begin->getMethodDecl()->getName() != "begin" ||
        End->getMethodDecl()->getName() != "end" ||
        !Cx.memberState(Begin->getImplicitObjectArgument(), R.Obj, R.State) ||
        R.State->Field != Other ||
        (R.State->K != StateMember::Kind::Set && R.State->K != StateMember::Kind::Vector))
      Cx.fail(Call->getBeginLoc(), "the range of this " + Name,
              "walk a state set or vector whole: c.begin(), c.end()");
    auto [KeyType, ValueType] = typesOf(*R.State, Cx.AST);
    clang::QualType Element = R.State->K == StateMember::Kind::Vector ? ValueType : KeyType;
    if (Cx.fresh(Element, "E").size() != 1)
      Cx.fail(Call->getBeginLoc(), "this " + Name + " over a container of structs",
              "walk a container of integers, strings or enums, or write a range-for loop");
    return R;
  }

  /// The lambda's `return <condition>;`.
  const clang::Expr *predicate(const clang::Expr *Arg, const std::string &Name,
                               clang::SourceLocation Loc) {
    const auto *Lambda = llvm::dyn_cast<clang::LambdaExpr>(strip(Arg));
    const clang::CXXMethodDecl *Op = Lambda ? Lambda->getCallOperator() : nullptr;
    const auto *Body = Op ? llvm::dyn_cast<clang::CompoundStmt>(Op->getBody()) : nullptr;
    const auto *Ret = Body && Body->size() == 1
                          ? llvm::dyn_cast<clang::ReturnStmt>(Body->body_front())
                          : nullptr;
    if (!Op || Op->getNumParams() != 1 || !Ret || !Ret->getRetValue())
      Cx.fail(Loc, "the predicate of this " + Name,
              "pass a lambda of one element whose body is 'return <condition>;'");
    Param = Op->getParamDecl(0);
    return Ret->getRetValue();
  }

  /// One element of the range joined into P: what tells elements apart
  /// (a vector's index, a set's element) and its value.
  std::pair<Term, Term> element(const Range &R, Path &P, clang::SourceLocation Loc) {
    Cx.readable(P, *R.State, Loc, "walking");
    Term Node = Term::variable(R.Obj.Var);
    Term X = Cx.freshVariable(R.State->Field->getName());
    if (R.State->K != StateMember::Kind::Vector) {
      P.Body.push_back(atom(R.State->Relation, {Node, X}));
      return {X, X};
    }
    Term Index = Cx.freshVariable("Index");
    P.Body.push_back(atom(R.State->Relation, {Node, Index, X}));
    return {Index, X};
  }

  /// A relation of the elements (a vector's indices) where the predicate
  /// has the given truth, keyed by the path's context; returns its name.
  std::string matching(const Range &R, const clang::Expr *Pred, bool Truth, const Path &P,
                       clang::SourceLocation Loc) {
    // A condition is lowered once for each outcome: the second time, the
    // path that reaches it is the same, and so is the relation.
    ir::Rule Reached;
    Reached.Head = atom("reached", {});
    Reached.Body = P.Body;
    std::string Reaching = std::to_string(reinterpret_cast<uintptr_t>(Pred)) +
                           (Truth ? "+" : "-") + ir::printRule(Reached);
    auto [Known, New] = Cx.AlgorithmRelations.try_emplace(Reaching);
    if (!New)
      return Known->second;
    std::string Name = Cx.JoinPrefix + "_witness_" + std::to_string(++Cx.Joins);
    Known->second = Name;
    Tuple Context = contextOf(P);
    Path Each = P;
    auto [Key, X] = element(R, Each, Loc);
    Each.Locals[Param] = {X};
    for (Path &Q : Cx.assume(Pred, Truth, std::move(Each)))
      Cx.emit(atom(Name, append(Context, {Key})), ir::HeadTime::Now, Q, Loc);
    return Name;
  }

  /// The variables P's body binds, in order: what ties a derived relation's
  /// tuples to the step, node and message the path stands for.
  static Tuple contextOf(const Path &P) {
    Tuple Out;
    std::set<std::string> Seen;
    for (const ir::BodyElem &E : P.Body)
      if (const auto *A = std::get_if<ir::Atom>(&E); A && !A->Negated)
        for (const Term &T : A->Args)
          if (T.K == Term::Kind::Variable && Seen.insert(T.Text).second)
            Out.push_back(T);
    return Out;
  }

  LoweringContext &Cx;
  const clang::ParmVarDecl *Param = nullptr;
};

} // namespace

std::optional<Valued> LoweringContext::algorithm(const clang::Expr *E, const Path &P) {
  if (JoinPrefix.empty())
    return std::nullopt;
  if (auto V = AlgorithmLowering(*this).extreme(E, P))
    return V;
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E))
    return AlgorithmLowering(*this).call(Call, P);
  return std::nullopt;
}

} // namespace faultline::frontend

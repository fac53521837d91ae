//===- LowerLocalVectors.cpp - A handler's own std::vector of values ------===//
//
// A quorum's median is computed in C++ by collecting values into a local
// vector, sorting it and reading the middle:
//
//   std::vector<uint64_t> indexes;
//   for (const auto &[peer, index] : matchIndex) indexes.push_back(index);
//   indexes.push_back(lastIndex);
//   std::sort(indexes.begin(), indexes.end());
//   uint64_t median = indexes[indexes.size() / 2];
//
// The vector becomes a relation derived where the handler stands, one row
// per element, keyed by the node and the handled message (which every path
// of one handling binds alike, joined or not) and by a slot telling the
// elements apart: the loop's entry for a push_back in a loop over a state
// container, a name per call site for one outside loops. Its size is a
// `count<>`; after std::sort, element i is the value x with fewer than i+1
// elements before it in the order and at least i+1 up to it, which two
// `count<>` relations say. std::nth_element is a sort whose one element
// at the nth position the code may read.
//
//===----------------------------------------------------------------------===//

#include "Collect.h"
#include "LoweringContext.h"

#include "faultline/IR/ReservedNames.h"

namespace faultline::frontend {

using ir::Term;

namespace {

class LocalVectorLowering {
public:
  explicit LocalVectorLowering(LoweringContext &Cx) : Cx(Cx) {}

  /// `std::vector<T> v;` (or `v{}`), T a scalar.
  bool declare(const clang::VarDecl *V, const std::vector<Path> &In) {
    std::optional<clang::QualType> Element = vectorElementType(V->getType());
    if (!Element || V->getType()->isReferenceType())
      return false;
    const auto *Init = V->getInit() ? V->getInit()->IgnoreImplicit() : nullptr;
    const auto *Construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(Init);
    const auto *List = llvm::dyn_cast_or_null<clang::InitListExpr>(Init);
    if (Init && !(Construct && Construct->getNumArgs() == 0) && !(List && List->getNumInits() == 0))
      Cx.fail(V->getLocation(), "a local vector with an initializer",
              "declare it empty (std::vector<T> v;) and push_back its elements");
    if (Cx.JoinPrefix.empty())
      Cx.fail(V->getLocation(), "a local vector outside a handler",
              "collect values in a handler or a helper it calls");
    LocalVector L;
    L.Loc = V->getLocation();
    L.ElementColumns = columnCount(*Element);
    L.Relation = Cx.JoinPrefix + "_" + V->getNameAsString() + "_" + std::to_string(++Cx.Joins);
    L.Context.push_back(Term::variable(Cx.Here.Self.Var));
    for (const auto &[Field, Value] : Cx.Handled.Fields)
      L.Context.insert(L.Context.end(), Value.begin(), Value.end());
    if (Cx.Handled.Message)
      L.Context.push_back(Term::variable("From"));
    if (Cx.Handled.Arrival)
      L.Context.push_back(*Cx.Handled.Arrival);
    // Declared in a loop's body: a vector per element of the loops around
    // it, as C++ makes a new one each iteration.
    L.OuterLoops = Cx.Here.Walked.size();
    if (!In.empty())
      L.Context = append(std::move(L.Context), In.front().Quantified);
    Cx.LocalVectors[V] = std::move(L);
    return true;
  }

  /// push_back on a local vector, and std::sort over one.
  std::optional<std::vector<Path>> effect(const clang::CallExpr *Call, const Path &P) {
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call)) {
      LocalVector *L = of(MC->getImplicitObjectArgument());
      if (!L)
        return std::nullopt;
      std::string Method = MC->getMethodDecl()->getNameAsString();
      // Capacity is not content.
      if (Method == "reserve")
        return std::vector<Path>{P};
      if (Method != "push_back" || MC->getNumArgs() != 1)
        Cx.fail(MC->getBeginLoc(), "'" + Method + "' on a local vector",
                "push_back its elements, std::sort it, and read size(), empty() and v[i]");
      if (L->Sorted || L->Read)
        Cx.fail(MC->getBeginLoc(),
                std::string("a push_back after ") + (L->Sorted ? "sorting" : "reading the vector"),
                "collect every element first, then sort and read");
      Term Slot = slot(*L, P, MC);
      std::vector<Path> Out;
      for (auto &[Q, X] : Cx.evalTuple(MC->getArg(0), P)) {
        Cx.emit(atom(L->Relation, append(append(L->Context, {Slot}), X)), ir::HeadTime::Now, Q,
                MC->getBeginLoc());
        Out.push_back(std::move(Q));
      }
      return Out;
    }
    const clang::FunctionDecl *F = Call->getDirectCallee();
    std::string Name = F ? F->getQualifiedNameAsString() : "";
    if (Name != "std::sort" && Name != "std::nth_element")
      return std::nullopt;
    // std::nth_element(first, nth, last[, comp]) puts in place the one
    // element a sort would put at nth: the model sorts, and lets the code
    // read that element only.
    bool Nth = Name == "std::nth_element";
    unsigned Last = Nth ? 2 : 1;
    const auto *Begin = llvm::dyn_cast<clang::CXXMemberCallExpr>(strip(Call->getArg(0)));
    LocalVector *L = Begin ? of(Begin->getImplicitObjectArgument()) : nullptr;
    if (!L)
      return std::nullopt;
    std::string Function = Nth ? "std::nth_element" : "std::sort";
    const auto *End = Call->getNumArgs() > Last
                          ? llvm::dyn_cast<clang::CXXMemberCallExpr>(strip(Call->getArg(Last)))
                          : nullptr;
    if (Begin->getMethodDecl()->getName() != "begin" || !End ||
        End->getMethodDecl()->getName() != "end" || of(End->getImplicitObjectArgument()) != L ||
        Call->getNumArgs() > Last + 2)
      Cx.fail(Call->getBeginLoc(), "this " + Function,
              Nth ? "write std::nth_element(v.begin(), v.begin() + k, v.end())"
                  : "sort the whole vector: v.begin(), v.end()");
    if (Nth) {
      L->NthIndex = offsetFromBegin(Call->getArg(1), L);
      if (!L->NthIndex)
        Cx.fail(Call->getArg(1)->getBeginLoc(), "this nth position",
                "write it as v.begin() + k (or std::next(v.begin(), k))");
    }
    if (Cx.Here.Walked.size() > L->OuterLoops)
      Cx.fail(Call->getBeginLoc(), "sorting a local vector inside a loop",
              "sort it once, after collecting its elements");
    if (L->ElementColumns != 1)
      Cx.fail(Call->getBeginLoc(), "sorting a vector of structs",
              "collect and sort one field of each (integers, strings or enums)");
    L->Sorted = true;
    bool Descending = false;
    if (Call->getNumArgs() == Last + 2) {
      std::string Order = Call->getArg(Last + 1)->getType().getAsString();
      if (Order.find("greater") == std::string::npos && Order.find("less") == std::string::npos)
        Cx.fail(Call->getBeginLoc(), "this " + Function + "'s comparator",
                "order with the default order, std::less<>() or std::greater<>()");
      Descending = Order.find("greater") != std::string::npos;
    }
    Path Sorted = P;
    Sorted.SortedLocals[declOf(Begin->getImplicitObjectArgument())] = Descending;
    return std::vector<Path>{std::move(Sorted)};
  }

  /// `v.size()`, `v.empty()`, and `v[i]` / `v.at(i)` of a sorted v.
  std::optional<Valued> read(const clang::Expr *E, const Path &P) {
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      LocalVector *L = of(MC->getImplicitObjectArgument());
      if (!L)
        return std::nullopt;
      std::string Method = MC->getMethodDecl()->getNameAsString();
      if (Method == "size" || Method == "empty")
        return size(*L, P, Method == "empty");
      if (Method == "at" && MC->getNumArgs() == 1)
        return element(*L, declOf(MC->getImplicitObjectArgument()), MC->getArg(0), P,
                       MC->getBeginLoc());
      Cx.fail(MC->getBeginLoc(), "'" + Method + "' on a local vector",
              "push_back its elements, std::sort it, and read size(), empty() and v[i]");
    }
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == clang::OO_Subscript && Op->getNumArgs() == 2)
      if (LocalVector *L = of(Op->getArg(0)))
        return element(*L, declOf(Op->getArg(0)), Op->getArg(1), P, Op->getBeginLoc());
    return std::nullopt;
  }

private:
  static const clang::ValueDecl *declOf(const clang::Expr *E) {
    const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(strip(E));
    return D ? D->getDecl() : nullptr;
  }

  /// k in `v.begin() + k` or `std::next(v.begin(), k)`, on L's vector.
  const clang::Expr *offsetFromBegin(const clang::Expr *E, const LocalVector *L) {
    E = strip(E);
    const clang::Expr *Base = nullptr, *Offset = nullptr;
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == clang::OO_Plus && Op->getNumArgs() == 2) {
      Base = Op->getArg(0);
      Offset = Op->getArg(1);
    } else if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E);
               Call && Call->getDirectCallee() &&
               Call->getDirectCallee()->getQualifiedNameAsString() == "std::next" &&
               Call->getNumArgs() == 2) {
      Base = Call->getArg(0);
      Offset = Call->getArg(1);
    }
    const auto *Begin = Base ? llvm::dyn_cast<clang::CXXMemberCallExpr>(strip(Base)) : nullptr;
    if (!Begin || Begin->getMethodDecl()->getName() != "begin" ||
        of(Begin->getImplicitObjectArgument()) != L)
      return nullptr;
    return Offset;
  }

  /// Whether two expressions are written alike (the same names, operators
  /// and constants), so that they give the same value where nothing
  /// between them assigns.
  bool sameExpression(const clang::Expr *A, const clang::Expr *B) const {
    llvm::FoldingSetNodeID IdA, IdB;
    strip(A)->Profile(IdA, Cx.AST, /*Canonical=*/true);
    strip(B)->Profile(IdB, Cx.AST, /*Canonical=*/true);
    return IdA == IdB;
  }

  LocalVector *of(const clang::Expr *E) {
    const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(strip(E));
    auto It = D ? Cx.LocalVectors.find(D->getDecl()) : Cx.LocalVectors.end();
    return It == Cx.LocalVectors.end() ? nullptr : &It->second;
  }

  /// What tells this push's elements from the others': the entry of the
  /// loop around it, or the call site.
  Term slot(LocalVector &L, const Path &P, const clang::CXXMemberCallExpr *Push) {
    // Numbered in call order, which the names' order keeps (positions in a
    // batch are ranks of slots).
    if (Cx.Here.Walked.size() == L.OuterLoops) {
      std::string N = std::to_string(++L.Pushes);
      return Term::string(std::string(ir::ReservedPrefix) + "push_" +
                          std::string(N.size() < 4 ? 4 - N.size() : 0, '0') + N);
    }
    const auto &[Field, Key] = Cx.Here.Walked.back();
    const StateMember *State = Cx.Proto.stateOf(Field);
    // The loop's entries tell its elements apart: one push_back call in
    // one loop (reached on as many paths as its conditions give); an index
    // loop's (or a batch's) elements by their index.
    bool ByKey = State && State->KeyColumns == 1 && State->K != StateMember::Kind::Vector;
    if (Cx.Here.Walked.size() != L.OuterLoops + 1 || !(ByKey || Cx.Here.LoopPosition) ||
        (L.LoopPush && L.LoopPush != Push))
      Cx.fail(Push->getBeginLoc(), "this push_back onto a local vector",
              "push_back from one call in one loop (over a state set or map with scalar keys, "
              "the indices of a state vector, or a message's batch), not nested");
    L.LoopPush = Push;
    if (Cx.Here.LoopPosition)
      return *Cx.Here.LoopPosition;
    // A map's entry key; a set's element is the loop's quantified value.
    return Key ? Key->front() : P.Quantified.back();
  }

public:
  /// Ranks of the slots: the position C++ gives each element, where the
  /// slots' order is the push order (one loop, in its order, or pushes
  /// outside loops, in call order).
  std::string positions(LocalVector &L, clang::SourceLocation Loc) {
    if (L.LoopPush && L.Pushes)
      Cx.fail(Loc, "a local vector filled both inside and outside a loop, used in order",
              "fill it from one loop, or from calls outside loops");
    if (L.Sorted)
      Cx.fail(Loc, "a sorted local vector used in order",
              "send the vector as collected, or read its sorted elements by index");
    std::string Name = L.Relation + "_position";
    if (!Cx.AlgorithmRelations.try_emplace(Name, Name).second)
      return Name;
    // Position 0 has no slot before it; position k has k.
    Term S = Cx.freshVariable("Slot"), Earlier = Cx.freshVariable("Earlier");
    std::string Before = L.Relation + "_after_first";
    Path Rows;
    Rows.Body.push_back(atom(L.Relation, append(append(L.Context, {S}),
                                                wildcards(L.ElementColumns))));
    Path First = Rows;
    Rows.Body.push_back(atom(L.Relation, append(append(L.Context, {Earlier}),
                                                wildcards(L.ElementColumns))));
    compare(Rows, ir::CmpOp::LT, Earlier, S);
    Cx.emit(atom(Name, append(L.Context, {S, Term::aggregate("count", Earlier)})),
            ir::HeadTime::Now, Rows, L.Loc);
    Cx.emit(atom(Before, append(L.Context, {S})), ir::HeadTime::Now, Rows, L.Loc);
    First.Body.push_back(atom(Before, append(L.Context, {S}), /*Negated=*/true));
    Cx.emit(atom(Name, append(L.Context, {S, Term::integer(0)})), ir::HeadTime::Now, First,
            L.Loc);
    L.Read = true;
    return Name;
  }

private:

  Valued size(LocalVector &L, const Path &P, bool Empty) {
    L.Read = true;
    std::string Count = L.Relation + "_size";
    if (Cx.AlgorithmRelations.try_emplace(Count, Count).second) {
      Path Rows;
      Term S = Cx.freshVariable("Slot");
      Rows.Body.push_back(
          atom(L.Relation, append(append(L.Context, {S}), wildcards(L.ElementColumns))));
      Cx.emit(atom(Count, append(L.Context, {Term::aggregate("count", S)})), ir::HeadTime::Now,
              Rows, L.Loc);
    }
    Path Some = P, None = P;
    Term N = Cx.freshVariable("Size");
    Some.Body.push_back(atom(Count, append(L.Context, {N})));
    None.Body.push_back(atom(Count, append(L.Context, {Term::wildcard()}), true));
    if (Empty)
      return Valued{{std::move(Some), Term::integer(0)}, {std::move(None), Term::integer(1)}};
    return Valued{{std::move(Some), N}, {std::move(None), Term::integer(0)}};
  }

  /// Element I of the sorted vector: the value X with fewer than I+1
  /// elements strictly before it and at least I+1 up to it.
  Valued element(LocalVector &L, const clang::ValueDecl *V, const clang::Expr *Index,
                 const Path &P, clang::SourceLocation Loc) {
    L.Read = true;
    auto Sorted = P.SortedLocals.find(V);
    if (Sorted == P.SortedLocals.end())
      Cx.fail(Loc, "reading an element of a local vector before sorting it",
              "sort it first (std::sort(v.begin(), v.end())) on every path to the read: the "
              "model keeps its elements as a set, not in the order they were pushed");
    if (L.NthIndex && !sameExpression(L.NthIndex, Index))
      Cx.fail(Index->getBeginLoc(), "reading another element than the nth after std::nth_element",
              "read v[k] with the k given to std::nth_element (the others are in an unspecified "
              "order), or std::sort the vector");
    bool Descending = Sorted->second;
    std::string Before = ranks(L, Descending, /*Inclusive=*/false),
                UpTo = ranks(L, Descending, /*Inclusive=*/true);
    if (L.ElementColumns != 1)
      Cx.fail(Loc, "reading an element of a local vector of structs",
              "send it as a message's batch, or collect one field of each");
    Valued Out;
    for (auto &[Q, I] : Cx.eval(Index, P)) {
      Term X = Cx.freshVariable("Element"), Up = Cx.freshVariable("UpTo"),
           Lower = Cx.freshVariable("Before");
      Q.Body.push_back(atom(L.Relation, append(L.Context, {Term::wildcard(), X})));
      Q.Body.push_back(atom(UpTo, append(L.Context, {X, Up})));
      if (!compare(Q, ir::CmpOp::LT, I, Up))
        continue;
      Path First = Q;
      First.Body.push_back(atom(Before, append(L.Context, {X, Term::wildcard()}), true));
      if (compare(First, ir::CmpOp::GE, I, Term::integer(0)))
        Out.push_back({std::move(First), X});
      Q.Body.push_back(atom(Before, append(L.Context, {X, Lower})));
      if (compare(Q, ir::CmpOp::LE, Lower, I))
        Out.push_back({std::move(Q), X});
    }
    return Out;
  }

  /// Per element value X, how many elements come before it in the sort's
  /// order (with Inclusive, up to it, X's equals included).
  std::string ranks(const LocalVector &L, bool Descending, bool Inclusive) {
    std::string Name =
        L.Relation + (Descending ? "_down" : "") + (Inclusive ? "_upto" : "_before");
    if (!Cx.AlgorithmRelations.try_emplace(Name, Name).second)
      return Name;
    Term X = Cx.freshVariable("X"), Y = Cx.freshVariable("Y"), S = Cx.freshVariable("Slot");
    Path Rows;
    Rows.Body.push_back(atom(L.Relation, append(L.Context, {Term::wildcard(), X})));
    Rows.Body.push_back(atom(L.Relation, append(L.Context, {S, Y})));
    ir::CmpOp Op = Descending ? (Inclusive ? ir::CmpOp::GE : ir::CmpOp::GT)
                                : (Inclusive ? ir::CmpOp::LE : ir::CmpOp::LT);
    compare(Rows, Op, Y, X);
    Cx.emit(atom(Name, append(L.Context, {X, Term::aggregate("count", S)})), ir::HeadTime::Now,
            Rows, L.Loc);
    return Name;
  }

  LoweringContext &Cx;
};

} // namespace

bool LoweringContext::declareLocalVector(const clang::VarDecl *V, const std::vector<Path> &In) {
  return LocalVectorLowering(*this).declare(V, In);
}

std::optional<std::vector<Path>> LoweringContext::localVectorEffect(const clang::CallExpr *Call,
                                                                    const Path &P) {
  if (LocalVectors.empty())
    return std::nullopt;
  return LocalVectorLowering(*this).effect(Call, P);
}

std::string LoweringContext::localVectorPositions(const clang::ValueDecl *V,
                                                  clang::SourceLocation Loc) {
  return LocalVectorLowering(*this).positions(LocalVectors.at(V), Loc);
}

std::optional<Valued> LoweringContext::localVectorRead(const clang::Expr *E, const Path &P) {
  if (LocalVectors.empty())
    return std::nullopt;
  return LocalVectorLowering(*this).read(E, P);
}

} // namespace faultline::frontend

//===- Idioms.cpp - Shapes of common C++ forms ----------------------------===//

#include "Idioms.h"

#include "Protocol.h"

#include "clang/AST/Decl.h"

#include <algorithm>

namespace faultline::frontend {

namespace {

/// A label of the switch being flattened inside S, not counting the labels
/// of a nested switch (those are its own).
const clang::SwitchCase *nestedLabel(const clang::Stmt *S) {
  if (!S || llvm::isa<clang::SwitchStmt>(S))
    return nullptr;
  if (const auto *L = llvm::dyn_cast<clang::SwitchCase>(S))
    return L;
  for (const clang::Stmt *Child : S->children())
    if (const clang::SwitchCase *L = nestedLabel(Child))
      return L;
  return nullptr;
}

const clang::Expr *strip(const clang::Expr *E) { return skipWrappers(E, /*IntoCopies=*/true); }

/// `c.Method()` with the given number of arguments.
const clang::CXXMemberCallExpr *memberCall(const clang::Expr *E, llvm::StringRef Method,
                                           unsigned Args) {
  const auto *MC = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(strip(E));
  if (!MC || !MC->getMethodDecl() || MC->getMethodDecl()->getName() != Method ||
      MC->getNumArgs() != Args)
    return nullptr;
  return MC;
}

} // namespace

std::vector<SwitchItem> switchItems(const clang::SwitchStmt *S,
                                    const clang::SwitchCase *&Misplaced) {
  std::vector<SwitchItem> Items;
  Misplaced = nullptr;
  const auto *Body = llvm::dyn_cast<clang::CompoundStmt>(S->getBody());
  if (!Body)
    return Items;
  for (const clang::Stmt *Child : Body->body()) {
    // `case 1: case 2: stmt` nests each label's statement in the label.
    while (const auto *L = llvm::dyn_cast_or_null<clang::SwitchCase>(Child)) {
      Items.push_back({L, nullptr});
      Child = L->getSubStmt();
    }
    if (!Child)
      continue;
    if (!Misplaced)
      Misplaced = nestedLabel(Child);
    Items.push_back({nullptr, Child});
  }
  return Items;
}

std::optional<Truncation> truncationLoop(const clang::WhileStmt *W) {
  const auto *Cmp = llvm::dyn_cast_or_null<clang::BinaryOperator>(strip(W->getCond()));
  if (!Cmp || (Cmp->getOpcode() != clang::BO_GT && Cmp->getOpcode() != clang::BO_LT))
    return std::nullopt;
  bool SizeOnLeft = Cmp->getOpcode() == clang::BO_GT;
  const clang::CXXMemberCallExpr *Size =
      memberCall(SizeOnLeft ? Cmp->getLHS() : Cmp->getRHS(), "size", 0);
  const clang::Stmt *Body = W->getBody();
  if (const auto *Block = llvm::dyn_cast<clang::CompoundStmt>(Body); Block && Block->size() == 1)
    Body = Block->body_front();
  const auto *Pop = llvm::dyn_cast_or_null<clang::Expr>(Body);
  Pop = Pop ? memberCall(Pop, "pop_back", 0) : nullptr;
  if (!Size || !Pop)
    return std::nullopt;
  // The same member of the same object on both sides.
  const auto *SizeOf = llvm::dyn_cast<clang::MemberExpr>(
      strip(Size->getImplicitObjectArgument()));
  const auto *PopOf = llvm::dyn_cast<clang::MemberExpr>(
      strip(llvm::cast<clang::CXXMemberCallExpr>(Pop)->getImplicitObjectArgument()));
  if (!SizeOf || !PopOf || SizeOf->getMemberDecl() != PopOf->getMemberDecl() ||
      !llvm::isa<clang::CXXThisExpr>(SizeOf->getBase()->IgnoreImpCasts()) ||
      !llvm::isa<clang::CXXThisExpr>(PopOf->getBase()->IgnoreImpCasts()))
    return std::nullopt;
  return Truncation{W, Size->getImplicitObjectArgument(),
                    SizeOnLeft ? Cmp->getRHS() : Cmp->getLHS()};
}

namespace {

/// Whether S (or a statement in it) reads D at a subscript, `v[D]` or
/// `v.at(D)`: sets Vector to v. Changed is set where S assigns, increments
/// or takes D by reference.
void indexUses(const clang::Stmt *S, const clang::VarDecl *D, const clang::Expr *&Vector,
               bool &Changed) {
  if (!S)
    return;
  auto IsD = [&](const clang::Expr *E) {
    const auto *R = llvm::dyn_cast<clang::DeclRefExpr>(strip(E));
    return R && R->getDecl() == D;
  };
  if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(S);
      Op && Op->getOperator() == clang::OO_Subscript && Op->getNumArgs() == 2 && IsD(Op->getArg(1)))
    Vector = Vector ? Vector : Op->getArg(0);
  if (const clang::CXXMemberCallExpr *At = memberCall(llvm::dyn_cast<clang::Expr>(S), "at", 1);
      At && IsD(At->getArg(0)))
    Vector = Vector ? Vector : At->getImplicitObjectArgument();
  if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(S); B && B->isAssignmentOp() &&
                                                                 IsD(B->getLHS()))
    Changed = true;
  if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(S);
      U && (U->isIncrementDecrementOp() || U->getOpcode() == clang::UO_AddrOf) &&
      IsD(U->getSubExpr()))
    Changed = true;
  for (const clang::Stmt *Child : S->children())
    indexUses(Child, D, Vector, Changed);
}

/// Whether E mentions D.
bool mentions(const clang::Stmt *S, const clang::VarDecl *D) {
  if (!S)
    return false;
  if (const auto *R = llvm::dyn_cast<clang::DeclRefExpr>(S); R && R->getDecl() == D)
    return true;
  for (const clang::Stmt *Child : S->children())
    if (mentions(Child, D))
      return true;
  return false;
}

/// Whether Cond holds for the indices below a bound and for none past it
/// (`i < n`, `i <= n`, `n > i`, `n >= i`, and && of such, n not reading
/// i): then the loop's indices are those from the start where it holds.
bool boundsIndex(const clang::Expr *Cond, const clang::VarDecl *D) {
  const auto *B = llvm::dyn_cast<clang::BinaryOperator>(strip(Cond));
  if (!B)
    return false;
  if (B->getOpcode() == clang::BO_LAnd)
    return boundsIndex(B->getLHS(), D) && boundsIndex(B->getRHS(), D);
  auto IsD = [&](const clang::Expr *E) {
    const auto *R = llvm::dyn_cast<clang::DeclRefExpr>(strip(E));
    return R && R->getDecl() == D;
  };
  switch (B->getOpcode()) {
  case clang::BO_LT:
  case clang::BO_LE:
    return IsD(B->getLHS()) && !mentions(B->getRHS(), D);
  case clang::BO_GT:
  case clang::BO_GE:
    return IsD(B->getRHS()) && !mentions(B->getLHS(), D);
  default:
    return false;
  }
}

} // namespace

std::optional<IndexLoop> indexLoopOf(const clang::ForStmt *F) {
  const auto *Init = llvm::dyn_cast_or_null<clang::DeclStmt>(F->getInit());
  const auto *I = Init && Init->isSingleDecl()
                      ? llvm::dyn_cast<clang::VarDecl>(Init->getSingleDecl())
                      : nullptr;
  if (!I || !I->hasInit() || !I->getType()->isIntegerType() || !F->getCond() ||
      !boundsIndex(F->getCond(), I))
    return std::nullopt;
  const auto *Inc = llvm::dyn_cast_or_null<clang::UnaryOperator>(F->getInc());
  const auto *Stepped =
      Inc ? llvm::dyn_cast<clang::DeclRefExpr>(Inc->getSubExpr()->IgnoreParenImpCasts()) : nullptr;
  if (!Inc || !Inc->isIncrementOp() || !Stepped || Stepped->getDecl() != I)
    return std::nullopt;
  IndexLoop L{F, I, I->getInit(), nullptr};
  bool Changed = false;
  indexUses(F->getBody(), I, L.Vector, Changed);
  if (Changed || !L.Vector)
    return std::nullopt;
  return L;
}

std::optional<EndTest> endTest(const clang::CXXOperatorCallExpr *Op) {
  if (!Op || Op->getNumArgs() != 2 ||
      (Op->getOperator() != clang::OO_EqualEqual && Op->getOperator() != clang::OO_ExclaimEqual))
    return std::nullopt;
  for (unsigned EndSide = 0; EndSide < 2; ++EndSide) {
    const clang::CXXMemberCallExpr *End = memberCall(Op->getArg(EndSide), "end", 0);
    if (!End)
      continue;
    EndTest T;
    T.EndOf = End->getImplicitObjectArgument();
    T.HoldsWhenFound = Op->getOperator() == clang::OO_ExclaimEqual;
    const clang::Expr *Other = Op->getArg(1 - EndSide);
    T.Find = memberCall(Other, "find", 1);
    if (!T.Find) {
      const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(strip(Other));
      if (!D)
        return std::nullopt;
      T.Iterator = D->getDecl();
    }
    return T;
  }
  return std::nullopt;
}

const clang::CXXMemberCallExpr *findCall(const clang::Expr *E) {
  return E ? memberCall(E, "find", 1) : nullptr;
}

const clang::ValueDecl *dereferencedIterator(const clang::Expr *E) {
  const auto *Op = llvm::dyn_cast_or_null<clang::CXXOperatorCallExpr>(strip(E));
  if (!Op || Op->getNumArgs() != 1 ||
      (Op->getOperator() != clang::OO_Arrow && Op->getOperator() != clang::OO_Star))
    return nullptr;
  const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(strip(Op->getArg(0)));
  return D ? D->getDecl() : nullptr;
}

std::optional<ir::Term> constantTerm(clang::QualType, const llvm::APSInt &V) {
  // An enumerator is its value, as in the compiled code: enums order and
  // convert as their values do (explicit values included).
  if (V.isUnsigned() ? V.getActiveBits() > 63 : V.getSignificantBits() > 64)
    return std::nullopt;
  return ir::Term::integer(V.getExtValue());
}

} // namespace faultline::frontend

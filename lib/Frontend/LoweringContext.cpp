//===- LoweringContext.cpp - What the lowering's parts share --------------===//
//
// The values and paths every part works on, the process objects and state
// members the code names, and where rules and problems go.
//
//===----------------------------------------------------------------------===//

#include "LoweringContext.h"

#include "faultline/IR/ReservedNames.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <tuple>

namespace faultline::frontend {

using ir::Atom;
using ir::BodyElem;
using ir::Term;

namespace {

/// A compiler reports every error of a function, so that the user fixes
/// them in one round; past this many, the rest would mostly be noise.
constexpr unsigned MaxProblemsPerFunction = 10;

} // namespace

// ---- Values and paths ------------------------------------------------------

Tuple append(Tuple A, const Tuple &B) {
  A.insert(A.end(), B.begin(), B.end());
  return A;
}

Tuple wildcards(unsigned N) { return Tuple(N, Term::wildcard()); }

std::vector<Path> concat(std::vector<Path> A, std::vector<Path> B) {
  for (Path &P : B)
    A.push_back(std::move(P));
  return A;
}

Tupled tuples(Valued V) {
  Tupled Out;
  for (auto &[Q, T] : V)
    Out.push_back({std::move(Q), Tuple{std::move(T)}});
  return Out;
}

Tuple slice(const Tuple &Value, const clang::FieldDecl *Field) {
  unsigned Offset = columnOffset(Field), Width = columnCount(Field->getType());
  return Tuple(Value.begin() + Offset, Value.begin() + Offset + Width);
}

std::pair<clang::QualType, clang::QualType> typesOf(const StateMember &S, clang::ASTContext &AST) {
  clang::QualType T = S.Field->getType();
  switch (S.K) {
  case StateMember::Kind::Scalar:
    return {clang::QualType(), T};
  case StateMember::Kind::Set:
    return {*setElementType(T), clang::QualType()};
  case StateMember::Kind::Map:
    return *mapTypes(T);
  case StateMember::Kind::Vector:
    return {AST.IntTy, *vectorElementType(T)};
  }
  return {};
}

const clang::Expr *strip(const clang::Expr *E) { return skipWrappers(E, /*IntoCopies=*/true); }

ir::CmpOp negate(ir::CmpOp Op) {
  switch (Op) {
  case ir::CmpOp::EQ:
    return ir::CmpOp::NE;
  case ir::CmpOp::NE:
    return ir::CmpOp::EQ;
  case ir::CmpOp::LT:
    return ir::CmpOp::GE;
  case ir::CmpOp::LE:
    return ir::CmpOp::GT;
  case ir::CmpOp::GT:
    return ir::CmpOp::LE;
  case ir::CmpOp::GE:
    return ir::CmpOp::LT;
  }
  return Op;
}

std::optional<ir::CmpOp> comparison(clang::BinaryOperatorKind K) {
  switch (K) {
  case clang::BO_EQ:
    return ir::CmpOp::EQ;
  case clang::BO_NE:
    return ir::CmpOp::NE;
  case clang::BO_LT:
    return ir::CmpOp::LT;
  case clang::BO_LE:
    return ir::CmpOp::LE;
  case clang::BO_GT:
    return ir::CmpOp::GT;
  case clang::BO_GE:
    return ir::CmpOp::GE;
  default:
    return std::nullopt;
  }
}

std::optional<ir::CmpOp> comparison(const clang::CXXOperatorCallExpr *Op) {
  // Only comparison operators may be asked for their built-in opcode.
  if (!Op || Op->getNumArgs() != 2 || !Op->isComparisonOp())
    return std::nullopt;
  return comparison(clang::BinaryOperator::getOverloadedOpcode(Op->getOperator()));
}

std::optional<char> arithmetic(clang::BinaryOperatorKind K) {
  switch (K) {
  case clang::BO_Add:
  case clang::BO_AddAssign:
    return '+';
  case clang::BO_Sub:
  case clang::BO_SubAssign:
    return '-';
  case clang::BO_Mul:
  case clang::BO_MulAssign:
    return '*';
  case clang::BO_Div:
  case clang::BO_DivAssign:
    return '/';
  case clang::BO_Rem:
  case clang::BO_RemAssign:
    return '%';
  default:
    return std::nullopt;
  }
}

namespace {

/// `B Op' A` for `A Op B`.
ir::CmpOp flipped(ir::CmpOp Op) {
  switch (Op) {
  case ir::CmpOp::LT:
    return ir::CmpOp::GT;
  case ir::CmpOp::LE:
    return ir::CmpOp::GE;
  case ir::CmpOp::GT:
    return ir::CmpOp::LT;
  case ir::CmpOp::GE:
    return ir::CmpOp::LE;
  default:
    return Op;
  }
}

/// C as `subject Op constant`, if one side is an integer constant.
std::optional<std::tuple<Term, ir::CmpOp, int64_t>> againstConstant(const ir::Comparison &C) {
  if (C.RHS.K == Term::Kind::Integer && C.LHS.K != Term::Kind::Integer)
    return std::make_tuple(C.LHS, C.Op, C.RHS.Int);
  if (C.LHS.K == Term::Kind::Integer && C.RHS.K != Term::Kind::Integer)
    return std::make_tuple(C.RHS, flipped(C.Op), C.LHS.Int);
  return std::nullopt;
}

/// Whether C can hold together with the comparisons of the same term with
/// constants already in P's body (`X >= 0` then `X < 0` cannot): such a
/// path has no run, and dropping it keeps its rules out of the model.
bool consistent(const Path &P, const ir::Comparison &C) {
  auto New = againstConstant(C);
  if (!New)
    return true;
  const Term &Subject = std::get<0>(*New);
  int64_t Lo = std::numeric_limits<int64_t>::min(), Hi = std::numeric_limits<int64_t>::max();
  std::vector<int64_t> Excluded;
  auto Narrow = [&](ir::CmpOp Op, int64_t K) {
    switch (Op) {
    case ir::CmpOp::EQ:
      Lo = std::max(Lo, K);
      Hi = std::min(Hi, K);
      break;
    case ir::CmpOp::NE:
      Excluded.push_back(K);
      break;
    case ir::CmpOp::LT:
      if (K == std::numeric_limits<int64_t>::min())
        Lo = std::numeric_limits<int64_t>::max(), Hi = std::numeric_limits<int64_t>::min();
      else
        Hi = std::min(Hi, K - 1);
      break;
    case ir::CmpOp::LE:
      Hi = std::min(Hi, K);
      break;
    case ir::CmpOp::GT:
      if (K == std::numeric_limits<int64_t>::max())
        Lo = std::numeric_limits<int64_t>::max(), Hi = std::numeric_limits<int64_t>::min();
      else
        Lo = std::max(Lo, K + 1);
      break;
    case ir::CmpOp::GE:
      Lo = std::max(Lo, K);
      break;
    }
  };
  for (const BodyElem &E : P.Body)
    if (const auto *Earlier = std::get_if<ir::Comparison>(&E))
      if (auto Known = againstConstant(*Earlier); Known && std::get<0>(*Known) == Subject)
        Narrow(std::get<1>(*Known), std::get<2>(*Known));
  Narrow(std::get<1>(*New), std::get<2>(*New));
  if (Lo > Hi)
    return false;
  return !(Lo == Hi && std::find(Excluded.begin(), Excluded.end(), Lo) != Excluded.end());
}

} // namespace

bool compare(Path &P, ir::CmpOp Op, const Term &L, const Term &R) {
  // x == x (a key compared with itself after an insert of it) needs no test.
  if (L == R && L.K == Term::Kind::Variable)
    return Op == ir::CmpOp::EQ || Op == ir::CmpOp::LE || Op == ir::CmpOp::GE;
  if (L.K == Term::Kind::Integer && R.K == Term::Kind::Integer) {
    int64_t A = L.Int, B = R.Int;
    switch (Op) {
    case ir::CmpOp::EQ:
      return A == B;
    case ir::CmpOp::NE:
      return A != B;
    case ir::CmpOp::LT:
      return A < B;
    case ir::CmpOp::LE:
      return A <= B;
    case ir::CmpOp::GT:
      return A > B;
    case ir::CmpOp::GE:
      return A >= B;
    }
  }
  ir::Comparison C;
  C.Op = Op;
  C.LHS = L;
  C.RHS = R;
  if (!consistent(P, C))
    return false;
  for (const BodyElem &E : P.Body)
    if (const auto *Earlier = std::get_if<ir::Comparison>(&E);
        Earlier && Earlier->Op == Op && Earlier->LHS == L && Earlier->RHS == R)
      return true;
  P.Body.push_back(C);
  return true;
}

bool require(Path &P, const Atom &A) {
  for (const BodyElem &E : P.Body)
    if (const auto *B = std::get_if<Atom>(&E);
        B && B->Relation == A.Relation && B->Args == A.Args && !B->AtTime)
      return B->Negated == A.Negated;
  P.Body.push_back(A);
  return true;
}

std::vector<Path> equalTuples(Path P, const Tuple &A, const Tuple &B) {
  for (size_t I = 0; I < A.size(); ++I)
    if (!compare(P, ir::CmpOp::EQ, A[I], B[I]))
      return {};
  return {std::move(P)};
}

std::vector<Path> differentTuples(const Path &P, const Tuple &A, const Tuple &B) {
  std::vector<Path> Out;
  for (size_t I = 0; I < A.size(); ++I) {
    Path Q = P;
    if (compare(Q, ir::CmpOp::NE, A[I], B[I]))
      Out.push_back(std::move(Q));
  }
  return Out;
}

// ---- A function's body -----------------------------------------------------

std::optional<std::vector<Path>> LoweringContext::lowerBody(const clang::Stmt *Body, Path Start) {
  FunctionBody = Body;
  try {
    std::vector<Path> Ends = exec(Body, {std::move(Start)});
    // A function with a rejected statement contributes no rule: a model
    // without part of its code would give a wrong verdict.
    if (Failed)
      return std::nullopt;
    return Ends;
  } catch (const Unsupported &) {
  } catch (const GaveUp &) {
  } catch (const TimedOut &) {
  }
  return std::nullopt;
}

void LoweringContext::checkDeadline(clang::SourceLocation Loc) {
  if (!Time.passed())
    return;
  if (Time.passedUnreported())
    Rep.error(Loc, "faultline stopped extracting here" + Names.AfterProblems + ": " +
                       Time.reason() + " (the model would be incomplete)");
  throw TimedOut{};
}

void LoweringContext::commitRules() {
  for (ir::Rule &Rule : Pending)
    Fragment.addRule(std::move(Rule));
  Pending.clear();
}

// ---- Objects and state -----------------------------------------------------

bool LoweringContext::objectOf(const clang::Expr *Base, Object &Obj) {
  Base = strip(Base);
  if (llvm::isa<clang::CXXThisExpr>(Base) && Here.Self.R) {
    Obj = Here.Self;
    return true;
  }
  if (const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(Base))
    if (auto It = NodeParams.find(D->getDecl()); It != NodeParams.end()) {
      Obj = It->second;
      return true;
    }
  return false;
}

const StateMember *LoweringContext::stateIn(const Role &R, const clang::FieldDecl *F) {
  for (const StateMember &S : R.State)
    if (S.Field == F)
      return &S;
  return nullptr;
}

const clang::Expr *LoweringContext::referent(const clang::Expr *E) const {
  E = strip(E);
  // A helper passing its reference parameter to itself would refer to
  // itself; inlining stops such a recursion a few levels down anyway.
  for (unsigned Hops = 0; Hops < 16; ++Hops) {
    const auto *D = llvm::dyn_cast_or_null<clang::DeclRefExpr>(E);
    if (!D)
      break;
    auto It = References.find(D->getDecl());
    if (It == References.end())
      break;
    E = strip(It->second);
  }
  return E;
}

bool LoweringContext::memberState(const clang::Expr *E, Object &Obj, const StateMember *&State) {
  const auto *Mem = llvm::dyn_cast_or_null<clang::MemberExpr>(referent(E));
  if (!Mem || !objectOf(Mem->getBase(), Obj))
    return false;
  const auto *F = llvm::dyn_cast<clang::FieldDecl>(Mem->getMemberDecl());
  State = F ? stateIn(*Obj.R, F) : nullptr;
  return State != nullptr;
}

Tuple LoweringContext::fresh(clang::QualType T, llvm::StringRef Name) {
  std::vector<std::string> Names;
  columnNames(T, Name.str(), Names);
  Tuple Out;
  for (const std::string &N : Names)
    Out.push_back(freshVariable(N));
  return Out;
}

Term LoweringContext::freshVariable(llvm::StringRef Name) { return variableFor(Name, Counter); }

const Overlay *LoweringContext::readable(const Path &P, const StateMember &State,
                                         clang::SourceLocation Loc, const std::string &Reading) {
  auto How = P.Updated.find(State.Field);
  if (How == P.Updated.end())
    return nullptr;
  if (auto O = P.Overlays.find(State.Field); O != P.Overlays.end())
    return &O->second;
  std::string Name = State.Field->getNameAsString();
  fail(Loc, Reading + " '" + Name + "' after updating it (" + How->second + ") in the same handler",
       "a read sees the insert() and clear() calls on a set made before it, outside loops; "
       "after other updates, read before updating (keep the value in a local)");
}

void LoweringContext::markUpdated(Path &P, const clang::FieldDecl *Field, const std::string &How) {
  P.Updated[Field] = How;
  if (Here.InLoopBody)
    LoopUpdates.insert(Field);
}

// ---- Rules and problems ----------------------------------------------------

void LoweringContext::runError(const Path &P, clang::SourceLocation Loc, const std::string &What,
                               const Term &Value) {
  // The first column of the path's first positive atom: where a rule with
  // its body runs.
  const Term *Where = nullptr;
  for (const ir::BodyElem &E : P.Body)
    if (const auto *A = std::get_if<ir::Atom>(&E); A && !A->Negated && !A->Args.empty()) {
      Where = &A->Args.front();
      break;
    }
  if (!Where)
    fail(Loc, What + " where nothing places the run", "test the operands first");
  emit(atom(ir::ErrorRelation, {*Where, Term::string(What), Value}), ir::HeadTime::Now, P, Loc);
}

size_t LoweringContext::emit(Atom Head, ir::HeadTime Time, const Path &P,
                             clang::SourceLocation Loc) {
  ir::Rule R;
  R.Head = std::move(Head);
  R.Time = Time;
  R.Body = P.Body;
  R.Loc = Fragment.loc(Loc);
  R.Origin = Names.RuleOrigin + ": " + sourceText(Loc);
  Pending.push_back(std::move(R));
  return Pending.size() - 1;
}

void LoweringContext::guard(size_t Rule, ir::BodyElem Literal) {
  Pending.at(Rule).Body.push_back(std::move(Literal));
}

const Atom &LoweringContext::headOf(size_t Rule) const { return Pending.at(Rule).Head; }

std::string LoweringContext::sourceText(clang::SourceLocation Loc) {
  const clang::SourceManager &SM = AST.getSourceManager();
  Loc = SM.getExpansionLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (Invalid)
    return "";
  size_t Start = SM.getFileOffset(Loc);
  size_t End = Buffer.find('\n', Start);
  return Buffer.slice(Start, End).trim().str();
}

void LoweringContext::fail(clang::SourceLocation Loc, const std::string &What,
                           const std::string &Advice) {
  // A statement executed on several paths (or a helper inlined twice)
  // is one problem.
  if (!Reported.insert({Loc.getRawEncoding(), What}).second)
    throw Unsupported{};
  if (++Problems > MaxProblemsPerFunction) {
    Rep.note(Names.Where.isValid() ? Names.Where : Loc,
             "further problems in " + Names.InNotes + " are not reported");
    throw GaveUp{};
  }
  Rep.unsupported(Loc, What + Names.AfterProblems, Advice);
  throw Unsupported{};
}

void LoweringContext::rejected(const clang::Stmt *S) {
  Failed = true;
  // Uses of a rejected declaration's variables would only repeat it.
  if (const auto *D = llvm::dyn_cast<clang::DeclStmt>(S))
    for (const clang::Decl *Decl : D->decls())
      if (const auto *V = llvm::dyn_cast<clang::ValueDecl>(Decl))
        Rejected.insert(V);
}

bool LoweringContext::mentionsRejected(const clang::Stmt *S) const {
  if (Rejected.empty() || !S)
    return false;
  if (const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(S); D && Rejected.count(D->getDecl()))
    return true;
  return std::any_of(S->child_begin(), S->child_end(),
                     [&](const clang::Stmt *Child) { return mentionsRejected(Child); });
}

} // namespace faultline::frontend

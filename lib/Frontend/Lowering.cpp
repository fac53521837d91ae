//===- Lowering.cpp - Handlers and invariants to rules --------------------===//
//
// A Path is one way through the code so far: the body literals it needs
// (trigger, state reads, conditions), the values of locals, the symbolic
// value of each scalar state member it read or assigned (later statements see
// earlier assignments), and whether it returned. Expressions evaluate to a
// Dedalus term per path; a test such as `s.count(x)` splits a path in two.
// Effects are rules emitted with the path's body at the point they happen:
// sends and set updates right away, scalar assignments when the path ends
// (only the last assignment of a path counts).
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "Collect.h"
#include "Idioms.h"

#include "faultline/IR/Validate.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace faultline::frontend {

namespace {

using ir::Atom;
using ir::BodyElem;
using ir::Term;

/// A process object the code reads: `this` in a handler, a parameter in an
/// invariant. Var is the node variable standing for it.
struct Object {
  const Role *R = nullptr;
  std::string Var;
};

/// A value's columns: one term for a scalar, one per scalar field for a
/// plain struct.
using Tuple = std::vector<Term>;

/// What a path has done to a state set since the step began, so that a
/// later read on the path sees it as the C++ does: the set as it was at the
/// start (unless cleared), with the elements inserted since.
struct Overlay {
  bool Cleared = false;
  std::vector<Tuple> Inserted;
};

/// `auto it = c.find(k);`: the container and the key looked up.
struct FoundIterator {
  Object Obj;
  const StateMember *State = nullptr;
  Tuple Key;
};

struct Path {
  std::vector<BodyElem> Body;
  std::map<const clang::ValueDecl *, Tuple> Locals;
  std::map<std::pair<std::string, const clang::FieldDecl *>, Tuple> Scalars;
  std::map<const clang::FieldDecl *, clang::SourceLocation> Assigned;
  std::vector<Term> Quantified;
  /// Sets this path inserted into or erased from, and how.
  std::map<const clang::FieldDecl *, std::string> Updated;
  /// The updated sets a read can still see through (insert and clear).
  std::map<const clang::FieldDecl *, Overlay> Overlays;
  std::map<const clang::ValueDecl *, FoundIterator> Iterators;
  bool Returned = false;
  /// A `break` ended the path's way through the enclosing switch.
  bool Broke = false;
};

using Valued = std::vector<std::pair<Path, Term>>;
using Tupled = std::vector<std::pair<Path, Tuple>>;

Tuple append(Tuple A, const Tuple &B) {
  A.insert(A.end(), B.begin(), B.end());
  return A;
}

Tuple wildcards(unsigned N) { return Tuple(N, Term::wildcard()); }

/// The columns of Field within its struct's value.
Tuple slice(const Tuple &Value, const clang::FieldDecl *Field) {
  unsigned Offset = columnOffset(Field), Width = columnCount(Field->getType());
  return Tuple(Value.begin() + Offset, Value.begin() + Offset + Width);
}

/// The types of a container member's key (a set's element, a vector's
/// index) and value; a null type where there is none.
std::pair<clang::QualType, clang::QualType> typesOf(const StateMember &S, clang::ASTContext &Ctx) {
  clang::QualType T = S.Field->getType();
  switch (S.K) {
  case StateMember::Kind::Scalar:
    return {clang::QualType(), T};
  case StateMember::Kind::Set:
    return {*setElementType(T), clang::QualType()};
  case StateMember::Kind::Map:
    return *mapTypes(T);
  case StateMember::Kind::Vector:
    return {Ctx.IntTy, *vectorElementType(T)};
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

/// `a == b` and friends on strings are operator calls.
std::optional<ir::CmpOp> comparison(const clang::CXXOperatorCallExpr *Op) {
  if (!Op || Op->getNumArgs() != 2)
    return std::nullopt;
  switch (Op->getOperator()) {
  case clang::OO_EqualEqual:
    return ir::CmpOp::EQ;
  case clang::OO_ExclaimEqual:
    return ir::CmpOp::NE;
  case clang::OO_Less:
    return ir::CmpOp::LT;
  case clang::OO_LessEqual:
    return ir::CmpOp::LE;
  case clang::OO_Greater:
    return ir::CmpOp::GT;
  case clang::OO_GreaterEqual:
    return ir::CmpOp::GE;
  default:
    return std::nullopt;
  }
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

/// A whole C++ construct rejected: no rule of the function is emitted.
struct Unsupported {};

/// Too many constructs rejected in one function: the rest is not looked at.
struct GaveUp {};

/// A compiler reports every error of a function, so that the user fixes
/// them in one round; past this many, the rest would mostly be noise.
constexpr unsigned MaxProblemsPerFunction = 10;

class Executor {
public:
  /// Writers records, per scalar member, which handlers assign it.
  using WriterMap = std::map<const clang::FieldDecl *, std::set<std::string>>;
  Executor(const Protocol &P, clang::ASTContext &Ctx, Reporter &R, FragmentBuilder &M,
           WriterMap &Writers)
      : Proto(P), Ctx(Ctx), Rep(R), M(M), Writers(Writers) {}

  // ---- Handlers ----------------------------------------------------------

  void lowerHandler(const Role &Ro, const Handler &H) {
    Self = Object{&Ro, "Node"};
    Path Start;
    if (H.Message) {
      // fl_current(Node, _, "kind", From, fields..., _...)
      std::vector<Term> Cols{Term::variable("Node"), Term::wildcard(),
                             Term::string(H.Message->Relation), Term::variable("From")};
      for (const clang::FieldDecl *F : H.Message->Fields) {
        Tuple V = fresh(F->getType(), F->getName());
        MessageFields[F] = V;
        Cols = append(std::move(Cols), V);
      }
      MessageParam = H.MessageParam;
      Handled = H.Message;
      FromParam = H.FromParam;
      Start.Body.push_back(atom(CurrentRelation, Cols));
      Start.Body.push_back(atom(RoleRelation, {Term::variable("Node"), Term::string(Ro.Name)}));
    } else {
      Start.Body.push_back(atom(RoleRelation, {Term::variable("Node"), Term::string(Ro.Name)}));
    }
    HandlerName = Ro.Name + "::" + H.Method->getNameAsString();
    IsPeriodic = H.Message == nullptr;
    try {
      std::vector<Path> Ends = exec(H.Method->getBody(), {Start});
      // A handler with a rejected statement contributes no rule: a model
      // without part of its code would give a wrong verdict.
      if (Failed)
        return;
      for (Path &End : Ends)
        emitAssignments(End);
      for (ir::Rule &Rule : Pending)
        M.addRule(std::move(Rule));
    } catch (const Unsupported &) {
    } catch (const GaveUp &) {
    }
  }

  // ---- Invariants --------------------------------------------------------

  void lowerInvariant(const clang::FunctionDecl *F) {
    InvariantName = F->getNameAsString();
    Path Start;
    std::vector<BodyElem> Liveness;
    for (const clang::ParmVarDecl *Param : F->parameters()) {
      const Role *Ro = Proto.roleOf(Param->getType().getNonReferenceType()->getAsRecordDecl());
      if (!Ro) {
        Rep.error(Param->getLocation(),
                  "the parameters of an invariant must be processes (const Role &)");
        return;
      }
      Term V = variableFor(Param->getName(), Counter);
      NodeParams[Param] = Object{Ro, V.Text};
      M.uses(Ro->Decl);
      Start.Body.push_back(atom(RoleRelation, {V, Term::string(Ro->Name)}));
      // Only live nodes are held to the invariant: a crashed node keeps
      // computing in the model, but nobody can observe it.
      Liveness.push_back(atom(ir::CrashRelation, {V, V, Term::wildcard()}, true));
      Start.Quantified.push_back(V);
    }
    if (NodeParams.empty()) {
      Rep.error(F->getLocation(), "an invariant needs at least one process parameter");
      return;
    }
    Start.Body.insert(Start.Body.end(), Liveness.begin(), Liveness.end());
    InInvariant = true;
    try {
      exec(F->getBody(), {Start});
      if (Failed)
        return;
      for (ir::Rule &Rule : Pending)
        M.addRule(std::move(Rule));
      for (InvariantCase &C : Cases)
        M.addInvariant(std::move(C));
    } catch (const Unsupported &) {
    } catch (const GaveUp &) {
    }
  }

private:
  // ---- Statements --------------------------------------------------------

  std::vector<Path> exec(const clang::Stmt *S, std::vector<Path> In) {
    std::vector<Path> Live, Done;
    for (Path &P : In)
      (P.Returned || P.Broke ? Done : Live).push_back(std::move(P));
    if (Live.empty() || !S)
      return concat(std::move(Live), std::move(Done));
    if (usesRejected(S))
      throw Unsupported{};
    std::vector<Path> Out;
    if (const auto *C = llvm::dyn_cast<clang::CompoundStmt>(S)) {
      Out = std::move(Live);
      for (const clang::Stmt *Child : C->body())
        Out = execOrSkip(Child, std::move(Out));
    } else if (const auto *D = llvm::dyn_cast<clang::DeclStmt>(S)) {
      Out = execDecl(D, std::move(Live));
    } else if (const auto *I = llvm::dyn_cast<clang::IfStmt>(S)) {
      Out = execIf(I, std::move(Live));
    } else if (const auto *R = llvm::dyn_cast<clang::ReturnStmt>(S)) {
      Out = execReturn(R, std::move(Live));
    } else if (const auto *F = llvm::dyn_cast<clang::CXXForRangeStmt>(S)) {
      Out = execLoop(F, std::move(Live));
    } else if (const auto *Sw = llvm::dyn_cast<clang::SwitchStmt>(S)) {
      Out = execSwitch(Sw, std::move(Live));
    } else if (llvm::isa<clang::BreakStmt>(S)) {
      if (!BreakEndsSwitch)
        fail(S->getBeginLoc(), InLoopBody ? "a break inside a loop" : "a break outside a switch",
             "a loop is lowered to a join over all elements at once; test a condition instead");
      for (Path &P : Live)
        P.Broke = true;
      Out = std::move(Live);
    } else if (llvm::isa<clang::NullStmt>(S)) {
      Out = std::move(Live);
    } else if (const auto *E = llvm::dyn_cast<clang::Expr>(S)) {
      for (Path &P : Live)
        for (Path &Q : execEffect(E, std::move(P)))
          Out.push_back(std::move(Q));
    } else {
      fail(S->getBeginLoc(), std::string("a '") + S->getStmtClassName() + "' statement",
           "use if/else, early return, and range-for loops over state sets");
    }
    return concat(std::move(Out), std::move(Done));
  }

  /// Executes one statement of a block. A rejected statement has been
  /// reported; the paths go on past it unchanged, so that the rest of the
  /// function is checked too (the function emits no rule anyway).
  std::vector<Path> execOrSkip(const clang::Stmt *S, std::vector<Path> In) {
    std::vector<Path> Before = In;
    Context Saved = context();
    try {
      return exec(S, std::move(In));
    } catch (const Unsupported &) {
      Failed = true;
      restore(Saved);
      // Uses of a rejected declaration's variables would only repeat it.
      if (const auto *D = llvm::dyn_cast<clang::DeclStmt>(S))
        for (const clang::Decl *Decl : D->decls())
          if (const auto *V = llvm::dyn_cast<clang::ValueDecl>(Decl))
            Rejected.insert(V);
      return Before;
    }
  }

  /// What the execution of a statement changes on the way in and restores
  /// on the way out, which a rejected statement leaves half done.
  struct Context {
    Object Self;
    std::optional<Tuple> This;
    bool InLoopBody;
    bool BreakEndsSwitch;
    size_t Walked;
    unsigned Depth;
  };
  Context context() const {
    return {Self, This, InLoopBody, BreakEndsSwitch, Walked.size(), Depth};
  }
  void restore(const Context &C) {
    Self = C.Self;
    This = C.This;
    InLoopBody = C.InLoopBody;
    BreakEndsSwitch = C.BreakEndsSwitch;
    Walked.resize(C.Walked);
    Depth = C.Depth;
  }

  /// Whether S itself (an if's condition, a loop's range, not the
  /// statements nested in them, which are looked at on their own) uses a
  /// local whose declaration was rejected: S is dropped without a second
  /// diagnostic about the same problem.
  bool usesRejected(const clang::Stmt *S) const {
    if (Rejected.empty() || llvm::isa<clang::CompoundStmt>(S))
      return false;
    if (const auto *I = llvm::dyn_cast<clang::IfStmt>(S))
      return mentions(I->getCond());
    if (const auto *F = llvm::dyn_cast<clang::CXXForRangeStmt>(S))
      return mentions(F->getRangeInit());
    if (const auto *Sw = llvm::dyn_cast<clang::SwitchStmt>(S))
      return mentions(Sw->getCond());
    return mentions(S);
  }

  bool mentions(const clang::Stmt *S) const {
    if (!S)
      return false;
    if (const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(S); D && Rejected.count(D->getDecl()))
      return true;
    return std::any_of(S->child_begin(), S->child_end(),
                       [&](const clang::Stmt *Child) { return mentions(Child); });
  }

  static std::vector<Path> concat(std::vector<Path> A, std::vector<Path> B) {
    for (Path &P : B)
      A.push_back(std::move(P));
    return A;
  }

  std::vector<Path> execDecl(const clang::DeclStmt *D, std::vector<Path> In) {
    for (const clang::Decl *Decl : D->decls()) {
      const auto *V = llvm::dyn_cast<clang::VarDecl>(Decl);
      // A static or thread_local local keeps its value from one call to the
      // next, while the model's locals start afresh; a constant is the same
      // either way.
      if (V && !V->hasLocalStorage() && !V->isUsableInConstantExpressions(Ctx))
        fail(V->getLocation(),
             std::string("a ") + (V->getTLSKind() ? "thread_local" : "static") + " local '" +
                 V->getNameAsString() + "'",
             "a value kept from call to call is node state: make it a FL_STATE member");
      if (const clang::CXXMemberCallExpr *Find = V ? findCall(V->getInit()) : nullptr) {
        In = declareIterator(V, Find, std::move(In));
        continue;
      }
      if (!V || !V->hasInit() || !isValueType(V->getType()))
        fail(Decl->getLocation(), "this declaration",
             "declare locals of integer, bool, enum, string or plain struct type with an "
             "initializer");
      std::vector<Path> Out;
      for (Path &P : In)
        for (auto &[Q, T] : evalTuple(V->getInit(), std::move(P))) {
          Q.Locals[V] = T;
          Out.push_back(std::move(Q));
        }
      In = std::move(Out);
    }
    return In;
  }

  /// `auto it = c.find(k);` on a state set or map: the iterator stands for
  /// the key, tested with `it != c.end()` and read with `it->second`.
  std::vector<Path> declareIterator(const clang::VarDecl *V, const clang::CXXMemberCallExpr *Find,
                                    std::vector<Path> In) {
    Object Obj;
    const StateMember *State = nullptr;
    if (!memberState(Find->getImplicitObjectArgument(), Obj, State) ||
        State->K == StateMember::Kind::Scalar || State->K == StateMember::Kind::Vector)
      fail(Find->getBeginLoc(), "find on something other than a state set or map",
           "look up keys of std::set and std::map state members");
    std::vector<Path> Out;
    for (Path &P : In)
      for (auto &[Q, K] : evalTuple(Find->getArg(0), std::move(P))) {
        Q.Iterators[V] = FoundIterator{Obj, State, K};
        Out.push_back(std::move(Q));
      }
    return Out;
  }

  /// The lookup an iterator expression stands for: a local set by find().
  const FoundIterator &iteratorOf(const clang::ValueDecl *D, const Path &P,
                                  clang::SourceLocation Loc) {
    auto It = P.Iterators.find(D);
    if (It == P.Iterators.end())
      fail(Loc, "this iterator", "look up with 'auto it = c.find(k);' on a state set or map");
    return It->second;
  }

  /// `c.find(k) != c.end()`, `it == c.end()` and the like: a membership test.
  std::optional<std::vector<Path>> assumeEndTest(const clang::CXXOperatorCallExpr *Op, bool Truth,
                                                 const Path &P) {
    std::optional<EndTest> T = endTest(Op);
    if (!T)
      return std::nullopt;
    Object EndObj;
    const StateMember *EndState = nullptr;
    if (!memberState(T->EndOf, EndObj, EndState))
      fail(Op->getBeginLoc(), "comparing with end() of something other than a state set or map",
           "test membership in state sets and maps with count() or find() != end()");
    Valued Found;
    if (T->Find) {
      Object Obj;
      const StateMember *State = nullptr;
      if (!memberState(T->Find->getImplicitObjectArgument(), Obj, State) || State != EndState ||
          Obj.Var != EndObj.Var)
        fail(Op->getBeginLoc(), "comparing find() on one container with end() of another",
             "write c.find(k) != c.end() with the same c");
      const Overlay *Seen = readable(P, *State, Op->getBeginLoc(), "reading");
      for (auto &[Q, K] : evalTuple(T->Find->getArg(0), P))
        for (auto &V : contains(Obj, *State, K, std::move(Q), Seen))
          Found.push_back(std::move(V));
    } else {
      FoundIterator I = iteratorOf(T->Iterator, P, Op->getBeginLoc());
      if (I.State != EndState || I.Obj.Var != EndObj.Var)
        fail(Op->getBeginLoc(), "comparing an iterator with end() of another container",
             "compare it with end() of the container it was found in");
      Found = contains(I.Obj, *I.State, I.Key, P,
                       readable(P, *I.State, Op->getBeginLoc(), "reading"));
    }
    // Found is 1 or 0; the comparison holds where it is (not) found.
    bool WantFound = T->HoldsWhenFound == Truth;
    std::vector<Path> Out;
    for (auto &[Q, V] : Found)
      if (V.Int == (WantFound ? 1 : 0))
        Out.push_back(std::move(Q));
    return Out;
  }

  /// `it->second`, `it->first`, `(*it).second` and a set's `*it`: the
  /// found element's value or key. Where it was not found C++ has no
  /// meaning for the read, and the model has no such path.
  std::optional<Tupled> iteratorRead(const clang::Expr *E, const clang::FieldDecl *Field,
                                     const Path &P) {
    const clang::ValueDecl *D = dereferencedIterator(E);
    if (!D)
      return std::nullopt;
    FoundIterator I = iteratorOf(D, P, E->getBeginLoc());
    bool IsMap = I.State->K == StateMember::Kind::Map;
    if (IsMap != (Field != nullptr))
      fail(E->getBeginLoc(), "this use of a found element",
           IsMap ? "read it->first or it->second" : "read *it");
    Path Q = P;
    if (!IsMap || Field->getName() == "first")
      return Tupled{{std::move(Q), I.Key}};
    Tuple V = valueAt(I.Obj, *I.State, I.Key, Q, E->getBeginLoc());
    return Tupled{{std::move(Q), std::move(V)}};
  }

  std::vector<Path> execIf(const clang::IfStmt *I, std::vector<Path> In) {
    if (I->getInit() || I->getConditionVariable())
      fail(I->getBeginLoc(), "an if statement with an initializer", "declare the variable before the if");
    std::vector<Path> Out;
    for (Path &P : In) {
      std::vector<Path> Then = assume(I->getCond(), true, P);
      std::vector<Path> Else = assume(I->getCond(), false, P);
      // `if (cond) return false;` in an invariant: the property is !cond
      // where the path stood before the if.
      if (InInvariant && returnsFalse(I->getThen())) {
        violation(P, I->getCond(), /*PropertyIsTrue=*/false, I->getBeginLoc());
        for (Path &Q : Then)
          Q.Returned = true;
      } else {
        Then = exec(I->getThen(), std::move(Then));
      }
      if (I->getElse())
        Else = exec(I->getElse(), std::move(Else));
      Out = concat(concat(std::move(Out), std::move(Then)), std::move(Else));
    }
    return Out;
  }

  /// A switch is its labels and statements in order: the paths where the
  /// value equals a case's label join at that label the paths that fall
  /// through from above, and a break ends a path's way through the body.
  /// `default` (or, without one, the way past the switch) takes the paths
  /// where the value equals no label.
  std::vector<Path> execSwitch(const clang::SwitchStmt *Sw, std::vector<Path> In) {
    if (Sw->getInit() || Sw->getConditionVariable())
      fail(Sw->getBeginLoc(), "a switch with an initializer",
           "declare the variable before the switch");
    const clang::SwitchCase *Misplaced = nullptr;
    std::vector<SwitchItem> Items = switchItems(Sw, Misplaced);
    if (!llvm::isa<clang::CompoundStmt>(Sw->getBody()))
      fail(Sw->getBeginLoc(), "a switch whose body is not a block",
           "write switch (x) { case ...: ...; break; }");
    if (Misplaced)
      fail(Misplaced->getBeginLoc(), "a case label inside a nested statement",
           "put each label at the top level of the switch's block");
    clang::QualType Type = strip(Sw->getCond())->getType();
    std::vector<Term> Labels;
    for (const SwitchItem &I : Items)
      if (const auto *C = llvm::dyn_cast_or_null<clang::CaseStmt>(I.Label))
        Labels.push_back(caseLabel(C, Type));
    bool SavedBreak = BreakEndsSwitch;
    BreakEndsSwitch = true;
    std::vector<Path> Out;
    for (Path &P : In)
      for (auto &[Q, V] : eval(Sw->getCond(), std::move(P))) {
        std::vector<Path> Current;
        bool HasDefault = false;
        size_t Next = 0;
        for (const SwitchItem &I : Items) {
          if (I.Statement) {
            Current = execOrSkip(I.Statement, std::move(Current));
          } else if (llvm::isa<clang::DefaultStmt>(I.Label)) {
            HasDefault = true;
            Current = concat(std::move(Current), noLabel(Q, V, Labels));
          } else {
            Path Matched = Q;
            if (compare(Matched, ir::CmpOp::EQ, V, Labels[Next++]))
              Current.push_back(std::move(Matched));
          }
        }
        if (!HasDefault)
          Current = concat(std::move(Current), noLabel(Q, V, Labels));
        for (Path &R : Current) {
          R.Broke = false;
          Out.push_back(std::move(R));
        }
      }
    BreakEndsSwitch = SavedBreak;
    return Out;
  }

  /// A case's value, written as the model writes a value of the switch's type.
  Term caseLabel(const clang::CaseStmt *C, clang::QualType Type) {
    if (C->getRHS())
      fail(C->getBeginLoc(), "a case range", "write one case label per value");
    std::optional<Term> T;
    if (clang::Expr::EvalResult V; C->getLHS()->EvaluateAsInt(V, Ctx))
      T = constantTerm(Type, V.Val.getInt());
    if (!T)
      fail(C->getBeginLoc(), "this case label", "label cases with enumerators or integer constants");
    return *T;
  }

  /// The path where V equals none of the labels (none if it must).
  static std::vector<Path> noLabel(Path P, const Term &V, const std::vector<Term> &Labels) {
    for (const Term &L : Labels)
      if (!compare(P, ir::CmpOp::NE, V, L))
        return {};
    return {std::move(P)};
  }

  static bool returnsFalse(const clang::Stmt *S) {
    if (const auto *C = llvm::dyn_cast<clang::CompoundStmt>(S))
      return C->size() == 1 && returnsFalse(C->body_front());
    const auto *R = llvm::dyn_cast<clang::ReturnStmt>(S);
    if (!R || !R->getRetValue())
      return false;
    const auto *B = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(strip(R->getRetValue()));
    return B && !B->getValue();
  }

  std::vector<Path> execReturn(const clang::ReturnStmt *R, std::vector<Path> In) {
    if (InLoopBody)
      fail(R->getBeginLoc(), "a return inside a loop",
           "a loop is lowered to a join over all elements at once; move the return out");
    for (Path &P : In) {
      if (InInvariant) {
        const clang::Expr *V = R->getRetValue();
        const auto *B = V ? llvm::dyn_cast<clang::CXXBoolLiteralExpr>(strip(V)) : nullptr;
        if (!V)
          fail(R->getBeginLoc(), "a return without a value", "an invariant returns a bool");
        if (!B && quantifier(P, V, R->getBeginLoc()))
          ;
        else if (!B)
          violation(P, V, /*PropertyIsTrue=*/true, R->getBeginLoc());
        else if (!B->getValue())
          fail(R->getBeginLoc(), "an unconditional 'return false'",
               "an invariant fails under a condition: write 'if (cond) return false;'");
      } else if (R->getRetValue()) {
        fail(R->getBeginLoc(), "a return with a value", "handlers return void");
      }
      P.Returned = true;
    }
    return In;
  }

  std::vector<Path> execLoop(const clang::CXXForRangeStmt *F, std::vector<Path> In) {
    auto [Obj, State] = stateSet(F->getRangeInit(), F->getBeginLoc());
    const clang::VarDecl *Var = F->getLoopVariable();
    bool Outer = !InLoopBody;
    std::vector<Path> Out;
    for (Path &P : In) {
      const Overlay *Seen = readable(P, *State, F->getBeginLoc(), "looping over");
      Path Each = P;
      std::optional<Tuple> EntryKey;
      if (State->K == StateMember::Kind::Map) {
        // for (const auto &[key, value] : m): one join per entry.
        const auto *Pair = llvm::dyn_cast<clang::DecompositionDecl>(Var);
        if (!Pair || Pair->bindings().size() != 2)
          fail(F->getBeginLoc(), "a loop over a map without [key, value]",
               "write for (const auto &[key, value] : m)");
        auto [KeyType, ValueType] = typesOf(*State, Ctx);
        Tuple K = fresh(KeyType, Pair->bindings()[0]->getName());
        Tuple V = fresh(ValueType, Pair->bindings()[1]->getName());
        Each.Body.push_back(atom(State->Relation, append(append({Term::variable(Obj.Var)}, K), V)));
        Each.Locals[Pair->bindings()[0]] = K;
        Each.Locals[Pair->bindings()[1]] = V;
        Each.Quantified = append(std::move(Each.Quantified), K);
        EntryKey = K;
      } else {
        auto [KeyType, ValueType] = typesOf(*State, Ctx);
        bool IsVector = State->K == StateMember::Kind::Vector;
        Tuple E = fresh(IsVector ? ValueType : KeyType, Var->getName());
        Tuple Cols{Term::variable(Obj.Var)};
        if (IsVector)
          Cols.push_back(variableFor("Index", Counter));
        Each.Body.push_back(atom(State->Relation, append(std::move(Cols), E)));
        Each.Locals[Var] = E;
        Each.Quantified = append(std::move(Each.Quantified), E);
      }
      // The elements: those at the start of the step (unless the path
      // cleared the set), then each one the path inserted that was new.
      std::vector<Path> Elements;
      if (!Seen || !Seen->Cleared)
        Elements.push_back(std::move(Each));
      for (size_t I = 0; Seen && I < Seen->Inserted.size(); ++I)
        for (Path &New : alreadyThere(P, *State, *Seen, I).second) {
          New.Locals[Var] = Seen->Inserted[I];
          Elements.push_back(std::move(New));
        }
      bool SavedBreak = BreakEndsSwitch;
      std::set<const clang::FieldDecl *> Outside = std::exchange(LoopUpdates, {});
      InLoopBody = true;
      BreakEndsSwitch = false;
      Walked.push_back({State->Field, EntryKey});
      std::vector<Path> Ends = exec(F->getBody(), std::move(Elements));
      Walked.pop_back();
      InLoopBody = !Outer;
      BreakEndsSwitch = SavedBreak;
      // The loop's effects were emitted per element; after it, the path
      // goes on as it was, except that what the body updated depends on
      // the elements, so no later read can see through it.
      for (const clang::FieldDecl *Field : LoopUpdates)
        for (const Path &End : Ends)
          if (auto How = End.Updated.find(Field); How != End.Updated.end()) {
            markUpdated(P, Field, How->second);
            P.Overlays.erase(Field);
          }
      LoopUpdates.insert(Outside.begin(), Outside.end());
      Out.push_back(std::move(P));
    }
    return Out;
  }

  /// Records that path P updates Field; an enclosing loop learns of it.
  void markUpdated(Path &P, const clang::FieldDecl *Field, const std::string &How) {
    P.Updated[Field] = How;
    if (InLoopBody)
      LoopUpdates.insert(Field);
  }

  /// What path P must see of State when it reads it: null where P has not
  /// updated it (the state at the start of the step), the overlay where it
  /// inserted into or cleared a set. Any other update makes the read an
  /// error: what it would see is not what the model has.
  const Overlay *readable(const Path &P, const StateMember &State, clang::SourceLocation Loc,
                          const std::string &Reading) {
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

  /// Splits P on whether the I-th element the path inserted into a set was
  /// already in it (at the start of the step, or inserted earlier on the
  /// path): {already there, new}.
  std::pair<std::vector<Path>, std::vector<Path>> alreadyThere(Path P, const StateMember &State,
                                                               const Overlay &O, size_t I) {
    const Tuple &X = O.Inserted[I];
    Tuple Cols = append({Term::variable(Self.Var)}, X);
    std::vector<Path> Already, New;
    if (O.Cleared) {
      New.push_back(std::move(P));
    } else {
      Path In = P;
      if (require(In, atom(State.Relation, Cols)))
        Already.push_back(std::move(In));
      if (require(P, atom(State.Relation, Cols, true)))
        New.push_back(std::move(P));
    }
    for (size_t J = 0; J < I; ++J) {
      std::vector<Path> Differs;
      for (Path &Q : New) {
        Already = concat(std::move(Already), equalTuples(Q, X, O.Inserted[J]));
        Differs = concat(std::move(Differs), differentTuples(Q, X, O.Inserted[J]));
      }
      New = std::move(Differs);
    }
    return {std::move(Already), std::move(New)};
  }

  /// The path where every column of A equals B's (none if constants differ).
  static std::vector<Path> equalTuples(Path P, const Tuple &A, const Tuple &B) {
    for (size_t I = 0; I < A.size(); ++I)
      if (!compare(P, ir::CmpOp::EQ, A[I], B[I]))
        return {};
    return {std::move(P)};
  }

  /// Adds a state literal to P's body; false where the body has its
  /// opposite (the path cannot happen). A literal already there is not
  /// repeated.
  static bool require(Path &P, const Atom &A) {
    for (const BodyElem &E : P.Body)
      if (const auto *B = std::get_if<Atom>(&E);
          B && B->Relation == A.Relation && B->Args == A.Args && !B->AtTime)
        return B->Negated == A.Negated;
    P.Body.push_back(A);
    return true;
  }

  /// The paths where A and B differ: one per column that can.
  static std::vector<Path> differentTuples(const Path &P, const Tuple &A, const Tuple &B) {
    std::vector<Path> Out;
    for (size_t I = 0; I < A.size(); ++I) {
      Path Q = P;
      if (compare(Q, ir::CmpOp::NE, A[I], B[I]))
        Out.push_back(std::move(Q));
    }
    return Out;
  }

  // ---- Effects -----------------------------------------------------------

  std::vector<Path> execEffect(const clang::Expr *E, Path P) {
    E = strip(E);
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E)) {
      if (Protocol::isSend(Call->getDirectCallee()))
        return send(Call, std::move(P));
      if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call))
        if (auto Updated = setUpdate(MC, P))
          return *Updated;
      if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(Call)) {
        // Assigning a string is a call of its operator=.
        if (Op->getOperator() == clang::OO_Equal && Op->getNumArgs() == 2)
          return assign(Op->getArg(0), Op->getArg(1), clang::BO_Assign, Op->getBeginLoc(),
                        std::move(P));
        fail(Op->getBeginLoc(), "this operator call", "assign scalars with = += -= ++ --");
      }
      return inlineCall(Call, std::move(P));
    }
    if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(E))
      if (B->isAssignmentOp())
        return assign(B->getLHS(), B->getRHS(), B->getOpcode(), B->getBeginLoc(), std::move(P));
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E))
      if (U->isIncrementDecrementOp())
        return assign(U->getSubExpr(), nullptr, U->isIncrementOp() ? clang::BO_AddAssign
                                                                   : clang::BO_SubAssign,
                      U->getBeginLoc(), std::move(P));
    fail(E->getBeginLoc(), "this expression statement",
         "a handler's statements send, update state, or call helpers");
  }

  std::vector<Path> send(const clang::CallExpr *Call, Path P) {
    if (Call->getNumArgs() != 2)
      fail(Call->getBeginLoc(), "a send with other than two arguments",
           "call the send primitive as send(destination, Message{...})");
    const MessageType *Msg = Proto.messageOf(Call->getArg(1)->getType());
    if (!Msg)
      fail(Call->getArg(1)->getBeginLoc(), "sending a value that is not a FL_MESSAGE struct",
           "mark the message type with FL_MESSAGE");
    M.uses(Msg->Decl);
    const clang::Expr *Init = strip(Call->getArg(1));
    std::vector<const clang::Expr *> Fields;
    if (const auto *L = llvm::dyn_cast<clang::InitListExpr>(Init)) {
      for (const clang::Expr *F : L->inits()) {
        if (llvm::isa<clang::ImplicitValueInitExpr>(F))
          fail(Call->getArg(1)->getBeginLoc(), "a message with fields left out",
               "give every field of the message in order");
        Fields.push_back(F);
      }
    } else if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(Init)) {
      for (const clang::Expr *F : C->arguments())
        Fields.push_back(F);
    } else {
      fail(Init->getBeginLoc(), "a message that is not built in the send call",
           "write send(destination, Message{field, ...})");
    }
    if (Fields.size() != Msg->Fields.size())
      fail(Init->getBeginLoc(), "a message with fields left out",
           "give every field of the message in order");
    std::vector<Path> Out;
    for (auto &[Q, Dst] : eval(Call->getArg(0), std::move(P))) {
      Tupled Partial{{std::move(Q), {}}};
      for (const clang::Expr *F : Fields) {
        Tupled Next;
        for (auto &[Q2, Terms] : Partial)
          for (auto &[Q3, T] : evalTuple(F, std::move(Q2)))
            Next.push_back({std::move(Q3), append(Terms, T)});
        Partial = std::move(Next);
      }
      for (auto &[Q4, Terms] : Partial) {
        std::vector<Term> Cols{Dst, Term::variable(Self.Var)};
        Cols.insert(Cols.end(), Terms.begin(), Terms.end());
        emit(atom(Msg->Relation, Cols), ir::HeadTime::Async, Q4, Call->getBeginLoc());
        Out.push_back(std::move(Q4));
      }
    }
    return Out;
  }

  std::optional<std::vector<Path>> setUpdate(const clang::CXXMemberCallExpr *MC, Path &P) {
    std::string Method = MC->getMethodDecl()->getNameAsString();
    if (auto Out = vectorUpdate(MC, Method, P))
      return Out;
    if (Method != "insert" && Method != "erase" && Method != "clear")
      return std::nullopt;
    const StateMember *State = nullptr;
    Object Obj;
    if (!memberState(MC->getImplicitObjectArgument(), Obj, State) ||
        State->K == StateMember::Kind::Scalar)
      return std::nullopt;
    if (State->K == StateMember::Kind::Map && Method == "insert")
      fail(MC->getBeginLoc(), "insert on a map", "assign with m[key] = value");
    if (Obj.Var != Self.Var)
      fail(MC->getBeginLoc(), "updating another process's state",
           "a handler updates its own node's state and sends messages to others");
    // Updates of one step apply together: both kinds of update on one
    // path would not mean what the C++ means.
    checkOneKindOfUpdate(P, *State, Method, MC->getBeginLoc());
    checkNotWalked(*State, std::nullopt, MC->getBeginLoc());
    if (Method == "clear")
      return clear(MC, *State, std::move(P));
    if (MC->getNumArgs() != 1)
      fail(MC->getBeginLoc(), "this form of " + Method, "insert or erase one element");
    std::vector<Path> Out;
    for (auto &[Q, T] : evalTuple(MC->getArg(0), P)) {
      // A later read on the path sees an insert into a set, as in C++
      // (not one made inside a loop, which depends on the elements).
      bool Readable = !Q.Updated.count(State->Field) || Q.Overlays.count(State->Field);
      if (Method == "insert" && Readable && !InLoopBody)
        Q.Overlays[State->Field].Inserted.push_back(T);
      else
        Q.Overlays.erase(State->Field);
      markUpdated(Q, State->Field, Method);
      // A map's erase names its key only.
      Tuple Cols = append({Term::variable(Self.Var)}, T);
      if (Method == "insert")
        emit(atom(State->Relation, Cols), ir::HeadTime::Next, Q, MC->getBeginLoc());
      else
        emit(atom(State->Relation + "_del", Cols), ir::HeadTime::Now, Q, MC->getBeginLoc());
      Out.push_back(std::move(Q));
    }
    return Out;
  }

  /// `s.clear()` on a state set or map: every element (key) stops
  /// persisting. A set's later reads on the path see it empty but for what
  /// the path inserts after.
  std::vector<Path> clear(const clang::CXXMemberCallExpr *MC, const StateMember &State, Path P) {
    if (MC->getNumArgs() != 0)
      fail(MC->getBeginLoc(), "this form of clear", "call clear() without arguments");
    Path Each = P;
    Tuple Key = fresh(typesOf(State, Ctx).first, State.Field->getName());
    Tuple Node{Term::variable(Self.Var)};
    Each.Body.push_back(atom(State.Relation, append(append(Node, Key), wildcards(
                                                     State.K == StateMember::Kind::Map
                                                         ? State.ValueColumns
                                                         : 0))));
    emit(atom(State.Relation + "_del", append(Node, Key)), ir::HeadTime::Now, Each,
         MC->getBeginLoc());
    if (State.K == StateMember::Kind::Set && !InLoopBody)
      P.Overlays[State.Field] = Overlay{/*Cleared=*/true, {}};
    else
      P.Overlays.erase(State.Field);
    markUpdated(P, State.Field, "clear");
    return {std::move(P)};
  }

  /// push_back, pop_back and clear on a state vector `rel(Node, Index,
  /// Value)`: push_back adds at index size() (0 when empty), pop_back
  /// removes index size()-1, clear removes every index.
  std::optional<std::vector<Path>> vectorUpdate(const clang::CXXMemberCallExpr *MC,
                                                const std::string &Method, const Path &P) {
    Object Obj;
    const StateMember *State = nullptr;
    if (!memberState(MC->getImplicitObjectArgument(), Obj, State) ||
        State->K != StateMember::Kind::Vector)
      return std::nullopt;
    if (Method != "push_back" && Method != "pop_back" && Method != "clear")
      fail(MC->getBeginLoc(), "'" + Method + "' on a state vector",
           "use push_back, pop_back, clear, v[i] = x, size, empty, at, [] and range-for");
    if (Obj.Var != Self.Var)
      fail(MC->getBeginLoc(), "updating another process's state",
           "a handler updates its own node's state and sends messages to others");
    checkNotWalked(*State, std::nullopt, MC->getBeginLoc());
    // Indices come from the size at the start of the step: one such update
    // per path.
    if (P.Updated.count(State->Field))
      fail(MC->getBeginLoc(), "a second update of '" + State->Field->getNameAsString() +
                                  "' in one step",
           "update a vector once per handler path (indices are computed from its size "
           "at the start of the step)");
    Term Node = Term::variable(Self.Var);
    std::vector<Path> Out;
    auto Del = [&](Path &Q, Term Index) {
      emit(atom(State->Relation + "_del", {Node, std::move(Index)}), ir::HeadTime::Now, Q,
           MC->getBeginLoc());
    };
    if (Method == "clear") {
      Path Q = P;
      markUpdated(Q, State->Field, Method);
      Path Each = Q;
      Term I = variableFor("Index", Counter);
      Each.Body.push_back(atom(State->Relation, append({Node, I}, wildcards(State->ValueColumns))));
      Del(Each, I);
      Out.push_back(std::move(Q));
      return Out;
    }
    M.needSize(*State);
    Term Size = variableFor(State->Field->getName().str() + "Size", Counter);
    if (Method == "push_back") {
      if (MC->getNumArgs() != 1)
        fail(MC->getBeginLoc(), "this push_back", "push one value");
      for (auto &[Q, X] : evalTuple(MC->getArg(0), P)) {
        markUpdated(Q, State->Field, Method);
        Path Empty = Q, Some = Q;
        Empty.Body.push_back(
            atom(State->Relation, append({Node}, wildcards(1 + State->ValueColumns)), true));
        emit(atom(State->Relation, append({Node, Term::integer(0)}, X)), ir::HeadTime::Next, Empty,
             MC->getBeginLoc());
        Some.Body.push_back(atom(State->Relation + "_size", {Node, Size}));
        emit(atom(State->Relation, append({Node, Size}, X)), ir::HeadTime::Next, Some,
             MC->getBeginLoc());
        Out.push_back(std::move(Q));
      }
      return Out;
    }
    // pop_back on an empty vector is undefined in C++: only the non-empty
    // case is modeled.
    Path Q = P;
    markUpdated(Q, State->Field, Method);
    Path Some = Q;
    Some.Body.push_back(atom(State->Relation + "_size", {Node, Size}));
    Del(Some, Term::arith('-', Size, Term::integer(1)));
    Out.push_back(std::move(Q));
    return Out;
  }

  /// C++ invalidates a loop's iterator when the container it walks loses or
  /// gains an element; the model would apply the update at the next step.
  /// Assigning the current entry of a map (m[key] = v with the loop's key)
  /// is the one update a loop may make to what it walks.
  void checkNotWalked(const StateMember &State, const std::optional<Tuple> &Key,
                      clang::SourceLocation Loc) {
    for (const auto &[Field, EntryKey] : Walked) {
      if (Field != State.Field)
        continue;
      bool SameEntry = Key && EntryKey && Key->size() == EntryKey->size() &&
                       std::equal(Key->begin(), Key->end(), EntryKey->begin(),
                                  [](const Term &A, const Term &B) {
                                    return A.K == B.K && A.Text == B.Text && A.Int == B.Int;
                                  });
      if (!SameEntry)
        fail(Loc, "updating '" + State.Field->getNameAsString() + "' inside a loop over it",
             "C++ invalidates the loop's iterator; assign the current entry (m[key] = "
             "value with the loop's key), or mark entries with a filler value");
    }
  }

  /// Updates of one step apply together, so a path may update a container
  /// in one way only (insert or erase a set; assign or erase a map).
  void checkOneKindOfUpdate(const Path &P, const StateMember &State, const std::string &How,
                            clang::SourceLocation Loc) {
    // After a clear() anything goes: it removes what the step started
    // with, and what the path adds after it is what remains.
    auto Earlier = P.Updated.find(State.Field);
    if (Earlier != P.Updated.end() && Earlier->second != How && Earlier->second != "clear")
      fail(Loc, "both " + Earlier->second + " and " + How + " on '" +
                    State.Field->getNameAsString() + "' in one step",
           "do one or the other in a handler, or split the work across messages");
  }

  /// `m[key] = value` on a state map.
  std::optional<std::vector<Path>> mapAssign(const clang::Expr *Target, const clang::Expr *Value,
                                             clang::BinaryOperatorKind Op,
                                             clang::SourceLocation Loc, const Path &P) {
    const auto *Sub = llvm::dyn_cast<clang::CXXOperatorCallExpr>(strip(Target));
    if (!Sub || Sub->getOperator() != clang::OO_Subscript || Sub->getNumArgs() != 2)
      return std::nullopt;
    Object Obj;
    const StateMember *State = nullptr;
    if (!memberState(Sub->getArg(0), Obj, State) || !State->keyed())
      return std::nullopt;
    if (Obj.Var != Self.Var)
      fail(Loc, "updating another process's state",
           "a handler updates its own node's state and sends messages to others");
    if (Op != clang::BO_Assign)
      fail(Loc, "a compound assignment to a map entry",
           "read the value with at() into a local, then assign m[key] = value");
    checkOneKindOfUpdate(P, *State, "assign", Loc);
    std::vector<Path> Out;
    for (auto &[Q, K] : evalTuple(Sub->getArg(1), P)) {
      checkNotWalked(*State, K, Loc);
      for (auto &[Q2, V] : evalTuple(Value, std::move(Q))) {
        markUpdated(Q2, State->Field, "assign");
        // The key's old value stops here; the new one holds from t+1.
        Tuple Key = append({Term::variable(Self.Var)}, K);
        emit(atom(State->Relation, append(Key, V)), ir::HeadTime::Next, Q2, Loc);
        emit(atom(State->Relation + "_del", Key), ir::HeadTime::Now, Q2, Loc);
        Out.push_back(std::move(Q2));
      }
    }
    return Out;
  }

  std::vector<Path> assign(const clang::Expr *Target, const clang::Expr *Value,
                           clang::BinaryOperatorKind Op, clang::SourceLocation Loc, Path P) {
    if (Value)
      if (auto Out = mapAssign(Target, Value, Op, Loc, P))
        return *Out;
    Target = strip(Target);
    // `x.f.g = v` on a struct: the whole of x, with the columns of f.g
    // replaced.
    const clang::Expr *Root = Target;
    unsigned Offset = 0;
    while (const auto *Mem = llvm::dyn_cast<clang::MemberExpr>(Root)) {
      const auto *F = llvm::dyn_cast<clang::FieldDecl>(Mem->getMemberDecl());
      const clang::Expr *Base = strip(Mem->getBase());
      if (!F || !structOf(Base->getType()))
        break;
      Offset += columnOffset(F);
      Root = Base;
    }
    bool WholeValue = Root == Target;
    auto Replaced = [&](Path Q, const Tuple &New) {
      if (WholeValue)
        return Tupled{{std::move(Q), New}};
      Tupled Out = evalTuple(Root, std::move(Q));
      for (auto &[Q2, Whole] : Out)
        std::copy(New.begin(), New.end(), Whole.begin() + Offset);
      return Out;
    };
    // A local: its new value is a term (or a struct's terms).
    if (const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(Root))
      if (P.Locals.count(D->getDecl())) {
        std::vector<Path> Out;
        for (auto &[Q, T] : combineTuple(Target, Value, Op, std::move(P)))
          for (auto &[Q2, Whole] : Replaced(std::move(Q), T)) {
            Q2.Locals[D->getDecl()] = Whole;
            Out.push_back(std::move(Q2));
          }
        return Out;
      }
    Object Obj;
    const StateMember *State = nullptr;
    if (!memberState(Root, Obj, State) || State->K != StateMember::Kind::Scalar)
      fail(Loc, "this assignment", "assign locals, scalar or struct state members of the node, "
                                   "or fields of those");
    if (Obj.Var != Self.Var)
      fail(Loc, "assigning another process's state",
           "a handler updates its own node's state and sends messages to others");
    if (InLoopBody)
      fail(Loc, "assigning a scalar inside a loop",
           "a loop is lowered to a join over all elements at once; compute the value with "
           "a condition outside the loop");
    checkSingleWriter(State->Field, Loc);
    std::vector<Path> Out;
    for (auto &[Q, T] : combineTuple(Target, Value, Op, std::move(P)))
      for (auto &[Q2, Whole] : Replaced(std::move(Q), T)) {
        Q2.Scalars[{Self.Var, State->Field}] = Whole;
        Q2.Assigned[State->Field] = Loc;
        Out.push_back(std::move(Q2));
      }
    return Out;
  }

  /// The value `Target Op= Value` gives, a struct's with `=` only.
  Tupled combineTuple(const clang::Expr *Target, const clang::Expr *Value,
                      clang::BinaryOperatorKind Op, Path P) {
    if (Op == clang::BO_Assign)
      return evalTuple(Value, std::move(P));
    return tuples(combine(Target, Value, Op, std::move(P)));
  }

  /// The value `Target Op= Value` gives (plain `=` when Op is BO_Assign).
  Valued combine(const clang::Expr *Target, const clang::Expr *Value,
                 clang::BinaryOperatorKind Op, Path P) {
    if (Op == clang::BO_Assign)
      return eval(Value, std::move(P));
    auto Arith = arithmetic(Op);
    if (!Arith)
      fail(Target->getBeginLoc(), "this compound assignment", "use = += -= *= /= %= ++ --");
    Valued Out;
    for (auto &[Q, Old] : eval(Target, std::move(P))) {
      if (!Value) {
        Out.push_back({Q, Term::arith(*Arith, Old, Term::integer(1))});
        continue;
      }
      for (auto &[Q2, V] : eval(Value, Q))
        Out.push_back({std::move(Q2), Term::arith(*Arith, Old, V)});
    }
    return Out;
  }

  /// A scalar set by a periodic handler and by another handler of the role
  /// would get two values in one step.
  void checkSingleWriter(const clang::FieldDecl *F, clang::SourceLocation Loc) {
    std::set<std::string> &Of = Writers[F];
    Of.insert(IsPeriodic ? "periodic:" + HandlerName : "receive");
    bool Periodic = false;
    for (const std::string &W : Of)
      Periodic |= llvm::StringRef(W).starts_with("periodic:");
    if (Periodic && Of.size() > 1)
      fail(Loc, "assigning '" + F->getNameAsString() + "' in a periodic handler and in another handler",
           "handlers that run in the same step read the same state; let one handler own the scalar");
  }

  /// Calls to helpers: a member or free function whose body is visible.
  std::vector<Path> inlineCall(const clang::CallExpr *Call, Path P) {
    const clang::FunctionDecl *F = Call->getDirectCallee();
    if (!F || !F->hasBody() || markOf(F) != "" || isLibrary(F))
      fail(Call->getBeginLoc(), "a call to '" + (F ? F->getQualifiedNameAsString() : std::string("?")) + "'",
           "call the send primitive, insert/erase on state sets, or helpers whose body is visible");
    checkStaticallyBound(Call, F);
    if (++Depth > 8)
      fail(Call->getBeginLoc(), "helpers nested more than 8 deep", "inline some by hand");
    std::vector<Path> In;
    for (Path &Bound : bindArguments(F, arguments(Call), std::move(P)))
      In.push_back(std::move(Bound));
    bool SavedBreak = BreakEndsSwitch;
    BreakEndsSwitch = false;
    std::vector<Path> Out = exec(F->getBody(), std::move(In));
    BreakEndsSwitch = SavedBreak;
    for (Path &Q : Out)
      Q.Returned = false; // a return ends the helper, not the handler
    --Depth;
    return Out;
  }

  /// A helper is inlined with the body faultline sees, so that must be the
  /// body that runs, on the object the handler works on. A virtual function
  /// may be overridden (an empty base body is typical); an object reached
  /// through a pointer or a reference member lives elsewhere and may be of
  /// a derived class. Both would be modelled as the wrong code.
  void checkStaticallyBound(const clang::CallExpr *Call, const clang::FunctionDecl *F,
                            const clang::Expr *Receiver = nullptr) {
    std::string Name = "'" + F->getQualifiedNameAsString() + "'";
    const char *Advice = "faultline cannot tell which code runs; define a non-virtual function "
                         "in the header, or write its effect in the handler";
    if (const auto *Method = llvm::dyn_cast<clang::CXXMethodDecl>(F); Method && Method->isVirtual())
      fail(Call->getBeginLoc(), "a call of the virtual function " + Name, Advice);
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call)) {
      Receiver = MC->getImplicitObjectArgument();
      if (const auto *Callee = llvm::dyn_cast<clang::MemberExpr>(MC->getCallee()->IgnoreParens());
          Callee && Callee->isArrow() && !llvm::isa<clang::CXXThisExpr>(Receiver->IgnoreParenImpCasts()))
        fail(Call->getBeginLoc(), "a call to " + Name + " through a pointer", Advice);
    }
    if (!Receiver)
      return;
    const clang::Expr *Object = Receiver->IgnoreParenImpCasts();
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(Object); U && U->getOpcode() == clang::UO_Deref)
      fail(Call->getBeginLoc(), "a call to " + Name + " through a pointer", Advice);
    if (const auto *Mem = llvm::dyn_cast<clang::MemberExpr>(Object))
      if (const auto *Field = llvm::dyn_cast<clang::FieldDecl>(Mem->getMemberDecl());
          Field && Field->getType()->isReferenceType())
        fail(Call->getBeginLoc(), "a call to " + Name + " through the reference member '" +
                                      Field->getNameAsString() + "'",
             Advice);
  }

  static std::vector<const clang::Expr *> arguments(const clang::CallExpr *Call) {
    return std::vector<const clang::Expr *>(Call->arg_begin(), Call->arg_end());
  }

  std::vector<Path> bindArguments(const clang::FunctionDecl *F,
                                  const std::vector<const clang::Expr *> &Args, Path P) {
    std::vector<Path> Partial{std::move(P)};
    for (unsigned I = 0; I < F->getNumParams() && I < Args.size(); ++I) {
      // A process passed to a helper stays that process (an invariant's
      // helper reading the state of its parameters).
      Object Obj;
      const clang::ParmVarDecl *Param = F->getParamDecl(I);
      if (Proto.roleOf(Param->getType().getNonReferenceType()->getAsRecordDecl()) &&
          objectOf(Args[I], Obj)) {
        NodeParams[Param] = Obj;
        continue;
      }
      std::vector<Path> Next;
      for (Path &Q : Partial)
        for (auto &[Q2, T] : evalTuple(Args[I], std::move(Q))) {
          Q2.Locals[Param] = T;
          Next.push_back(std::move(Q2));
        }
      Partial = std::move(Next);
    }
    return Partial;
  }

  // ---- Expressions -------------------------------------------------------

  Valued eval(const clang::Expr *E, Path P) {
    E = strip(E);
    if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(E);
        Cast && Cast->getCastKind() == clang::CK_IntegralToBoolean)
      return truthValue(Cast->getSubExpr(), std::move(P));
    if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(E);
        Cast && Cast->getCastKind() != clang::CK_IntegralToBoolean)
      fail(E->getBeginLoc(), "a conversion from '" + Cast->getSubExpr()->getType().getAsString() +
                                 "' to '" + Cast->getType().getAsString() + "'",
           "use integers, bools, enums and strings");
    if (const auto *Cast = llvm::dyn_cast<clang::ExplicitCastExpr>(E)) {
      // static_cast<int>(s.size()) and the like: integers are unbounded in
      // the model, so a conversion between integer types keeps the value
      // (a narrowing that would wrap in C++ does not).
      clang::QualType To = Cast->getType(), From = Cast->getSubExpr()->getType();
      bool Integral = From->isIntegralOrEnumerationType();
      if (To->isBooleanType() && Integral)
        return truthValue(Cast->getSubExpr(), std::move(P));
      if (To->isIntegralOrEnumerationType() && Integral)
        return eval(Cast->getSubExpr(), std::move(P));
      fail(E->getBeginLoc(), "a cast from '" + From.getAsString() + "' to '" + To.getAsString() + "'",
           "cast only between integer, bool and enum types");
    }
    if (const auto *L = llvm::dyn_cast<clang::InitListExpr>(E); L && L->getNumInits() <= 1)
      // `int x{}` and `int x{y}`.
      return L->getNumInits() ? eval(L->getInit(0), std::move(P))
                              : Valued{{std::move(P), zeroValue(L->getType())}};
    if (const auto *I = llvm::dyn_cast<clang::IntegerLiteral>(E))
      return {{std::move(P), Term::integer(static_cast<int64_t>(I->getValue().getLimitedValue()))}};
    if (const auto *B = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(E))
      return {{std::move(P), Term::integer(B->getValue() ? 1 : 0)}};
    if (const auto *S = llvm::dyn_cast<clang::StringLiteral>(E))
      return {{std::move(P), Term::string(S->getString().str())}};
    if (const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(E))
      return scalars(evalName(D, std::move(P)), E);
    if (const auto *Mem = llvm::dyn_cast<clang::MemberExpr>(E))
      return scalars(evalMember(Mem, std::move(P)), E);
    if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(E)) {
      if (auto Op = arithmetic(B->getOpcode())) {
        Valued Out;
        for (auto &[Q, L] : eval(B->getLHS(), std::move(P)))
          for (auto &[Q2, R] : eval(B->getRHS(), std::move(Q)))
            Out.push_back({std::move(Q2), Term::arith(*Op, L, R)});
        return Out;
      }
      if (B->isComparisonOp() || B->isLogicalOp())
        return truthValue(E, std::move(P));
    }
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E)) {
      if (U->getOpcode() == clang::UO_Minus) {
        Valued Out;
        for (auto &[Q, V] : eval(U->getSubExpr(), std::move(P)))
          Out.push_back({std::move(Q), Term::arith('-', Term::integer(0), V)});
        return Out;
      }
      if (U->getOpcode() == clang::UO_LNot)
        return truthValue(E, std::move(P));
    }
    if (const auto *C = llvm::dyn_cast<clang::ConditionalOperator>(E)) {
      Valued Out;
      for (Path &Q : assume(C->getCond(), true, P))
        for (auto &V : eval(C->getTrueExpr(), std::move(Q)))
          Out.push_back(std::move(V));
      for (Path &Q : assume(C->getCond(), false, P))
        for (auto &V : eval(C->getFalseExpr(), std::move(Q)))
          Out.push_back(std::move(V));
      return Out;
    }
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E); Op && comparison(Op))
      return truthValue(E, std::move(P));
    if (auto V = elementRead(E, P))
      return scalars(std::move(*V), E);
    if (auto V = iteratorRead(E, nullptr, P))
      return scalars(std::move(*V), E);
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      if (auto V = setQuery(MC, P))
        return *V;
      if (auto V = stringQuery(MC, P))
        return *V;
    }
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E))
      return evalCall(Call, std::move(P));
    fail(E->getBeginLoc(), std::string("this expression (") + E->getStmtClassName() + ")",
         "use arithmetic, comparisons, state and message fields, and helper calls");
  }

  /// The columns of a value: a scalar's one term, or a plain struct's
  /// fields in order (built with braces, read from state, a message, a
  /// local, a container, or returned by a helper).
  Tupled evalTuple(const clang::Expr *E, Path P) {
    if (!structOf(E->getType()))
      return tuples(eval(E, std::move(P)));
    E = strip(E);
    if (const auto *L = llvm::dyn_cast<clang::InitListExpr>(E))
      return fieldsOf(L, std::move(P));
    if (const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(E))
      return evalName(D, std::move(P));
    if (const auto *Mem = llvm::dyn_cast<clang::MemberExpr>(E))
      return evalMember(Mem, std::move(P));
    if (const auto *C = llvm::dyn_cast<clang::ConditionalOperator>(E)) {
      Tupled Out;
      for (Path &Q : assume(C->getCond(), true, P))
        for (auto &V : evalTuple(C->getTrueExpr(), std::move(Q)))
          Out.push_back(std::move(V));
      for (Path &Q : assume(C->getCond(), false, P))
        for (auto &V : evalTuple(C->getFalseExpr(), std::move(Q)))
          Out.push_back(std::move(V));
      return Out;
    }
    if (auto V = elementRead(E, P))
      return *V;
    if (auto V = iteratorRead(E, nullptr, P))
      return *V;
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E))
      return evalHelper(Call, std::move(P));
    fail(E->getBeginLoc(), std::string("this struct value (") + E->getStmtClassName() + ")",
         "build structs with braces, or read them from state, messages, locals and helpers");
  }

  /// `Entry{a, b}`: each field's value, or its default where it is left out.
  Tupled fieldsOf(const clang::InitListExpr *L, Path P) {
    const clang::CXXRecordDecl *R = structOf(L->getType());
    Tupled Partial{{std::move(P), {}}};
    unsigned I = 0;
    for (const clang::FieldDecl *F : R->fields()) {
      const clang::Expr *Init = I < L->getNumInits() ? L->getInit(I) : nullptr;
      ++I;
      Tupled Next;
      for (auto &[Q, Terms] : Partial) {
        Tupled Values = !Init || llvm::isa<clang::ImplicitValueInitExpr>(Init) ||
                                llvm::isa<clang::CXXDefaultInitExpr>(Init)
                            ? defaultOf(F, std::move(Q))
                            : evalTuple(Init, std::move(Q));
        for (auto &[Q2, T] : Values)
          Next.push_back({std::move(Q2), append(Terms, T)});
      }
      Partial = std::move(Next);
    }
    return Partial;
  }

  /// A field left out of braces: its default member initializer, or its
  /// fields' defaults, or zero (false, "", the enumerator that is 0).
  Tupled defaultOf(const clang::FieldDecl *F, Path P) {
    if (const clang::Expr *Init = F->getInClassInitializer())
      return evalTuple(Init, std::move(P));
    const clang::CXXRecordDecl *R = structOf(F->getType());
    if (!R)
      return {{std::move(P), {zeroValue(F->getType())}}};
    Tupled Partial{{std::move(P), {}}};
    for (const clang::FieldDecl *G : R->fields()) {
      Tupled Next;
      for (auto &[Q, Terms] : Partial)
        for (auto &[Q2, T] : defaultOf(G, std::move(Q)))
          Next.push_back({std::move(Q2), append(Terms, T)});
      Partial = std::move(Next);
    }
    return Partial;
  }

  static Tupled tuples(Valued V) {
    Tupled Out;
    for (auto &[Q, T] : V)
      Out.push_back({std::move(Q), Tuple{std::move(T)}});
    return Out;
  }

  /// The one column of values the types say are scalars.
  Valued scalars(Tupled V, const clang::Expr *E) {
    Valued Out;
    for (auto &[Q, T] : V) {
      if (T.size() != 1)
        fail(E->getBeginLoc(), "a struct value where a scalar is expected",
             "read one of its fields");
      Out.push_back({std::move(Q), T.front()});
    }
    return Out;
  }

  /// `v[i]`, `v.at(i)` and `m.at(k)` on a state vector or map.
  std::optional<Tupled> elementRead(const clang::Expr *E, const Path &P) {
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == clang::OO_Subscript && Op->getNumArgs() == 2) {
      Object Obj;
      const StateMember *State = nullptr;
      if (memberState(Op->getArg(0), Obj, State) && State->K == StateMember::Kind::Vector)
        return element(Obj, *State, Op->getArg(1), P);
      fail(E->getBeginLoc(), "reading a map with []",
           "[] inserts a missing key; read with at() after testing count()");
    }
    const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(E);
    Object Obj;
    const StateMember *State = nullptr;
    if (!MC || MC->getMethodDecl()->getName() != "at" || MC->getNumArgs() != 1 ||
        !memberState(MC->getImplicitObjectArgument(), Obj, State) || !State->keyed())
      return std::nullopt;
    return element(Obj, *State, MC->getArg(0), P);
  }

  Tupled evalName(const clang::DeclRefExpr *D, Path P) {
    const clang::ValueDecl *Decl = D->getDecl();
    if (const auto *En = llvm::dyn_cast<clang::EnumConstantDecl>(Decl))
      return {{std::move(P), {Term::string(En->getNameAsString())}}};
    if (auto It = P.Locals.find(Decl); It != P.Locals.end())
      return {{std::move(P), It->second}};
    if (FromParam && Decl == FromParam)
      return {{std::move(P), {Term::variable("From")}}};
    if (P.Iterators.count(Decl))
      fail(D->getBeginLoc(), "using the iterator '" + Decl->getNameAsString() +
                                 "' other than to test and read what find() found",
           "compare it with end() of its container, and read it->first and it->second");
    if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Decl); V && !V->hasLocalStorage())
      return constant(V, D->getBeginLoc(), std::move(P));
    if (MessageParam && Decl == MessageParam) {
      // The whole message, passed on to a helper.
      Tuple All;
      for (const clang::FieldDecl *F : Handled->Fields)
        All = append(std::move(All), MessageFields.at(F));
      return {{std::move(P), std::move(All)}};
    }
    fail(D->getBeginLoc(), "a use of '" + Decl->getNameAsString() + "'",
         "read locals, parameters, state, message fields and enum constants");
  }

  Tupled evalMember(const clang::MemberExpr *Mem, Path P) {
    if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Mem->getMemberDecl()))
      return constant(V, Mem->getMemberLoc(), std::move(P));
    const auto *Field = llvm::dyn_cast<clang::FieldDecl>(Mem->getMemberDecl());
    const clang::Expr *Base = strip(Mem->getBase());
    if (Field)
      if (auto V = iteratorRead(Base, Field, P))
        return *V;
    if (Field && MessageParam) {
      if (const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(Base); D && D->getDecl() == MessageParam) {
        auto It = MessageFields.find(Field);
        if (It == MessageFields.end())
          fail(Mem->getBeginLoc(), "this message field",
               "message fields must be scalars or plain structs of scalars");
        return {{std::move(P), It->second}};
      }
    }
    // A field of the struct whose member helper this is.
    if (Field && This && llvm::isa<clang::CXXThisExpr>(Base) &&
        structOf(Base->getType()->getPointeeType()))
      return {{std::move(P), slice(*This, Field)}};
    Object Obj;
    if (Field && !objectOf(Base, Obj) && structOf(Base->getType())) {
      Tupled Out;
      for (auto &[Q, T] : evalTuple(Base, std::move(P)))
        Out.push_back({std::move(Q), slice(T, Field)});
      return Out;
    }
    if (!Field || !Obj.R)
      fail(Mem->getBeginLoc(), "this member access", "read state members and message fields");
    if (Field == Obj.R->Self)
      return {{std::move(P), {Term::variable(Obj.Var)}}};
    const StateMember *State = stateIn(*Obj.R, Field);
    if (!State || State->K != StateMember::Kind::Scalar)
      fail(Mem->getBeginLoc(), "reading '" + Field->getNameAsString() + "' as a value",
           "read scalar state members; test sets with count/empty/size or loop over them");
    auto Key = std::make_pair(Obj.Var, Field);
    auto It = P.Scalars.find(Key);
    if (It != P.Scalars.end())
      return {{std::move(P), It->second}};
    Tuple V = fresh(Field->getType(), Field->getName());
    P.Body.push_back(atom(State->Relation, append({Term::variable(Obj.Var)}, V)));
    P.Scalars[Key] = V;
    return {{std::move(P), V}};
  }

  /// A namespace-scope constant or a static constant member: an integer,
  /// bool or enum folded to its value, another its initializer's value (a
  /// string literal, braces of constants).
  Tupled constant(const clang::VarDecl *V, clang::SourceLocation Loc, Path P) {
    std::string Name = "'" + V->getQualifiedNameAsString() + "'";
    if (!V->getType().isConstQualified())
      fail(Loc, "a use of the variable " + Name + ", which is neither local nor constant",
           "a value kept from call to call is node state: make it a FL_STATE member (or "
           "make the variable const or constexpr if it never changes)");
    if (V->getType()->isIntegralOrEnumerationType())
      if (const clang::APValue *Value = V->evaluateValue(); Value && Value->isInt())
        if (std::optional<Term> T = constantTerm(V->getType(), Value->getInt()))
          return {{std::move(P), {*T}}};
    const clang::Expr *Init = V->getAnyInitializer();
    if (const auto *S = llvm::dyn_cast_or_null<clang::StringLiteral>(Init ? strip(Init) : nullptr))
      return {{std::move(P), {Term::string(S->getString().str())}}};
    if (!Init || !isValueType(V->getType()))
      fail(Loc, "a use of the constant " + Name,
           "give constants of integer, bool, enum, string or plain struct type an initializer "
           "in the header");
    return evalTuple(Init, std::move(P));
  }

  Valued evalCall(const clang::CallExpr *Call, Path P) {
    const clang::FunctionDecl *F = Call->getDirectCallee();
    std::string Name = F ? F->getQualifiedNameAsString() : "";
    if ((Name == "std::min" || Name == "std::max") && Call->getNumArgs() == 2) {
      // min(a, b): a where a <= b, b elsewhere (max alike).
      Valued Out;
      for (auto &[Q, A] : eval(Call->getArg(0), std::move(P)))
        for (auto &[Q2, B] : eval(Call->getArg(1), std::move(Q))) {
          ir::CmpOp Op = Name == "std::min" ? ir::CmpOp::LE : ir::CmpOp::GE;
          Path First = Q2;
          if (compare(First, Op, A, B))
            Out.push_back({std::move(First), A});
          if (compare(Q2, negate(Op), A, B))
            Out.push_back({std::move(Q2), B});
        }
      return Out;
    }
    return scalars(evalHelper(Call, std::move(P)), Call);
  }

  /// A helper returning a value: one `return <expr>;`, inlined with its
  /// parameters bound. A member helper called on a process reads that
  /// process's state; one called on a struct value reads its fields.
  Tupled evalHelper(const clang::CallExpr *Call, Path P) {
    const clang::FunctionDecl *F = Call->getDirectCallee();
    const clang::Expr *Receiver = nullptr;
    std::vector<const clang::Expr *> Args = arguments(Call);
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call))
      Receiver = MC->getImplicitObjectArgument();
    if (llvm::isa<clang::CXXOperatorCallExpr>(Call) && llvm::isa_and_nonnull<clang::CXXMethodDecl>(F)) {
      // a == b with a member operator: a is the object.
      Receiver = Args.front();
      Args.erase(Args.begin());
    }
    if (!F || !F->hasBody() || markOf(F) != "" || isLibrary(F))
      fail(Call->getBeginLoc(), "a call to '" + (F ? F->getQualifiedNameAsString() : std::string("?")) + "'",
           "call helpers whose body is visible, std::min, std::max, or set queries");
    checkStaticallyBound(Call, F, Receiver);
    const auto *Body = llvm::dyn_cast<clang::CompoundStmt>(F->getBody());
    const auto *Ret = Body && Body->size() == 1
                          ? llvm::dyn_cast<clang::ReturnStmt>(Body->body_front())
                          : nullptr;
    if (!Ret || !Ret->getRetValue())
      fail(Call->getBeginLoc(), "a call to '" + F->getNameAsString() + "' in an expression",
           "a helper used as a value must consist of one 'return <expression>;'");
    if (++Depth > 8)
      fail(Call->getBeginLoc(), "helpers nested more than 8 deep", "inline some by hand");
    Tupled Out;
    auto Inline = [&](Path Q) {
      for (Path &Bound : bindArguments(F, Args, std::move(Q)))
        for (auto &V : evalTuple(Ret->getRetValue(), std::move(Bound)))
          Out.push_back(std::move(V));
    };
    Object Saved = Self;
    std::optional<Tuple> SavedThis = This;
    Object Obj;
    if (Receiver && objectOf(Receiver, Obj)) {
      Self = Obj;
      This.reset();
      Inline(std::move(P));
    } else if (Receiver && structOf(Receiver->getType())) {
      for (auto &[Q, T] : evalTuple(Receiver, std::move(P))) {
        This = T;
        Inline(std::move(Q));
      }
    } else {
      Inline(std::move(P));
    }
    Self = Saved;
    This = SavedThis;
    --Depth;
    return Out;
  }

  /// `s.count(x)`, `s.contains(x)`, `s.empty()`, `s.size()` on a state set.
  std::optional<Valued> setQuery(const clang::CXXMemberCallExpr *MC, const Path &P) {
    Object Obj;
    const StateMember *State = nullptr;
    if (!memberState(MC->getImplicitObjectArgument(), Obj, State) ||
        State->K == StateMember::Kind::Scalar)
      return std::nullopt;
    std::string Method = MC->getMethodDecl()->getNameAsString();
    const Overlay *Seen = readable(P, *State, MC->getBeginLoc(), "reading");
    Term Node = Term::variable(Obj.Var);
    bool IsMap = State->keyed();
    bool IsVector = State->K == StateMember::Kind::Vector;
    // A set's element, or a map's key (with any value).
    auto Member = [&](Tuple X) {
      return append(append({Node}, X), wildcards(IsMap ? State->ValueColumns : 0));
    };
    Valued Out;
    if (!IsVector && (Method == "count" || Method == "contains") && MC->getNumArgs() == 1) {
      for (auto &[Q, X] : evalTuple(MC->getArg(0), P))
        for (auto &V : contains(Obj, *State, X, std::move(Q), Seen))
          Out.push_back(std::move(V));
      return Out;
    }
    if (Method == "empty" && Seen)
      return Valued{{P, Term::integer(Seen->Inserted.empty() ? 1 : 0)}};
    if (Method == "size")
      return sizeAfterInserts(Obj, *State, P, Seen ? *Seen : Overlay{});
    if (Method == "empty") {
      Path Empty = P, Some = P;
      Empty.Body.push_back(atom(State->Relation, Member(wildcards(State->KeyColumns)), true));
      Some.Body.push_back(atom(State->Relation, Member(wildcards(State->KeyColumns))));
      return Valued{{std::move(Empty), Term::integer(1)}, {std::move(Some), Term::integer(0)}};
    }
    fail(MC->getBeginLoc(),
         "'" + Method + "' on a state " + (IsVector ? "vector" : IsMap ? "map" : "set"),
         IsVector ? "use push_back, pop_back, clear, v[i] = x, size, empty, at, [] and range-for"
         : IsMap  ? "use count, find, at, empty, size, m[key] = value, erase, clear, or a "
                    "range-for loop"
                  : "use count, find, empty, size, insert, erase, clear, or a range-for loop");
  }

  /// 1 where X is in the set (or a key of the map), 0 where not: in what
  /// the path inserted, else in the state at the start of the step (unless
  /// the path cleared it).
  Valued contains(const Object &Obj, const StateMember &State, const Tuple &X, Path P,
                  const Overlay *Seen) {
    Valued Out;
    std::vector<Path> Rest{std::move(P)};
    for (size_t I = 0; Seen && I < Seen->Inserted.size(); ++I) {
      std::vector<Path> Differs;
      for (Path &R : Rest) {
        for (Path &E : equalTuples(R, X, Seen->Inserted[I]))
          Out.push_back({std::move(E), Term::integer(1)});
        Differs = concat(std::move(Differs), differentTuples(R, X, Seen->Inserted[I]));
      }
      Rest = std::move(Differs);
    }
    Tuple Cols = append(append({Term::variable(Obj.Var)}, X),
                        wildcards(State.keyed() ? State.ValueColumns : 0));
    for (Path &R : Rest) {
      if (Seen && Seen->Cleared) {
        Out.push_back({std::move(R), Term::integer(0)});
        continue;
      }
      Path In = R;
      if (require(In, atom(State.Relation, Cols)))
        Out.push_back({std::move(In), Term::integer(1)});
      if (require(R, atom(State.Relation, Cols, true)))
        Out.push_back({std::move(R), Term::integer(0)});
    }
    return Out;
  }

  /// A container's size: its size at the start of the step (0 if the path
  /// cleared it), plus one for each element the path inserted that was new.
  Valued sizeAfterInserts(const Object &Obj, const StateMember &State, const Path &P,
                          const Overlay &Seen) {
    Term Node = Term::variable(Obj.Var);
    Valued Sizes;
    if (Seen.Cleared) {
      Sizes.push_back({P, Term::integer(0)});
    } else {
      M.needSize(State);
      Path Empty = P, Some = P;
      unsigned Columns = State.KeyColumns + (State.keyed() ? State.ValueColumns : 0);
      Empty.Body.push_back(atom(State.Relation, append({Node}, wildcards(Columns)), true));
      Term Count = variableFor(State.Field->getName().str() + "Size", Counter);
      Some.Body.push_back(atom(State.Relation + "_size", {Node, Count}));
      Sizes = {{std::move(Empty), Term::integer(0)}, {std::move(Some), Count}};
    }
    for (size_t I = 0; I < Seen.Inserted.size(); ++I) {
      Valued Next;
      for (auto &[Q, N] : Sizes) {
        auto [Already, New] = alreadyThere(Q, State, Seen, I);
        for (Path &A : Already)
          Next.push_back({std::move(A), N});
        Term More = N.K == Term::Kind::Integer ? Term::integer(N.Int + 1)
                                               : Term::arith('+', N, Term::integer(1));
        for (Path &B : New)
          Next.push_back({std::move(B), More});
      }
      Sizes = std::move(Next);
    }
    return Sizes;
  }

  /// The value under a key of a map (`at`) or an index of a vector (`at`,
  /// `[]`). Where it is missing C++ throws (or is undefined); that path is
  /// not modeled: test with count() or size() first.
  Tupled element(const Object &Obj, const StateMember &State, const clang::Expr *Key, Path P) {
    Tupled Out;
    for (auto &[Q, K] : evalTuple(Key, std::move(P))) {
      Tuple V = valueAt(Obj, State, K, Q, Key->getBeginLoc());
      Out.push_back({std::move(Q), std::move(V)});
    }
    return Out;
  }

  /// The value under key K, joined into P.
  Tuple valueAt(const Object &Obj, const StateMember &State, const Tuple &K, Path &P,
                clang::SourceLocation Loc) {
    readable(P, State, Loc, "reading");
    Tuple V = fresh(typesOf(State, Ctx).second, State.Field->getName().str() + "At");
    P.Body.push_back(atom(State.Relation, append(append({Term::variable(Obj.Var)}, K), V)));
    return V;
  }

  /// `str.empty()` on a string value: whether it equals "".
  std::optional<Valued> stringQuery(const clang::CXXMemberCallExpr *MC, const Path &P) {
    const clang::Expr *Obj = MC->getImplicitObjectArgument();
    if (!Obj || !isScalarType(Obj->getType()) || Obj->getType()->isIntegerType())
      return std::nullopt;
    if (MC->getMethodDecl()->getNameAsString() != "empty")
      fail(MC->getBeginLoc(), "'" + MC->getMethodDecl()->getNameAsString() + "' on a string",
           "compare strings with == and != (and test them with empty())");
    Valued Out;
    for (auto &[Q, V] : eval(Obj, P)) {
      Path Empty = Q;
      if (compare(Empty, ir::CmpOp::EQ, V, Term::string("")))
        Out.push_back({std::move(Empty), Term::integer(1)});
      if (compare(Q, ir::CmpOp::NE, V, Term::string("")))
        Out.push_back({std::move(Q), Term::integer(0)});
    }
    return Out;
  }

  /// Library code (std::, system headers) is not inlined: its internals are
  /// not part of the protocol.
  bool isLibrary(const clang::FunctionDecl *F) const {
    return Ctx.getSourceManager().isInSystemHeader(F->getLocation());
  }

  /// The paths on which a condition has the given truth.
  std::vector<Path> assume(const clang::Expr *E, bool Truth, Path P) {
    E = strip(E);
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E); U && U->getOpcode() == clang::UO_LNot)
      return assume(U->getSubExpr(), !Truth, std::move(P));
    if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(E);
        Cast && Cast->getCastKind() == clang::CK_IntegralToBoolean)
      E = strip(Cast->getSubExpr());
    if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(E)) {
      bool And = B->getOpcode() == clang::BO_LAnd, Or = B->getOpcode() == clang::BO_LOr;
      if (And || Or) {
        // a && b: true where both are; false where a is, or a is true and b false.
        // a || b: true where a is, or a is false and b true; false where both are.
        // The left side alone decides when it is false for &&, true for ||;
        // otherwise the right side decides.
        bool Decides = Or;
        std::vector<Path> Out;
        if (Truth == Decides)
          Out = assume(B->getLHS(), Decides, P);
        for (Path &Q : assume(B->getLHS(), !Decides, std::move(P)))
          for (Path &R : assume(B->getRHS(), Truth, std::move(Q)))
            Out.push_back(std::move(R));
        return Out;
      }
      if (auto Op = comparison(B->getOpcode())) {
        std::vector<Path> Out;
        for (auto &[Q, L] : eval(B->getLHS(), std::move(P)))
          for (auto &[Q2, R] : eval(B->getRHS(), std::move(Q)))
            if (compare(Q2, Truth ? *Op : negate(*Op), L, R))
              Out.push_back(std::move(Q2));
        return Out;
      }
    }
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E))
      if (auto Cmp = comparison(Op)) {
        if (auto Paths = assumeEndTest(Op, Truth, P))
          return *Paths;
        if (structOf(Op->getArg(0)->getType()))
          return assumeStructComparison(Op, *Cmp, Truth, std::move(P));
        std::vector<Path> Out;
        for (auto &[Q, L] : eval(Op->getArg(0), std::move(P)))
          for (auto &[Q2, R] : eval(Op->getArg(1), std::move(Q)))
            if (compare(Q2, Truth ? *Cmp : negate(*Cmp), L, R))
              Out.push_back(std::move(Q2));
        return Out;
      }
    if (const auto *B = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(E))
      return B->getValue() == Truth ? std::vector<Path>{std::move(P)} : std::vector<Path>{};
    std::vector<Path> Out;
    for (auto &[Q, V] : eval(E, std::move(P)))
      if (compare(Q, Truth ? ir::CmpOp::NE : ir::CmpOp::EQ, V, Term::integer(0)))
        Out.push_back(std::move(Q));
    return Out;
  }

  /// `a == b` on structs: a defaulted == or != compares field by field;
  /// the project's own operator is inlined like any helper.
  std::vector<Path> assumeStructComparison(const clang::CXXOperatorCallExpr *Op, ir::CmpOp Cmp,
                                           bool Truth, Path P) {
    const clang::FunctionDecl *F = Op->getDirectCallee();
    std::vector<Path> Out;
    if (F && F->isDefaulted() && (Cmp == ir::CmpOp::EQ || Cmp == ir::CmpOp::NE)) {
      bool Equal = (Cmp == ir::CmpOp::EQ) == Truth;
      for (auto &[Q, L] : evalTuple(Op->getArg(0), std::move(P)))
        for (auto &[Q2, R] : evalTuple(Op->getArg(1), std::move(Q))) {
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
    for (auto &[Q, V] : scalars(evalHelper(Op, std::move(P)), Op))
      if (compare(Q, Truth ? ir::CmpOp::NE : ir::CmpOp::EQ, V, Term::integer(0)))
        Out.push_back(std::move(Q));
    return Out;
  }

  /// Adds `L Op R` to the path; false if it is a constant falsehood.
  static bool compare(Path &P, ir::CmpOp Op, const Term &L, const Term &R) {
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
    P.Body.push_back(C);
    return true;
  }

  /// 1 where the condition holds, 0 where it does not.
  Valued truthValue(const clang::Expr *E, Path P) {
    Valued Out;
    for (Path &Q : assume(E, true, P))
      Out.push_back({std::move(Q), Term::integer(1)});
    for (Path &Q : assume(E, false, std::move(P)))
      Out.push_back({std::move(Q), Term::integer(0)});
    return Out;
  }

  // ---- Objects and state -------------------------------------------------

  bool objectOf(const clang::Expr *Base, Object &Obj) {
    Base = strip(Base);
    if (llvm::isa<clang::CXXThisExpr>(Base) && Self.R) {
      Obj = Self;
      return true;
    }
    if (const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(Base))
      if (auto It = NodeParams.find(D->getDecl()); It != NodeParams.end()) {
        Obj = It->second;
        return true;
      }
    return false;
  }

  static const StateMember *stateIn(const Role &R, const clang::FieldDecl *F) {
    for (const StateMember &S : R.State)
      if (S.Field == F)
        return &S;
    return nullptr;
  }

  bool memberState(const clang::Expr *E, Object &Obj, const StateMember *&State) {
    const auto *Mem = llvm::dyn_cast_or_null<clang::MemberExpr>(strip(E));
    if (!Mem || !objectOf(Mem->getBase(), Obj))
      return false;
    const auto *F = llvm::dyn_cast<clang::FieldDecl>(Mem->getMemberDecl());
    State = F ? stateIn(*Obj.R, F) : nullptr;
    return State != nullptr;
  }

  std::pair<Object, const StateMember *> stateSet(const clang::Expr *Range,
                                                   clang::SourceLocation Loc) {
    Object Obj;
    const StateMember *State = nullptr;
    if (!memberState(Range, Obj, State) || State->K == StateMember::Kind::Scalar)
      fail(Loc, "a loop over something other than a state set or map",
           "loop over a std::set or std::map state member of the node (or of an "
           "invariant's process)");
    return {Obj, State};
  }

  /// Fresh variables for a value of type T, named after its fields (or
  /// after Name for a scalar).
  Tuple fresh(clang::QualType T, llvm::StringRef Name) {
    std::vector<std::string> Names;
    columnNames(T, Name.str(), Names);
    Tuple Out;
    for (const std::string &N : Names)
      Out.push_back(variableFor(N, Counter));
    return Out;
  }

  // ---- Emitting rules ----------------------------------------------------

  void emit(Atom Head, ir::HeadTime Time, const Path &P, clang::SourceLocation Loc) {
    ir::Rule R;
    R.Head = std::move(Head);
    R.Time = Time;
    R.Body = P.Body;
    R.Loc = M.loc(Loc);
    R.Origin = HandlerName + ": " + sourceText(Loc);
    Pending.push_back(std::move(R));
  }

  /// The scalar assignments of a finished path: the last value of each.
  void emitAssignments(const Path &P) {
    for (const auto &[Field, Loc] : P.Assigned) {
      const Role *Owner = nullptr;
      const StateMember *State = Proto.stateOf(Field, &Owner);
      const Tuple &Value = P.Scalars.at({Self.Var, Field});
      emit(atom(State->Relation, append({Term::variable(Self.Var)}, Value)), ir::HeadTime::Next, P,
           Loc);
      emit(atom(State->Relation + "_set", {Term::variable(Self.Var)}), ir::HeadTime::Now, P, Loc);
    }
  }

  /// `pre` where the path stands; `post` where the property also holds.
  /// `return std::all_of(c.begin(), c.end(), pred);` (and any_of, none_of)
  /// over a state set of a process in an invariant. all_of and none_of are
  /// loops: pre for each element, post where pred holds (does not hold);
  /// any_of is pre where the path stands, post where some element
  /// satisfies pred. Returns false if V is not such a call.
  bool quantifier(const Path &P, const clang::Expr *V, clang::SourceLocation Loc) {
    const auto *Call = llvm::dyn_cast<clang::CallExpr>(strip(V));
    const clang::FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
    std::string Name = F ? F->getQualifiedNameAsString() : "";
    if (Name != "std::all_of" && Name != "std::any_of" && Name != "std::none_of")
      return false;
    if (Call->getNumArgs() != 3)
      fail(Loc, "this " + Name, "call it as " + Name + "(c.begin(), c.end(), [&](...) { ... })");
    // The range: c.begin() and c.end() of one state set.
    const auto *Begin = llvm::dyn_cast<clang::CXXMemberCallExpr>(strip(Call->getArg(0)));
    const auto *End = llvm::dyn_cast<clang::CXXMemberCallExpr>(strip(Call->getArg(1)));
    Object Obj;
    const StateMember *State = nullptr;
    if (!Begin || !End || Begin->getMethodDecl()->getName() != "begin" ||
        End->getMethodDecl()->getName() != "end" ||
        !memberState(Begin->getImplicitObjectArgument(), Obj, State) ||
        State->K != StateMember::Kind::Set)
      fail(Loc, "the range of this " + Name,
           "quantify over a state set of a process: s.begin(), s.end()");
    // The predicate: a lambda of one parameter whose body is `return expr;`.
    const auto *Lambda = llvm::dyn_cast<clang::LambdaExpr>(strip(Call->getArg(2)));
    const clang::CXXMethodDecl *Op = Lambda ? Lambda->getCallOperator() : nullptr;
    const auto *Body = Op ? llvm::dyn_cast<clang::CompoundStmt>(Op->getBody()) : nullptr;
    const auto *Ret = Body && Body->size() == 1
                          ? llvm::dyn_cast<clang::ReturnStmt>(Body->body_front())
                          : nullptr;
    if (!Op || Op->getNumParams() != 1 || !Ret || !Ret->getRetValue())
      fail(Loc, "the predicate of this " + Name,
           "pass a lambda of one element whose body is 'return <condition>;'");
    Path Each = P;
    Tuple E = fresh(typesOf(*State, Ctx).first, Op->getParamDecl(0)->getName());
    Each.Body.push_back(atom(State->Relation, append({Term::variable(Obj.Var)}, E)));
    Each.Locals[Op->getParamDecl(0)] = E;
    if (Name == "std::any_of") {
      InvariantCase C = newCase(P, Loc);
      for (Path &Q : assume(Ret->getRetValue(), true, Each))
        C.Post.push_back(Q.Body);
      Cases.push_back(std::move(C));
      return true;
    }
    Each.Quantified = append(std::move(Each.Quantified), E);
    violation(Each, Ret->getRetValue(), /*PropertyIsTrue=*/Name == "std::all_of", Loc);
    return true;
  }

  /// The pre half of an invariant case where the path stands.
  InvariantCase newCase(const Path &P, clang::SourceLocation Loc) {
    InvariantCase C;
    C.Name = InvariantName;
    // Each way the invariant can fail is its own pre/post pair: the case
    // number keeps one case's post from answering another's pre.
    C.Columns.push_back(Term::integer(static_cast<int64_t>(Cases.size() + 1)));
    for (const Term &T : P.Quantified)
      C.Columns.push_back(T);
    C.Pre = P.Body;
    C.Loc = M.loc(Loc);
    C.Origin = "invariant " + InvariantName + ": " + sourceText(Loc);
    return C;
  }

  void violation(const Path &P, const clang::Expr *Cond, bool PropertyIsTrue,
                 clang::SourceLocation Loc) {
    InvariantCase C = newCase(P, Loc);
    for (Path &Q : assume(Cond, PropertyIsTrue, P))
      C.Post.push_back(Q.Body);
    Cases.push_back(std::move(C));
  }

  std::string sourceText(clang::SourceLocation Loc) {
    const clang::SourceManager &SM = Ctx.getSourceManager();
    Loc = SM.getExpansionLoc(Loc);
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Loc), &Invalid);
    if (Invalid)
      return "";
    size_t Start = SM.getFileOffset(Loc);
    size_t End = Buffer.find('\n', Start);
    return Buffer.slice(Start, End).trim().str();
  }

  [[noreturn]] void fail(clang::SourceLocation Loc, const std::string &What, const std::string &Advice) {
    // A statement executed on several paths (or a helper inlined twice)
    // is one problem.
    if (!Reported.insert({Loc.getRawEncoding(), What}).second)
      throw Unsupported{};
    const std::string &Name = HandlerName.empty() ? InvariantName : HandlerName;
    if (++Problems > MaxProblemsPerFunction) {
      Rep.note(Loc, "further problems in " + Name + " are not reported");
      throw GaveUp{};
    }
    Rep.unsupported(Loc, What + (HandlerName.empty() ? "" : " in " + HandlerName), Advice);
    throw Unsupported{};
  }

  const Protocol &Proto;
  clang::ASTContext &Ctx;
  Reporter &Rep;
  FragmentBuilder &M;
  WriterMap &Writers;

  Object Self;
  std::string HandlerName;
  bool IsPeriodic = false;
  const clang::ParmVarDecl *MessageParam = nullptr;
  const clang::ParmVarDecl *FromParam = nullptr;
  const MessageType *Handled = nullptr;
  std::map<const clang::FieldDecl *, Tuple> MessageFields;
  /// The struct value whose member helper is being inlined.
  std::optional<Tuple> This;
  std::map<const clang::ValueDecl *, Object> NodeParams;
  bool InInvariant = false;
  bool InLoopBody = false;
  /// A break here ends the innermost switch (not a loop, not a helper).
  bool BreakEndsSwitch = false;
  /// The containers updated inside the loop bodies being lowered.
  std::set<const clang::FieldDecl *> LoopUpdates;
  /// The containers the enclosing loops walk, with the key of the current
  /// entry for a map.
  std::vector<std::pair<const clang::FieldDecl *, std::optional<Tuple>>> Walked;
  std::string InvariantName;
  std::vector<InvariantCase> Cases;
  std::vector<ir::Rule> Pending;
  unsigned Counter = 0;
  unsigned Depth = 0;
  /// Some statement was rejected: the function contributes no rule.
  bool Failed = false;
  unsigned Problems = 0;
  std::set<std::pair<clang::SourceLocation::UIntTy, std::string>> Reported;
  std::set<const clang::ValueDecl *> Rejected;
};

} // namespace

void lowerProtocol(const Protocol &P, clang::ASTContext &Ctx, Reporter &R, FragmentBuilder &M) {
  for (const auto &[Decl, Msg] : P.Messages)
    M.addMessage(Msg);
  for (const auto &[Decl, Ro] : P.Roles)
    M.addRole(Ro);
  Executor::WriterMap Writers;
  for (const auto &[Decl, Ro] : P.Roles)
    for (const Handler &H : Ro.Handlers) {
      M.beginHandler(Ro, H);
      // The environment's crash notices exist where some role handles them.
      if (H.Message && H.Message->CrashNotice)
        M.addCrashNotices(*H.Message, Ro);
      if (!H.Method->hasBody()) {
        // Defined in another translation unit: its entity comes from there.
        M.markUndefined();
        continue;
      }
      Executor X(P, Ctx, R, M, Writers);
      X.lowerHandler(Ro, H);
    }
  for (const clang::FunctionDecl *F : P.Invariants) {
    M.begin(Entity::Kind::Invariant, F, F->getNameAsString());
    Executor X(P, Ctx, R, M, Writers);
    X.lowerInvariant(F);
  }
}

} // namespace faultline::frontend

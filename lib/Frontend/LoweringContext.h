//===- LoweringContext.h - What the lowering's parts share -------*- C++ -*-===//
//
// Private to the frontend's lowering (Lowering.h is its entry). A function's
// body is lowered by symbolic execution over paths (see Path below). The
// work is split by what is lowered: statements (LowerStatements.cpp),
// effects (LowerEffects.cpp), expressions (LowerExpressions.cpp, with reads
// of state containers in LowerContainerReads.cpp), conditions
// (LowerConditions.cpp) and calls of helpers (LowerCalls.cpp). Each part
// keeps its own helpers to itself and reaches the others only through a
// LoweringContext, which also holds everything that outlives one call: the
// objects in scope, the loops and switch being lowered, the rules emitted
// and the problems reported (as Souffle's ast2ram translators share a
// TranslatorContext).
//
// What a handler and an invariant do differently, which is what their
// returns mean, is a FunctionKind: LowerHandler.cpp and LowerInvariant.cpp
// each define one with their entry point.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_LOWERINGCONTEXT_H
#define FAULTLINE_LIB_FRONTEND_LOWERINGCONTEXT_H

#include "Collect.h"
#include "Deadline.h"
#include "FragmentBuilder.h"
#include "Protocol.h"
#include "Reporter.h"

#include "faultline/IR/AST.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace faultline::frontend {

struct Truncation;

/// A process object the code reads: `this` in a handler, a parameter in an
/// invariant. Var is the node variable standing for it.
struct Object {
  const Role *R = nullptr;
  std::string Var;
};

/// A value's columns: one term for a scalar, one per scalar field for a
/// plain struct.
using Tuple = std::vector<ir::Term>;

/// What a path has done to a state set since the step began, so that a
/// later read on the path sees it as the C++ does: the set as it was at the
/// start (unless cleared), with the elements inserted since.
struct Overlay {
  bool Cleared = false;
  std::vector<Tuple> Inserted;
};

/// What a path has done to a state vector's length since the step began:
/// its size now, from which the next push_back indexes, after the path's
/// pop_back, clear, truncation and push_back calls.
struct VectorEdit {
  ir::Term Size;
  /// The path appended: an element the model adds at the next step, which
  /// a later pop_back, clear or truncation could not take back.
  bool Appended = false;
};

/// A handler's local `std::vector` of scalars: a relation of rows
/// (Context..., Slot, Value) derived where the handler stands.
struct LocalVector {
  std::string Relation;
  /// The node and the handled message: what every path of one handling
  /// binds alike.
  Tuple Context;
  clang::SourceLocation Loc;
  /// Sorted on some path: no push_back may follow.
  bool Sorted = false;
  /// Ordered by std::nth_element: k in its `v.begin() + k`, the one index
  /// the code may read.
  const clang::Expr *NthIndex = nullptr;
  /// Read (size, an element): a later push_back would change what was read.
  bool Read = false;
  /// The push_back call inside a loop over a state container, if any.
  const clang::Expr *LoopPush = nullptr;
  /// How many loops enclose the declaration: one vector per element of
  /// theirs (a batch built per peer), whose variables are in Context.
  size_t OuterLoops = 0;
  unsigned Pushes = 0;
  /// A struct element takes a column per scalar field.
  unsigned ElementColumns = 1;
};

/// The completion callback of a FL_CALL, lowered after the function that
/// makes the call as a handler of the response (LowerRemoteCalls.cpp).
struct Continuation {
  const clang::LambdaExpr *Lambda = nullptr;
  const clang::CallExpr *Call = nullptr;
  const MessageType *Response = nullptr;
  const Role *Caller = nullptr;
  /// The call site's name: the constant its contexts carry, and the name
  /// of the relation of the calls waiting for their response,
  /// `(Node, Time, Peer, captured...)`.
  std::string Site;
  /// The captured variables, in the order of their columns there.
  std::vector<const clang::ValueDecl *> Captured;
  /// How the caller is named, and the callback: "callback of f() in
  /// Role::onX" (in notes and stories, and its rules' origin).
  std::string CallerName, Name;
};

/// `auto it = c.find(k);`: the container and the key looked up.
struct FoundIterator {
  Object Obj;
  const StateMember *State = nullptr;
  Tuple Key;
};

/// One way through the code so far: the body literals it needs (trigger,
/// state reads, conditions), the values of locals, the symbolic value of
/// each scalar state member it read or assigned (later statements see
/// earlier assignments), and whether it returned.
struct Path {
  std::vector<ir::BodyElem> Body;
  std::map<const clang::ValueDecl *, Tuple> Locals;
  std::map<std::pair<std::string, const clang::FieldDecl *>, Tuple> Scalars;
  std::map<const clang::FieldDecl *, clang::SourceLocation> Assigned;
  /// Assigned members whose assignment took place only where the term is 1:
  /// paths joined at a statement where some had assigned and some had not.
  std::map<const clang::FieldDecl *, ir::Term> AssignedWhen;
  /// Per state map, the rules (indices among the function's) that assign
  /// an entry at the next step on this path: a later assignment of the
  /// same key on the path must keep them from taking effect.
  std::map<const clang::FieldDecl *, std::set<size_t>> MapWrites;
  std::vector<ir::Term> Quantified;
  /// Sets this path inserted into or erased from, and how.
  std::map<const clang::FieldDecl *, std::string> Updated;
  /// The updated sets a read can still see through (insert and clear).
  std::map<const clang::FieldDecl *, Overlay> Overlays;
  std::map<const clang::FieldDecl *, VectorEdit> VectorEdits;
  std::map<const clang::ValueDecl *, FoundIterator> Iterators;
  /// Local vectors this path has sorted, and whether downwards.
  std::map<const clang::ValueDecl *, bool> SortedLocals;
  bool Returned = false;
  /// A `break` ended the path's way through the enclosing switch.
  bool Broke = false;
  /// A `continue` ended the path's way through the loop body (one
  /// element's): the body's other statements are not for it.
  bool Continued = false;
};

/// An expression's value on each path it splits into.
using Valued = std::vector<std::pair<Path, ir::Term>>;
using Tupled = std::vector<std::pair<Path, Tuple>>;

/// What a caller of LoweringContext::sendMessage adds where a message is
/// sent: on the path, to the destination, with the message's columns.
using SentHook = std::function<void(const Path &, const ir::Term &, const Tuple &)>;

/// A whole C++ construct rejected: no rule of the function is emitted.
struct Unsupported {};

/// Too many constructs rejected in one function: the rest is not looked at.
struct GaveUp {};

// ---- Values and paths, shared by every part ------------------------------

Tuple append(Tuple A, const Tuple &B);
Tuple wildcards(unsigned N);
std::vector<Path> concat(std::vector<Path> A, std::vector<Path> B);
Tupled tuples(Valued V);
/// The columns of Field within its struct's value.
Tuple slice(const Tuple &Value, const clang::FieldDecl *Field);
/// The types of a container member's key (a set's element, a vector's
/// index) and value; a null type where there is none.
std::pair<clang::QualType, clang::QualType> typesOf(const StateMember &S, clang::ASTContext &AST);
/// E without the wrappers that do not change its value.
const clang::Expr *strip(const clang::Expr *E);
ir::CmpOp negate(ir::CmpOp Op);
/// The comparison a C++ operator makes, if it is one; `a == b` on strings
/// is an operator call.
std::optional<ir::CmpOp> comparison(clang::BinaryOperatorKind K);
std::optional<ir::CmpOp> comparison(const clang::CXXOperatorCallExpr *Op);
/// The arithmetic of `a + b` and of `a += b`, if it is arithmetic.
std::optional<char> arithmetic(clang::BinaryOperatorKind K);

/// Adds `L Op R` to the path; false if it is a constant falsehood.
bool compare(Path &P, ir::CmpOp Op, const ir::Term &L, const ir::Term &R);
/// Adds a state literal to P's body; false where the body has its
/// opposite (the path cannot happen). A literal already there is not
/// repeated.
bool require(Path &P, const ir::Atom &A);
/// The path where every column of A equals B's (none if constants differ).
std::vector<Path> equalTuples(Path P, const Tuple &A, const Tuple &B);
/// The paths where A and B differ: one per column that can.
std::vector<Path> differentTuples(const Path &P, const Tuple &A, const Tuple &B);

class LoweringContext;

/// What tells a handler from an invariant in its body: what a return means.
class FunctionKind {
public:
  virtual ~FunctionKind() = default;
  /// `if (Cond) return false;` seen where path Before stands. True if the
  /// function gives it a meaning of its own (an invariant's property); the
  /// paths through the then-branch then end there.
  virtual bool lowerReturnFalseIf(LoweringContext &Cx, const clang::IfStmt *I,
                                  const Path &Before) = 0;
  /// `return ...;` ending path P.
  virtual void lowerReturn(LoweringContext &Cx, const clang::ReturnStmt *R, const Path &P) = 0;
  /// Whether the paths leaving a statement may be joined into one
  /// (JoinPoints.cpp): a handler's paths only carry values on, while an
  /// invariant's keep the literals its cases are made of.
  virtual bool joinsPaths() const { return false; }
};

/// Per scalar member, which handlers assign it.
using ScalarWriters = std::map<const clang::FieldDecl *, std::set<std::string>>;

/// What the lowering of every function of a TU reads and writes.
struct LoweringInputs {
  const Protocol &Proto;
  clang::ASTContext &AST;
  Reporter &Rep;
  FragmentBuilder &Fragment;
  ScalarWriters &Writers;
  Deadline &Time;
};

/// The handler's message and parameters, which its body reads; empty in an
/// invariant.
struct Trigger {
  const MessageType *Message = nullptr;
  const clang::ParmVarDecl *MessageParam = nullptr;
  const clang::ParmVarDecl *FromParam = nullptr;
  /// The columns of each field but the batches.
  std::map<const clang::FieldDecl *, Tuple> Fields;
  /// The step the message arrived at, where it has batches.
  std::optional<ir::Term> Arrival;
};

/// How a function is named where it shows: in notes, after each problem,
/// and in the origin of the rules it gives.
struct FunctionNames {
  std::string InNotes;
  /// " in Role::onX" for a handler; an invariant's problems are told by
  /// their location.
  std::string AfterProblems;
  std::string RuleOrigin;
  /// Tells a scalar's writers apart: "receive", or "periodic:Role::onX".
  std::string Writer;
  /// The function's declaration, where a note says that its further
  /// problems are not reported.
  clang::SourceLocation Where;
};

/// What the execution of a statement changes on the way in and restores
/// on the way out, which a rejected statement leaves half done.
struct Scope {
  Object Self;
  /// The struct value whose member helper is being inlined.
  std::optional<Tuple> This;
  bool InLoopBody = false;
  /// A break here ends the innermost switch or unrolled loop (not a
  /// range-for, not a helper).
  bool BreakEndsSwitch = false;
  /// In the body of a loop run iteration by iteration (a while loop): a
  /// continue ends the iteration.
  bool InUnrolledLoop = false;
  /// The containers the enclosing loops walk, with the key of the current
  /// entry for a map.
  std::vector<std::pair<const clang::FieldDecl *, std::optional<Tuple>>> Walked;
  /// In an index loop over a state vector or a loop over a batch, the
  /// variable of the current element's index.
  std::optional<ir::Term> LoopPosition;
  /// How deep inlined helpers are nested.
  unsigned Depth = 0;
};

/// The lowering of one handler or invariant. Each part of the lowering
/// defines the entry points listed under its file.
class LoweringContext {
public:
  LoweringContext(const LoweringInputs &In, FunctionKind &Kind, FunctionNames Names)
      : Proto(In.Proto), AST(In.AST), Rep(In.Rep), Fragment(In.Fragment), Writers(In.Writers),
        Time(In.Time), Kind(Kind), Names(std::move(Names)) {}

  /// Lowers Body from Start: the paths at its end, or none if a construct
  /// was rejected (reported; the function then contributes no rule).
  std::optional<std::vector<Path>> lowerBody(const clang::Stmt *Body, Path Start);
  /// Hands the rules emitted to the fragment.
  void commitRules();

  // ---- LowerStatements.cpp ----
  std::vector<Path> exec(const clang::Stmt *S, std::vector<Path> In);

  /// Throws TimedOut past the deadline, reporting it at Loc the first time.
  void checkDeadline(clang::SourceLocation Loc);

  // ---- LowerIgnored.cpp ----
  /// A statement not lowered as it stands: an `assert` (checked, below),
  /// code without effect on the model (left out, and listed by -v), a
  /// `do { ... } while (0)` block (its body, once). None for others.
  std::optional<std::vector<Path>> execAsWritten(const clang::Stmt *S,
                                                 const std::vector<Path> &In);

  // ---- LowerAsserts.cpp ----
  /// `assert(Cond)` at S: where In reaches it with Cond false, the assert
  /// fails (fl_assert, read at EOT as an invariant); the paths go on where
  /// Cond holds, as the C++ does.
  std::vector<Path> execAssert(const clang::Stmt *S, const clang::Expr *Cond,
                               std::vector<Path> In);

  // ---- LowerEffects.cpp ----
  /// An expression statement: a send, a state update, an assignment, or a
  /// call of a helper.
  std::vector<Path> execEffect(const clang::Expr *E, Path P);
  /// Emits message Msg, with the columns Fields (its batches left out),
  /// from this node to Dst, arriving at a later step: a send, or an RPC's
  /// response.
  void emitMessage(const MessageType &Msg, const ir::Term &Dst, const Tuple &Fields,
                   const Path &P, clang::SourceLocation Loc);
  /// Sends Message to Dst as the send primitive does (in braces with every
  /// field, batches included, or a value without a batch), and calls Sent
  /// where each path sends it.
  std::vector<Path> sendMessage(const clang::Expr *Dst, const clang::Expr *Message, Path P,
                                clang::SourceLocation Loc, const SentHook &Sent);
  /// `while (v.size() > n) v.pop_back();` on a state vector.
  std::vector<Path> execTruncation(const Truncation &T, Path P);

  // ---- LowerExpressions.cpp ----
  Valued eval(const clang::Expr *E, Path P);
  /// The columns of a value: a scalar's one term, or a plain struct's
  /// fields in order.
  Tupled evalTuple(const clang::Expr *E, Path P);
  /// The value of a plain struct of type T built as `T{}`: each field's
  /// default member initializer, or zero.
  Tupled defaultValue(clang::QualType T, Path P);
  /// The one column of values the types say are scalars.
  Valued scalars(Tupled V, const clang::Expr *E);

  // ---- LowerContainerReads.cpp ----
  /// `v[i]`, `v.at(i)` and `m.at(k)` on a state vector or map, or none if
  /// E is no such read.
  std::optional<Tupled> elementRead(const clang::Expr *E, const Path &P);
  /// `it->first`, `it->second` (Field) or `*it` (no Field) on a found
  /// iterator, or none if E is no such read.
  std::optional<Tupled> iteratorRead(const clang::Expr *E, const clang::FieldDecl *Field,
                                     const Path &P);
  /// `s.count(x)`, `s.empty()`, `m.size()` and the like on a state
  /// container, or none if MC is not called on one.
  std::optional<Valued> containerQuery(const clang::CXXMemberCallExpr *MC, const Path &P);
  /// 1 where X is in the set (or a key of the map), 0 where not.
  Valued contains(const Object &Obj, const StateMember &State, const Tuple &X, Path P,
                  const Overlay *Seen);
  /// The lookup an iterator stands for: a local set by find().
  const FoundIterator &iteratorOf(const clang::ValueDecl *D, const Path &P,
                                  clang::SourceLocation Loc);
  /// Splits P on whether the I-th element the path inserted into a set was
  /// already in it: {already there, new}.
  std::pair<std::vector<Path>, std::vector<Path>> alreadyThere(Path P, const StateMember &State,
                                                               const Overlay &O, size_t I);

  // ---- LowerAlgorithms.cpp ----
  /// `std::count_if`, `any_of`, `all_of`, `none_of` over a state set or
  /// vector, and `*std::max_element` / `min_element`, in a handler; none if
  /// E is no such call.
  std::optional<Valued> algorithm(const clang::Expr *E, const Path &P);

  // ---- LowerLocalVectors.cpp ----
  /// `std::vector<T> v;` in a handler, reached by the paths In: true if V
  /// is such a local.
  bool declareLocalVector(const clang::VarDecl *V, const std::vector<Path> &In);
  /// push_back onto a local vector, or std::sort of one.
  std::optional<std::vector<Path>> localVectorEffect(const clang::CallExpr *Call, const Path &P);
  /// size(), empty() and an element of a local vector.
  std::optional<Valued> localVectorRead(const clang::Expr *E, const Path &P);

  /// The rows of a local vector in the order C++ holds them (push order):
  /// the name of a relation (Context..., Slot, Position), or an error at
  /// Loc where the model cannot tell that order.
  std::string localVectorPositions(const clang::ValueDecl *V, clang::SourceLocation Loc);

  // ---- LowerBatches.cpp ----
  /// The batch E reads: a std::vector field of the handled message (also
  /// through a reference to the message), or null.
  const Batch *handledBatch(const clang::Expr *E) const;
  /// The handled message's rows of batch B: (Position, Element).
  ir::Atom batchRows(const Batch &B, const ir::Term &Position, const Tuple &Element) const;
  /// The handled batch's size: a count where it has rows, 0 where not.
  Valued batchSize(const Batch &B, const Path &P);
  /// size(), empty(), front(), back(), at(i) and [i] on a handled batch;
  /// none if E is no such read.
  std::optional<Tupled> batchRead(const clang::Expr *E, const Path &P);
  /// `v.insert(v.end(), b.begin(), b.end())` on a state vector v and a
  /// handled batch b; none if MC is no such call.
  std::optional<std::vector<Path>> batchInsert(const clang::CXXMemberCallExpr *MC, const Path &P);
  /// `for (const T &e : b) v.push_back(e);`: the same append, as a loop;
  /// none if F is no such loop.
  std::optional<std::vector<Path>> batchAppendLoop(const clang::CXXForRangeStmt *F,
                                                   const Path &P);
  /// Emits the rows of batch B of a message sent to Dst with the columns
  /// Sent, where Arg (the field's value in the send) gives them: `{}`, a
  /// local vector, a state vector, or a handled batch.
  void sendBatch(const Batch &B, const clang::Expr *Arg, const ir::Term &Dst, const Tuple &Sent,
                 const Path &P, clang::SourceLocation Loc);

  // ---- LowerRemoteCalls.cpp ----
  /// A call of a FL_CALL function: the request, its context, and the call
  /// waiting for its response; the callback is lowered later
  /// (Continuations). None if Call is no such call.
  std::optional<std::vector<Path>> remoteCall(const clang::CallExpr *Call, const Path &P);
  /// The values of a callback's captures (their initializers) on each
  /// path from P, in order.
  Tupled captures(const std::vector<const clang::Expr *> &Inits, const Path &P);

  // ---- LowerTimers.cpp ----
  /// `t.arm(steps)` and `t.cancel()` on a faultline::Timer, or none if E is
  /// no call on one.
  std::optional<std::vector<Path>> timerEffect(const clang::Expr *E, const Path &P);

  // ---- LowerConditions.cpp ----
  /// The paths on which a condition has the given truth.
  std::vector<Path> assume(const clang::Expr *E, bool Truth, Path P);
  /// 1 where the condition holds, 0 where it does not.
  Valued truthValue(const clang::Expr *E, Path P);

  // ---- JoinPoints.cpp ----
  /// The paths leaving statement After, with those that can go on as one
  /// joined: each derives a tuple of an intermediate relation holding the
  /// values the rest of the function reads, and one path reading that
  /// relation goes on. So rules grow with the statements, not the paths.
  std::vector<Path> joinPaths(std::vector<Path> In, const clang::Stmt *After);
  /// The values of expression At on many paths, joined as paths are: a
  /// sum of N conditional expressions has 2^N values otherwise.
  Valued joinValues(Valued In, const clang::Stmt *At);
  Tupled joinValues(Tupled In, const clang::Stmt *At);
  /// The paths that end a handler joined where that gives fewer rules:
  /// what is left for them to emit is their assignments.
  std::vector<Path> joinEnds(std::vector<Path> Ends, const clang::Stmt *Body);

  // ---- LowerCalls.cpp ----
  /// A call of a helper as a statement: its body inlined.
  std::vector<Path> inlineCall(const clang::CallExpr *Call, Path P);
  /// A call of a helper as a value: its one `return <expr>;` inlined.
  Tupled inlineValue(const clang::CallExpr *Call, Path P);
  /// Library code (std::, system headers) is not inlined.
  bool isLibrary(const clang::FunctionDecl *F) const;

  // ---- LoweringContext.cpp: objects and state ----
  bool objectOf(const clang::Expr *Base, Object &Obj);
  /// Whether E is a state member of a process object, and which.
  bool memberState(const clang::Expr *E, Object &Obj, const StateMember *&State);
  static const StateMember *stateIn(const Role &R, const clang::FieldDecl *F);
  /// Fresh variables for a value of type T, named after its fields (or
  /// after Name for a scalar).
  Tuple fresh(clang::QualType T, llvm::StringRef Name);
  ir::Term freshVariable(llvm::StringRef Name);
  /// What path P must see of State when it reads it: null where P has not
  /// updated it, the overlay where it inserted into or cleared a set; an
  /// error after any other update.
  const Overlay *readable(const Path &P, const StateMember &State, clang::SourceLocation Loc,
                          const std::string &Reading);
  /// Records that path P updates Field; an enclosing loop learns of it.
  void markUpdated(Path &P, const clang::FieldDecl *Field, const std::string &How);
  /// The run stops where P's body holds, with an error at Loc saying What
  /// about Value: what the compiled code does there the model cannot hold.
  void runError(const Path &P, clang::SourceLocation Loc, const std::string &What,
                const ir::Term &Value);
  /// A state vector's size on P after the path's updates of it; where the
  /// path has not updated it, split on whether it is empty at the start of
  /// the step.
  Valued vectorSize(const StateMember &State, Path P);

  // ---- LoweringContext.cpp: rules and problems ----
  /// Emits a rule with P's body; returns its index among the function's.
  size_t emit(ir::Atom Head, ir::HeadTime Time, const Path &P, clang::SourceLocation Loc);
  /// Adds a literal to the body of a rule emitted before.
  void guard(size_t Rule, ir::BodyElem Literal);
  /// The head of a rule emitted before.
  const ir::Atom &headOf(size_t Rule) const;
  /// The line of source at Loc, which rules and cases cite as their origin.
  std::string sourceText(clang::SourceLocation Loc);
  /// Reports What as outside the subset, with Advice, and abandons the
  /// construct being lowered.
  [[noreturn]] void fail(clang::SourceLocation Loc, const std::string &What,
                         const std::string &Advice);
  /// Records that the statement S was rejected: the function gives no
  /// rule, and the locals S declares are not reported again.
  void rejected(const clang::Stmt *S);
  /// Whether S uses a local whose declaration was rejected.
  bool mentionsRejected(const clang::Stmt *S) const;

  const Protocol &Proto;
  clang::ASTContext &AST;
  Reporter &Rep;
  FragmentBuilder &Fragment;
  ScalarWriters &Writers;
  Deadline &Time;
  FunctionKind &Kind;
  const FunctionNames Names;

  /// Where the statement being lowered stands.
  Scope Here;
  Trigger Handled;
  /// The process objects an invariant's parameters (and the parameters of
  /// helpers passed one) stand for.
  std::map<const clang::ValueDecl *, Object> NodeParams;
  /// Locals and parameters that are references, with what they refer to:
  /// a write through one is a write of the referent, as in C++.
  std::map<const clang::ValueDecl *, const clang::Expr *> References;
  /// E without wrappers, with references replaced by what they refer to.
  const clang::Expr *referent(const clang::Expr *E) const;
  /// The containers updated inside the loop bodies being lowered.
  std::set<const clang::FieldDecl *> LoopUpdates;
  /// The start of the names of the function's join relations, unique
  /// among the functions of a program; empty where paths are not joined.
  std::string JoinPrefix;
  unsigned Joins = 0;
  /// The relations of the elements an algorithm's predicate holds for,
  /// by predicate, outcome and the path that reached it (LowerAlgorithms).
  std::map<std::string, std::string> AlgorithmRelations;
  std::map<const clang::ValueDecl *, LocalVector> LocalVectors;
  /// The callbacks of the FL_CALLs made, lowered once the function is.
  std::vector<Continuation> Continuations;
  /// The body being lowered: after its last statement, the paths are the
  /// function's ends, which its entry point may join (joinEnds).
  const clang::Stmt *FunctionBody = nullptr;

private:
  std::vector<ir::Rule> Pending;
  unsigned Counter = 0;
  /// Some statement was rejected: the function contributes no rule.
  bool Failed = false;
  unsigned Problems = 0;
  std::set<std::pair<clang::SourceLocation::UIntTy, std::string>> Reported;
  std::set<const clang::ValueDecl *> Rejected;
};

/// S as written (a macro's call, not its expansion), on one line
/// (LowerIgnored.cpp).
std::string writtenAs(clang::ASTContext &AST, const clang::Stmt *S);

/// A statement as C++ programmers name it: "a do-while loop", "a goto"
/// (LowerIgnored.cpp).
std::string statementInCxxTerms(const clang::Stmt *S);

/// The entry points of a handler's and an invariant's lowering.
void lowerHandler(const LoweringInputs &In, const Role &Ro, const Handler &H);
void lowerInvariant(const LoweringInputs &In, const clang::FunctionDecl *F);
/// A FL_CALL's callback, as a handler of the response to its call.
void lowerContinuation(const LoweringInputs &In, const Continuation &K);

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_LOWERINGCONTEXT_H

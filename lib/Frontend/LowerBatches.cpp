//===- LowerBatches.cpp - std::vector fields of messages -------------------===//
//
// Raft's AppendEntries carries its entries as a `std::vector<Entry>` field:
// a batch. A message's batch travels as rows of a relation of its own,
// `fl_batch_<message>_<field>(To, From, message columns..., Position,
// element...)`, derived by a rule with the same body as the message's, so
// that one fault (an omission of the channel at that step, a crash of the
// sender) takes both. The receiver keeps the rows by arrival step until it
// handles the message (FragmentBuilder::addMessage), and its handler reads
// them joined on the message it handles: its columns, its sender and its
// arrival.
//
// The handler reads a batch by size(), empty(), [i], at(i), front() and
// back(), loops over it (range-for or an index loop), and appends it to a
// state vector (insert at end, or a range-for that pushes each element).
// The sender gives a batch as `{}`, a local vector filled in order, a state
// vector, or the batch of the message it handles.
//
//===----------------------------------------------------------------------===//

#include "Idioms.h"
#include "LoweringContext.h"

namespace faultline::frontend {

using ir::Term;

namespace {

/// What tells the handled message's rows from others': the node, the
/// arrival, the sender and the message's columns.
Tuple handledKey(const LoweringContext &Cx) {
  Tuple Key{Term::variable(Cx.Here.Self.Var), *Cx.Handled.Arrival, Term::variable("From")};
  for (const clang::FieldDecl *F : Cx.Handled.Message->Fields)
    if (auto It = Cx.Handled.Fields.find(F); It != Cx.Handled.Fields.end())
      Key = append(std::move(Key), It->second);
  return Key;
}

class BatchLowering {
public:
  explicit BatchLowering(LoweringContext &Cx) : Cx(Cx) {}

  std::optional<Tupled> read(const clang::Expr *E, const Path &P) {
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      const Batch *B = Cx.handledBatch(MC->getImplicitObjectArgument());
      if (!B)
        return std::nullopt;
      std::string Method = MC->getMethodDecl()->getNameAsString();
      if (Method == "size" || Method == "empty")
        return tuples(size(*B, P, Method == "empty"));
      if (Method == "at" && MC->getNumArgs() == 1)
        return element(*B, MC->getArg(0), P);
      if (Method == "front" && MC->getNumArgs() == 0)
        return elementAt(*B, Term::integer(0), P);
      if (Method == "back" && MC->getNumArgs() == 0) {
        Tupled Out;
        for (auto &[Q, N] : size(*B, P, /*Empty=*/false))
          if (N.K != Term::Kind::Integer)
            for (auto &Row : elementAt(*B, Term::arith('-', N, Term::integer(1)), std::move(Q)))
              Out.push_back(std::move(Row));
        return Out;
      }
      Cx.fail(MC->getBeginLoc(), "'" + Method + "' on a message's batch",
              "read a batch with size(), empty(), [i], at(i), front(), back() and loops, or "
              "append it to a state vector");
    }
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == clang::OO_Subscript && Op->getNumArgs() == 2)
      if (const Batch *B = Cx.handledBatch(Op->getArg(0)))
        return element(*B, Op->getArg(1), P);
    return std::nullopt;
  }

  /// The batch's size where it has rows (a count<>), 0 where it has none;
  /// with Empty, empty()'s 0 and 1.
  Valued size(const Batch &B, const Path &P, bool Empty) {
    std::string Count = Cx.JoinPrefix + "_" + B.Field->getNameAsString() + "_size";
    Tuple Key = key();
    if (Cx.AlgorithmRelations.try_emplace(Count, Count).second) {
      Path Rows;
      Term Position = Cx.freshVariable("Position");
      Rows.Body.push_back(Cx.batchRows(B, Position, wildcards(B.ElementColumns)));
      Cx.emit(atom(Count, append(Key, {Term::aggregate("count", Position)})), ir::HeadTime::Now,
              Rows, B.Field->getLocation());
    }
    Path Some = P, None = P;
    Term N = Cx.freshVariable("Size");
    Some.Body.push_back(atom(Count, append(Key, {N})));
    None.Body.push_back(atom(Count, append(Key, {Term::wildcard()}), /*Negated=*/true));
    if (Empty)
      return {{std::move(Some), Term::integer(0)}, {std::move(None), Term::integer(1)}};
    return {{std::move(Some), N}, {std::move(None), Term::integer(0)}};
  }

  /// `for (const T &e : m.batch) v.push_back(e);`, the loop as an append.
  std::optional<std::vector<Path>> appendLoop(const clang::CXXForRangeStmt *F, const Path &P) {
    const clang::Stmt *Body = F->getBody();
    if (const auto *Block = llvm::dyn_cast<clang::CompoundStmt>(Body))
      Body = Block->size() == 1 ? Block->body_front() : nullptr;
    const auto *Push = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(
        llvm::dyn_cast_or_null<clang::Expr>(Body) ? strip(llvm::cast<clang::Expr>(Body))
                                                  : nullptr);
    if (!Push || Push->getMethodDecl()->getName() != "push_back" || Push->getNumArgs() != 1)
      return std::nullopt;
    const auto *Element = llvm::dyn_cast<clang::DeclRefExpr>(strip(Push->getArg(0)));
    const Batch *B = Cx.handledBatch(F->getRangeInit());
    Object Obj;
    const StateMember *State = nullptr;
    if (!B || !Element || Element->getDecl() != F->getLoopVariable() ||
        !Cx.memberState(Push->getImplicitObjectArgument(), Obj, State) ||
        State->K != StateMember::Kind::Vector)
      return std::nullopt;
    return appendTo(*B, Obj, *State, P, Push->getBeginLoc());
  }

  /// `v.insert(v.end(), m.batch.begin(), m.batch.end())`.
  std::optional<std::vector<Path>> insert(const clang::CXXMemberCallExpr *MC, const Path &P) {
    Object Obj;
    const StateMember *State = nullptr;
    if (MC->getMethodDecl()->getName() != "insert" ||
        !Cx.memberState(MC->getImplicitObjectArgument(), Obj, State) ||
        State->K != StateMember::Kind::Vector)
      return std::nullopt;
    auto Call = [&](const clang::Expr *E, llvm::StringRef Method) {
      const auto *C = llvm::dyn_cast<clang::CXXMemberCallExpr>(strip(E));
      return C && C->getMethodDecl()->getName() == Method ? C : nullptr;
    };
    const clang::CXXMemberCallExpr *At = MC->getNumArgs() == 3 ? Call(MC->getArg(0), "end") : nullptr;
    const clang::CXXMemberCallExpr *From = At ? Call(MC->getArg(1), "begin") : nullptr;
    const clang::CXXMemberCallExpr *To = From ? Call(MC->getArg(2), "end") : nullptr;
    Object AtObj;
    const StateMember *AtState = nullptr;
    const Batch *B = From ? Cx.handledBatch(From->getImplicitObjectArgument()) : nullptr;
    if (!To || !B || Cx.handledBatch(To->getImplicitObjectArgument()) != B ||
        !Cx.memberState(At->getImplicitObjectArgument(), AtObj, AtState) || AtState != State)
      Cx.fail(MC->getBeginLoc(), "this insert on a state vector",
              "append a message's batch: v.insert(v.end(), m.entries.begin(), m.entries.end())");
    return appendTo(*B, Obj, *State, P, MC->getBeginLoc());
  }

  /// Each row of the batch at the vector's size (after the path's edits)
  /// plus its position, at the next step; the path goes on with the size
  /// grown by the batch's.
  std::vector<Path> appendTo(const Batch &B, const Object &Obj, const StateMember &State,
                           const Path &P, clang::SourceLocation Loc) {
    if (Obj.Var != Cx.Here.Self.Var)
      Cx.fail(Loc, "updating another process's state",
              "a handler updates its own node's state and sends messages to others");
    if (Cx.Here.InLoopBody)
      Cx.fail(Loc, "appending a batch inside a loop",
              "a loop is lowered to a join over all elements at once; append it outside");
    std::vector<Path> Out;
    for (auto &[Q, Size] : Cx.vectorSize(State, P)) {
      if (auto Earlier = Q.Updated.find(State.Field);
          Earlier != Q.Updated.end() && !Q.VectorEdits.count(State.Field))
        Cx.fail(Loc, "both " + Earlier->second + " and an append on '" +
                         State.Field->getNameAsString() + "' in one step",
                "assign elements (v[i] = x) or change the vector's length, not both");
      for (auto &[R, N] : size(B, Q, /*Empty=*/false)) {
        if (N.K == Term::Kind::Integer) {
          Out.push_back(std::move(R)); // an empty batch appends nothing
          continue;
        }
        Path Each = R;
        Term Position = Cx.freshVariable("Position");
        Tuple Element = wildcardsToVariables(B.ElementColumns);
        Each.Body.push_back(Cx.batchRows(B, Position, Element));
        Cx.emit(atom(State.Relation,
                     append({Term::variable(Cx.Here.Self.Var), Term::arith('+', Size, Position)},
                            Element)),
                ir::HeadTime::Next, Each, Loc);
        Cx.markUpdated(R, State.Field, "push_back");
        R.VectorEdits[State.Field] = VectorEdit{Term::arith('+', Size, N), true};
        Out.push_back(std::move(R));
      }
    }
    return Out;
  }

  void send(const Batch &B, const clang::Expr *Arg, const Term &Dst, const Tuple &Sent,
            const Path &P, clang::SourceLocation Loc) {
    Arg = strip(Arg);
    // `{}` and `std::vector<T>()`: no rows.
    if (const auto *L = llvm::dyn_cast<clang::InitListExpr>(Arg); L && L->getNumInits() == 0)
      return;
    if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(Arg); C && C->getNumArgs() == 0)
      return;
    Term Position = Cx.freshVariable("Position");
    Tuple Element = wildcardsToVariables(B.ElementColumns);
    Path Rows = P;
    Object Obj;
    const StateMember *State = nullptr;
    if (const Batch *Handled = Cx.handledBatch(Arg)) {
      if (Handled->ElementColumns != B.ElementColumns)
        Cx.fail(Arg->getBeginLoc(), "this batch", "send a batch of the same element type");
      Rows.Body.push_back(Cx.batchRows(*Handled, Position, Element));
    } else if (Cx.memberState(Arg, Obj, State) && State->K == StateMember::Kind::Vector) {
      Cx.readable(P, *State, Arg->getBeginLoc(), "sending");
      Rows.Body.push_back(
          atom(State->Relation, append({Term::variable(Obj.Var), Position}, Element)));
    } else if (const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(Arg);
               D && Cx.LocalVectors.count(D->getDecl())) {
      const LocalVector &L = Cx.LocalVectors.at(D->getDecl());
      std::string Positions = Cx.localVectorPositions(D->getDecl(), Arg->getBeginLoc());
      Term Slot = Cx.freshVariable("Slot");
      Rows.Body.push_back(atom(L.Relation, append(append(L.Context, {Slot}), Element)));
      Rows.Body.push_back(atom(Positions, append(L.Context, {Slot, Position})));
    } else {
      Cx.fail(Arg->getBeginLoc(), "this value for the batch '" + B.Field->getNameAsString() + "'",
              "give a batch as {}, a local std::vector filled with push_back, a state vector, or "
              "the batch of the message being handled");
    }
    Cx.emit(atom(B.Relation, append(append(append({Dst, Term::variable(Cx.Here.Self.Var)}, Sent),
                                           {Position}),
                                    Element)),
            ir::HeadTime::Async, Rows, Loc);
  }

private:
  Tuple key() const { return handledKey(Cx); }

  Tuple wildcardsToVariables(unsigned N) {
    Tuple Out;
    for (unsigned I = 0; I < N; ++I)
      Out.push_back(Cx.freshVariable("Element"));
    return Out;
  }

  Tupled element(const Batch &B, const clang::Expr *Index, const Path &P) {
    Tupled Out;
    for (auto &[Q, I] : Cx.eval(Index, P))
      for (auto &Row : elementAt(B, I, std::move(Q)))
        Out.push_back(std::move(Row));
    return Out;
  }

  /// The element at position I: only where the batch has one (reading past
  /// its end is undefined in C++, a path the model does not have).
  Tupled elementAt(const Batch &B, const Term &I, Path P) {
    Tuple Element = wildcardsToVariables(B.ElementColumns);
    P.Body.push_back(Cx.batchRows(B, I, Element));
    return {{std::move(P), std::move(Element)}};
  }

  LoweringContext &Cx;
};

} // namespace

const Batch *LoweringContext::handledBatch(const clang::Expr *E) const {
  if (!Handled.Message || Handled.Message->Batches.empty() || !E)
    return nullptr;
  const auto *Mem = llvm::dyn_cast<clang::MemberExpr>(referent(E));
  const auto *Field = Mem ? llvm::dyn_cast<clang::FieldDecl>(Mem->getMemberDecl()) : nullptr;
  const auto *Base = Mem ? llvm::dyn_cast<clang::DeclRefExpr>(referent(Mem->getBase())) : nullptr;
  if (!Field || !Base || Base->getDecl() != Handled.MessageParam)
    return nullptr;
  return Handled.Message->batchOf(Field);
}

ir::Atom LoweringContext::batchRows(const Batch &B, const Term &Position,
                                    const Tuple &Element) const {
  Tuple Cols = handledKey(*this);
  Cols.push_back(Position);
  return atom(B.Stored, append(std::move(Cols), Element));
}

std::optional<Tupled> LoweringContext::batchRead(const clang::Expr *E, const Path &P) {
  if (!Handled.Message || Handled.Message->Batches.empty())
    return std::nullopt;
  return BatchLowering(*this).read(E, P);
}

Valued LoweringContext::batchSize(const Batch &B, const Path &P) {
  return BatchLowering(*this).size(B, P, /*Empty=*/false);
}

std::optional<std::vector<Path>> LoweringContext::batchInsert(const clang::CXXMemberCallExpr *MC,
                                                              const Path &P) {
  if (!Handled.Message || Handled.Message->Batches.empty())
    return std::nullopt;
  return BatchLowering(*this).insert(MC, P);
}

std::optional<std::vector<Path>>
LoweringContext::batchAppendLoop(const clang::CXXForRangeStmt *F, const Path &P) {
  return BatchLowering(*this).appendLoop(F, P);
}

void LoweringContext::sendBatch(const Batch &B, const clang::Expr *Arg, const Term &Dst,
                                const Tuple &Sent, const Path &P, clang::SourceLocation Loc) {
  BatchLowering(*this).send(B, Arg, Dst, Sent, P, Loc);
}

} // namespace faultline::frontend

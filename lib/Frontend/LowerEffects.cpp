//===- LowerEffects.cpp - Sends and state updates to rules -----------------===//
//
// An expression statement is an effect: a send (a rule `@async`), an update
// of a state container (insert `@next`, erase and clear as a same-time
// `_del` relation that stops persistence), or an assignment (to a local, or
// to a scalar member, which the handler's entry emits when the path ends).
// Updates of one step apply together, so the checks here reject the
// combinations whose C++ meaning the model would not have.
//
//===----------------------------------------------------------------------===//

#include "Idioms.h"
#include "LowerIntegers.h"
#include "LoweringContext.h"

#include <algorithm>

namespace faultline::frontend {

using ir::Term;

namespace {

const char *const OwnStateOnly =
    "a handler updates its own node's state and sends messages to others";

class EffectLowering {
public:
  explicit EffectLowering(LoweringContext &Cx) : Cx(Cx) {}

  std::vector<Path> execEffect(const clang::Expr *E, Path P) {
    E = strip(E);
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E)) {
      if (Protocol::isSend(Call->getDirectCallee()))
        return send(Call, std::move(P));
      if (auto Out = Cx.remoteCall(Call, P))
        return *Out;
      if (auto Out = Cx.localVectorEffect(Call, P))
        return *Out;
      if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call)) {
        if (auto Appended = Cx.batchInsert(MC, P))
          return *Appended;
        if (auto Updated = setUpdate(MC, P))
          return *Updated;
        // std::set::insert on a member the user forgot to mark.
        if (const clang::FieldDecl *Unmarked = unmarkedMember(MC->getImplicitObjectArgument());
            Unmarked && Cx.isLibrary(MC->getMethodDecl()))
          Cx.fail(MC->getBeginLoc(),
                  "'" + MC->getMethodDecl()->getNameAsString() + "' on '" +
                      Unmarked->getNameAsString() + "', a member that is not marked",
                  "mark it FL_STATE if it is node state");
      }
      if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(Call)) {
        // Assigning a string is a call of its operator=.
        if (Op->getOperator() == clang::OO_Equal && Op->getNumArgs() == 2)
          return assign(Op->getArg(0), Op->getArg(1), clang::BO_Assign, Op->getBeginLoc(),
                        std::move(P));
        Cx.fail(Op->getBeginLoc(), "this operator call", "assign scalars with = += -= ++ --");
      }
      return Cx.inlineCall(Call, std::move(P));
    }
    if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(E))
      if (B->isAssignmentOp())
        return assign(B->getLHS(), B->getRHS(), B->getOpcode(), B->getBeginLoc(), std::move(P));
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E))
      if (U->isIncrementDecrementOp())
        return assign(U->getSubExpr(), nullptr,
                      U->isIncrementOp() ? clang::BO_AddAssign : clang::BO_SubAssign,
                      U->getBeginLoc(), std::move(P));
    std::string What = statementInCxxTerms(E);
    Cx.fail(E->getBeginLoc(), What == "this statement" ? "this expression statement" : What,
            "a handler's statements send, update state, or call helpers");
  }

private:
  Term self() const { return Term::variable(Cx.Here.Self.Var); }

  /// A data member of the node that is not FL_STATE, or null.
  const clang::FieldDecl *unmarkedMember(const clang::Expr *E) {
    const auto *Mem = llvm::dyn_cast<clang::MemberExpr>(strip(E));
    Object Obj;
    if (!Mem || !Cx.objectOf(Mem->getBase(), Obj))
      return nullptr;
    const auto *F = llvm::dyn_cast<clang::FieldDecl>(Mem->getMemberDecl());
    if (!F || F == Obj.R->Self || LoweringContext::stateIn(*Obj.R, F))
      return nullptr;
    return F;
  }

  std::vector<Path> send(const clang::CallExpr *Call, Path P) {
    if (Call->getNumArgs() != 2)
      Cx.fail(Call->getBeginLoc(), "a send with other than two arguments",
              "call the send primitive as send(destination, Message{...})");
    return sendMessage(Call->getArg(0), Call->getArg(1), std::move(P), Call->getBeginLoc(), {});
  }

public:
  /// The message Arg sent to Dst: in braces with every field, or a value
  /// (one kept in a local, or the message being handled) without a batch.
  std::vector<Path> sendMessage(const clang::Expr *DstArg, const clang::Expr *Arg, Path P,
                                clang::SourceLocation Loc, const SentHook &Sent) {
    const MessageType *Msg = Cx.Proto.messageOf(Arg->getType());
    if (!Msg)
      Cx.fail(Arg->getBeginLoc(), "sending a value that is not a FL_MESSAGE struct",
              "mark the message type with FL_MESSAGE");
    Cx.Fragment.uses(Msg->Decl);
    const clang::Expr *Init = strip(Arg);
    std::vector<const clang::Expr *> Fields;
    if (const auto *L = llvm::dyn_cast<clang::InitListExpr>(Init)) {
      for (const clang::Expr *F : L->inits()) {
        if (llvm::isa<clang::ImplicitValueInitExpr>(F))
          Cx.fail(Arg->getBeginLoc(), "a message with fields left out",
                  "give every field of the message in order");
        Fields.push_back(F);
      }
    } else if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(Init)) {
      for (const clang::Expr *F : C->arguments())
        Fields.push_back(F);
    } else if (Msg->Batches.empty()) {
      return sendValue(DstArg, Arg, *Msg, std::move(P), Loc, Sent);
    } else {
      Cx.fail(Init->getBeginLoc(), "a message with a batch that is not built in the send call",
              "write send(destination, Message{field, ...})");
    }
    if (Fields.size() != Msg->Fields.size())
      Cx.fail(Init->getBeginLoc(), "a message with fields left out",
              "give every field of the message in order");
    std::vector<Path> Out;
    for (auto &[Q, Dst] : Cx.eval(DstArg, std::move(P))) {
      Tupled Partial{{std::move(Q), {}}};
      for (size_t I = 0; I < Fields.size(); ++I) {
        if (Msg->batchOf(Msg->Fields[I]))
          continue; // its rows follow the message's
        Tupled Next;
        for (auto &[Q2, Terms] : Partial)
          for (auto &[Q3, T] : Cx.evalTuple(Fields[I], std::move(Q2)))
            Next.push_back({std::move(Q3), append(Terms, T)});
        Partial = std::move(Next);
      }
      for (auto &[Q4, Terms] : Partial) {
        Cx.emitMessage(*Msg, Dst, Terms, Q4, Loc);
        for (size_t I = 0; I < Fields.size(); ++I)
          if (const Batch *B = Msg->batchOf(Msg->Fields[I]))
            Cx.sendBatch(*B, Fields[I], Dst, Terms, Q4, Loc);
        if (Sent)
          Sent(Q4, Dst, Terms);
        Out.push_back(std::move(Q4));
      }
    }
    return Out;
  }

  /// `send(dst, m)` with a message kept in a local (filled field by field,
  /// as an RPC framework's response is), or read from elsewhere: its value.
  std::vector<Path> sendValue(const clang::Expr *DstArg, const clang::Expr *Arg,
                              const MessageType &Msg, Path P, clang::SourceLocation Loc,
                              const SentHook &Sent) {
    std::vector<Path> Out;
    for (auto &[Q, Dst] : Cx.eval(DstArg, std::move(P)))
      for (auto &[Q2, Value] : Cx.evalTuple(Arg, std::move(Q))) {
        Cx.emitMessage(Msg, Dst, Value, Q2, Loc);
        if (Sent)
          Sent(Q2, Dst, Value);
        Out.push_back(std::move(Q2));
      }
    return Out;
  }

private:
  std::optional<std::vector<Path>> setUpdate(const clang::CXXMemberCallExpr *MC, Path &P) {
    std::string Method = MC->getMethodDecl()->getNameAsString();
    if (auto Out = vectorUpdate(MC, Method, P))
      return Out;
    if (Method != "insert" && Method != "erase" && Method != "clear")
      return std::nullopt;
    const StateMember *State = nullptr;
    Object Obj;
    if (!Cx.memberState(MC->getImplicitObjectArgument(), Obj, State) ||
        State->K == StateMember::Kind::Scalar)
      return std::nullopt;
    if (State->K == StateMember::Kind::Map && Method == "insert")
      Cx.fail(MC->getBeginLoc(), "insert on a map", "assign with m[key] = value");
    if (Obj.Var != Cx.Here.Self.Var)
      Cx.fail(MC->getBeginLoc(), "updating another process's state", OwnStateOnly);
    // Updates of one step apply together: both kinds of update on one
    // path would not mean what the C++ means.
    checkOneKindOfUpdate(P, *State, Method, MC->getBeginLoc());
    checkNotWalked(*State, std::nullopt, MC->getBeginLoc());
    if (Method == "clear")
      return clear(MC, *State, std::move(P));
    if (MC->getNumArgs() != 1)
      Cx.fail(MC->getBeginLoc(), "this form of " + Method, "insert or erase one element");
    std::vector<Path> Out;
    for (auto &[Q, T] : Cx.evalTuple(MC->getArg(0), P)) {
      // A later read on the path sees an insert into a set, as in C++
      // (not one made inside a loop, which depends on the elements).
      bool Readable = !Q.Updated.count(State->Field) || Q.Overlays.count(State->Field);
      if (Method == "insert" && Readable && !Cx.Here.InLoopBody)
        Q.Overlays[State->Field].Inserted.push_back(T);
      else
        Q.Overlays.erase(State->Field);
      Cx.markUpdated(Q, State->Field, Method);
      // A map's erase names its key only.
      Tuple Cols = append({self()}, T);
      if (Method == "insert")
        Cx.emit(atom(State->Relation, Cols), ir::HeadTime::Next, Q, MC->getBeginLoc());
      else
        Cx.emit(atom(State->deletedRelation(), Cols), ir::HeadTime::Now, Q, MC->getBeginLoc());
      Out.push_back(std::move(Q));
    }
    return Out;
  }

  /// `s.clear()` on a state set or map: every element (key) stops
  /// persisting. A set's later reads on the path see it empty but for what
  /// the path inserts after.
  std::vector<Path> clear(const clang::CXXMemberCallExpr *MC, const StateMember &State, Path P) {
    if (MC->getNumArgs() != 0)
      Cx.fail(MC->getBeginLoc(), "this form of clear", "call clear() without arguments");
    Path Each = P;
    Tuple Key = Cx.fresh(typesOf(State, Cx.AST).first, State.Field->getName());
    Tuple Node{self()};
    unsigned ValueColumns = State.K == StateMember::Kind::Map ? State.ValueColumns : 0;
    Each.Body.push_back(atom(State.Relation, append(append(Node, Key), wildcards(ValueColumns))));
    Cx.emit(atom(State.deletedRelation(), append(Node, Key)), ir::HeadTime::Now, Each,
            MC->getBeginLoc());
    if (State.K == StateMember::Kind::Set && !Cx.Here.InLoopBody)
      P.Overlays[State.Field] = Overlay{/*Cleared=*/true, {}};
    else
      P.Overlays.erase(State.Field);
    Cx.markUpdated(P, State.Field, "clear");
    return {std::move(P)};
  }

  /// push_back, pop_back, clear and resize on a state vector `rel(Node,
  /// Index, Value)`. The path keeps the vector's size as its updates change
  /// it (Path::VectorEdits): push_back adds at that index at the next step,
  /// pop_back and truncation stop the indices past the new size from
  /// persisting, so a handler may truncate a log and append to it, as
  /// Raft's AppendEntries does.
  std::optional<std::vector<Path>> vectorUpdate(const clang::CXXMemberCallExpr *MC,
                                                const std::string &Method, const Path &P) {
    Object Obj;
    const StateMember *State = nullptr;
    if (!Cx.memberState(MC->getImplicitObjectArgument(), Obj, State) ||
        State->K != StateMember::Kind::Vector)
      return std::nullopt;
    // Capacity is not content: reserve and shrink_to_fit change nothing the
    // protocol reads.
    if (Method == "reserve" || Method == "shrink_to_fit")
      return std::vector<Path>{P};
    if (Method != "push_back" && Method != "pop_back" && Method != "clear" &&
        Method != "resize" && Method != "erase")
      Cx.fail(MC->getBeginLoc(), "'" + Method + "' on a state vector",
              "use push_back, pop_back, clear, resize, erase(v.begin() + n, v.end()), v[i] = x, "
              "size, empty, back, at, [] and range-for");
    if (Obj.Var != Cx.Here.Self.Var)
      Cx.fail(MC->getBeginLoc(), "updating another process's state", OwnStateOnly);
    if (!checkResizable(P, *State, Method, MC->getBeginLoc()))
      return std::vector<Path>{};
    Term Node = self();
    std::vector<Path> Out;
    if (Method == "clear") {
      Path Q = P;
      Cx.markUpdated(Q, State->Field, Method);
      Path Each = Q;
      Term I = Cx.freshVariable("Index");
      Each.Body.push_back(atom(State->Relation, append({Node, I}, wildcards(State->ValueColumns))));
      Cx.emit(atom(State->deletedRelation(), {Node, I}), ir::HeadTime::Now, Each,
              MC->getBeginLoc());
      Q.VectorEdits[State->Field] = VectorEdit{Term::integer(0), false};
      Out.push_back(std::move(Q));
      return Out;
    }
    if (Method == "resize" || Method == "erase") {
      const clang::Expr *Length = Method == "resize" ? resizedTo(MC) : erasedFrom(MC, *State);
      for (auto &[Q, N] : Cx.eval(Length, P))
        for (Path &R : resize(*State, N, std::move(Q), /*MayGrow=*/Method == "resize",
                              MC->getBeginLoc()))
          Out.push_back(std::move(R));
      return Out;
    }
    if (Method == "push_back") {
      if (MC->getNumArgs() != 1)
        Cx.fail(MC->getBeginLoc(), "this push_back", "push one value");
      for (auto &[Q, X] : Cx.evalTuple(MC->getArg(0), P))
        for (auto &[R, Size] : Cx.vectorSize(*State, std::move(Q))) {
          Cx.markUpdated(R, State->Field, Method);
          Cx.emit(atom(State->Relation, append({Node, Size}, X)), ir::HeadTime::Next, R,
                  MC->getBeginLoc());
          R.VectorEdits[State->Field] = VectorEdit{plus(Size, 1), true};
          Out.push_back(std::move(R));
        }
      return Out;
    }
    // pop_back on an empty vector is undefined in C++: only the non-empty
    // case is modeled.
    for (auto &[Q, Size] : Cx.vectorSize(*State, P)) {
      if (!compare(Q, ir::CmpOp::GT, Size, Term::integer(0)))
        continue;
      Cx.markUpdated(Q, State->Field, Method);
      Term Last = plus(Size, -1);
      Cx.emit(atom(State->deletedRelation(), {Node, Last}), ir::HeadTime::Now, Q,
              MC->getBeginLoc());
      Q.VectorEdits[State->Field] = VectorEdit{Last, false};
      Out.push_back(std::move(Q));
    }
    return Out;
  }

  const clang::Expr *resizedTo(const clang::CXXMemberCallExpr *MC) {
    if (MC->getNumArgs() != 1)
      Cx.fail(MC->getBeginLoc(), "this form of resize", "resize(n) to truncate to n elements");
    return MC->getArg(0);
  }

  /// n of `v.erase(v.begin() + n, v.end())`, the truncation a log's
  /// conflicting suffix is removed with.
  const clang::Expr *erasedFrom(const clang::CXXMemberCallExpr *MC, const StateMember &State) {
    auto Of = [&](const clang::Expr *E, llvm::StringRef Method) {
      const auto *Call = llvm::dyn_cast<clang::CXXMemberCallExpr>(strip(E));
      Object Obj;
      const StateMember *S = nullptr;
      return Call && Call->getMethodDecl()->getName() == Method &&
             Cx.memberState(Call->getImplicitObjectArgument(), Obj, S) && S == &State;
    };
    const auto *Plus = MC->getNumArgs() == 2
                           ? llvm::dyn_cast<clang::CXXOperatorCallExpr>(strip(MC->getArg(0)))
                           : nullptr;
    if (!Plus || Plus->getOperator() != clang::OO_Plus || Plus->getNumArgs() != 2 ||
        !Of(Plus->getArg(0), "begin") || !Of(MC->getArg(1), "end"))
      Cx.fail(MC->getBeginLoc(), "this form of erase on a state vector",
              "erase a suffix, v.erase(v.begin() + n, v.end()), or pop_back");
    return Plus->getArg(1);
  }

  /// `v.resize(n)` and `v.erase(v.begin() + n, v.end())`: where n is below
  /// the size, a truncation. Beyond it, resize (MayGrow) is an error, as
  /// the new elements' values are not modeled, and erase is undefined in
  /// C++, a path the model does not have.
  std::vector<Path> resize(const StateMember &State, const Term &N, Path P, bool MayGrow,
                           clang::SourceLocation Loc) {
    std::vector<Path> Out;
    for (auto &[Q, Size] : Cx.vectorSize(State, std::move(P))) {
      Path Longer = Q, Grows = Q;
      if (compare(Longer, ir::CmpOp::GT, Size, N))
        Out.push_back(truncate(State, N, std::move(Longer), Loc));
      if (MayGrow && compare(Grows, ir::CmpOp::LT, Size, N))
        Cx.runError(Grows, Loc,
                    "this resize adds elements, whose values faultline does not model; "
                    "push_back each new element instead",
                    N);
      if (compare(Q, ir::CmpOp::EQ, Size, N))
        Out.push_back(std::move(Q));
    }
    return Out;
  }

  /// Cuts the vector to its first N elements, on a path where it has more:
  /// the indices from N on stop persisting.
  Path truncate(const StateMember &State, const Term &N, Path P, clang::SourceLocation Loc) {
    Cx.markUpdated(P, State.Field, "truncation");
    Path Each = P;
    Term I = Cx.freshVariable("Index");
    Each.Body.push_back(atom(State.Relation, append({self(), I}, wildcards(State.ValueColumns))));
    if (compare(Each, ir::CmpOp::GE, I, N))
      Cx.emit(atom(State.deletedRelation(), {self(), I}), ir::HeadTime::Now, Each, Loc);
    P.VectorEdits[State.Field] = VectorEdit{N, false};
    return P;
  }

public:
  /// `while (v.size() > n) v.pop_back();`: where the condition holds, a
  /// truncation to n elements (n as the comparison converts it).
  std::vector<Path> truncationLoop(const Truncation &T, Path P) {
    Object Obj;
    const StateMember *State = nullptr;
    if (!Cx.memberState(T.Vector, Obj, State) || State->K != StateMember::Kind::Vector)
      Cx.fail(T.Loop->getBeginLoc(), "a while loop over something other than a state vector",
              "faultline lowers `while (v.size() > n) v.pop_back();` on a FL_STATE vector");
    if (Obj.Var != Cx.Here.Self.Var)
      Cx.fail(T.Loop->getBeginLoc(), "updating another process's state", OwnStateOnly);
    if (!checkResizable(P, *State, "pop_back", T.Loop->getBeginLoc()))
      return {};
    std::vector<Path> Out = Cx.assume(T.Loop->getCond(), false, P);
    for (Path &Q : Cx.assume(T.Loop->getCond(), true, std::move(P)))
      for (auto &[R, N] : Cx.eval(T.Bound, std::move(Q)))
        Out.push_back(truncate(*State, N, std::move(R), T.Loop->getBeginLoc()));
    return Out;
  }

private:
  /// What the model cannot take back: an element appended earlier on the
  /// path is added at the next step, so no later pop_back, clear or
  /// truncation can remove it; and inside a loop over a container every
  /// element's path would append at the same index.
  ///
  /// False where the path stops with a run error instead: in a loop run
  /// iteration by iteration, a truncation after an earlier iteration's
  /// append is most often a path the loop's own conditions rule out (the
  /// index has moved past the size), which the lowering cannot tell; a run
  /// that does get there stops with an error at the call.
  bool checkResizable(const Path &P, const StateMember &State, const std::string &Method,
                      clang::SourceLocation Loc) {
    std::string Name = State.Field->getNameAsString();
    if (Cx.Here.InLoopBody)
      Cx.fail(Loc, "'" + Method + "' on '" + Name + "' inside a loop",
              "a loop is lowered to a join over all elements at once, which would place "
              "every element at one index; update the vector outside the loop");
    checkNotWalked(State, std::nullopt, Loc);
    auto Earlier = P.Updated.find(State.Field);
    if (Earlier == P.Updated.end())
      return true;
    auto Edit = P.VectorEdits.find(State.Field);
    if (Edit == P.VectorEdits.end())
      Cx.fail(Loc, "both " + Earlier->second + " and " + Method + " on '" + Name + "' in one step",
              "assign elements (v[i] = x) or change the vector's length, not both, in a handler");
    if (!Edit->second.Appended || Method == "push_back")
      return true;
    if (Cx.Here.InUnrolledLoop) {
      Cx.runError(P, Loc,
                  "'" + Method + "' on '" + Name + "' after an earlier iteration's push_back in "
                  "one step, which faultline cannot model; the vector's size",
                  Edit->second.Size);
      return false;
    }
    Cx.fail(Loc, "'" + Method + "' on '" + Name + "' after push_back in one step",
            "shorten the vector first, then append, as a log's truncate-and-append does");
  }

  static Term plus(const Term &T, int64_t K) {
    if (T.K == Term::Kind::Integer)
      return Term::integer(T.Int + K);
    if (K < 0)
      return Term::arith('-', T, Term::integer(-K));
    return Term::arith('+', T, Term::integer(K));
  }

  /// C++ invalidates a loop's iterator when the container it walks loses or
  /// gains an element; the model would apply the update at the next step.
  /// Assigning the current entry of a map (m[key] = v with the loop's key)
  /// is the one update a loop may make to what it walks.
  void checkNotWalked(const StateMember &State, const std::optional<Tuple> &Key,
                      clang::SourceLocation Loc) {
    for (const auto &[Field, EntryKey] : Cx.Here.Walked) {
      if (Field != State.Field)
        continue;
      bool SameEntry = Key && EntryKey && Key->size() == EntryKey->size() &&
                       std::equal(Key->begin(), Key->end(), EntryKey->begin(),
                                  [](const Term &A, const Term &B) {
                                    return A.K == B.K && A.Text == B.Text && A.Int == B.Int;
                                  });
      if (!SameEntry)
        Cx.fail(Loc, "updating '" + State.Field->getNameAsString() + "' inside a loop over it",
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
      Cx.fail(Loc,
              "both " + Earlier->second + " and " + How + " on '" +
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
    if (!Cx.memberState(Sub->getArg(0), Obj, State) || !State->keyed())
      return std::nullopt;
    if (Obj.Var != Cx.Here.Self.Var)
      Cx.fail(Loc, "updating another process's state", OwnStateOnly);
    if (Op != clang::BO_Assign)
      Cx.fail(Loc, "a compound assignment to a map entry",
              "read the value with at() into a local, then assign m[key] = value");
    checkOneKindOfUpdate(P, *State, "assign", Loc);
    std::vector<Path> Out;
    for (auto &[Q, K] : Cx.evalTuple(Sub->getArg(1), P)) {
      checkNotWalked(*State, K, Loc);
      for (auto &[Q2, V] : Cx.evalTuple(Value, std::move(Q))) {
        Cx.markUpdated(Q2, State->Field, "assign");
        // The key's old value stops here; the new one holds from t+1.
        Tuple Key = append({self()}, K);
        overrideEarlierWrites(Q2, *State, Key, Loc);
        size_t Written =
            Cx.emit(atom(State->Relation, append(Key, V)), ir::HeadTime::Next, Q2, Loc);
        Cx.emit(atom(State->deletedRelation(), Key), ir::HeadTime::Now, Q2, Loc);
        Q2.MapWrites[State->Field].insert(Written);
        Out.push_back(std::move(Q2));
      }
    }
    return Out;
  }

  /// `m[a] = x; m[b] = y;` with a == b leaves y alone in C++, while both
  /// rules would write their entry at the next step. The later assignment
  /// derives, in the same step, which key it writes; the earlier ones on
  /// the path are kept from writing that key. (Paths joined since then are
  /// exclusive in one step, so guarding another path's rule changes
  /// nothing.)
  void overrideEarlierWrites(const Path &P, const StateMember &State, const Tuple &Key,
                             clang::SourceLocation Loc) {
    auto Earlier = P.MapWrites.find(State.Field);
    if (Earlier == P.MapWrites.end() || Earlier->second.empty())
      return;
    std::string Later = Cx.JoinPrefix + "_overwrites_" + std::to_string(++Cx.Joins);
    Cx.emit(atom(Later, Key), ir::HeadTime::Now, P, Loc);
    for (size_t Rule : Earlier->second) {
      const std::vector<Term> &Written = Cx.headOf(Rule).Args;
      Tuple Itself(Written.begin(), Written.begin() + Key.size());
      Cx.guard(Rule, atom(Later, Itself, /*Negated=*/true));
    }
  }

  std::vector<Path> assign(const clang::Expr *Target, const clang::Expr *Value,
                           clang::BinaryOperatorKind Op, clang::SourceLocation Loc, Path P) {
    if (Value)
      if (auto Out = mapAssign(Target, Value, Op, Loc, P))
        return *Out;
    // `x.f.g = v` on a struct: the whole of x, with the columns of f.g
    // replaced; through a reference, what it refers to.
    const clang::Expr *Root = Cx.referent(Target);
    unsigned Offset = 0;
    bool WholeValue = true;
    while (const auto *Mem = llvm::dyn_cast<clang::MemberExpr>(Root)) {
      const auto *F = llvm::dyn_cast<clang::FieldDecl>(Mem->getMemberDecl());
      const clang::Expr *Base = Cx.referent(Mem->getBase());
      if (!F || !structOf(Base->getType()))
        break;
      Offset += columnOffset(F);
      Root = Base;
      WholeValue = false;
    }
    auto Replaced = [&](Path Q, const Tuple &New) {
      if (WholeValue)
        return Tupled{{std::move(Q), New}};
      Tupled Out = Cx.evalTuple(Root, std::move(Q));
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
    if (const clang::FieldDecl *Unmarked = unmarkedMember(Root))
      Cx.fail(Loc, "assigning '" + Unmarked->getNameAsString() + "', a member that is not marked",
              "mark it FL_STATE if it is node state");
    if (!Cx.memberState(Root, Obj, State) || State->K != StateMember::Kind::Scalar)
      Cx.fail(Loc, "this assignment",
              "assign locals, scalar or struct state members of the node, or fields of those");
    if (Obj.Var != Cx.Here.Self.Var)
      Cx.fail(Loc, "assigning another process's state", OwnStateOnly);
    if (Cx.Here.InLoopBody)
      Cx.fail(Loc, "assigning a scalar inside a loop",
              "a loop is lowered to a join over all elements at once; compute the value with "
              "a condition outside the loop");
    checkSingleWriter(State->Field, Loc);
    std::vector<Path> Out;
    for (auto &[Q, T] : combineTuple(Target, Value, Op, std::move(P)))
      for (auto &[Q2, Whole] : Replaced(std::move(Q), T)) {
        Q2.Scalars[{Cx.Here.Self.Var, State->Field}] = Whole;
        Q2.Assigned[State->Field] = Loc;
        Q2.AssignedWhen.erase(State->Field);
        Out.push_back(std::move(Q2));
      }
    return Out;
  }

  /// The value `Target Op= Value` gives, a struct's with `=` only.
  Tupled combineTuple(const clang::Expr *Target, const clang::Expr *Value,
                      clang::BinaryOperatorKind Op, Path P) {
    if (Op == clang::BO_Assign)
      return Cx.evalTuple(Value, std::move(P));
    return tuples(combine(Target, Value, Op, std::move(P)));
  }

  /// The value `Target Op= Value` gives (`Target ± 1` without a Value).
  Valued combine(const clang::Expr *Target, const clang::Expr *Value,
                 clang::BinaryOperatorKind Op, Path P) {
    auto Arith = arithmetic(Op);
    if (!Arith)
      Cx.fail(Target->getBeginLoc(), "this compound assignment", "use = += -= *= /= %= ++ --");
    ir::SourceLoc Loc = Cx.Fragment.loc(Target->getBeginLoc());
    Valued Out;
    for (auto &[Q, Old] : Cx.eval(Target, std::move(P))) {
      if (!Value) {
        Out.push_back({Q, Term::arith(*Arith, Old, Term::integer(1), Loc)});
        continue;
      }
      for (auto &[Q2, V] : Cx.eval(Value, Q))
        Out.push_back({std::move(Q2), Term::arith(*Arith, Old, V, Loc)});
    }
    // An unsigned target keeps the result modulo 2^N, as the compiled code
    // does. Below int's width the operation is done in int, where the
    // value can be negative; above it, only a difference can.
    clang::QualType Type = Target->getType();
    bool Promoted = Type->isIntegerType() &&
                    Cx.AST.getIntWidth(Type) < Cx.AST.getIntWidth(Cx.AST.IntTy);
    if (!Promoted && (*Arith == '/' || *Arith == '%'))
      return Out;
    return asUnsigned(Cx, Type, std::move(Out), Target->getBeginLoc(),
                      /*MayBeNegative=*/Promoted || *Arith == '-',
                      "this subtraction goes below zero");
  }

  /// A scalar set by a periodic (or on-restart) handler and by another
  /// handler of the role would get two values in one step.
  void checkSingleWriter(const clang::FieldDecl *F, clang::SourceLocation Loc) {
    std::set<std::string> &Of = Cx.Writers[F];
    Of.insert(Cx.Names.Writer);
    const char *Owner = nullptr;
    for (const std::string &W : Of)
      if (llvm::StringRef(W).starts_with("periodic:"))
        Owner = "a periodic handler";
      else if (!Owner && llvm::StringRef(W).starts_with("restart:"))
        Owner = "an on-restart handler";
    if (Owner && Of.size() > 1)
      Cx.fail(Loc,
              "assigning '" + F->getNameAsString() + "' in " + Owner +
                  " and in another handler",
              "handlers that run in the same step read the same state; let one handler own "
              "the scalar");
  }

  LoweringContext &Cx;
};

} // namespace

std::vector<Path> LoweringContext::sendMessage(const clang::Expr *Dst, const clang::Expr *Message,
                                               Path P, clang::SourceLocation Loc,
                                               const SentHook &Sent) {
  return EffectLowering(*this).sendMessage(Dst, Message, std::move(P), Loc, Sent);
}

std::vector<Path> LoweringContext::execTruncation(const Truncation &T, Path P) {
  return EffectLowering(*this).truncationLoop(T, std::move(P));
}

void LoweringContext::emitMessage(const MessageType &Msg, const Term &Dst, const Tuple &Fields,
                                  const Path &P, clang::SourceLocation Loc) {
  Fragment.uses(Msg.Decl);
  emit(atom(Msg.Relation, append({Dst, Term::variable(Here.Self.Var)}, Fields)),
       ir::HeadTime::Async, P, Loc);
}

std::vector<Path> LoweringContext::execEffect(const clang::Expr *E, Path P) {
  if (auto Out = timerEffect(E, P))
    return std::move(*Out);
  return EffectLowering(*this).execEffect(E, std::move(P));
}

} // namespace faultline::frontend

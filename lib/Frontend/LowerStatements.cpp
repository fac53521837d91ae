//===- LowerStatements.cpp - Statements to paths ---------------------------===//
//
// Blocks, declarations, if, switch, return and range-for over state
// containers. Each statement maps the paths reaching it to the paths
// leaving it; `if` splits them on its condition, a loop executes its body
// once with a join atom for the element. Expression statements are effects
// (LowerEffects.cpp); what a return means is the function kind's.
//
//===----------------------------------------------------------------------===//

#include "Idioms.h"
#include "LoweringContext.h"

#include "clang/AST/StmtCXX.h"

namespace faultline::frontend {

using ir::Term;

namespace {

class StatementLowering {
public:
  explicit StatementLowering(LoweringContext &Cx) : Cx(Cx) {}

  std::vector<Path> exec(const clang::Stmt *S, std::vector<Path> In) {
    std::vector<Path> Live, Done;
    for (Path &P : In)
      (P.Returned || P.Broke || P.Continued ? Done : Live).push_back(std::move(P));
    if (Live.empty() || !S)
      return concat(std::move(Live), std::move(Done));
    Cx.checkDeadline(S->getBeginLoc());
    if (usesRejected(S))
      throw Unsupported{};
    std::vector<Path> Out;
    if (std::optional<std::vector<Path>> AsWritten = Cx.execAsWritten(S, Live)) {
      Out = std::move(*AsWritten);
    } else if (const auto *C = llvm::dyn_cast<clang::CompoundStmt>(S)) {
      Out = std::move(Live);
      for (const clang::Stmt *Child : C->body()) {
        Out = execOrSkip(Child, std::move(Out));
        if (C != Cx.FunctionBody || Child != C->body_back())
          Out = Cx.joinPaths(std::move(Out), Child);
      }
      forgetLocals(C, Out);
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
      if (!Cx.Here.BreakEndsSwitch)
        Cx.fail(S->getBeginLoc(),
                Cx.Here.InLoopBody ? "a break inside a loop" : "a break outside a switch",
                "a loop is lowered to a join over all elements at once; test a condition instead");
      for (Path &P : Live)
        P.Broke = true;
      Out = std::move(Live);
    } else if (std::optional<IndexLoop> L = indexLoop(S)) {
      Out = execIndexLoop(*L, std::move(Live));
    } else if (std::optional<Truncation> T = truncation(S)) {
      for (Path &P : Live)
        for (Path &Q : Cx.execTruncation(*T, std::move(P)))
          Out.push_back(std::move(Q));
    } else if (std::optional<UnrolledLoop> U = unrolledLoop(S)) {
      Out = execUnrolled(*U, std::move(Live));
    } else if (llvm::isa<clang::ContinueStmt>(S)) {
      // The loop walks all elements at once, each on its own paths: a
      // continue ends this element's (in an unrolled loop, this iteration).
      if (!Cx.Here.InLoopBody && !Cx.Here.InUnrolledLoop)
        Cx.fail(S->getBeginLoc(), "a continue outside a loop", "test a condition instead");
      for (Path &P : Live)
        P.Continued = true;
      Out = std::move(Live);
    } else if (llvm::isa<clang::NullStmt>(S)) {
      Out = std::move(Live);
    } else if (const auto *E = llvm::dyn_cast<clang::Expr>(S)) {
      for (Path &P : Live)
        for (Path &Q : Cx.execEffect(E, std::move(P)))
          Out.push_back(std::move(Q));
    } else {
      Cx.fail(S->getBeginLoc(), statementInCxxTerms(S),
              "use if/else, switch, early return and loops");
    }
    return concat(std::move(Out), std::move(Done));
  }

  static std::optional<IndexLoop> indexLoop(const clang::Stmt *S) {
    if (const auto *F = llvm::dyn_cast<clang::ForStmt>(S))
      return indexLoopOf(F);
    return std::nullopt;
  }

  static std::optional<Truncation> truncation(const clang::Stmt *S) {
    if (const auto *W = llvm::dyn_cast<clang::WhileStmt>(S))
      return truncationLoop(W);
    return std::nullopt;
  }

  /// A loop run as C++ runs it, one iteration after another: a while,
  /// do-while or for loop that is none of the idioms above.
  struct UnrolledLoop {
    const clang::Stmt *Loop;
    const clang::Stmt *Init;
    const clang::Expr *Cond; ///< Null: `for (;;)`, which only a break ends.
    const clang::Expr *Inc;
    const clang::Stmt *Body;
    bool TestFirst;
  };

  static std::optional<UnrolledLoop> unrolledLoop(const clang::Stmt *S) {
    if (const auto *W = llvm::dyn_cast<clang::WhileStmt>(S))
      return UnrolledLoop{W, nullptr, W->getCond(), nullptr, W->getBody(), true};
    if (const auto *F = llvm::dyn_cast<clang::ForStmt>(S))
      return UnrolledLoop{F, F->getInit(), F->getCond(), F->getInc(), F->getBody(), true};
    if (const auto *D = llvm::dyn_cast<clang::DoStmt>(S))
      return UnrolledLoop{D, nullptr, D->getCond(), nullptr, D->getBody(), false};
    return std::nullopt;
  }

private:
  /// Executes one statement of a block. A rejected statement has been
  /// reported; the paths go on past it unchanged, so that the rest of the
  /// function is checked too (the function emits no rule anyway).
  std::vector<Path> execOrSkip(const clang::Stmt *S, std::vector<Path> In) {
    std::vector<Path> Before = In;
    Scope Saved = Cx.Here;
    try {
      return exec(S, std::move(In));
    } catch (const Unsupported &) {
      Cx.Here = std::move(Saved);
      Cx.rejected(S);
      return Before;
    }
  }

  /// The locals a block declares are out of scope after it: no join
  /// carries them on.
  static void forgetLocals(const clang::CompoundStmt *C, std::vector<Path> &Paths) {
    for (const clang::Stmt *Child : C->body())
      if (const auto *D = llvm::dyn_cast<clang::DeclStmt>(Child))
        for (const clang::Decl *Decl : D->decls())
          if (const auto *V = llvm::dyn_cast<clang::ValueDecl>(Decl))
            for (Path &P : Paths) {
              P.Locals.erase(V);
              P.Iterators.erase(V);
            }
  }

  /// Whether S itself (an if's condition, a loop's range, not the
  /// statements nested in them, which are looked at on their own) uses a
  /// local whose declaration was rejected: S is dropped without a second
  /// diagnostic about the same problem.
  bool usesRejected(const clang::Stmt *S) const {
    if (llvm::isa<clang::CompoundStmt>(S))
      return false;
    if (const auto *I = llvm::dyn_cast<clang::IfStmt>(S))
      return Cx.mentionsRejected(I->getCond());
    if (const auto *F = llvm::dyn_cast<clang::CXXForRangeStmt>(S))
      return Cx.mentionsRejected(F->getRangeInit());
    if (const auto *Sw = llvm::dyn_cast<clang::SwitchStmt>(S))
      return Cx.mentionsRejected(Sw->getCond());
    return Cx.mentionsRejected(S);
  }

  std::vector<Path> execDecl(const clang::DeclStmt *D, std::vector<Path> In) {
    for (const clang::Decl *Decl : D->decls()) {
      const auto *V = llvm::dyn_cast<clang::VarDecl>(Decl);
      // A static or thread_local local keeps its value from one call to the
      // next, while the model's locals start afresh; a constant is the same
      // either way.
      if (V && !V->hasLocalStorage() && !V->isUsableInConstantExpressions(Cx.AST))
        Cx.fail(V->getLocation(),
                std::string("a ") + (V->getTLSKind() ? "thread_local" : "static") + " local '" +
                    V->getNameAsString() + "'",
                "a value kept from call to call is node state: make it a FL_STATE member");
      if (const clang::CXXMemberCallExpr *Find = V ? findCall(V->getInit()) : nullptr) {
        In = declareIterator(V, Find, std::move(In));
        continue;
      }
      // A reference to a local, a state member or a field of one is that
      // object: later writes through it are writes of it. (One bound to a
      // temporary is a value like any local.)
      if (V && V->getType()->isReferenceType() && V->hasInit() &&
          !llvm::isa<clang::MaterializeTemporaryExpr>(V->getInit()->IgnoreParenImpCasts())) {
        Cx.References[V] = V->getInit();
        continue;
      }
      if (V && Cx.declareLocalVector(V, In))
        continue;
      if (!V || !V->hasInit() || !isValueType(V->getType()))
        Cx.fail(Decl->getLocation(), "this declaration",
                "declare locals of integer, bool, enum, string or plain struct type with an "
                "initializer");
      std::vector<Path> Out;
      for (Path &P : In)
        for (auto &[Q, T] : Cx.evalTuple(V->getInit(), std::move(P))) {
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
    if (!Cx.memberState(Find->getImplicitObjectArgument(), Obj, State) ||
        State->K == StateMember::Kind::Scalar || State->K == StateMember::Kind::Vector)
      Cx.fail(Find->getBeginLoc(), "find on something other than a state set or map",
              "look up keys of std::set and std::map state members");
    std::vector<Path> Out;
    for (Path &P : In)
      for (auto &[Q, K] : Cx.evalTuple(Find->getArg(0), std::move(P))) {
        Q.Iterators[V] = FoundIterator{Obj, State, K};
        Out.push_back(std::move(Q));
      }
    return Out;
  }

  std::vector<Path> execIf(const clang::IfStmt *I, std::vector<Path> In) {
    if (I->getInit() || I->getConditionVariable())
      Cx.fail(I->getBeginLoc(), "an if statement with an initializer",
              "declare the variable before the if");
    std::vector<Path> Out;
    for (Path &P : In) {
      std::vector<Path> Then = Cx.assume(I->getCond(), true, P);
      std::vector<Path> Else = Cx.assume(I->getCond(), false, P);
      if (Cx.Kind.lowerReturnFalseIf(Cx, I, P)) {
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
      Cx.fail(Sw->getBeginLoc(), "a switch with an initializer",
              "declare the variable before the switch");
    const clang::SwitchCase *Misplaced = nullptr;
    std::vector<SwitchItem> Items = switchItems(Sw, Misplaced);
    if (!llvm::isa<clang::CompoundStmt>(Sw->getBody()))
      Cx.fail(Sw->getBeginLoc(), "a switch whose body is not a block",
              "write switch (x) { case ...: ...; break; }");
    if (Misplaced)
      Cx.fail(Misplaced->getBeginLoc(), "a case label inside a nested statement",
              "put each label at the top level of the switch's block");
    clang::QualType Type = strip(Sw->getCond())->getType();
    std::vector<Term> Labels;
    for (const SwitchItem &I : Items)
      if (const auto *C = llvm::dyn_cast_or_null<clang::CaseStmt>(I.Label))
        Labels.push_back(caseLabel(C, Type));
    bool SavedBreak = Cx.Here.BreakEndsSwitch;
    Cx.Here.BreakEndsSwitch = true;
    std::vector<Path> Out;
    for (Path &P : In)
      for (auto &[Q, V] : Cx.eval(Sw->getCond(), std::move(P))) {
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
    Cx.Here.BreakEndsSwitch = SavedBreak;
    return Out;
  }

  /// A case's value, written as the model writes a value of the switch's type.
  Term caseLabel(const clang::CaseStmt *C, clang::QualType Type) {
    if (C->getRHS())
      Cx.fail(C->getBeginLoc(), "a case range", "write one case label per value");
    std::optional<Term> T;
    if (clang::Expr::EvalResult V; C->getLHS()->EvaluateAsInt(V, Cx.AST))
      T = constantTerm(Type, V.Val.getInt());
    if (!T)
      Cx.fail(C->getBeginLoc(), "this case label",
              "label cases with enumerators or integer constants");
    return *T;
  }

  /// The path where V equals none of the labels (none if it must).
  static std::vector<Path> noLabel(Path P, const Term &V, const std::vector<Term> &Labels) {
    for (const Term &L : Labels)
      if (!compare(P, ir::CmpOp::NE, V, L))
        return {};
    return {std::move(P)};
  }

  std::vector<Path> execReturn(const clang::ReturnStmt *R, std::vector<Path> In) {
    if (Cx.Here.InLoopBody)
      Cx.fail(R->getBeginLoc(), "a return inside a loop",
              "a loop is lowered to a join over all elements at once; move the return out");
    for (Path &P : In) {
      Cx.Kind.lowerReturn(Cx, R, P);
      P.Returned = true;
    }
    return In;
  }

  std::vector<Path> execLoop(const clang::CXXForRangeStmt *F, std::vector<Path> In) {
    if (const Batch *B = Cx.handledBatch(F->getRangeInit()))
      return execBatchLoop(F, *B, std::move(In));
    auto [Obj, State] = stateContainer(F->getRangeInit(), F->getBeginLoc());
    const clang::VarDecl *Var = F->getLoopVariable();
    std::vector<Path> Out;
    for (Path &P : In) {
      const Overlay *Seen = Cx.readable(P, *State, F->getBeginLoc(), "looping over");
      Path Each = P;
      std::optional<Tuple> EntryKey;
      if (State->K == StateMember::Kind::Map) {
        // for (const auto &[key, value] : m): one join per entry.
        const auto *Pair = llvm::dyn_cast<clang::DecompositionDecl>(Var);
        if (!Pair || Pair->bindings().size() != 2)
          Cx.fail(F->getBeginLoc(), "a loop over a map without [key, value]",
                  "write for (const auto &[key, value] : m)");
        auto [KeyType, ValueType] = typesOf(*State, Cx.AST);
        Tuple K = Cx.fresh(KeyType, Pair->bindings()[0]->getName());
        Tuple V = Cx.fresh(ValueType, Pair->bindings()[1]->getName());
        Each.Body.push_back(atom(State->Relation, append(append({Term::variable(Obj.Var)}, K), V)));
        Each.Locals[Pair->bindings()[0]] = K;
        Each.Locals[Pair->bindings()[1]] = V;
        Each.Quantified = append(std::move(Each.Quantified), K);
        EntryKey = K;
      } else {
        auto [KeyType, ValueType] = typesOf(*State, Cx.AST);
        bool IsVector = State->K == StateMember::Kind::Vector;
        Tuple E = Cx.fresh(IsVector ? ValueType : KeyType, Var->getName());
        Tuple Cols{Term::variable(Obj.Var)};
        if (IsVector)
          Cols.push_back(Cx.freshVariable("Index"));
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
        for (Path &New : Cx.alreadyThere(P, *State, *Seen, I).second) {
          New.Locals[Var] = Seen->Inserted[I];
          Elements.push_back(std::move(New));
        }
      Out.push_back(walk(F->getBody(), std::move(Elements), State->Field, EntryKey, std::move(P)));
    }
    return Out;
  }

  /// Runs a loop's body once for all its elements (each a path of
  /// Elements); P goes on past the loop.
  Path walk(const clang::Stmt *Body, std::vector<Path> Elements, const clang::FieldDecl *Walked,
            std::optional<Tuple> EntryKey, Path P, std::optional<Term> Position = std::nullopt) {
    bool Outer = !Cx.Here.InLoopBody;
    bool SavedBreak = Cx.Here.BreakEndsSwitch;
    std::optional<Term> SavedPosition = std::exchange(Cx.Here.LoopPosition, std::move(Position));
    std::set<const clang::FieldDecl *> Outside = std::exchange(Cx.LoopUpdates, {});
    Cx.Here.InLoopBody = true;
    Cx.Here.BreakEndsSwitch = false;
    Cx.Here.Walked.push_back({Walked, std::move(EntryKey)});
    std::vector<Path> Ends = exec(Body, std::move(Elements));
    Cx.Here.Walked.pop_back();
    Cx.Here.LoopPosition = std::move(SavedPosition);
    Cx.Here.InLoopBody = !Outer;
    Cx.Here.BreakEndsSwitch = SavedBreak;
    // The loop's effects were emitted per element; after it, the path
    // goes on as it was, except that what the body updated depends on
    // the elements, so no later read can see through it.
    for (const clang::FieldDecl *Field : Cx.LoopUpdates)
      for (const Path &End : Ends)
        if (auto How = End.Updated.find(Field); How != End.Updated.end()) {
          Cx.markUpdated(P, Field, How->second);
          P.Overlays.erase(Field);
        }
    Cx.LoopUpdates.insert(Outside.begin(), Outside.end());
    return P;
  }

  /// `for (T i = a; i < b; ++i) ... v[i] ...` over a state vector v: one
  /// element per index of v from a while the condition holds, walked at
  /// once as a range-for is. The body may not change i.
  std::vector<Path> execIndexLoop(const IndexLoop &L, std::vector<Path> In) {
    // A body that changes what later iterations read runs iteration by
    // iteration, as written.
    if (sequential(L.Loop->getBody()))
      return execUnrolled(*unrolledLoop(L.Loop), std::move(In));
    if (const Batch *B = Cx.handledBatch(L.Vector))
      return execBatchIndexLoop(L, *B, std::move(In));
    Object Obj;
    const StateMember *State = nullptr;
    if (!Cx.memberState(L.Vector, Obj, State) || State->K != StateMember::Kind::Vector)
      Cx.fail(L.Loop->getBeginLoc(), "an index loop that reads no state vector at its index",
              "loop over a state vector's indices (reading v[i]), or write a range-for loop");
    std::vector<Path> Out;
    for (Path &P : In) {
      Cx.readable(P, *State, L.Loop->getBeginLoc(), "looping over");
      Path Each = P;
      Term I = Cx.freshVariable(L.Index->getName());
      Each.Body.push_back(atom(State->Relation, append({Term::variable(Obj.Var), I},
                                                       wildcards(State->ValueColumns))));
      Out.push_back(walk(L.Loop->getBody(), indexElements(L, std::move(Each), I), State->Field,
                         std::nullopt, std::move(P), I));
    }
    return Out;
  }

  /// `for (const T &e : m.batch)`: one element per row of the handled
  /// message's batch, walked at once; `v.push_back(e)` alone in the body
  /// appends the batch to a state vector.
  std::vector<Path> execBatchLoop(const clang::CXXForRangeStmt *F, const Batch &B,
                                  std::vector<Path> In) {
    if (sequential(F->getBody()))
      return execUnrolledBatch(F, B, std::move(In));
    std::vector<Path> Out;
    for (Path &P : In) {
      if (auto Appended = Cx.batchAppendLoop(F, P)) {
        Out = concat(std::move(Out), std::move(*Appended));
        continue;
      }
      Path Each = P;
      Term Position = Cx.freshVariable("Position");
      const clang::VarDecl *Var = F->getLoopVariable();
      Tuple E = Cx.fresh(Var->getType().getNonReferenceType(), Var->getName());
      Each.Body.push_back(Cx.batchRows(B, Position, E));
      Each.Locals[Var] = E;
      Each.Quantified.push_back(Position);
      std::vector<Path> Elements;
      Elements.push_back(std::move(Each));
      Out.push_back(
          walk(F->getBody(), std::move(Elements), B.Field, std::nullopt, std::move(P), Position));
    }
    return Out;
  }

  /// A range-for over a batch whose body changes the log as it goes (Raft's
  /// follower: skip the entries it has, truncate at the first conflict,
  /// append the rest): iteration k reads element k, while the batch has it.
  std::vector<Path> execUnrolledBatch(const clang::CXXForRangeStmt *F, const Batch &B,
                                      std::vector<Path> In) {
    const clang::VarDecl *Var = F->getLoopVariable();
    unsigned Bound = Cx.Proto.LoopBound;
    std::vector<Path> Paths = std::move(In), Out;
    for (unsigned K = 0; !Paths.empty(); ++K) {
      std::vector<Path> Going;
      for (Path &P : Paths)
        for (auto &[Q, N] : Cx.batchSize(B, std::move(P))) {
          Path Exit = Q;
          if (compare(Exit, ir::CmpOp::LE, N, Term::integer(K)))
            Out.push_back(std::move(Exit));
          if (!compare(Q, ir::CmpOp::GT, N, Term::integer(K)))
            continue;
          if (K == Bound) {
            Cx.runError(Q, F->getBeginLoc(),
                        "this loop runs more than the " + std::to_string(Bound) +
                            " iterations faultline unrolls (--loop-bound)",
                        N);
            continue;
          }
          Tuple E = Cx.fresh(Var->getType().getNonReferenceType(), Var->getName());
          Q.Body.push_back(Cx.batchRows(B, Term::integer(K), E));
          Q.Locals[Var] = E;
          Going.push_back(std::move(Q));
        }
      Paths = iterate(F, F->getBody(), nullptr, std::move(Going), Out);
    }
    return Out;
  }

  /// Whether a loop body changes what its later iterations read: a state
  /// vector's length, a scalar member.
  bool sequential(const clang::Stmt *S) {
    if (!S)
      return false;
    if (const auto *W = llvm::dyn_cast<clang::WhileStmt>(S); W && truncationLoop(W))
      return true;
    Object Obj;
    const StateMember *State = nullptr;
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(S)) {
      llvm::StringRef Method = MC->getMethodDecl()->getName();
      if ((Method == "push_back" || Method == "pop_back" || Method == "resize" ||
           Method == "erase" || Method == "insert" || Method == "clear") &&
          Cx.memberState(MC->getImplicitObjectArgument(), Obj, State) &&
          State->K == StateMember::Kind::Vector)
        return true;
    }
    const clang::Expr *Target = nullptr;
    if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(S); B && B->isAssignmentOp())
      Target = B->getLHS();
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(S); U && U->isIncrementDecrementOp())
      Target = U->getSubExpr();
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(S);
        Op && Op->getOperator() == clang::OO_Equal && Op->getNumArgs() == 2)
      Target = Op->getArg(0);
    if (Target && Cx.memberState(Target, Obj, State) && State->K == StateMember::Kind::Scalar)
      return true;
    for (const clang::Stmt *Child : S->children())
      if (sequential(Child))
        return true;
    return false;
  }

  /// An index loop's elements: one per index I (bound in Each by the rows
  /// of what it walks) from the loop's start on, where its condition holds.
  std::vector<Path> indexElements(const IndexLoop &L, Path Each, const Term &I) {
    Each.Locals[L.Index] = {I};
    Each.Quantified.push_back(I);
    std::vector<Path> Elements;
    for (auto &[Q, Start] : Cx.eval(L.Start, std::move(Each)))
      if (compare(Q, ir::CmpOp::GE, I, Start))
        for (Path &R : Cx.assume(L.Loop->getCond(), true, std::move(Q)))
          Elements.push_back(std::move(R));
    return Elements;
  }

  /// `for (size_t i = a; i < m.batch.size(); ++i) ... m.batch[i] ...`.
  std::vector<Path> execBatchIndexLoop(const IndexLoop &L, const Batch &B, std::vector<Path> In) {
    std::vector<Path> Out;
    for (Path &P : In) {
      Path Each = P;
      Term I = Cx.freshVariable(L.Index->getName());
      Each.Body.push_back(Cx.batchRows(B, I, wildcards(B.ElementColumns)));
      Out.push_back(walk(L.Loop->getBody(), indexElements(L, std::move(Each), I), B.Field,
                         std::nullopt, std::move(P), I));
    }
    return Out;
  }

  /// Runs the loop's iterations one after another, at most the loop bound
  /// (`--loop-bound`) of them: a path on which the loop would go on past it
  /// stops the run with an error at the loop, so no run the model has is
  /// cut short silently. A break leaves the loop, a continue goes on to the
  /// next iteration; the paths are joined after each iteration, so rules
  /// grow with the bound times the body, not with the paths.
  std::vector<Path> execUnrolled(const UnrolledLoop &L, std::vector<Path> In) {
    if (const auto *W = llvm::dyn_cast<clang::WhileStmt>(L.Loop); W && W->getConditionVariable())
      Cx.fail(L.Loop->getBeginLoc(), "a declaration in a while loop's condition",
              "declare the variable before the loop");
    if (const auto *F = llvm::dyn_cast<clang::ForStmt>(L.Loop); F && F->getConditionVariable())
      Cx.fail(L.Loop->getBeginLoc(), "a declaration in a for loop's condition",
              "declare the variable before the loop");
    // An invariant's paths are the cases of its property, not steps of a
    // computation.
    if (Cx.JoinPrefix.empty())
      Cx.fail(L.Loop->getBeginLoc(), statementInCxxTerms(L.Loop),
              "an invariant states its property with if/else, returns, range-for loops over "
              "state containers and the <algorithm> tests");
    unsigned Bound = Cx.Proto.LoopBound;
    std::vector<Path> Paths = L.Init ? exec(L.Init, std::move(In)) : std::move(In);
    std::vector<Path> Out;
    for (unsigned Iteration = 0; !Paths.empty(); ++Iteration) {
      if (L.Cond && (L.TestFirst || Iteration > 0)) {
        std::vector<Path> Going;
        for (Path &P : Paths) {
          Out = concat(std::move(Out), Cx.assume(L.Cond, false, P));
          Going = concat(std::move(Going), Cx.assume(L.Cond, true, std::move(P)));
        }
        Paths = std::move(Going);
      }
      if (Iteration == Bound) {
        for (const Path &P : Paths)
          Cx.runError(P, L.Loop->getBeginLoc(),
                      "this loop runs more than the " + std::to_string(Bound) +
                          " iterations faultline unrolls (--loop-bound)",
                      Term::integer(Bound));
        break;
      }
      Paths = iterate(L.Loop, L.Body, L.Inc, std::move(Paths), Out);
    }
    return Out;
  }

  /// One iteration of an unrolled loop: its body, then its increment. The
  /// paths that leave the loop (a break, a return) go to Out; those that
  /// go on are returned, joined.
  std::vector<Path> iterate(const clang::Stmt *Loop, const clang::Stmt *Body,
                            const clang::Expr *Inc, std::vector<Path> Paths,
                            std::vector<Path> &Out) {
    if (Paths.empty())
      return Paths;
    bool SavedBreak = Cx.Here.BreakEndsSwitch, SavedUnrolled = Cx.Here.InUnrolledLoop;
    Cx.Here.BreakEndsSwitch = true;
    Cx.Here.InUnrolledLoop = true;
    Paths = exec(Body, std::move(Paths));
    Cx.Here.BreakEndsSwitch = SavedBreak;
    Cx.Here.InUnrolledLoop = SavedUnrolled;
    std::vector<Path> Next;
    for (Path &P : Paths) {
      P.Continued = false;
      if (P.Broke || P.Returned) {
        P.Broke = false;
        Out.push_back(std::move(P));
      } else {
        Next.push_back(std::move(P));
      }
    }
    if (Inc)
      Next = exec(Inc, std::move(Next));
    return Cx.joinPaths(std::move(Next), Loop);
  }

  /// The state container a loop walks.
  std::pair<Object, const StateMember *> stateContainer(const clang::Expr *Range,
                                                        clang::SourceLocation Loc) {
    Object Obj;
    const StateMember *State = nullptr;
    if (!Cx.memberState(Range, Obj, State) || State->K == StateMember::Kind::Scalar)
      Cx.fail(Loc, "a loop over something other than a state set or map",
              "loop over a std::set or std::map state member of the node (or of an "
              "invariant's process)");
    return {Obj, State};
  }

  LoweringContext &Cx;
};

} // namespace

std::vector<Path> LoweringContext::exec(const clang::Stmt *S, std::vector<Path> In) {
  return StatementLowering(*this).exec(S, std::move(In));
}

} // namespace faultline::frontend

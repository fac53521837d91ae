//===- LowerContainerReads.cpp - Reads of state sets, maps, vectors -------===//
//
// What a handler reads of a state container: membership (`count`, a found
// iterator), `empty`, `size`, an element (`at`, `[]`, `it->second`). A read
// sees the state at the start of the step with what the path itself
// inserted into (or cleared from) a set since, as C++ does; membership
// splits the path into a literal and its `notin`.
//
//===----------------------------------------------------------------------===//

#include "Idioms.h"
#include "LoweringContext.h"

namespace faultline::frontend {

using ir::Term;

namespace {

class ContainerReads {
public:
  explicit ContainerReads(LoweringContext &Cx) : Cx(Cx) {}

  /// `s.count(x)`, `s.contains(x)`, `s.empty()`, `s.size()` on a state set.
  std::optional<Valued> query(const clang::CXXMemberCallExpr *MC, const Path &P) {
    Object Obj;
    const StateMember *State = nullptr;
    if (!Cx.memberState(MC->getImplicitObjectArgument(), Obj, State) ||
        State->K == StateMember::Kind::Scalar)
      return std::nullopt;
    std::string Method = MC->getMethodDecl()->getNameAsString();
    if (State->K == StateMember::Kind::Vector &&
        (Method == "size" || (Method == "empty" && P.VectorEdits.count(State->Field))))
      return vectorLength(Obj, *State, Method == "empty", P);
    const Overlay *Seen = Cx.readable(P, *State, MC->getBeginLoc(), "reading");
    Term Node = Term::variable(Obj.Var);
    bool IsMap = State->keyed();
    bool IsVector = State->K == StateMember::Kind::Vector;
    // A set's element, or a map's key (with any value).
    auto Member = [&](Tuple X) {
      return append(append({Node}, X), wildcards(IsMap ? State->ValueColumns : 0));
    };
    Valued Out;
    if (!IsVector && (Method == "count" || Method == "contains") && MC->getNumArgs() == 1) {
      for (auto &[Q, X] : Cx.evalTuple(MC->getArg(0), P))
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
      Valued Out;
      if (require(Empty, atom(State->Relation, Member(wildcards(State->KeyColumns)), true)))
        Out.push_back({std::move(Empty), Term::integer(1)});
      if (require(Some, atom(State->Relation, Member(wildcards(State->KeyColumns)))))
        Out.push_back({std::move(Some), Term::integer(0)});
      return Out;
    }
    Cx.fail(MC->getBeginLoc(),
            "'" + Method + "' on a state " + (IsVector ? "vector" : IsMap ? "map" : "set"),
            IsVector ? "use push_back, pop_back, clear, resize, v[i] = x, size, empty, back, front, at, [] and "
                       "range-for"
            : IsMap  ? "use count, find, at, empty, size, m[key] = value, erase, clear, or a "
                       "range-for loop"
                     : "use count, find, empty, size, insert, erase, clear, or a range-for loop");
  }

  /// A vector's size (or, with Empty, 1 where it is empty and 0 where
  /// not), as the path's updates left it.
  Valued vectorLength(const Object &Obj, const StateMember &State, bool Empty, const Path &P) {
    Valued Out;
    for (auto &[Q, Size] : vectorSize(State, P, Obj.Var)) {
      if (!Empty) {
        Out.push_back({std::move(Q), Size});
        continue;
      }
      Path None = Q;
      if (compare(None, ir::CmpOp::EQ, Size, Term::integer(0)))
        Out.push_back({std::move(None), Term::integer(1)});
      if (compare(Q, ir::CmpOp::GT, Size, Term::integer(0)))
        Out.push_back({std::move(Q), Term::integer(0)});
    }
    return Out;
  }

  /// The size of Var's vector (the handler's own node's by default), after
  /// the path's updates of its own.
  Valued vectorSize(const StateMember &State, Path P, std::string Var = "") {
    if (Var.empty())
      Var = Cx.Here.Self.Var;
    if (auto Edit = P.VectorEdits.find(State.Field);
        Edit != P.VectorEdits.end() && Var == Cx.Here.Self.Var) {
      Term Size = Edit->second.Size;
      return Valued{{std::move(P), std::move(Size)}};
    }
    Term Node = Term::variable(Var);
    Cx.Fragment.needSize(State);
    // The emptiness test is the same literal on both sides, so that a path
    // that tested it before (`!v.empty()`) does not split again.
    Tuple Any = append({Node}, wildcards(1 + State.ValueColumns));
    Valued Out;
    Path Empty = P;
    if (require(Empty, atom(State.Relation, Any, true)))
      Out.push_back({std::move(Empty), Term::integer(0)});
    if (require(P, atom(State.Relation, Any))) {
      Term Count = Cx.freshVariable(State.Field->getName().str() + "Size");
      P.Body.push_back(atom(State.sizeRelation(), {Node, Count}));
      Out.push_back({std::move(P), Count});
    }
    return Out;
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
      Cx.Fragment.needSize(State);
      Path Empty = P, Some = P;
      unsigned Columns = State.KeyColumns + (State.keyed() ? State.ValueColumns : 0);
      Empty.Body.push_back(atom(State.Relation, append({Node}, wildcards(Columns)), true));
      Term Count = Cx.freshVariable(State.Field->getName().str() + "Size");
      Some.Body.push_back(atom(State.sizeRelation(), {Node, Count}));
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

  /// Splits P on whether the I-th element the path inserted into a set was
  /// already in it (at the start of the step, or inserted earlier on the
  /// path): {already there, new}.
  std::pair<std::vector<Path>, std::vector<Path>> alreadyThere(Path P, const StateMember &State,
                                                               const Overlay &O, size_t I) {
    const Tuple &X = O.Inserted[I];
    Tuple Cols = append({Term::variable(Cx.Here.Self.Var)}, X);
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

  /// `v[i]`, `v.at(i)` and `m.at(k)` on a state vector or map.
  std::optional<Tupled> elementRead(const clang::Expr *E, const Path &P) {
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == clang::OO_Subscript && Op->getNumArgs() == 2) {
      Object Obj;
      const StateMember *State = nullptr;
      if (Cx.memberState(Op->getArg(0), Obj, State) && State->K == StateMember::Kind::Vector)
        return element(Obj, *State, Op->getArg(1), P);
      Cx.fail(E->getBeginLoc(), "reading a map with []",
              "[] inserts a missing key; read with at() after testing count()");
    }
    const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(E);
    Object Obj;
    const StateMember *State = nullptr;
    if (MC && (MC->getMethodDecl()->getName() == "back" ||
               MC->getMethodDecl()->getName() == "front") &&
        MC->getNumArgs() == 0 && Cx.memberState(MC->getImplicitObjectArgument(), Obj, State) &&
        State->K == StateMember::Kind::Vector)
      return end(Obj, *State, MC->getMethodDecl()->getName() == "back", P, MC->getBeginLoc());
    if (!MC || MC->getMethodDecl()->getName() != "at" || MC->getNumArgs() != 1 ||
        !Cx.memberState(MC->getImplicitObjectArgument(), Obj, State) || !State->keyed())
      return std::nullopt;
    return element(Obj, *State, MC->getArg(0), P);
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
      Cx.fail(E->getBeginLoc(), "this use of a found element",
              IsMap ? "read it->first or it->second" : "read *it");
    Path Q = P;
    if (!IsMap || Field->getName() == "first")
      return Tupled{{std::move(Q), I.Key}};
    Tuple V = valueAt(I.Obj, *I.State, I.Key, Q, E->getBeginLoc());
    return Tupled{{std::move(Q), std::move(V)}};
  }

  const FoundIterator &iteratorOf(const clang::ValueDecl *D, const Path &P,
                                  clang::SourceLocation Loc) {
    auto It = P.Iterators.find(D);
    if (It == P.Iterators.end())
      Cx.fail(Loc, "this iterator", "look up with 'auto it = c.find(k);' on a state set or map");
    return It->second;
  }

private:
  /// The value under a key of a map (`at`) or an index of a vector (`at`,
  /// `[]`). Where it is missing C++ throws (or is undefined); that path is
  /// not modeled: test with count() or size() first.
  Tupled element(const Object &Obj, const StateMember &State, const clang::Expr *Key, Path P) {
    Tupled Out;
    for (auto &[Q, K] : Cx.evalTuple(Key, std::move(P))) {
      if (appendedInEarlierIteration(State, Q)) {
        // Most often a path the loop's own conditions rule out (the index
        // has moved past the size); a run that gets there stops here.
        Cx.runError(Q, Key->getBeginLoc(),
                    "reading '" + State.Field->getNameAsString() + "' after an earlier "
                    "iteration's push_back in one step, which faultline cannot model; the index",
                    K.front());
        continue;
      }
      Tuple V = valueAt(Obj, State, K, Q, Key->getBeginLoc());
      Out.push_back({std::move(Q), std::move(V)});
    }
    return Out;
  }

  /// In a loop run iteration by iteration, whether the path appended to
  /// the vector State before this read.
  bool appendedInEarlierIteration(const StateMember &State, const Path &P) const {
    if (!Cx.Here.InUnrolledLoop || State.K != StateMember::Kind::Vector)
      return false;
    auto Edit = P.VectorEdits.find(State.Field);
    return Edit != P.VectorEdits.end() && Edit->second.Appended;
  }

  /// `v.back()` (Last) or `v.front()`: undefined in C++ on an empty vector,
  /// a path the model does not have.
  Tupled end(const Object &Obj, const StateMember &State, bool Last, const Path &P,
             clang::SourceLocation Loc) {
    Tupled Out;
    Cx.readable(P, State, Loc, "reading");
    if (!Last) {
      Path Q = P;
      Tuple V = valueAt(Obj, State, {Term::integer(0)}, Q, Loc);
      return Tupled{{std::move(Q), std::move(V)}};
    }
    for (auto &[Q, Size] : vectorSize(State, P, Obj.Var)) {
      if (Size.K == Term::Kind::Integer)
        continue;
      Term Index = Cx.freshVariable("Last");
      Tuple V = valueAt(Obj, State, {Index}, Q, Loc);
      if (compare(Q, ir::CmpOp::EQ, Index, Term::arith('-', Size, Term::integer(1))))
        Out.push_back({std::move(Q), std::move(V)});
    }
    return Out;
  }

  /// The value under key K, joined into P.
  Tuple valueAt(const Object &Obj, const StateMember &State, const Tuple &K, Path &P,
                clang::SourceLocation Loc) {
    Cx.readable(P, State, Loc, "reading");
    Tuple V = Cx.fresh(typesOf(State, Cx.AST).second, State.Field->getName().str() + "At");
    P.Body.push_back(atom(State.Relation, append(append({Term::variable(Obj.Var)}, K), V)));
    return V;
  }

  LoweringContext &Cx;
};

} // namespace

Valued LoweringContext::vectorSize(const StateMember &State, Path P) {
  return ContainerReads(*this).vectorSize(State, std::move(P));
}

std::optional<Valued> LoweringContext::containerQuery(const clang::CXXMemberCallExpr *MC,
                                                      const Path &P) {
  return ContainerReads(*this).query(MC, P);
}

Valued LoweringContext::contains(const Object &Obj, const StateMember &State, const Tuple &X,
                                 Path P, const Overlay *Seen) {
  return ContainerReads(*this).contains(Obj, State, X, std::move(P), Seen);
}

std::pair<std::vector<Path>, std::vector<Path>>
LoweringContext::alreadyThere(Path P, const StateMember &State, const Overlay &O, size_t I) {
  return ContainerReads(*this).alreadyThere(std::move(P), State, O, I);
}

std::optional<Tupled> LoweringContext::elementRead(const clang::Expr *E, const Path &P) {
  return ContainerReads(*this).elementRead(E, P);
}

std::optional<Tupled> LoweringContext::iteratorRead(const clang::Expr *E,
                                                    const clang::FieldDecl *Field,
                                                    const Path &P) {
  return ContainerReads(*this).iteratorRead(E, Field, P);
}

const FoundIterator &LoweringContext::iteratorOf(const clang::ValueDecl *D, const Path &P,
                                                 clang::SourceLocation Loc) {
  return ContainerReads(*this).iteratorOf(D, P, Loc);
}

} // namespace faultline::frontend

//===- JoinPoints.cpp - Paths joined where a statement ends ----------------===//
//
// Symbolic execution gives every way through a function its own rule, so a
// handler with N independent ifs would give 2^N rules. Where a statement
// ends, the paths leaving it that the rest of the function treats alike are
// joined: each derives a tuple of an intermediate relation holding what the
// rest reads (the node, the handled message, the values of locals, of the
// state members read or assigned so far, of iterators and of elements
// inserted into sets), and one path reading that relation goes on. This is
// the phi of a compiler's SSA form at a join point, and what keeps
// Soufflé's ast2ram translation linear: rules grow with the statements.
//
// Paths that the rest would treat differently are not joined: one that has
// returned (or broken out of a switch) with one that goes on, different
// loop variables, iterators, inserts into sets that later reads can see
// through, or vectors resized on some paths only (each joined path carries
// its vector's new size). A member assigned on some of the joined paths only is carried
// with a flag saying where the assignment happened, so that elsewhere the
// old value persists as it did before the join.
//
//===----------------------------------------------------------------------===//

#include "LoweringContext.h"

#include <algorithm>

namespace faultline::frontend {

using ir::Term;

namespace {

/// Up to this many paths go on unjoined: a small handler's model stays one
/// rule per path, which reads best and leaves its lineage as short as it
/// was; past it, joining keeps the rules linear in the statements.
constexpr size_t MaxPathsUnjoined = 4;

bool sameShape(const Path &A, const Path &B) {
  if (A.Returned != B.Returned || A.Broke != B.Broke || A.Continued != B.Continued ||
      A.Quantified != B.Quantified || A.SortedLocals != B.SortedLocals ||
      A.Iterators.size() != B.Iterators.size() || A.Overlays.size() != B.Overlays.size())
    return false;
  for (const auto &[Decl, It] : A.Iterators) {
    auto Other = B.Iterators.find(Decl);
    if (Other == B.Iterators.end() || Other->second.State != It.State ||
        Other->second.Obj.Var != It.Obj.Var || Other->second.Key.size() != It.Key.size())
      return false;
  }
  if (A.VectorEdits.size() != B.VectorEdits.size())
    return false;
  for (const auto &[Field, Edit] : A.VectorEdits) {
    auto Other = B.VectorEdits.find(Field);
    if (Other == B.VectorEdits.end() || Other->second.Appended != Edit.Appended)
      return false;
  }
  for (const auto &[Field, O] : A.Overlays) {
    auto Other = B.Overlays.find(Field);
    if (Other == B.Overlays.end() || Other->second.Cleared != O.Cleared ||
        Other->second.Inserted.size() != O.Inserted.size())
      return false;
  }
  return true;
}

/// Whether a positive atom of P's body binds the variable Name.
bool binds(const Path &P, const std::string &Name) {
  for (const ir::BodyElem &E : P.Body)
    if (const auto *A = std::get_if<ir::Atom>(&E); A && !A->Negated)
      for (const Term &T : A->Args)
        if (T.K == Term::Kind::Variable && T.Text == Name)
          return true;
  return false;
}

/// Orders declarations by where they are written, so that the columns of a
/// join relation do not depend on where the AST happens to be in memory.
template <typename D> bool bySource(const D *A, const D *B) {
  return A->getBeginLoc().getRawEncoding() < B->getBeginLoc().getRawEncoding();
}

/// Keys of Map present in every path of Group (or, with Anywhere, in some).
template <typename K, typename V>
std::vector<K> keysIn(const std::vector<Path> &Group, std::map<K, V> Path::*Map, bool Anywhere) {
  std::vector<K> Out;
  std::set<K> Seen;
  for (const Path &P : Group)
    for (const auto &[Key, Value] : P.*Map) {
      if (!Seen.insert(Key).second)
        continue;
      const K &Wanted = Key;
      bool Everywhere = std::all_of(Group.begin(), Group.end(),
                                    [&](const Path &Q) { return (Q.*Map).count(Wanted) > 0; });
      if (Anywhere || Everywhere)
        Out.push_back(Key);
    }
  return Out;
}

class Joiner {
public:
  Joiner(LoweringContext &Cx, const clang::Stmt *After) : Cx(Cx), After(After) {}

  /// One path standing for every path of Group, after each has derived its
  /// tuple of a new join relation. With Values (one per path, the value of
  /// an expression on it), the joined path's value is set in Value.
  Path join(std::vector<Path> Group, const std::vector<Tuple> *Values = nullptr,
            Tuple *Value = nullptr) {
    std::string Relation = Cx.JoinPrefix + "_" + std::to_string(++Cx.Joins);
    std::vector<Tuple> Heads(Group.size());
    Path Joined;
    Joined.Returned = Group.front().Returned;
    Joined.Broke = Group.front().Broke;
    Joined.Continued = Group.front().Continued;
    Joined.SortedLocals = Group.front().SortedLocals;
    Joined.Quantified = Group.front().Quantified;
    // A column carries the same term on every path: what the function's
    // context defines once (the node, the message's fields, loop variables).
    Tuple Columns{Term::variable(Cx.Here.Self.Var)};
    for (const std::string &Name : contextVariables(Group))
      Columns.push_back(Term::variable(Name));
    for (Tuple &H : Heads)
      H = Columns;
    // A slot carries each path's own value, and the joined path a fresh
    // variable for it.
    auto Slot = [&](Tuple Fresh, auto Value) {
      for (size_t I = 0; I < Group.size(); ++I)
        Heads[I] = append(std::move(Heads[I]), Value(Group[I]));
      Columns = append(std::move(Columns), Fresh);
      return Fresh;
    };

    std::vector<const clang::ValueDecl *> Locals = keysIn(Group, &Path::Locals, false);
    std::sort(Locals.begin(), Locals.end(), bySource<clang::ValueDecl>);
    for (const clang::ValueDecl *D : Locals) {
      size_t Width = Group.front().Locals.at(D).size();
      if (!std::all_of(Group.begin(), Group.end(),
                       [&](const Path &P) { return P.Locals.at(D).size() == Width; }))
        continue;
      Joined.Locals[D] = Slot(freshLike(Group.front().Locals.at(D), D->getName()),
                              [&](Path &P) { return P.Locals.at(D); });
    }

    joinAssignments(Group, Joined, Slot);

    for (const auto &[Decl, It] : Group.front().Iterators) {
      const clang::ValueDecl *D = Decl;
      FoundIterator Found = It;
      Found.Key =
          Slot(freshLike(It.Key, D->getName()), [&](Path &P) { return P.Iterators.at(D).Key; });
      Joined.Iterators[D] = std::move(Found);
    }
    for (const auto &[Field, O] : Group.front().Overlays) {
      const clang::FieldDecl *F = Field;
      Overlay Seen{O.Cleared, {}};
      for (size_t I = 0; I < O.Inserted.size(); ++I)
        Seen.Inserted.push_back(Slot(freshLike(O.Inserted[I], F->getName()),
                                     [&](Path &P) { return P.Overlays.at(F).Inserted[I]; }));
      Joined.Overlays[F] = std::move(Seen);
    }
    for (const auto &[Field, Edit] : Group.front().VectorEdits) {
      const clang::FieldDecl *F = Field;
      Joined.VectorEdits[F] = VectorEdit{
          Slot(Tuple{Cx.freshVariable(F->getName().str() + "Size")},
               [&](Path &P) { return Tuple{P.VectorEdits.at(F).Size}; })
              .front(),
          Edit.Appended};
    }
    if (Values) {
      *Value = freshLike(Values->front(), "Value");
      for (size_t I = 0; I < Group.size(); ++I)
        Heads[I] = append(std::move(Heads[I]), (*Values)[I]);
      Columns = append(std::move(Columns), *Value);
    }
    for (const Path &P : Group) {
      Joined.Updated.insert(P.Updated.begin(), P.Updated.end());
      for (const auto &[Field, Rules] : P.MapWrites)
        Joined.MapWrites[Field].insert(Rules.begin(), Rules.end());
    }

    for (size_t I = 0; I < Group.size(); ++I)
      Cx.emit(atom(Relation, Heads[I]), ir::HeadTime::Now, Group[I], After->getBeginLoc());
    Joined.Body.push_back(atom(Relation, Columns));
    return Joined;
  }

private:
  /// The variables the function's context defines before any path splits,
  /// which the joined path must still bind.
  std::vector<std::string> contextVariables(const std::vector<Path> &Group) {
    std::vector<Term> Context;
    for (const auto &[Field, Value] : Cx.Handled.Fields)
      Context.insert(Context.end(), Value.begin(), Value.end());
    if (Cx.Handled.Message)
      Context.push_back(Term::variable("From"));
    if (Cx.Handled.Arrival)
      Context.push_back(*Cx.Handled.Arrival);
    if (Cx.Here.This)
      Context.insert(Context.end(), Cx.Here.This->begin(), Cx.Here.This->end());
    for (const auto &[Field, Key] : Cx.Here.Walked)
      if (Key)
        Context.insert(Context.end(), Key->begin(), Key->end());
    Context.insert(Context.end(), Group.front().Quantified.begin(), Group.front().Quantified.end());
    std::vector<std::string> Names, Out;
    for (const Term &T : Context)
      T.collectVariables(Names);
    std::sort(Names.begin(), Names.end());
    Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
    for (const std::string &N : Names)
      if (N != Cx.Here.Self.Var &&
          std::all_of(Group.begin(), Group.end(), [&](const Path &P) { return binds(P, N); }))
        Out.push_back(N);
    return Out;
  }

  /// Scalars read on every path, or assigned on any, go on with their
  /// values; a path that neither read nor assigned one reads it here. A
  /// member assigned on only some paths gets a flag (1 where assigned).
  template <typename SlotFn>
  void joinAssignments(std::vector<Path> &Group, Path &Joined, SlotFn &Slot) {
    using Key = std::pair<std::string, const clang::FieldDecl *>;
    std::vector<const clang::FieldDecl *> Assigned = keysIn(Group, &Path::Assigned, true);
    std::sort(Assigned.begin(), Assigned.end(), bySource<clang::FieldDecl>);
    std::vector<Key> Scalars = keysIn(Group, &Path::Scalars, false);
    for (const clang::FieldDecl *F : Assigned) {
      Key K{Cx.Here.Self.Var, F};
      if (std::find(Scalars.begin(), Scalars.end(), K) == Scalars.end())
        Scalars.push_back(K);
      for (Path &P : Group)
        if (!P.Scalars.count(K)) {
          const StateMember *State = Cx.Proto.stateOf(F);
          Tuple Old = Cx.fresh(F->getType(), F->getName());
          P.Body.push_back(atom(State->Relation, append({Term::variable(K.first)}, Old)));
          P.Scalars[K] = Old;
        }
    }
    std::sort(Scalars.begin(), Scalars.end(), [](const Key &A, const Key &B) {
      return A.first != B.first ? A.first < B.first : bySource(A.second, B.second);
    });
    for (const Key &K : Scalars)
      Joined.Scalars[K] = Slot(Cx.fresh(K.second->getType(), K.second->getName()),
                               [&](Path &P) { return P.Scalars.at(K); });
    for (const clang::FieldDecl *F : Assigned) {
      for (const Path &P : Group)
        if (auto Loc = P.Assigned.find(F); Loc != P.Assigned.end()) {
          Joined.Assigned[F] = Loc->second;
          break;
        }
      auto Everywhere = [&](const Path &P) {
        return P.Assigned.count(F) && !P.AssignedWhen.count(F);
      };
      if (std::all_of(Group.begin(), Group.end(), Everywhere))
        continue;
      Joined.AssignedWhen[F] =
          Slot(Tuple{Cx.freshVariable("Assigned_" + F->getNameAsString())}, [&](Path &P) -> Tuple {
            if (auto W = P.AssignedWhen.find(F); W != P.AssignedWhen.end())
              return {W->second};
            return {Term::integer(P.Assigned.count(F) ? 1 : 0)};
          }).front();
    }
  }

  /// Fresh variables as many as Value has columns, named after Name.
  Tuple freshLike(const Tuple &Value, llvm::StringRef Name) {
    Tuple Out;
    for (size_t I = 0; I < Value.size(); ++I)
      Out.push_back(Cx.freshVariable(Name));
    return Out;
  }

  LoweringContext &Cx;
  const clang::Stmt *After;
};

} // namespace

Tupled LoweringContext::joinValues(Tupled In, const clang::Stmt *At) {
  if (JoinPrefix.empty() || !Kind.joinsPaths() || In.size() <= MaxPathsUnjoined)
    return In;
  // A value a head can carry: no `_`, and every variable bound on its path.
  auto Carried = [](const Path &P, const Tuple &V) {
    std::vector<std::string> Names;
    for (const Term &T : V) {
      if (T.K == Term::Kind::Wildcard || T.K == Term::Kind::Aggregate)
        return false;
      T.collectVariables(Names);
    }
    return std::all_of(Names.begin(), Names.end(),
                       [&](const std::string &N) { return binds(P, N); });
  };
  std::vector<std::pair<std::vector<Path>, std::vector<Tuple>>> Groups;
  Tupled Out;
  for (auto &[P, V] : In) {
    if (!Carried(P, V)) {
      Out.emplace_back(std::move(P), std::move(V));
      continue;
    }
    size_t Width = V.size();
    auto Alike = std::find_if(Groups.begin(), Groups.end(), [&](const auto &G) {
      return G.second.front().size() == Width && sameShape(G.first.front(), P);
    });
    if (Alike == Groups.end()) {
      Groups.emplace_back();
      Alike = std::prev(Groups.end());
    }
    Alike->first.push_back(std::move(P));
    Alike->second.push_back(std::move(V));
  }
  for (auto &[Paths, Values] : Groups) {
    if (Paths.size() < 2) {
      Out.emplace_back(std::move(Paths.front()), std::move(Values.front()));
      continue;
    }
    Tuple Value;
    Path Joined = Joiner(*this, At).join(std::move(Paths), &Values, &Value);
    Out.emplace_back(std::move(Joined), std::move(Value));
  }
  return Out;
}

Valued LoweringContext::joinValues(Valued In, const clang::Stmt *At) {
  if (In.size() <= MaxPathsUnjoined)
    return In;
  Valued Out;
  for (auto &[P, V] : joinValues(tuples(std::move(In)), At))
    Out.emplace_back(std::move(P), std::move(V.front()));
  return Out;
}

std::vector<Path> LoweringContext::joinEnds(std::vector<Path> Ends, const clang::Stmt *Body) {
  // Each end emits two rules per member it assigned; joined, each emits
  // one rule into the join and the join two per member any assigned.
  size_t Apart = 0;
  std::set<const clang::FieldDecl *> Any;
  for (const Path &P : Ends) {
    Apart += 2 * P.Assigned.size();
    for (const auto &[Field, Loc] : P.Assigned)
      Any.insert(Field);
  }
  if (Apart <= Ends.size() + 2 * Any.size())
    return Ends;
  return joinPaths(std::move(Ends), Body);
}

std::vector<Path> LoweringContext::joinPaths(std::vector<Path> In, const clang::Stmt *After) {
  if (JoinPrefix.empty() || !Kind.joinsPaths())
    return In;
  // A path that returned from the handler (not from a helper) with nothing
  // assigned has nothing left to emit.
  if (Here.Depth == 0)
    In.erase(std::remove_if(In.begin(), In.end(),
                            [](const Path &P) { return P.Returned && P.Assigned.empty(); }),
             In.end());
  if (In.size() <= MaxPathsUnjoined)
    return In;
  std::vector<std::vector<Path>> Groups;
  for (Path &P : In) {
    auto Alike = std::find_if(Groups.begin(), Groups.end(),
                              [&](const std::vector<Path> &G) { return sameShape(G.front(), P); });
    if (Alike != Groups.end())
      Alike->push_back(std::move(P));
    else
      Groups.emplace_back().push_back(std::move(P));
  }
  std::vector<Path> Out;
  for (std::vector<Path> &G : Groups) {
    if (G.size() < 2) {
      Out = concat(std::move(Out), std::move(G));
      continue;
    }
    Out.push_back(Joiner(*this, After).join(std::move(G)));
  }
  return Out;
}

} // namespace faultline::frontend

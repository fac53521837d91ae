//===- Instances.cpp - The rule instances that might derive a tuple -------===//
//
// Negative support asks, of a tuple a `notin` relied on being absent, what
// could make it appear in another run. The rule instances that might derive
// it are read off a run that holds every tuple any run can hold (made with
// EvalOptions::IgnoreNegation and no faults): a backtracking join of the
// rule's positive atoms over that run's tables, starting from the values
// the head fixes. It runs a few times per lineage, not inside the fixpoint,
// so it favours being simple and never under-approximating over speed.
//
//===----------------------------------------------------------------------===//

#include "faultline/Eval/Evaluator.h"

#include "CompiledRule.h"

#include <optional>

namespace faultline::eval {

namespace {

using Slots = std::vector<std::optional<Value>>;

class InstanceFinder {
public:
  InstanceFinder(const CompiledRule &Rule, const Run &Over, const SymbolTable &Syms,
                 const TuplePattern &Head, int BodyTime, uint64_t &Work, uint64_t WorkLimit,
                 const std::function<void(const RuleInstance &)> &Out)
      : Rule(Rule), Over(Over), Syms(Syms), Head(Head), BodyTime(BodyTime), Work(Work),
        WorkLimit(WorkLimit), Out(Out) {}

  /// False once the work limit is reached.
  bool run() {
    Slots S(Rule.NumSlots);
    for (size_t I = 0; I < Rule.Head.size() && I < Head.Values.size(); ++I) {
      if (wild(Head, I))
        continue;
      const CTerm &T = Rule.Head[I];
      // A selection's value is the value of its variable in the instance
      // that the run selects.
      bool Selected = Rule.IsSelection && T.K == CTerm::Kind::Aggregate && T.Slot >= 0;
      if (!(Selected ? bindSlot(T.Slot, Head.Values[I], S) : bind(T, Head.Values[I], S)))
        return true; // no instance: the head cannot match
    }
    Matched.clear();
    return join(0, S);
  }

private:
  static bool wild(const TuplePattern &P, size_t Col) { return P.wild(Col); }

  int atomTime(const CAtom &A) const {
    return A.AtTime ? static_cast<int>(*A.AtTime) : BodyTime;
  }

  /// The value of a term under S, if every slot it reads is bound and its
  /// arithmetic is defined.
  static std::optional<Value> value(const CTerm &T, const Slots &S) {
    switch (T.K) {
    case CTerm::Kind::Const:
      return T.C;
    case CTerm::Kind::Slot:
      return T.Slot >= 0 ? S[T.Slot] : std::nullopt;
    case CTerm::Kind::Wild:
    case CTerm::Kind::Aggregate:
      return std::nullopt;
    case CTerm::Kind::Arith: {
      auto L = value(T.Args[0], S), R = value(T.Args[1], S);
      if (!L || !R || !L->isInt() || !R->isInt())
        return std::nullopt;
      int64_t V = 0;
      bool Overflow = false;
      switch (T.Op) {
      case '+':
        Overflow = __builtin_add_overflow(L->V, R->V, &V);
        break;
      case '-':
        Overflow = __builtin_sub_overflow(L->V, R->V, &V);
        break;
      case '*':
        Overflow = __builtin_mul_overflow(L->V, R->V, &V);
        break;
      case '/':
      case '%':
        if (R->V == 0 || (L->V == INT64_MIN && R->V == -1))
          return std::nullopt;
        V = T.Op == '/' ? L->V / R->V : L->V % R->V;
        break;
      default:
        return std::nullopt;
      }
      if (Overflow)
        return std::nullopt;
      return Value::integer(V);
    }
    }
    return std::nullopt;
  }

  /// Unifies a term with a value: binds a free slot, checks what is known,
  /// and lets through what cannot be evaluated.
  static bool bind(const CTerm &T, Value V, Slots &S) {
    if (T.K == CTerm::Kind::Slot && T.Slot >= 0)
      return bindSlot(T.Slot, V, S);
    auto Known = value(T, S);
    return !Known || *Known == V;
  }

  /// Binds a free slot, or checks the value of a bound one.
  static bool bindSlot(int Slot, Value V, Slots &S) {
    if (!S[Slot]) {
      S[Slot] = V;
      return true;
    }
    return *S[Slot] == V;
  }

  bool compare(const CComparison &C, const Slots &S) const {
    auto L = value(C.LHS, S), R = value(C.RHS, S);
    if (!L || !R)
      return true;
    switch (C.Op) {
    case ir::CmpOp::EQ:
      return *L == *R;
    case ir::CmpOp::NE:
      return *L != *R;
    default:
      break;
    }
    if (L->K != R->K)
      return true; // an evaluation error in a real run; not ours to judge
    switch (C.Op) {
    case ir::CmpOp::LT:
      return Syms.less(*L, *R);
    case ir::CmpOp::LE:
      return !Syms.less(*R, *L);
    case ir::CmpOp::GT:
      return Syms.less(*R, *L);
    case ir::CmpOp::GE:
      return !Syms.less(*L, *R);
    default:
      return true;
    }
  }

  bool join(size_t AtomIndex, const Slots &S) {
    if (AtomIndex == Rule.Positives.size()) {
      emit(S);
      return true;
    }
    const CAtom &A = Rule.Positives[AtomIndex];
    int T = atomTime(A);
    if (T < 1 || T > Over.EOT)
      return true;
    // Fully bound: one lookup instead of a scan.
    Tuple Key;
    for (const CTerm &Arg : A.Args) {
      auto V = value(Arg, S);
      if (!V)
        break;
      Key.push_back(*V);
    }
    if (Key.size() == A.Args.size()) {
      if (++Work > WorkLimit)
        return false;
      if (auto Id = Over.find(A.Rel, T, Key))
        return matchRow(AtomIndex, *Id, S);
      return true;
    }
    for (TupleId Id : Over.table(A.Rel, T)) {
      if (++Work > WorkLimit)
        return false;
      if (!matchRow(AtomIndex, Id, S))
        return false;
    }
    return true;
  }

  bool matchRow(size_t AtomIndex, TupleId Id, const Slots &S) {
    const CAtom &A = Rule.Positives[AtomIndex];
    const Tuple &Row = Over.Tuples[Id].Values;
    if (Row.size() != A.Args.size())
      return true;
    Slots Next = S;
    for (size_t I = 0; I < Row.size(); ++I)
      if (!bind(A.Args[I], Row[I], Next))
        return true;
    Matched.push_back({A.Rel, atomTime(A), Row, {}});
    bool Ok = join(AtomIndex + 1, Next);
    Matched.pop_back();
    return Ok;
  }

  void emit(Slots S) {
    for (const CComparison &C : Rule.Comparisons)
      if (!compare(C, S))
        return;
    // Computed head columns (C+1) are checked now that the body is bound.
    for (size_t I = 0; I < Rule.Head.size() && I < Head.Values.size(); ++I)
      if (!wild(Head, I) && !bind(Rule.Head[I], Head.Values[I], S))
        return;
    RuleInstance Inst;
    Inst.Rule = Rule.Index;
    Inst.Positives = Matched;
    for (const CAtom &A : Rule.Negatives) {
      TuplePattern P{A.Rel, atomTime(A), {}, {}};
      for (size_t I = 0; I < A.Args.size(); ++I) {
        auto V = value(A.Args[I], S);
        if (!V)
          P.setWild(I);
        P.Values.push_back(V ? *V : Value());
      }
      Inst.Negatives.push_back(std::move(P));
    }
    // A selection picks one value per group: a head of the same group with
    // another value, where the run has one, keeps this one from appearing.
    if (Rule.IsSelection) {
      TuplePattern Rival = Head;
      for (size_t I = 0; I < Rule.Head.size(); ++I)
        if (Rule.Head[I].K == CTerm::Kind::Aggregate)
          Rival.setWild(I);
      Inst.Negatives.push_back(std::move(Rival));
    }
    Out(Inst);
  }

  const CompiledRule &Rule;
  const Run &Over;
  const SymbolTable &Syms;
  const TuplePattern &Head;
  int BodyTime;
  uint64_t &Work;
  uint64_t WorkLimit;
  const std::function<void(const RuleInstance &)> &Out;
  std::vector<TuplePattern> Matched;
};

} // namespace

bool Evaluator::instancesDeriving(const Run &Over, const TuplePattern &Head,
                                  const std::function<void(const RuleInstance &)> &Out,
                                  uint64_t WorkLimit) const {
  uint64_t Work = 0;
  for (const std::unique_ptr<CompiledRule> &Rule : Rules) {
    if (Rule->HeadRel != Head.Rel || Rule->Head.size() != Head.Values.size())
      continue;
    int BodyTime = Rule->Time == ir::HeadTime::Now ? Head.Time : Head.Time - 1;
    if (BodyTime < 1)
      continue;
    InstanceFinder Finder(*Rule, Over, Symbols, Head, BodyTime, Work, WorkLimit, Out);
    if (!Finder.run())
      return false;
  }
  return true;
}

} // namespace faultline::eval

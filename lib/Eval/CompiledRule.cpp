//===- CompiledRule.cpp - Lowering rules to join plans --------------------===//

#include "CompiledRule.h"

#include <map>

namespace faultline::eval {

void CTerm::collectSlots(std::vector<int> &Out) const {
  if (K == Kind::Slot || K == Kind::Aggregate)
    Out.push_back(Slot);
  for (const CTerm &A : Args)
    A.collectSlots(Out);
}

namespace {

class RuleCompiler {
public:
  RuleCompiler(SymbolTable &Symbols) : Symbols(Symbols) {}

  CTerm term(const ir::Term &T) {
    CTerm C;
    C.Loc = T.Loc;
    switch (T.K) {
    case ir::Term::Kind::Variable:
      C.K = CTerm::Kind::Slot;
      C.Slot = slot(T.Text);
      break;
    case ir::Term::Kind::Wildcard:
      C.K = CTerm::Kind::Wild;
      break;
    case ir::Term::Kind::Integer:
      C.K = CTerm::Kind::Const;
      C.C = Value::integer(T.Int);
      break;
    case ir::Term::Kind::String:
    case ir::Term::Kind::Symbol:
      C.K = CTerm::Kind::Const;
      C.C = Symbols.str(T.Text);
      break;
    case ir::Term::Kind::Arith:
      C.K = CTerm::Kind::Arith;
      C.Op = T.Op;
      for (const ir::Term &A : T.Args)
        C.Args.push_back(term(A));
      break;
    case ir::Term::Kind::Aggregate:
      C.K = CTerm::Kind::Aggregate;
      C.AggFn = T.Text;
      C.Slot = T.Args.empty() ? -1 : slot(T.Args[0].Text);
      break;
    }
    return C;
  }

  int slot(const std::string &Name) {
    auto [It, Inserted] = Slots.try_emplace(Name, static_cast<int>(Slots.size()));
    (void)Inserted;
    return It->second;
  }

  unsigned numSlots() const { return static_cast<unsigned>(Slots.size()); }

private:
  SymbolTable &Symbols;
  std::map<std::string, int> Slots;
};

} // namespace

CompiledRule compileRule(const ir::Rule &R, uint32_t Index, SymbolTable &Symbols,
                         const std::function<RelId(const std::string &)> &RelOf) {
  RuleCompiler RC(Symbols);
  CompiledRule C;
  C.Index = Index;
  C.Source = &R;
  C.Time = R.Time;
  C.HasAggregate = R.hasAggregate();
  C.IsSelection = R.isSelection();
  C.HeadRel = RelOf(R.Head.Relation);

  // Body first, so that slot numbers follow binding order.
  bool LocationSet = false;
  for (const ir::BodyElem &E : R.Body) {
    if (const auto *A = std::get_if<ir::Atom>(&E)) {
      CAtom CA;
      CA.Rel = RelOf(A->Relation);
      CA.AtTime = A->AtTime;
      CA.Loc = A->Loc;
      for (const ir::Term &T : A->Args)
        CA.Args.push_back(RC.term(T));
      if (!LocationSet && !CA.Args.empty()) {
        C.Location = CA.Args[0];
        LocationSet = true;
      }
      (A->Negated ? C.Negatives : C.Positives).push_back(std::move(CA));
    } else {
      const auto &Cmp = std::get<ir::Comparison>(E);
      C.Comparisons.push_back({Cmp.Op, RC.term(Cmp.LHS), RC.term(Cmp.RHS), Cmp.Loc});
    }
  }
  for (const ir::Term &T : R.Head.Args)
    C.Head.push_back(RC.term(T));
  C.NumSlots = RC.numSlots();

  std::vector<uint32_t> Order;
  for (uint32_t I = 0; I < C.Positives.size(); ++I)
    Order.push_back(I);
  C.FullPlan = C.makePlan(Order, std::vector<RowRange>(Order.size(), RowRange::All));
  return C;
}

static bool allBound(const std::vector<int> &Slots, const std::vector<bool> &Bound) {
  for (int S : Slots)
    if (!Bound[S])
      return false;
  return true;
}

JoinPlan CompiledRule::makePlan(const std::vector<uint32_t> &Order,
                                const std::vector<RowRange> &Ranges) const {
  // Every filter with the slots it needs; each is placed after the first
  // step that binds all of them.
  struct Pending {
    Filter F;
    std::vector<int> Slots;
    bool Placed = false;
  };
  std::vector<Pending> Filters;
  for (uint32_t I = 0; I < Negatives.size(); ++I) {
    Pending P{{Filter::Kind::Negation, I, 0}, {}};
    for (const CTerm &T : Negatives[I].Args)
      T.collectSlots(P.Slots);
    Filters.push_back(std::move(P));
  }
  for (uint32_t I = 0; I < Comparisons.size(); ++I) {
    Pending P{{Filter::Kind::Comparison, I, 0}, {}};
    Comparisons[I].LHS.collectSlots(P.Slots);
    Comparisons[I].RHS.collectSlots(P.Slots);
    Filters.push_back(std::move(P));
  }
  for (uint32_t I = 0; I < Positives.size(); ++I)
    for (uint32_t Col = 0; Col < Positives[I].Args.size(); ++Col)
      if (Positives[I].Args[Col].K == CTerm::Kind::Arith) {
        Pending P{{Filter::Kind::Column, I, Col}, {}};
        Positives[I].Args[Col].collectSlots(P.Slots);
        Filters.push_back(std::move(P));
      }

  JoinPlan Plan;
  std::vector<bool> Bound(NumSlots, false);
  // A computed column is compared with the row its atom's scan visits, so it
  // waits for that scan even when its slots are bound earlier.
  std::vector<bool> Scanned(Positives.size(), false);
  auto PlaceReady = [&](std::vector<Filter> &Into) {
    for (Pending &P : Filters)
      if (!P.Placed && allBound(P.Slots, Bound) &&
          (P.F.K != Filter::Kind::Column || Scanned[P.F.Index])) {
        Into.push_back(P.F);
        P.Placed = true;
      }
  };
  PlaceReady(Plan.Before);
  for (size_t I = 0; I < Order.size(); ++I) {
    PlanStep Step;
    Step.Atom = Order[I];
    Step.Range = Ranges[I];
    const CAtom &A = Positives[Step.Atom];
    for (uint32_t Col = 0; Col < A.Args.size(); ++Col) {
      const CTerm &T = A.Args[Col];
      if (T.K == CTerm::Kind::Const || (T.K == CTerm::Kind::Slot && Bound[T.Slot]))
        Step.BoundCols.push_back(Col);
    }
    for (const CTerm &T : A.Args)
      if (T.K == CTerm::Kind::Slot)
        Bound[T.Slot] = true;
    Scanned[Step.Atom] = true;
    // A column computed from slots bound by this very atom is checked here.
    PlaceReady(Step.After);
    Plan.Steps.push_back(std::move(Step));
  }
  return Plan;
}

} // namespace faultline::eval

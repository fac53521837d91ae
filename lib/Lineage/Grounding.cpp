//===- Grounding.cpp - The run negative support is grounded in ------------===//
//
// One run per search with every `notin` dropped and no faults, enriched
// with every crash tuple and every value a selection may pick where that
// stays within a budget: it holds every tuple any run within the bounds can
// hold, except of the relations it reports as ungrounded.
//
//===----------------------------------------------------------------------===//

#include "faultline/Lineage/Lineage.h"

#include "faultline/IR/ReservedNames.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <variant>

namespace faultline::lineage {

/// How much larger than the failure-free run the grounding's run may grow
/// with every crash or every selection before it is given up.
static constexpr uint64_t EnrichedFactor = 20;
static constexpr uint64_t MinEnrichedTuples = 20'000;

std::unique_ptr<Grounding> Grounding::make(const eval::Evaluator &Ev, const Bounds &B,
                                           const eval::EvalLimits &Limits,
                                           size_t FaultFreeTuples) {
  std::unique_ptr<Grounding> G(new Grounding(Ev));
  eval::EvalOptions EO;
  EO.IgnoreNegation = true;
  // Read for its tables alone: no firings' bodies.
  EO.Provenance = false;
  // Every timer fires at every step its slack allows: a delay only moves a
  // firing within that window.
  EO.EveryTimer = true;
  EO.Limits = Limits;
  // Its failure only costs precision: nothing to report.
  ir::DiagnosticEngine Quiet(llvm::nulls());
  // Every node crashing at every time, or every value a min<> may select,
  // can make the run exceed its limits; then what they would ground stays
  // ungrounded.
  const uint64_t EnrichedTuples =
      FaultFreeTuples ? std::max<uint64_t>(MinEnrichedTuples, EnrichedFactor * FaultFreeTuples)
                      : 0;
  for (auto [Crashes, Selections] : {std::pair{true, true}, {false, true}, {true, false},
                                     {false, false}}) {
    EO.EveryCrash = Crashes;
    EO.EverySelection = Selections;
    EO.Limits = Limits;
    if (EnrichedTuples && (Crashes || Selections)) {
      if (!EO.Limits.MaxTuples || EnrichedTuples < EO.Limits.MaxTuples)
        EO.Limits.MaxTuples = EnrichedTuples;
      if (!EO.Limits.MaxStepDerivations || EnrichedTuples < EO.Limits.MaxStepDerivations)
        EO.Limits.MaxStepDerivations = EnrichedTuples;
    }
    if ((G->Over = Ev.run(B, FaultSet(), Quiet, EO)))
      break;
  }
  if (!G->Over)
    return nullptr;
  bool CrashesGrounded = EO.EveryCrash, SelectionsGrounded = EO.EverySelection;
  // Relations whose tuples may go beyond Over: derived by a rule with an
  // aggregate that is not a selection grounded as such (count<> and sum<>
  // are not monotone) or, unless Over has every crash tuple, a positive read
  // of `crash`, or from such a relation through positive reads.
  const ir::Program &P = Ev.program();
  std::set<std::string> Beyond;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const ir::Rule &Rule : P.Rules) {
      if (Beyond.count(Rule.Head.Relation))
        continue;
      bool Out = Rule.hasAggregate() && !(SelectionsGrounded && Rule.isSelection());
      for (const ir::BodyElem &E : Rule.Body)
        if (const auto *A = std::get_if<ir::Atom>(&E); A && !A->Negated)
          Out = Out || Beyond.count(A->Relation) ||
                (!CrashesGrounded && A->Relation == ir::CrashRelation);
      if (Out)
        Changed = Beyond.insert(Rule.Head.Relation).second || Changed;
    }
  }
  const std::vector<std::string> &Names = Ev.relationNames();
  G->Ungrounded.resize(Names.size());
  for (size_t I = 0; I < Names.size(); ++I)
    G->Ungrounded[I] = Beyond.count(Names[I]) != 0;
  return G;
}

size_t Grounding::PatternHash::operator()(const eval::TuplePattern &P) const {
  size_t H = (static_cast<size_t>(P.Rel) << 32) ^ static_cast<size_t>(P.Time);
  for (size_t I = 0; I < P.Values.size(); ++I)
    H = (H ^ (P.wild(I) ? size_t(0x5bd1e995)
                        : static_cast<size_t>(P.Values[I].V) * 2 +
                              static_cast<size_t>(P.Values[I].K))) *
        0x9E3779B97F4A7C15ull;
  return H;
}

bool Grounding::PatternEq::operator()(const eval::TuplePattern &A,
                                      const eval::TuplePattern &B) const {
  if (A.Rel != B.Rel || A.Time != B.Time || A.Values.size() != B.Values.size())
    return false;
  for (size_t I = 0; I < A.Values.size(); ++I)
    if (A.wild(I) != B.wild(I) || (!A.wild(I) && A.Values[I] != B.Values[I]))
      return false;
  return true;
}

/// The most rule instances the memo keeps over a search (a few hundred
/// bytes each): a grounding whose patterns have more is answered anew for
/// the patterns beyond it.
static constexpr size_t MaxMemoInstances = 1'000'000;

const Grounding::Instances &Grounding::instancesDeriving(const eval::TuplePattern &A) const {
  if (auto It = Memo.find(A); It != Memo.end())
    return It->second;
  Instances Found;
  Found.Complete = Ev.instancesDeriving(
      *Over, A, [&](const eval::RuleInstance &I) { Found.List.push_back(I); });
  if (MemoInstances + Found.List.size() > MaxMemoInstances) {
    // Not kept: answered from a scratch slot that the next such call reuses.
    Scratch = std::move(Found);
    return Scratch;
  }
  MemoInstances += Found.List.size();
  return Memo.emplace(A, std::move(Found)).first->second;
}

} // namespace faultline::lineage

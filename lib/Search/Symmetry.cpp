//===- Symmetry.cpp - Node permutations that fix the program --------------===//
//
// Renaming nodes by a permutation that maps the program's facts onto
// themselves and fixes every node its rules name turns each run into the
// run of the renamed fault set, violations included: a fault set whose image
// was run needs no run of its own (Molly skips such sets too). The one other
// thing that tells node names apart is ordering them as strings (`<` on
// text, min/max over them); a program that might do so gets no symmetry.
//
//===----------------------------------------------------------------------===//

#include "Symmetry.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace faultline::search {

namespace {

using FactKey = std::tuple<std::string, int64_t, std::vector<std::string>>;

/// A term as text, with its kind, so that "a" and the integer never meet.
std::string termText(const ir::Term &T, const std::map<std::string, std::string> *Rename) {
  if (T.K == ir::Term::Kind::Integer)
    return "#" + std::to_string(T.Int);
  std::string Text = T.Text;
  if (Rename)
    if (auto It = Rename->find(Text); It != Rename->end())
      Text = It->second;
  return "$" + Text;
}

std::set<FactKey> facts(const ir::Program &P, const std::map<std::string, std::string> *Rename) {
  std::set<FactKey> Out;
  for (const ir::Fact &F : P.Facts) {
    std::vector<std::string> Args;
    for (const ir::Term &T : F.Head.Args)
      Args.push_back(termText(T, Rename));
    Out.insert({F.Head.Relation, F.Time, std::move(Args)});
  }
  return Out;
}

void collectConstants(const ir::Term &T, std::set<std::string> &Out) {
  if (T.K == ir::Term::Kind::String || T.K == ir::Term::Kind::Symbol)
    Out.insert(T.Text);
  for (const ir::Term &A : T.Args)
    collectConstants(A, Out);
}

/// Whether the program might order node names: a min or max aggregate, or
/// an ordering comparison in a rule whose instances the grounding run may
/// not all have seen, or one that did order strings there.
bool mayOrderNodes(const ir::Program &P, const lineage::Grounding &G) {
  if (G.Over->OrderedStrings)
    return true;
  for (const ir::Rule &R : P.Rules) {
    for (const ir::Term &H : R.Head.Args)
      if (H.K == ir::Term::Kind::Aggregate && (H.Text == "min" || H.Text == "max"))
        return true;
    bool Orders = false, Ungrounded = false;
    for (const ir::BodyElem &E : R.Body) {
      if (const auto *C = std::get_if<ir::Comparison>(&E))
        Orders = Orders || (C->Op != ir::CmpOp::EQ && C->Op != ir::CmpOp::NE);
      else if (const auto *A = std::get_if<ir::Atom>(&E); A && !A->Negated) {
        auto Names = G.Ev.relationNames();
        auto It = std::find(Names.begin(), Names.end(), A->Relation);
        Ungrounded = Ungrounded || It == Names.end() || G.Ungrounded[It - Names.begin()];
      }
    }
    if (Orders && Ungrounded)
      return true;
  }
  return false;
}

} // namespace

std::vector<NodeRenaming> nodeSymmetries(const ir::Program &P, const Bounds &B,
                                         const lineage::Grounding *G) {
  // 7! permutations is the most worth walking.
  if (!G || B.Nodes.size() < 2 || B.Nodes.size() > 7 || mayOrderNodes(P, *G))
    return {};
  std::set<std::string> Fixed;
  for (const ir::Rule &R : P.Rules) {
    for (const ir::Term &T : R.Head.Args)
      collectConstants(T, Fixed);
    for (const ir::BodyElem &E : R.Body) {
      if (const auto *A = std::get_if<ir::Atom>(&E)) {
        for (const ir::Term &T : A->Args)
          collectConstants(T, Fixed);
      } else {
        const auto &C = std::get<ir::Comparison>(E);
        collectConstants(C.LHS, Fixed);
        collectConstants(C.RHS, Fixed);
      }
    }
  }
  std::set<FactKey> Original = facts(P, nullptr);
  std::vector<NodeRenaming> Out;
  // Each permutation of the sorted nodes is the image of the sorted order.
  std::vector<std::string> Sorted = B.Nodes;
  std::sort(Sorted.begin(), Sorted.end());
  std::vector<std::string> Image = Sorted;
  do {
    NodeRenaming Rename;
    bool Identity = true, Ok = true;
    for (size_t I = 0; I < Sorted.size(); ++I) {
      Rename[Sorted[I]] = Image[I];
      if (Sorted[I] != Image[I]) {
        Identity = false;
        Ok = Ok && !Fixed.count(Sorted[I]);
      }
    }
    if (Identity || !Ok)
      continue;
    if (facts(P, &Rename) == Original)
      Out.push_back(std::move(Rename));
  } while (std::next_permutation(Image.begin(), Image.end()));
  return Out;
}

FaultSet rename(const FaultSet &F, const NodeRenaming &R) {
  auto Of = [&R](const std::string &N) {
    auto It = R.find(N);
    return It == R.end() ? N : It->second;
  };
  FaultSet Out;
  for (const Omission &O : F.Omissions)
    Out.Omissions.push_back({Of(O.From), Of(O.To), O.Time});
  for (const Crash &C : F.Crashes)
    Out.Crashes.push_back({Of(C.Node), C.Time});
  for (const Restart &Re : F.Restarts)
    Out.Restarts.push_back({Of(Re.Node), Re.Time});
  for (const TimerDelay &D : F.TimerDelays)
    Out.TimerDelays.push_back({Of(D.Node), D.Timer, D.Due, D.Delay});
  Out.normalize();
  return Out;
}

} // namespace faultline::search

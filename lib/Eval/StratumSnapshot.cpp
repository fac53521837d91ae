//===- StratumSnapshot.cpp - The tuples of a stratum at one moment --------===//

#include "StratumSnapshot.h"

#include <algorithm>

namespace faultline::eval {

void StratumSnapshot::add(RelId Rel, const Tuple &Values, std::optional<uint32_t> Rule) {
  Rows[Rel].insert(Values);
  if (Rule)
    RuleOf.try_emplace({Rel, Values}, *Rule);
}

bool StratumSnapshot::contains(RelId Rel, const std::vector<uint32_t> &Cols,
                               const Tuple &Key) const {
  auto It = Rows.find(Rel);
  if (It == Rows.end() || It->second.empty())
    return false;
  if (Cols.size() == It->second.begin()->size())
    return It->second.count(Key) != 0;
  auto [Proj, Fresh] = Projections.try_emplace({Rel, Cols});
  if (Fresh)
    for (const Tuple &T : It->second) {
      Tuple P;
      for (uint32_t C : Cols)
        P.push_back(T[C]);
      Proj->second.insert(std::move(P));
    }
  return Proj->second.count(Key) != 0;
}

std::vector<StratumSnapshot::Entry>
StratumSnapshot::difference(const StratumSnapshot &O) const {
  std::vector<Entry> Out;
  auto OneWay = [&](const StratumSnapshot &A, const StratumSnapshot &B) {
    for (const auto &[Rel, Set] : A.Rows)
      for (const Tuple &T : Set) {
        auto In = B.Rows.find(Rel);
        if (In != B.Rows.end() && In->second.count(T))
          continue;
        auto Rule = A.RuleOf.find({Rel, T});
        Out.emplace_back(Rel, T,
                         Rule == A.RuleOf.end() ? std::nullopt
                                                : std::optional<uint32_t>(Rule->second));
      }
  };
  OneWay(*this, O);
  OneWay(O, *this);
  std::sort(Out.begin(), Out.end());
  return Out;
}

} // namespace faultline::eval

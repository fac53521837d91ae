//===- Run.cpp - Tables of one execution ----------------------------------===//

#include "faultline/Eval/Run.h"

#include "faultline/IR/ReservedNames.h"

#include <algorithm>

namespace faultline::eval {

void Run::init(std::vector<std::string> Rels, int EndOfTime) {
  RelNames = std::move(Rels);
  EOT = EndOfTime;
  RelIds.clear();
  for (RelId I = 0; I < RelNames.size(); ++I)
    RelIds.emplace(RelNames[I], I);
  Tables.assign(EOT + 2, std::vector<Table>(RelNames.size()));
}

std::optional<RelId> Run::relation(const std::string &Name) const {
  auto It = RelIds.find(Name);
  if (It == RelIds.end())
    return std::nullopt;
  return It->second;
}

const std::vector<TupleId> &Run::table(RelId Rel, int T) const {
  static const std::vector<TupleId> Empty;
  if (T < 0 || T >= static_cast<int>(Tables.size()) || Rel >= RelNames.size())
    return Empty;
  return Tables[T][Rel].Rows;
}

std::optional<TupleId> Run::find(RelId Rel, int T, const Tuple &Values) const {
  if (T < 0 || T >= static_cast<int>(Tables.size()) || Rel >= RelNames.size())
    return std::nullopt;
  const auto &Index = Tables[T][Rel].Index;
  auto It = Index.find(Values);
  if (It == Index.end())
    return std::nullopt;
  return It->second;
}

TupleId Run::addTuple(TupleRecord R) {
  TupleId Id = static_cast<TupleId>(Tuples.size());
  Table &Tab = Tables[R.Time][R.Rel];
  Tab.Index.emplace(R.Values, Id);
  Tab.Rows.push_back(Id);
  Tuples.push_back(std::move(R));
  return Id;
}

void Run::truncate(TupleId KeepTuples, FiringId KeepFirings) {
  // Tuples are appended to their table in id order, so each removed one is
  // its table's last row when its turn comes.
  for (TupleId Id = static_cast<TupleId>(Tuples.size()); Id-- > KeepTuples;) {
    const TupleRecord &Rec = Tuples[Id];
    Table &Tab = Tables[Rec.Time][Rec.Rel];
    Tab.Index.erase(Rec.Values);
    Tab.Rows.pop_back();
  }
  Tuples.resize(std::min<size_t>(Tuples.size(), KeepTuples));
  Firings.resize(std::min<size_t>(Firings.size(), KeepFirings));
}

std::vector<TupleId> Run::missingPost() const {
  std::vector<TupleId> Missing;
  auto Pre = relation(ir::PreRelation);
  if (!Pre)
    return Missing;
  auto Post = relation(ir::PostRelation);
  for (TupleId Id : table(*Pre, EOT))
    if (!Post || !find(*Post, EOT, Tuples[Id].Values))
      Missing.push_back(Id);
  return Missing;
}

} // namespace faultline::eval

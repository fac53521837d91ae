//===- StratumSnapshot.h - The tuples of a stratum at one moment -*- C++ -*-===//
//
// Private to the evaluator. A stratum with a negation cycle is evaluated in
// passes (see Evaluator.cpp): each pass's `notin`s of the cycle read the
// previous pass's result, kept here as values, since the pass's own tuples
// are retracted from the run; and the results are compared to tell a cycle
// that settles from one that never does.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_EVAL_STRATUMSNAPSHOT_H
#define FAULTLINE_LIB_EVAL_STRATUMSNAPSHOT_H

#include "faultline/Eval/Run.h"
#include "faultline/Eval/Value.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

namespace faultline::eval {

class StratumSnapshot {
public:
  /// A tuple, and a rule that derived it (none for one the step began with).
  using Entry = std::tuple<RelId, Tuple, std::optional<uint32_t>>;

  void add(RelId Rel, const Tuple &Values, std::optional<uint32_t> Rule);
  /// Whether a tuple of Rel has the values Key in the columns Cols (in
  /// increasing order; all of them, or none, are allowed).
  bool contains(RelId Rel, const std::vector<uint32_t> &Cols, const Tuple &Key) const;
  bool sameTuples(const StratumSnapshot &O) const { return Rows == O.Rows; }
  /// The tuples in exactly one of the two, sorted.
  std::vector<Entry> difference(const StratumSnapshot &O) const;

private:
  std::map<RelId, std::set<Tuple>> Rows;
  std::map<std::pair<RelId, Tuple>, uint32_t> RuleOf;
  /// Rows projected onto some columns, built when a `notin` with wildcards
  /// first asks.
  mutable std::map<std::pair<RelId, std::vector<uint32_t>>, std::set<Tuple>> Projections;
};

} // namespace faultline::eval

#endif // FAULTLINE_LIB_EVAL_STRATUMSNAPSHOT_H

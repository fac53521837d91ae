//===- values.h - C++ values the model must hold as the compiled code -*- C++ -*-===//
//
// The protocol of the simulation test values.test: what the model used to get
// wrong silently (issue 21, items 1, 3 and 6), run in the simulator and in the
// model under the same fault schedules. Enums with explicit values declared
// out of order (compared, converted both ways, ordering the inbox), containers
// and scalars initialized in the class and in the default constructor, and
// unsigned arithmetic that wraps.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_VALUES_H
#define FAULTLINE_TEST_VALUES_H

#include "faultline/annotations.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace values {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

/// By name, Committed < Idle < Prepared; by value, Idle < Prepared < Committed.
enum class Phase { Committed = 20, Prepared = 10, Idle = 0 };
enum Level : unsigned char { Low = 7, High = 3 };

struct FL_MESSAGE Vote {
  Phase phase;
  int weight;
};

struct FL_MESSAGE Tick {
  int n;
};

struct FL_PROCESS Node {
  FL_SELF NodeId self;
  FL_STATE Phase phase = Phase::Idle;
  FL_STATE int rank = 0;
  FL_STATE Level level = High;
  FL_STATE std::set<int> seen = {3, 1};
  FL_STATE std::map<int, int> weights{{1, 10}, {2, 20}};
  FL_STATE std::vector<int> log = {7, 8};
  FL_STATE std::set<NodeId> peers;
  FL_STATE int start;
  FL_STATE unsigned char small = 250;
  FL_STATE unsigned wrapped = 0;
  FL_STATE std::uint64_t last = 0;
  FL_STATE std::set<NodeId> voters;

  Node() : peers{"a", "b"}, start(5) {}

  FL_RECEIVE void onVote(const Vote &v, const NodeId &from) {
    if (v.phase >= Phase::Prepared)
      phase = v.phase;
    rank = static_cast<int>(v.phase) * 10 + start;
    level = static_cast<Level>(rank > 12 ? 7 : 3);
    small += 10;
    wrapped = wrapped - 1;
    voters.insert(from);
    if (!voters.empty())
      last = voters.size() - 1;
    seen.insert(v.weight);
    weights[v.weight] = rank;
    log.push_back(rank);
    for (const NodeId &p : peers)
      send(p, Tick{rank});
  }

  FL_RECEIVE void onTick(const Tick &t) {
    if (t.n > 200)
      small = static_cast<unsigned char>(t.n + 100);
    wrapped = wrapped + static_cast<unsigned>(-t.n);
  }
};

FL_INVARIANT inline bool started(const Node &n) { return n.start == 5 && n.phase != Phase::Prepared; }

} // namespace values

#endif // FAULTLINE_TEST_VALUES_H

//===- algorithms.h - Quorums counted with <algorithm> -------*- C++ -*-===//
//
// The protocol of the simulation test algorithms.test (issue 22, item 3): a
// leader that counts its acknowledgements with std::count_if, tests them
// with std::any_of / all_of / none_of, and takes the highest and lowest
// match index with std::max_element / min_element, the predicates reading
// the message and the node's state. The simulator runs the compiled code
// and faultline's model under the same fault schedules.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_ALGORITHMS_H
#define FAULTLINE_TEST_ALGORITHMS_H

#include "faultline/annotations.h"

#include <algorithm>
#include <set>
#include <vector>

namespace algorithms {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Ack {
  int index;
};

struct FL_MESSAGE Probe {
  int floor;
};

struct FL_PROCESS Leader {
  FL_SELF NodeId self;
  FL_STATE std::set<NodeId> acked;
  FL_STATE std::vector<int> match;
  FL_STATE int quorum = 2;
  FL_STATE int counted = 0;
  FL_STATE int highest = 0;
  FL_STATE int lowest = 0;
  FL_STATE int flags = 0;

  FL_RECEIVE void onAck(const Ack &m, const NodeId &from) {
    counted = static_cast<int>(
        std::count_if(match.begin(), match.end(), [&](int i) { return i >= m.index; }));
    if (std::count_if(match.begin(), match.end(), [&](int i) { return i > quorum; }) >= 2)
      flags = flags + 1;
    acked.insert(from);
    match.push_back(m.index);
  }

  FL_RECEIVE void onProbe(const Probe &p) {
    if (!match.empty()) {
      highest = *std::max_element(match.begin(), match.end());
      lowest = *std::min_element(match.begin(), match.end());
    }
    if (std::any_of(match.begin(), match.end(), [&](int i) { return i < p.floor; }))
      flags = flags + 10;
    if (std::all_of(match.begin(), match.end(), [&](int i) { return i >= p.floor; }))
      flags = flags + 100;
    if (std::none_of(acked.begin(), acked.end(), [&](const NodeId &n) { return n == self; }))
      flags = flags + 1000;
  }
};

/// The highest match index is never below the lowest.
FL_INVARIANT inline bool ordered(const Leader &l) { return l.highest >= l.lowest; }

} // namespace algorithms

#endif // FAULTLINE_TEST_ALGORITHMS_H

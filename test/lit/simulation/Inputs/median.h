//===- median.h - A commit index from the median of match indexes -*- C++ -*-===//
//
// The protocol of the simulation test median.test (issue 22, item 3): a
// leader collects its peers' match indexes and its own last index into a
// local std::vector, sorts it and commits the index a majority holds, the way
// Raft libraries compute the commit rule; and sorts another local vector in
// descending order. The simulator runs the compiled code and faultline's
// model under the same fault schedules.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_MEDIAN_H
#define FAULTLINE_TEST_MEDIAN_H

#include "faultline/annotations.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <vector>

namespace median {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Ack {
  int index;
};

struct FL_MESSAGE Tick {
  int bias;
};

struct FL_PROCESS Leader {
  FL_STATE std::map<NodeId, int> matchIndex;
  FL_STATE std::set<int> terms = {2, 4};
  FL_STATE int lastIndex = 5;
  FL_STATE int commitIndex = 0;
  FL_STATE int highest = 0;
  FL_STATE int members = 0;

  FL_RECEIVE void onAck(const Ack &m, const NodeId &from) { matchIndex[from] = m.index; }

  FL_RECEIVE void onTick(const Tick &t) {
    std::vector<int> indexes;
    for (const auto &[peer, index] : matchIndex)
      indexes.push_back(index);
    indexes.push_back(lastIndex);
    std::sort(indexes.begin(), indexes.end());
    int majority = indexes[(indexes.size() - 1) / 2];
    if (majority > commitIndex)
      commitIndex = majority;
    members = static_cast<int>(indexes.size());

    std::vector<int> shifted;
    for (int term : terms)
      shifted.push_back(term + t.bias);
    std::sort(shifted.begin(), shifted.end(), std::greater<int>());
    if (!shifted.empty())
      highest = shifted[0];
  }
};

/// The commit index never passes the leader's own log.
FL_INVARIANT inline bool committed(const Leader &l) { return l.commitIndex <= l.lastIndex; }

} // namespace median

#endif // FAULTLINE_TEST_MEDIAN_H

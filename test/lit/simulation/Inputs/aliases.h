//===- aliases.h - Writes through references, map keys written twice -*- C++ -*-===//
//
// The protocol of the simulation test aliases.test (issue 21, items 2 and
// 4): a handler that writes state through a local reference, a reference to
// a struct member and a helper's out-parameter, and writes one map's entries
// twice, with keys that are equal in some runs and differ in others. The
// simulator runs the compiled code and faultline's model under the same
// fault schedules.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_ALIASES_H
#define FAULTLINE_TEST_ALIASES_H

#include "faultline/annotations.h"

#include <map>
#include <set>
#include <string>

namespace aliases {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct Entry {
  int term;
  int value;
};

struct FL_MESSAGE Ballot {
  NodeId who;
  int first;
  int second;
};

struct FL_MESSAGE Ack {
  int n;
};

struct FL_PROCESS Voter {
  FL_SELF NodeId self;
  FL_STATE std::map<NodeId, int> votes;
  FL_STATE int total = 0;
  FL_STATE Entry last = {0, 0};
  FL_STATE int doubled = 0;
  FL_STATE std::set<int> seen;

  void twice(int &out, int v) { out = 2 * v; }

  FL_RECEIVE void onBallot(const Ballot &m, const NodeId &from) {
    votes[m.who] = m.first;
    votes[self] = m.second;
    int &t = total;
    t = t + m.first;
    Entry &e = last;
    e.value = m.second;
    twice(doubled, total);
    auto &s = seen;
    s.insert(m.first);
    send(from, Ack{total});
  }

  FL_RECEIVE void onAck(const Ack &a) { total = total + a.n; }
};

/// A voter's own entry holds the second value of the last ballot it took.
FL_INVARIANT inline bool ownVote(const Voter &v) {
  for (const auto &[who, value] : v.votes)
    if (who == v.self && value != 2)
      return false;
  return true;
}

} // namespace aliases

#endif // FAULTLINE_TEST_ALIASES_H

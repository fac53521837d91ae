//===- loops.h - While, do-while and plain for loops in handlers -*- C++ -*-===//
//
// The protocol of the simulation test loops.test (issue 22, item 3): loops
// that are none of the joined forms run iteration by iteration, up to the
// loop bound. Raft's back-off to the first index of a conflicting term
// (`while (idx > 0 && log[idx - 1].term > term) --idx;`), a plain for loop
// that appends to the log with continue and break, a do-while, and a
// follower that appends a batch entry by entry.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_LOOPS_H
#define FAULTLINE_TEST_LOOPS_H

#include "faultline/annotations.h"

#include <cstdint>
#include <set>
#include <vector>

namespace loops {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct Entry {
  uint64_t term;
  int value;
};

struct FL_MESSAGE Hint {
  uint64_t term;
  uint64_t index;
};

struct FL_MESSAGE Fill {
  int count;
};

struct FL_MESSAGE Copy {
  std::vector<Entry> entries;
};

struct FL_PROCESS Node {
  FL_STATE std::vector<Entry> log;
  FL_STATE uint64_t next = 0;
  FL_STATE int total = 0;
  FL_STATE std::set<int> seen;
  FL_STATE int copied = 0;
  FL_STATE NodeId peer = "b";

  FL_RECEIVE void onHint(const Hint &h) {
    uint64_t idx = h.index < log.size() ? h.index : log.size();
    while (idx > 0 && log[idx - 1].term > h.term)
      --idx;
    next = idx;
  }

  FL_RECEIVE void onFill(const Fill &f) {
    send(peer, Copy{log});
    int added = 0;
    for (int i = 0; i < f.count; ++i) {
      if (i % 3 == 2)
        continue;
      if (added >= 3)
        break;
      log.push_back(Entry{7, i});
      ++added;
    }
    total = total + added;
    int k = 0;
    do {
      seen.insert(k * f.count);
      ++k;
    } while (k < 2);
  }

  FL_RECEIVE void onCopy(const Copy &c) {
    for (const Entry &e : c.entries) {
      if (e.value == 1)
        continue;
      log.push_back(e);
      copied = copied + 1;
    }
  }
};

/// A node copies at most 8 entries.
FL_INVARIANT inline bool small(const Node &n) { return n.copied <= 8; }

} // namespace loops

#endif // FAULTLINE_TEST_LOOPS_H

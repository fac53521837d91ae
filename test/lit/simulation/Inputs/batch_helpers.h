//===- batch_helpers.h - Helpers that take a batch by reference -*- C++ -*-===//
//
// The protocol of the simulation test batch-helpers.test: a follower's
// handler passes the message, which carries a batch, and the batch itself
// to helpers by const reference, which read and append it as the handler
// would. The simulator runs the compiled code and faultline's model under
// the same fault schedules.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_BATCH_HELPERS_H
#define FAULTLINE_TEST_BATCH_HELPERS_H

#include "faultline/annotations.h"

#include <vector>

namespace batch_helpers {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct Entry {
  int term;
  int value;
};

struct FL_MESSAGE Append {
  int prev;
  std::vector<Entry> entries;
};

struct FL_MESSAGE Ack {
  int size;
};

struct FL_PROCESS Follower {
  FL_STATE std::vector<Entry> log;
  FL_STATE int lastValue = -1;
  FL_STATE int batches = 0;

  FL_RECEIVE void onAppend(const Append &m, const NodeId &from) {
    if (!fits(m))
      return;
    remember(m);
    appendAll(m.entries);
    send(from, Ack{static_cast<int>(log.size())});
  }

private:
  bool fits(const Append &m) const { return m.prev == static_cast<int>(log.size()); }
  void remember(const Append &m) {
    if (!m.entries.empty())
      lastValue = m.entries.back().value;
    batches = batches + 1;
  }
  void appendAll(const std::vector<Entry> &entries) {
    for (const Entry &e : entries)
      log.push_back(e);
  }
};

struct FL_PROCESS Leader {
  FL_STATE int acked = 0;
  FL_RECEIVE void onAck(const Ack &a) { acked = a.size; }
};

/// The follower's log holds what the leader learned it holds.
FL_INVARIANT inline bool ackedHeld(const Leader &l, const Follower &f) {
  return l.acked <= static_cast<int>(f.log.size());
}

} // namespace batch_helpers

#endif // FAULTLINE_TEST_BATCH_HELPERS_H

//===- vector_log.h - A replicated log truncated and appended -*- C++ -*-===//
//
// The protocol of the simulation test vector-log.test (issue 22, item 3): a
// follower's log as a std::vector of entries, written the way Raft's
// AppendEntries writes it: read the last entry, cut the log back to the
// leader's previous index with a while loop of pop_back, append one or two
// entries, reply with the new size; resize, erase of a suffix and pop_back
// on their own; and an index loop applying a range of entries.
// The simulator runs the compiled code and faultline's model under the same
// fault schedules.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_VECTOR_LOG_H
#define FAULTLINE_TEST_VECTOR_LOG_H

#include "faultline/annotations.h"

#include <cstddef>
#include <set>
#include <vector>

namespace vlog {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct Entry {
  int term;
  int value;
};

/// prev entries precede the new one in the leader's log; extra, when
/// positive, is the value of a second entry of the same term.
struct FL_MESSAGE Append {
  int prev;
  int term;
  int value;
  int extra;
};

struct FL_MESSAGE Trim {
  int keep;
};

struct FL_MESSAGE Ack {
  int size;
};

struct FL_MESSAGE Cut {
  int from;
};

struct FL_MESSAGE Commit {
  int upTo;
};

struct FL_PROCESS Replica {
  FL_SELF NodeId self;
  FL_STATE std::vector<Entry> log;
  FL_STATE int lastTerm = 0;
  FL_STATE int acked = 0;
  FL_STATE int lastApplied = 0;
  FL_STATE std::set<int> applied;

  FL_RECEIVE void onAppend(const Append &m, const NodeId &from) {
    if (m.prev < 0 || static_cast<std::size_t>(m.prev) > log.size())
      return;
    if (!log.empty())
      lastTerm = log.back().term;
    while (log.size() > static_cast<std::size_t>(m.prev))
      log.pop_back();
    log.push_back(Entry{m.term, m.value});
    if (m.extra > 0)
      log.push_back(Entry{m.term, m.extra});
    send(from, Ack{static_cast<int>(log.size())});
  }

  FL_RECEIVE void onTrim(const Trim &t) {
    if (t.keep >= 0 && static_cast<std::size_t>(t.keep) <= log.size())
      log.resize(static_cast<std::size_t>(t.keep));
    else if (!log.empty())
      log.pop_back();
  }

  FL_RECEIVE void onCut(const Cut &c) {
    if (c.from >= 0 && static_cast<std::size_t>(c.from) <= log.size())
      log.erase(log.begin() + c.from, log.end());
  }

  /// Applies the entries from lastApplied up to (not including) upTo.
  FL_RECEIVE void onCommit(const Commit &c) {
    for (int i = lastApplied; i < c.upTo && i < static_cast<int>(log.size()); ++i)
      applied.insert(log[i].value);
  }

  FL_RECEIVE void onAck(const Ack &a) {
    if (a.size > acked)
      acked = a.size;
  }
};

/// Every entry has a term.
FL_INVARIANT inline bool termed(const Replica &r) {
  for (const Entry &e : r.log)
    if (e.term <= 0)
      return false;
  return true;
}

} // namespace vlog

#endif // FAULTLINE_TEST_VECTOR_LOG_H

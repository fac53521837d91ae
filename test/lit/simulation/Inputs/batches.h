//===- batches.h - Messages that carry a std::vector of entries -*- C++ -*-===//
//
// The protocol of the simulation test batches.test (issue 22, item 3): a
// leader sends its followers the suffix of its log from their next index as
// a std::vector<Entry> field, the way Raft's AppendEntries carries entries;
// the follower truncates its log to the previous index, appends the batch
// with insert(), answers, and forwards the batch to an auditor, which walks
// it with a range-for, an index loop and an append loop. The leader also
// sends batches built outside loops and its whole log.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_BATCHES_H
#define FAULTLINE_TEST_BATCHES_H

#include "faultline/annotations.h"

#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace batches {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct Entry {
  uint64_t term;
  int value;
};

struct FL_MESSAGE Write {
  int value;
};

struct FL_MESSAGE Tick {
  NodeId peer;
};

struct FL_MESSAGE Append {
  uint64_t term;
  uint64_t prevIndex;
  uint64_t prevTerm;
  std::vector<Entry> entries;
  uint64_t commit;
};

struct FL_MESSAGE AppendReply {
  uint64_t matchIndex;
  bool success;
};

struct FL_MESSAGE Forward {
  std::vector<Entry> entries;
  int from;
};

struct FL_PROCESS Leader {
  FL_STATE uint64_t term = 2;
  FL_STATE std::vector<Entry> log;
  FL_STATE std::map<NodeId, uint64_t> nextIndex;
  FL_STATE uint64_t commitIndex = 0;
  FL_STATE NodeId auditor = "x";

  FL_RECEIVE void onWrite(const Write &w) {
    log.push_back(Entry{term, w.value});
    std::vector<Entry> pair;
    pair.push_back(Entry{term, 100});
    if (w.value > 5)
      pair.push_back(Entry{term + 1, w.value});
    pair.push_back(Entry{term, 200});
    send(auditor, Forward{pair, 1});
  }

  FL_RECEIVE void onTick(const Tick &t) {
    uint64_t next = nextIndex.count(t.peer) ? nextIndex.at(t.peer) : 0;
    std::vector<Entry> entries;
    for (uint64_t i = next; i < log.size(); ++i)
      entries.push_back(log[i]);
    uint64_t prevTerm = next > 0 && next <= log.size() ? log[next - 1].term : 0;
    send(t.peer, Append{term, next, prevTerm, entries, commitIndex});
    if (log.size() > 2)
      send(auditor, Forward{log, 2});
  }

  FL_RECEIVE void onReply(const AppendReply &r, const NodeId &from) {
    if (r.success) {
      nextIndex[from] = r.matchIndex;
      if (r.matchIndex > commitIndex)
        commitIndex = r.matchIndex;
    }
  }
};

struct FL_PROCESS Follower {
  FL_STATE std::vector<Entry> log;
  FL_STATE uint64_t commitIndex = 0;
  FL_STATE uint64_t lastTerm = 0;
  FL_STATE NodeId auditor = "x";

  FL_RECEIVE void onAppend(const Append &m, const NodeId &from) {
    if (m.prevIndex > log.size() || (m.prevIndex > 0 && log[m.prevIndex - 1].term != m.prevTerm)) {
      send(from, AppendReply{0, false});
      return;
    }
    log.resize(m.prevIndex);
    log.insert(log.end(), m.entries.begin(), m.entries.end());
    uint64_t last = m.prevIndex + m.entries.size();
    if (m.commit > commitIndex)
      commitIndex = m.commit < last ? m.commit : last;
    if (!m.entries.empty())
      lastTerm = m.entries.back().term;
    send(from, AppendReply{last, true});
    if (m.entries.size() > 1)
      send(auditor, Forward{m.entries, 3});
  }
};

struct FL_PROCESS Auditor {
  FL_STATE std::set<int> values;
  FL_STATE std::set<uint64_t> terms;
  FL_STATE std::vector<Entry> history;
  FL_STATE int first = 0;
  FL_STATE int second = 0;
  FL_STATE int batches = 0;

  FL_RECEIVE void onForward(const Forward &f) {
    for (const Entry &e : f.entries)
      if (e.value > 1)
        values.insert(e.value * 10 + f.from);
    for (size_t i = 0; i < f.entries.size(); ++i)
      terms.insert(f.entries[i].term + i);
    for (const auto &e : f.entries)
      history.push_back(e);
    if (!f.entries.empty())
      first = f.entries.front().value;
    if (f.entries.size() >= 2)
      second = f.entries.at(1).value;
    batches = batches + 1;
  }
};

/// A follower commits no more than it holds.
FL_INVARIANT inline bool bounded(const Follower &f) { return f.commitIndex <= f.log.size(); }

} // namespace batches

#endif // FAULTLINE_TEST_BATCHES_H

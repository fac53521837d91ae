// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A message's batch (a std::vector field) is read with size(), empty(), [i],
// at(i), front(), back() and loops, appended to a state vector, or passed
// on in a send; other uses are errors at the construct, and so is a batch
// built in a way whose order the model cannot tell.

#include "Inputs/preamble.h"

#include <vector>

struct Entry {
  int term;
  int value;
};

struct FL_MESSAGE Append {
  int term;
  std::vector<Entry> entries;
};

struct FL_MESSAGE Go {
  int n;
};

/// A helper does not take a batch by value (a copy): it is no value of the
/// model. By const reference it reads the handler's (batch-helpers.test).
inline int count(std::vector<Entry> v) { return static_cast<int>(v.size()); }
inline int sizeOf(Append m) { return static_cast<int>(m.entries.size()); }

struct FL_PROCESS Follower {
  FL_STATE std::vector<Entry> log;
  FL_STATE std::set<int> seen;
  FL_STATE int n = 0;

  FL_RECEIVE void onAppend(const Append &m) {
    n = static_cast<int>(m.entries.capacity());
    // ERR: {{.*}}err-batches.cpp:[[@LINE-1]]:26: error: 'capacity' on a message's batch in Follower::onAppend is outside what faultline can model; read a batch with size(), empty(), [i], at(i), front(), back() and loops, or append it to a state vector
    n = count(m.entries);
    // ERR: {{.*}}err-batches.cpp:[[@LINE-1]]:15: error: the batch 'entries' used as a value in Follower::onAppend is outside what faultline can model; {{.*}}
    n = sizeOf(m);
    // ERR: {{.*}}err-batches.cpp:[[@LINE-1]]:16: error: the message 'm', which carries a batch, copied in Follower::onAppend is outside what faultline can model; pass it to helpers by const reference, and read the batch where it is
    log.insert(log.begin(), m.entries.begin(), m.entries.end());
    // ERR: {{.*}}err-batches.cpp:[[@LINE-1]]:5: error: this insert on a state vector in Follower::onAppend is outside what faultline can model; append a message's batch: v.insert(v.end(), m.entries.begin(), m.entries.end())
  }
};

struct FL_PROCESS Looping {
  FL_STATE std::vector<Entry> log;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onAppend(const Append &m) {
    for (int s : seen)
      if (s > 0)
        log.insert(log.end(), m.entries.begin(), m.entries.end());
    // ERR: {{.*}}err-batches.cpp:[[@LINE-1]]:9: error: appending a batch inside a loop in Looping::onAppend is outside what faultline can model; {{.*}}
  }
};

struct FL_PROCESS Leader {
  FL_STATE std::vector<Entry> log;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onGo(const Go &g) {
    send("b", Append{1, std::vector<Entry>(2)});
    // ERR: {{.*}}err-batches.cpp:[[@LINE-1]]:{{[0-9]+}}: error: this value for the batch 'entries' in Leader::onGo is outside what faultline can model; give a batch as {}, a local std::vector filled with push_back, a state vector, or the batch of the message being handled
  }
};

struct FL_PROCESS Mixed {
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onGo(const Go &g) {
    std::vector<Entry> batch;
    batch.push_back(Entry{g.n, 0});
    for (int s : seen)
      batch.push_back(Entry{s, 1});
    send("b", Append{1, batch});
    // ERR: {{.*}}err-batches.cpp:[[@LINE-1]]:25: error: a local vector filled both inside and outside a loop, used in order in Mixed::onGo is outside what faultline can model; fill it from one loop, or from calls outside loops
  }
};

struct FL_PROCESS Walker {
  FL_STATE std::vector<Entry> log;

  FL_RECEIVE void onGo(const Go &g) {
    std::vector<Entry> batch;
    for (const Entry &e : log)
      batch.push_back(e);
    // ERR: {{.*}}err-batches.cpp:[[@LINE-1]]:7: error: this push_back onto a local vector in Walker::onGo is outside what faultline can model; push_back from one call in one loop (over a state set or map with scalar keys, the indices of a state vector, or a message's batch), not nested
    // ERR-NOT: error:
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Follower>("a"); }

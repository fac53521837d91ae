// RUN: rm -rf %t && mkdir -p %t
// RUN: echo '[{"directory": "%t", "file": "%s", "command": "clang++ %cxxflags -c %s"}]' > %t/compile_commands.json
// RUN: %faultline check -p %t %s --scenario conflictOnly | FileCheck %s --check-prefix=OK
// RUN: %expect-exit 2 %faultline check -p %t %s --scenario readBack 2>&1 | FileCheck %s --check-prefix=READ
// RUN: %expect-exit 2 %faultline check -p %t %s --scenario popBack 2>&1 | FileCheck %s --check-prefix=POP
//
// In a loop run iteration by iteration, reading the log or shortening it
// after an earlier iteration appended to it is a path the model cannot
// follow. A follower's per-entry loop only gets there on paths its own
// conditions rule out (after an append the index is past the size), so
// the loop extracts and runs; a run that does get there stops with an
// error at the read or the truncation, never with a wrong answer.

#include "Inputs/preamble.h"

#include <cstdint>
#include <vector>

struct Entry {
  int term;
  int value;
};

struct FL_MESSAGE Append {
  int count;
  int term;
  int mode;
};

struct FL_PROCESS Follower {
  FL_STATE std::vector<Entry> log{Entry{1, 1}, Entry{1, 2}};
  FL_STATE int seen = 0;

  FL_RECEIVE void onAppend(const Append &m) {
    uint64_t index = 0;
    for (int i = 0; i < m.count; ++i) {
      ++index;
      if (m.mode == 0 && index <= log.size()) {
        if (log[index - 1].term == m.term)
          continue; // have it
        log.resize(index - 1);
      }
      if (m.mode == 1 && i > 0)
        seen = log[0].value;
      // READ: unrolled-append-then-read.cpp:[[@LINE-1]]:20: error: reading 'log' after an earlier iteration's push_back in one step, which faultline cannot model; the index: 0 (at "f", time 1)
      if (m.mode == 2 && i > 0)
        log.pop_back();
      // POP: unrolled-append-then-read.cpp:[[@LINE-1]]:9: error: 'pop_back' on 'log' after an earlier iteration's push_back in one step, which faultline cannot model; the vector's size: 3 (at "f", time 1)
      log.push_back(Entry{m.term, i});
    }
  }
};

FL_INVARIANT bool bounded(const Follower &f) { return f.log.size() <= 6; }

// Entries 1 and 2 conflict (term 2 against 1): the log is cut to nothing
// and the three entries appended; no read or truncation after an append.
FL_SCENARIO void conflictOnly(faultline::Scenario &s) {
  s.bounds(2, 0, 0);
  s.node<Follower>("f");
  s.deliver<Append>("f", "leader", Append{3, 2, 0}, 1);
}
// OK: scenario 'conflictOnly': certified for EOT 2, EFF 0, 0 crashes

FL_SCENARIO void readBack(faultline::Scenario &s) {
  s.bounds(2, 0, 0);
  s.node<Follower>("f");
  s.deliver<Append>("f", "leader", Append{2, 2, 1}, 1);
}

FL_SCENARIO void popBack(faultline::Scenario &s) {
  s.bounds(2, 0, 0);
  s.node<Follower>("f");
  s.deliver<Append>("f", "leader", Append{2, 2, 2}, 1);
}

// RUN: %faultline extract %s -v -- %cxxflags 2>&1 | FileCheck %s
// RUN: %faultline check %s -- %cxxflags | FileCheck %s --check-prefix=CHECKED
//
// A handler that guards its node's state against other threads takes a
// lock and wakes waiters: faultline runs one handler of a node at a time,
// so the locks, a mutex's lock() and a condition variable's notify_all()
// are left out of the model (-v says so), and the handler's logic is
// checked as written.
// CHECKED: scenario 'one': certified

#include "Inputs/preamble.h"

#include <condition_variable>
#include <mutex>

struct FL_MESSAGE Vote {
  int term;
};

struct FL_MESSAGE Ping {
  int term;
};

struct FL_PROCESS Node {
  std::mutex mutex;
  std::condition_variable stateChanged;
  FL_STATE int term = 0;

  FL_RECEIVE void onVote(const Vote &m) {
    std::lock_guard<std::mutex> guard(mutex);
    // CHECK: {{.*}}ignored-locks.cpp:[[@LINE-1]]:5: note: faultline ignores 'std::lock_guard<std::mutex> guard(mutex)' in Node::onVote: a lock: faultline runs one handler of a node at a time
    if (m.term > term) {
      term = m.term;
      stateChanged.notify_all();
      // CHECK: {{.*}}ignored-locks.cpp:[[@LINE-1]]:7: note: faultline ignores 'stateChanged.notify_all()' in Node::onVote: synchronisation between threads: faultline runs one handler of a node at a time
    }
  }

  FL_RECEIVE void onPing(const Ping &m, const NodeId &from) {
    std::unique_lock<std::mutex> lock(mutex);
    // CHECK: {{.*}}ignored-locks.cpp:[[@LINE-1]]:5: note: faultline ignores 'std::unique_lock<std::mutex> lock(mutex)' in Node::onPing: a lock: faultline runs one handler of a node at a time
    if (m.term < term)
      send(from, Vote{term});
  }
};

FL_INVARIANT bool termKnown(const Node &n) { return n.term >= 0; }

FL_SCENARIO void one(faultline::Scenario &s) {
  s.bounds(3, 0, 0);
  s.node<Node>("a");
  s.deliver<Vote>("a", "b", Vote{2}, 1);
}

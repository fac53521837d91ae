// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A loop may not add or remove elements of the container it walks: C++
// invalidates the loop's iterator (the model would apply the update at the
// next step). Assigning the current entry of a map is allowed.

#include "faultline/annotations.h"

#include <map>
#include <set>

struct FL_MESSAGE Trim {
  int point;
};

struct FL_PROCESS Node {
  FL_STATE std::map<int, int> log;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onTrim(const Trim &m) {
    for (const auto &[seq, v] : log)
      if (seq > m.point)
        log[seq] = 0;
  }
  FL_PERIODIC void cut() {
    for (const auto &[seq, v] : log)
      if (seq > 3)
        log.erase(seq);
        // ERR-DAG: {{.*}}err-update-walked.cpp:[[@LINE-1]]:9: error: updating 'log' inside a loop over it in Node::cut is outside what faultline can model; C++ invalidates the loop's iterator; assign the current entry (m[key] = value with the loop's key), or mark entries with a filler value
  }
  FL_PERIODIC void grow() {
    for (int s : seen)
      seen.insert(s + 1);
      // ERR-DAG: {{.*}}err-update-walked.cpp:[[@LINE-1]]:7: error: updating 'seen' inside a loop over it in Node::grow is outside what faultline can model
      // ERR-NOT: error:
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

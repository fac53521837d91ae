//===- failover.h - A master that reassigns a crashed worker's job -*- C++ -*-===//
//
// A test protocol for the simulator's failure detector. The master gives a
// job to worker a; when it hears through faultline::NodeCrashed (one step
// after the crash) that a has crashed, it gives the job to the spare, b.
// Either way the job must be finished by the end of the run: a crash of a
// before it answers leaves too little time at 5 steps, not at 6. faultline
// finds the first; the replay must confirm it against this compiled code.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_FAILOVER_H
#define FAULTLINE_TEST_FAILOVER_H

#include "faultline/annotations.h"
#include "faultline/failure_detector.h"

#include <set>
#include <string>

namespace failover {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

/// From the client: run this job.
struct FL_MESSAGE Job {
  std::string name;
};

/// Master to worker: do the job.
struct FL_MESSAGE Work {
  std::string job;
};

/// Worker to master: done.
struct FL_MESSAGE Done {
  std::string job;
};

struct FL_PROCESS Master {
  FL_SELF NodeId self;
  FL_STATE std::set<NodeId> assigned;
  FL_STATE std::set<NodeId> spares;
  FL_STATE std::string job;
  FL_STATE std::set<std::string> finished;

  FL_RECEIVE void onJob(const Job &m) {
    job = m.name;
    for (const NodeId &w : assigned)
      send(w, Work{m.name});
  }

  FL_RECEIVE void onCrash(const faultline::NodeCrashed &m) {
    if (assigned.count(m.node) == 0)
      return;
    for (const NodeId &s : spares)
      send(s, Work{job});
  }

  FL_RECEIVE void onDone(const Done &m) { finished.insert(m.job); }
};

struct FL_PROCESS Worker {
  FL_SELF NodeId self;
  FL_STATE std::set<std::string> done;

  FL_RECEIVE void onWork(const Work &m, const NodeId &from) {
    done.insert(m.job);
    send(from, Done{m.job});
  }
};

/// A live master has its job finished by the end of the run.
FL_INVARIANT inline bool jobFinished(const Master &m) { return !m.finished.empty(); }

} // namespace failover

#endif // FAULTLINE_TEST_FAILOVER_H

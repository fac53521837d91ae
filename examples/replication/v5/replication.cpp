//===- replication.cpp - v5's scenarios -----------------------------------===//
//
// faultline check -p build examples/replication/v5/replication.cpp
//
//===----------------------------------------------------------------------===//

#include "replication.h"

#include "../common/cluster.h"

namespace replication::v5 {

/// No message is lost; one node may crash.
///
/// Expected: certified.
FL_SCENARIO void primaryCrash(faultline::Scenario &s) {
  s.bounds(16, 0, 1);
  cluster<Replica>(s);
}

/// The same with two crashes.
///
/// Expected: a counterexample to primaryInSync, the dormant bug: b crashes
/// and leaves the in-sync set, then c crashes, and M promotes c's
/// successor b all the same. No live replica is primary any more.
FL_SCENARIO void twoCrashes(faultline::Scenario &s) {
  s.bounds(16, 0, 2);
  cluster<Replica>(s);
}

} // namespace replication::v5

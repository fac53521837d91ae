//===- replication.cpp - v6's scenarios -----------------------------------===//
//
// faultline check -p build examples/replication/v6/replication.cpp
//
//===----------------------------------------------------------------------===//

#include "replication.h"

#include "../common/cluster.h"

namespace replication::v6 {

/// No message is lost; one node may crash (v6's master, common/cluster.h's
/// nodes).
///
/// Expected: certified.
FL_SCENARIO void primaryCrash(faultline::Scenario &s) {
  s.bounds(16, 0, 1);
  cluster<Replica, Master>(s);
}

/// The same with two crashes.
///
/// Expected: certified. (In v5, a counterexample to primaryInSync: b
/// crashes and leaves the in-sync set, then c crashes, and M promoted c's
/// successor b all the same; v6's master promotes a instead.)
FL_SCENARIO void twoCrashes(faultline::Scenario &s) {
  s.bounds(16, 0, 2);
  cluster<Replica, Master>(s);
}

} // namespace replication::v6

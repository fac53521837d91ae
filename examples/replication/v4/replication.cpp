//===- replication.cpp - v4's scenarios -----------------------------------===//
//
// faultline check -p build examples/replication/v4/replication.cpp
//
//===----------------------------------------------------------------------===//

#include "replication.h"

#include "../common/cluster.h"

namespace replication::v4 {

/// No message is lost; one node may crash.
///
/// Expected: a counterexample to agreement (see docs/case-study.md).
FL_SCENARIO void primaryCrash(faultline::Scenario &s) {
  s.bounds(16, 0, 1);
  cluster<Replica>(s);
}

} // namespace replication::v4

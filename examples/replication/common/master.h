//===- master.h - The master with failover (v2 and later) -------*- C++ -*-===//
//
// The master holds the cluster state: the in-sync set, the primary and the
// primary term. The failure detector tells it of crashes; it removes a
// crashed node from the in-sync set and, when the primary crashed, promotes
// the primary's configured successor (a deterministic choice), starts a new
// term, and tells the in-sync replicas and the client.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_REPLICATION_MASTER_H
#define FAULTLINE_EXAMPLES_REPLICATION_MASTER_H

#include "client.h"

#include "faultline/failure_detector.h"

#include <map>
#include <set>

namespace replication {

struct FL_PROCESS Master {
  FL_SELF NodeId self;
  FL_STATE NodeId primary;
  FL_STATE int term = 1;
  FL_STATE std::set<NodeId> inSync;
  FL_STATE NodeId client;
  /// Whom to promote when a node that is primary fails.
  FL_STATE std::map<NodeId, NodeId> successor;

  FL_RECEIVE void onCrash(const faultline::NodeCrashed &m) {
    if (m.node == primary && successor.count(m.node)) {
      NodeId next = successor.at(m.node);
      primary = next;
      term += 1;
      for (const NodeId &r : inSync)
        if (r != m.node)
          send(r, NewPrimary{next, term});
      send(client, NewPrimary{next, term});
    }
    inSync.erase(m.node);
  }
};

/// The cluster state names a primary that is in sync: one that holds
/// every acknowledged write and that the client and the replicas follow.
FL_INVARIANT inline bool primaryInSync(const Master &m) { return m.inSync.count(m.primary) == 1; }

} // namespace replication

#endif // FAULTLINE_EXAMPLES_REPLICATION_MASTER_H

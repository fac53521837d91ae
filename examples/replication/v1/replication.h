//===- replication.h - v1: primary/backup without failover ------*- C++ -*-===//
//
// The client sends writes to the primary (c). The primary appends a write to
// its log and replicates it to the other in-sync replicas, one operation in
// flight per replica: a replica gets the next operation when it has
// acknowledged the previous one. Once every replica has acknowledged an
// operation, the primary acknowledges the write to the client. Replicas
// append what they receive. The master only keeps the in-sync set: it
// removes a node that crashes. There is no failover.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_REPLICATION_V1_H
#define FAULTLINE_EXAMPLES_REPLICATION_V1_H

#include "../common/client.h"

#include "faultline/failure_detector.h"

#include <map>
#include <set>
#include <string>

namespace replication::v1 {

/// Primary to replica: the operation at position `index` of its log.
struct FL_MESSAGE Replicate {
  int index;
  std::string value;
};

/// Replica to primary: it has appended the operation at `index`.
struct FL_MESSAGE ReplicaAck {
  int index;
};

struct FL_PROCESS Master {
  FL_SELF NodeId self;
  FL_STATE std::set<NodeId> inSync;

  FL_RECEIVE void onCrash(const faultline::NodeCrashed &m) { inSync.erase(m.node); }
};

struct FL_PROCESS Replica {
  FL_SELF NodeId self;
  FL_STATE bool primary = false;
  FL_STATE NodeId client;
  /// The primary's view: the other in-sync replicas.
  FL_STATE std::set<NodeId> replicas;
  /// Applied operations, by position.
  FL_STATE std::map<int, std::string> log;
  /// The replicas with an operation in flight.
  FL_STATE std::set<NodeId> inFlight;
  /// How many replicas acknowledged the operation at each position.
  FL_STATE std::map<int, int> acks;

  FL_RECEIVE void onWrite(const Write &w) {
    if (!primary)
      return;
    int index = static_cast<int>(log.size());
    log[index] = w.value;
    if (replicas.empty()) {
      send(client, WriteAck{index, w.value});
      return;
    }
    for (const NodeId &r : replicas)
      if (inFlight.count(r) == 0) {
        send(r, Replicate{index, w.value});
        inFlight.insert(r);
      }
  }

  FL_RECEIVE void onReplicaAck(const ReplicaAck &a, const NodeId &from) {
    int count = acks.count(a.index) ? acks.at(a.index) + 1 : 1;
    acks[a.index] = count;
    if (count == static_cast<int>(replicas.size()))
      send(client, WriteAck{a.index, log.at(a.index)});
    if (log.count(a.index + 1))
      send(from, Replicate{a.index + 1, log.at(a.index + 1)});
    else
      inFlight.erase(from);
  }

  FL_RECEIVE void onReplicate(const Replicate &m, const NodeId &from) {
    log[static_cast<int>(log.size())] = m.value;
    send(from, ReplicaAck{m.index});
  }
};

/// Durability: a write acknowledged to the client is in the log of every
/// live in-sync replica, at the position the client was told.
FL_INVARIANT inline bool durability(const Client &c, const Master &m, const Replica &r) {
  if (m.inSync.count(r.self) == 0)
    return true;
  for (const auto &[seq, value] : c.acked)
    if (r.log.count(seq) == 0 || r.log.at(seq) != value)
      return false;
  return true;
}

/// Agreement: live in-sync replicas hold the same operation at every
/// position.
FL_INVARIANT inline bool agreement(const Master &m, const Replica &a, const Replica &b) {
  if (m.inSync.count(a.self) == 0 || m.inSync.count(b.self) == 0)
    return true;
  for (const auto &[seq, value] : a.log)
    if (b.log.count(seq) == 0 || b.log.at(seq) != value)
      return false;
  return true;
}

} // namespace replication::v1

#endif // FAULTLINE_EXAMPLES_REPLICATION_V1_H

//===- replication.h - v4: primary terms ------*- C++ -*-===//
//
// v3, with primary terms: a promotion starts a new term, each operation
// carries the term of the primary that numbered it, and a replica rejects
// operations of a term older than the one it knows. A replica also moves
// its sequence counter past every operation it stores, so a promoted
// replica numbers new writes after what it holds (v3 reused numbers).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_REPLICATION_V4_H
#define FAULTLINE_EXAMPLES_REPLICATION_V4_H

#include "../common/master.h"

#include <map>
#include <set>
#include <string>

namespace replication::v4 {

/// An operation as a replica stores it.
struct Op {
  int term;
  std::string value;
};

/// Primary to replica: the operation numbered `seq`.
struct FL_MESSAGE Replicate {
  int seq;
  Op op;
};

/// Replica to primary: it has stored the operation numbered `seq`.
struct FL_MESSAGE ReplicaAck {
  int seq;
};

struct FL_PROCESS Replica {
  FL_SELF NodeId self;
  FL_STATE bool primary = false;
  FL_STATE NodeId client;
  /// The node this replica follows, and the other replicas.
  FL_STATE NodeId leader;
  FL_STATE std::set<NodeId> peers;
  /// The primary's view: the other in-sync replicas.
  FL_STATE std::set<NodeId> replicas;
  /// The newest primary term this replica knows.
  FL_STATE int term = 1;
  /// Applied operations, by sequence number.
  FL_STATE std::map<int, Op> log;
  /// The number the next write gets (a primary's counter).
  FL_STATE int nextSeq = 0;
  /// The replicas with an operation in flight.
  FL_STATE std::set<NodeId> inFlight;
  /// How many replicas acknowledged each operation.
  FL_STATE std::map<int, int> acks;

  FL_RECEIVE void onWrite(const Write &w) {
    if (!primary)
      return;
    int seq = nextSeq;
    nextSeq = seq + 1;
    log[seq] = Op{term, w.value};
    if (replicas.empty()) {
      send(client, WriteAck{seq, w.value});
      return;
    }
    for (const NodeId &r : replicas)
      if (inFlight.count(r) == 0) {
        send(r, Replicate{seq, Op{term, w.value}});
        inFlight.insert(r);
      }
  }

  FL_RECEIVE void onReplicaAck(const ReplicaAck &a, const NodeId &from) {
    int count = acks.count(a.seq) ? acks.at(a.seq) + 1 : 1;
    acks[a.seq] = count;
    if (count == static_cast<int>(replicas.size()))
      send(client, WriteAck{a.seq, log.at(a.seq).value});
    if (log.count(a.seq + 1))
      send(from, Replicate{a.seq + 1, log.at(a.seq + 1)});
    else
      inFlight.erase(from);
  }

  /// The new primary starts replicating its log to every other replica
  /// that is still there, from the start.
  FL_RECEIVE void onNewPrimary(const NewPrimary &m) {
    NodeId old = leader;
    leader = m.node;
    term = m.term;
    if (m.node != self)
      return;
    primary = true;
    for (const NodeId &p : peers)
      if (p != old) {
        replicas.insert(p);
        if (log.count(0)) {
          send(p, Replicate{0, log.at(0)});
          inFlight.insert(p);
        }
      }
  }

  FL_RECEIVE void onReplicate(const Replicate &m, const NodeId &from) {
    if (m.op.term < term)
      return; // from a deposed primary
    log[m.seq] = m.op;
    if (m.seq >= nextSeq)
      nextSeq = m.seq + 1;
    send(from, ReplicaAck{m.seq});
  }
};

/// Durability: a write acknowledged to the client is in the log of every
/// live in-sync replica, at the position the client was told.
FL_INVARIANT inline bool durability(const Client &c, const Master &m, const Replica &r) {
  if (m.inSync.count(r.self) == 0)
    return true;
  for (const auto &[seq, value] : c.acked)
    if (r.log.count(seq) == 0 || r.log.at(seq).value != value)
      return false;
  return true;
}

/// Agreement: live in-sync replicas hold the same operation under every
/// sequence number.
FL_INVARIANT inline bool agreement(const Master &m, const Replica &a, const Replica &b) {
  if (m.inSync.count(a.self) == 0 || m.inSync.count(b.self) == 0)
    return true;
  for (const auto &[seq, op] : a.log)
    if (b.log.count(seq) == 0 || b.log.at(seq).value != op.value)
      return false;
  return true;
}

} // namespace replication::v4

#endif // FAULTLINE_EXAMPLES_REPLICATION_V4_H

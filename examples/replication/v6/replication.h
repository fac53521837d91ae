//===- replication.h - v6: v5 with a master that promotes a live replica -*- C++ -*-===//
//
// v5, whose master promoted the crashed primary's configured successor even
// when that successor had left the in-sync set (a second crash: the dormant
// bug of v5's twoCrashes). v6's master promotes the first in-sync node of
// the successor chain instead. The replicas are v5's.
//
// From v5: a primary-replica resync: the primary tracks the global
// checkpoint (the highest operation every replica acknowledged) and sends
// it along with each operation. A promoted replica tells the others to trim
// what lies above its own last operation (the resync point), and re-sends
// only the operations above the global checkpoint, tagged with its new term
// (v4 re-sent everything with the old terms, which the replicas rejected).
// Trimmed operations become no-op fillers, which agreement ignores.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_REPLICATION_V6_H
#define FAULTLINE_EXAMPLES_REPLICATION_V6_H

#include "../common/client.h"

#include "faultline/failure_detector.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace replication::v6 {

/// v5's master (common/master.h) with the fix: when the primary fails, the
/// first node of its successor chain that is still in sync is promoted, not
/// the configured successor whatever its state. With three replicas the
/// chain has two hops; at most two crash, so one of them is in sync.
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
      if (inSync.count(next) == 0 && successor.count(next))
        next = successor.at(next);
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

/// As in common/master.h: the primary the master names is in sync.
FL_INVARIANT inline bool primaryInSync(const Master &m) { return m.inSync.count(m.primary) == 1; }

/// An operation as a replica stores it.
struct Op {
  int term;
  std::string value;
  /// A filler where a trimmed operation was.
  bool noop = false;
};

/// Primary to replica: the operation numbered `seq`, and the global
/// checkpoint as the primary knows it.
struct FL_MESSAGE Replicate {
  int seq;
  Op op;
  int checkpoint;
};

/// New primary to replica: drop every operation above `point`.
struct FL_MESSAGE Trim {
  int point;
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
  /// The highest operation every in-sync replica has (-1: none yet).
  FL_STATE int checkpoint = -1;
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
        send(r, Replicate{seq, Op{term, w.value}, checkpoint});
        inFlight.insert(r);
      }
  }

  FL_RECEIVE void onReplicaAck(const ReplicaAck &a, const NodeId &from) {
    int count = acks.count(a.seq) ? acks.at(a.seq) + 1 : 1;
    acks[a.seq] = count;
    int known = checkpoint;
    if (count == static_cast<int>(replicas.size())) {
      send(client, WriteAck{a.seq, log.at(a.seq).value});
      known = std::max(checkpoint, a.seq);
      checkpoint = known;
    }
    if (log.count(a.seq + 1))
      send(from, Replicate{a.seq + 1, log.at(a.seq + 1), known});
    else
      inFlight.erase(from);
  }

  /// The new primary resyncs every other replica that is still there:
  /// trim above my last operation, then the operations above the global
  /// checkpoint again, in the new term.
  FL_RECEIVE void onNewPrimary(const NewPrimary &m) {
    NodeId old = leader;
    leader = m.node;
    term = m.term;
    if (m.node != self)
      return;
    primary = true;
    int first = checkpoint + 1;
    for (const NodeId &p : peers)
      if (p != old) {
        replicas.insert(p);
        send(p, Trim{nextSeq - 1});
        if (log.count(first)) {
          send(p, Replicate{first, Op{m.term, log.at(first).value}, checkpoint});
          inFlight.insert(p);
        }
      }
    for (const auto &[seq, op] : log)
      if (seq > checkpoint)
        log[seq] = Op{m.term, op.value};
  }

  /// Operations above the new primary's last one were never acknowledged:
  /// fillers take their place (erasing them here would invalidate the
  /// loop's iterator), and new writes overwrite them.
  FL_RECEIVE void onTrim(const Trim &m) {
    for (const auto &[seq, op] : log)
      if (seq > m.point)
        log[seq] = Op{term, "", true};
    nextSeq = m.point + 1;
  }

  FL_RECEIVE void onReplicate(const Replicate &m, const NodeId &from) {
    if (m.op.term < term)
      return; // from a deposed primary
    log[m.seq] = m.op;
    if (m.seq >= nextSeq)
      nextSeq = m.seq + 1;
    checkpoint = std::max(checkpoint, m.checkpoint);
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
/// sequence number, ignoring fillers.
FL_INVARIANT inline bool agreement(const Master &m, const Replica &a, const Replica &b) {
  if (m.inSync.count(a.self) == 0 || m.inSync.count(b.self) == 0)
    return true;
  for (const auto &[seq, op] : a.log)
    if (!op.noop && (b.log.count(seq) == 0 || b.log.at(seq).value != op.value))
      return false;
  return true;
}

} // namespace replication::v6

#endif // FAULTLINE_EXAMPLES_REPLICATION_V6_H

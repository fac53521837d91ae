//===- cluster.h - The scenario set-up of v2 and later ----------*- C++ -*-===//
//
// Every version with failover runs the same cluster; only its Replica type
// differs (and, in v6, its Master). A scenario calls cluster<Replica>(s)
// and adds its bounds.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_REPLICATION_CLUSTER_H
#define FAULTLINE_EXAMPLES_REPLICATION_CLUSTER_H

#include "master.h"

namespace replication {

/// Client C, master M, replicas a, b and c; c is the primary in term 1. M
/// promotes b if c fails (then a, then c). C writes "x", "y" and, later,
/// "z".
template <class Replica, class M = Master> void cluster(faultline::Scenario &s) {
  s.node<Client>("C");
  s.node<M>("M");
  s.node<Replica>("a");
  s.node<Replica>("b");
  s.node<Replica>("c");
  s.init("C", &Client::primary, "c");
  s.init("M", &M::primary, "c");
  s.init("M", &M::client, "C");
  s.put("M", &M::successor, "c", "b");
  s.put("M", &M::successor, "b", "a");
  s.put("M", &M::successor, "a", "c");
  s.add("M", &M::inSync, "a");
  s.add("M", &M::inSync, "b");
  s.add("M", &M::inSync, "c");
  s.init("a", &Replica::client, "C");
  s.init("b", &Replica::client, "C");
  s.init("c", &Replica::client, "C");
  s.init("a", &Replica::leader, "c");
  s.init("b", &Replica::leader, "c");
  s.init("c", &Replica::leader, "c");
  s.add("a", &Replica::peers, "b");
  s.add("a", &Replica::peers, "c");
  s.add("b", &Replica::peers, "a");
  s.add("b", &Replica::peers, "c");
  s.add("c", &Replica::peers, "a");
  s.add("c", &Replica::peers, "b");
  s.init("c", &Replica::primary, true);
  s.add("c", &Replica::replicas, "a");
  s.add("c", &Replica::replicas, "b");
  s.deliver<Submit>("C", "app", Submit{"x"}, 1);
  s.deliver<Submit>("C", "app", Submit{"y"}, 2);
  s.deliver<Submit>("C", "app", Submit{"z"}, 9);
}

} // namespace replication

#endif // FAULTLINE_EXAMPLES_REPLICATION_CLUSTER_H

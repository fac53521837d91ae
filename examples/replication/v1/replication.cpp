//===- replication.cpp - v1's scenarios -----------------------------------===//
//
// faultline check -p build examples/replication/v1/replication.cpp
//
//===----------------------------------------------------------------------===//

#include "replication.h"

namespace replication::v1 {

/// Client C writes "x" and then "y" through primary c; replicas a and b;
/// master M. No message is lost; one node may crash.
///
/// Expected: a counterexample to agreement. c sends "y" to each replica
/// when that replica acknowledges "x", and it handles one acknowledgement
/// per step: if c crashes between the two, a holds "y" and b never will.
FL_SCENARIO void primaryCrash(faultline::Scenario &s) {
  s.bounds(12, 0, 1);
  s.node<Client>("C");
  s.node<Master>("M");
  s.node<Replica>("a");
  s.node<Replica>("b");
  s.node<Replica>("c");
  s.init("C", &Client::primary, "c");
  s.add("M", &Master::inSync, "a");
  s.add("M", &Master::inSync, "b");
  s.add("M", &Master::inSync, "c");
  s.init("c", &Replica::primary, true);
  s.init("c", &Replica::client, "C");
  s.add("c", &Replica::replicas, "a");
  s.add("c", &Replica::replicas, "b");
  s.deliver<Submit>("C", "app", Submit{"x"}, 1);
  s.deliver<Submit>("C", "app", Submit{"y"}, 2);
}

} // namespace replication::v1

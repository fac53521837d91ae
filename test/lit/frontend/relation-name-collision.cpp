// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// Relation names come from C++ names; two that would collide (here the
// message ReplicaLog and the state member Replica::log, both `replica_log`)
// are an error in a scenario that reaches both, at the later one, with a
// note at the first.

#include "faultline/annotations.h"

#include <set>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE ReplicaLog {
  int entry;
};

struct FL_PROCESS Replica {
  FL_STATE std::set<int> log;
  // ERR: {{.*}}relation-name-collision.cpp:[[@LINE-1]]:26: error: 'Replica' and 'ReplicaLog' would both be the relation 'replica_log' in scenario 'one'; rename one

  FL_RECEIVE void onLog(const ReplicaLog &m) { log.insert(m.entry); }
};

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Replica>("a");
  s.deliver<ReplicaLog>("a", "b", ReplicaLog{1}, 1);
}

// ERR: {{.*}}relation-name-collision.cpp:[[@LINE-16]]:19: note: the relation 'replica_log' comes from here

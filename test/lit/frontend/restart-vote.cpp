// A vote that is not persisted: voter b grants candidate a, crashes, comes
// back without its vote and grants candidate c in the same term. Only a
// restart shows it; with votedFor FL_DURABLE (-DPERSIST) no restart can.
// RUN: %expect-exit 1 %faultline check %s -- %cxxflags | FileCheck %s
// RUN: %faultline check %s --restarts 0 -- %cxxflags | FileCheck %s --check-prefix=NORESTART
// RUN: %faultline check %s -- %cxxflags -DPERSIST | FileCheck %s --check-prefix=PERSIST
// RUN: %faultline extract %s -o - -- %cxxflags -DPERSIST | FileCheck %s --check-prefix=MODEL
// The SARIF story and the HTML space-time diagram show the restart too.
// RUN: %expect-exit 1 %faultline check %s --format sarif -- %cxxflags | FileCheck %s --check-prefix=SARIF
// SARIF: "text": "at time 4, node b crashes"
// SARIF: "text": "at time 5, node b restarts, with only its durable state"
// SARIF-NEXT: }
// SARIF: "text": "at time 5, node b handles 'request_vote' from c in Voter::onRequest"
// RUN: %expect-exit 1 %faultline check %s --format html -o %t.html -- %cxxflags
// RUN: FileCheck %s --check-prefix=HTML < %t.html
// HTML: <g class="restart" data-node="b" data-time="5"><title>b restarts at 5, with only its durable state</title>
// MODEL: // run with: --eot 8 --eff 0 --crashes 1 --restarts 1 --nodes a,b,c

#include "faultline/annotations.h"

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

#ifdef PERSIST
#define VOTE FL_DURABLE
#else
#define VOTE FL_STATE
#endif

struct FL_MESSAGE Campaign {
  int term;
};
struct FL_MESSAGE RequestVote {
  int term;
};
struct FL_MESSAGE Grant {
  int term;
};

struct FL_PROCESS Candidate {
  FL_SELF NodeId self;
  FL_STATE NodeId voter = "b";
  FL_STATE bool leader = false;

  FL_RECEIVE void onCampaign(const Campaign &m) { send(voter, RequestVote{m.term}); }
  FL_RECEIVE void onGrant(const Grant &m) { leader = true; }
};

struct FL_PROCESS Voter {
  VOTE NodeId votedFor = "";
  // MODEL: durable voter_voted_for;
  FL_GHOST int grants = 0;
  // MODEL: ghost voter_grants;
  FL_STATE bool rebooted = false;

  FL_RECEIVE void onRequest(const RequestVote &m, const NodeId &from) {
    if (votedFor != "")
      return;
    votedFor = from;
    grants = grants + 1;
    send(from, Grant{m.term});
  }
  FL_ON_RESTART void onRestart() { rebooted = true; }
  // MODEL: voter_rebooted(Node, {{.*}})@next :- fl_role(Node, "Voter"), restart(Node, _){{.*}};
};

FL_INVARIANT bool oneLeader(const Candidate &x, const Candidate &y) {
  return !x.leader || !y.leader || x.self == y.self;
}
// CHECK: {{.*}}restart-vote.cpp:[[@LINE-3]]:19: warning: invariant 'oneLeader' is violated in scenario 'election' under: crash b@{{[0-9]+}}, restart b@{{[0-9]+}} [faultline]
// CHECK: note: at time {{[0-9]+}}, node b restarts, with only its durable state
// CHECK: scenario 'election': counterexample
// NORESTART: scenario 'election': certified for EOT 8, EFF 0, 1 crash (
// PERSIST: scenario 'election': certified for EOT 8, EFF 0, 1 crash, 1 restart (

FL_SCENARIO void election(faultline::Scenario &s) {
  s.bounds(8, 0, 1);
  s.restarts(1);
  s.node<Candidate>("a");
  s.node<Voter>("b");
  s.node<Candidate>("c");
  s.deliver<Campaign>("a", "client", Campaign{1}, 1);
  s.deliver<Campaign>("c", "client", Campaign{1}, 4);
}

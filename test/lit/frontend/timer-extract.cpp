// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// A FL_TIMER member is a timer of the model, named as a state member's
// relation is; arm() and cancel() in handlers (and the helpers they call)
// derive its arm and cancel relations on their paths; its firing enters
// the inbox as an event of the timer's name from the node itself, which
// the FL_ON_TIMER handler handles as a receive handler handles a message.
// The timer handler writes a scalar that a receive handler writes too:
// one event per node per step, as for messages. s.arm starts a timer
// armed, s.timerSlack sets the scenario's default slack.

#include "Inputs/preamble.h"

struct FL_MESSAGE Heartbeat {
  int term;
};

struct FL_PROCESS Follower {
  FL_STATE int term = 0;
  FL_STATE int timeouts = 0;
  FL_TIMER faultline::Timer electionTimer;

  void reset(int steps) { electionTimer.arm(steps); }

  FL_RECEIVE void onHeartbeat(const Heartbeat &h) {
    if (h.term < term) {
      electionTimer.cancel();
      return;
    }
    term = h.term;
    reset(h.term + 2);
  }
  FL_ON_TIMER(electionTimer) void onElectionTimeout() {
    term = term + 1;
    timeouts = timeouts + 1;
    electionTimer.arm(3);
  }
};

FL_SCENARIO void one(faultline::Scenario &s) {
  s.bounds(5, 0, 0);
  s.timerSlack(1);
  s.node<Follower>("f");
  s.arm("f", &Follower::electionTimer, 2);
}

// CHECK: // run with: --eot 5 --eff 0 --crashes 0 --timer-slack 1 --nodes f
// CHECK: timer follower_election_timer/1;
// CHECK-DAG: cancel_follower_election_timer(Node) :- fl_current(Node, _, "heartbeat", From, Term_{{[0-9]+}}), fl_role(Node, "Follower"), follower_term(Node, Term_{{[0-9]+}}), Term_{{[0-9]+}} < Term_{{[0-9]+}};
// CHECK-DAG: arm_follower_election_timer(Node, Term_{{[0-9]+}} + 2) :- fl_current(Node, _, "heartbeat", From, Term_{{[0-9]+}}), fl_role(Node, "Follower"), follower_term(Node, Term_{{[0-9]+}}), Term_{{[0-9]+}} >= Term_{{[0-9]+}};
// CHECK-DAG: arm_follower_election_timer(Node, 3) :- fl_current(Node, _, "follower_election_timer", Node, _), fl_role(Node, "Follower"),
// CHECK-DAG: follower_term(Node, Term_{{[0-9]+}} + 1)@next :- fl_current(Node, _, "follower_election_timer", Node, _), fl_role(Node, "Follower"), follower_term(Node, Term_{{[0-9]+}}),
// CHECK-DAG: fl_inbox(N, T, "follower_election_timer", N, 0) :- follower_election_timer(N), fl_now(N, T);
// CHECK-DAG: fl_timer_reset(N, "follower_election_timer") :- arm_follower_election_timer(N, _);
// CHECK-DAG: fl_timer_reset(N, "follower_election_timer") :- cancel_follower_election_timer(N);
// CHECK-DAG: fl_inbox(N, T, K, F, A1)@next :- fl_inbox(N, T, K, F, A1), notin fl_current(N, T, K, F, A1), notin fl_timer_reset(N, K);
// CHECK-DAG: arm_follower_election_timer("f", 2)@1;

//===- two_phase_commit.h - Two-phase commit with retransmission -*- C++ -*-===//
//
// A coordinator runs one transaction with a fixed set of agents. It asks
// every agent to prepare, commits if every agent votes yes, aborts as soon
// as one votes no, and tells every agent the outcome.
//
// 2PC assumes reliable channels; over lossy links that means retransmission,
// so the coordinator repeats each request until it has the answer: a
// Prepare until the agent's vote is in, a Decision until the agent
// acknowledges it. Lost messages then only delay the protocol. What 2PC
// cannot survive is its coordinator crashing after the votes are cast: the
// agents that voted yes block (the hand-written model is
// test/models/commit/2pc.ded).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_TWO_PHASE_COMMIT_H
#define FAULTLINE_EXAMPLES_TWO_PHASE_COMMIT_H

#include "faultline/annotations.h"

#include <set>
#include <string>

namespace two_phase_commit {

using faultline::NodeId;

/// The project's send primitive (defined in transport.cpp).
template <class M> FL_SEND void send(const NodeId &to, const M &m);

enum class Outcome { None, Commit, Abort };
enum class Phase { Idle, Preparing, Decided };

/// From the client: run transaction `xact`.
struct FL_MESSAGE Begin {
  std::string xact;
};

/// Coordinator to agent: can you commit `xact`?
struct FL_MESSAGE Prepare {
  std::string xact;
};

/// Agent to coordinator, for every Prepare it gets.
struct FL_MESSAGE Vote {
  std::string xact;
  bool yes;
};

/// Coordinator to agent: the outcome.
struct FL_MESSAGE Decision {
  std::string xact;
  Outcome outcome;
};

/// Agent to coordinator, for every Decision it gets.
struct FL_MESSAGE DecisionAck {
  std::string xact;
};

struct FL_PROCESS Coordinator {
  FL_SELF NodeId self;
  /// The agents of the transaction (set up by the scenario).
  FL_STATE std::set<NodeId> agents;
  FL_STATE Phase phase = Phase::Idle;
  FL_STATE std::string xact;
  /// The agents whose yes vote is not in yet.
  FL_STATE std::set<NodeId> waiting;
  FL_STATE Outcome decision = Outcome::None;
  /// The agents that have not acknowledged the decision yet.
  FL_STATE std::set<NodeId> uninformed;

  /// Whether a yes vote from `from` is the last one missing.
  bool completesVotes(const NodeId &from) const {
    return waiting.size() == 1 && waiting.count(from) == 1;
  }

  FL_RECEIVE void onBegin(const Begin &m) {
    if (phase != Phase::Idle)
      return;
    phase = Phase::Preparing;
    xact = m.xact;
    for (const NodeId &a : agents) {
      waiting.insert(a);
      send(a, Prepare{m.xact});
    }
  }

  FL_RECEIVE void onVote(const Vote &m, const NodeId &from) {
    if (phase != Phase::Preparing || m.xact != xact)
      return; // a late or duplicate vote
    if (!m.yes) {
      phase = Phase::Decided;
      decision = Outcome::Abort;
      for (const NodeId &a : agents) {
        uninformed.insert(a);
        send(a, Decision{xact, Outcome::Abort});
      }
      return;
    }
    if (completesVotes(from)) {
      phase = Phase::Decided;
      decision = Outcome::Commit;
      for (const NodeId &a : agents) {
        uninformed.insert(a);
        send(a, Decision{xact, Outcome::Commit});
      }
      return;
    }
    waiting.erase(from);
  }

  FL_RECEIVE void onDecisionAck(const DecisionAck &m, const NodeId &from) {
    if (m.xact != xact)
      return;
    uninformed.erase(from);
  }

  /// Retransmission: every step, repeat what has not been answered.
  FL_PERIODIC void retransmit() {
    if (phase == Phase::Preparing) {
      for (const NodeId &a : waiting)
        send(a, Prepare{xact});
    } else if (phase == Phase::Decided) {
      for (const NodeId &a : uninformed)
        send(a, Decision{xact, decision});
    }
  }
};

struct FL_PROCESS Agent {
  FL_SELF NodeId self;
  /// Whether this agent can commit the transaction (set by the scenario).
  FL_STATE bool willing = false;
  FL_STATE bool voted = false;
  FL_STATE Outcome decision = Outcome::None;

  FL_RECEIVE void onPrepare(const Prepare &m, const NodeId &from) {
    voted = true;
    if (willing) {
      send(from, Vote{m.xact, true});
      return;
    }
    // A no vote means the transaction cannot commit: abort at once.
    decision = Outcome::Abort;
    send(from, Vote{m.xact, false});
  }

  FL_RECEIVE void onDecision(const Decision &m, const NodeId &from) {
    decision = m.outcome;
    send(from, DecisionAck{m.xact});
  }
};

/// Agreement: no two live agents decide differently...
FL_INVARIANT inline bool agentsAgree(const Agent &x, const Agent &y) {
  return x.decision == Outcome::None || y.decision == Outcome::None || x.decision == y.decision;
}

/// ...and no live agent decides differently from a live coordinator.
FL_INVARIANT inline bool agentAgreesWithCoordinator(const Coordinator &c, const Agent &x) {
  return c.decision == Outcome::None || x.decision == Outcome::None || c.decision == x.decision;
}

/// Termination: every live agent that voted has decided by the end of the
/// run. (An agent that was never asked has nothing to decide.)
FL_INVARIANT inline bool termination(const Agent &x) {
  return !x.voted || x.decision != Outcome::None;
}

} // namespace two_phase_commit

#endif // FAULTLINE_EXAMPLES_TWO_PHASE_COMMIT_H

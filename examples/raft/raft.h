//===- raft.h - Raft leader election and log replication --------*- C++ -*-===//
//
// A Raft server written the way C++ Raft libraries write one (Figure 2 of
// the Raft paper): 64-bit terms and indexes, the log as a std::vector of
// entries that followers truncate on a conflict, AppendEntries carrying a
// batch of entries, RPC handlers that fill the response they are given, an
// election timer and a heartbeat timer, a commit index taken from the
// median of the match indexes, asserts, and a logging macro. The only
// faultline-specific text is the marks (faultline/annotations.h): which
// members are persisted (FL_DURABLE), which functions serve RPCs and handle
// responses and timers, and the two safety properties of the paper as
// invariants.
//
// The handlers are defined in raft.cpp, each helper after its caller, with
// the scenarios; docs/annotations.md ("Porting a real protocol") walks
// through it, and test/lit/examples/raft.test checks the classic Raft bugs
// as mutants of it.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLE_RAFT_H
#define FAULTLINE_EXAMPLE_RAFT_H

#include "faultline/annotations.h"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <vector>

namespace raft {

using faultline::NodeId;

/// How much the servers tell on stderr (0: nothing).
inline int logLevel = 0;

#define RAFT_LOG(...)                                                                              \
  do {                                                                                             \
    if (::raft::logLevel > 0)                                                                      \
      std::fprintf(stderr, __VA_ARGS__);                                                           \
  } while (0)

/// The transport: serializes the message and hands it to the network.
template <class M> FL_SEND void send(const NodeId &to, const M &message);

struct AppendEntriesRequest;
struct AppendEntriesResponse;

/// The RPC client: sends the request and calls `done` with the response.
FL_CALL void appendEntries(const NodeId &to, const AppendEntriesRequest &request,
                           std::function<void(const AppendEntriesResponse &)> done);

struct Entry {
  uint64_t term;
  int command;
};

struct FL_MESSAGE RequestVoteRequest {
  uint64_t term;
  NodeId candidateId;
  uint64_t lastLogIndex;
  uint64_t lastLogTerm;
};

struct FL_MESSAGE RequestVoteResponse {
  uint64_t term = 0;
  bool voteGranted = false;
};

struct FL_MESSAGE AppendEntriesRequest {
  uint64_t term;
  NodeId leaderId;
  uint64_t prevLogIndex;
  uint64_t prevLogTerm;
  std::vector<Entry> entries;
  uint64_t leaderCommit;
};

struct FL_MESSAGE AppendEntriesResponse {
  uint64_t term = 0;
  bool success = false;
};

/// A command from a client, to be replicated.
struct FL_MESSAGE ClientRequest {
  int command;
};

enum class Role { Follower, Candidate, Leader };

/// Timeouts, in steps of the model (the simulator's clock ticks).
constexpr int ElectionTimeout = 4;
constexpr int HeartbeatInterval = 2;

class FL_PROCESS Server {
public:
  FL_ON_TIMER(electionTimer) void onElectionTimeout();
  FL_ON_TIMER(heartbeatTimer) void onHeartbeatTimeout();
  FL_RPC void handleRequestVote(const RequestVoteRequest &request, RequestVoteResponse &response);
  FL_RECEIVE void onRequestVoteResponse(const RequestVoteResponse &response, const NodeId &from);
  FL_RPC void handleAppendEntries(const AppendEntriesRequest &request,
                                  AppendEntriesResponse &response);
  FL_RECEIVE void onClientRequest(const ClientRequest &request);
  FL_ON_RESTART void recover();

  FL_SELF NodeId id;
  FL_STATE std::set<NodeId> peers;

  // Persistent state on all servers, written to disk before answering.
  FL_DURABLE uint64_t currentTerm = 0;
  FL_DURABLE NodeId votedFor;
  FL_DURABLE std::vector<Entry> log; // log[i] is the entry at index i + 1

  // Volatile state.
  FL_STATE Role role = Role::Follower;
  FL_STATE uint64_t commitIndex = 0;
  FL_STATE std::set<NodeId> votesGranted;
  FL_STATE std::map<NodeId, uint64_t> nextIndex;
  FL_STATE std::map<NodeId, uint64_t> matchIndex;

  /// The terms this server led: history for the invariants, which no
  /// crash erases.
  FL_GHOST std::set<uint64_t> termsLed;

  FL_TIMER faultline::Timer electionTimer;
  FL_TIMER faultline::Timer heartbeatTimer;

private:
  void startElection();
  void stepDown(uint64_t newTerm);
  void becomeLeader();
  void replicate(const NodeId &peer);
  void onAppendEntriesResponse(const NodeId &peer, uint64_t term, uint64_t lastIndex,
                               const AppendEntriesResponse &response);
  void advanceCommitIndex();
  uint64_t lastLogIndex() const { return log.size(); }
  uint64_t lastLogTerm() const { return log.empty() ? 0 : log.back().term; }
};

/// Election safety: at most one leader per term.
FL_INVARIANT bool electionSafety(const Server &a, const Server &b);

/// State machine safety: two servers never commit different entries at
/// one index.
FL_INVARIANT bool committedEntriesAgree(const Server &a, const Server &b);

/// Stands for a run where nothing crashes and no message is lost: a
/// process without state or handlers, which the scenarios that promise it
/// declare. An invariant applies to the scenarios that have nodes of all
/// its parameters' roles, so one that also takes a QuietNetwork states a
/// property of fault-free runs only.
struct FL_PROCESS QuietNetwork {};

/// Raft's timing, not its safety: where nothing fails, one election
/// suffices. It holds only if every server restarts its election timer
/// when it grants a vote, which is what a follower's timer is for.
FL_INVARIANT bool oneElectionSuffices(const QuietNetwork &, const Server &s);

/// The scenarios' cluster: three servers, each knowing the other two.
inline void threeServers(faultline::Scenario &s) {
  s.node<Server>("a");
  s.node<Server>("b");
  s.node<Server>("c");
  s.add("a", &Server::peers, "b");
  s.add("a", &Server::peers, "c");
  s.add("b", &Server::peers, "a");
  s.add("b", &Server::peers, "c");
  s.add("c", &Server::peers, "a");
  s.add("c", &Server::peers, "b");
}

} // namespace raft

#endif // FAULTLINE_EXAMPLE_RAFT_H

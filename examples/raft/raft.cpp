//===- raft.cpp - Raft's handlers, and the scenarios faultline checks -----===//
//
// The server's handlers as a Raft library writes them, each followed by the
// helpers it calls, then the invariants and the scenarios (see raft.h).
//
//===----------------------------------------------------------------------===//

#include "raft.h"

#include <algorithm>
#include <cassert>

namespace raft {

// ---- Leader election ------------------------------------------------------

void Server::onElectionTimeout() {
  if (role == Role::Leader)
    return;
  startElection();
}

void Server::startElection() {
  ++currentTerm;
  role = Role::Candidate;
  votedFor = id;
  votesGranted.clear();
  RAFT_LOG("%s: starting an election for term %llu\n", id.c_str(),
           static_cast<unsigned long long>(currentTerm));
  for (const NodeId &peer : peers)
    send(peer, RequestVoteRequest{currentTerm, id, lastLogIndex(), lastLogTerm()});
  electionTimer.arm(ElectionTimeout);
}

void Server::handleRequestVote(const RequestVoteRequest &request, RequestVoteResponse &response) {
  if (request.term > currentTerm)
    stepDown(request.term);
  response.term = currentTerm;
  if (request.term < currentTerm)
    return;
  // The candidate's log must be at least as up to date as ours.
  bool logIsOk = request.lastLogTerm > lastLogTerm() ||
                 (request.lastLogTerm == lastLogTerm() && request.lastLogIndex >= lastLogIndex());
  if (!logIsOk)
    return;
  if (!votedFor.empty() && votedFor != request.candidateId)
    return;
  RAFT_LOG("%s: voting for %s in term %llu\n", id.c_str(), request.candidateId.c_str(),
           static_cast<unsigned long long>(currentTerm));
  votedFor = request.candidateId;
  response.voteGranted = true;
  electionTimer.arm(ElectionTimeout);
}

void Server::stepDown(uint64_t newTerm) {
  if (newTerm > currentTerm) {
    currentTerm = newTerm;
    votedFor = "";
  }
  if (role == Role::Leader) {
    heartbeatTimer.cancel();
    electionTimer.arm(ElectionTimeout);
  }
  role = Role::Follower;
}

void Server::onRequestVoteResponse(const RequestVoteResponse &response, const NodeId &from) {
  if (response.term > currentTerm) {
    stepDown(response.term);
    return;
  }
  if (role != Role::Candidate || response.term != currentTerm || !response.voteGranted)
    return;
  votesGranted.insert(from);
  // A majority of the cluster, the candidate's own vote included.
  if (votesGranted.size() + 1 > (peers.size() + 1) / 2)
    becomeLeader();
}

void Server::becomeLeader() {
  RAFT_LOG("%s: leading term %llu\n", id.c_str(), static_cast<unsigned long long>(currentTerm));
  role = Role::Leader;
  termsLed.insert(currentTerm);
  electionTimer.cancel();
  nextIndex.clear();
  matchIndex.clear();
  for (const NodeId &peer : peers) {
    nextIndex[peer] = lastLogIndex() + 1;
    matchIndex[peer] = 0;
    // An empty AppendEntries tells the others who leads.
    appendEntries(peer,
                  AppendEntriesRequest{currentTerm, id, lastLogIndex(), lastLogTerm(), {},
                                       commitIndex},
                  [this, peer, term = currentTerm,
                   last = lastLogIndex()](const AppendEntriesResponse &response) {
                    onAppendEntriesResponse(peer, term, last, response);
                  });
  }
  heartbeatTimer.arm(HeartbeatInterval);
}

// ---- Log replication ------------------------------------------------------

void Server::onClientRequest(const ClientRequest &request) {
  if (role != Role::Leader) {
    RAFT_LOG("%s: not the leader, dropping command %d\n", id.c_str(), request.command);
    return;
  }
  log.push_back(Entry{currentTerm, request.command});
}

void Server::onHeartbeatTimeout() {
  if (role != Role::Leader)
    return;
  advanceCommitIndex();
  for (const NodeId &peer : peers)
    replicate(peer);
  heartbeatTimer.arm(HeartbeatInterval);
}

void Server::advanceCommitIndex() {
  // The index a majority holds: the median of the match indexes, the
  // leader's own last index included.
  std::vector<uint64_t> indexes;
  for (const auto &[peer, index] : matchIndex)
    indexes.push_back(index);
  indexes.push_back(lastLogIndex());
  std::nth_element(indexes.begin(), indexes.begin() + (indexes.size() - 1) / 2, indexes.end());
  uint64_t quorumIndex = indexes[(indexes.size() - 1) / 2];
  if (quorumIndex <= commitIndex)
    return;
  // Only an entry of the leader's own term is committed by counting
  // replicas (Figure 8 of the Raft paper).
  if (log[quorumIndex - 1].term != currentTerm)
    return;
  RAFT_LOG("%s: committing up to %llu\n", id.c_str(), static_cast<unsigned long long>(quorumIndex));
  commitIndex = quorumIndex;
}

void Server::replicate(const NodeId &peer) {
  uint64_t next = nextIndex.count(peer) ? nextIndex.at(peer) : lastLogIndex() + 1;
  uint64_t prevLogIndex = next - 1;
  uint64_t prevLogTerm = prevLogIndex == 0 ? 0 : log[prevLogIndex - 1].term;
  std::vector<Entry> entries;
  for (uint64_t i = prevLogIndex; i < log.size(); ++i)
    entries.push_back(log[i]);
  // The callback knows what this request carried: the term it was sent in
  // and the last index it would replicate.
  appendEntries(peer,
                AppendEntriesRequest{currentTerm, id, prevLogIndex, prevLogTerm, entries,
                                     commitIndex},
                [this, peer, term = currentTerm,
                 last = prevLogIndex + entries.size()](const AppendEntriesResponse &response) {
                  onAppendEntriesResponse(peer, term, last, response);
                });
}

void Server::handleAppendEntries(const AppendEntriesRequest &request,
                                 AppendEntriesResponse &response) {
  response.term = currentTerm;
  if (request.term < currentTerm)
    return; // a stale leader: it learns the newer term from the response
  if (request.term > currentTerm || role != Role::Follower)
    stepDown(request.term);
  response.term = currentTerm;
  electionTimer.arm(ElectionTimeout);
  // The entry before the new ones must be ours too.
  if (request.prevLogIndex > lastLogIndex())
    return;
  if (request.prevLogIndex > 0 && log[request.prevLogIndex - 1].term != request.prevLogTerm)
    return;
  uint64_t index = request.prevLogIndex;
  for (const Entry &entry : request.entries) {
    ++index;
    if (index <= lastLogIndex()) {
      if (log[index - 1].term == entry.term)
        continue; // we have it already
      // A conflict: drop our entry and everything after it. A committed
      // entry is never dropped.
      assert(index > commitIndex);
      log.resize(index - 1);
    }
    log.push_back(entry);
  }
  if (request.leaderCommit > commitIndex)
    commitIndex = std::min(request.leaderCommit, index);
  response.success = true;
}

void Server::onAppendEntriesResponse(const NodeId &peer, uint64_t term, uint64_t lastIndex,
                                     const AppendEntriesResponse &response) {
  if (response.term > currentTerm) {
    stepDown(response.term);
    return;
  }
  if (role != Role::Leader || term != currentTerm)
    return; // an answer to a request of an older term
  if (response.success) {
    matchIndex[peer] = lastIndex;
    nextIndex[peer] = lastIndex + 1;
  } else if (nextIndex.count(peer) && nextIndex.at(peer) > 1) {
    nextIndex[peer] = nextIndex.at(peer) - 1;
  }
}

// ---- Restart ----------------------------------------------------------------

void Server::recover() {
  // The term, the vote and the log are back from disk; wait for a leader.
  electionTimer.arm(ElectionTimeout);
}

// ---- Invariants -------------------------------------------------------------

bool electionSafety(const Server &a, const Server &b) {
  if (a.id == b.id)
    return true;
  for (uint64_t term : a.termsLed)
    if (b.termsLed.count(term))
      return false;
  return true;
}

bool committedEntriesAgree(const Server &a, const Server &b) {
  for (uint64_t i = 0; i < a.commitIndex && i < b.commitIndex; ++i)
    if (a.log[i].term != b.log[i].term || a.log[i].command != b.log[i].command)
      return false;
  return true;
}

bool oneElectionSuffices(const QuietNetwork &, const Server &s) { return s.currentTerm <= 1; }

// ---- Scenarios --------------------------------------------------------------

/// a's and b's election timers run out at the same time: each asks the
/// others for their vote in term 1, and c's one vote decides.
FL_SCENARIO void splitVote(faultline::Scenario &s) {
  s.bounds(7, 3, 1);
  threeServers(s);
  s.arm("a", &Server::electionTimer, 1);
  s.arm("b", &Server::electionTimer, 1);
}

/// b has started an election for term 1, but its request is slow to reach
/// c; meanwhile a's timer runs out and a asks for term 1 too, and a client
/// asks a to run a command. A server may crash and come back, with what it
/// persisted.
FL_SCENARIO void restartedVoter(faultline::Scenario &s) {
  s.bounds(9, 0, 1);
  s.restarts(1);
  threeServers(s);
  s.arm("a", &Server::electionTimer, 1);
  s.init("b", &Server::currentTerm, 1);
  s.init("b", &Server::votedFor, "b");
  s.init("b", &Server::role, Role::Candidate);
  s.deliver<ClientRequest>("a", "client", ClientRequest{5}, 4);
  s.deliver<RequestVoteRequest>("c", "b", RequestVoteRequest{1, "b", 0, 0}, 5);
}

/// a campaigns again, in term 2, while the vote c granted it in term 1 is
/// still on its way; c has since voted for b, which leads term 2.
FL_SCENARIO void staleVoteReply(faultline::Scenario &s) {
  s.bounds(5, 2, 0);
  threeServers(s);
  s.init("a", &Server::currentTerm, 2);
  s.init("a", &Server::votedFor, "a");
  s.init("a", &Server::role, Role::Candidate);
  s.init("b", &Server::currentTerm, 2);
  s.init("b", &Server::votedFor, "b");
  s.init("b", &Server::role, Role::Leader);
  s.add("b", &Server::termsLed, 2);
  s.init("c", &Server::currentTerm, 2);
  s.init("c", &Server::votedFor, "b");
  s.deliver<RequestVoteResponse>("a", "c", RequestVoteResponse{1, true}, 2);
}

/// a leads term 1, with b and c following; two commands reach it, which
/// it replicates and commits.
FL_SCENARIO void replication(faultline::Scenario &s) {
  s.bounds(8, 4, 1);
  threeServers(s);
  s.init("a", &Server::currentTerm, 1);
  s.init("b", &Server::currentTerm, 1);
  s.init("c", &Server::currentTerm, 1);
  s.init("a", &Server::votedFor, "a");
  s.init("b", &Server::votedFor, "a");
  s.init("c", &Server::votedFor, "a");
  s.init("a", &Server::role, Role::Leader);
  s.add("a", &Server::termsLed, 1);
  s.put("a", &Server::nextIndex, "b", 1);
  s.put("a", &Server::nextIndex, "c", 1);
  s.put("a", &Server::matchIndex, "b", 0);
  s.put("a", &Server::matchIndex, "c", 0);
  s.arm("a", &Server::heartbeatTimer, 1);
  s.deliver<ClientRequest>("a", "client", ClientRequest{7}, 1);
  s.deliver<ClientRequest>("a", "client", ClientRequest{8}, 3);
}

/// a still thinks it leads term 1, and sends b an entry of that term,
/// while b and c have moved on to term 2 and committed c's entry at
/// index 2.
FL_SCENARIO void staleLeader(faultline::Scenario &s) {
  s.bounds(6, 2, 0);
  threeServers(s);
  s.init("a", &Server::currentTerm, 1);
  s.init("a", &Server::votedFor, "a");
  s.init("a", &Server::role, Role::Leader);
  s.add("a", &Server::termsLed, 1);
  s.add("a", &Server::log, Entry{1, 10});
  s.add("a", &Server::log, Entry{1, 11});
  s.init("a", &Server::commitIndex, 1);
  s.put("a", &Server::nextIndex, "b", 2);
  s.put("a", &Server::nextIndex, "c", 2);
  s.put("a", &Server::matchIndex, "b", 1);
  s.put("a", &Server::matchIndex, "c", 1);
  s.arm("a", &Server::heartbeatTimer, 1);
  s.init("b", &Server::currentTerm, 2);
  s.init("b", &Server::votedFor, "c");
  s.add("b", &Server::log, Entry{1, 10});
  s.add("b", &Server::log, Entry{2, 20});
  s.init("b", &Server::commitIndex, 2);
  s.init("c", &Server::currentTerm, 2);
  s.init("c", &Server::votedFor, "c");
  s.init("c", &Server::role, Role::Leader);
  s.add("c", &Server::termsLed, 2);
  s.add("c", &Server::log, Entry{1, 10});
  s.add("c", &Server::log, Entry{2, 20});
  s.init("c", &Server::commitIndex, 2);
}

/// Figure 8 of the Raft paper, from its step (c): a leads term 4 and has
/// its term-2 entry at index 2 on b too, a majority; c, which led term 3
/// and holds a term-3 entry at index 2, is campaigning in term 5 and its
/// timer runs out again.
FL_SCENARIO void figure8(faultline::Scenario &s) {
  s.bounds(11, 0, 0);
  threeServers(s);
  s.init("a", &Server::currentTerm, 4);
  s.init("a", &Server::votedFor, "a");
  s.init("a", &Server::role, Role::Leader);
  s.add("a", &Server::termsLed, 2);
  s.add("a", &Server::termsLed, 4);
  s.add("a", &Server::log, Entry{1, 10});
  s.add("a", &Server::log, Entry{2, 20});
  s.init("a", &Server::commitIndex, 1);
  s.put("a", &Server::nextIndex, "b", 3);
  s.put("a", &Server::nextIndex, "c", 2);
  s.put("a", &Server::matchIndex, "b", 2);
  s.put("a", &Server::matchIndex, "c", 1);
  s.arm("a", &Server::heartbeatTimer, 1);
  s.init("b", &Server::currentTerm, 4);
  s.init("b", &Server::votedFor, "a");
  s.add("b", &Server::log, Entry{1, 10});
  s.add("b", &Server::log, Entry{2, 20});
  s.init("b", &Server::commitIndex, 1);
  s.init("c", &Server::currentTerm, 5);
  s.init("c", &Server::votedFor, "c");
  s.init("c", &Server::role, Role::Candidate);
  s.add("c", &Server::termsLed, 3);
  s.add("c", &Server::log, Entry{1, 10});
  s.add("c", &Server::log, Entry{3, 30});
  s.init("c", &Server::commitIndex, 1);
  s.arm("c", &Server::electionTimer, 2);
}

/// a's and b's election timers are due at step 2, and nothing fails, but
/// timers may fire a step late: c's vote elects a, and a stays leader.
FL_SCENARIO void stableLeader(faultline::Scenario &s) {
  s.bounds(10, 0, 0);
  s.timerSlack(1);
  s.node<QuietNetwork>("quiet");
  threeServers(s);
  s.arm("a", &Server::electionTimer, 1);
  s.arm("b", &Server::electionTimer, 1);
}

} // namespace raft

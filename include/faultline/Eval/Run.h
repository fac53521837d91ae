//===- faultline/Eval/Run.h - The record of one execution -----*- C++ -*-===//
//
// A Run is everything one execution derived, at every time step, with its
// provenance: for each tuple, the rule firings that derived it (only
// well-founded ones: every positive body tuple was derived strictly earlier
// in the fixpoint than the head), and for each message whether it arrived.
// The lineage stage builds its graphs from this.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EVAL_RUN_H
#define FAULTLINE_EVAL_RUN_H

#include "faultline/Eval/Scenario.h"
#include "faultline/Eval/Value.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace faultline::eval {

using RelId = uint32_t;
using TupleId = uint32_t;
using FiringId = uint32_t;
using MessageId = uint32_t;

/// Where a tuple came from, besides rule firings.
enum class TupleOrigin : uint8_t {
  Derived,  ///< Only by the firings listed.
  Fact,     ///< A `rel(...)@N;` fact of the program.
  Scenario, ///< A `crash` tuple of the failure scenario.
  Timer,    ///< A timer firing (Run::Timers says which arming fired).
};

struct TupleRecord {
  RelId Rel = 0;
  int Time = 0;
  Tuple Values;
  /// The fixpoint round of its time step in which it was first derived;
  /// 0 for tuples present when the step began (facts, @next, deliveries).
  uint32_t Rank = 0;
  TupleOrigin Origin = TupleOrigin::Derived;
  std::vector<FiringId> Firings;
};

/// The tuples of Rel at Time that match Values, where the columns marked in
/// Wild are `_` (their Values are meaningless). Wild may be shorter than
/// Values: the columns past its end are not wild.
struct TuplePattern {
  RelId Rel = 0;
  int Time = 0;
  Tuple Values;
  std::vector<bool> Wild;

  bool wild(size_t Col) const { return Col < Wild.size() && Wild[Col]; }
  void setWild(size_t Col) {
    if (Wild.size() <= Col)
      Wild.resize(Col + 1, false);
    Wild[Col] = true;
  }
  bool matches(const Tuple &T) const {
    if (T.size() != Values.size())
      return false;
    for (size_t I = 0; I < T.size(); ++I)
      if (!wild(I) && T[I] != Values[I])
        return false;
    return true;
  }
};

/// An absent tuple that a `notin` relied on (negative support): no tuple of
/// Rel at Time matched the pattern.
using AbsentTuple = TuplePattern;

struct Firing {
  uint32_t Rule = 0; ///< Index into the program's rules.
  int Time = 0;      ///< The time its body held.
  std::vector<TupleId> Body;
  std::vector<AbsentTuple> Absent;
  /// For an @async rule whose head went to another node: the message.
  std::optional<MessageId> Message;
};

enum class MessageFate : uint8_t {
  Delivered,
  Omitted,      ///< Lost by an omission of the scenario.
  AfterEOT,     ///< Would arrive after the end of time.
};

/// One message: an @async head sent from one node to another (messages to
/// self are not recorded here; they cannot be lost).
struct Message {
  std::string From, To;
  int SendTime = 0;
  RelId Rel = 0;
  Tuple Values;
  MessageFate Fate = MessageFate::Delivered;
  uint32_t Rule = 0; ///< The @async rule that first sent it.
};

/// One arming of a timer (`arm_<timer>(Node, Delay)` at ArmTime) and what
/// became of it: fired, ended by a cancel or a re-arm, or still pending at
/// the end of the run.
struct TimerArming {
  std::string Node, Timer;
  RelId Rel = 0;        ///< The timer's own relation (its firings).
  int ArmTime = 0;
  int Due = 0;          ///< ArmTime + the delay: the earliest step it fires.
  TupleId ArmTuple = 0; ///< The arm tuple at ArmTime.
  /// How late the scenario let it fire (known once it was pending at Due).
  int Delay = 0;
  /// How late the bounds let it fire: min(slack, EOT + 1 - Due), 0 if it is
  /// due after EOT or ended before Due.
  int MaxDelay = 0;
  int FiredAt = 0; ///< The step it fired (0: not within the run).
  std::optional<TupleId> Fired;
  /// The step a cancel, a re-arm or a restart of its node ended it (0:
  /// none did).
  int EndedAt = 0;
  std::optional<TupleId> EndTuple; ///< That cancel, arm or restart tuple.
  /// Whether it was pending at its due step (so the scenario chose when).
  bool reachedDue() const { return EndedAt == 0 || EndedAt >= Due; }
};

class Run {
public:
  int EOT = 0;
  /// How many steps after its due step a timer may fire (Bounds::TimerSlack).
  int TimerSlack = 0;
  FaultSet Faults;
  std::vector<std::string> RelNames;
  std::vector<TupleRecord> Tuples;
  std::vector<Firing> Firings;
  std::vector<Message> Messages;
  /// Every arming of a timer, in the order they were made.
  std::vector<TimerArming> Timers;
  /// The arming (index into Timers) each timer firing tuple came from.
  std::unordered_map<TupleId, uint32_t> TimerFirings;
  /// Whether a comparison ordered two strings (by their text: the one thing
  /// that tells node names apart besides the program's constants).
  bool OrderedStrings = false;

  std::optional<RelId> relation(const std::string &Name) const;
  /// The tuples of Rel at time T, in derivation order.
  const std::vector<TupleId> &table(RelId Rel, int T) const;
  std::optional<TupleId> find(RelId Rel, int T, const Tuple &Values) const;

  /// The `pre` tuples at EOT that have no identical `post` tuple.
  std::vector<TupleId> missingPost() const;
  bool violates() const { return !missingPost().empty(); }

  // Used by the evaluator to build the run.
  TupleId addTuple(TupleRecord R);
  /// Removes the tuples from KeepTuples on and the firings from
  /// KeepFirings on: the evaluator retracts what a pass over a negation
  /// cycle derived. The tuples kept must not list a firing removed.
  void truncate(TupleId KeepTuples, FiringId KeepFirings);
  void init(std::vector<std::string> Rels, int EOT);

private:
  struct Table {
    std::vector<TupleId> Rows;
    std::unordered_map<Tuple, TupleId, TupleHash> Index;
  };
  /// Tables[T][Rel], T in 0..EOT+1.
  std::vector<std::vector<Table>> Tables;
  std::unordered_map<std::string, RelId> RelIds;
  friend class Evaluator;
};

} // namespace faultline::eval

#endif // FAULTLINE_EVAL_RUN_H

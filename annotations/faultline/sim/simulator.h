//===- faultline/sim/simulator.h - Running a protocol as the model does -*- C++ -*-===//
//
// Part of the simulator (faultline/simulator.h). Runs the nodes of one
// scenario of a Protocol, for real, with exactly the timing and faults of
// faultline's model (docs/runtime.md has the details):
//
// - steps 1..EOT; a message sent at step t arrives at t+1, and one that
//   would arrive after EOT is still in flight at the end;
// - each step, every node runs its periodic handlers, then handles at most
//   one message: the least of its inbox by (arrival, kind, sender, fields);
//   the others wait;
// - a node that crashes at step c sends nothing to others from step c on
//   (it still receives and computes, and its messages to itself arrive),
//   until it restarts at r, if it does: then, at the start of step r, it
//   becomes its initial state again (as the scenario set it up) except for
//   its durable members, which keep their values, loses the messages
//   waiting in its inbox, runs its on-restart handlers in step r, and sends
//   again;
//   an omission (from, to, t) loses every message on that channel sent at t;
//   messages to names that are not nodes go nowhere;
// - a timer armed at step t with delay d (faultline::Timer::arm, or the
//   scenario's s.arm before step 1) is due at t+d and fires then, or as
//   many steps later as the schedule's TimerDelay says, unless a cancel or
//   another arm of a step before ends it; arms and cancels take effect at
//   the end of their step, the shortest arm of a step winning and an arm
//   beating a cancel. A firing enters its node's inbox at that step as an
//   event of the timer's name, from the node itself, without fields, and
//   runs the FL_ON_TIMER handler when the node handles it; an arm or a
//   cancel of the timer drops a firing still waiting there. A restart
//   ends the node's pending timers;
// - at the step a node crashes, every other node whose role handles
//   faultline::NodeCrashed sends itself one naming it (the model's perfect
//   failure detector, faultline/failure_detector.h);
// - identical messages on one channel at one step are one message, as the
//   model's tuples are;
// - the invariants are checked on the state at the start of step EOT (the
//   updates of step EOT come too late, as in the model), for every
//   combination of nodes of their roles that are not down for good (a
//   node that restarted counts).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SIM_SIMULATOR_H
#define FAULTLINE_SIM_SIMULATOR_H

#include "faultline/annotations.h"
#include "faultline/faults.h"
#include "faultline/sim/protocol.h"
#include "faultline/sim/value.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace faultline::sim {

namespace detail {
class Execution;
}

enum class Fate {
  Delivered,
  Omitted,  ///< Lost by an omission of the schedule.
  AfterEOT, ///< Would arrive after the end of time.
};

/// A message between two distinct nodes, as faultline records one: sent by
/// a node that had not crashed, to a node of the scenario.
struct SentMessage {
  int SendTime = 0;
  NodeId From, To;
  std::string Relation;
  Tuple Values; ///< The model's tuple: receiver, sender, then the fields.
  Fate What = Fate::Delivered;
};

/// The message a node handled at a step (the model's fl_current).
struct HandledMessage {
  int Time = 0;
  NodeId Node;
  int Arrival = 0;
  std::string Relation;
  NodeId From;
  Tuple Fields;
};

/// One arming of a timer, as the model's run records it.
struct TimerArming {
  NodeId Node;
  std::string Timer;
  int ArmTime = 0;
  int Due = 0;
  int FiredAt = 0; ///< 0: not within the run.
  int EndedAt = 0; ///< The step a cancel, a re-arm or a restart ended it (0: none).
};

/// One combination of live nodes for which an invariant returned false.
struct Violation {
  std::string Invariant;
  std::vector<NodeId> Nodes;
};

/// A registered state member's tuples at EOT, the node first.
struct StateTable {
  std::string Relation;
  std::vector<Tuple> Rows;
};

/// What one run did.
class Outcome {
public:
  std::string Scenario;
  Bounds B; ///< With the scenario's nodes, in the order it declares them.
  FaultSet F;
  /// In the order they were sent.
  std::vector<SentMessage> Messages;
  std::vector<HandledMessage> Handled;
  /// Every arming of a timer, in the order they were armed.
  std::vector<TimerArming> Timers;
  std::vector<Violation> Violations;
  std::vector<StateTable> State;
  /// Steps at which running the handlers one after the other departed from
  /// the model's start-of-step semantics (docs/runtime.md).
  std::vector<std::string> Warnings;

  bool violates() const { return !Violations.empty(); }
  /// The invariants that failed, each once.
  std::vector<std::string> violatedInvariants() const {
    std::vector<std::string> Out;
    for (const Violation &V : Violations)
      if (std::find(Out.begin(), Out.end(), V.Invariant) == Out.end())
        Out.push_back(V.Invariant);
    return Out;
  }
  bool crashed(const NodeId &Name) const { return F.crashTime(Name).has_value(); }
  /// Node Name's state at EOT, the state the invariants saw.
  template <class P> const P &node(const NodeId &Name) const {
    for (const Snapshot &S : AtEOT)
      if (S.Name == Name) {
        if (S.Role != typeKey<P>())
          throw Error("node '" + Name + "' is not a " + typeName<P>());
        return *static_cast<const P *>(S.Object.get());
      }
    throw Error("no node named '" + Name + "'");
  }

private:
  struct Snapshot {
    NodeId Name;
    TypeKey Role;
    std::shared_ptr<const void> Object;
  };
  std::vector<Snapshot> AtEOT;
  friend class detail::Execution;
};

namespace detail {

/// The completion callback of a FL_CALL, waiting for the response.
struct Callback {
  TypeKey Response;
  std::function<void(const void *, const NodeId &)> Run;
};

/// A message on its way: what the inbox orders by, and the C++ value.
struct Outgoing {
  NodeId To;
  TypeKey Type;
  const MessageInfo *Info;
  Tuple Fields;
  std::shared_ptr<const void> Payload;
  /// A request made by a FL_CALL: the callback its response runs.
  std::shared_ptr<const Callback> Call;
  /// A FL_RPC's response: the calls of the request it answers.
  std::vector<uint64_t> Answers;
};

/// The model's inbox order: arrival, kind, sender, then the fields.
struct InboxKey {
  int Arrival = 0;
  std::string Relation;
  NodeId From;
  Tuple Fields;
  friend bool operator<(const InboxKey &A, const InboxKey &B) {
    return std::tie(A.Arrival, A.Relation, A.From, A.Fields) <
           std::tie(B.Arrival, B.Relation, B.From, B.Fields);
  }
};

struct Envelope {
  TypeKey Type;
  std::shared_ptr<const void> Payload;
  /// A timer's firing instead of a message.
  const TimerInfo *Timer = nullptr;
  /// The FL_CALLs a request was made by, and those a response answers:
  /// equal messages on one channel at one step are one message, which
  /// carries the calls of each (as the model's context rows do).
  std::vector<uint64_t> Calls, Answers;
};

/// One run of one scenario. It is the ScenarioSink that the scenario
/// function's calls build the nodes with, and the target of send().
class Execution final : public ScenarioSink {
public:
  Execution(const Protocol &P, bool CheckSnapshots) : P(P), CheckSnapshots(CheckSnapshots) {}

  /// Sets the scenario up (calls its function): nodes, state, deliveries.
  void setUp(const ScenarioInfo &S) {
    Out.Scenario = S.Name;
    Scenario Calls(this);
    S.Setup(Calls);
    if (Nodes.empty())
      throw Error("scenario '" + S.Name + "' declares no node");
    for (const NodeState &N : Nodes)
      B.Nodes.push_back(N.Name);
  }

  const Bounds &bounds() const { return B; }

  /// Override replaces the scenario's EOT, EFF and number of crashes; the
  /// nodes are always the scenario's.
  Outcome run(const FaultSet &F, const std::optional<Bounds> &Override) {
    if (Override) {
      B.EOT = Override->EOT;
      B.EFF = Override->EFF;
      B.MaxCrashes = Override->MaxCrashes;
      B.MaxRestarts = Override->MaxRestarts;
      B.TimerSlack = Override->TimerSlack;
    }
    Out.B = B;
    Out.F = F;
    Out.F.normalize();
    if (auto Problem = checkFaults(B, Out.F))
      throw Error("scenario '" + Out.Scenario + "': " + *Problem);
    // What a restart returns to: each node as the scenario set it up.
    for (const NodeState &N : Nodes)
      Initial.push_back(N.Role->Copy(N.Object.get()));
    for (T = 1; T <= B.EOT; ++T)
      step();
    return std::move(Out);
  }

  template <class M> void send(const NodeId &To, const M &Message) {
    if (!Outbox)
      throw Error("send() called outside a handler that the simulator runs");
    const MessageInfo *Info = P.message(typeKey<M>());
    if (!Info)
      throw Error("a handler sent a " + typeName<M>() +
                  ", which is not registered (Protocol::message)");
    Outbox->push_back(
        {To, typeKey<M>(), Info, Info->Fields(&Message), Info->Copy(&Message), nullptr, {}});
  }

  /// A FL_CALL: Request goes to To like a message, and Done runs when its
  /// response comes back (unless the caller restarted in between).
  template <class Req, class Resp>
  void call(const NodeId &To, const Req &Request,
            std::function<void(const Resp &, const NodeId &)> Done) {
    send(To, Request);
    Outbox->back().Call = std::make_shared<const Callback>(
        Callback{typeKey<Resp>(), [Done = std::move(Done)](const void *M, const NodeId &From) {
                   Done(*static_cast<const Resp *>(M), From);
                 }});
  }

  /// A FL_RPC handler's response, sent back with the calls of the request
  /// being handled.
  template <class M> void reply(const NodeId &To, const M &Message) {
    send(To, Message);
    if (Answering)
      Outbox->back().Answers = *Answering;
  }

  /// The step being run (0 before the first).
  int now() const { return T; }
  /// The node whose handler is running, or null between handlers.
  const NodeId *running() const { return Current ? &Current->Name : nullptr; }

  const NodeId &self() const {
    if (!Current)
      throw Error("self() called outside a handler that the simulator runs");
    return Current->Name;
  }

  // ScenarioSink: the scenario's calls.
  void bounds(int EOT, int EFF, int Crashes) override {
    B.EOT = EOT;
    B.EFF = EFF;
    B.MaxCrashes = Crashes;
  }
  void restarts(int Restarts) override { B.MaxRestarts = Restarts; }
  void timerSlack(int Steps) override { B.TimerSlack = Steps; }
  void node(const NodeId &Name, TypeKey Role) override {
    const RoleInfo *R = P.role(Role);
    if (!R)
      throw Error("s.node(\"" + Name + "\"): its role is not registered (Protocol::role)");
    if (find(Name))
      throw Error("node '" + Name + "' is declared twice");
    Nodes.push_back({Name, Role, R, R->Create(Name), {}, {}, {}});
  }
  void *state(const NodeId &Name, TypeKey Role, const char *Call) override {
    NodeState *N = find(Name);
    if (!N)
      throw Error(std::string("s.") + Call + "(\"" + Name +
                  "\", ...): no node of that name (declare nodes with s.node first)");
    if (N->RoleKey != Role)
      throw Error(std::string("s.") + Call + "(\"" + Name + "\", ...): '" + Name +
                  "' is not a node of the role that has this member");
    return N->Object.get();
  }
  void mismatch(const NodeId &Name, const char *Call) override {
    throw Error(std::string("s.") + Call + "(\"" + Name +
                "\", ...): the value does not fit the member (s.init sets a scalar, s.add "
                "adds to a set or vector, s.put sets a map entry)");
  }
  void deliver(const NodeId &To, const NodeId &From, TypeKey Type, const void *Value,
               int At) override {
    const MessageInfo *Info = P.message(Type);
    if (!Info)
      throw Error("s.deliver to '" + To + "' at " + std::to_string(At) +
                  ": the message type is not registered (Protocol::message)");
    Deliveries.push_back(
        {At, To, {To, Type, Info, Info->Fields(Value), Info->Copy(Value), nullptr, {}}, From});
  }

private:
  struct NodeState {
    NodeId Name;
    TypeKey RoleKey;
    const RoleInfo *Role;
    std::shared_ptr<void> Object;
    std::map<InboxKey, Envelope> Inbox;
    /// The FL_CALLs made and not answered yet, by call number.
    std::map<uint64_t, std::shared_ptr<const Callback>> Calls;
    /// Per timer of the role, the index of its pending arming in
    /// Out.Timers, if one is pending.
    std::map<const TimerInfo *, size_t> Pending;
  };
  struct Delivery {
    int At;
    NodeId To;
    Outgoing Message;
    NodeId From;
  };
  /// A handler to run at this step, and what to call it in a warning: the
  /// periodic handler of that index, or the receive handler of a kind.
  struct Step {
    std::function<void(void *)> Run;
    size_t Periodic;
    const std::string *Kind;
    /// A FL_CALL's callback: it runs on the node it captured, not on a
    /// copy.
    bool Callback = false;
    std::string label() const {
      return Kind ? "handler of '" + *Kind + "'"
                  : "periodic handler #" + std::to_string(Periodic + 1);
    }
  };

  NodeState *find(const NodeId &Name) {
    for (NodeState &N : Nodes)
      if (N.Name == Name)
        return &N;
    return nullptr;
  }

  /// Node N comes back at this step: its initial state with its durable
  /// members as they are, and none of the messages waiting for it.
  void restart(NodeState &N, const std::shared_ptr<void> &InitialState) {
    std::shared_ptr<void> Fresh = N.Role->Copy(InitialState.get());
    for (const auto &Keep : N.Role->KeepDurable)
      Keep(N.Object.get(), Fresh.get());
    N.Object = std::move(Fresh);
    // A callback dies with the process that waited for it.
    N.Calls.clear();
    for (auto It = N.Inbox.begin(); It != N.Inbox.end();)
      It = It->first.Arrival < T ? N.Inbox.erase(It) : std::next(It);
    // A timer is volatile: the restart ends its arming, and an arm the
    // scenario made before step 1 is not made again.
    for (auto &[Timer, Index] : N.Pending)
      Out.Timers[Index].EndedAt = T;
    N.Pending.clear();
    for (const TimerInfo &Timer : N.Role->Timers)
      Timer.Get(N.Object.get()).clearRequests();
  }

  /// The timers of N that fire at this step enter its inbox.
  void fireTimers(NodeState &N) {
    for (auto It = N.Pending.begin(); It != N.Pending.end();) {
      TimerArming &A = Out.Timers[It->second];
      if (A.Due + Out.F.timerDelay(N.Name, A.Timer, A.Due) != T) {
        ++It;
        continue;
      }
      A.FiredAt = T;
      N.Inbox.emplace(InboxKey{T, A.Timer, N.Name, {}}, Envelope{nullptr, nullptr, It->first, {}, {}});
      It = N.Pending.erase(It);
    }
  }

  /// The arms and cancels of N's handlers in this step take effect.
  void updateTimers(NodeState &N) {
    for (const TimerInfo &Timer : N.Role->Timers) {
      faultline::Timer &Requests = Timer.Get(N.Object.get());
      bool Arm = Requests.armRequested();
      int Delay = Requests.requestedDelay();
      bool Cancel = Requests.cancelRequested();
      Requests.clearRequests();
      if (!Arm && !Cancel)
        continue;
      if (Arm && (Delay < 1 || Delay > 10000))
        throw Error("at time " + std::to_string(T) + ", node " + N.Name + " armed its timer " +
                    Timer.Name + " with a delay of " + std::to_string(Delay) +
                    " steps; a delay is a number of steps from 1 to 10000");
      // A firing still waiting in the inbox is dropped: after cancel() the
      // handler does not run, and a re-arm sets a new deadline.
      for (auto It = N.Inbox.begin(); It != N.Inbox.end();)
        It = It->second.Timer == &Timer ? N.Inbox.erase(It) : std::next(It);
      if (auto It = N.Pending.find(&Timer); It != N.Pending.end()) {
        Out.Timers[It->second].EndedAt = T;
        N.Pending.erase(It);
      }
      if (Arm) {
        N.Pending[&Timer] = Out.Timers.size();
        Out.Timers.push_back({N.Name, Timer.Name, T, T + Delay, 0, 0});
      }
    }
  }

  void step() {
    for (size_t I = 0; I < Nodes.size(); ++I)
      if (Out.F.restartTime(Nodes[I].Name) == T)
        restart(Nodes[I], Initial[I]);
    for (NodeState &N : Nodes)
      fireTimers(N);
    for (const Delivery &D : Deliveries)
      if (D.At == T)
        if (NodeState *N = find(D.To))
          N->Inbox.emplace(InboxKey{T, D.Message.Info->Relation, D.From, D.Message.Fields},
                           Envelope{D.Message.Type, D.Message.Payload, nullptr, {}, {}});
    // The invariants read the state at EOT: what the handlers of step EOT
    // change would only show at EOT+1. Step EOT still runs, for the
    // messages it sends, which are in flight at the end.
    if (T == B.EOT)
      observe();
    std::vector<std::pair<NodeState *, Outgoing>> Sent;
    for (NodeState &N : Nodes) {
      Current = &N;
      std::vector<Step> Handlers;
      for (size_t I = 0; I < N.Role->Periodic.size(); ++I)
        Handlers.push_back({N.Role->Periodic[I], I, nullptr});
      if (Out.F.restartTime(N.Name) == T)
        for (const auto &OnRestart : N.Role->OnRestart)
          Handlers.push_back({OnRestart, N.Role->Periodic.size(), nullptr});
      InboxKey Key;
      Envelope Message{nullptr, nullptr, nullptr, {}, {}};
      if (!N.Inbox.empty()) {
        Key = N.Inbox.begin()->first;
        Message = N.Inbox.begin()->second;
        N.Inbox.erase(N.Inbox.begin());
        Out.Handled.push_back({T, N.Name, Key.Arrival, Key.Relation, Key.From, Key.Fields});
        auto Receive = N.Role->Receive.find(Message.Type);
        if (Message.Timer) {
          Handlers.push_back({Message.Timer->Handler, 0, &Key.Relation});
        } else if (!Message.Answers.empty()) {
          // A response to this node's FL_CALLs runs their callbacks (none
          // if the node restarted since it called).
          for (uint64_t Id : Message.Answers)
            if (auto Call = N.Calls.find(Id);
                Call != N.Calls.end() && Call->second->Response == Message.Type) {
              std::shared_ptr<const Callback> Done = Call->second;
              N.Calls.erase(Call);
              Handlers.push_back({[Done, &Message, &Key](void *) {
                                    Done->Run(Message.Payload.get(), Key.From);
                                  },
                                  0, &Key.Relation, /*Callback=*/true});
            }
        } else if (Receive != N.Role->Receive.end()) {
          const ReceiveFn &Fn = Receive->second;
          Handlers.push_back({[this, &Fn, &Message, &Key](void *Object) {
                                Answering = &Message.Calls;
                                Fn(Object, Message.Payload.get(), Key.From);
                                Answering = nullptr;
                              },
                              0, &Key.Relation});
        }
      }
      for (Outgoing &O : runHandlers(N, Handlers))
        Sent.push_back({&N, std::move(O)});
    }
    Current = nullptr;
    route(Sent);
    noticeCrashes();
    for (NodeState &N : Nodes)
      updateTimers(N);
  }

  /// The failure detector: a node that handles NodeCrashed sends itself a
  /// notice at the step another node crashes, which arrives at the next.
  void noticeCrashes() {
    const MessageInfo *Notice = P.message(typeKey<NodeCrashed>());
    for (const Crash &C : Out.F.Crashes) {
      if (C.Time != T || T + 1 > B.EOT)
        continue;
      NodeCrashed Value{C.Node};
      for (NodeState &N : Nodes)
        if (N.Name != C.Node && N.Role->Receive.count(typeKey<NodeCrashed>()))
          N.Inbox.emplace(InboxKey{T + 1, Notice->Relation, N.Name, Notice->Fields(&Value)},
                          Envelope{typeKey<NodeCrashed>(), Notice->Copy(&Value), nullptr, {}, {}});
    }
  }

  /// Runs a node's handlers of one step one after the other. The model runs
  /// them all on the state at the start of the step; the two agree when no
  /// handler reads what another wrote. When several handlers run, each also
  /// runs alone on a copy of that state, and a difference in what it sent or
  /// in a registered member becomes a warning.
  std::vector<Outgoing> runHandlers(NodeState &N, const std::vector<Step> &Handlers) {
    std::vector<Outgoing> All;
    bool Callbacks = std::any_of(Handlers.begin(), Handlers.end(),
                                 [](const Step &H) { return H.Callback; });
    if (Handlers.size() < 2 || !CheckSnapshots || Callbacks) {
      for (const Step &H : Handlers)
        for (Outgoing &O : invoke(H.Run, N.Object.get()))
          All.push_back(std::move(O));
      return All;
    }
    std::shared_ptr<void> Start = N.Role->Copy(N.Object.get());
    std::vector<std::shared_ptr<void>> Alone;
    std::vector<std::vector<Outgoing>> AloneSent;
    for (const Step &H : Handlers) {
      Alone.push_back(N.Role->Copy(Start.get()));
      AloneSent.push_back(invoke(H.Run, Alone.back().get()));
    }
    for (size_t I = 0; I < Handlers.size(); ++I) {
      std::vector<Outgoing> Sent = invoke(Handlers[I].Run, N.Object.get());
      if (!sameMessages(Sent, AloneSent[I]))
        warn(N, "the messages its " + Handlers[I].label() + " sends");
      for (Outgoing &O : Sent)
        All.push_back(std::move(O));
    }
    for (const StateInfo &S : N.Role->State) {
      std::vector<size_t> Writers;
      for (size_t I = 0; I < Handlers.size(); ++I)
        if (!S.Same(Alone[I].get(), Start.get()))
          Writers.push_back(I);
      // Two writers of one member: the frontend rejects that for scalars,
      // and sets take both updates; nothing to compare against.
      if (Writers.size() > 1)
        continue;
      const void *Expected = Writers.empty() ? Start.get() : Alone[Writers[0]].get();
      if (!S.Same(N.Object.get(), Expected))
        warn(N, S.Relation);
    }
    return All;
  }

  static bool sameMessages(const std::vector<Outgoing> &A, const std::vector<Outgoing> &B) {
    if (A.size() != B.size())
      return false;
    for (size_t I = 0; I < A.size(); ++I)
      if (A[I].To != B[I].To || A[I].Type != B[I].Type || A[I].Fields != B[I].Fields)
        return false;
    return true;
  }

  void warn(const NodeState &N, const std::string &What) {
    std::string Text = "at time " + std::to_string(T) + ", node " + N.Name +
                       ": running its handlers one after the other changes " + What +
                       " (the model runs each on the state at the start of the step); from "
                       "here this run can depart from the model (see docs/runtime.md)";
    if (std::find(Out.Warnings.begin(), Out.Warnings.end(), Text) == Out.Warnings.end())
      Out.Warnings.push_back(std::move(Text));
  }

  std::vector<Outgoing> invoke(const std::function<void(void *)> &Handler, void *Object) {
    std::vector<Outgoing> Sent;
    struct Restore {
      std::vector<Outgoing> *&Slot, *Saved;
      ~Restore() { Slot = Saved; }
    } Guard{Outbox, Outbox};
    Outbox = &Sent;
    Handler(Object);
    return Sent;
  }

  /// The fate of each message sent at step T, as faultline's evaluator
  /// decides it.
  void route(std::vector<std::pair<NodeState *, Outgoing>> &Sent) {
    std::set<std::tuple<NodeId, NodeId, std::string, Tuple>> Recorded;
    for (auto &[From, O] : Sent) {
      NodeState *To = find(O.To);
      if (!To)
        continue; // Not a node of the scenario: the message goes nowhere.
      InboxKey Key{T + 1, O.Info->Relation, From->Name, O.Fields};
      Envelope Message{O.Type, O.Payload, nullptr, {}, O.Answers};
      if (O.Call) {
        From->Calls[++LastCall] = O.Call;
        Message.Calls.push_back(LastCall);
      }
      if (To == From) {
        // Messages to self are never lost, even from a crashed node.
        if (T + 1 <= B.EOT)
          deliver(*To, std::move(Key), std::move(Message));
        continue;
      }
      if (Out.F.down(From->Name, T))
        continue; // A crashed node sends nothing until it restarts.
      if (!Recorded.emplace(From->Name, O.To, O.Info->Relation, O.Fields).second) {
        // The same message twice is one message, carrying the calls of both.
        if (auto It = To->Inbox.find(Key); It != To->Inbox.end())
          merge(It->second, Message);
        continue;
      }
      Fate What = Out.F.omits(From->Name, O.To, T) ? Fate::Omitted
                  : T + 1 > B.EOT                  ? Fate::AfterEOT
                                                   : Fate::Delivered;
      Tuple Values{Value::text(O.To), Value::text(From->Name)};
      Values.insert(Values.end(), O.Fields.begin(), O.Fields.end());
      Out.Messages.push_back({T, From->Name, O.To, O.Info->Relation, std::move(Values), What});
      if (What == Fate::Delivered)
        deliver(*To, std::move(Key), std::move(Message));
    }
  }

  static void deliver(NodeState &To, InboxKey Key, Envelope Message) {
    auto [It, New] = To.Inbox.emplace(std::move(Key), Message);
    if (!New)
      merge(It->second, Message);
  }

  static void merge(Envelope &Into, const Envelope &From) {
    Into.Calls.insert(Into.Calls.end(), From.Calls.begin(), From.Calls.end());
    Into.Answers.insert(Into.Answers.end(), From.Answers.begin(), From.Answers.end());
  }

  /// The invariants, the registered state and a copy of every node, at EOT.
  void observe() {
    for (const InvariantInfo &I : P.invariants())
      checkInvariant(I);
    for (const RoleInfo *R : P.roles())
      for (const StateInfo &S : R->State) {
        StateTable Table{S.Relation, {}};
        for (const NodeState &N : Nodes)
          if (N.Role == R)
            for (Tuple &Row : S.Rows(N.Object.get())) {
              Row.insert(Row.begin(), Value::text(N.Name));
              Table.Rows.push_back(std::move(Row));
            }
        Out.State.push_back(std::move(Table));
      }
    for (const NodeState &N : Nodes)
      Out.AtEOT.push_back({N.Name, N.RoleKey, N.Role->Copy(N.Object.get())});
  }

  /// Every combination of nodes of the invariant's roles that are not down
  /// for good
  /// (the same node may fill several parameters).
  void checkInvariant(const InvariantInfo &I) {
    std::vector<std::vector<const NodeState *>> Choices;
    for (TypeKey Role : I.Roles) {
      Choices.emplace_back();
      for (const NodeState &N : Nodes)
        if (N.RoleKey == Role && !(Out.F.crashTime(N.Name) && !Out.F.restartTime(N.Name)))
          Choices.back().push_back(&N);
      if (Choices.back().empty())
        return; // No live node of a role: the invariant holds.
    }
    std::vector<size_t> Pick(Choices.size(), 0);
    while (true) {
      std::vector<const void *> Args;
      std::vector<NodeId> Names;
      for (size_t K = 0; K < Choices.size(); ++K) {
        Args.push_back(Choices[K][Pick[K]]->Object.get());
        Names.push_back(Choices[K][Pick[K]]->Name);
      }
      if (!I.Check(Args))
        Out.Violations.push_back({I.Name, std::move(Names)});
      size_t K = Choices.size();
      while (K > 0 && ++Pick[K - 1] == Choices[K - 1].size())
        Pick[--K] = 0;
      if (K == 0)
        return;
    }
  }

  const Protocol &P;
  bool CheckSnapshots;
  Bounds B;
  std::vector<NodeState> Nodes;
  /// Each node's state when the run began, by index into Nodes.
  std::vector<std::shared_ptr<void>> Initial;
  std::vector<Delivery> Deliveries;
  Outcome Out;
  int T = 0;
  NodeState *Current = nullptr;
  std::vector<Outgoing> *Outbox = nullptr;
  /// The calls of the request whose handler is running: its response
  /// answers them.
  const std::vector<uint64_t> *Answering = nullptr;
  uint64_t LastCall = 0;
};

/// The execution whose handlers are running on this thread.
inline thread_local Execution *Running = nullptr;

} // namespace detail

/// Runs the scenarios of a Protocol.
class Simulator {
public:
  /// Checks that the description is complete: every message a role
  /// receives and every role an invariant takes is registered.
  explicit Simulator(const Protocol &P) : P(P) {
    for (const RoleInfo *R : P.roles())
      for (const auto &[Type, Name] : R->ReceiveNames)
        if (!P.message(Type))
          throw Error("role " + R->Name + " receives " + Name +
                      ", which is not registered (Protocol::message)");
    for (const InvariantInfo &I : P.invariants())
      for (size_t K = 0; K < I.Roles.size(); ++K)
        if (!P.role(I.Roles[K]))
          throw Error("invariant " + I.Name + " takes a " + I.RoleNames[K] +
                      ", which is not a registered role (Protocol::role)");
  }

  /// Whether to warn where running a step's handlers one after the other
  /// departs from the model (on by default; it runs each handler twice).
  bool CheckSnapshots = true;

  std::vector<std::string> scenarioNames() const {
    std::vector<std::string> Out;
    for (const ScenarioInfo &S : P.scenarios())
      Out.push_back(S.Name);
    return Out;
  }
  bool hasScenario(const std::string &Name) const { return lookup(Name) != nullptr; }
  /// The names of the timers of every role, as the model names them.
  std::vector<std::string> timerNames() const {
    std::vector<std::string> Out;
    for (const RoleInfo *R : P.roles())
      for (const TimerInfo &T : R->Timers)
        Out.push_back(T.Name);
    return Out;
  }

  /// A scenario's own bounds, with its nodes.
  Bounds shape(const std::string &Scenario) const {
    detail::Execution E(P, CheckSnapshots);
    E.setUp(get(Scenario));
    return E.bounds();
  }

  /// Runs a scenario under some faults, within its own bounds or others
  /// (their EOT, EFF and crashes; the nodes are the scenario's). Throws
  /// Error for an unknown scenario, a broken set-up or faults that do not
  /// fit the bounds.
  Outcome run(const std::string &Scenario, const FaultSet &F = FaultSet(),
              const std::optional<Bounds> &Override = std::nullopt) const {
    detail::Execution E(P, CheckSnapshots);
    struct Restore {
      detail::Execution *Saved;
      ~Restore() { detail::Running = Saved; }
    } Guard{detail::Running};
    detail::Running = &E;
    E.setUp(get(Scenario));
    return E.run(F, Override);
  }

private:
  const ScenarioInfo *lookup(const std::string &Name) const {
    for (const ScenarioInfo &S : P.scenarios())
      if (S.Name == Name)
        return &S;
    return nullptr;
  }
  const ScenarioInfo &get(const std::string &Name) const {
    if (const ScenarioInfo *S = lookup(Name))
      return *S;
    std::string Known;
    for (const ScenarioInfo &S : P.scenarios())
      Known += (Known.empty() ? "" : ", ") + S.Name;
    throw Error("no scenario named '" + Name + "' (scenarios: " + (Known.empty() ? "none" : Known) +
                ")");
  }

  const Protocol &P;
};

/// The send primitive of a protocol run by the simulator: define the
/// protocol's FL_SEND function to call this in the build that simulates
/// (the examples' sim_transport.cpp).
template <class M> void send(const NodeId &To, const M &Message) {
  if (!detail::Running)
    throw Error("faultline::sim::send: no simulation is running");
  detail::Running->send(To, Message);
}

/// The protocol's FL_CALL function in the simulator: the request goes to To
/// and Done runs with its response, as the model's callback does.
template <class Req, class Resp>
void call(const NodeId &To, const Req &Request, std::function<void(const Resp &)> Done) {
  if (!detail::Running)
    throw Error("faultline::sim::call: no simulation is running");
  detail::Running->call<Req, Resp>(
      To, Request, [Done = std::move(Done)](const Resp &R, const NodeId &) { Done(R); });
}
template <class Req, class Resp>
void call(const NodeId &To, const Req &Request,
          std::function<void(const Resp &, const NodeId &)> Done) {
  if (!detail::Running)
    throw Error("faultline::sim::call: no simulation is running");
  detail::Running->call<Req, Resp>(To, Request, std::move(Done));
}

/// A FL_RPC handler's response, sent to To with the calls it answers (the
/// generated set-up sends each response this way).
template <class M> void reply(const NodeId &To, const M &Message) {
  if (!detail::Running)
    throw Error("faultline::sim::reply: no simulation is running");
  detail::Running->reply(To, Message);
}

/// The name of the node whose handler is running.
inline const NodeId &self() {
  if (!detail::Running)
    throw Error("faultline::sim::self: no simulation is running");
  return detail::Running->self();
}

} // namespace faultline::sim

#endif // FAULTLINE_SIM_SIMULATOR_H

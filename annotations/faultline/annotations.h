//===- faultline/annotations.h - Mark a protocol for faultline --*- C++ -*-===//
//
// Include this header in the protocol's own code and mark what faultline
// should model. Under Clang the marks become [[clang::annotate]] attributes
// that faultline's frontend reads from the AST; under any other compiler they
// expand to nothing, so the code builds unchanged with GCC or MSVC.
//
// See docs/annotations.md for every mark, what code it accepts, and a
// complete example.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_ANNOTATIONS_H
#define FAULTLINE_ANNOTATIONS_H

#include <string>

#if defined(__clang__)
#define FAULTLINE_MARK(What) [[clang::annotate("faultline." What)]]
#else
#define FAULTLINE_MARK(What)
#endif

/// A process type: one role of node in the protocol (`struct FL_PROCESS Replica`).
#define FL_PROCESS FAULTLINE_MARK("process")
/// A data member of a process that is part of its replicated state.
#define FL_STATE FAULTLINE_MARK("state")
/// A state member that survives a restart (the node persisted it: a term,
/// a vote, a log), in place of FL_STATE. With `--restarts`, a crashed node
/// comes back with its durable members as they were and every other member
/// re-initialised.
#define FL_DURABLE FAULTLINE_MARK("durable")
/// A state member that is history for the invariants rather than state for
/// the handlers (the terms a node led), in place of FL_STATE: durable, so
/// that no restart erases it.
#define FL_GHOST FAULTLINE_MARK("ghost")
/// The data member (a faultline::NodeId) that holds the node's own name.
#define FL_SELF FAULTLINE_MARK("self")
/// A message type: a plain struct of scalars and strings.
#define FL_MESSAGE FAULTLINE_MARK("message")
/// A member function of a process that handles one message:
/// `FL_RECEIVE void on(const Write &w)` or `(const Write &w, const NodeId &from)`.
#define FL_RECEIVE FAULTLINE_MARK("receive")
/// A member function of a process that serves one request and answers the
/// caller: `FL_RPC void handle(const Req &req, Resp &resp)` (the handler
/// fills the response, which starts as `Resp{}`), optionally with the
/// caller's NodeId between them, or `FL_RPC Resp handle(const Req &req)`.
/// The response, a FL_MESSAGE too, is a message back to the caller, sent
/// when the handler returns and lost or delayed like any other.
#define FL_RPC FAULTLINE_MARK("rpc")
/// A member function of a process, without parameters, run at every step
/// (retries, timeouts).
#define FL_PERIODIC FAULTLINE_MARK("periodic")
/// A member function of a process, without parameters, run at the step the
/// node restarts (after its volatile members were re-initialised).
#define FL_ON_RESTART FAULTLINE_MARK("on_restart")
/// A faultline::Timer data member of a process: a per-node timer that the
/// handlers arm (`t.arm(steps)`) and cancel (`t.cancel()`), and whose
/// firing the search schedules (`--timer-slack`).
#define FL_TIMER FAULTLINE_MARK("timer")
/// A member function of a process, without parameters, that handles the
/// firing of its FL_TIMER member Timer (`FL_ON_TIMER(electionTimer) void
/// onElectionTimeout()`): a firing is an event of its node's step, as a
/// message is, and the node handles one event per step.
#define FL_ON_TIMER(Timer) FAULTLINE_MARK("on_timer:" #Timer)
/// The project's own send primitive: its first parameter is the destination,
/// its second the message.
#define FL_SEND FAULTLINE_MARK("send")
/// The project's own asynchronous RPC call: the destination, the request (a
/// FL_MESSAGE served by a FL_RPC handler) and the completion callback,
/// `FL_CALL void requestVote(const NodeId &peer, const RequestVoteRequest &req,
/// std::function<void(const RequestVoteResponse &)> done)` (the callback may
/// also take the responder's NodeId). Calls pass a lambda; what it captures
/// by value is carried until the response comes back.
#define FL_CALL FAULTLINE_MARK("call")
/// A boolean function over processes that must hold at the end of every run
/// for every combination of live nodes of its parameters' roles.
#define FL_INVARIANT FAULTLINE_MARK("invariant")
/// A function that sets a scenario up through a faultline::Scenario.
#define FL_SCENARIO FAULTLINE_MARK("scenario")
/// A function whose calls have no effect on the model (logging, metrics):
/// faultline leaves its calls in handlers out (`-v` lists them).
#define FL_IGNORE FAULTLINE_MARK("ignore")

namespace faultline {

/// Nodes are named by strings, as in the model.
using NodeId = std::string;

/// A timer of a node, marked FL_TIMER. arm() and cancel() take effect at
/// the end of the step of the handler that calls them, as the model's
/// updates do: an arm (re)starts the timer, due Steps steps later; of
/// several arms in one step the shortest counts; a cancel in the step of
/// an arm loses to it. The FL_ON_TIMER handler runs when the timer fires,
/// at its due step or, when the search may delay timers (--timer-slack),
/// up to that many steps later. The simulator (faultline/simulator.h)
/// keeps the deadlines; outside it a Timer only records the requests of
/// the current step, for a project's own runtime to read.
class Timer {
public:
  /// Starts the timer, or moves its deadline: it is due Steps steps after
  /// this one (1 to 10000).
  void arm(int Steps) {
    if (!ArmRequested || Steps < Requested)
      Requested = Steps;
    ArmRequested = true;
  }
  /// Stops the timer, unless an arm in the same step starts it again.
  void cancel() { CancelRequested = true; }

  /// Whether this step armed the timer, and the shortest delay it asked for.
  bool armRequested() const { return ArmRequested; }
  int requestedDelay() const { return Requested; }
  /// Whether this step cancelled the timer (and did not arm it).
  bool cancelRequested() const { return !ArmRequested && CancelRequested; }
  /// Forgets this step's requests once they took effect.
  void clearRequests() {
    ArmRequested = CancelRequested = false;
    Requested = 0;
  }

private:
  bool ArmRequested = false;
  bool CancelRequested = false;
  int Requested = 0;
};

namespace detail {

/// A name for a type that needs no RTTI (projects built with -fno-rtti
/// include this header too): the address of a variable per type.
template <class T> struct TypeTag {
  static constexpr char Id = 0;
};
#if __cplusplus < 201703L
// Before C++17 a constexpr static member whose address is taken needs a
// definition.
template <class T> constexpr char TypeTag<T>::Id;
#endif
using TypeKey = const void *;
template <class T> TypeKey typeKey() { return &TypeTag<T>::Id; }

// What a scenario's calls do to a node's state in a simulation. Each test
// compiles for any member and value, so that a call the frontend rejects
// with a diagnostic (s.add on a scalar) does not become a C++ error first.
template <class T, class V>
auto assign(T &To, const V &Value, int) -> decltype((void)(To = Value), true) {
  To = Value;
  return true;
}
template <class T, class V> bool assign(T &, const V &, ...) { return false; }
// A vector grows at its end; a set gets the element.
template <class C, class V>
auto addTo(C &Into, const V &Value, int) -> decltype((void)Into.push_back(Value), true) {
  Into.push_back(Value);
  return true;
}
template <class C, class V>
auto addTo(C &Into, const V &Value, long) -> decltype((void)Into.insert(Value), true) {
  Into.insert(Value);
  return true;
}
template <class C, class V> bool addTo(C &, const V &, ...) { return false; }
template <class M, class K, class V>
auto putIn(M &Map, const K &Key, const V &Value, int) -> decltype((void)(Map[Key] = Value), true) {
  Map[Key] = Value;
  return true;
}
template <class M, class K, class V> bool putIn(M &, const K &, const V &, ...) { return false; }

} // namespace detail

/// Where a Scenario's calls go when a simulator runs the scenario
/// (faultline/simulator.h installs one). Each method throws if the call
/// cannot be applied.
class ScenarioSink {
public:
  virtual ~ScenarioSink() = default;
  virtual void bounds(int EOT, int EFF, int Crashes) = 0;
  /// How many crashed nodes may come back; a sink that cannot restart
  /// nodes ignores it.
  virtual void restarts(int) {}
  /// How many steps late a timer may fire; a sink without timers ignores it.
  virtual void timerSlack(int) {}
  /// Creates node Name of the role whose type key is Role.
  virtual void node(const NodeId &Name, detail::TypeKey Role) = 0;
  /// The object of node Name, which must be of role Role, for the call
  /// named Call ("init", "add", "put"); never null.
  virtual void *state(const NodeId &Name, detail::TypeKey Role, const char *Call) = 0;
  /// A call whose value does not fit the member (the frontend rejects it too).
  virtual void mismatch(const NodeId &Name, const char *Call) = 0;
  virtual void deliver(const NodeId &To, const NodeId &From, detail::TypeKey Message,
                       const void *Value, int At) = 0;
};

/// What a scenario function describes: the bounds, the nodes and their
/// roles, their initial state, and the messages that start the run. The
/// frontend reads the calls (their arguments must be constants); at run time
/// they do nothing, unless a simulator has installed its ScenarioSink.
class Scenario {
public:
  Scenario() = default;
  explicit Scenario(ScenarioSink *Sink) : Sink(Sink) {}

  /// End of time, end of finite failures, how many nodes may crash.
  void bounds(int EOT, int EFF, int Crashes) {
    if (Sink)
      Sink->bounds(EOT, EFF, Crashes);
  }
  /// How many crashed nodes may come back, each once (0 without a call).
  void restarts(int Restarts) {
    if (Sink)
      Sink->restarts(Restarts);
  }
  /// A node of role P.
  template <class P> void node(const NodeId &Name) {
    if (Sink)
      Sink->node(Name, detail::typeKey<P>());
  }
  /// Sets a state member of a node before the run.
  template <class P, class T, class V> void init(const NodeId &Node, T P::*Member, const V &Value) {
    if (!Sink)
      return;
    void *Object = Sink->state(Node, detail::typeKey<P>(), "init");
    if (!detail::assign(static_cast<P *>(Object)->*Member, Value, 0))
      Sink->mismatch(Node, "init");
  }
  /// Adds Value to a container member of a node before the run.
  template <class P, class T, class V> void add(const NodeId &Node, T P::*Member, const V &Value) {
    if (!Sink)
      return;
    void *Object = Sink->state(Node, detail::typeKey<P>(), "add");
    if (!detail::addTo(static_cast<P *>(Object)->*Member, Value, 0))
      Sink->mismatch(Node, "add");
  }
  /// Sets Key to Value in a map member of a node before the run.
  template <class P, class T, class K, class V>
  void put(const NodeId &Node, T P::*Member, const K &Key, const V &Value) {
    if (!Sink)
      return;
    void *Object = Sink->state(Node, detail::typeKey<P>(), "put");
    if (!detail::putIn(static_cast<P *>(Object)->*Member, Key, Value, 0))
      Sink->mismatch(Node, "put");
  }
  /// Arms Node's timer Member before the run, as an arm in its first step
  /// would: it is due at step 1 + Steps.
  template <class P> void arm(const NodeId &Node, Timer P::*Member, int Steps) {
    if (!Sink)
      return;
    void *Object = Sink->state(Node, detail::typeKey<P>(), "arm");
    (static_cast<P *>(Object)->*Member).arm(Steps);
  }
  /// How many steps after its deadline a timer may fire (0 without a call):
  /// the search's default for --timer-slack.
  void timerSlack(int Steps) {
    if (Sink)
      Sink->timerSlack(Steps);
  }
  /// Message M from From arrives at To at time At.
  template <class M> void deliver(const NodeId &To, const NodeId &From, const M &Message, int At) {
    if (Sink)
      Sink->deliver(To, From, detail::typeKey<M>(), &Message, At);
  }

private:
  ScenarioSink *Sink = nullptr;
};

} // namespace faultline

#endif // FAULTLINE_ANNOTATIONS_H

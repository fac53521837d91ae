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
/// The data member (a faultline::NodeId) that holds the node's own name.
#define FL_SELF FAULTLINE_MARK("self")
/// A message type: a plain struct of scalars and strings.
#define FL_MESSAGE FAULTLINE_MARK("message")
/// A member function of a process that handles one message:
/// `FL_RECEIVE void on(const Write &w)` or `(const Write &w, const NodeId &from)`.
#define FL_RECEIVE FAULTLINE_MARK("receive")
/// A member function of a process, without parameters, run at every step
/// (retries, timeouts).
#define FL_PERIODIC FAULTLINE_MARK("periodic")
/// The project's own send primitive: its first parameter is the destination,
/// its second the message.
#define FL_SEND FAULTLINE_MARK("send")
/// A boolean function over processes that must hold at the end of every run
/// for every combination of live nodes of its parameters' roles.
#define FL_INVARIANT FAULTLINE_MARK("invariant")
/// A function that sets a scenario up through a faultline::Scenario.
#define FL_SCENARIO FAULTLINE_MARK("scenario")

namespace faultline {

/// Nodes are named by strings, as in the model.
using NodeId = std::string;

/// What a scenario function describes: the bounds, the nodes and their
/// roles, their initial state, and the messages that start the run. The
/// frontend reads the calls (their arguments must be constants); the
/// functions do nothing at run time unless a simulator defines them.
class Scenario {
public:
  /// End of time, end of finite failures, how many nodes may crash.
  void bounds(int EOT, int EFF, int Crashes) {
    (void)EOT, (void)EFF, (void)Crashes;
  }
  /// A node of role P.
  template <class P> void node(const NodeId &Name) { (void)Name; }
  /// Sets a state member of a node before the run.
  template <class P, class T, class V> void init(const NodeId &Node, T P::*Member, const V &Value) {
    (void)Node, (void)Member, (void)Value;
  }
  /// Adds Value to a container member of a node before the run.
  template <class P, class T, class V> void add(const NodeId &Node, T P::*Member, const V &Value) {
    (void)Node, (void)Member, (void)Value;
  }
  /// Sets Key to Value in a map member of a node before the run.
  template <class P, class T, class K, class V>
  void put(const NodeId &Node, T P::*Member, const K &Key, const V &Value) {
    (void)Node, (void)Member, (void)Key, (void)Value;
  }
  /// Message M from From arrives at To at time At.
  template <class M> void deliver(const NodeId &To, const NodeId &From, const M &Message, int At) {
    (void)To, (void)From, (void)Message, (void)At;
  }
};

} // namespace faultline

#endif // FAULTLINE_ANNOTATIONS_H

//===- faultline/IR/ReservedNames.h - Relations faultline owns ---*- C++ -*-===//
//
// The relation names that faultline itself gives a meaning to. The frontend
// writes them, the evaluator, search, lineage and reports read them back; one
// spelling here keeps the two sides from drifting apart.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_IR_RESERVEDNAMES_H
#define FAULTLINE_IR_RESERVEDNAMES_H

#include <string>

namespace faultline::ir {

/// The built-in `crash(Node, Node, Time)` relation every program can read.
inline constexpr const char *CrashRelation = "crash";
/// The built-in `restart(Node, Time)`: holds at Node at the step Time at
/// which it comes back from a crash (docs/ir-reference.md, "Restarts").
inline constexpr const char *RestartRelation = "restart";

/// An invariant's precondition and postcondition: a violation is a `pre`
/// tuple at the end of time without a matching `post` tuple.
inline constexpr const char *PreRelation = "pre";
inline constexpr const char *PostRelation = "post";

/// The machinery relations of models the frontend builds: every name that
/// starts with ReservedPrefix is the frontend's, not the user's.
inline constexpr const char *ReservedPrefix = "fl_";
inline constexpr const char *RoleRelation = "fl_role";
inline constexpr const char *ClockRelation = "fl_now";
inline constexpr const char *InboxRelation = "fl_inbox";
inline constexpr const char *CurrentRelation = "fl_current";
/// `fl_batch_<message>_<field>`: the rows of a message's std::vector field,
/// sent with it (and lost with it).
inline constexpr const char *BatchPrefix = "fl_batch_";
/// `fl_call_<message>`: the FL_CALLs a request makes or a response answers,
/// sent with it (and lost with it).
inline constexpr const char *CallPrefix = "fl_call_";
/// Rows that travel with a message, derived with it: reports show the
/// message, not them.
inline bool travelsWithMessage(const std::string &Relation) {
  return Relation.compare(0, 9, BatchPrefix) == 0 || Relation.compare(0, 8, CallPrefix) == 0;
}
/// `fl_assert(Node, Assertion, Time)`: a handler reached the C++ `assert`
/// named Assertion with its condition false at Time; kept to EOT, where
/// it is a `pre` without `post`.
inline constexpr const char *AssertRelation = "fl_assert";
/// `fl_error(Node, "text", Values...)`: deriving it stops the run with an
/// evaluation error at the deriving rule, its text followed by the values.
/// The frontend derives it where the compiled code would compute a value
/// the model cannot hold (an unsigned 64-bit subtraction below zero).
inline constexpr const char *ErrorRelation = "fl_error";

/// The frontend's machinery that a restart keeps, as if declared durable:
/// the clock (the step is global), the node's role, and the asserts that
/// failed (history). Its inbox of messages not yet handled is lost.
inline bool survivesRestart(const std::string &Relation) {
  return Relation == ClockRelation || Relation == RoleRelation || Relation == AssertRelation;
}

} // namespace faultline::ir

#endif // FAULTLINE_IR_RESERVEDNAMES_H

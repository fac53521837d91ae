//===- ModelBuilder.h - Assembling one scenario's program -------*- C++ -*-===//
//
// Private to the frontend. Given the entities a scenario reaches (link()
// picks them), adds their rules once each, and the rules the model itself
// needs for exactly those entities: the node clocks, role persistence, the
// inbox that hands each node one message per step (over the scenario's
// messages), and the invariants' pre/post (padded to one arity).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_MODELBUILDER_H
#define FAULTLINE_LIB_FRONTEND_MODELBUILDER_H

#include "faultline/Frontend/Fragment.h"
#include "faultline/IR/AST.h"
#include "faultline/IR/ReservedNames.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace faultline::frontend {

/// The relations the model's own machinery uses (spelled in
/// faultline/IR/ReservedNames.h, where the readers of the model find them).
using ir::ClockRelation;
using ir::CurrentRelation;
using ir::InboxRelation;
using ir::RoleRelation;

/// Shorthands for the rules the model's machinery writes.
inline ir::Atom atom(std::string Relation, std::vector<ir::Term> Args, bool Negated = false) {
  ir::Atom A;
  A.Relation = std::move(Relation);
  A.Args = std::move(Args);
  A.Negated = Negated;
  return A;
}
inline ir::Rule rule(ir::Atom Head, ir::HeadTime Time, std::vector<ir::BodyElem> Body,
                     std::string Origin) {
  ir::Rule R;
  R.Head = std::move(Head);
  R.Time = Time;
  R.Body = std::move(Body);
  R.Origin = std::move(Origin);
  return R;
}
inline ir::Term var(const std::string &Name) { return ir::Term::variable(Name); }

class ModelBuilder {
public:
  /// The model's file table: rules added later carry locations into it.
  ir::Program &program() { return Model.Rules; }

  /// Adds R unless an identical rule (a set's size read by two handlers)
  /// is there already.
  void addRule(ir::Rule R);
  void addMessage(const std::string &Relation, unsigned Columns);
  /// Declares a timer whose firings enter the inbox (LowerTimers.cpp).
  void addTimer(const ir::TimerDecl &T);
  void addInvariant(InvariantCase C);
  void addHandler(const std::string &Message, Declaration D);
  void addInvariantDeclaration(Declaration D);

  /// Adds the inbox rules (which need every message type) and the invariant
  /// rules, pads the handlers' reads of the inbox to its width, and hands
  /// over the model of scenario S.
  ExtractedModel finish(ScenarioModel S);

private:
  void addInbox();
  /// A timer's firing as an inbox event of its name, from its node.
  void addTimerEvents(const std::vector<ir::Term> &Padding);
  /// fl_timer_reset(Node, Timer): the node armed or cancelled the timer
  /// this step, which drops a firing of it still waiting in the inbox.
  static const char *const TimerResetRelation;
  void addInvariantRules();

  ExtractedModel Model;
  std::set<std::string> Seen;
  std::map<std::string, size_t> MessageFields;
  std::vector<std::string> Timers;
  size_t InboxWidth = 0;
  std::vector<InvariantCase> Invariants;
};

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_MODELBUILDER_H

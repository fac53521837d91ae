//===- LowerHandler.cpp - A handler's body to rules ------------------------===//
//
// A handler's paths start from its trigger: the message it handles as the
// node's current one (`fl_current`), or, for a periodic handler, the node's
// role at every step, and for an on-restart handler the step its node
// restarts (the built-in `restart`); a timer's handler starts from the
// timer's firing as the node's current event, as a message's does. Its
// effects are rules; an RPC's response is a message back to the sender where
// a path ends; its scalar assignments are emitted when a path ends,
// the last one of each member per path, since all of a step's updates take
// effect at the next.
//
//===----------------------------------------------------------------------===//

#include "LoweringContext.h"

#include "faultline/IR/ReservedNames.h"

namespace faultline::frontend {

using ir::Term;

namespace {

/// Sends an RPC's response Value back to the caller where P ends the handler.
void emitReply(LoweringContext &Cx, const MessageType &Reply, const Tuple &Value, const Path &P,
               clang::SourceLocation Loc) {
  Cx.emitMessage(Reply, Term::variable("From"), Value, P, Loc);
}

/// A handler returns nothing: a return only ends its path. An RPC's return
/// also answers the caller, with the response filled so far or returned.
class HandlerKind final : public FunctionKind {
public:
  explicit HandlerKind(const Handler &H) : H(H) {}

  bool lowerReturnFalseIf(LoweringContext &, const clang::IfStmt *, const Path &) override {
    return false;
  }
  void lowerReturn(LoweringContext &Cx, const clang::ReturnStmt *R, const Path &P) override {
    // A return in an inlined (void) helper ends the helper only.
    if (Cx.Here.Depth)
      return;
    if (!H.Reply) {
      if (R->getRetValue())
        Cx.fail(R->getBeginLoc(), "a return with a value", "handlers return void");
      return;
    }
    if (H.ReplyParam) {
      emitReply(Cx, *H.Reply, P.Locals.at(H.ReplyParam), P, R->getBeginLoc());
      return;
    }
    for (auto &[Q, Value] : Cx.evalTuple(R->getRetValue(), P))
      emitReply(Cx, *H.Reply, Value, Q, R->getBeginLoc());
  }
  bool joinsPaths() const override { return true; }

private:
  const Handler &H;
};

/// The scalar assignments of a finished path: the last value of each, and
/// a same-time `_set` marker that stops the old value's persistence; where
/// joined paths assigned a member on some of them only, on those.
void emitAssignments(LoweringContext &Cx, const Path &P) {
  Term Node = Term::variable(Cx.Here.Self.Var);
  for (const auto &[Field, Loc] : P.Assigned) {
    Path Where = P;
    if (auto Flag = P.AssignedWhen.find(Field); Flag != P.AssignedWhen.end())
      if (!compare(Where, ir::CmpOp::EQ, Flag->second, Term::integer(1)))
        continue;
    const StateMember *State = Cx.Proto.stateOf(Field);
    const Tuple &Value = P.Scalars.at({Cx.Here.Self.Var, Field});
    Cx.emit(atom(State->Relation, append({Node}, Value)), ir::HeadTime::Next, Where, Loc);
    Cx.emit(atom(State->assignedRelation(), {Node}), ir::HeadTime::Now, Where, Loc);
  }
}

} // namespace

void lowerHandler(const LoweringInputs &In, const Role &Ro, const Handler &H) {
  std::string Name = Ro.Name + "::" + H.Method->getNameAsString();
  HandlerKind Kind(H);
  // Handlers that run in one step all read the state the step began with,
  // so what matters about a scalar's writers is whether one is periodic.
  // An on-restart handler runs in the step of a restart, besides what the
  // node handles then: it owns what it writes, as a periodic handler does.
  // A timer's firing is one of the node's events: its handler takes the
  // step's one event as a receive handler does.
  std::string Writer = H.Message || H.Timer ? "receive"
                                            : (H.OnRestart ? "restart:" : "periodic:") + Name;
  LoweringContext Cx(In, Kind,
                     FunctionNames{Name, " in " + Name, Name, Writer, H.Method->getLocation()});
  Cx.Here.Self = Object{&Ro, "Node"};
  Cx.JoinPrefix = std::string(ir::ReservedPrefix) + "at_" + relationName(Ro.Name) + "_" +
                  relationName(H.Method->getName()) +
                  (H.Message ? "_" + H.Message->Relation : std::string()) +
                  (H.Timer ? "_" + H.Timer->Name : std::string());
  Term Node = Term::variable("Node");
  Path Start;
  if (H.Message) {
    // fl_current(Node, _, "kind", From, fields..., _...)
    // A message with batches names its arrival, which tells its rows from
    // those of an equal message that arrived at another step.
    Term Arrival = H.Message->Batches.empty() ? Term::wildcard() : Term::variable("Arrival");
    if (!H.Message->Batches.empty())
      Cx.Handled.Arrival = Arrival;
    std::vector<Term> Cols{Node, Arrival, Term::string(H.Message->Relation),
                           Term::variable("From")};
    for (const clang::FieldDecl *F : H.Message->Fields) {
      if (H.Message->batchOf(F))
        continue;
      Tuple V = Cx.fresh(F->getType(), F->getName());
      Cx.Handled.Fields[F] = V;
      Cols = append(std::move(Cols), V);
    }
    Cx.Handled.Message = H.Message;
    Cx.Handled.MessageParam = H.MessageParam;
    Cx.Handled.FromParam = H.FromParam;
    Start.Body.push_back(atom(CurrentRelation, Cols));
  }
  if (H.Timer)
    // fl_current(Node, _, "timer", Node, _...)
    Start.Body.push_back(
        atom(CurrentRelation, {Node, Term::wildcard(), Term::string(H.Timer->Name), Node}));
  Start.Body.push_back(atom(RoleRelation, {Node, Term::string(Ro.Name)}));
  if (H.OnRestart)
    Start.Body.push_back(atom(ir::RestartRelation, {Node, Term::wildcard()}));
  if (H.ReplyParam) {
    // The response the handler fills starts as `Resp{}` (the simulator's
    // and an RPC framework's default-constructed response).
    Tupled Empty;
    try {
      Empty = Cx.defaultValue(H.ReplyParam->getType().getNonReferenceType(), Start);
    } catch (const Unsupported &) {
      return; // reported
    }
    if (Empty.size() != 1) {
      Cx.Rep.error(H.ReplyParam->getLocation(),
                   "the response's default member initializers must be constants");
      return;
    }
    Start = std::move(Empty.front().first);
    Start.Locals[H.ReplyParam] = std::move(Empty.front().second);
  }
  std::optional<std::vector<Path>> Ends = Cx.lowerBody(H.Method->getBody(), std::move(Start));
  if (!Ends)
    return;
  for (const Path &End : Cx.joinEnds(std::move(*Ends), H.Method->getBody())) {
    // A path that falls off the end of an RPC answers there; one that
    // returned has answered at its return.
    if (H.ReplyParam && !End.Returned)
      emitReply(Cx, *H.Reply, End.Locals.at(H.ReplyParam), End, H.Method->getBody()->getEndLoc());
    emitAssignments(Cx, End);
  }
  Cx.commitRules();
}

} // namespace faultline::frontend

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

/// Sends an RPC's response Value back to the caller where P ends the handler,
/// with the FL_CALL contexts of the request it answers: the caller's
/// callback reads them (LowerRemoteCalls.cpp).
void emitReply(LoweringContext &Cx, const MessageType &Reply, const Tuple &Value, const Path &P,
               clang::SourceLocation Loc) {
  Term From = Term::variable("From"), Node = Term::variable(Cx.Here.Self.Var);
  Cx.emitMessage(Reply, From, Value, P, Loc);
  const MessageType &Request = *Cx.Handled.Message;
  Tuple Stored{Node, *Cx.Handled.Arrival, From};
  for (const clang::FieldDecl *F : Request.Fields)
    if (!Request.batchOf(F))
      Stored = append(std::move(Stored), Cx.Handled.Fields.at(F));
  Term Site = Cx.freshVariable("Site"), Time = Cx.freshVariable("CallTime");
  Path Answered = P;
  Answered.Body.push_back(atom(Request.storedCallRelation(), append(Stored, {Site, Time})));
  Cx.emit(atom(Reply.callRelation(), append(append({From, Node}, Value), {Site, Time})),
          ir::HeadTime::Async, Answered, Loc);
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
    // A message with batches, or a request that FL_CALLs make, names its
    // arrival, which tells its rows (its contexts) from those of an equal
    // message that arrived at another step.
    bool Rows = !H.Message->Batches.empty() || H.Reply;
    Term Arrival = Rows ? Term::variable("Arrival") : Term::wildcard();
    if (Rows)
      Cx.Handled.Arrival = Arrival;
    if (H.Reply)
      Cx.Fragment.addCallContexts(*H.Message);
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
  for (const Continuation &K : Cx.Continuations)
    lowerContinuation(In, K);
}

void lowerContinuation(const LoweringInputs &In, const Continuation &K) {
  const Role &Ro = *K.Caller;
  const clang::CXXMethodDecl *Callback = K.Lambda->getCallOperator();
  const MessageType &Response = *K.Response;
  for (const Handler &H : Ro.Handlers)
    if (H.Message == &Response) {
      In.Rep.error(K.Lambda->getBeginLoc(),
                   "a callback of '" + Response.Relation +
                       "' in a role that also handles it with " +
                       H.Method->getNameAsString() +
                       "(): a response goes either to the callback of the call it answers or "
                       "to a receive handler; answer these calls with another message type");
      return;
    }
  static const Handler NoResponse;
  HandlerKind Kind(NoResponse);
  In.Fragment.beginCallback(Ro, Callback, Response, K.Name);
  LoweringContext Cx(
      In, Kind, FunctionNames{K.Name, " in " + K.Name, K.Name, "receive", K.Lambda->getBeginLoc()});
  Cx.Here.Self = Object{&Ro, "Node"};
  Cx.JoinPrefix = K.Site + "_then";
  Term Node = Term::variable("Node"), From = Term::variable("From"),
       Arrival = Term::variable("Arrival"), Time = Term::variable("CallTime");
  // fl_current(Node, Arrival, "resp", From, fields...): the response, as
  // the node's event of the step, ...
  Tuple Fields;
  for (const clang::FieldDecl *F : Response.Fields) {
    Tuple V = Cx.fresh(F->getType(), F->getName());
    Cx.Handled.Fields[F] = V;
    Fields = append(std::move(Fields), V);
  }
  Cx.Handled.Message = &Response;
  Cx.Handled.MessageParam = Callback->getParamDecl(0);
  Cx.Handled.FromParam = Callback->getNumParams() > 1 ? Callback->getParamDecl(1) : nullptr;
  Cx.Handled.Arrival = Arrival;
  Path Start;
  Start.Body.push_back(
      atom(CurrentRelation, append({Node, Arrival, Term::string(Response.Relation), From}, Fields)));
  Start.Body.push_back(atom(RoleRelation, {Node, Term::string(Ro.Name)}));
  // ... answering this call site's call of step CallTime, ...
  Start.Body.push_back(atom(Response.storedCallRelation(),
                            append(append({Node, Arrival, From}, Fields),
                                   {Term::string(K.Site), Time})));
  // ... which still waits, with the values the callback captured.
  Tuple Waiting{Node, Time, From};
  for (const clang::ValueDecl *V : K.Captured) {
    Tuple Columns = Cx.fresh(V->getType().getNonReferenceType(), V->getName());
    Start.Locals[V] = Columns;
    Waiting = append(std::move(Waiting), Columns);
  }
  Start.Body.push_back(atom(K.Site, Waiting));
  Cx.Fragment.addCallContexts(Response);
  // The call waits until its callback runs (or the node restarts).
  std::string Done = K.Site + "_done";
  Tuple Kept = {var("N"), var("T"), var("P")};
  for (size_t I = 3; I < Waiting.size(); ++I)
    Kept.push_back(var("C" + std::to_string(I - 2)));
  ir::Rule Waits = rule(atom(K.Site, Kept), ir::HeadTime::Next,
                        {atom(K.Site, Kept), atom(Done, {var("N"), var("T"), var("P")}, true)},
                        "a call made in " + K.CallerName + " waits for its response");
  Waits.Loc = Cx.Fragment.loc(K.Call->getBeginLoc());
  Cx.Fragment.addRule(std::move(Waits));
  Cx.emit(atom(Done, {Node, Time, From}), ir::HeadTime::Now, Start, K.Lambda->getBeginLoc());
  std::optional<std::vector<Path>> Ends = Cx.lowerBody(Callback->getBody(), std::move(Start));
  if (!Ends)
    return;
  for (const Path &End : Cx.joinEnds(std::move(*Ends), Callback->getBody()))
    emitAssignments(Cx, End);
  Cx.commitRules();
  for (const Continuation &Nested : Cx.Continuations)
    lowerContinuation(In, Nested);
}

} // namespace faultline::frontend

//===- LowerRemoteCalls.cpp - FL_CALL: an RPC and its completion callback -===//
//
// Raft libraries and gRPC's callback API call a peer as
//
//   requestVote(peer, request, [this, term = currentTerm](const Resp &r) {
//     if (term != currentTerm) return; // a stale answer
//     ...
//   });
//
// and handle the answer in the callback, with what it captured still in
// scope. The model has no callbacks, so the call is lowered as three facts
// derived where the path stands:
//
//   - the request, a message like any send: `req(Peer, Node, fields...)@async`;
//   - its context, `fl_call_req(Peer, Node, fields..., Site, T)@async`, the
//     call site and the caller's step, derived from the same body so that a
//     fault takes both; the server's FL_RPC handler echoes the contexts of
//     the request it answers onto its response (LowerHandler.cpp);
//   - the call waiting for its answer, `Site(Node, T, Peer, captured...)`,
//     kept from the next step until the callback has run, and lost, as the
//     C++ callback is, when the node restarts (it is volatile).
//
// The callback is then lowered as a handler of the response
// (lowerContinuation) whose trigger also reads the response's context for
// this site and the waiting call it names, which binds the captured
// variables: a response that reaches the node after it restarted, or that
// answers another call site, does not run it.
//
//===----------------------------------------------------------------------===//

#include "LoweringContext.h"

#include "clang/AST/ExprCXX.h"

namespace faultline::frontend {

using ir::Term;

namespace {

/// The lambda written at the call, through the std::function (or other
/// callable) the parameter constructs from it.
const clang::LambdaExpr *lambdaOf(const clang::Expr *E) {
  while (E) {
    E = E->IgnoreImplicit();
    if (const auto *L = llvm::dyn_cast<clang::LambdaExpr>(E))
      return L;
    if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(E); C && C->getNumArgs() == 1)
      E = C->getArg(0);
    else if (const auto *F = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

bool isNodeIdType(clang::QualType T) {
  return isScalarType(T) && !T.getNonReferenceType()->isIntegralOrEnumerationType();
}

} // namespace

/// The values of the captures Inits on each path from P.
Tupled LoweringContext::captures(const std::vector<const clang::Expr *> &Inits, const Path &P) {
  Tupled Captured{{P, {}}};
  for (const clang::Expr *E : Inits) {
    Tupled Next;
    for (auto &[Q, Columns] : Captured)
      for (auto &[Q2, V] : evalTuple(E, std::move(Q)))
        Next.push_back({std::move(Q2), append(Columns, V)});
    Captured = std::move(Next);
  }
  return Captured;
}

std::optional<std::vector<Path>> LoweringContext::remoteCall(const clang::CallExpr *Call,
                                                             const Path &P) {
  if (!Protocol::isCall(Call->getDirectCallee()))
    return std::nullopt;
  clang::SourceLocation Loc = Call->getBeginLoc();
  if (JoinPrefix.empty() || !Here.Self.R)
    fail(Loc, "a FL_CALL outside a handler", "make RPC calls in handlers and their helpers");
  if (Call->getNumArgs() != 3)
    fail(Loc, "a FL_CALL with other than three arguments",
         "call it as call(destination, request, [captures](const Response &r) { ... })");
  const MessageType *Request = Proto.messageOf(Call->getArg(1)->getType());
  if (!Request)
    fail(Call->getArg(1)->getBeginLoc(), "a request that is not a FL_MESSAGE struct",
         "mark the request type with FL_MESSAGE");
  const clang::LambdaExpr *Lambda = lambdaOf(Call->getArg(2));
  if (!Lambda)
    fail(Call->getArg(2)->getBeginLoc(), "a callback that is not a lambda written at the call",
         "pass the completion as a lambda, [captures](const Response &r) { ... }, in the call");
  const clang::CXXMethodDecl *Operator = Lambda->getCallOperator();
  unsigned Params = Operator->getNumParams();
  const MessageType *Response =
      Params ? Proto.messageOf(Operator->getParamDecl(0)->getType()) : nullptr;
  if (!Response || Params > 2 || (Params == 2 && !isNodeIdType(Operator->getParamDecl(1)->getType())))
    fail(Lambda->getBeginLoc(), "a callback that does not take a FL_MESSAGE response",
         "write the callback as [captures](const Response &r) or (const Response &r, const "
         "NodeId &from)");
  if (!Response->Batches.empty())
    fail(Lambda->getBeginLoc(), "a response with a batch", "responses carry scalars and structs");

  // What the callback captures is carried with the waiting call; it must
  // outlive the handler, so it is a copy.
  auto Known = std::find_if(Continuations.begin(), Continuations.end(),
                            [&](const Continuation &K) { return K.Call == Call; });
  Continuation K;
  K.Lambda = Lambda;
  K.Call = Call;
  K.Response = Response;
  K.Caller = Here.Self.R;
  K.CallerName = Names.InNotes;
  K.Name = "the callback of " + Call->getDirectCallee()->getNameAsString() + "() in " + Names.InNotes;
  K.Site = JoinPrefix + "_call" + std::to_string(Continuations.size() + 1);
  std::vector<const clang::Expr *> Inits;
  auto Init = Lambda->capture_init_begin();
  for (const clang::LambdaCapture &C : Lambda->captures()) {
    const clang::Expr *Value = *Init++;
    if (C.capturesThis())
      continue;
    if (!C.capturesVariable())
      fail(C.getLocation(), "this capture", "capture `this` and values by copy");
    const clang::ValueDecl *V = C.getCapturedVar();
    if (C.getCaptureKind() == clang::LCK_ByRef)
      fail(C.getLocation(), "capturing '" + V->getNameAsString() + "' by reference",
           "the callback runs after the handler returned: capture it by copy");
    if (!isValueType(V->getType()))
      fail(C.getLocation(),
           "capturing '" + V->getNameAsString() + "', which is not a scalar or a plain struct",
           "capture the scalars the callback reads");
    K.Captured.push_back(V);
    Inits.push_back(Value);
  }
  if (Known != Continuations.end())
    K.Site = Known->Site;
  Fragment.uses(Request->Decl);
  Fragment.uses(Response->Decl);

  // The request goes out as a send's would, and where it does, its
  // context and the call waiting for the answer with what was captured.
  Term Node = Term::variable(Here.Self.Var);
  std::vector<Path> Out;
  for (auto &[Q, Captured] : captures(Inits, P)) {
    const Tuple &Columns = Captured;
    for (Path &Sent : sendMessage(
             Call->getArg(0), Call->getArg(1), std::move(Q), Loc,
             [&](const Path &At, const Term &Peer, const Tuple &Fields) {
               Path Now = At;
               Term Time = freshVariable("CallTime");
               Now.Body.push_back(atom(ClockRelation, {Node, Time}));
               emit(atom(Request->callRelation(),
                         append(append({Peer, Node}, Fields), {Term::string(K.Site), Time})),
                    ir::HeadTime::Async, Now, Loc);
               emit(atom(K.Site, append({Node, Time, Peer}, Columns)), ir::HeadTime::Next, Now,
                    Loc);
             }))
      Out.push_back(std::move(Sent));
  }
  if (Known == Continuations.end())
    Continuations.push_back(std::move(K));
  return Out;
}

} // namespace faultline::frontend

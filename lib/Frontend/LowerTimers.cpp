//===- LowerTimers.cpp - Arming and cancelling FL_TIMER members -----------===//
//
// `t.arm(d)` and `t.cancel()` on a FL_TIMER member of the handler's own
// node derive the model's `arm_t(Node, d)` and `cancel_t(Node)` where the
// path stands; the evaluator reads them once the step is complete, as it
// reads every update (docs/ir-reference.md, "Timers"). A firing is handled
// through the inbox (ModelBuilder::addTimerEvents), so the handler of a
// timer is lowered as a receive handler (LowerHandler.cpp).
//
//===----------------------------------------------------------------------===//

#include "LoweringContext.h"

namespace faultline::frontend {

using ir::Term;

namespace {

/// The largest delay the evaluator accepts (docs/ir-reference.md).
constexpr int64_t MaxTimerDelay = 10000;

bool isTimerType(clang::QualType T) {
  const auto *R = T.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl();
  return R && R->getQualifiedNameAsString() == "faultline::Timer";
}

} // namespace

std::optional<std::vector<Path>> LoweringContext::timerEffect(const clang::Expr *E,
                                                              const Path &P) {
  const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(strip(E));
  if (!MC || !isTimerType(MC->getImplicitObjectArgument()->getType()))
    return std::nullopt;
  std::string Method = MC->getMethodDecl()->getNameAsString();
  const auto *Member = llvm::dyn_cast<clang::MemberExpr>(strip(MC->getImplicitObjectArgument()));
  const auto *Field = Member ? llvm::dyn_cast<clang::FieldDecl>(Member->getMemberDecl()) : nullptr;
  Object Obj;
  if (!Field || !objectOf(Member->getBase(), Obj))
    fail(MC->getBeginLoc(), "a faultline::Timer that is not a member of the node",
         "mark a data member of the FL_PROCESS FL_TIMER and arm it there");
  const TimerMember *Timer = Proto.timerOf(Field);
  if (!Timer)
    fail(MC->getBeginLoc(),
         "'" + Method + "' on '" + Field->getNameAsString() +
             "', a faultline::Timer that is not marked",
         "mark it FL_TIMER and give it a FL_ON_TIMER handler");
  if (!Here.Self.R || Obj.Var != Here.Self.Var)
    fail(MC->getBeginLoc(), "arming or cancelling another process's timer",
         "a handler arms and cancels its own node's timers");
  ir::TimerDecl Decl;
  Decl.Name = Timer->Name;
  Term Node = Term::variable(Here.Self.Var);
  if (Method == "cancel" && MC->getNumArgs() == 0) {
    emit(atom(Decl.cancelRelation(), {Node}), ir::HeadTime::Now, P, MC->getBeginLoc());
    return std::vector<Path>{P};
  }
  if (Method != "arm" || MC->getNumArgs() != 1)
    fail(MC->getBeginLoc(), "'" + Method + "' on the timer '" + Field->getNameAsString() + "'",
         "a handler calls arm(steps) and cancel() on a FL_TIMER");
  // A constant delay is checked here; a computed one when the run reaches
  // it, where the evaluator stops with an error at this call.
  const clang::Expr *Delay = MC->getArg(0);
  clang::Expr::EvalResult Constant;
  if (Delay->EvaluateAsInt(Constant, AST)) {
    int64_t D = Constant.Val.getInt().getExtValue();
    if (D < 1 || D > MaxTimerDelay)
      fail(Delay->getBeginLoc(), "arming '" + Field->getNameAsString() + "' with a delay of " +
                                     std::to_string(D) + " steps",
           "a timer is due 1 to " + std::to_string(MaxTimerDelay) + " steps after it is armed");
  }
  std::vector<Path> Out;
  for (auto &[Q, Steps] : eval(Delay, P)) {
    emit(atom(Decl.armRelation(), {Node, Steps}), ir::HeadTime::Now, Q, MC->getBeginLoc());
    Out.push_back(std::move(Q));
  }
  return Out;
}

} // namespace faultline::frontend

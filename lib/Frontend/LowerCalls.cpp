//===- LowerCalls.cpp - Helpers inlined where they are called -------------===//
//
// A call of one of the project's functions whose body is visible is
// inlined: its parameters bound to the arguments' values (a process passed
// on stays that process), its body lowered on the caller's paths. A helper
// used as a value must be one `return <expr>;`. Only code that is sure to
// be what runs is inlined: no virtual calls, no calls through pointers.
//
//===----------------------------------------------------------------------===//

#include "LoweringContext.h"

namespace faultline::frontend {

namespace {

/// Helpers nested deeper than this are more likely a recursion than code
/// someone means to have inlined.
constexpr unsigned MaxInliningDepth = 8;

class CallLowering {
public:
  explicit CallLowering(LoweringContext &Cx) : Cx(Cx) {}

  /// Calls to helpers: a member or free function whose body is visible.
  std::vector<Path> inlineCall(const clang::CallExpr *Call, Path P) {
    const clang::FunctionDecl *F = definitionOf(Call->getDirectCallee());
    if (!F || markOf(F) != "" || Cx.isLibrary(F))
      Cx.fail(Call->getBeginLoc(), "a call to '" + nameOf(Call->getDirectCallee()) + "'",
              "call the send primitive, insert/erase on state sets, or helpers whose body is "
              "visible (or mark a function without effect on the model FL_IGNORE)");
    checkStaticallyBound(Call, F);
    enter(Call);
    std::vector<Path> In;
    for (Path &Bound : bindArguments(F, arguments(Call), std::move(P)))
      In.push_back(std::move(Bound));
    bool SavedBreak = Cx.Here.BreakEndsSwitch;
    Cx.Here.BreakEndsSwitch = false;
    std::vector<Path> Out = Cx.exec(F->getBody(), std::move(In));
    Cx.Here.BreakEndsSwitch = SavedBreak;
    for (Path &Q : Out) {
      Q.Returned = false; // a return ends the helper, not the handler
      // Its parameters are out of scope: no join carries them on.
      for (const clang::ParmVarDecl *Param : F->parameters())
        Q.Locals.erase(Param);
    }
    --Cx.Here.Depth;
    return Out;
  }

  /// A helper returning a value: one `return <expr>;`, inlined with its
  /// parameters bound. A member helper called on a process reads that
  /// process's state; one called on a struct value reads its fields.
  Tupled inlineValue(const clang::CallExpr *Call, Path P) {
    const clang::FunctionDecl *F = definitionOf(Call->getDirectCallee());
    const clang::Expr *Receiver = nullptr;
    std::vector<const clang::Expr *> Args = arguments(Call);
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call))
      Receiver = MC->getImplicitObjectArgument();
    if (llvm::isa<clang::CXXOperatorCallExpr>(Call) &&
        llvm::isa_and_nonnull<clang::CXXMethodDecl>(F)) {
      // a == b with a member operator: a is the object.
      Receiver = Args.front();
      Args.erase(Args.begin());
    }
    if (!F || markOf(F) != "" || Cx.isLibrary(F))
      Cx.fail(Call->getBeginLoc(), "a call to '" + nameOf(Call->getDirectCallee()) + "'",
              "call helpers whose body is visible, std::min, std::max, or set queries");
    checkStaticallyBound(Call, F, Receiver);
    const auto *Body = llvm::dyn_cast<clang::CompoundStmt>(F->getBody());
    const auto *Ret = Body && Body->size() == 1
                          ? llvm::dyn_cast<clang::ReturnStmt>(Body->body_front())
                          : nullptr;
    if (!Ret || !Ret->getRetValue())
      Cx.fail(Call->getBeginLoc(), "a call to '" + F->getNameAsString() + "' in an expression",
              "a helper used as a value must consist of one 'return <expression>;'");
    enter(Call);
    Tupled Out;
    auto Inline = [&](Path Q) {
      for (Path &Bound : bindArguments(F, Args, std::move(Q)))
        for (auto &V : Cx.evalTuple(Ret->getRetValue(), std::move(Bound)))
          Out.push_back(std::move(V));
    };
    Object Saved = Cx.Here.Self;
    std::optional<Tuple> SavedThis = Cx.Here.This;
    Object Obj;
    if (Receiver && Cx.objectOf(Receiver, Obj)) {
      Cx.Here.Self = Obj;
      Cx.Here.This.reset();
      Inline(std::move(P));
    } else if (Receiver && structOf(Receiver->getType())) {
      for (auto &[Q, T] : Cx.evalTuple(Receiver, std::move(P))) {
        Cx.Here.This = T;
        Inline(std::move(Q));
      }
    } else {
      Inline(std::move(P));
    }
    Cx.Here.Self = Saved;
    Cx.Here.This = SavedThis;
    --Cx.Here.Depth;
    return Out;
  }

private:
  /// The declaration with the body, wherever in the TU it is: a helper
  /// defined after its caller is called through an earlier declaration,
  /// whose parameters are not the ones the body reads.
  static const clang::FunctionDecl *definitionOf(const clang::FunctionDecl *F) {
    return F ? F->getDefinition() : nullptr;
  }

  static std::string nameOf(const clang::FunctionDecl *F) {
    return F ? F->getQualifiedNameAsString() : std::string("?");
  }

  /// One level deeper into inlined helpers; the caller leaves it.
  void enter(const clang::CallExpr *Call) {
    if (++Cx.Here.Depth > MaxInliningDepth)
      Cx.fail(Call->getBeginLoc(), "helpers nested more than 8 deep", "inline some by hand");
  }

  /// A helper is inlined with the body faultline sees, so that must be the
  /// body that runs, on the object the handler works on. A virtual function
  /// may be overridden (an empty base body is typical); an object reached
  /// through a pointer or a reference member lives elsewhere and may be of
  /// a derived class. Both would be modelled as the wrong code.
  void checkStaticallyBound(const clang::CallExpr *Call, const clang::FunctionDecl *F,
                            const clang::Expr *Receiver = nullptr) {
    std::string Name = "'" + F->getQualifiedNameAsString() + "'";
    const char *Advice = "faultline cannot tell which code runs; define a non-virtual function "
                         "in the header, or write its effect in the handler";
    if (const auto *Method = llvm::dyn_cast<clang::CXXMethodDecl>(F); Method && Method->isVirtual())
      Cx.fail(Call->getBeginLoc(), "a call of the virtual function " + Name, Advice);
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call)) {
      Receiver = MC->getImplicitObjectArgument();
      if (const auto *Callee = llvm::dyn_cast<clang::MemberExpr>(MC->getCallee()->IgnoreParens());
          Callee && Callee->isArrow() &&
          !llvm::isa<clang::CXXThisExpr>(Receiver->IgnoreParenImpCasts()))
        Cx.fail(Call->getBeginLoc(), "a call to " + Name + " through a pointer", Advice);
    }
    if (!Receiver)
      return;
    const clang::Expr *Object = Receiver->IgnoreParenImpCasts();
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(Object);
        U && U->getOpcode() == clang::UO_Deref)
      Cx.fail(Call->getBeginLoc(), "a call to " + Name + " through a pointer", Advice);
    if (const auto *Mem = llvm::dyn_cast<clang::MemberExpr>(Object))
      if (const auto *Field = llvm::dyn_cast<clang::FieldDecl>(Mem->getMemberDecl());
          Field && Field->getType()->isReferenceType())
        Cx.fail(Call->getBeginLoc(),
                "a call to " + Name + " through the reference member '" +
                    Field->getNameAsString() + "'",
                Advice);
  }

  static std::vector<const clang::Expr *> arguments(const clang::CallExpr *Call) {
    return std::vector<const clang::Expr *>(Call->arg_begin(), Call->arg_end());
  }

  std::vector<Path> bindArguments(const clang::FunctionDecl *F,
                                  const std::vector<const clang::Expr *> &Args, Path P) {
    std::vector<Path> Partial{std::move(P)};
    for (unsigned I = 0; I < F->getNumParams() && I < Args.size(); ++I) {
      // A process passed to a helper stays that process (an invariant's
      // helper reading the state of its parameters).
      Object Obj;
      const clang::ParmVarDecl *Param = F->getParamDecl(I);
      if (Cx.Proto.roleOf(Param->getType().getNonReferenceType()->getAsRecordDecl()) &&
          Cx.objectOf(Args[I], Obj)) {
        Cx.NodeParams[Param] = Obj;
        continue;
      }
      // A parameter taken by non-const reference is the argument itself:
      // the helper's writes to it are the caller's (an out-parameter).
      clang::QualType Type = Param->getType();
      if (Type->isLValueReferenceType() && !Type.getNonReferenceType().isConstQualified()) {
        Cx.References[Param] = Args[I];
        continue;
      }
      // The handled message with a batch, or the batch, passed by const
      // reference is the handler's own (it does not change during the
      // handler): the helper reads the batch where the handler would.
      if (Type->isLValueReferenceType() && passesBatch(Args[I])) {
        Cx.References[Param] = Args[I];
        continue;
      }
      std::vector<Path> Next;
      for (Path &Q : Partial)
        for (auto &[Q2, T] : Cx.evalTuple(Args[I], std::move(Q))) {
          Q2.Locals[Param] = T;
          Next.push_back(std::move(Q2));
        }
      // Each argument's values multiply the call's paths: joined as a
      // statement's are, with the parameters bound so far as locals.
      Partial = Cx.joinPaths(std::move(Next), Args[I]);
    }
    return Partial;
  }

  /// Whether E is the handled message when it has batches, or one of its
  /// batches.
  bool passesBatch(const clang::Expr *E) const {
    if (Cx.handledBatch(E))
      return true;
    const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(Cx.referent(E));
    return D && Cx.Handled.MessageParam && D->getDecl() == Cx.Handled.MessageParam &&
           !Cx.Handled.Message->Batches.empty();
  }

  LoweringContext &Cx;
};

} // namespace

std::vector<Path> LoweringContext::inlineCall(const clang::CallExpr *Call, Path P) {
  return CallLowering(*this).inlineCall(Call, std::move(P));
}

Tupled LoweringContext::inlineValue(const clang::CallExpr *Call, Path P) {
  return CallLowering(*this).inlineValue(Call, std::move(P));
}

bool LoweringContext::isLibrary(const clang::FunctionDecl *F) const {
  return AST.getSourceManager().isInSystemHeader(F->getLocation());
}

} // namespace faultline::frontend

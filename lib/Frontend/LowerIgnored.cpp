//===- LowerIgnored.cpp - Statements as production code writes them -------===//
//
// Handlers in production code carry statements that mean nothing to the
// model: logging (`printf`, `std::cerr << ...`, a logging macro's `do { if
// (level) log(...); } while (0)`), `static_assert`, `(void)x;`, metrics.
// They are left out of the model, and `-v` lists each one, with why.
// What counts as such a call: C's and C++'s output, functions marked
// FL_IGNORE, and those --ignore-calls names; their arguments must not
// update anything (`printf("%d", ++n)` is still an update). `assert` is
// a property, checked (LowerAsserts.cpp); a `do { ... } while (0)` block
// of other code is its body, run once.
//
//===----------------------------------------------------------------------===//

#include "LoweringContext.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>
#include <iterator>

namespace faultline::frontend {

namespace {

/// The C library's output functions.
bool isCOutput(llvm::StringRef Name) {
  static const char *const Names[] = {"printf",  "fprintf", "vprintf", "vfprintf", "dprintf",
                                      "puts",    "fputs",   "putchar", "fputc",    "putc",
                                      "perror",  "fflush",  "syslog",  "vsyslog",  "fwrite"};
  Name.consume_front("std::");
  return std::find(std::begin(Names), std::end(Names), Name) != std::end(Names);
}

/// std::basic_ostream, or a class derived from it (std::ofstream).
bool isOutputStream(clang::QualType T) {
  const auto *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!R || !R->hasDefinition())
    return false;
  if (R->getName() == "basic_ostream" && R->isInStdNamespace())
    return true;
  return !R->forallBases([](const clang::CXXRecordDecl *Base) {
    return !(Base->getName() == "basic_ostream" && Base->isInStdNamespace());
  });
}

/// A std:: lock, mutex or condition variable: what a handler takes to keep
/// other threads out. The model runs one handler of a node at a time, so
/// the locking changes nothing in it.
bool isSynchronisation(clang::QualType T) {
  const clang::CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!R || !R->isInStdNamespace())
    return false;
  static const char *const Names[] = {"mutex",        "recursive_mutex",    "shared_mutex",
                                      "timed_mutex",  "condition_variable", "condition_variable_any",
                                      "lock_guard",   "unique_lock",        "scoped_lock",
                                      "shared_lock"};
  return std::any_of(std::begin(Names), std::end(Names),
                     [&](const char *N) { return R->getName() == N; });
}

class Ignorer {
public:
  explicit Ignorer(LoweringContext &Cx) : Cx(Cx) {}

  std::optional<std::vector<Path>> exec(const clang::Stmt *S, const std::vector<Path> &In) {
    if (const auto *E = llvm::dyn_cast<clang::Expr>(S)) {
      if (auto Assert = assertShape(E))
        return Cx.execAssert(S, Assert->Cond, In);
      if (aborts(E))
        return Cx.execAssert(S, nullptr, In);
      if (inMacro(S, "assert")) {
        // -DNDEBUG: the macro left `(void)0` and no condition to check.
        Cx.Fragment.ignored(S->getBeginLoc(),
                            "'" + text(S) + "'" + Cx.Names.AfterProblems +
                                ": compiled out by NDEBUG, so not checked (extract with "
                                "--extra-arg=-UNDEBUG to check it)");
        return In;
      }
    }
    if (llvm::isa<clang::NullStmt>(S) || llvm::isa<clang::CompoundStmt>(S))
      return std::nullopt;
    if (std::optional<std::string> Why = ignorable(S)) {
      Cx.Fragment.ignored(S->getBeginLoc(),
                          "'" + text(S) + "'" + Cx.Names.AfterProblems + ": " + *Why);
      return In;
    }
    // A macro's `do { ... } while (0)`: its body, once.
    if (const auto *Do = llvm::dyn_cast<clang::DoStmt>(S); Do && isFalse(Do->getCond())) {
      if (hasBreakOrContinue(Do->getBody()))
        Cx.fail(Do->getBeginLoc(), "a break or continue in a do { ... } while (0) block",
                "test a condition instead");
      return Cx.exec(Do->getBody(), In);
    }
    return std::nullopt;
  }

private:
  struct AssertShape {
    const clang::Expr *Cond;
  };

  /// `assert(cond)` as <cassert> expands it without NDEBUG:
  /// `static_cast<bool>(cond) ? void(0) : __assert_fail(...)`; a project's
  /// own macro that expands to the same shape is an assert too.
  std::optional<AssertShape> assertShape(const clang::Expr *E) const {
    const auto *C = llvm::dyn_cast<clang::ConditionalOperator>(E->IgnoreParens());
    if (!C || !E->getBeginLoc().isMacroID() || !callsAssertFail(C->getFalseExpr()))
      return std::nullopt;
    const clang::Expr *Cond = C->getCond()->IgnoreParens();
    if (const auto *Cast = llvm::dyn_cast<clang::ExplicitCastExpr>(Cond);
        Cast && Cast->getType()->isBooleanType() && Cast->getCastKind() == clang::CK_NoOp)
      Cond = Cast->getSubExpr();
    return AssertShape{Cond};
  }

  /// `abort()`, `std::abort()`, `std::terminate()`: the program stops
  /// there, as at a failed assert.
  static bool aborts(const clang::Expr *E) {
    const auto *Call = llvm::dyn_cast<clang::CallExpr>(E->IgnoreParenImpCasts());
    const clang::FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
    if (!F)
      return false;
    std::string Name = F->getQualifiedNameAsString();
    return Name == "abort" || Name == "std::abort" || Name == "std::terminate";
  }

  static bool callsAssertFail(const clang::Expr *E) {
    const auto *Call = llvm::dyn_cast<clang::CallExpr>(E->IgnoreParenImpCasts());
    const clang::FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
    return F && F->getName().contains("assert");
  }

  /// Whether S is written with the macro Name (directly or inside another
  /// macro's expansion).
  bool inMacro(const clang::Stmt *S, llvm::StringRef Name) const {
    const clang::SourceManager &SM = Cx.AST.getSourceManager();
    clang::SourceLocation L = S->getBeginLoc();
    while (L.isMacroID()) {
      if (clang::Lexer::getImmediateMacroName(L, SM, Cx.AST.getLangOpts()) == Name)
        return true;
      L = SM.getImmediateMacroCallerLoc(L);
    }
    return false;
  }

  bool isFalse(const clang::Expr *E) const {
    bool Value = true;
    return !E->isValueDependent() && E->EvaluateAsBooleanCondition(Value, Cx.AST) && !Value;
  }

  static bool hasBreakOrContinue(const clang::Stmt *S) {
    if (!S)
      return false;
    if (llvm::isa<clang::BreakStmt>(S) || llvm::isa<clang::ContinueStmt>(S))
      return true;
    // Those of a nested loop or switch are theirs.
    if (llvm::isa<clang::ForStmt>(S) || llvm::isa<clang::WhileStmt>(S) ||
        llvm::isa<clang::DoStmt>(S) || llvm::isa<clang::CXXForRangeStmt>(S) ||
        llvm::isa<clang::SwitchStmt>(S))
      return false;
    return std::any_of(S->child_begin(), S->child_end(), hasBreakOrContinue);
  }

  /// Why S has no effect on the model, or none if it may have one.
  std::optional<std::string> ignorable(const clang::Stmt *S) const {
    if (llvm::isa<clang::NullStmt>(S))
      return "an empty statement";
    if (const auto *D = llvm::dyn_cast<clang::DeclStmt>(S)) {
      bool StaticAssert = false, Lock = false;
      for (const clang::Decl *Decl : D->decls()) {
        const auto *V = llvm::dyn_cast<clang::VarDecl>(Decl);
        if (llvm::isa<clang::StaticAssertDecl>(Decl))
          StaticAssert = true;
        else if (V && isSynchronisation(V->getType()) && !updates(V->getInit()))
          Lock = true;
        else if (!llvm::isa<clang::TypedefNameDecl>(Decl) && !llvm::isa<clang::UsingDecl>(Decl) &&
                 !llvm::isa<clang::UsingDirectiveDecl>(Decl))
          return std::nullopt;
      }
      if (Lock)
        return std::string("a lock: faultline runs one handler of a node at a time");
      return StaticAssert ? "the compiler checks it" : "a type alias";
    }
    if (const auto *C = llvm::dyn_cast<clang::CompoundStmt>(S)) {
      for (const clang::Stmt *Child : C->body())
        if (!ignorable(Child))
          return std::nullopt;
      return "nothing in it has an effect on the model";
    }
    if (const auto *I = llvm::dyn_cast<clang::IfStmt>(S)) {
      if ((I->getInit() && !ignorable(I->getInit())) || I->getConditionVariable() ||
          updates(I->getCond()) || !ignorable(I->getThen()) ||
          (I->getElse() && !ignorable(I->getElse())))
        return std::nullopt;
      return "nothing in it has an effect on the model";
    }
    if (const auto *Do = llvm::dyn_cast<clang::DoStmt>(S)) {
      if (!isFalse(Do->getCond()) || !ignorable(Do->getBody()))
        return std::nullopt;
      return "nothing in it has an effect on the model";
    }
    const auto *E = llvm::dyn_cast<clang::Expr>(S);
    if (!E)
      return std::nullopt;
    E = E->IgnoreParens();
    if (const auto *Cast = llvm::dyn_cast<clang::ExplicitCastExpr>(E);
        Cast && Cast->getType()->isVoidType()) {
      if (updates(Cast->getSubExpr()))
        return std::nullopt;
      return "a value cast to void";
    }
    if (const auto *W = llvm::dyn_cast<clang::ExprWithCleanups>(E))
      E = W->getSubExpr()->IgnoreParens();
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E)) {
      std::optional<std::string> Why = ignoredCall(Call);
      if (!Why)
        return std::nullopt;
      const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call);
      if (std::any_of(Call->arg_begin(), Call->arg_end(),
                      [&](const clang::Expr *Arg) { return updates(Arg); }) ||
          (MC && updates(MC->getImplicitObjectArgument())))
        Cx.fail(Call->getBeginLoc(),
                "an update in the arguments of '" +
                    Call->getDirectCallee()->getQualifiedNameAsString() + "'",
                "its calls are left out of the model, their arguments with them; make the "
                "update a statement of its own before the call");
      return Why;
    }
    if (!E->HasSideEffects(Cx.AST))
      return "its value is not used";
    return std::nullopt;
  }

  /// Why a call has no effect on the model: output, FL_IGNORE,
  /// --ignore-calls. None for other calls.
  std::optional<std::string> ignoredCall(const clang::CallExpr *Call) const {
    const clang::FunctionDecl *F = Call->getDirectCallee();
    if (!F)
      return std::nullopt;
    for (const clang::FunctionDecl *D : F->redecls())
      if (markOf(D) == "ignore")
        return "'" + F->getNameAsString() + "' is marked FL_IGNORE";
    std::string Name = F->getQualifiedNameAsString();
    if (Cx.Proto.IgnoreCalls && Cx.Proto.IgnoreCalls->match(Name))
      return "'" + Name + "' matches --ignore-calls";
    if (isCOutput(Name) && Cx.isLibrary(F))
      return "output has no effect on the model";
    // `std::cerr << x << std::endl`, and a project's own operator<< for
    // its types; `os.flush()` and the like.
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(Call);
        Op && Op->getOperator() == clang::OO_LessLess && Op->getNumArgs() == 2 &&
        isOutputStream(Op->getArg(0)->getType()))
      return "output has no effect on the model";
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call);
        MC && isOutputStream(MC->getObjectType()))
      return "output has no effect on the model";
    // notify_all() on a condition variable, lock() on a mutex.
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call);
        MC && isSynchronisation(MC->getObjectType()))
      return "synchronisation between threads: faultline runs one handler of a node at a time";
    return std::nullopt;
  }

  /// Whether evaluating E may update something: an assignment, an
  /// increment, or a call that is neither output, nor ignored, nor library
  /// code, nor a const member function.
  bool updates(const clang::Stmt *S) const {
    if (!S)
      return false;
    if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(S); B && B->isAssignmentOp())
      return true;
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(S); U && U->isIncrementDecrementOp())
      return true;
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(S)) {
      const clang::FunctionDecl *F = Call->getDirectCallee();
      const auto *Method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(F);
      const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(Call);
      bool Assigns = Op && (Op->isAssignmentOp() || Op->getOperator() == clang::OO_PlusPlus ||
                            Op->getOperator() == clang::OO_MinusMinus);
      // A library's non-const member function updates its object
      // (`log.insert(x)`).
      bool Harmless = F && !Protocol::isSend(F) && !Assigns &&
                      (ignoredCall(Call) || (Method ? Method->isConst() : Cx.isLibrary(F)));
      if (!Harmless)
        return true;
    }
    if (llvm::isa<clang::LambdaExpr>(S))
      return true;
    return std::any_of(S->child_begin(), S->child_end(),
                       [&](const clang::Stmt *Child) { return updates(Child); });
  }

  std::string text(const clang::Stmt *S) const {
    std::string Out = writtenAs(Cx.AST, S);
    return Out.size() > 60 ? Out.substr(0, 57) + "..." : Out;
  }

  LoweringContext &Cx;
};

} // namespace

std::optional<std::vector<Path>> LoweringContext::execAsWritten(const clang::Stmt *S,
                                                                const std::vector<Path> &In) {
  return Ignorer(*this).exec(S, In);
}

std::string writtenAs(clang::ASTContext &AST, const clang::Stmt *S) {
  const clang::SourceManager &SM = AST.getSourceManager();
  clang::CharSourceRange Range = SM.getExpansionRange(S->getSourceRange());
  llvm::StringRef Raw = clang::Lexer::getSourceText(Range, SM, AST.getLangOpts());
  std::string Out;
  for (char C : Raw) {
    bool Space = C == ' ' || C == '\n' || C == '\t' || C == '\r';
    if (Space && (Out.empty() || Out.back() == ' '))
      continue;
    Out += Space ? ' ' : C;
  }
  // A declaration's range ends with its semicolon, an expression's before.
  while (!Out.empty() && (Out.back() == ' ' || Out.back() == ';'))
    Out.pop_back();
  return Out;
}

std::string statementInCxxTerms(const clang::Stmt *S) {
  switch (S->getStmtClass()) {
  case clang::Stmt::WhileStmtClass:
    return "a while loop";
  case clang::Stmt::DoStmtClass:
    return "a do-while loop";
  case clang::Stmt::ForStmtClass:
    return "a for loop (other than a range-for)";
  case clang::Stmt::GotoStmtClass:
  case clang::Stmt::IndirectGotoStmtClass:
    return "a goto";
  case clang::Stmt::LabelStmtClass:
    return "a label";
  case clang::Stmt::ContinueStmtClass:
    return "a continue";
  case clang::Stmt::CXXTryStmtClass:
    return "a try block";
  case clang::Stmt::CXXThrowExprClass:
    return "a throw";
  case clang::Stmt::CoreturnStmtClass:
    return "a co_return";
  case clang::Stmt::GCCAsmStmtClass:
  case clang::Stmt::MSAsmStmtClass:
    return "inline assembly";
  default:
    return "this statement";
  }
}

} // namespace faultline::frontend

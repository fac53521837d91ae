//===- Idioms.h - Shapes of common C++ forms ----------------------*- C++ -*-===//
//
// Private to the frontend. Recognises the shape of a few forms users reach
// for (a switch's labels and statements, a lookup compared with end(), a
// named constant's value) so that the lowering can give each its direct
// meaning in the model. Only shapes here; what they mean is the lowering's
// (Lower*.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_IDIOMS_H
#define FAULTLINE_LIB_FRONTEND_IDIOMS_H

#include "faultline/IR/AST.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

#include <optional>
#include <vector>

namespace faultline::frontend {

/// One element of a switch's body in order: a label or a statement.
struct SwitchItem {
  const clang::SwitchCase *Label = nullptr;
  const clang::Stmt *Statement = nullptr;
};

/// The body of S as its labels and statements, in order (`case 1: case 2:
/// x = 1;` is two labels and a statement). Misplaced is set to the first
/// label nested inside another statement of the body (a case inside an
/// if), which has no meaning as a sequence of guarded statements.
std::vector<SwitchItem> switchItems(const clang::SwitchStmt *S,
                                    const clang::SwitchCase *&Misplaced);

/// `c.find(k) == c.end()`, `it != c.end()` and the same in the other order.
struct EndTest {
  /// The container of `end()`, and of `find()` where there is one.
  const clang::Expr *EndOf = nullptr;
  const clang::CXXMemberCallExpr *Find = nullptr;
  /// The iterator local compared, where it is not a find() call.
  const clang::ValueDecl *Iterator = nullptr;
  /// True for `!=`: the comparison holds where the element is found.
  bool HoldsWhenFound = false;
};
std::optional<EndTest> endTest(const clang::CXXOperatorCallExpr *Op);

/// `c.find(k)` (through the wrappers of an initializer), or null.
const clang::CXXMemberCallExpr *findCall(const clang::Expr *E);

/// The iterator local whose element `it->second`, `it->first` or `*it`
/// reads (the operator call's object), or null.
const clang::ValueDecl *dereferencedIterator(const clang::Expr *E);

/// `while (v.size() > n) v.pop_back();` (or `n < v.size()`, the body in
/// braces): a log cut to its first n elements.
struct Truncation {
  const clang::WhileStmt *Loop = nullptr;
  /// The vector, and n as the comparison converts it.
  const clang::Expr *Vector = nullptr;
  const clang::Expr *Bound = nullptr;
};
std::optional<Truncation> truncationLoop(const clang::WhileStmt *W);

/// `for (T i = a; <condition on i>; ++i)` whose body reads a vector at i
/// (`v[i]`, `v.at(i)`) and does not change i.
struct IndexLoop {
  const clang::ForStmt *Loop = nullptr;
  const clang::VarDecl *Index = nullptr;
  const clang::Expr *Start = nullptr;
  /// The vector read at i (the first such read in the body).
  const clang::Expr *Vector = nullptr;
};
std::optional<IndexLoop> indexLoopOf(const clang::ForStmt *F);

/// A constant of integral or enum type T as the model writes it: its value
/// as an integer (an enumerator is its value, as in the compiled code).
/// None for a value outside the model's 64-bit signed integers.
std::optional<ir::Term> constantTerm(clang::QualType T, const llvm::APSInt &V);

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_IDIOMS_H

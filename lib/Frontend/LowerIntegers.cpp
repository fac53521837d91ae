//===- LowerIntegers.cpp - C++ integer types in the model -----------------===//

#include "LowerIntegers.h"

#include "ModelBuilder.h"

#include "faultline/IR/ReservedNames.h"

namespace faultline::frontend {

using ir::Term;

namespace {

/// The width of T if it is an unsigned integer type (not bool, not an
/// enum, which convert by their own rules).
std::optional<unsigned> unsignedWidth(clang::ASTContext &AST, clang::QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (!T->isUnsignedIntegerType() || T->isBooleanType() || T->isEnumeralType())
    return std::nullopt;
  return AST.getIntWidth(T);
}

/// X with its arithmetic on constants done (where it does not overflow),
/// so that constants need no test.
Term folded(Term X) {
  if (X.K != Term::Kind::Arith || X.Args.size() != 2)
    return X;
  Term L = folded(X.Args[0]), R = folded(X.Args[1]);
  int64_t Out = 0;
  bool Overflow = true;
  if (L.K == Term::Kind::Integer && R.K == Term::Kind::Integer) {
    if (X.Op == '+')
      Overflow = __builtin_add_overflow(L.Int, R.Int, &Out);
    else if (X.Op == '-')
      Overflow = __builtin_sub_overflow(L.Int, R.Int, &Out);
    else if (X.Op == '*')
      Overflow = __builtin_mul_overflow(L.Int, R.Int, &Out);
  }
  if (!Overflow)
    return Term::integer(Out, X.Loc);
  X.Args = {std::move(L), std::move(R)};
  return X;
}

} // namespace

bool conversionWraps(clang::ASTContext &AST, clang::QualType From, clang::QualType To) {
  std::optional<unsigned> Width = unsignedWidth(AST, To);
  From = From.getNonReferenceType().getCanonicalType();
  if (!Width || !From->isIntegralOrEnumerationType() || From->isBooleanType())
    return false;
  return From->isSignedIntegerOrEnumerationType() || AST.getIntWidth(From) > *Width;
}

bool isWrappingCast(clang::ASTContext &AST, const clang::CastExpr *Cast) {
  return Cast && Cast->getCastKind() == clang::CK_IntegralCast &&
         conversionWraps(AST, Cast->getSubExpr()->getType(), Cast->getType());
}

Valued asUnsigned(LoweringContext &Cx, clang::QualType T, Valued V, clang::SourceLocation Loc,
                  bool MayBeNegative, llvm::StringRef What) {
  std::optional<unsigned> Width = unsignedWidth(Cx.AST, T);
  if (!Width)
    return V;
  for (auto &[P, X] : V)
    X = folded(std::move(X));
  ir::SourceLoc L = Cx.Fragment.loc(Loc);
  std::string Type = T.getCanonicalType().getUnqualifiedType().getAsString();
  Valued Out;
  if (*Width < 64) {
    int64_t M = int64_t(1) << *Width;
    for (auto &[P, X] : V) {
      if (X.K == Term::Kind::Integer) {
        Out.push_back({std::move(P), Term::integer(((X.Int % M) + M) % M)});
        continue;
      }
      // `%` keeps the dividend's sign, as in C++: a value that may be
      // negative is moved into [0, M) by a second reduction.
      Term Reduced = Term::arith('%', X, Term::integer(M), L);
      if (MayBeNegative)
        Reduced = Term::arith('%', Term::arith('+', Reduced, Term::integer(M), L),
                              Term::integer(M), L);
      Out.push_back({std::move(P), std::move(Reduced)});
    }
    return Out;
  }
  for (auto &[P, X] : V) {
    if (!MayBeNegative || (X.K == Term::Kind::Integer && X.Int >= 0)) {
      Out.push_back({std::move(P), std::move(X)});
      continue;
    }
    // A constant below zero comes from one of the paths (the size of an
    // empty container): the error is the path's, at run time.
    Path Below = P;
    if (compare(Below, ir::CmpOp::LT, X, Term::integer(0))) {
      // The compiled code wraps around to a value of 2^63 or more, which
      // the model's integers cannot hold: the run stops here.
      Cx.runError(Below, Loc,
                  What.str() + ", where the compiled code's '" + Type +
                      "' wraps around to a value (2^64 minus a little) that the model cannot "
                      "hold; test the operands first, or compute in a signed type",
                  X);
    }
    if (compare(P, ir::CmpOp::GE, X, Term::integer(0)))
      Out.push_back({std::move(P), std::move(X)});
  }
  return Out;
}

} // namespace faultline::frontend

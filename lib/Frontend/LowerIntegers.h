//===- LowerIntegers.h - C++ integer types in the model ---------*- C++ -*-===//
//
// Private to the frontend's lowering. The model's integers are 64-bit,
// signed and never wrap; C++'s unsigned types wrap around. Where the two
// would differ, the lowering follows the compiled code or stops the run:
//
// - an unsigned type narrower than 64 bits (unsigned char, unsigned,
//   uint32_t, ...) holds every value modulo 2^N: the arithmetic and the
//   conversions that can leave its range are reduced with the IR's `%`;
// - a 64-bit unsigned type (size_t, uint64_t, a container's size()) is
//   modelled exactly while its values stay below 2^63: a subtraction (or a
//   conversion of a negative value) that would wrap around derives
//   ir::ErrorRelation, an evaluation error at the C++ expression, since
//   the wrapped value does not fit the model's integers.
//
// Signed overflow is undefined behaviour in C++ and is not modelled; a sum
// or product beyond the model's 64 bits is the evaluator's overflow error.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_LOWERINTEGERS_H
#define FAULTLINE_LIB_FRONTEND_LOWERINTEGERS_H

#include "LoweringContext.h"

namespace faultline::frontend {

/// Whether C++ can change a value converting it from From to To: To is an
/// unsigned integer type and From is signed or wider.
bool conversionWraps(clang::ASTContext &AST, clang::QualType From, clang::QualType To);

/// Whether Cast is an integral conversion that conversionWraps.
bool isWrappingCast(clang::ASTContext &AST, const clang::CastExpr *Cast);

/// The values V as C++ holds them in type T (unchanged unless T is an
/// unsigned integer type): reduced modulo 2^N below 64 bits; at 64 bits the
/// paths where a value is below zero end in an error rule, whose text
/// starts with What ("this subtraction goes below zero"). MayBeNegative is false where no value of V can be
/// below zero (a sum or product of values of type T), which needs no test.
Valued asUnsigned(LoweringContext &Cx, clang::QualType T, Valued V, clang::SourceLocation Loc,
                  bool MayBeNegative, llvm::StringRef What);

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_LOWERINTEGERS_H

//===- Collect.h - Gathering the annotated declarations ---------*- C++ -*-===//

#ifndef FAULTLINE_LIB_FRONTEND_COLLECT_H
#define FAULTLINE_LIB_FRONTEND_COLLECT_H

#include "Protocol.h"
#include "Reporter.h"

#include "clang/AST/ASTContext.h"

namespace faultline::frontend {

/// Whether T is a value the model can hold: an integer, bool, enum or string.
bool isScalarType(clang::QualType T);
/// The element type if T is a std::set or std::unordered_set of scalars.
std::optional<clang::QualType> setElementType(clang::QualType T);

/// The element type if T is a std::vector of scalars.
std::optional<clang::QualType> vectorElementType(clang::QualType T);
/// The key and value types if T is a std::map or std::unordered_map from a
/// scalar to a scalar.
std::optional<std::pair<clang::QualType, clang::QualType>> mapTypes(clang::QualType T);

/// Finds every marked declaration of the translation unit; reports marks in
/// the wrong place or on unsupported types.
Protocol collect(clang::ASTContext &Ctx, Reporter &R);

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_COLLECT_H

//===- Collect.h - Gathering the annotated declarations ---------*- C++ -*-===//

#ifndef FAULTLINE_LIB_FRONTEND_COLLECT_H
#define FAULTLINE_LIB_FRONTEND_COLLECT_H

#include "Protocol.h"
#include "Reporter.h"

#include "faultline/IR/AST.h"

#include "clang/AST/ASTContext.h"

namespace faultline::frontend {

/// Whether T is a value the model can hold: an integer, bool, enum or string.
bool isScalarType(clang::QualType T);
/// The value a scalar of type T is value-initialized to: 0, false, "", or
/// the enumerator whose value is 0.
ir::Term zeroValue(clang::QualType T);

/// The struct if T is a plain struct the model holds as a value: an
/// aggregate without bases whose fields are all values. Its value takes one
/// column per scalar field, nested structs flattened in declaration order.
const clang::CXXRecordDecl *structOf(clang::QualType T);
/// Whether T is a scalar or a plain struct of values.
bool isValueType(clang::QualType T);
/// How many columns a value of type T takes in a relation.
unsigned columnCount(clang::QualType T);
/// Where Field's columns start among its struct's columns.
unsigned columnOffset(const clang::FieldDecl *Field);
/// A name per column of a value of type T (its scalar fields' names), for
/// readable variables; a scalar's one column is named Prefix.
void columnNames(clang::QualType T, const std::string &Prefix, std::vector<std::string> &Out);

/// The element type if T is a std::set or std::unordered_set of values.
std::optional<clang::QualType> setElementType(clang::QualType T);

/// The element type if T is a std::vector of values.
std::optional<clang::QualType> vectorElementType(clang::QualType T);
/// The key and value types if T is a std::map or std::unordered_map from a
/// value to a value.
std::optional<std::pair<clang::QualType, clang::QualType>> mapTypes(clang::QualType T);

/// Finds every marked declaration of the translation unit; reports marks in
/// the wrong place or on unsupported types.
Protocol collect(clang::ASTContext &Ctx, Reporter &R);

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_COLLECT_H

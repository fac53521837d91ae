//===- SyntaxOnlyTool.h - How the frontend runs clang on a file -*- C++ -*-===//
//
// Both the extraction and the simulator emitter parse the user's files with a
// ClangTool configured the same way; this is that configuration, once.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_SYNTAXONLYTOOL_H
#define FAULTLINE_LIB_FRONTEND_SYNTAXONLYTOOL_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"

#include <string>
#include <vector>

namespace faultline::frontend {

/// Parse only (no code generation), with the installed compiler's builtin
/// headers (LibTooling would look for them next to the executable), and with
/// the user's extra arguments after the database's own.
inline void configureSyntaxOnly(clang::tooling::ClangTool &Tool,
                                const std::vector<std::string> &ExtraArgs) {
  Tool.setPrintErrorMessage(false);
  Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      {"-resource-dir", FAULTLINE_CLANG_RESOURCE_DIR},
      clang::tooling::ArgumentInsertPosition::BEGIN));
  Tool.appendArgumentsAdjuster(clang::tooling::getClangSyntaxOnlyAdjuster());
  if (!ExtraArgs.empty())
    Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        ExtraArgs, clang::tooling::ArgumentInsertPosition::END));
}

} // namespace faultline::frontend

#endif

//===- Extract.cpp - Running the frontend over a compilation database ----===//

#include "faultline/Frontend/Frontend.h"

#include "Collect.h"
#include "Lowering.h"
#include "ModelBuilder.h"
#include "Scenarios.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace faultline::frontend {

namespace {

class LoweringConsumer : public clang::ASTConsumer {
public:
  explicit LoweringConsumer(ModelBuilder &M) : M(M) {}
  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    // A TU that did not compile is reported by clang already.
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    Reporter R(Ctx.getDiagnostics());
    Protocol P = collect(Ctx, R);
    lowerProtocol(P, Ctx, R, M);
    lowerScenarios(P, Ctx, R, M);
  }

private:
  ModelBuilder &M;
};

class LoweringAction : public clang::ASTFrontendAction {
public:
  explicit LoweringAction(ModelBuilder &M) : M(M) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &,
                                                        llvm::StringRef) override {
    return std::make_unique<LoweringConsumer>(M);
  }

private:
  ModelBuilder &M;
};

class LoweringActionFactory : public clang::tooling::FrontendActionFactory {
public:
  explicit LoweringActionFactory(ModelBuilder &M) : M(M) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<LoweringAction>(M);
  }

private:
  ModelBuilder &M;
};

} // namespace

std::optional<ExtractedModel> extract(const ExtractOptions &Opts, llvm::raw_ostream &Errs) {
  // The database, found the way clang-tidy finds it: in -p's folder or the
  // folders above it, else above the first source file.
  std::string Error;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  if (Opts.FixedArgs)
    DB = std::make_unique<clang::tooling::FixedCompilationDatabase>(".", *Opts.FixedArgs);
  else if (!Opts.BuildPath.empty())
    DB = clang::tooling::CompilationDatabase::autoDetectFromDirectory(Opts.BuildPath, Error);
  else if (!Opts.Files.empty())
    DB = clang::tooling::CompilationDatabase::autoDetectFromSource(Opts.Files.front(), Error);
  else
    Error = "no compilation database: give -p BUILD_DIR or source files";
  if (!DB) {
    Errs << "faultline: error: " << Error << "\n";
    return std::nullopt;
  }

  std::vector<std::string> Files;
  if (Opts.Files.empty() && Opts.FixedArgs) {
    Errs << "faultline: error: give the source files to read before '--'\n";
    return std::nullopt;
  }
  if (Opts.Files.empty()) {
    Files = DB->getAllFiles();
  } else {
    for (const std::string &F : Opts.Files) {
      llvm::SmallString<256> Abs(F);
      llvm::sys::fs::make_absolute(Abs);
      llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
      Files.push_back(std::string(Abs));
    }
  }
  bool Missing = false;
  for (const std::string &F : Files)
    if (!llvm::sys::fs::exists(F)) {
      Errs << "faultline: error: no such file: " << F << "\n";
      Missing = true;
    }
  if (Missing)
    return std::nullopt;
  if (Files.empty()) {
    Errs << "faultline: error: the compilation database lists no files\n";
    return std::nullopt;
  }

  clang::tooling::ClangTool Tool(*DB, Files);
  // LibTooling looks for the builtin headers next to the executable; point
  // it at the installed compiler's instead.
  Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      {"-resource-dir", FAULTLINE_CLANG_RESOURCE_DIR},
      clang::tooling::ArgumentInsertPosition::BEGIN));
  Tool.appendArgumentsAdjuster(clang::tooling::getClangSyntaxOnlyAdjuster());
  if (!Opts.ExtraArgs.empty())
    Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        Opts.ExtraArgs, clang::tooling::ArgumentInsertPosition::END));

  ModelBuilder M;
  LoweringActionFactory Factory(M);
  if (Tool.run(&Factory) != 0)
    return std::nullopt;
  ExtractedModel Model = M.finish();
  if (Model.Scenarios.empty()) {
    Errs << "faultline: error: no FL_SCENARIO function in these files\n";
    return std::nullopt;
  }
  return Model;
}

} // namespace faultline::frontend

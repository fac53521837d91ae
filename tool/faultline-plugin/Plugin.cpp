//===- Plugin.cpp - faultline as a clang plugin ---------------------------===//
//
// Loaded into clang-19 with -fplugin=faultline-plugin.so during a normal
// build. It runs before the main action (so the object file is still
// written), extracts the translation unit's annotated declarations, reports
// problems with them as warnings at their locations, and writes the
// extraction next to the object file (`foo.cpp.o.faultline.json`), which
// `faultline check --from-objects DIR` links and searches at the end of the
// build without parsing anything again. An object that clang compiles and
// links in one command lives in TMPDIR only until the link: it gets no
// fragment (compile with -c into the build folder to check it).
//
// Clang does not apply -Werror to a plugin's own diagnostics, so the plugin
// does (as Chromium's plugins do): under -Werror its warnings are errors,
// unless -fplugin-arg-faultline-no-error or -Wno-error=faultline is given.
// `// NOLINT(faultline)` on a line silences its warnings (the fragment still
// lists them: check names them when it refuses the TU).
// -fplugin-arg-faultline-ignore-calls=REGEX is `--ignore-calls REGEX`;
// -fplugin-arg-faultline-loop-bound=N is `--loop-bound N`.
//
// Every compiled TU gets a fragment, an empty one if nothing in it is
// annotated, so that a fragment is never older than its object: a build
// tool told that the fragments are outputs (faultline_check's BYPRODUCTS)
// always finds them. -fplugin-arg-faultline-out-dir=DIR writes it to
// DIR/<the source file's absolute path>.faultline.json instead, a name the
// build system knows before it compiles anything (faultline_check uses it).
//
//===----------------------------------------------------------------------===//

#include "faultline/Frontend/Fragment.h"
#include "faultline/Frontend/TranslationUnit.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

namespace {

using faultline::frontend::ModelOptions;
using faultline::frontend::ProblemOptions;

/// Whether Object is a temporary file of clang's driver: compiling and
/// linking in one command (`clang++ a.cpp b.cpp -o prog`), the driver
/// writes each object as TMPDIR/<input up to its first dot>-XXXXXX.o and
/// deletes it after the link. A fragment next to it would outlive it in
/// TMPDIR, and no `--from-objects` folder would hold it.
bool isDriverTemporary(llvm::StringRef Object,
                       llvm::ArrayRef<clang::FrontendInputFile> Inputs) {
  llvm::SmallString<128> Temp, Dir(llvm::sys::path::parent_path(Object)), RealTemp, RealDir;
  llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true, Temp);
  if (llvm::sys::fs::real_path(Temp, RealTemp) || llvm::sys::fs::real_path(Dir, RealDir) ||
      RealTemp != RealDir)
    return false;
  // The driver's names: the input's stem, '-', six random hex digits, '.o'.
  llvm::StringRef Name = llvm::sys::path::filename(Object);
  for (const clang::FrontendInputFile &In : Inputs) {
    if (!In.isFile())
      continue;
    llvm::StringRef Stem = llvm::sys::path::filename(In.getFile()).split('.').first;
    llvm::StringRef Rest = Name;
    if (!Rest.consume_front(Stem) || !Rest.consume_front("-") || !Rest.consume_back(".o") ||
        Rest.size() != 6 || !llvm::all_of(Rest, llvm::isHexDigit))
      continue;
    return true;
  }
  return false;
}

class FaultlineConsumer : public clang::ASTConsumer {
public:
  FaultlineConsumer(ProblemOptions Opts, ModelOptions Model, std::string Output)
      : Opts(Opts), Model(std::move(Model)), Output(std::move(Output)) {}

  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    // A TU that did not compile has its errors already, and no object.
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    faultline::frontend::Fragment F =
        faultline::frontend::extractTranslationUnit(Ctx, Opts, Model);
    // Under -Werror a problem fails the compile: no object, no extraction.
    if (Output.empty() || Ctx.getDiagnostics().hasErrorOccurred())
      return;
    std::string Error;
    // Under -fplugin-arg-faultline-out-dir, the source's folders.
    if (std::error_code EC =
            llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Output)))
      Error = "cannot create the folder of " + Output + ": " + EC.message();
    if (!Error.empty() || !faultline::frontend::writeFragment(F, Output, Error)) {
      clang::DiagnosticsEngine &D = Ctx.getDiagnostics();
      D.Report(D.getCustomDiagID(clang::DiagnosticsEngine::Error, "faultline: %0")) << Error;
    }
  }

private:
  ProblemOptions Opts;
  ModelOptions Model;
  std::string Output;
};

class FaultlineAction : public clang::PluginASTAction {
protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &CI,
                                                        llvm::StringRef) override {
    ProblemOptions Opts;
    Opts.AsWarnings = true;
    Opts.HonourNolint = true;
    bool NoErrorFlag = NoError;
    for (const std::string &W : CI.getDiagnosticOpts().Warnings)
      NoErrorFlag |= W == "no-error=faultline";
    Opts.WarningsAsErrors = CI.getDiagnostics().getWarningsAsErrors() && !NoErrorFlag;
    // Next to the object file; nothing for -fsyntax-only, -o - or an
    // object the driver deletes after linking.
    std::string Object = CI.getFrontendOpts().OutputFile;
    std::string Output;
    if (Object.empty() || Object == "-" || llvm::StringRef(Object).starts_with("/dev/") ||
        isDriverTemporary(Object, CI.getFrontendOpts().Inputs))
      ;
    else if (OutDir.empty())
      Output = Object + ".faultline.json";
    else if (CI.getFrontendOpts().Inputs.size() == 1 &&
             CI.getFrontendOpts().Inputs[0].isFile())
      Output = outDirPath(CI.getFrontendOpts().Inputs[0].getFile());
    return std::make_unique<FaultlineConsumer>(Opts, Model, Output);
  }

  bool ParseArgs(const clang::CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    for (const std::string &A : Args) {
      if (A == "no-error") {
        NoError = true;
        continue;
      }
      clang::DiagnosticsEngine &D = CI.getDiagnostics();
      if (llvm::StringRef Dir = A; Dir.consume_front("out-dir=") && !Dir.empty()) {
        OutDir = Dir.str();
        continue;
      }
      if (llvm::StringRef Regex = A; Regex.consume_front("ignore-calls=")) {
        std::string Error;
        if (!llvm::Regex(Regex).isValid(Error)) {
          D.Report(D.getCustomDiagID(clang::DiagnosticsEngine::Error,
                                     "faultline: ignore-calls: %0"))
              << Error;
          return false;
        }
        Model.IgnoreCalls = Regex.str();
        continue;
      }
      if (llvm::StringRef Bound = A; Bound.consume_front("loop-bound=")) {
        if (Bound.getAsInteger(10, Model.LoopBound)) {
          D.Report(D.getCustomDiagID(clang::DiagnosticsEngine::Error,
                                     "faultline: loop-bound: '%0' is not a number of iterations"))
              << Bound;
          return false;
        }
        continue;
      }
      D.Report(D.getCustomDiagID(clang::DiagnosticsEngine::Error,
                                 "faultline: unknown plugin argument '%0' (known: no-error, "
                                 "ignore-calls=REGEX, loop-bound=N, out-dir=DIR)"))
          << A;
      return false;
    }
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  /// OutDir/<Source made absolute, without . and ..>.faultline.json, as
  /// CMake's cmake_path(ABSOLUTE_PATH ... NORMALIZE) names it too.
  std::string outDirPath(llvm::StringRef Source) const {
    llvm::SmallString<256> Abs(Source);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    llvm::SmallString<256> Out(OutDir);
    // The root ("/", or "C:\" on Windows) becomes a folder name.
    llvm::StringRef Root = llvm::sys::path::root_path(Abs);
    std::string RootName = Root.str();
    llvm::erase_if(RootName, [](char C) { return C == '/' || C == '\\' || C == ':'; });
    llvm::sys::path::append(Out, RootName, llvm::StringRef(Abs).drop_front(Root.size()));
    return (Out + ".faultline.json").str();
  }

  bool NoError = false;
  std::string OutDir;
  ModelOptions Model;
};

} // namespace

static clang::FrontendPluginRegistry::Add<FaultlineAction>
    X("faultline", "extract faultline's protocol model while compiling");

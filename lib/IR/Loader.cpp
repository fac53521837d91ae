//===- Loader.cpp - Loading a program and its includes --------------------===//
//
// Reads the input files and everything they include into one Program.
//
// - Includes resolve relative to the folder of the FIRST input file, for
//   nested includes too (Molly's rule). An absolute include path is used as
//   is.
// - Order: depth-first, pre-order, as Molly does. A file's own rules and
//   facts come first, then each of its includes in directive order, each
//   followed by what it includes; then the next input file. Files get their
//   FileIDs in that same order.
// - A file reached twice (by its canonical real path) is loaded once, at its
//   first occurrence.
// - An include that leads back to a file still being loaded is an include
//   cycle, reported at the directive.
//
//===----------------------------------------------------------------------===//

#include "faultline/IR/Parser.h"
#include "faultline/IR/Validate.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <set>
#include <string>
#include <vector>

namespace faultline::ir {

namespace {

class Loader {
public:
  Loader(Program &P, DiagnosticEngine &Diags) : P(P), Diags(Diags) {}

  void loadTopLevel(const std::string &Path) {
    std::string Key;
    if (Path == "-") {
      Key = "-";
    } else {
      llvm::SmallString<256> Real;
      if (std::error_code EC = llvm::sys::fs::real_path(Path, Real)) {
        Diags.error("cannot open file '" + Path + "': " + EC.message());
        return;
      }
      Key = std::string(Real);
    }
    if (Loaded.count(Key))
      return;
    load(Path, Key, SourceLoc(), Path);
  }

  void setBaseDir(const std::string &FirstPath) {
    if (FirstPath == "-")
      return;
    BaseDir = std::string(llvm::sys::path::parent_path(FirstPath));
  }

private:
  Program &P;
  DiagnosticEngine &Diags;
  std::string BaseDir;
  std::set<std::string> Loaded;
  /// Canonical paths and display names of the files being loaded.
  std::vector<std::pair<std::string, std::string>> Stack;

  std::string resolve(const std::string &Include) const {
    llvm::SmallString<256> Path;
    if (BaseDir.empty() || llvm::sys::path::is_absolute(Include))
      Path = Include;
    else {
      Path = BaseDir;
      llvm::sys::path::append(Path, Include);
    }
    // Drop "./" components (not "..", which symlinks make unsafe).
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/false);
    return std::string(Path);
  }

  /// Loads one file. Key is its canonical path; At and Written locate and
  /// spell the include directive (none for an input file).
  void load(const std::string &Display, const std::string &Key, SourceLoc At,
            const std::string &Written) {
    // Only regular files: reading a device (/dev/zero) never ends, and a
    // folder or a FIFO is a mistake the user should hear about by name.
    llvm::sys::fs::file_status Status;
    if (Display != "-" && !llvm::sys::fs::status(Display, Status) &&
        Status.type() != llvm::sys::fs::file_type::regular_file) {
      std::string What = Status.type() == llvm::sys::fs::file_type::directory_file
                             ? "is a folder, not a file"
                             : "is not a regular file";
      if (At.isValid())
        Diags.error(At, "cannot include '" + Written + "': it " + What);
      else
        Diags.error("cannot read '" + Display + "': it " + What);
      return;
    }
    auto BufOrErr = llvm::MemoryBuffer::getFileOrSTDIN(Display, /*IsText=*/true);
    if (!BufOrErr) {
      if (At.isValid())
        Diags.error(At, "cannot open included file '" + Written +
                            "': " + BufOrErr.getError().message());
      else
        Diags.error("cannot open file '" + Display +
                    "': " + BufOrErr.getError().message());
      return;
    }
    Loaded.insert(Key);
    unsigned FileID = P.addFile(Display);
    std::string Text = (*BufOrErr)->getBuffer().str();
    Diags.addSourceText(FileID, Text);

    std::vector<IncludeDirective> Includes;
    parseBuffer(Text, FileID, P, Includes, Diags);

    Stack.emplace_back(Key, Display);
    for (const IncludeDirective &Inc : Includes) {
      std::string Path = resolve(Inc.Path);
      llvm::SmallString<256> Real;
      if (std::error_code EC = llvm::sys::fs::real_path(Path, Real)) {
        Diags.error(Inc.Loc, "cannot open included file '" + Inc.Path +
                                 "': " + EC.message());
        continue;
      }
      std::string IncKey(Real);
      size_t I = 0;
      while (I < Stack.size() && Stack[I].first != IncKey)
        ++I;
      if (I < Stack.size()) {
        std::string Chain;
        for (size_t J = I; J < Stack.size(); ++J)
          Chain += Stack[J].second + " -> ";
        Chain += Stack[I].second;
        Diags.error(Inc.Loc, "include cycle: " + Stack[I].second +
                                 " includes itself (" + Chain + ")");
        continue;
      }
      if (Loaded.count(IncKey))
        continue;
      load(Path, IncKey, Inc.Loc, Inc.Path);
    }
    Stack.pop_back();
  }
};

} // namespace

bool loadProgram(const std::vector<std::string> &Paths, Program &P,
                 DiagnosticEngine &Diags) {
  Diags.setProgram(&P);
  unsigned ErrorsBefore = Diags.errorCount();
  if (Paths.empty()) {
    Diags.error("no input files");
    return false;
  }
  Loader L(P, Diags);
  L.setBaseDir(Paths.front());
  for (const std::string &Path : Paths)
    L.loadTopLevel(Path);
  readSingletonNotinVariablesAsWildcards(P, Diags);
  return Diags.errorCount() == ErrorsBefore;
}

} // namespace faultline::ir

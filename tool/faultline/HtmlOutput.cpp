//===- HtmlOutput.cpp - Writing the page of --format html -----------------===//

#include "Commands.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace faultline::tool {

bool writeHtml(const report::HtmlReport &Page, const std::string &Path) {
  // writeToOutput writes to a temporary file renamed into place: a failed
  // run leaves no half-written report.
  llvm::Error E = llvm::writeToOutput(Path.empty() ? "-" : Path, [&](llvm::raw_ostream &OS) {
    Page.write(OS);
    return llvm::Error::success();
  });
  if (E) {
    llvm::errs() << "faultline: error: cannot write " << Path << ": "
                 << llvm::toString(std::move(E)) << "\n";
    return false;
  }
  return true;
}

} // namespace faultline::tool

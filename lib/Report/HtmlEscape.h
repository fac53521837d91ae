//===- HtmlEscape.h - Text inside HTML and SVG -----------------*- C++ -*-===//

#ifndef FAULTLINE_REPORT_HTMLESCAPE_H
#define FAULTLINE_REPORT_HTMLESCAPE_H

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace faultline::report {

/// S with &, <, >, " and ' escaped, for element text and attribute values.
inline std::string escaped(llvm::StringRef S) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::printHTMLEscaped(S, OS);
  return Out;
}

} // namespace faultline::report

#endif // FAULTLINE_REPORT_HTMLESCAPE_H

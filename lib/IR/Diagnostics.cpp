//===- Diagnostics.cpp - clang-style diagnostics --------------------------===//
//
// Formats diagnostics with llvm::SMDiagnostic, which prints what clang
// prints: `file:line:col: error: message`, the source line, and a caret
// under the column (tabs expanded, trailing blanks trimmed). A location-less
// diagnostic prints as `faultline: error: message`.
//
//===----------------------------------------------------------------------===//

#include "faultline/IR/Diagnostics.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <utility>

namespace faultline::ir {

/// Source lines longer than this are shown as a window around the column.
static constexpr size_t MaxShownLine = 1024;

void DiagnosticEngine::addSourceText(unsigned FileID, std::string Text) {
  std::vector<size_t> Starts{0};
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n')
      Starts.push_back(I + 1);
  LineStarts[FileID] = std::move(Starts);
  Texts[FileID] = std::move(Text);
}

/// Message with its control characters (but line breaks and tabs) spelled
/// out as \xHH: a name from the program (a node, a scenario) cannot send
/// escape sequences to the user's terminal.
static std::string visible(const std::string &Message) {
  std::string Out;
  for (unsigned char C : Message) {
    if ((C < 0x20 && C != '\n' && C != '\t') || C == 0x7f) {
      Out += "\\x";
      Out += llvm::hexdigit(C >> 4);
      Out += llvm::hexdigit(C & 15);
    } else {
      Out += static_cast<char>(C);
    }
  }
  return Out;
}

void DiagnosticEngine::report(Severity S, SourceLoc L,
                              const std::string &RawMessage) {
  std::string Message = visible(RawMessage);
  if (S == Severity::Warning && WarningsAsErrors)
    S = Severity::Error;
  if (S == Severity::Error)
    ++Errors;
  else if (S == Severity::Warning)
    ++Warnings;

  llvm::SourceMgr::DiagKind Kind = llvm::SourceMgr::DK_Error;
  if (S == Severity::Warning)
    Kind = llvm::SourceMgr::DK_Warning;
  else if (S == Severity::Note)
    Kind = llvm::SourceMgr::DK_Note;

  if (!L.isValid()) {
    llvm::SMDiagnostic D("", Kind, Message);
    D.print("faultline", OS, /*ShowColors=*/false);
    return;
  }

  std::string File = Prog ? Prog->fileName(L) : std::string();
  if (File.empty())
    File = "<unknown>";

  auto TextIt = Texts.find(L.FileID);
  auto StartsIt = LineStarts.find(L.FileID);
  if (TextIt == Texts.end() || StartsIt == LineStarts.end() ||
      L.Line > StartsIt->second.size()) {
    // No text to show: only the first line of the diagnostic.
    OS << (File == "-" ? "<stdin>" : File) << ':' << L.Line << ':' << L.Col
       << ": ";
    llvm::SMDiagnostic D(File, Kind, Message);
    D.print(nullptr, OS, /*ShowColors=*/false, /*ShowKindLabel=*/true,
            /*ShowLocation=*/false);
    return;
  }

  llvm::StringRef Text = TextIt->second;
  size_t Begin = StartsIt->second[L.Line - 1];
  llvm::StringRef LineText = Text.substr(Begin);
  LineText = LineText.substr(0, LineText.find('\n'));
  if (LineText.ends_with("\r"))
    LineText = LineText.drop_back();

  // Column as SMDiagnostic wants it: 0-based, relative to the shown text.
  size_t Col = L.Col ? L.Col - 1 : 0;
  if (LineText.size() > MaxShownLine) {
    size_t From = Col > MaxShownLine / 2 ? Col - MaxShownLine / 2 : 0;
    if (From > LineText.size())
      From = LineText.size();
    LineText = LineText.substr(From, MaxShownLine);
    Col -= From;
  }

  static const llvm::SourceMgr NoSourceMgr;
  if (Col + 1 == L.Col) {
    llvm::SMDiagnostic D(NoSourceMgr, llvm::SMLoc(), File,
                         static_cast<int>(L.Line), static_cast<int>(Col), Kind,
                         Message, LineText, /*Ranges=*/{});
    D.print(nullptr, OS, /*ShowColors=*/false);
    return;
  }
  // A window of a long line: SMDiagnostic would print the column within the
  // window, so print the first line ourselves and take only the source and
  // caret lines from SMDiagnostic.
  OS << (File == "-" ? "<stdin>" : File) << ':' << L.Line << ':' << L.Col
     << ": ";
  llvm::SMDiagnostic(File, Kind, Message)
      .print(nullptr, OS, /*ShowColors=*/false, /*ShowKindLabel=*/true,
             /*ShowLocation=*/false);
  std::string Buf;
  llvm::raw_string_ostream BOS(Buf);
  llvm::SMDiagnostic(NoSourceMgr, llvm::SMLoc(), File,
                     static_cast<int>(L.Line), static_cast<int>(Col), Kind, "",
                     LineText, /*Ranges=*/{})
      .print(nullptr, BOS, /*ShowColors=*/false);
  BOS.flush();
  size_t NL = Buf.find('\n');
  if (NL != std::string::npos)
    OS << llvm::StringRef(Buf).substr(NL + 1);
}

} // namespace faultline::ir

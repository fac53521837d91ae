//===- MarkdownWriter.cpp - Findings as a review comment ------------------===//
//
// What a bot posts on a pull request: one line of counts, a short table of
// the findings the change introduced, changed and fixed, then each one's
// timeline in a collapsible <details> block, in the user's names (nodes,
// roles, handlers) and source lines. Findings still present are counted,
// not listed: the comment is about the change.
//
// Every name and text from the protocol (node names are anything a
// scenario says) goes through inline(): HTML-escaped and with Markdown's
// punctuation escaped, so that a name cannot close the <details> block,
// start a heading, add an image or break a table.
//
//===----------------------------------------------------------------------===//

#include "faultline/Report/Writers.h"

#include "faultline/Report/ReviewDiff.h"

#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>

namespace faultline::report {

namespace {

/// Text as one line of inline Markdown that shows as itself, in a table
/// cell or in HTML: no tag, entity, emphasis, link, code span or cell end.
std::string inline_(llvm::StringRef Text) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    unsigned char C = Text[I];
    // GFM never reads an underscore inside a word as emphasis (replica_ack).
    bool InWord = I > 0 && I + 1 < Text.size() && llvm::isAlnum(Text[I - 1]) &&
                  llvm::isAlnum(Text[I + 1]);
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '|':
      Out += "&#124;";
      break;
    case '\n':
    case '\r':
    case '\t':
      Out += ' ';
      break;
    default:
      if (C < 0x20 || C == 0x7f)
        Out += fmt::format("\\x{:02X}", C); // ESC and other controls, visibly
      else if (llvm::StringRef("\\`*_[]#!~@$").contains(C) && !(C == '_' && InWord))
        // Emphasis, code, links and images, headings, strikethrough,
        // mentions and math: shown as the character.
        Out += '\\', Out += static_cast<char>(C);
      else
        Out += static_cast<char>(C);
    }
  }
  return Out;
}

/// A name as code: <code> (not backticks, which a name could contain).
std::string code(llvm::StringRef Text) { return "<code>" + inline_(Text) + "</code>"; }

std::string where(const Location &L) {
  return L.isValid() ? code(fmt::format("{}:{}", L.File, L.Line)) : "";
}

/// A scenario's verdict with its caveats (a certificate's bounds, what it
/// is aimed at), without the search statistics that end the detail ("(12
/// runs, 0.042 s, ...)"), which change from one run to the next.
std::string verdictOf(const ScenarioSummary &S) {
  llvm::StringRef D(S.Detail);
  size_t Stats = D.rfind(" (");
  if (Stats != llvm::StringRef::npos && D.ends_with(")") &&
      D.substr(Stats + 2).contains(" run"))
    D = D.take_front(Stats);
  return D.empty() ? S.Verdict : D.str();
}

const char *label(Baseline B) {
  switch (B) {
  case Baseline::New:
    return "introduced";
  case Baseline::Absent:
    return "fixed";
  case Baseline::Unchanged:
    return "still present";
  case Baseline::Updated:
    return "still broken, another way";
  case Baseline::None:
    break;
  }
  return "found";
}

std::string faults(const Finding &F) { return inline_(F.Faults.empty() ? "no faults" : F.Faults); }

void timeline(std::string &Out, const FindingsReport &R, const Finding &F) {
  Out += fmt::format("<details><summary>{}: {} in scenario {} under {}</summary>\n\n",
                     label(F.State), code(F.Invariant), code(F.Scenario), faults(F));
  if (F.State == Baseline::Updated)
    Out += fmt::format("Still broken, now through: {}. Before this change: {}.\n\n",
                       inline_(wayText(F)), inline_(F.Before));
  if (F.Changed.isValid())
    Out += fmt::format("Where the change takes part: {}, the {}.\n\n", where(F.Changed),
                       inline_(F.ChangedText));
  if (F.State == Baseline::Absent)
    Out += fmt::format("The run of the base revision {}, at its lines.\n\n", code(R.BaseRev));
  Out += "| time | what happens | where |\n|---:|---|---|\n";
  for (const StoryStep &S : F.Story)
    Out += fmt::format("| {} | {} | {} |\n", S.Time, inline_(S.Text), where(S.Loc));
  for (const Violation &V : F.Violations)
    Out += fmt::format("| {} | {} | {} |\n", F.EOT, inline_(V.Text), where(V.Loc));
  Out += "\n</details>\n\n";
}

} // namespace

std::string toMarkdown(const FindingsReport &R) {
  unsigned Introduced = 0, Fixed = 0, Still = 0, Updated = 0, Other = 0;
  for (const Finding &F : R.Findings)
    (F.State == Baseline::New         ? Introduced
     : F.State == Baseline::Absent    ? Fixed
     : F.State == Baseline::Unchanged ? Still
     : F.State == Baseline::Updated   ? Updated
                                      : Other)++;
  std::string Out;
  if (R.IsReview)
    Out += fmt::format("### faultline review of {} against {}\n\n", code(R.HeadRev),
                       code(R.BaseRev));
  else
    Out += "### faultline check\n\n";
  if (R.IsReview)
    Out += fmt::format("**{} introduced**, {} fixed, {} still present{}.\n\n", Introduced, Fixed,
                       Still,
                       Updated ? fmt::format(", {} still broken another way", Updated) : "");
  else
    Out += fmt::format("**{} counterexample{}.**\n\n", Other, Other == 1 ? "" : "s");

  bool AnyListed = false;
  for (const Finding &F : R.Findings)
    AnyListed |= F.State != Baseline::Unchanged;
  if (AnyListed) {
    Out += "| | invariant | scenario | faults | at |\n|---|---|---|---|---|\n";
    for (const Finding &F : R.Findings)
      if (F.State != Baseline::Unchanged)
        Out += fmt::format("| {} | {} | {} | {} | {} |\n", label(F.State), code(F.Invariant),
                           code(F.Scenario), faults(F),
                           F.Changed.isValid()
                               ? where(F.Changed) + " (changed), invariant " + where(F.InvariantLoc)
                               : where(F.InvariantLoc));
    Out += "\n";
    for (const Finding &F : R.Findings)
      if (F.State != Baseline::Unchanged)
        timeline(Out, R, F);
  }

  Out += "<details><summary>Scenarios</summary>\n\n| scenario | model | verdict |\n|---|---|---|\n";
  for (const ScenarioSummary &S : R.Scenarios)
    Out += fmt::format("| {} | {} | {}{} |\n", code(S.Name), S.Change.empty() ? "-" : S.Change,
                       inline_(verdictOf(S)),
                       S.Carried  ? " (carried: model unchanged, not re-checked)"
                       : S.Cached ? " (cached: model unchanged, not searched)"
                                  : "");
  Out += "\n</details>\n";
  return Out;
}

} // namespace faultline::report

//===- MarkdownWriter.cpp - Findings as a review comment ------------------===//
//
// What a bot posts on a pull request: one line of counts, a short table of
// the findings the change introduced and fixed, then each one's timeline in
// a collapsible <details> block, in the user's names (nodes, roles,
// handlers) and source lines. Findings still present are counted, not
// listed: the comment is about the change.
//
//===----------------------------------------------------------------------===//

#include "faultline/Report/Writers.h"

#include <fmt/format.h>

namespace faultline::report {

namespace {

std::string where(const Location &L) {
  return L.isValid() ? fmt::format("`{}:{}`", L.File, L.Line) : "";
}

/// Table cells: a pipe would end the cell.
std::string cell(std::string Text) {
  std::string Out;
  for (char C : Text)
    Out += C == '|' ? std::string("\\|") : std::string(1, C);
  return Out;
}

const char *label(Baseline B) {
  switch (B) {
  case Baseline::New:
    return "introduced";
  case Baseline::Absent:
    return "fixed";
  case Baseline::Unchanged:
    return "still present";
  case Baseline::None:
    break;
  }
  return "found";
}

void timeline(std::string &Out, const Finding &F) {
  Out += fmt::format("<details><summary>{}: <code>{}</code> in scenario <code>{}</code> under "
                     "{}</summary>\n\n",
                     label(F.State), F.Invariant, F.Scenario,
                     F.Faults.empty() ? "no faults" : F.Faults);
  Out += "| time | what happens | where |\n|---:|---|---|\n";
  for (const StoryStep &S : F.Story)
    Out += fmt::format("| {} | {} | {} |\n", S.Time, cell(S.Text), where(S.Loc));
  for (const std::string &V : F.Violations)
    Out += fmt::format("| {} | {} | {} |\n", F.EOT, cell(V), where(F.InvariantLoc));
  Out += "\n</details>\n\n";
}

} // namespace

std::string toMarkdown(const FindingsReport &R) {
  unsigned Introduced = 0, Fixed = 0, Still = 0, Other = 0;
  for (const Finding &F : R.Findings)
    (F.State == Baseline::New         ? Introduced
     : F.State == Baseline::Absent    ? Fixed
     : F.State == Baseline::Unchanged ? Still
                                      : Other)++;
  std::string Out;
  if (R.IsReview)
    Out += fmt::format("### faultline review of `{}` against `{}`\n\n", R.HeadRev, R.BaseRev);
  else
    Out += "### faultline check\n\n";
  if (R.IsReview)
    Out += fmt::format("**{} introduced**, {} fixed, {} still present.\n\n", Introduced, Fixed,
                       Still);
  else
    Out += fmt::format("**{} counterexample{}.**\n\n", Other, Other == 1 ? "" : "s");

  bool AnyListed = false;
  for (const Finding &F : R.Findings)
    AnyListed |= F.State != Baseline::Unchanged;
  if (AnyListed) {
    Out += "| | invariant | scenario | faults | invariant at |\n|---|---|---|---|---|\n";
    for (const Finding &F : R.Findings)
      if (F.State != Baseline::Unchanged)
        Out += fmt::format("| {} | `{}` | `{}` | {} | {} |\n", label(F.State), F.Invariant,
                           F.Scenario, cell(F.Faults.empty() ? "none" : F.Faults),
                           where(F.InvariantLoc));
    Out += "\n";
    for (const Finding &F : R.Findings)
      if (F.State != Baseline::Unchanged)
        timeline(Out, F);
  }

  Out += "<details><summary>Scenarios</summary>\n\n| scenario | model | verdict |\n|---|---|---|\n";
  for (const ScenarioSummary &S : R.Scenarios)
    Out += fmt::format("| `{}` | {} | {}{} |\n", S.Name, S.Change.empty() ? "-" : S.Change,
                       S.Verdict, S.Carried ? " (carried: model unchanged, not re-checked)" : "");
  Out += "\n</details>\n";
  return Out;
}

} // namespace faultline::report

//===- HtmlPage.cpp - Assembling the HTML report --------------------------===//
//
// One section per scenario: its verdict, bounds and search statistics, the
// fault scenarios tried in order, and per counterexample the invariants it
// broke, its spacetime diagram, its story with source lines, and the
// lineage of the broken outcome. The style sheet is inline: the file is
// viewed without a network.
//
//===----------------------------------------------------------------------===//

#include "faultline/Report/HtmlReport.h"
#include "faultline/Report/RunReport.h"

#include "HtmlEscape.h"

#include "faultline/Report/SearchReport.h"
#include "faultline/Report/Story.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

namespace faultline::report {

namespace {

const char *const StyleSheet = R"css(
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; max-width: 1200px; }
h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; }
table { border-collapse: collapse; }
td, th { padding: .2em .6em; text-align: left; vertical-align: top; }
table.verdicts td, table.verdicts th, table.stats td, table.stats th { border: 1px solid #ddd; }
.verdict { font-weight: bold; padding: .1em .5em; border-radius: .3em; }
.verdict.counterexample { background: #f8d0d0; color: #8a1010; }
.verdict.certified { background: #d4f0d4; color: #105a10; }
.verdict.inconclusive, .verdict.suppressed { background: #f3ecc8; color: #6a5500; }
.failed li { font-family: monospace; color: #8a1010; }
table.story td { border-bottom: 1px solid #eee; } table.story td:nth-child(2) { min-width: 24em; }
table.story pre { margin: 0; white-space: pre-wrap; }
table.story tr.first td { border-top: 1px solid #bbb; } table.story td.time { font-weight: bold; }
table.story td.fault { color: #c0392b; font-style: italic; }
.loc { font-family: monospace; color: #555; white-space: nowrap; }
.figure { overflow-x: auto; border: 1px solid #eee; padding: .5em; margin: .5em 0; }
.figure.lineage { overflow: visible; }
.figure.lineage svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
svg.spacetime text { font-size: 11px; }
svg.spacetime .node { font-weight: bold; font-size: 13px; text-anchor: middle; }
svg.spacetime .time { fill: #888; text-anchor: end; }
svg.spacetime .lane-line { stroke: #333; stroke-width: 2; }
svg.spacetime .lane-dead { stroke: #bbb; stroke-width: 2; stroke-dasharray: 2 4; }
svg.spacetime .arrow { stroke: #1f5fa8; stroke-width: 1.3; fill: none; }
svg.spacetime .head { fill: #1f5fa8; }
svg.spacetime .open-head { fill: none; stroke: #1f5fa8; stroke-width: 1.3; }
svg.spacetime .msg.after-eot .arrow { stroke-dasharray: 1 2; }
svg.spacetime .arrow.lost { stroke: #c0392b; stroke-dasharray: 5 4; }
svg.spacetime .lost-mark, svg.spacetime .crash-mark {
  stroke: #c0392b; stroke-width: 3; fill: none; }
svg.spacetime .crash-label { fill: #c0392b; font-weight: bold; }
svg.spacetime .restart-mark { stroke: #1e8449; stroke-width: 3; fill: none; }
svg.spacetime .timer-mark { fill: #fff; stroke: #b8860b; stroke-width: 2; }
svg.spacetime .timer-label { fill: #b8860b; font-size: 10px; text-anchor: end; }
svg.spacetime .msg-label { fill: #557; font-size: 9px; text-anchor: middle; }
svg.spacetime .step circle { fill: #222; } svg.spacetime .handler { fill: #064; font-size: 10px; }
)css";

/// The lines of the source files the stories point at, read once each.
class SourceLines {
public:
  std::string line(const std::string &File, unsigned Line) {
    auto [It, New] = Files.try_emplace(File);
    if (New)
      if (auto Buffer = llvm::MemoryBuffer::getFile(File))
        It->second = std::move(*Buffer);
    if (!It->second || Line == 0)
      return "";
    llvm::StringRef Text = It->second->getBuffer();
    for (unsigned I = 1; I < Line && !Text.empty(); ++I)
      Text = Text.split('\n').second;
    return Text.split('\n').first.trim().str();
  }

private:
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> Files;
};

class SectionWriter {
public:
  SectionWriter(const ScenarioReport &S, std::string Anchor, llvm::raw_ostream &OS)
      : S(S), R(*S.Result), Syms(S.Ev->symbols()), Anchor(std::move(Anchor)), OS(OS) {}

  void write(const std::string &Verdict) {
    OS << fmt::format("<section class=\"scenario\" id=\"{}\" data-scenario=\"{}\" "
                      "data-verdict=\"{}\">\n",
                      Anchor, escaped(S.Name), Verdict);
    OS << fmt::format("<h2>Scenario {} <span class=\"verdict {}\">{}</span></h2>\n",
                      escaped(S.Name), Verdict, Verdict);
    writeSummary();
    writeStatistics();
    Bounds B = S.Bounds;
    ir::DiagnosticEngine Quiet(llvm::nulls());
    std::unique_ptr<eval::Run> FaultFree = S.Ev->run(B, FaultSet(), Quiet);
    for (size_t I = 0; I < R.Found.size(); ++I)
      if (R.Found[I].Run)
        writeCounterexample(I, *R.Found[I].Run, FaultFree.get());
    if (R.V == search::Verdict::Certified && FaultFree) {
      OS << "<h3>The fault-free run</h3>\n<div class=\"figure fault-free\">"
         << spacetimeSvg(*FaultFree, B.Nodes, Syms, story(*FaultFree), Anchor + "-fault-free",
                         S.MessageText)
         << "</div>\n";
    }
    OS << "</section>\n";
  }

private:
  std::vector<StoryStep> story(const eval::Run &Run) const {
    if (S.Story)
      return S.Story(Run);
    // What ldfi can say without knowing C++: the faults, and which rule
    // sent each lost message.
    std::vector<StoryStep> Steps;
    for (LocatedStep &St : faultSteps(Run, S.Ev->program(), Syms)) {
      St.Step.Loc = locationOf(S.Ev->program(), St.Loc);
      Steps.push_back(std::move(St.Step));
    }
    return Steps;
  }

  void writeSummary() {
    const Bounds &B = S.Bounds;
    OS << fmt::format("<p class=\"bounds\">Nodes {}; EOT {}, EFF {}, {} crash{}{} allowed; "
                      "strategy {}.</p>\n",
                      escaped(llvm::join(B.Nodes, ", ")), B.EOT, B.EFF, B.MaxCrashes,
                      B.MaxCrashes == 1 ? "" : "es", restartsBound(B), strategyName(S.Strat));
    switch (R.V) {
    case search::Verdict::Counterexample:
      OS << fmt::format("<p>{} counterexample{} found{}.</p>\n", R.Found.size(),
                        R.Found.size() == 1 ? "" : "s",
                        S.Suppressed ? ", every one suppressed by NOLINT(faultline) at its "
                                       "invariant"
                                     : "");
      break;
    case search::Verdict::Certified:
      OS << fmt::format("<p class=\"certificate\">No fault scenario within EOT {}, EFF {} and "
                        "{} crash{}{} violates an invariant: all {} scenarios are covered by the "
                        "{} run{} below.</p>\n",
                        B.EOT, B.EFF, B.MaxCrashes, B.MaxCrashes == 1 ? "" : "es", restartsBound(B),
                        formatSpaceSize(R), R.Runs, R.Runs == 1 ? "" : "s");
      break;
    case search::Verdict::Inconclusive:
      OS << fmt::format("<p>No counterexample found before the search stopped ({}).</p>\n",
                        escaped(R.StopReason.empty() ? "the strategy cannot certify"
                                                     : R.StopReason));
      break;
    }
  }

  void writeStatistics() {
    OS << "<table class=\"stats\"><tr><th>runs</th><th>time</th><th>fault space</th>"
          "<th>solver checks</th></tr>\n";
    OS << fmt::format("<tr><td class=\"runs\">{}</td><td>{:.3f} s</td><td class=\"space\">{}"
                      "</td><td>{}</td></tr></table>\n",
                      R.Runs, R.Seconds, formatSpaceSize(R), R.SolverChecks);
    OS << fmt::format("<details class=\"hypotheses\"><summary>The {} fault scenario{} run, in "
                      "order</summary><ol>\n",
                      R.Executions.size(), R.Executions.size() == 1 ? "" : "s");
    for (const search::Execution &E : R.Executions)
      OS << fmt::format("<li class=\"{}\">{}{}</li>\n", E.Violates ? "violation" : "ok",
                        escaped(E.Faults.describe()), E.Violates ? " &mdash; violation" : "");
    OS << "</ol></details>\n";
  }

  void writeCounterexample(size_t Index, const eval::Run &Run, const eval::Run *FaultFree) {
    const search::Counterexample &C = R.Found[Index];
    OS << fmt::format("<div class=\"counterexample\" id=\"{}-cx{}\" data-run=\"{}\">\n", Anchor,
                      Index + 1, C.RunNumber);
    OS << fmt::format("<h3>Counterexample {} (run {}): {}</h3>\n", Index + 1, C.RunNumber,
                      escaped(C.Faults.describe()));
    std::vector<eval::TupleId> Missing = Run.missingPost();
    OS << "<ul class=\"failed\">\n";
    for (eval::TupleId Id : Missing)
      OS << "<li>" << escaped(describe(Run.Tuples[Id].Values, Run.EOT)) << "</li>\n";
    OS << "</ul>\n";
    std::vector<StoryStep> Steps = story(Run);
    OS << "<h4>Spacetime diagram</h4>\n<div class=\"figure\">"
       << spacetimeSvg(Run, S.Bounds.Nodes, Syms, Steps,
                       fmt::format("{}-cx{}-spacetime", Anchor, Index + 1), S.MessageText)
       << "</div>\n";
    writeStory(Steps, Run);
    if (!Missing.empty() && FaultFree)
      writeLineage(Run, *FaultFree, Run.Tuples[Missing.front()].Values, C.Faults,
                   fmt::format("{}-cx{}-lineage", Anchor, Index + 1));
    OS << "</div>\n";
  }

  std::string describe(const eval::Tuple &Pre, int EOT) const {
    if (S.Describe)
      return S.Describe(Pre, EOT);
    return fmt::format("pre({}) holds but post does not at the end of time {}",
                       Syms.render(Pre), EOT);
  }

  /// The message a story step is about: the one its handler handles, or
  /// the one lost; null for a message to self (not in Run.Messages).
  static const eval::Message *messageOf(const StoryStep &St, const eval::Run &Run) {
    for (const eval::Message &M : Run.Messages) {
      if (Run.RelNames[M.Rel] != St.Message)
        continue;
      if (St.K == StoryStep::Kind::Handler && M.To == St.Node && M.From == St.Peer &&
          M.SendTime + 1 == St.Time && M.Fate == eval::MessageFate::Delivered)
        return &M;
      if (St.K == StoryStep::Kind::LostMessage && M.From == St.Node && M.To == St.Peer &&
          M.SendTime == St.Time && M.Fate == eval::MessageFate::Omitted)
        return &M;
    }
    return nullptr;
  }

  /// A step's sentence for the story table, which gives the time in its own
  /// column: without "at time N, ", with the message's payload, and for a
  /// crash what it means rather than a source line.
  std::string storyRow(const StoryStep &St, const eval::Run &Run) const {
    std::string Text = St.Text;
    std::string Prefix = fmt::format("at time {}, ", St.Time);
    if (llvm::StringRef(Text).starts_with(Prefix))
      Text = Text.substr(Prefix.size());
    // The message with its payload: as the story knows it (the handled
    // message's own values), or else the message sent at the step's time.
    std::string Payload = St.Payload;
    if (Payload.empty())
      if (const eval::Message *M = messageOf(St, Run))
        Payload = messageText(*M, Run, Syms, S.MessageText);
    std::string Quoted = "'" + St.Message + "'";
    if (size_t At = Text.find(Quoted); !Payload.empty() && At != std::string::npos)
      Text.replace(At, Quoted.size(), Payload);
    if (St.K == StoryStep::Kind::Crash)
      Text += ": nothing it sends from now on arrives";
    return Text;
  }

  void writeStory(const std::vector<StoryStep> &Steps, const eval::Run &Run) {
    OS << "<h4>Story</h4>\n<table class=\"story\">\n";
    int Shown = -1;
    for (const StoryStep &St : Steps) {
      // The time once, on the first of its steps.
      bool First = St.Time != Shown;
      Shown = St.Time;
      OS << fmt::format("<tr class=\"step{}\" data-time=\"{}\" data-kind=\"{}\">"
                        "<td class=\"time\">{}</td><td class=\"what\">{}</td>",
                        First ? " first" : "", St.Time, stepKindName(St.K),
                        First ? std::to_string(St.Time) : "", escaped(storyRow(St, Run)));
      if (St.K == StoryStep::Kind::Crash || St.K == StoryStep::Kind::Restart) {
        // A fault the search chose: no line of the program made it happen.
        OS << "<td class=\"loc\"></td><td class=\"fault\">a fault the search injected</td>"
              "</tr>\n";
        continue;
      }
      if (St.Loc.File.empty()) {
        OS << "<td></td><td></td></tr>\n";
        continue;
      }
      // The folder and file name, as the text notes show them; the whole
      // path on hover.
      llvm::StringRef Parent = llvm::sys::path::parent_path(St.Loc.File);
      std::string Short = (llvm::sys::path::filename(Parent) + "/" +
                           llvm::sys::path::filename(St.Loc.File))
                              .str();
      OS << fmt::format("<td class=\"loc\" title=\"{}\">{}:{}</td><td><pre>{}</pre></td></tr>\n",
                        escaped(St.Loc.File), escaped(Short), St.Loc.Line,
                        escaped(Sources.line(St.Loc.File, St.Loc.Line)));
    }
    OS << "</table>\n";
  }

  void writeLineage(const eval::Run &Run, const eval::Run &FaultFree, const eval::Tuple &Outcome,
                    const FaultSet &Faults, const std::string &Id) {
    // The outcome in the invariant's terms: what is false in the
    // counterexample held in the fault-free run.
    std::string Held = fmt::format("post({}) held", Syms.render(Outcome));
    if (S.Describe) {
      Held = S.Describe(Outcome, FaultFree.EOT);
      if (size_t At = Held.find(" is false"); At != std::string::npos)
        Held.replace(At, 9, " held");
    }
    OS << fmt::format("<h4>Lineage of the broken outcome</h4>\n<p>In the fault-free run, "
                      "<code>{}</code> because of what is drawn here: the handlers that ran "
                      "(boxes), the state they read and wrote and the messages they handled "
                      "(ellipses), the messages sent (diamonds). Red is what the "
                      "counterexample's run lacks of it: what its faults take away (a lost "
                      "message, a crashed node's messages and state), what could not follow "
                      "without them, and state it held too until one of its handler steps "
                      "ended it (drawn below that state, red, with the statement).</p>\n",
                      escaped(Held));
    LineageDrawing L = lineageSvg(FaultFree, S.Ev->program(), Syms, Outcome, Faults, Id, &Run);
    if (L.Svg.empty()) {
      OS << "<p class=\"no-lineage\">No lineage to draw: " << escaped(L.Why) << ".</p>\n";
      return;
    }
    if (L.Taken == 0)
      OS << fmt::format("<p class=\"nothing-cut\">The faults take none of it away "
                        "themselves: the outcome broke through what they made happen "
                        "instead{}.</p>\n",
                        L.Enders ? ", the handler steps in red boxes that ended state it "
                                   "needed"
                                 : "");
    OS << "<div class=\"figure lineage\">" << L.Svg << "</div>\n";
    if (L.Taken == 0)
      writeWhyBroken(Run, FaultFree, Outcome, Id + "-why");
  }

  /// The lineage of the broken instance's precondition in the
  /// counterexample's run, with what only the faults made happen in red;
  /// nothing when the fault-free run has all of it (the precondition held
  /// there alike, and the drawing would explain nothing).
  void writeWhyBroken(const eval::Run &Run, const eval::Run &FaultFree, const eval::Tuple &Pre,
                      const std::string &Id) {
    LineageDrawing L = violationLineageSvg(Run, FaultFree, S.Ev->program(), Syms, Pre, Id);
    if (L.Svg.empty() || L.Cut == 0)
      return;
    OS << "<h4>What the faults made happen</h4>\n<p>Why the invariant was checked here, in "
          "this run: what its precondition needed, with what the fault-free run does not "
          "have in red (the faults made it happen).</p>\n";
    OS << "<div class=\"figure lineage why\">" << L.Svg << "</div>\n";
  }

  const ScenarioReport &S;
  const search::SearchResult &R;
  const eval::SymbolTable &Syms;
  std::string Anchor;
  llvm::raw_ostream &OS;
  SourceLines Sources;
};

} // namespace

void HtmlReport::addScenario(const ScenarioReport &S) {
  std::string Verdict = S.Suppressed ? "suppressed" : verdictName(S.Result->V);
  std::string Anchor = "scenario-" + std::to_string(Rows.size() + 1);
  std::string Section;
  llvm::raw_string_ostream OS(Section);
  SectionWriter(S, Anchor, OS).write(Verdict);
  Rows.push_back({S.Name, Verdict, Anchor, std::move(Section)});
}

void HtmlReport::write(llvm::raw_ostream &OS) const {
  // What failed first: a certified scenario's fault-free run would fill the
  // first screen before the counterexample one came for.
  auto Rank = [](const std::string &Verdict) {
    return Verdict == "counterexample" ? 0 : Verdict == "certified" ? 2 : 1;
  };
  std::vector<const Row *> Order;
  for (const Row &R : Rows)
    Order.push_back(&R);
  std::stable_sort(Order.begin(), Order.end(), [&](const Row *A, const Row *B) {
    return Rank(A->Verdict) < Rank(B->Verdict);
  });
  OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
     << escaped(Title) << "</title>\n<style>" << StyleSheet << "</style>\n</head>\n<body>\n";
  OS << "<h1>" << escaped(Title) << "</h1>\n<table class=\"verdicts\">\n"
     << "<tr><th>scenario</th><th>verdict</th></tr>\n";
  for (const Row *Row : Order)
    OS << fmt::format("<tr><td><a href=\"#{}\">{}</a></td><td><span class=\"verdict {}\">{}"
                      "</span></td></tr>\n",
                      Row->Anchor, escaped(Row->Name), Row->Verdict, Row->Verdict);
  OS << "</table>\n";
  for (const Row *Row : Order)
    OS << Row->Section;
  OS << "</body>\n</html>\n";
}

} // namespace faultline::report

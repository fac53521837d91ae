//===- CheckCommand.cpp - faultline check: LDFI on annotated C++ ----------===//
//
// Extracts the model, runs the LDFI search for each scenario, and reports
// each counterexample as clang-style diagnostics: a warning at the violated
// invariant, then notes, in time order, at each crash, each lost message's
// send, and each handler that ran. With --emit-schedules, it also writes each
// counterexample's faults as a schedule that the protocol's replay binary
// runs against the compiled code (docs/runtime.md).
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "faultline/Eval/Evaluator.h"
#include "faultline/Frontend/Frontend.h"
#include "faultline/Lineage/Lineage.h"
#include "faultline/Report/HtmlReport.h"
#include "faultline/Report/ScheduleReport.h"
#include "faultline/Report/SearchReport.h"
#include "faultline/Search/Search.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

namespace faultline::tool {

namespace {

/// One line of the story of a violating run.
struct Step {
  int Time = 0;
  int Order = 0; ///< crashes, then handlers, then lost sends, within a time
  ir::SourceLoc Loc;
  std::string Text;
  std::string Node;    ///< Where it happens.
  std::string Handler; ///< The handler that ran, if one did.
  std::optional<eval::TupleId> Current; ///< For a handler: its fl_current tuple.
};

class Explainer {
public:
  /// Verbose: every handler that ran is a note, not only those that lead
  /// to the failure.
  Explainer(const frontend::ExtractedModel &Model, const ir::Program &Program,
            const eval::Evaluator &Ev, const eval::Bounds &B, bool Verbose,
            ir::DiagnosticEngine &D)
      : Model(Model), Program(Program), Ev(Ev), B(B), Verbose(Verbose), S(Model.Scenario),
        D(D) {}

  /// Whether every invariant the run breaks says NOLINT(faultline).
  bool suppressed(const search::Counterexample &C) const {
    std::vector<eval::TupleId> Missing = C.Run->missingPost();
    return !Missing.empty() &&
           std::all_of(Missing.begin(), Missing.end(), [&](eval::TupleId Id) {
             const frontend::Declaration *I =
                 invariant(unquote(Ev.symbols().render(C.Run->Tuples[Id].Values[0])));
             return I && I->Suppressed;
           });
  }

  void explain(const search::Counterexample &C) {
    const eval::Run &R = *C.Run;
    std::vector<eval::TupleId> Missing = R.missingPost();
    std::string Invariant =
        Missing.empty() ? "" : unquote(Ev.symbols().render(R.Tuples[Missing[0]].Values[0]));
    D.warning(invariantLoc(Invariant),
              fmt::format("invariant '{}' is violated in scenario '{}' under: {} [faultline]",
                          Invariant, Model.DisplayName, C.Faults.describe()));
    // Without faults, the fault-free run itself fails: all of it is the story.
    bool Whole = Verbose || (C.Faults.Crashes.empty() && C.Faults.Omissions.empty());
    std::set<eval::TupleId> Key = Whole ? std::set<eval::TupleId>() : keySteps(R);
    for (const Step &St : steps(R))
      if (Whole || !St.Current || Key.count(*St.Current))
        D.note(St.Loc, St.Text);
    // Each missing post at its own invariant: a run may break several.
    for (eval::TupleId Id : Missing)
      D.note(invariantLoc(unquote(Ev.symbols().render(R.Tuples[Id].Values[0]))),
             describe(R.Tuples[Id].Values, R.EOT));
  }

  /// The run's story for the HTML report: the steps of the notes.
  std::vector<report::StoryStep> story(const eval::Run &R) const {
    std::vector<report::StoryStep> Out;
    for (const Step &St : steps(R))
      Out.push_back({St.Time, St.Node, St.Handler, St.Text,
                     St.Loc.isValid() ? Program.fileName(St.Loc) : "", St.Loc.Line});
    return Out;
  }

  /// The invariant a `pre` tuple without `post` breaks, in the C++ terms:
  /// `durability(c = C, m = M, r = b) is false at the end of time 16, for
  /// seq = 0`. The names come from the variables of the invariant's `pre`
  /// rule, which the frontend derives from the parameter and loop names.
  std::string describe(const eval::Tuple &Pre, int EOT) const {
    std::string Name = Pre.empty() ? "" : text(Pre[0]);
    std::vector<std::string> Params, Quantified;
    if (const ir::Rule *Rule = preRule(Pre))
      for (size_t I = 2; I < Rule->Head.Args.size() && I < Pre.size(); ++I) {
        const ir::Term &T = Rule->Head.Args[I];
        if (T.K != ir::Term::Kind::Variable)
          continue;
        std::string Binding = fmt::format("{} = {}", cxxName(T.Text), text(Pre[I]));
        (isNode(*Rule, T.Text) ? Params : Quantified).push_back(std::move(Binding));
      }
    std::string Out = fmt::format("{}({}) is false at the end of time {}", Name,
                                  fmt::join(Params, ", "), EOT);
    if (!Quantified.empty())
      Out += fmt::format(", for {}", fmt::join(Quantified, ", "));
    return Out;
  }

private:
  /// Crashes, lost messages and the handlers that ran, in time order.
  std::vector<Step> steps(const eval::Run &R) const {
    std::vector<Step> Steps;
    for (const eval::Crash &Cr : R.Faults.Crashes)
      Steps.push_back({Cr.Time, 0, S.Loc, fmt::format("at time {}, node {} crashes", Cr.Time,
                                                      Cr.Node),
                       Cr.Node, ""});
    for (const eval::Message &M : R.Messages)
      if (M.Fate == eval::MessageFate::Omitted)
        Steps.push_back({M.SendTime, 2, Program.Rules[M.Rule].Loc,
                         fmt::format("at time {}, the '{}' message {} -> {} sent here is lost",
                                     M.SendTime, R.RelNames[M.Rel], M.From, M.To),
                         M.From, ""});
    if (auto Current = R.relation("fl_current"))
      for (int T = 1; T <= R.EOT; ++T)
        for (eval::TupleId Id : R.table(*Current, T)) {
          const eval::Tuple &V = R.Tuples[Id].Values;
          std::string Kind = text(V[2]);
          auto H = handlerOf(Kind, roleOf(R, V[0], T));
          Steps.push_back({T, 1, H ? H->Loc : ir::SourceLoc(),
                           fmt::format("at time {}, node {} handles '{}' from {}{}", T, text(V[0]),
                                       Kind, text(V[3]), H ? " in " + H->Name : ""),
                           text(V[0]), H ? H->Name : Kind, Id});
        }
    std::sort(Steps.begin(), Steps.end(), [](const Step &A, const Step &B) {
      return std::tie(A.Time, A.Order, A.Text) < std::tie(B.Time, B.Order, B.Text);
    });
    return Steps;
  }

  /// The handlers of a violating run that lead to its failure (each by its
  /// fl_current tuple): those in the lineage of the `pre` tuples without
  /// `post`, and those that ran only because of the faults (the fault-free
  /// run has no such step), such as a failover's.
  std::set<eval::TupleId> keySteps(const eval::Run &R) const {
    std::set<eval::TupleId> Key;
    auto Current = R.relation("fl_current");
    if (!Current)
      return Key;
    lineage::Lineage L = lineage::Lineage::of(R, Program, Ev.symbols(), R.missingPost());
    for (auto V : boost::make_iterator_range(boost::vertices(L.Graph)))
      if (L.Graph[V].Kind == lineage::VertexKind::Tuple &&
          R.Tuples[L.Graph[V].Tuple].Rel == *Current)
        Key.insert(L.Graph[V].Tuple);
    const eval::Run *Free = faultFree();
    auto FreeCurrent = Free ? Free->relation("fl_current") : std::nullopt;
    for (int T = 1; T <= R.EOT; ++T)
      for (eval::TupleId Id : R.table(*Current, T))
        if (!FreeCurrent || !Free->find(*FreeCurrent, T, R.Tuples[Id].Values))
          Key.insert(Id);
    return Key;
  }

  /// The scenario's run without faults, made once.
  const eval::Run *faultFree() const {
    if (!FaultFreeMade) {
      ir::DiagnosticEngine Quiet(llvm::nulls());
      FaultFree = Ev.run(B, eval::FaultSet(), Quiet);
      FaultFreeMade = true;
    }
    return FaultFree.get();
  }

  /// The `pre` rule of the invariant case a `pre` tuple comes from.
  const ir::Rule *preRule(const eval::Tuple &Pre) const {
    for (const ir::Rule &Rule : Program.Rules) {
      const std::vector<ir::Term> &Args = Rule.Head.Args;
      if (Rule.Head.Relation == "pre" && Args.size() >= 2 && Pre.size() >= 2 &&
          Args[0].K == ir::Term::Kind::String && Args[0].Text == text(Pre[0]) &&
          Args[1].K == ir::Term::Kind::Integer && Pre[1].isInt() && Args[1].Int == Pre[1].V)
        return &Rule;
    }
    return nullptr;
  }
  /// Whether the rule binds Var to a process (an invariant parameter).
  static bool isNode(const ir::Rule &Rule, const std::string &Var) {
    for (const ir::BodyElem &E : Rule.Body)
      if (const auto *A = std::get_if<ir::Atom>(&E))
        if (!A->Negated && A->Relation == "fl_role" && !A->Args.empty() &&
            A->Args[0].K == ir::Term::Kind::Variable && A->Args[0].Text == Var)
          return true;
    return false;
  }
  /// The C++ name a frontend variable stands for: `Seq_4` is `seq`.
  static std::string cxxName(llvm::StringRef Var) {
    size_t Cut = Var.rfind('_');
    if (Cut != llvm::StringRef::npos && Cut + 1 < Var.size() &&
        llvm::all_of(Var.substr(Cut + 1), [](char C) { return llvm::isDigit(C); }))
      Var = Var.substr(0, Cut);
    std::string Name = Var.str();
    if (!Name.empty())
      Name[0] = llvm::toLower(Name[0]);
    return Name;
  }

  /// An invariant's name as the first column of pre renders it: "name".
  static std::string unquote(std::string Name) {
    return Name.size() >= 2 ? Name.substr(1, Name.size() - 2) : Name;
  }
  std::string text(eval::Value V) const {
    return V.isInt() ? std::to_string(V.V) : Ev.symbols().text(static_cast<uint32_t>(V.V));
  }
  const frontend::Declaration *invariant(const std::string &Name) const {
    for (const frontend::Declaration &I : Model.Invariants)
      if (I.Name == Name)
        return &I;
    return nullptr;
  }
  ir::SourceLoc invariantLoc(const std::string &Name) const {
    const frontend::Declaration *I = invariant(Name);
    return I ? I->Loc : ir::SourceLoc();
  }
  /// The role of a node, from the run's fl_role table.
  std::string roleOf(const eval::Run &R, eval::Value Node, int T) const {
    if (auto Roles = R.relation("fl_role"))
      for (eval::TupleId Id : R.table(*Roles, T))
        if (R.Tuples[Id].Values[0] == Node)
          return text(R.Tuples[Id].Values[1]);
    return "";
  }
  const frontend::Declaration *handlerOf(const std::string &Kind, const std::string &Role) const {
    for (const auto &[Message, H] : Model.Handlers)
      if (Message == Kind && llvm::StringRef(H.Name).starts_with(Role + "::"))
        return &H;
    return nullptr;
  }

  const frontend::ExtractedModel &Model;
  const ir::Program &Program;
  const eval::Evaluator &Ev;
  const eval::Bounds &B;
  bool Verbose;
  const frontend::ScenarioModel &S;
  ir::DiagnosticEngine &D;
  mutable std::unique_ptr<eval::Run> FaultFree;
  mutable bool FaultFreeMade = false;
};

/// Writes DIR/<scenario>.json for the first counterexample of a search
/// (DIR/<scenario>-N.json for the N-th), and removes a <scenario>.json left
/// by an earlier check when there is none now, so that DIR holds exactly
/// the schedules of this check. False after an error (printed).
bool writeSchedules(const std::string &Dir, const frontend::ExtractedModel &M,
                    const eval::Bounds &B, const search::SearchResult &R,
                    const eval::SymbolTable &Syms) {
  const frontend::ScenarioModel &S = M.Scenario;
  // A qualified name (two programs with a scenario of this name) makes a
  // file name without colons.
  std::string Base = llvm::StringRef(M.DisplayName).str();
  std::replace(Base.begin(), Base.end(), ':', '_');
  auto PathOf = [&](size_t N) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, N == 1 ? Base + ".json"
                                         : Base + "-" + std::to_string(N) + ".json");
    return std::string(Path);
  };
  if (R.Found.empty()) {
    llvm::sys::fs::remove(PathOf(1));
    return true;
  }
  for (size_t I = 0; I < R.Found.size(); ++I) {
    const search::Counterexample &C = R.Found[I];
    std::vector<std::string> Violated;
    if (C.Run)
      Violated = report::violatedInvariants(*C.Run, Syms);
    std::string Path = PathOf(I + 1);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
    if (EC) {
      llvm::errs() << "faultline: error: cannot write " << Path << ": " << EC.message() << "\n";
      return false;
    }
    OS << llvm::formatv("{0:2}", llvm::json::Value(report::scheduleToJSON(S.Name, B, C.Faults,
                                                                         Violated)))
       << "\n";
    llvm::outs() << fmt::format("scenario '{}': fault schedule written to {}\n", M.DisplayName,
                                Path);
  }
  return true;
}

} // namespace

int checkCommand(const CheckOptions &Opts) {
  if (!Opts.EmitSchedules.empty())
    if (std::error_code EC = llvm::sys::fs::create_directories(Opts.EmitSchedules)) {
      llvm::errs() << "faultline: error: cannot create the folder " << Opts.EmitSchedules << ": "
                   << EC.message() << "\n";
      return ExitBadInput;
    }
  auto Models = extractModels(Opts);
  if (!Models)
    return ExitBadInput;
  // With --format html the page is the report: the notes are not printed,
  // and the verdict lines only when the page goes to a file.
  bool Html = Opts.Format == OutputFormat::Html;
  bool PageToStdout = Opts.Output.empty() || Opts.Output == "-";
  llvm::raw_ostream &Text = Html ? llvm::nulls() : llvm::outs();
  llvm::raw_ostream &Verdicts = Html && PageToStdout ? llvm::nulls() : llvm::outs();
  report::HtmlReport Page("faultline check");
  bool Found = false;
  for (const frontend::ExtractedModel &Model : *Models) {
    const frontend::ScenarioModel &S = Model.Scenario;
    const std::string &Name = Model.DisplayName;
    ir::Program Program = Model.program();
    ir::DiagnosticEngine D(Text);
    D.setProgram(&Program);
    for (unsigned I = 1; I < Program.Files.size(); ++I)
      if (auto Buffer = llvm::MemoryBuffer::getFile(Program.Files[I]))
        D.addSourceText(I, (*Buffer)->getBuffer().str());
    ir::DiagnosticEngine Internal(llvm::errs());
    Internal.setProgram(&Program);
    if (!ir::validateProgram(Program, Internal)) {
      llvm::errs() << "faultline: internal error: the model extracted for scenario '" << Name
                   << "' is invalid (a frontend bug; please report it)\n";
      return ExitInternal;
    }
    ir::Stratification Strata = ir::stratify(Program, Internal);
    eval::Bounds B;
    B.EOT = Opts.EOT.value_or(S.EOT);
    B.EFF = Opts.EFF.value_or(S.EFF);
    B.MaxCrashes = Opts.Crashes.value_or(S.Crashes);
    B.Nodes = S.Nodes;
    if (auto Problem = eval::checkScenario(B, eval::FaultSet())) {
      llvm::errs() << "faultline: error: scenario '" << Name << "': " << *Problem << "\n";
      return ExitBadInput;
    }
    eval::Evaluator Ev(Program, Strata);
    search::SearchOptions SO;
    SO.NegativeSupport = Opts.NegativeSupport;
    SO.MaxRuns = Opts.MaxRuns;
    SO.TimeoutSeconds = Opts.TimeoutSeconds;
    search::SearchResult R = search::search(Ev, B, SO, Internal);
    if (R.Failed)
      return ExitBadInput;
    std::string Stats = fmt::format("{} run{}, {:.3f} s, fault space {} scenarios", R.Runs,
                                    R.Runs == 1 ? "" : "s",
                                    R.Seconds, report::formatCount(R.SpaceSize));
    Explainer E(Model, Program, Ev, B, Opts.Frontend.Verbose, D);
    switch (R.V) {
    case search::Verdict::Counterexample: {
      unsigned Silenced = 0;
      for (const search::Counterexample &C : R.Found) {
        if (C.Run && E.suppressed(C)) {
          ++Silenced;
          continue;
        }
        if (C.Run)
          E.explain(C);
      }
      if (Silenced == R.Found.size()) {
        Verdicts << fmt::format("scenario '{}': counterexample suppressed by "
                                    "NOLINT(faultline) at the invariant ({})\n",
                                    Name, Stats);
        break;
      }
      Found = true;
      Verdicts << fmt::format("scenario '{}': counterexample ({})\n", Name, Stats);
      break;
    }
    case search::Verdict::Certified:
      Verdicts << fmt::format("scenario '{}': certified for EOT {}, EFF {}, {} crash{} ({})\n",
                                  Name, B.EOT, B.EFF, B.MaxCrashes,
                                  B.MaxCrashes == 1 ? "" : "es", Stats);
      break;
    case search::Verdict::Inconclusive:
      Verdicts << fmt::format("scenario '{}': inconclusive, {} ({})\n", Name, R.StopReason,
                                  Stats);
      break;
    }
    if (Html) {
      report::ScenarioReport SR;
      SR.Name = Name;
      SR.Ev = &Ev;
      SR.Bounds = B;
      SR.Result = &R;
      SR.Suppressed = R.V == search::Verdict::Counterexample &&
                      std::all_of(R.Found.begin(), R.Found.end(), [&](const auto &C) {
                        return !C.Run || E.suppressed(C);
                      });
      SR.Story = [&E](const eval::Run &Run) { return E.story(Run); };
      SR.Describe = [&E](const eval::Tuple &Pre, int EOT) { return E.describe(Pre, EOT); };
      Page.addScenario(SR);
    }
    if (!Opts.EmitSchedules.empty() &&
        !writeSchedules(Opts.EmitSchedules, Model, B, R, Ev.symbols()))
      return ExitBadInput;
  }
  if (Html && !writeHtml(Page, Opts.Output))
    return ExitBadInput;
  return Found ? ExitViolation : ExitOk;
}

} // namespace faultline::tool

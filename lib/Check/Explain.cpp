//===- Explain.cpp - A counterexample's story, in the user's terms --------===//
//
// The faults' steps come from lib/Report (Story.h), with the scenario's
// location for crashes; the handlers' steps from the run's fl_current
// table, each at the handler the frontend recorded for that message and
// role.
//
//===----------------------------------------------------------------------===//

#include "faultline/Check/Explain.h"

#include "faultline/IR/ReservedNames.h"
#include "faultline/Lineage/Lineage.h"
#include "faultline/Report/ReviewDiff.h"
#include "faultline/Report/Story.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

namespace faultline::check {

namespace {

/// Lines First..Last of the program's file FileID.
struct CodeSpan {
  unsigned FileID = 0, First = 0, Last = 0;
  bool State = false; ///< report::LineRange::State
};

/// One line of the story, with the location the diagnostics need.
struct Step {
  int Order = 0; ///< crashes, then handlers, then lost sends, within a time
  ir::SourceLoc Loc;
  report::StoryStep S;
  std::optional<eval::TupleId> Current; ///< For a handler: its fl_current tuple.
  /// For a handler: the code it runs (CodeSpan), resolved into S.Code.
  const std::vector<CodeSpan> *Code = nullptr;
};

class Explainer {
public:
  explicit Explainer(const SearchedScenario &Searched)
      : Model(*Searched.Model), Program(Searched.Program), Ev(*Searched.Ev), B(Searched.B) {}

  /// The invariants the run breaks, each missing post tuple once.
  std::vector<eval::TupleId> missing(const search::Counterexample &C) const {
    return C.Run->missingPost();
  }
  std::string invariantOf(const eval::Run &R, eval::TupleId Id) const {
    return unquote(Ev.symbols().render(R.Tuples[Id].Values[0]));
  }

  /// Whether every invariant the run breaks says NOLINT(faultline).
  bool suppressed(const search::Counterexample &C) const {
    std::vector<eval::TupleId> Missing = missing(C);
    return !Missing.empty() &&
           std::all_of(Missing.begin(), Missing.end(), [&](eval::TupleId Id) {
             return isSuppressed(invariantOf(*C.Run, Id));
           });
  }
  bool isSuppressed(const std::string &Invariant) const {
    const frontend::Declaration *I = invariant(Invariant);
    return I && I->Suppressed;
  }

  std::vector<Step> story(const search::Counterexample &C) const { return story(*C.Run); }
  std::vector<Step> story(const eval::Run &R) const {
    std::vector<Step> Steps;
    for (report::LocatedStep &F : report::faultSteps(R, Program, Ev.symbols(), Model.Scenario.Loc))
      Steps.push_back({F.Step.K == report::StoryStep::Kind::LostMessage ? 2 : 0, F.Loc,
                       std::move(F.Step), {}});
    if (auto Current = R.relation(ir::CurrentRelation))
      for (int T = 1; T <= R.EOT; ++T)
        for (eval::TupleId Id : R.table(*Current, T)) {
          const eval::Tuple &V = R.Tuples[Id].Values;
          // A crashed node goes on computing in the model (and in the
          // simulator) until it restarts, but nothing it does reaches
          // anyone: its steps are not part of the story.
          if (R.Faults.down(text(V[0]), T))
            continue;
          std::string Kind = text(V[2]);
          std::string Role = report::roleAt(R, Ev.symbols(), text(V[0]), T);
          const frontend::Declaration *H = handlerOf(Kind, Role);
          Step St;
          St.Order = 1;
          St.Loc = H ? H->Loc : ir::SourceLoc();
          St.Current = Id;
          St.Code = H ? &codeOf(*H) : nullptr;
          St.S.K = report::StoryStep::Kind::Handler;
          St.S.Time = T;
          St.S.Node = text(V[0]);
          St.S.Role = Role;
          St.S.Message = Kind;
          St.S.Peer = text(V[3]);
          St.S.Handler = H ? H->Name : "";
          if (!Program.timer(Kind))
            St.S.Payload = payload(Kind, llvm::ArrayRef<eval::Value>(V).drop_front(4));
          std::string In = H ? " in " + H->Name : "";
          St.S.Text =
              Program.timer(Kind)
                  ? fmt::format("at time {}, node {} handles the firing of its timer '{}'{}", T,
                                St.S.Node, Kind, In)
                  : fmt::format("at time {}, node {} handles '{}' from {}{}", T, St.S.Node, Kind,
                                St.S.Peer, In);
          Steps.push_back(std::move(St));
        }
    std::sort(Steps.begin(), Steps.end(), [](const Step &A, const Step &B) {
      return std::tie(A.S.Time, A.Order, A.S.Text) < std::tie(B.S.Time, B.Order, B.S.Text);
    });
    return Steps;
  }

  /// A message with its payload as the code writes it:
  /// `replicate{seq = 0, value = "x"}`; "" unless the handlers name every
  /// field (a message only sent, a field no handler reads).
  std::string messageText(const eval::Message &M) const {
    if (M.Values.size() < 2)
      return "";
    // After the receiver and the sender.
    return payload(Ev.relationNames()[M.Rel],
                   llvm::ArrayRef<eval::Value>(M.Values).drop_front(2));
  }

  /// A message of Kind with the field values Values (a prefix is enough:
  /// fl_current pads them to the widest message's).
  std::string payload(const std::string &Kind, llvm::ArrayRef<eval::Value> Values) const {
    const std::vector<std::string> &Names = fieldNames(Kind);
    if (Names.empty() && !sendsOrDelivers(Kind))
      return "";
    if (Values.size() < Names.size() ||
        llvm::any_of(Names, [](const std::string &N) { return N.empty(); }))
      return "";
    std::vector<std::string> Fields;
    for (size_t I = 0; I < Names.size(); ++I)
      Fields.push_back(fmt::format("{} = {}", Names[I], Ev.symbols().render(Values[I])));
    return fmt::format("{}{{{}}}", Kind, fmt::join(Fields, ", "));
  }

  /// Whether the invariant named so is a handler's assert.
  bool isAssertion(const std::string &Name) const {
    const frontend::Declaration *I = invariant(Name);
    return I && !I->Assertion.empty();
  }

  ir::SourceLoc invariantLoc(const std::string &Name) const {
    const frontend::Declaration *I = invariant(Name);
    return I ? I->Loc : ir::SourceLoc();
  }

  /// The invariant a `pre` tuple without `post` breaks, in the C++ terms:
  /// `durability(c = C, m = M, r = b) is false at the end of time 16, for
  /// seq = 0`. The names come from the variables of the invariant's `pre`
  /// rule, which the frontend derives from the parameter and loop names.
  std::string describe(const eval::Tuple &Pre, int EOT) const {
    std::string Name = Pre.empty() ? "" : text(Pre[0]);
    // An assert's pre: its name, the case, the node, the time it failed.
    if (const frontend::Declaration *I = invariant(Name); I && !I->Assertion.empty())
      return fmt::format("{} is false at node {} at time {}", I->Assertion,
                         Pre.size() > 2 ? text(Pre[2]) : "?", Pre.size() > 3 ? text(Pre[3]) : "?");
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

  /// The handlers of a violating run that lead to its failure (each by its
  /// fl_current tuple): those in the lineage of the `pre` tuples without
  /// `post`, and those that ran only because of the faults (the fault-free
  /// run has no such step), such as a failover's.
  std::set<eval::TupleId> keySteps(const eval::Run &R) const {
    std::set<eval::TupleId> Key;
    auto Current = R.relation(ir::CurrentRelation);
    if (!Current)
      return Key;
    lineage::Lineage L = lineage::Lineage::of(R, Program, Ev.symbols(), R.missingPost());
    for (auto V : boost::make_iterator_range(boost::vertices(L.Graph)))
      if (L.Graph[V].Kind == lineage::VertexKind::Tuple &&
          R.Tuples[L.Graph[V].Tuple].Rel == *Current)
        Key.insert(L.Graph[V].Tuple);
    ir::DiagnosticEngine Quiet(llvm::nulls());
    std::unique_ptr<eval::Run> Free = Ev.run(B, FaultSet(), Quiet);
    auto FreeCurrent = Free ? Free->relation(ir::CurrentRelation) : std::nullopt;
    for (int T = 1; T <= R.EOT; ++T)
      for (eval::TupleId Id : R.table(*Current, T))
        if (!FreeCurrent || !Free->find(*FreeCurrent, T, R.Tuples[Id].Values))
          Key.insert(Id);
    return Key;
  }

  /// The lines of St's code, by file name.
  std::vector<report::LineRange> codeLines(const Step &St, const PathMapper *MapPath) const {
    std::vector<report::LineRange> Out;
    if (St.Code)
      for (const CodeSpan &C : *St.Code) {
        report::Location L = report::locationOf(Program, {C.FileID, C.First, 0});
        if (L.isValid())
          Out.push_back({MapPath ? (*MapPath)(L.File) : L.File, C.First, C.Last, C.State});
      }
    return Out;
  }

private:
  /// The code a handler runs: its definition, from its declaration to its
  /// closing brace, and the statement lines of the helpers it calls,
  /// wherever they are, from the rules it gave (their origin is
  /// "Role::onX: <statement>", their location the statement's). Without
  /// the closing brace (an extraction that lacks it), its last statement
  /// before the next handler or invariant of the file ends it.
  const std::vector<CodeSpan> &codeOf(const frontend::Declaration &H) const {
    auto [It, New] = Code.try_emplace(&H);
    if (!New)
      return It->second;
    unsigned Next = ~0u; // the next declaration after H in its file
    auto Bound = [&](const frontend::Declaration &D) {
      if (D.Loc.FileID == H.Loc.FileID && D.Loc.Line > H.Loc.Line)
        Next = std::min(Next, D.Loc.Line);
    };
    for (const auto &Handler : Model.Handlers)
      Bound(Handler.second);
    for (const frontend::Declaration &I : Model.Invariants)
      Bound(I);
    CodeSpan Own{H.Loc.FileID, H.Loc.Line, std::max(H.Loc.Line, H.EndLine)};
    if (H.EndLine >= H.Loc.Line)
      Next = H.EndLine + 1;
    std::set<std::pair<unsigned, unsigned>> Elsewhere;
    // The relations its rules read: the lines that give them their initial
    // values (a member's initializer, the scenario's s.init) are state it
    // reaches, where a change to a constant it compares with shows.
    std::set<std::string> Reads;
    std::string Prefix = H.Name + ": ";
    for (const ir::Rule &R : Model.Rules.Rules) {
      if (!llvm::StringRef(R.Origin).starts_with(Prefix) || !R.Loc.isValid())
        continue;
      for (const ir::BodyElem &E : R.Body)
        if (const auto *A = std::get_if<ir::Atom>(&E))
          Reads.insert(A->Relation);
      if (R.Loc.FileID == H.Loc.FileID && R.Loc.Line >= H.Loc.Line && R.Loc.Line < Next)
        Own.Last = std::max(Own.Last, R.Loc.Line);
      else
        Elsewhere.insert({R.Loc.FileID, R.Loc.Line});
    }
    It->second.push_back(Own);
    for (auto [File, Line] : Elsewhere)
      if (!(File == Own.FileID && Line >= Own.First && Line <= Own.Last))
        It->second.push_back({File, Line, Line});
    std::set<std::pair<unsigned, unsigned>> StateLines;
    for (const ir::Fact &Fa : Model.Scenario.Facts)
      if (Fa.Loc.isValid() && Reads.count(Fa.Head.Relation) &&
          !llvm::StringRef(Fa.Head.Relation).starts_with("fl_"))
        StateLines.insert({Fa.Loc.FileID, Fa.Loc.Line});
    for (auto [File, Line] : StateLines)
      It->second.push_back({File, Line, Line, /*State=*/true});
    return It->second;
  }

  /// Whether the program sends or delivers messages of Kind.
  bool sendsOrDelivers(const std::string &Kind) const { return arity(Kind) >= 2; }
  /// The columns of the message relation Kind (receiver, sender, fields),
  /// from a rule that sends it or a fact that delivers it; 0 if none.
  size_t arity(const std::string &Kind) const {
    for (const ir::Rule &Rule : Program.Rules)
      if (Rule.Time == ir::HeadTime::Async && Rule.Head.Relation == Kind)
        return Rule.Head.Args.size();
    for (const ir::Fact &F : Program.Facts)
      if (F.Head.Relation == Kind)
        return F.Head.Args.size();
    return 0;
  }
  /// The C++ names of the fields of the message Kind, in order, from the
  /// handlers that read it as fl_current(Node, _, "kind", From, Field_1,
  /// ...); "" for a field no handler reads.
  const std::vector<std::string> &fieldNames(const std::string &Kind) const {
    auto [It, New] = FieldNames.try_emplace(Kind);
    if (!New)
      return It->second;
    size_t Columns = arity(Kind);
    std::vector<std::string> &Names = It->second;
    Names.resize(Columns >= 2 ? Columns - 2 : 0);
    for (const ir::Rule &Rule : Program.Rules)
      for (const ir::BodyElem &E : Rule.Body) {
        const auto *A = std::get_if<ir::Atom>(&E);
        if (!A || A->Negated || A->Relation != ir::CurrentRelation ||
            A->Args.size() < Names.size() + 4 || A->Args[2].K != ir::Term::Kind::String ||
            A->Args[2].Text != Kind)
          continue;
        for (size_t I = 0; I < Names.size(); ++I) {
          const ir::Term &T = A->Args[4 + I];
          if (Names[I].empty() && T.K == ir::Term::Kind::Variable && T.Text != "_")
            Names[I] = cxxName(T.Text);
        }
      }
    return Names;
  }

  /// The `pre` rule of the invariant case a `pre` tuple comes from.
  const ir::Rule *preRule(const eval::Tuple &Pre) const {
    for (const ir::Rule &Rule : Program.Rules) {
      const std::vector<ir::Term> &Args = Rule.Head.Args;
      if (Rule.Head.Relation == ir::PreRelation && Args.size() >= 2 && Pre.size() >= 2 &&
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
        if (!A->Negated && A->Relation == ir::RoleRelation && !A->Args.empty() &&
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
  std::string text(eval::Value V) const { return report::storyText(Ev.symbols(), V); }
  const frontend::Declaration *invariant(const std::string &Name) const {
    for (const frontend::Declaration &I : Model.Invariants)
      if (I.Name == Name)
        return &I;
    return nullptr;
  }
  /// The handler a node of Role runs for a message of Kind.
  const frontend::Declaration *handlerOf(const std::string &Kind, const std::string &Role) const {
    for (const auto &[Message, H] : Model.Handlers)
      if (Message == Kind && H.Role == Role)
        return &H;
    return nullptr;
  }

  mutable std::map<const frontend::Declaration *, std::vector<CodeSpan>> Code;
  mutable std::map<std::string, std::vector<std::string>> FieldNames;
  const frontend::ExtractedModel &Model;
  const ir::Program &Program;
  const eval::Evaluator &Ev;
  const Bounds &B;
};

} // namespace

std::vector<const search::Counterexample *> SearchedScenario::reported() const {
  std::vector<const search::Counterexample *> Out;
  if (R.V != search::Verdict::Counterexample)
    return Out;
  Explainer E(*this);
  for (const search::Counterexample &C : R.Found)
    if (C.Run && !E.suppressed(C))
      Out.push_back(&C);
  return Out;
}

void diagnoseCounterexample(const SearchedScenario &S, const search::Counterexample &C,
                            ir::DiagnosticEngine &D, bool Verbose) {
  Explainer E(S);
  std::vector<eval::TupleId> Missing = E.missing(C);
  // One warning per invariant the run breaks, in the order of the missing
  // tuples, each at its invariant (where a NOLINT silences that one), with
  // a note per broken instance; the story once, under the first.
  std::vector<std::string> Broken;
  for (eval::TupleId Id : Missing) {
    std::string Name = E.invariantOf(*C.Run, Id);
    if (!llvm::is_contained(Broken, Name) && !E.isSuppressed(Name))
      Broken.push_back(Name);
  }
  if (Missing.empty())
    Broken.push_back("");
  // Without faults, the fault-free run itself fails: all of it is the story.
  bool Whole = Verbose || (C.Faults.Crashes.empty() && C.Faults.Omissions.empty());
  std::set<eval::TupleId> Key = Whole ? std::set<eval::TupleId>() : E.keySteps(*C.Run);
  for (const std::string &Invariant : Broken) {
    bool First = &Invariant == &Broken.front();
    D.warning(E.invariantLoc(Invariant),
              fmt::format(E.isAssertion(Invariant)
                              ? "{} fails in scenario '{}' under: {}{} [faultline]"
                              : "invariant '{}' is violated in scenario '{}' under: {}{} "
                                "[faultline]",
                          Invariant, S.Model->DisplayName, C.Faults.describe(),
                          First ? "" : " (the run of the warning above)"));
    if (First)
      for (const Step &St : E.story(C))
        if (Whole || !St.Current || Key.count(*St.Current))
          D.note(St.Loc, St.S.Text);
    for (eval::TupleId Id : Missing)
      if (E.invariantOf(*C.Run, Id) == Invariant)
        D.note(E.invariantLoc(Invariant), E.describe(C.Run->Tuples[Id].Values, C.Run->EOT));
  }
}

std::vector<report::StoryStep> storyOf(const SearchedScenario &S, const eval::Run &R) {
  std::vector<report::StoryStep> Out;
  Explainer E(S);
  for (Step &St : E.story(R)) {
    St.S.Loc = report::locationOf(S.Program, St.Loc);
    St.S.Code = E.codeLines(St, nullptr);
    Out.push_back(std::move(St.S));
  }
  return Out;
}

std::string messageText(const SearchedScenario &S, const eval::Message &M) {
  return Explainer(S).messageText(M);
}

std::string describeViolation(const SearchedScenario &S, const eval::Tuple &Pre, int EOT) {
  return Explainer(S).describe(Pre, EOT);
}

report::Finding findingOf(const SearchedScenario &S, const search::Counterexample &C,
                          const PathMapper &MapPath) {
  auto Resolve = [&](ir::SourceLoc L) {
    report::Location Out = report::locationOf(S.Program, L);
    if (Out.isValid())
      Out.File = MapPath(Out.File);
    return Out;
  };
  Explainer E(S);
  report::Finding F;
  F.Scenario = S.Model->DisplayName;
  F.Faults = C.Faults.describe();
  F.EOT = C.Run->EOT;
  std::vector<eval::TupleId> Missing = E.missing(C);
  // The first invariant it breaks that no NOLINT silences.
  for (auto It = Missing.rbegin(); It != Missing.rend(); ++It)
    if (F.Invariant.empty() || !E.isSuppressed(E.invariantOf(*C.Run, *It)))
      F.Invariant = E.invariantOf(*C.Run, *It);
  F.InvariantLoc = Resolve(E.invariantLoc(F.Invariant));
  for (Step &St : E.story(C)) {
    St.S.Loc = Resolve(St.Loc);
    St.S.Code = E.codeLines(St, &MapPath);
    F.Story.push_back(std::move(St.S));
  }
  for (eval::TupleId Id : Missing) {
    std::string Name = E.invariantOf(*C.Run, Id);
    F.Violations.push_back({Name, E.describe(C.Run->Tuples[Id].Values, C.Run->EOT),
                            Resolve(E.invariantLoc(Name))});
  }
  F.Fingerprint = report::fingerprint(F);
  return F;
}

} // namespace faultline::check

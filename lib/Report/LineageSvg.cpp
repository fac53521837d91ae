//===- LineageSvg.cpp - The lineage of a broken outcome, drawn by Graphviz ===//
//
// A counterexample's run lacks the outcome it broke, so its lineage is taken
// from the fault-free run, where the outcome held: the derivations it
// needed, down to facts and messages. The messages the counterexample's
// faults take away (lost, or sent or received by a crashed node), the
// tuples on crashed nodes, and whatever else of it the counterexample's run
// does not have are marked; state it had but lost (a member assigned or
// erased) is shown with the handler step that ended it. The graph is handed to Graphviz's
// dot engine, laid out and rendered to SVG, in the faultline-graphviz
// module, loaded here on the first drawing (DotGraph.h).
//
//===----------------------------------------------------------------------===//

#include "faultline/Report/HtmlReport.h"

#include "faultline/IR/ReservedNames.h"
#include "faultline/Lineage/Lineage.h"
#include "faultline/Report/Story.h"

#include "DotGraph.h"

#include <fmt/format.h>

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <dlfcn.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <variant>

namespace faultline::report {

namespace {

/// Above this many vertices dot takes long and the picture says little.
constexpr size_t MaxVertices = 600;

std::optional<int> crashTime(const FaultSet &F, const std::string &Node) {
  for (const Crash &C : F.Crashes)
    if (C.Node == Node)
      return C.Time;
  return std::nullopt;
}

/// Whether the faults take this vertex away in the counterexample.
/// Latest: the last time a tuple's chain reaches.
bool isCut(const lineage::LineageVertex &V, const eval::Run &R, const eval::SymbolTable &Syms,
           const FaultSet &Cut, int Latest) {
  if (V.Kind == lineage::VertexKind::Message) {
    for (const Omission &O : Cut.Omissions)
      if (O.From == V.From && O.To == V.To && O.Time == V.SendTime)
        return true;
    return Cut.down(V.From, V.SendTime) || Cut.down(V.To, V.SendTime + 1);
  }
  if (V.Kind == lineage::VertexKind::Tuple && !V.Given) {
    const eval::TupleRecord &T = R.Tuples[V.Tuple];
    if (T.Values.empty() || !T.Values[0].isStr())
      return false;
    auto Dead = crashTime(Cut, Syms.text(static_cast<uint32_t>(T.Values[0].V)));
    return Dead && *Dead <= std::max(T.Time, Latest);
  }
  return false;
}

/// What a counterexample's run Cx lacks of the fault-free run FF's
/// lineage (both runs of one program, so their relation ids agree).
class Lacks {
public:
  Lacks(const eval::Run &FF, const eval::Run &Cx) : FF(FF), Cx(Cx) {}

  /// The first time from tuple Id's own up to Until at which Cx lacks it.
  std::optional<int> firstMissing(eval::TupleId Id, int Until) const {
    const eval::TupleRecord &T = FF.Tuples[Id];
    for (int Time = T.Time; Time <= Until; ++Time)
      if (!Cx.find(T.Rel, Time, T.Values))
        return Time;
    return std::nullopt;
  }

  /// Whether Cx did not fire what FF did: a tuple of its body is missing,
  /// or a tuple its `notin` relied on the absence of is there.
  bool firing(eval::FiringId Id) const {
    const eval::Firing &F = FF.Firings[Id];
    return llvm::any_of(F.Body,
                        [&](eval::TupleId B) { return firstMissing(B, FF.Tuples[B].Time); }) ||
           llvm::any_of(F.Absent, [&](const eval::AbsentTuple &A) { return present(A); });
  }

  /// Whether Cx lacks message Id of FF (as FF had it: delivered or not).
  bool message(eval::MessageId Id) const {
    const eval::Message &M = FF.Messages[Id];
    return llvm::none_of(Cx.Messages, [&](const eval::Message &C) {
      return C.From == M.From && C.To == M.To && C.SendTime == M.SendTime && C.Rel == M.Rel &&
             C.Values == M.Values && C.Fate == M.Fate;
    });
  }

  /// The firings of Cx that ended tuple Id of FF at time Gone, where Cx
  /// held it at Gone - 1: those that derived, at Gone - 1, a tuple that a
  /// `notin` of the rule carrying it on in FF (its persistence) names, with
  /// the columns the tuple binds (a member assigned or erased).
  std::vector<eval::FiringId> enders(eval::TupleId Id, int Gone, const ir::Program &P) const {
    std::vector<eval::FiringId> Out;
    const eval::TupleRecord &T = FF.Tuples[Id];
    auto Before = FF.find(T.Rel, Gone - 1, T.Values), After = FF.find(T.Rel, Gone, T.Values);
    if (!Before || !After)
      return Out;
    const std::string &Name = FF.RelNames[T.Rel];
    for (eval::FiringId F : FF.Tuples[*After].Firings) {
      if (!llvm::is_contained(FF.Firings[F].Body, *Before))
        continue;
      const ir::Rule &Rule = P.Rules[FF.Firings[F].Rule];
      // The variables the carried tuple binds.
      std::map<std::string, eval::Value> Bound;
      for (const ir::BodyElem &E : Rule.Body)
        if (const auto *A = std::get_if<ir::Atom>(&E);
            A && !A->Negated && A->Relation == Name && A->Args.size() == T.Values.size())
          for (size_t Col = 0; Col < A->Args.size(); ++Col)
            if (A->Args[Col].K == ir::Term::Kind::Variable)
              Bound.emplace(A->Args[Col].Text, T.Values[Col]);
      for (const ir::BodyElem &E : Rule.Body) {
        const auto *A = std::get_if<ir::Atom>(&E);
        std::optional<eval::RelId> Rel = A && A->Negated ? Cx.relation(A->Relation)
                                                          : std::optional<eval::RelId>();
        if (!Rel)
          continue;
        eval::AbsentTuple Pattern{*Rel, Gone - 1, {}, {}};
        for (size_t Col = 0; Col < A->Args.size(); ++Col) {
          auto It = A->Args[Col].K == ir::Term::Kind::Variable ? Bound.find(A->Args[Col].Text)
                                                                : Bound.end();
          Pattern.Values.push_back(It == Bound.end() ? eval::Value() : It->second);
          if (It == Bound.end())
            Pattern.setWild(Col);
        }
        for (eval::TupleId C : Cx.table(*Rel, Gone - 1))
          if (Pattern.matches(Cx.Tuples[C].Values) && !Cx.Tuples[C].Firings.empty() &&
              !llvm::is_contained(Out, Cx.Tuples[C].Firings.front()))
            Out.push_back(Cx.Tuples[C].Firings.front());
      }
    }
    return Out;
  }

private:
  bool present(const eval::AbsentTuple &A) const {
    return llvm::any_of(Cx.table(A.Rel, A.Time),
                        [&](eval::TupleId C) { return A.matches(Cx.Tuples[C].Values); });
  }
  const eval::Run &FF, &Cx;
};

/// Shapes as Lineage::writeDot draws them; cut vertices filled red.
void style(DotAttributes &N, const lineage::LineageVertex &V, const std::string &Label,
           bool Cut) {
  using lineage::VertexKind;
  auto set = [&](const char *Name, std::string Value) {
    N.emplace_back(Name, std::move(Value));
  };
  set("label", Label);
  set("class", std::string(Cut ? "cut " : "") + [&] {
    switch (V.Kind) {
    case VertexKind::Tuple:
      return "tuple";
    case VertexKind::Firing:
      return "firing";
    case VertexKind::Message:
      return "message";
    case VertexKind::Absent:
    case VertexKind::Either:
      return "absent";
    case VertexKind::NoCrash:
      return "nocrash";
    case VertexKind::Timer:
    case VertexKind::NoTimer:
      return "timer";
    }
    return "";
  }());
  switch (V.Kind) {
  case VertexKind::Tuple:
    set("shape", "ellipse");
    if (V.Given)
      set("style", "filled"), set("fillcolor", "lightgrey");
    break;
  case VertexKind::Firing:
    set("shape", "box");
    set("color", "blue");
    break;
  case VertexKind::Message:
    set("shape", "diamond");
    break;
  case VertexKind::Absent:
    set("shape", "ellipse");
    set("style", "dashed");
    break;
  case VertexKind::Either:
    set("shape", "box");
    set("style", "dashed");
    break;
  case VertexKind::NoCrash:
    set("shape", "octagon");
    break;
  case VertexKind::Timer:
  case VertexKind::NoTimer:
    set("shape", "hexagon");
    break;
  }
  if (Cut) {
    set("style", "filled");
    set("fillcolor", "#f4b6b6");
    set("color", "red");
  }
}

/// The renderer in the faultline-graphviz module, loaded on first use: next
/// to the executable, where the build puts it; in ../lib/faultline from it,
/// where `cmake --install` and the Debian package put it (packaging/); or
/// else where it was built (for the unit tests, which run from elsewhere). Null, with the reason in
/// Why, if it cannot be loaded. dlopen rather than llvm::sys::DynamicLibrary,
/// for RTLD_NODELETE: LLVM closes its libraries in a global destructor, and
/// Graphviz's caches, still referenced from its globals until then, would
/// read as leaks to LeakSanitizer once its code is unmapped.
DotToSvgFn *dotToSvg(std::string &Why) {
  static std::string Error;
  static DotToSvgFn *Render = [] {
    // No argv[0] here: on Linux the executable is read from /proc/self/exe,
    // and without it Self is empty (never a path relative to the cwd).
    std::string Self = llvm::sys::fs::getMainExecutable("", nullptr);
    llvm::StringRef Name = llvm::sys::path::filename(FAULTLINE_GRAPHVIZ_MODULE);
    llvm::SmallString<256> Path;
    if (!Self.empty()) {
      llvm::StringRef Bin = llvm::sys::path::parent_path(Self);
      for (const char *Dir : {"", "../lib/faultline"}) {
        Path = Bin;
        llvm::sys::path::append(Path, Dir, Name);
        if (llvm::sys::fs::exists(Path))
          break;
        Path.clear();
      }
    }
    if (Path.empty())
      Path = FAULTLINE_GRAPHVIZ_MODULE;
    void *Module = dlopen(Path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!Module) {
      Error = dlerror();
      return static_cast<DotToSvgFn *>(nullptr);
    }
    auto *Fn = reinterpret_cast<DotToSvgFn *>(dlsym(Module, DotToSvgSymbol));
    if (!Fn)
      Error = fmt::format("{} has no {}", Path.str(), DotToSvgSymbol);
    return Fn;
  }();
  if (!Render)
    Why = "Graphviz could not be loaded: " + Error;
  return Render;
}

/// The part of a lineage graph an outcome needs, drawn for people:
/// - each chain of a tuple carried from step to step by persistence (`x@t`
///   needs `x@t-1` and nothing else) is one vertex `x@t0..t1`: in a long
///   run those chains are most of the graph and say only "it stayed";
/// - the relations the C++ frontend adds to model inboxes, clocks and
///   roles (named `fl_...`, a prefix reserved to it) are passed through:
///   what needs them is drawn as needing what they need.
class Drawing {
public:
  Drawing(const lineage::LineageGraph &G, const eval::Run &R, const ir::Program &P)
      : G(G), R(R), P(P) {}

  /// False if the outcome needs more than MaxVertices vertices.
  bool collect(lineage::Vertex Root) {
    for (lineage::Vertex Top : shown(Root))
      enter(Top);
    std::set<std::pair<lineage::Vertex, lineage::Vertex>> Seen;
    for (size_t I = 0; I < Order.size(); ++I) {
      if (Order.size() > MaxVertices)
        return false;
      lineage::Vertex V = Order[I]; // enter() grows Order
      for (auto [E, End] = boost::out_edges(V, G); E != End; ++E)
        for (lineage::Vertex Top : shown(boost::target(*E, G)))
          if (lineage::Vertex To = enter(Top); Seen.insert({V, To}).second)
            Edges.push_back({V, To});
    }
    return true;
  }

  std::vector<lineage::Vertex> Order;
  std::vector<std::pair<lineage::Vertex, lineage::Vertex>> Edges;
  /// For the bottom of each chain, the latest time the chain reaches.
  std::map<lineage::Vertex, int> Latest;

private:
  bool internal(lineage::Vertex V) const {
    const lineage::LineageVertex &LV = G[V];
    if (LV.Kind == lineage::VertexKind::Tuple)
      return llvm::StringRef(LV.Key).starts_with(ir::ReservedPrefix);
    if (LV.Kind == lineage::VertexKind::Firing)
      return llvm::StringRef(P.Rules[R.Firings[LV.Firing].Rule].Head.Relation)
          .starts_with(ir::ReservedPrefix);
    return false;
  }

  /// The vertices drawn for V: V itself, or what an internal V needs.
  const std::vector<lineage::Vertex> &shown(lineage::Vertex V) {
    if (auto It = Shown.find(V); It != Shown.end())
      return It->second;
    std::vector<lineage::Vertex> Out;
    if (!internal(V)) {
      Out.push_back(V);
    } else {
      Shown[V] = {}; // the lineage is acyclic; this only guards the recursion
      std::set<lineage::Vertex> Seen;
      for (auto [E, End] = boost::out_edges(V, G); E != End; ++E)
        for (lineage::Vertex W : shown(boost::target(*E, G)))
          if (Seen.insert(W).second)
            Out.push_back(W);
    }
    return Shown[V] = std::move(Out);
  }

  /// The vertex one step down a persistence chain from V, if there is one.
  std::optional<lineage::Vertex> persistsFrom(lineage::Vertex V) const {
    if (G[V].Kind != lineage::VertexKind::Tuple || boost::out_degree(V, G) != 1)
      return std::nullopt;
    lineage::Vertex F = boost::target(*boost::out_edges(V, G).first, G);
    if (G[F].Kind != lineage::VertexKind::Firing || boost::out_degree(F, G) != 1)
      return std::nullopt;
    lineage::Vertex Below = boost::target(*boost::out_edges(F, G).first, G);
    if (G[Below].Kind != lineage::VertexKind::Tuple || G[Below].Key != G[V].Key)
      return std::nullopt;
    return Below;
  }

  /// The vertex that stands for V: the bottom of its chain, queued once.
  lineage::Vertex enter(lineage::Vertex V) {
    int Top = G[V].Kind == lineage::VertexKind::Tuple ? R.Tuples[G[V].Tuple].Time : 0;
    while (auto Below = persistsFrom(V))
      V = *Below;
    auto [It, New] = Latest.try_emplace(V, Top);
    It->second = std::max(It->second, Top);
    if (New)
      Order.push_back(V);
    return V;
  }

  const lineage::LineageGraph &G;
  const eval::Run &R;
  const ir::Program &P;
  std::map<lineage::Vertex, std::vector<lineage::Vertex>> Shown;
};

/// What the C++ frontend's rules say about the code they came from: the
/// state member a relation holds (its persistence rule's origin,
/// "persistence of Replica::log"), the handler a rule lowers ("Replica::onX:
/// <statement>"), the relations that are messages (@async heads).
class CxxNames {
public:
  explicit CxxNames(const ir::Program &P) {
    for (const ir::Rule &R : P.Rules) {
      llvm::StringRef Origin(R.Origin);
      FromCxx |= !Origin.empty();
      if (Origin.consume_front("persistence of "))
        Members[R.Head.Relation] = Origin.str();
      if (R.Time == ir::HeadTime::Async)
        Messages.insert(R.Head.Relation);
    }
  }

  /// A tuple: "Replica::log of b: 0, "x"", "message replicate at a: c, 0";
  /// a relation the code does not name as Dedalus writes it.
  std::string tuple(const lineage::LineageVertex &V) const {
    if (!FromCxx) // a Dedalus program: its own terms
      return V.Key;
    llvm::ArrayRef<std::string> Cols(V.Columns);
    std::string Node = Cols.empty() ? "" : unquote(Cols.front());
    llvm::ArrayRef<std::string> Rest = Cols.drop_front(Cols.empty() ? 0 : 1);
    auto Values = [&] {
      std::vector<std::string> Out;
      for (const std::string &C : Rest)
        Out.push_back(C);
      return llvm::join(Out, ", ");
    };
    if (auto It = Members.find(V.Relation); It != Members.end())
      return Rest.empty() ? fmt::format("{} of {}", It->second, Node)
                          : fmt::format("{} of {}: {}", It->second, Node, Values());
    if (Messages.count(V.Relation))
      return fmt::format("message {} at {}: {}", V.Relation, Node, Values());
    // pre and post: (invariant, case, the instance's values).
    if ((V.Relation == ir::PostRelation || V.Relation == ir::PreRelation) && !Rest.empty())
      return fmt::format("invariant {} {}: {}", Node,
                         V.Relation == ir::PostRelation ? "holds" : "is checked",
                         llvm::join(Rest.drop_front(1), ", "));
    return V.Key;
  }

  /// A rule firing: "Replica::onReplicaAck at c (replication.h:68)", or the
  /// invariant it checks; a rule from elsewhere as Dedalus names it.
  std::string firing(const ir::Rule &Rule, const std::string &Node, const ir::Program &P) const {
    std::string Where =
        Rule.Loc.isValid()
            ? fmt::format(" ({}:{})", llvm::sys::path::filename(P.fileName(Rule.Loc)).str(),
                          Rule.Loc.Line)
            : "";
    llvm::StringRef Origin(Rule.Origin);
    if (Origin.consume_front("invariant "))
      return fmt::format("invariant {}{}", Origin.split(':').first.str(), Where);
    auto [Handler, Statement] = Origin.split(": ");
    if (!Statement.empty() && Handler.contains("::"))
      return fmt::format("{} at {}{}", Handler.str(), Node, Where);
    // What the frontend adds beside the handlers says what it models
    // ("the failure detector tells Master of a crash").
    if (FromCxx && !Origin.empty())
      return fmt::format("{} ({} at {})", Origin.str(), Rule.Head.Relation, Node);
    return fmt::format("rule {}{}", Rule.Head.Relation, Where);
  }

private:
  static std::string unquote(const std::string &S) {
    return S.size() >= 2 && S.front() == '"' && S.back() == '"' ? S.substr(1, S.size() - 2) : S;
  }
  std::map<std::string, std::string> Members;
  std::set<std::string> Messages;
  /// Whether the C++ frontend wrote the program (its rules say what code
  /// they come from).
  bool FromCxx = false;
};

/// A rule firing of R as a box names it: "Replica::onWrite at b
/// (replication.h:78), time 5".
std::string firingText(const eval::Run &R, eval::FiringId Id, const ir::Program &P,
                       const CxxNames &Names, const eval::SymbolTable &Syms) {
  const eval::Firing &F = R.Firings[Id];
  // The node it ran at: its first body tuple's.
  std::string Node;
  if (!F.Body.empty() && !R.Tuples[F.Body.front()].Values.empty())
    Node = storyText(Syms, R.Tuples[F.Body.front()].Values.front());
  return fmt::format("{}, time {}", Names.firing(P.Rules[F.Rule], Node, P), F.Time);
}

/// Text for a Graphviz label, where a backslash starts an escape.
std::string dotText(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text)
    Out += C == '\\' ? std::string("\\\\") : std::string(1, C);
  return Out;
}

std::string label(const lineage::LineageVertex &V, const Drawing &D, lineage::Vertex Id,
                  const eval::Run &R, const ir::Program &P, const CxxNames &Names,
                  const eval::SymbolTable &Syms) {
  if (V.Kind == lineage::VertexKind::Tuple) {
    int From = R.Tuples[V.Tuple].Time, To = D.Latest.at(Id);
    std::string What = Names.tuple(V);
    return From == To ? fmt::format("{}, time {}", What, From)
                      : fmt::format("{}, time {}..{}", What, From, To);
  }
  if (V.Kind == lineage::VertexKind::Firing)
    return firingText(R, V.Firing, P, Names, Syms);
  if (V.Kind == lineage::VertexKind::Message) {
    const eval::Message &M = R.Messages[V.Message];
    return fmt::format("{} {} \u2192 {}, sent at {}", R.RelNames[M.Rel], M.From, M.To,
                       M.SendTime);
  }
  return V.Label;
}

} // namespace

namespace {

/// A handler step of a counterexample's run drawn beside a fault-free
/// lineage: it ended the state that the vertices Ended stand for.
struct Ender {
  std::string Label;
  std::vector<lineage::Vertex> Ended;
};

/// The handler steps of a counterexample's run Cx that ended state, one
/// box per step (a handler at a node at a time) with the statements of it
/// that did (`master.h:42: inSync.erase(m.node);`); a rule of a `.ded`
/// model a box of its own.
class EnderSteps {
public:
  EnderSteps(const eval::Run *Cx, const ir::Program &P, const eval::SymbolTable &Syms)
      : Cx(Cx), P(P), Syms(Syms), Names(P) {}

  /// Firing F of Cx ended what vertex V stands for.
  void add(eval::FiringId F, lineage::Vertex V) {
    const ir::Rule &Rule = P.Rules[Cx->Firings[F].Rule];
    auto [Handler, Statement] = llvm::StringRef(Rule.Origin).split(": ");
    bool Cxx = !Statement.empty() && Handler.contains("::");
    std::string Node;
    if (const eval::Firing &Fi = Cx->Firings[F];
        !Fi.Body.empty() && !Cx->Tuples[Fi.Body.front()].Values.empty())
      Node = storyText(Syms, Cx->Tuples[Fi.Body.front()].Values.front());
    std::string Head =
        Cxx ? fmt::format("{} at {}, time {}", Handler.str(), Node, Cx->Firings[F].Time)
            : firingText(*Cx, F, P, Names, Syms);
    auto [It, New] = Index.try_emplace(Cxx ? Head : "#" + std::to_string(F), Out.size());
    if (New)
      Out.push_back({dotText("in the counterexample: " + Head), {}});
    Ender &E = Out[It->second];
    std::string Line =
        Cxx ? "\\n" +
                  dotText(fmt::format("{}:{}: {}",
                                      llvm::sys::path::filename(P.fileName(Rule.Loc)).str(),
                                      Rule.Loc.Line, Statement.trim().str()))
            : "";
    if (!Line.empty() && !llvm::StringRef(E.Label).contains(Line))
      E.Label += Line;
    if (!llvm::is_contained(E.Ended, V))
      E.Ended.push_back(V);
  }

  std::vector<Ender> take() { return std::move(Out); }

private:
  const eval::Run *Cx;
  const ir::Program &P;
  const eval::SymbolTable &Syms;
  CxxNames Names;
  std::map<std::string, size_t> Index;
  std::vector<Ender> Out;
};

/// Draws what D collected of G (a lineage of run R), each vertex red where
/// Marked says so (counted in the drawing's Cut), with a note under a
/// vertex where Note has one, and the Enders below what they ended.
LineageDrawing render(const lineage::LineageGraph &G, const Drawing &D, const eval::Run &R,
                      const ir::Program &P, const eval::SymbolTable &Syms, const std::string &Id,
                      const std::function<bool(lineage::Vertex)> &Marked,
                      const std::map<lineage::Vertex, std::string> &Note = {},
                      const std::vector<Ender> &Enders = {}) {
  LineageDrawing Out;
  CxxNames Names(P);
  DotGraph Dot;
  Dot.Graph = {{"rankdir", "TB"}, {"id", Id}}; // Graphviz prefixes the SVG's ids with Id
  // Room for a browser's sans-serif, which can be wider than the metrics
  // the layout estimated the labels with (the margin).
  Dot.NodeDefaults = {{"fontsize", "10"}, {"fontname", "Helvetica"}, {"margin", "0.25,0.06"}};
  std::map<lineage::Vertex, size_t> Index;
  for (lineage::Vertex V : D.Order) {
    Index[V] = Dot.Nodes.size();
    DotGraph::Node &N = Dot.Nodes.emplace_back();
    N.Name = "v" + std::to_string(V);
    bool IsMarked = Marked(V);
    Out.Cut += IsMarked;
    std::string Label = label(G[V], D, V, R, P, Names, Syms);
    if (auto It = Note.find(V); It != Note.end())
      Label += "\\n" + It->second;
    style(N.Attributes, G[V], Label, IsMarked);
  }
  for (auto [From, To] : D.Edges)
    Dot.Edges.push_back({Index.at(From), Index.at(To)});
  for (const Ender &E : Enders) {
    DotGraph::Node &N = Dot.Nodes.emplace_back();
    N.Name = "e" + std::to_string(Out.Enders++);
    N.Attributes = {{"label", E.Label},     {"class", "cut ender"}, {"shape", "box"},
                    {"style", "filled"},    {"fillcolor", "#f4b6b6"}, {"color", "red"}};
    ++Out.Cut;
    for (lineage::Vertex V : E.Ended) {
      Dot.EdgeAttributes.resize(Dot.Edges.size());
      Dot.Edges.push_back({Index.at(V), Dot.Nodes.size() - 1});
      Dot.EdgeAttributes.push_back({{"style", "dashed"},
                                    {"color", "red"},
                                    {"label", "ended by"},
                                    {"fontsize", "9"},
                                    {"fontname", "Helvetica"}});
    }
  }

  DotToSvgFn *Render = dotToSvg(Out.Why);
  if (!Render)
    return Out;
  std::string Svg;
  Render(Dot, Svg, Out.Why);
  if (Svg.empty())
    return Out;
  // Inline in HTML: drop the XML declaration and doctype before <svg.
  Out.Svg = Svg.substr(Svg.find("<svg"));
  return Out;
}

std::string tooLarge() {
  return fmt::format("the lineage has more than {} vertices, too many to draw; "
                     "`faultline ldfi --lineage-dot DIR` writes it whole",
                     MaxVertices);
}

} // namespace

LineageDrawing lineageSvg(const eval::Run &FaultFree, const ir::Program &P,
                          const eval::SymbolTable &Syms, const eval::Tuple &Outcome,
                          const FaultSet &Cut, const std::string &Id,
                          const eval::Run *Counterexample) {
  LineageDrawing Out;
  lineage::Lineage L = lineage::Lineage::build(FaultFree, P, Syms);
  const lineage::LineageGraph &G = L.Graph;
  auto Root = std::find_if(L.Outcomes.begin(), L.Outcomes.end(), [&](lineage::Vertex V) {
    return FaultFree.Tuples[G[V].Tuple].Values == Outcome;
  });
  if (Root == L.Outcomes.end()) {
    Out.Why = "the outcome does not hold in the fault-free run either, so it has no lineage";
    return Out;
  }
  Drawing D(G, FaultFree, P);
  if (!D.collect(*Root)) {
    Out.Why = tooLarge();
    return Out;
  }
  unsigned Taken = 0;
  std::map<lineage::Vertex, bool> Marked;
  std::map<lineage::Vertex, std::string> Note;
  std::optional<Lacks> Lacking;
  if (Counterexample)
    Lacking.emplace(FaultFree, *Counterexample);
  EnderSteps Steps(Counterexample, P, Syms);
  for (lineage::Vertex V : D.Order) {
    const lineage::LineageVertex &LV = G[V];
    bool Mark = isCut(LV, FaultFree, Syms, Cut, D.Latest.at(V));
    Taken += Mark;
    if (!Lacking) {
      Marked[V] = Mark;
      continue;
    }
    if (LV.Kind == lineage::VertexKind::Tuple) {
      std::optional<int> Gone = Lacking->firstMissing(LV.Tuple, D.Latest.at(V));
      Mark |= Gone.has_value();
      // State the counterexample held too, until something ended it.
      if (Gone && *Gone > FaultFree.Tuples[LV.Tuple].Time) {
        Note[V] = fmt::format("(in the counterexample only until time {})", *Gone - 1);
        for (eval::FiringId F : Lacking->enders(LV.Tuple, *Gone, P))
          Steps.add(F, V);
      }
    } else if (LV.Kind == lineage::VertexKind::Firing) {
      Mark |= Lacking->firing(LV.Firing);
    } else if (LV.Kind == lineage::VertexKind::Message) {
      Mark |= Lacking->message(LV.Message);
    }
    Marked[V] = Mark;
  }
  LineageDrawing Drawn = render(
      G, D, FaultFree, P, Syms, Id, [&](lineage::Vertex V) { return Marked.at(V); }, Note,
      Steps.take());
  Drawn.Taken = Taken;
  return Drawn;
}

LineageDrawing violationLineageSvg(const eval::Run &Run, const eval::Run &FaultFree,
                                   const ir::Program &P, const eval::SymbolTable &Syms,
                                   const eval::Tuple &Pre, const std::string &Id) {
  LineageDrawing Out;
  std::optional<eval::RelId> PreRel = Run.relation(ir::PreRelation);
  std::optional<eval::TupleId> Root =
      PreRel ? Run.find(*PreRel, Run.EOT, Pre) : std::optional<eval::TupleId>();
  if (!Root) {
    Out.Why = "the run has no such pre tuple";
    return Out;
  }
  lineage::Lineage L = lineage::Lineage::of(Run, P, Syms, {*Root});
  const lineage::LineageGraph &G = L.Graph;
  Drawing D(G, Run, P);
  if (!D.collect(L.Outcomes.front())) {
    Out.Why = tooLarge();
    return Out;
  }
  // What the fault-free run lacks: a tuple it never held at that time (over
  // the whole chain a drawn vertex stands for), a message it never sent.
  auto InFaultFree = [&](eval::TupleId Id, int Until) {
    const eval::TupleRecord &T = Run.Tuples[Id];
    for (int Time = T.Time; Time <= Until; ++Time)
      if (!FaultFree.find(T.Rel, Time, T.Values))
        return false;
    return true;
  };
  return render(G, D, Run, P, Syms, Id, [&](lineage::Vertex V) {
    const lineage::LineageVertex &LV = G[V];
    if (LV.Kind == lineage::VertexKind::Tuple)
      return !InFaultFree(LV.Tuple, D.Latest.at(V));
    if (LV.Kind == lineage::VertexKind::Message) {
      const eval::Message &M = Run.Messages[LV.Message];
      return std::none_of(FaultFree.Messages.begin(), FaultFree.Messages.end(),
                          [&](const eval::Message &F) {
                            return F.From == M.From && F.To == M.To &&
                                   F.SendTime == M.SendTime && F.Rel == M.Rel &&
                                   F.Values == M.Values;
                          });
    }
    return false;
  });
}

} // namespace faultline::report

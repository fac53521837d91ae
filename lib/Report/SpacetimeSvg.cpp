//===- SpacetimeSvg.cpp - A run as a spacetime diagram --------------------===//
//
// Lanes are columns, one per node in the scenario's order; time runs down,
// one row per step. A message is an arrow from its sender's lane at its send
// time to its receiver's lane one step later; a lost one is dashed and
// crossed where it dies, one still in flight at EOT stops below the last row
// with an open head. A crash is a cross on the lane, which is dashed from
// then on. A timer firing is a clock face on the lane at its step, named
// left of it. The geometry is a fixed grid, so nothing here lays out a graph.
//
// Every mark carries data-* attributes (node, time, fate) so that a test in
// a browser can read the diagram back and compare it with the JSON report.
//
//===----------------------------------------------------------------------===//

#include "faultline/Report/HtmlReport.h"

#include "HtmlEscape.h"

#include "faultline/IR/ReservedNames.h"
#include "faultline/Report/RunReport.h"

#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

namespace faultline::report {

namespace {

constexpr int LaneWidth = 190, RowHeight = 46, Left = 50, Top = 40;
/// The labels' line heights: handler names (10px), arrow labels (9px).
constexpr int HandlerLine = 12, MessageLine = 10;
/// The width of a 9px label's character, as an estimate: the room a label
/// is kept within the diagram with.
constexpr double MessageCharWidth = 5.2;
/// Room right of the last lane for the handler names written on it.
constexpr int Right = 110;

class Diagram {
public:
  Diagram(const eval::Run &R, const std::vector<std::string> &Nodes,
          const eval::SymbolTable &Syms, const std::string &Id, const MessageTextFn &Text)
      : R(R), Nodes(Nodes), Syms(Syms), Id(Id), Text(Text) {}

  std::string render(const std::vector<StoryStep> &Steps) {
    layOutRows(Steps);
    int Width = Left + LaneWidth * static_cast<int>(Nodes.size()) + Right;
    int Height = y(R.EOT + 1) + 10;
    DiagramWidth = Width;
    OS << fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spacetime\" "
                      "id=\"{2}\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
                      "role=\"img\">\n",
                      Width, Height, Id);
    // Filled heads for messages that arrive, open ones for those in flight.
    OS << fmt::format(
        "<defs><marker id=\"{0}-head\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
        "markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path "
        "d=\"M0,0 L10,5 L0,10 z\" class=\"head\"/></marker><marker id=\"{0}-open-head\" "
        "viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
        "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10\" class=\"open-head\"/>"
        "</marker></defs>\n",
        Id);
    drawTimeAxis();
    for (size_t I = 0; I < Nodes.size(); ++I)
      drawLane(I);
    for (const eval::Message &M : R.Messages)
      if (!ir::travelsWithMessage(R.RelNames[M.Rel]))
        drawMessage(M);
    for (const Crash &C : R.Faults.Crashes)
      drawCrash(C);
    for (const Restart &Re : R.Faults.Restarts)
      drawRestart(Re);
    for (const eval::TimerArming &A : R.Timers)
      if (A.FiredAt)
        drawTimer(A);
    drawSteps(Steps);
    OS << "</svg>\n";
    return Out;
  }

private:
  /// Each time's row is tall enough for its labels, which never overlap:
  /// the handler names written under each step (a band as deep as the most
  /// handlers one node runs at that time), then one line per message sent
  /// at that time, each arrow's label on its own line.
  void layOutRows(const std::vector<StoryStep> &Steps) {
    std::map<std::pair<std::string, int>, int> Handlers;
    std::map<int, int> Stack; // the most handler lines of a node, by time
    for (const StoryStep &S : Steps)
      if (!S.Node.empty() && !S.Handler.empty())
        Stack[S.Time] = std::max(Stack[S.Time], ++Handlers[{S.Node, S.Time}]);
    std::map<int, int> Sent;
    for (const eval::Message &M : R.Messages)
      if (!ir::travelsWithMessage(R.RelNames[M.Rel]))
        LabelLine[&M] = Sent[M.SendTime]++;
    RowTop.assign(R.EOT + 3, Top);
    Band.assign(R.EOT + 2, 0);
    for (int T = 0; T <= R.EOT + 1; ++T) {
      Band[T] = 6 + HandlerLine * std::max(1, Stack[T]);
      int Height = std::max(RowHeight, Band[T] + MessageLine * Sent[T] + 8);
      RowTop[T + 1] = RowTop[T] + Height;
    }
  }
  int y(int Time) const {
    return RowTop[std::clamp(Time, 0, static_cast<int>(RowTop.size()) - 1)];
  }
  int RowHeightAt(int Time) const { return y(Time + 1) - y(Time); }
  int x(const std::string &Node) const {
    auto It = std::find(Nodes.begin(), Nodes.end(), Node);
    return Left + LaneWidth / 2 +
           LaneWidth * static_cast<int>(It == Nodes.end() ? 0 : It - Nodes.begin());
  }
  std::optional<int> crashTime(const std::string &Node) const {
    for (const Crash &C : R.Faults.Crashes)
      if (C.Node == Node)
        return C.Time;
    return std::nullopt;
  }

  void drawTimeAxis() {
    for (int T = 1; T <= R.EOT; ++T)
      OS << fmt::format("<text class=\"time\" x=\"{}\" y=\"{}\">{}</text>\n", Left - 12, y(T) + 4,
                        T);
  }

  void drawLane(size_t I) {
    const std::string &Node = Nodes[I];
    int X = x(Node);
    std::optional<int> Crashed = crashTime(Node);
    int Alive = Crashed ? y(*Crashed) : y(R.EOT) + RowHeightAt(R.EOT) / 2;
    OS << fmt::format("<g class=\"lane\" data-node=\"{}\">", escaped(Node));
    OS << fmt::format("<text class=\"node\" x=\"{}\" y=\"{}\">{}</text>", X, Top - 8,
                      escaped(Node));
    OS << fmt::format("<line class=\"lane-line\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>", X,
                      Top, Alive);
    // Down from the crash until the restart (or the end); a restarted node's
    // lane goes on from its restart.
    std::optional<int> Back = R.Faults.restartTime(Node);
    int End = y(R.EOT) + RowHeightAt(R.EOT) / 2;
    if (Crashed)
      OS << fmt::format("<line class=\"lane-dead\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>",
                        X, Alive, Back ? y(*Back) : End);
    if (Back)
      OS << fmt::format("<line class=\"lane-line\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>",
                        X, y(*Back), End);
    OS << "</g>\n";
  }

  void drawMessage(const eval::Message &M) {
    int X1 = x(M.From), Y1 = y(M.SendTime), X2 = x(M.To), Y2 = y(M.SendTime + 1);
    bool Lost = M.Fate == eval::MessageFate::Omitted;
    bool InFlight = M.Fate == eval::MessageFate::AfterEOT;
    if (InFlight) // stop short of the receiver: it never gets there
      X2 = X1 + (X2 - X1) * 3 / 5, Y2 = Y1 + (Y2 - Y1) * 3 / 5;
    std::string Label = messageText(M, R, Syms, Text);
    OS << fmt::format("<g class=\"msg {}\" data-from=\"{}\" data-to=\"{}\" data-time=\"{}\" "
                      "data-fate=\"{}\" data-relation=\"{}\">",
                      fateName(M.Fate), escaped(M.From), escaped(M.To), M.SendTime,
                      fateName(M.Fate), escaped(R.RelNames[M.Rel]));
    OS << fmt::format("<title>{} {} -> {} at {}: {}</title>", escaped(Label), escaped(M.From),
                      escaped(M.To), M.SendTime, fateName(M.Fate));
    if (Lost) {
      // The message dies halfway: a dashed stub and a cross.
      int XM = (X1 + X2) / 2, YM = (Y1 + Y2) / 2;
      OS << fmt::format("<line class=\"arrow lost\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                        X1, Y1, XM, YM);
      OS << fmt::format("<path class=\"lost-mark\" d=\"M{0},{1} l10,10 m-10,0 l10,-10\"/>",
                        XM - 5, YM - 5);
    } else {
      OS << fmt::format("<line class=\"arrow\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" "
                        "marker-end=\"url(#{}-{})\"/>",
                        X1, Y1, X2, Y2, Id, InFlight ? "open-head" : "head");
    }
    // The payload on the arrow, not only in its tooltip: on the line this
    // message has below the handler names of its row, centred where the
    // arrow crosses that line and kept within the diagram.
    int YL = Y1 + Band[std::clamp(M.SendTime, 0, static_cast<int>(Band.size()) - 1)] +
             MessageLine * LabelLine[&M] + 8;
    int FullY2 = y(M.SendTime + 1);
    double Along = FullY2 > Y1 ? static_cast<double>(YL - Y1) / (FullY2 - Y1) : 0.5;
    double Half = MessageCharWidth * static_cast<double>(Label.size()) / 2;
    double XL = x(M.From) + (x(M.To) - x(M.From)) * Along;
    XL = std::max(XL, Half + 2);
    XL = std::min(XL, std::max(Half + 2, DiagramWidth - Half - 2));
    OS << fmt::format("<text class=\"msg-label\" x=\"{}\" y=\"{}\">{}</text>",
                      static_cast<int>(XL), YL, escaped(Label));
    OS << "</g>\n";
  }

  void drawCrash(const Crash &C) {
    int X = x(C.Node), Y = y(C.Time);
    OS << fmt::format("<g class=\"crash\" data-node=\"{}\" data-time=\"{}\"><title>{} crashes "
                      "at {}</title><path class=\"crash-mark\" d=\"M{},{} l16,16 m-16,0 "
                      "l16,-16\"/><text class=\"crash-label\" x=\"{}\" y=\"{}\">crash</text></g>\n",
                      escaped(C.Node), C.Time, escaped(C.Node), C.Time, X - 8, Y - 8, X + 12,
                      Y + 4);
  }

  void drawRestart(const Restart &Re) {
    int X = x(Re.Node), Y = y(Re.Time);
    OS << fmt::format("<g class=\"restart\" data-node=\"{}\" data-time=\"{}\"><title>{} restarts "
                      "at {}, with only its durable state</title><circle class=\"restart-mark\" "
                      "cx=\"{}\" cy=\"{}\" r=\"6\"/><text class=\"crash-label\" x=\"{}\" "
                      "y=\"{}\">restart</text></g>\n",
                      escaped(Re.Node), Re.Time, escaped(Re.Node), Re.Time, X, Y, X + 12, Y + 4);
  }

  void drawTimer(const eval::TimerArming &A) {
    int X = x(A.Node), Y = y(A.FiredAt);
    OS << fmt::format("<g class=\"timer\" data-node=\"{0}\" data-time=\"{1}\" data-timer=\"{2}\" "
                      "data-due=\"{3}\"><title>{0}'s timer {2} fires at {1} (armed at {4}, due "
                      "{3})</title><circle class=\"timer-mark\" cx=\"{5}\" cy=\"{6}\" r=\"6\"/>"
                      "<path class=\"timer-mark\" d=\"M{5},{6} v-4 M{5},{6} h3\"/><text "
                      "class=\"timer-label\" x=\"{7}\" y=\"{8}\">{2}</text></g>\n",
                      escaped(A.Node), A.FiredAt, escaped(A.Timer), A.Due, A.ArmTime, X, Y,
                      X - 9, Y + 4);
  }

  void drawSteps(const std::vector<StoryStep> &Steps) {
    // Several handlers at one node and time are written one under another.
    std::map<std::pair<std::string, int>, int> Written;
    for (const StoryStep &S : Steps) {
      if (S.Node.empty() || S.Handler.empty())
        continue;
      int Line = Written[{S.Node, S.Time}]++;
      int X = x(S.Node), Y = y(S.Time);
      OS << fmt::format("<g class=\"step\" data-node=\"{}\" data-time=\"{}\"><title>{}</title>"
                        "<circle cx=\"{}\" cy=\"{}\" r=\"4\"/><text class=\"handler\" x=\"{}\" "
                        "y=\"{}\">{}</text></g>\n",
                        escaped(S.Node), S.Time, escaped(S.Text), X, Y, X + 7,
                        Y + 14 + 12 * Line, escaped(S.Handler));
    }
  }

  const eval::Run &R;
  const std::vector<std::string> &Nodes;
  const eval::SymbolTable &Syms;
  const std::string &Id; ///< Unique in the page: the arrowheads' ids start with it.
  const MessageTextFn &Text;
  /// The top of each time's row (RowTop[T] is y(T)), the depth of its
  /// handler names, and the line of each message's label in its row.
  std::vector<int> RowTop, Band;
  std::map<const eval::Message *, int> LabelLine;
  double DiagramWidth = 0;
  std::string Out;
  llvm::raw_string_ostream OS{Out};
};

} // namespace

std::string messageText(const eval::Message &M, const eval::Run &R,
                        const eval::SymbolTable &Syms, const MessageTextFn &MessageText) {
  if (MessageText)
    if (std::string Text = MessageText(M); !Text.empty())
      return Text;
  // The receiver is the arrow's end: the columns after it.
  eval::Tuple Payload(M.Values.begin() + std::min<size_t>(1, M.Values.size()), M.Values.end());
  return fmt::format("{}({})", R.RelNames[M.Rel], Syms.render(Payload));
}

std::string spacetimeSvg(const eval::Run &R, const std::vector<std::string> &Nodes,
                         const eval::SymbolTable &Syms, const std::vector<StoryStep> &Steps,
                         const std::string &Id, const MessageTextFn &MessageText) {
  return Diagram(R, Nodes, Syms, Id, MessageText).render(Steps);
}

} // namespace faultline::report

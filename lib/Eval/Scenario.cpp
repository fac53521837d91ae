//===- Scenario.cpp - Failure scenarios and their checks ------------------===//

#include "faultline/Eval/Scenario.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>

namespace faultline::eval {

void FaultSet::normalize() {
  std::sort(Crashes.begin(), Crashes.end());
  Crashes.erase(std::unique(Crashes.begin(), Crashes.end()), Crashes.end());
  std::sort(Omissions.begin(), Omissions.end());
  Omissions.erase(std::unique(Omissions.begin(), Omissions.end()), Omissions.end());
}

std::optional<int> FaultSet::crashTime(const std::string &Node) const {
  for (const Crash &C : Crashes)
    if (C.Node == Node)
      return C.Time;
  return std::nullopt;
}

bool FaultSet::omits(const std::string &From, const std::string &To, int T) const {
  return std::binary_search(Omissions.begin(), Omissions.end(), Omission{From, To, T});
}

std::string FaultSet::describe() const {
  if (empty())
    return "no faults";
  std::string Out;
  for (const Crash &C : Crashes)
    Out += fmt::format("{}crash {}@{}", Out.empty() ? "" : ", ", C.Node, C.Time);
  for (const Omission &O : Omissions)
    Out += fmt::format("{}omit {}->{}@{}", Out.empty() ? "" : ", ", O.From, O.To, O.Time);
  return Out;
}

std::optional<std::string> checkScenario(const Bounds &B, const FaultSet &F) {
  if (B.EOT < 1 || B.EOT > MaxEOT)
    return fmt::format("EOT must be between 1 and {} (got {})", MaxEOT, B.EOT);
  if (B.EFF < 0 || B.EFF > B.EOT)
    return fmt::format("EFF must be between 0 and EOT={} (got {})", B.EOT, B.EFF);
  if (B.MaxCrashes < 0)
    return fmt::format("the number of crashes cannot be negative (got {})", B.MaxCrashes);
  if (B.Nodes.empty())
    return std::string("the node list is empty (use --nodes a,b,c)");
  std::set<std::string> Nodes;
  for (const std::string &N : B.Nodes) {
    if (N.empty())
      return std::string("the node list contains an empty name");
    if (!Nodes.insert(N).second)
      return fmt::format("node '{}' is listed twice", N);
  }
  if (static_cast<size_t>(B.MaxCrashes) > B.Nodes.size())
    return fmt::format("--crashes={} exceeds the number of nodes ({})", B.MaxCrashes,
                       B.Nodes.size());
  std::set<std::string> Crashed;
  for (const Crash &C : F.Crashes) {
    if (!Nodes.count(C.Node))
      return fmt::format("crash of unknown node '{}'", C.Node);
    if (C.Time < 1 || C.Time > B.EOT)
      return fmt::format("crash time {} of '{}' is outside 1..EOT={}", C.Time, C.Node, B.EOT);
    if (!Crashed.insert(C.Node).second)
      return fmt::format("node '{}' crashes more than once", C.Node);
  }
  if (F.Crashes.size() > static_cast<size_t>(B.MaxCrashes))
    return fmt::format("{} crashes given but --crashes allows {}", F.Crashes.size(),
                       B.MaxCrashes);
  for (const Omission &O : F.Omissions) {
    if (!Nodes.count(O.From) || !Nodes.count(O.To))
      return fmt::format("omission {}->{} names an unknown node", O.From, O.To);
    if (O.From == O.To)
      return fmt::format("omission {}->{}: messages to self are never lost", O.From, O.To);
    if (O.Time < 1 || O.Time >= B.EFF)
      return fmt::format("omission {}->{}@{} is not before EFF={} (omissions need 1 <= time < EFF)",
                         O.From, O.To, O.Time, B.EFF);
  }
  return std::nullopt;
}

static std::vector<std::string> splitCommas(const std::string &Text) {
  std::vector<std::string> Parts;
  size_t Start = 0;
  while (true) {
    size_t Comma = Text.find(',', Start);
    Parts.push_back(Text.substr(Start, Comma - Start));
    if (Comma == std::string::npos)
      return Parts;
    Start = Comma + 1;
  }
}

static std::optional<int> parseTime(const std::string &S) {
  int V = 0;
  auto [Ptr, Ec] = std::from_chars(S.data(), S.data() + S.size(), V);
  if (Ec != std::errc() || Ptr != S.data() + S.size())
    return std::nullopt;
  return V;
}

std::optional<Omission> parseOmission(const std::string &Text) {
  auto Parts = splitCommas(Text);
  if (Parts.size() != 3 || Parts[0].empty() || Parts[1].empty())
    return std::nullopt;
  auto T = parseTime(Parts[2]);
  if (!T)
    return std::nullopt;
  return Omission{Parts[0], Parts[1], *T};
}

std::optional<Crash> parseCrash(const std::string &Text) {
  auto Parts = splitCommas(Text);
  if (Parts.size() != 2 || Parts[0].empty())
    return std::nullopt;
  auto T = parseTime(Parts[1]);
  if (!T)
    return std::nullopt;
  return Crash{Parts[0], *T};
}

} // namespace faultline::eval

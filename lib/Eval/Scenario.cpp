//===- Scenario.cpp - Faults as the command line spells them --------------===//

#include "faultline/Eval/Scenario.h"

#include <charconv>

namespace faultline::eval {

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

std::optional<TimerDelay> parseTimerDelay(const std::string &Text) {
  auto Parts = splitCommas(Text);
  if (Parts.size() != 4 || Parts[0].empty() || Parts[1].empty())
    return std::nullopt;
  auto Due = parseTime(Parts[2]);
  auto Delay = parseTime(Parts[3]);
  if (!Due || !Delay)
    return std::nullopt;
  return TimerDelay{Parts[0], Parts[1], *Due, *Delay};
}

} // namespace faultline::eval

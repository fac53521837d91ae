//===- faultline/schedule_json.h - Fault schedule files ---------*- C++ -*-===//
//
// The fault schedule file, read and written in one place: `faultline check
// --emit-schedules DIR` writes one per counterexample (lib/Report), and a
// protocol's replay binary (faultline/sim/replay.h) reads it to run the
// compiled code under the same faults. Needs the JSON library nlohmann-json
// (Debian's nlohmann-json3-dev) and nothing else, so that a replay builds
// without LLVM. The schema is in docs/json-schema.md.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SCHEDULE_JSON_H
#define FAULTLINE_SCHEDULE_JSON_H

#include "faultline/faults.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace faultline {

/// The version of the schedule schema, which the reader checks.
inline constexpr int ScheduleVersion = 1;

/// A schedule that cannot be read: the message names the file and field.
class ScheduleError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// A fault schedule file.
struct Schedule {
  std::string Scenario; ///< Empty if the file does not name one.
  /// The fingerprint of the model the schedule comes from; empty if the
  /// file has none (a schedule written by hand).
  std::string Model;
  /// The bounds of the run, if the file gives them; their Nodes are empty
  /// if it does not list them.
  std::optional<Bounds> B;
  FaultSet F;
  std::vector<std::string> Violated;
  bool HasViolated = false; ///< Whether the file says what the run violates.
};

namespace detail {

/// Reads the fields of a schedule, naming the path of a bad one.
class ScheduleReader {
public:
  explicit ScheduleReader(std::string File) : File(std::move(File)) {}

  /// Every key is checked: a misspelled `faults` used to replay the run
  /// without faults and report the counterexample as not confirmed.
  Schedule read(const nlohmann::json &Doc) {
    if (!Doc.is_object())
      fail("", "expected an object");
    onlyKeys(Doc, "", {"version", "scenario", "model", "bounds", "faults", "violated"});
    Schedule S;
    if (Doc.contains("version") && integer(Doc.at("version"), "version") != ScheduleVersion)
      fail("version", "unsupported version (this replay reads version " +
                          std::to_string(ScheduleVersion) + ")");
    if (Doc.contains("scenario"))
      S.Scenario = text(Doc.at("scenario"), "scenario");
    if (Doc.contains("model"))
      S.Model = text(Doc.at("model"), "model");
    if (Doc.contains("bounds")) {
      const nlohmann::json &B = object(Doc.at("bounds"), "bounds");
      onlyKeys(B, "bounds", {"eot", "eff", "crashes", "nodes", "restarts", "timer_slack"});
      S.B = Bounds{integer(field(B, "eot", "bounds"), "bounds.eot"),
                   integer(field(B, "eff", "bounds"), "bounds.eff"),
                   integer(field(B, "crashes", "bounds"), "bounds.crashes"),
                   {}};
      if (B.contains("nodes"))
        S.B->Nodes = texts(B.at("nodes"), "bounds.nodes");
      if (B.contains("restarts"))
        S.B->MaxRestarts = integer(B.at("restarts"), "bounds.restarts");
      if (B.contains("timer_slack"))
        S.B->TimerSlack = integer(B.at("timer_slack"), "bounds.timer_slack");
    }
    if (Doc.contains("faults")) {
      const nlohmann::json &F = object(Doc.at("faults"), "faults");
      // Either list may be left out (none of that kind), not misspelled.
      onlyKeys(F, "faults", {"crashes", "omissions", "restarts", "timer_delays"});
      if (F.contains("crashes"))
        each(F.at("crashes"), "faults.crashes",
             [&](const nlohmann::json &C, const std::string &At) {
               onlyKeys(object(C, At), At, {"node", "time"});
               S.F.Crashes.push_back({text(field(C, "node", At), At + ".node"),
                                      integer(field(C, "time", At), At + ".time")});
             });
      if (F.contains("restarts"))
        each(F.at("restarts"), "faults.restarts",
             [&](const nlohmann::json &R, const std::string &At) {
               onlyKeys(object(R, At), At, {"node", "time"});
               S.F.Restarts.push_back({text(field(R, "node", At), At + ".node"),
                                       integer(field(R, "time", At), At + ".time")});
             });
      if (F.contains("timer_delays"))
        each(F.at("timer_delays"), "faults.timer_delays",
             [&](const nlohmann::json &D, const std::string &At) {
               onlyKeys(object(D, At), At, {"node", "timer", "due", "delay"});
               S.F.TimerDelays.push_back({text(field(D, "node", At), At + ".node"),
                                          text(field(D, "timer", At), At + ".timer"),
                                          integer(field(D, "due", At), At + ".due"),
                                          integer(field(D, "delay", At), At + ".delay")});
             });
      if (F.contains("omissions"))
        each(F.at("omissions"), "faults.omissions",
             [&](const nlohmann::json &O, const std::string &At) {
               onlyKeys(object(O, At), At, {"from", "to", "time"});
               S.F.Omissions.push_back({text(field(O, "from", At), At + ".from"),
                                        text(field(O, "to", At), At + ".to"),
                                        integer(field(O, "time", At), At + ".time")});
             });
    }
    if (Doc.contains("violated")) {
      S.Violated = texts(Doc.at("violated"), "violated");
      S.HasViolated = true;
    }
    // The faults are the point of a schedule; a fault-free replay needs
    // none (`"faults": {}` says so explicitly).
    if (!Doc.contains("faults"))
      fail("", "missing \"faults\" (write \"faults\": {} for a run without faults)");
    return S;
  }

private:
  [[noreturn]] void fail(const std::string &Where, const std::string &What) const {
    throw ScheduleError("schedule '" + File + "'" + (Where.empty() ? "" : ": " + Where) + ": " + What);
  }
  const nlohmann::json &object(const nlohmann::json &V, const std::string &Where) const {
    if (!V.is_object())
      fail(Where, "expected an object");
    return V;
  }
  void onlyKeys(const nlohmann::json &Object, const std::string &Where,
                std::initializer_list<const char *> Known) const {
    for (auto It = Object.begin(); It != Object.end(); ++It) {
      bool Ok = false;
      std::string List;
      for (const char *K : Known) {
        Ok = Ok || It.key() == K;
        List += (List.empty() ? "" : ", ") + std::string(K);
      }
      if (!Ok)
        fail(Where, "unknown key \"" + It.key() + "\" (expected " + List + ")");
    }
  }
  const nlohmann::json &field(const nlohmann::json &Object, const char *Name,
                              const std::string &Where) const {
    if (!Object.contains(Name))
      fail(Where, std::string("missing \"") + Name + "\"");
    return Object.at(Name);
  }
  int integer(const nlohmann::json &V, const std::string &Where) const {
    if (!V.is_number_integer())
      fail(Where, "expected an integer");
    long long I = V.get<long long>();
    if (I < INT_MIN || I > INT_MAX)
      fail(Where, "integer out of range");
    return static_cast<int>(I);
  }
  std::string text(const nlohmann::json &V, const std::string &Where) const {
    if (!V.is_string())
      fail(Where, "expected a string");
    return V.get<std::string>();
  }
  template <class Fn> void each(const nlohmann::json &V, const std::string &Where, Fn &&Visit) {
    if (!V.is_array())
      fail(Where, "expected an array");
    for (size_t I = 0; I < V.size(); ++I)
      Visit(V[I], Where + "[" + std::to_string(I) + "]");
  }
  std::vector<std::string> texts(const nlohmann::json &V, const std::string &Where) {
    std::vector<std::string> Out;
    each(V, Where,
         [&](const nlohmann::json &E, const std::string &At) { Out.push_back(text(E, At)); });
    return Out;
  }

  std::string File;
};

} // namespace detail

/// The largest schedule file read: a real one is a few hundred bytes.
inline constexpr std::uintmax_t MaxScheduleBytes = 16u << 20;

/// Reads a schedule file; throws ScheduleError, naming the file and the field, if
/// it cannot be read or is not a schedule. Only a regular file of at most
/// MaxScheduleBytes is read: a device or a pipe (/dev/zero) would never end.
inline Schedule readSchedule(const std::string &Path) {
  std::error_code EC;
  std::filesystem::file_status Status = std::filesystem::status(Path, EC);
  if (!EC && std::filesystem::exists(Status) && !std::filesystem::is_regular_file(Status))
    throw ScheduleError("schedule '" + Path + "' is not a regular file");
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    throw ScheduleError("cannot read schedule '" + Path + "'");
  std::string Text;
  char Chunk[4096];
  while (Text.size() <= MaxScheduleBytes && In.read(Chunk, sizeof Chunk).gcount() > 0)
    Text.append(Chunk, static_cast<size_t>(In.gcount()));
  if (Text.size() > MaxScheduleBytes)
    throw ScheduleError("schedule '" + Path + "' is larger than " +
                        std::to_string(MaxScheduleBytes) + " bytes");
  nlohmann::json Doc;
  try {
    Doc = nlohmann::json::parse(Text);
  } catch (const nlohmann::json::exception &E) {
    throw ScheduleError("schedule '" + Path + "' is not valid JSON: " + E.what());
  }
  return detail::ScheduleReader(Path).read(Doc);
}

inline nlohmann::json faultsJSON(const FaultSet &F) {
  nlohmann::json Crashes = nlohmann::json::array(), Omissions = nlohmann::json::array();
  for (const Crash &C : F.Crashes)
    Crashes.push_back({{"node", C.Node}, {"time", C.Time}});
  for (const Omission &O : F.Omissions)
    Omissions.push_back({{"from", O.From}, {"to", O.To}, {"time", O.Time}});
  nlohmann::json Out = {{"crashes", Crashes}, {"omissions", Omissions}};
  // Only when there are some: schedules without restarts stay as they were.
  if (!F.Restarts.empty()) {
    nlohmann::json Restarts = nlohmann::json::array();
    for (const Restart &R : F.Restarts)
      Restarts.push_back({{"node", R.Node}, {"time", R.Time}});
    Out["restarts"] = Restarts;
  }
  if (!F.TimerDelays.empty()) {
    nlohmann::json Delays = nlohmann::json::array();
    for (const TimerDelay &D : F.TimerDelays)
      Delays.push_back({{"node", D.Node}, {"timer", D.Timer}, {"due", D.Due}, {"delay", D.Delay}});
    Out["timer_delays"] = Delays;
  }
  return Out;
}

inline nlohmann::json boundsJSON(const Bounds &B) {
  nlohmann::json Out = {
      {"eot", B.EOT}, {"eff", B.EFF}, {"crashes", B.MaxCrashes}, {"nodes", B.Nodes}};
  if (B.MaxRestarts > 0)
    Out["restarts"] = B.MaxRestarts;
  if (B.TimerSlack > 0)
    Out["timer_slack"] = B.TimerSlack;
  return Out;
}

/// The schedule file's document; its text is scheduleJSON(S).dump(2).
inline nlohmann::json scheduleJSON(const Schedule &S) {
  nlohmann::json Doc = {{"version", ScheduleVersion}, {"faults", faultsJSON(S.F)}};
  if (!S.Scenario.empty())
    Doc["scenario"] = S.Scenario;
  if (!S.Model.empty())
    Doc["model"] = S.Model;
  if (S.B)
    Doc["bounds"] = boundsJSON(*S.B);
  if (S.HasViolated)
    Doc["violated"] = S.Violated;
  return Doc;
}

} // namespace faultline

#endif // FAULTLINE_SCHEDULE_JSON_H

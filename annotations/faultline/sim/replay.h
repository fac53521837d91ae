//===- faultline/sim/replay.h - The replay command line ---------*- C++ -*-===//
//
// The main function of a protocol's replay binary (the examples' are built
// by faultline_add_simulation() in cmake/FaultlineSimulation.cmake):
//
//   NAME-replay [--scenario NAME] [--schedule FILE.json]
//               [--random N [--seed S]] [--trace] [--state]
//               [--format text|json] [--list]
//
// runs the compiled protocol in the simulator, fault-free, under a
// schedule that `faultline check --emit-schedules` wrote, or under N random
// schedules within the scenario's bounds. Exit codes as faultline's: 0 no
// invariant fails, 1 one does, 2 bad input (unknown scenario or option, a
// missing or malformed schedule, faults that do not fit), 3 the protocol
// threw an exception.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SIM_REPLAY_H
#define FAULTLINE_SIM_REPLAY_H

#include "faultline/sim/json.h"
#include "faultline/sim/report.h"
#include "faultline/sim/simulator.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace faultline::sim {

/// The fingerprint of each scenario's model, as `faultline extract
/// --fingerprints` prints it for the sources the replay was built from
/// (faultline_add_simulation's MODEL); empty where it was not computed.
using ModelFingerprints = std::map<std::string, std::string>;

struct ReplayOptions {
  std::string Scenario;
  std::string ScheduleFile;
  long long Random = 0; ///< 0: one run.
  unsigned long long Seed = 1;
  bool Trace = false;
  bool State = false;
  bool JSON = false;
  bool List = false;
};

namespace detail {

inline std::string replayUsage(const std::string &Tool) {
  return "usage: " + Tool +
         " [--scenario NAME] [--schedule FILE.json] [--random N [--seed S]]\n"
         "          [--trace] [--state] [--format text|json] [--list]\n"
         "Runs the compiled protocol in faultline's simulator: fault-free, under a fault\n"
         "schedule written by `faultline check --emit-schedules`, or under N random\n"
         "schedules within the scenario's bounds. Exit codes: 0 every invariant holds,\n"
         "1 an invariant fails, 2 bad input, 3 the protocol threw.\n";
}

/// A whole-string integer within [Min, Max], or nothing.
inline std::optional<long long> parseInteger(const std::string &Text, long long Min,
                                             long long Max) {
  if (Text.empty())
    return std::nullopt;
  char *End = nullptr;
  errno = 0;
  long long V = std::strtoll(Text.c_str(), &End, 10);
  if (errno || *End || V < Min || V > Max)
    return std::nullopt;
  return V;
}

/// Parses the command line; throws Error on anything it does not know.
inline ReplayOptions parseReplayOptions(int Argc, char **Argv, bool &Help) {
  ReplayOptions O;
  std::set<std::string> Seen;
  for (int I = 1; I < Argc; ++I) {
    std::string Arg = Argv[I], Value;
    bool HasValue = false;
    if (size_t Eq = Arg.find('='); Arg.rfind("--", 0) == 0 && Eq != std::string::npos) {
      Value = Arg.substr(Eq + 1);
      Arg = Arg.substr(0, Eq);
      HasValue = true;
    }
    auto Take = [&]() {
      if (HasValue)
        return Value;
      if (I + 1 >= Argc)
        throw Error("option " + Arg + " needs a value");
      return std::string(Argv[++I]);
    };
    auto Flag = [&]() {
      if (HasValue)
        throw Error("option " + Arg + " takes no value");
      return true;
    };
    if (Arg != "--help" && Arg != "-h" && !Seen.insert(Arg).second)
      throw Error("option " + Arg + " is given twice");
    if (Arg == "--help" || Arg == "-h") {
      Help = true;
    } else if (Arg == "--scenario") {
      O.Scenario = Take();
    } else if (Arg == "--schedule") {
      O.ScheduleFile = Take();
    } else if (Arg == "--random") {
      std::string N = Take();
      auto V = parseInteger(N, 1, 100000000);
      if (!V)
        throw Error("--random needs a number of runs from 1 to 100000000 (got '" + N + "')");
      O.Random = *V;
    } else if (Arg == "--seed") {
      std::string S = Take();
      auto V = parseInteger(S, 0, LLONG_MAX);
      if (!V)
        throw Error("--seed needs a non-negative integer (got '" + S + "')");
      O.Seed = static_cast<unsigned long long>(*V);
    } else if (Arg == "--format") {
      std::string F = Take();
      if (F != "text" && F != "json")
        throw Error("--format is text or json (got '" + F + "')");
      O.JSON = F == "json";
    } else if (Arg == "--trace") {
      O.Trace = Flag();
    } else if (Arg == "--state") {
      O.State = Flag();
    } else if (Arg == "--list") {
      O.List = Flag();
    } else {
      throw Error("unknown argument '" + std::string(Argv[I]) + "'");
    }
  }
  if (O.Random && !O.ScheduleFile.empty())
    throw Error("--random and --schedule exclude each other");
  if (Seen.count("--seed") && !O.Random)
    throw Error("--seed goes with --random");
  return O;
}

inline void printWarnings(const std::string &Tool, const Outcome &O) {
  for (const std::string &W : O.Warnings)
    std::cerr << Tool << ": warning: " << W << "\n";
}

inline int listScenarios(const Simulator &Sim) {
  for (const std::string &Name : Sim.scenarioNames()) {
    Bounds B = Sim.shape(Name);
    std::string List;
    for (const NodeId &N : B.Nodes)
      List += (List.empty() ? "" : ",") + N;
    std::cout << Name << ": EOT " << B.EOT << ", EFF " << B.EFF << ", crashes " << B.MaxCrashes
              << (B.MaxRestarts > 0 ? ", restarts " + std::to_string(B.MaxRestarts) : "")
              << (B.TimerSlack > 0 ? ", timer slack " + std::to_string(B.TimerSlack) : "")
              << ", nodes " << List << "\n";
  }
  return 0;
}

/// One run: fault-free, or under the schedule of a file.
inline int replayOnce(const std::string &Tool, const Simulator &Sim, const ReplayOptions &O,
                      const ModelFingerprints &Models) {
  Schedule S;
  if (!O.ScheduleFile.empty())
    S = readSchedule(O.ScheduleFile);
  std::string Name = O.Scenario.empty() ? S.Scenario : O.Scenario;
  if (Name.empty())
    throw Error("name the scenario with --scenario (scenarios: " + joinNames(Sim.scenarioNames()) +
                ")");
  if (!O.Scenario.empty() && !S.Scenario.empty() && S.Scenario != O.Scenario)
    throw Error("the schedule is for scenario '" + S.Scenario + "', not '" + O.Scenario + "'");
  if (!Sim.hasScenario(Name))
    throw Error("no scenario named '" + Name + "' (scenarios: " + joinNames(Sim.scenarioNames()) +
                ")");
  // A schedule of another version of the protocol names the same scenario
  // but its faults mean another run: replaying it would confirm or refute
  // nothing.
  if (auto Built = Models.find(Name); !S.Model.empty() && Built != Models.end() &&
                                      Built->second != S.Model)
    throw Error("the schedule comes from another version of scenario '" + Name + "' (model " +
                S.Model + "; this replay was built from model " + Built->second +
                "): run faultline check --emit-schedules again on the sources of this build");
  if (S.B && !S.B->Nodes.empty()) {
    std::vector<NodeId> Have = Sim.shape(Name).Nodes, Want = S.B->Nodes;
    std::sort(Have.begin(), Have.end());
    std::sort(Want.begin(), Want.end());
    if (Have != Want)
      throw Error("the schedule names nodes " + joinNames(S.B->Nodes) + " but scenario '" + Name +
                  "' has " + joinNames(Sim.shape(Name).Nodes));
  }
  Outcome Out = Sim.run(Name, S.F, S.B);
  printWarnings(Tool, Out);
  if (O.JSON) {
    std::cout << outcomeJSON(Out).dump(2) << "\n";
  } else {
    ReportOptions R;
    R.Trace = O.Trace;
    R.State = O.State;
    R.Expected = S.Violated;
    R.HasExpected = S.HasViolated;
    printOutcome(std::cout, Out, R);
  }
  return Out.violates() ? 1 : 0;
}

/// N runs under random schedules within the scenario's bounds.
inline int replayRandom(const std::string &Tool, const Simulator &Sim, const ReplayOptions &O) {
  if (O.Scenario.empty())
    throw Error("name the scenario with --scenario (scenarios: " + joinNames(Sim.scenarioNames()) +
                ")");
  Bounds B = Sim.shape(O.Scenario);
  if (auto Problem = checkFaults(B, FaultSet()))
    throw Error("scenario '" + O.Scenario + "': " + *Problem);
  Random R(O.Seed);
  long long Violating = 0;
  std::optional<Outcome> First;
  std::set<std::string> Warned;
  std::vector<std::string> Timers = Sim.timerNames();
  for (long long I = 0; I < O.Random; ++I) {
    FaultSet F = randomFaults(B, R);
    // Which armings a run makes is known only by running it: each timer of
    // each node may be late at each step it could be due (a delay of an
    // arming the run does not make changes nothing). Nothing is drawn
    // without slack, so a seed gives the schedules it gave before timers.
    if (B.TimerSlack > 0 && !Timers.empty()) {
      double Rate = R.unit();
      for (const NodeId &N : B.Nodes)
        for (const std::string &Timer : Timers)
          for (int Due = 2; Due <= B.EOT; ++Due)
            if (R.unit() < Rate)
              F.TimerDelays.push_back(
                  {N, Timer, Due, 1 + static_cast<int>(R.below(B.TimerSlack))});
    }
    Outcome Out = Sim.run(O.Scenario, F);
    if (!Out.Warnings.empty() && Warned.insert(Out.F.describe()).second)
      printWarnings(Tool, Out);
    if (Out.violates() && !Violating++)
      First = std::move(Out);
  }
  std::string Within = "EOT " + std::to_string(B.EOT) + ", EFF " + std::to_string(B.EFF) + ", " +
                       std::to_string(B.MaxCrashes) + (B.MaxCrashes == 1 ? " crash" : " crashes") +
                       (B.MaxRestarts > 0 ? ", " + std::to_string(B.MaxRestarts) +
                                                (B.MaxRestarts == 1 ? " restart" : " restarts")
                                          : "") +
                       (B.TimerSlack > 0 ? ", timer slack " + std::to_string(B.TimerSlack) : "");
  if (O.JSON) {
    nlohmann::json Doc = {{"scenario", O.Scenario},
                          {"runs", O.Random},
                          {"seed", O.Seed},
                          {"violating", Violating},
                          {"first_violation", First ? outcomeJSON(*First) : nlohmann::json()}};
    std::cout << Doc.dump(2) << "\n";
  } else {
    std::cout << "scenario '" << O.Scenario << "': " << O.Random << " random schedules (seed "
              << O.Seed << ") within " << Within << ": ";
    if (!Violating) {
      std::cout << "none violates an invariant\n";
    } else {
      std::cout << Violating << " violate an invariant; the first:\n";
      ReportOptions RO;
      RO.Trace = O.Trace;
      RO.State = O.State;
      printOutcome(std::cout, *First, RO);
    }
  }
  return Violating ? 1 : 0;
}

} // namespace detail

/// A failed C `assert` in the protocol's code (the generated main routes
/// glibc's __assert_fail here; the replay compiles the protocol without
/// NDEBUG): the compiled code stops there, as faultline's model of the
/// assert says; the replay tells where, as faultline's report does, and
/// exits with 1 (a violation).
[[noreturn]] inline void assertFailed(const char *Assertion, const char *File,
                                      unsigned Line) noexcept {
  std::cout << "verdict: VIOLATION: assert(" << Assertion << ") fails";
  if (const detail::Execution *E = detail::Running) {
    if (const NodeId *Node = E->running())
      std::cout << " at node " << *Node;
    std::cout << " at time " << E->now();
  }
  std::cout << " (" << File << ":" << Line << ")" << std::endl;
  std::_Exit(1);
}

namespace detail {

/// abort() in the protocol's code (a PANIC macro's end, std::terminate):
/// faultline models it as an assert that fails where it is reached, and the
/// replay tells where, as for a failed assert. It runs as the SIGABRT
/// handler, synchronously inside the abort() call of the handler being
/// replayed, so the replay's own state is consistent when it prints.
[[noreturn]] inline void abortCalled(int) {
  std::cout << "verdict: VIOLATION: abort() is called";
  if (const Execution *E = Running) {
    if (const NodeId *Node = E->running())
      std::cout << " at node " << *Node;
    std::cout << " at time " << E->now();
  }
  std::cout << std::endl;
  std::_Exit(1);
}

} // namespace detail

/// The replay binary's main: Describe registers the protocol; Models are
/// the fingerprints of the models it was built from.
inline int replayMain(int Argc, char **Argv, void (*Describe)(Protocol &),
                      const ModelFingerprints &Models = {}) {
  std::string Tool = Argc > 0 ? Argv[0] : "replay";
  if (size_t Slash = Tool.rfind('/'); Slash != std::string::npos)
    Tool = Tool.substr(Slash + 1);
  ReplayOptions O;
  try {
    bool Help = false;
    O = detail::parseReplayOptions(Argc, Argv, Help);
    if (Help) {
      std::cout << detail::replayUsage(Tool);
      return 0;
    }
  } catch (const Error &E) {
    std::cerr << Tool << ": error: " << E.what() << "\n";
    std::cerr << detail::replayUsage(Tool);
    return 2;
  }
  std::signal(SIGABRT, detail::abortCalled);
  try {
    Protocol P;
    Describe(P);
    Simulator Sim(P);
    if (O.List)
      return detail::listScenarios(Sim);
    return O.Random ? detail::replayRandom(Tool, Sim, O)
                    : detail::replayOnce(Tool, Sim, O, Models);
  } catch (const Error &E) {
    std::cerr << Tool << ": error: " << E.what() << "\n";
    return 2;
  } catch (const ScheduleError &E) {
    std::cerr << Tool << ": error: " << E.what() << "\n";
    return 2;
  } catch (const std::exception &E) {
    std::cerr << Tool << ": error: the protocol threw: " << E.what() << "\n";
    return 3;
  }
}

} // namespace faultline::sim

#endif // FAULTLINE_SIM_REPLAY_H

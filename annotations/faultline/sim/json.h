//===- faultline/sim/json.h - Schedules in, runs out ------------*- C++ -*-===//
//
// Part of the replay (faultline/sim/replay.h), and with the schedule files
// it reads (faultline/schedule_json.h) the only part that needs a JSON
// library (nlohmann-json, Debian's nlohmann-json3-dev). Writes a simulated
// run with the fields of `faultline run --format json`; the schema is in
// docs/json-schema.md.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SIM_JSON_H
#define FAULTLINE_SIM_JSON_H

#include "faultline/schedule_json.h"
#include "faultline/sim/simulator.h"

#include <nlohmann/json.hpp>

namespace faultline::sim {

namespace detail {

inline nlohmann::json valueJSON(const Value &V) {
  return V.isInt() ? nlohmann::json(V.asInt()) : nlohmann::json(V.asText());
}

inline nlohmann::json tupleJSON(const Tuple &T) {
  nlohmann::json A = nlohmann::json::array();
  for (const Value &V : T)
    A.push_back(valueJSON(V));
  return A;
}

} // namespace detail

/// A run with the fields of `faultline run --format json` that apply
/// (bounds, faults, verdict, messages), the failed invariants, the
/// registered state at EOT, the handled messages and any warnings.
inline nlohmann::json outcomeJSON(const Outcome &O) {
  static const char *const Fates[] = {"delivered", "omitted", "after-eot"};
  nlohmann::json Messages = nlohmann::json::array();
  for (const SentMessage &M : O.Messages)
    Messages.push_back({{"from", M.From},
                        {"to", M.To},
                        {"send_time", M.SendTime},
                        {"relation", M.Relation},
                        {"tuple", detail::tupleJSON(M.Values)},
                        {"fate", Fates[static_cast<int>(M.What)]}});
  nlohmann::json Violations = nlohmann::json::array();
  for (const Violation &V : O.Violations)
    Violations.push_back({{"invariant", V.Invariant}, {"nodes", V.Nodes}});
  nlohmann::json State = nlohmann::json::object();
  for (const StateTable &S : O.State) {
    nlohmann::json Rows = nlohmann::json::array();
    for (const Tuple &Row : S.Rows)
      Rows.push_back(detail::tupleJSON(Row));
    State[S.Relation] = Rows;
  }
  nlohmann::json Handled = nlohmann::json::array();
  for (const HandledMessage &H : O.Handled)
    Handled.push_back({{"time", H.Time},
                       {"node", H.Node},
                       {"arrival", H.Arrival},
                       {"relation", H.Relation},
                       {"from", H.From},
                       {"fields", detail::tupleJSON(H.Fields)}});
  nlohmann::json Timers = nlohmann::json::array();
  for (const TimerArming &A : O.Timers) {
    nlohmann::json T = {{"node", A.Node}, {"timer", A.Timer}, {"armed", A.ArmTime}, {"due", A.Due}};
    if (A.FiredAt)
      T["fired"] = A.FiredAt;
    if (A.EndedAt)
      T["ended"] = A.EndedAt;
    Timers.push_back(std::move(T));
  }
  return {{"scenario", O.Scenario},
          {"bounds", boundsJSON(O.B)},
          {"faults", faultsJSON(O.F)},
          {"verdict", O.violates() ? "violation" : "ok"},
          {"violated", O.violatedInvariants()},
          {"violations", Violations},
          {"messages", Messages},
          {"state", State},
          {"handled", Handled},
          {"timers", Timers},
          {"warnings", O.Warnings}};
}

} // namespace faultline::sim

#endif // FAULTLINE_SIM_JSON_H

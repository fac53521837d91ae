//===- SweepTest.cpp - LDFI against exhaustive search on test/models ------===//
//
// Every model of test/models, at bounds small enough for exhaustive search to
// walk the whole fault space in a fraction of a second: LDFI must reach the
// same verdict. A certificate LDFI gives where a counterexample exists is the
// bug this catches (negative support too coarse is slow; too fine is wrong).
//
//===----------------------------------------------------------------------===//

#include "faultline/Eval/Evaluator.h"
#include "faultline/IR/Parser.h"
#include "faultline/IR/Validate.h"
#include "faultline/Search/Search.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#ifndef FAULTLINE_MODELS_DIR
#error "FAULTLINE_MODELS_DIR must name test/models"
#endif

using namespace faultline;

namespace {

struct Config {
  const char *Model;
  int EOT, EFF, Crashes;
  std::vector<std::string> Nodes;
  int TimerSlack = 0;
  int Restarts = 0;
};

std::string describe(const Config &C) {
  std::string Nodes;
  for (const std::string &N : C.Nodes)
    Nodes += (Nodes.empty() ? "" : ",") + N;
  return std::string(C.Model) + " " + std::to_string(C.EOT) + "/" + std::to_string(C.EFF) + "/" +
         Nodes + "/" + std::to_string(C.Crashes) +
         (C.Restarts ? "/r" + std::to_string(C.Restarts) : "") +
         (C.TimerSlack ? " slack " + std::to_string(C.TimerSlack) : "");
}

const std::vector<std::string> ABC{"a", "b", "c"};
const std::vector<std::string> Commit{"C", "a", "b", "d"};
const std::vector<std::string> Kafka{"a", "b", "c", "C", "Z"};
const std::vector<std::string> KafkaSmall{"a", "b", "Z"};
const std::vector<std::string> Detector{"m", "a", "b"};
const std::vector<std::string> Alarm{"m", "a", "o"};
const std::vector<std::string> AB{"a", "b"};

// Small bounds; both verdicts occur, and isr_small's counterexample needs
// negative support (a tuple that faults make appear).
const Config Configs[] = {
    {"broadcast/send_once.ded", 4, 2, 0, ABC},
    {"broadcast/retry.ded", 4, 2, 1, ABC},
    {"broadcast/classic.ded", 4, 2, 0, ABC},
    {"broadcast/classic.ded", 4, 1, 1, ABC},
    {"broadcast/redundant.ded", 4, 2, 1, ABC},
    {"broadcast/ack.ded", 4, 2, 1, ABC},
    {"delivery/once.ded", 4, 2, 0, ABC},
    {"delivery/relay.ded", 4, 2, 1, ABC},
    {"delivery/acked.ded", 4, 2, 1, ABC},
    {"commit/2pc.ded", 5, 0, 1, Commit},
    {"commit/2pc_timeout.ded", 6, 0, 1, Commit},
    {"commit/3pc.ded", 6, 0, 1, Commit},
    {"commit/3pc.ded", 8, 0, 1, Commit},
    {"kafka/isr.ded", 6, 0, 1, Kafka},
    {"kafka/isr_small.ded", 5, 2, 0, KafkaSmall},
    {"kafka/isr_small.ded", 5, 2, 1, KafkaSmall},
    {"kafka/isr_small.ded", 6, 2, 1, KafkaSmall},
    // A pre only faults create: the failure-free run has none, so the
    // search must aim at making it appear (a crash the master sees, a lost
    // heartbeat), then at losing its post.
    {"detector/told.ded", 4, 0, 1, Detector},
    {"detector/told.ded", 4, 0, 2, Detector},
    {"detector/told.ded", 4, 2, 1, Detector},
    {"detector/told.ded", 4, 3, 1, Detector},
    {"detector/alarm.ded", 5, 2, 0, Alarm},
    {"detector/alarm.ded", 5, 4, 0, Alarm},
    {"detector/alarm.ded", 5, 4, 1, Alarm},
    // The same behind a min<> (a lost request makes the server select
    // another): grounded through the selection.
    {"selection/fallback.ded", 6, 3, 0, ABC},
    {"selection/fallback.ded", 5, 4, 0, ABC},
    {"selection/fallback.ded", 5, 3, 1, ABC},
    // Restarts: a crashed node comes back with only its durable state. The
    // vote that is not durable lets the voter vote twice in a term; the
    // durable one does not; the other models gain what a node that is back
    // can do (send again, from its initial facts).
    {"restart/vote.ded", 6, 2, 1, ABC, 0, 1},
    {"restart/vote.ded", 6, 0, 1, ABC, 0, 1},
    {"restart/vote_durable.ded", 6, 2, 1, ABC, 0, 1},
    // The vote as a re-initialised scalar: only a restart's initial value
    // breaks it, which LDFI sees through the crash that allows the restart.
    {"restart/vote_scalar.ded", 8, 0, 1, ABC, 0, 1},
    {"restart/vote_scalar.ded", 7, 3, 1, ABC, 0, 1},
    {"broadcast/retry.ded", 4, 2, 1, ABC, 0, 1},
    {"broadcast/ack.ded", 4, 2, 1, ABC, 0, 1},
    {"delivery/acked.ded", 4, 2, 1, ABC, 0, 1},
    {"commit/2pc.ded", 5, 0, 1, Commit, 0, 1},
    {"kafka/isr_small.ded", 5, 2, 1, KafkaSmall, 0, 1},
    {"detector/told.ded", 4, 0, 1, Detector, 0, 1},
    // Timers: with slack, when each fires is part of the scenario. The
    // election's bug needs a late firing; the watchdog's a lost heartbeat
    // while it fires on time; decide and probe need the cancels and arms
    // that faults bring about (a firing's negative support).
    {"timers/election.ded", 6, 0, 0, AB, 1},
    {"timers/election.ded", 6, 2, 1, AB, 2},
    {"timers/election.ded", 6, 2, 1, AB},
    {"timers/election_reset.ded", 6, 2, 0, AB, 2},
    {"timers/election_reset.ded", 6, 0, 1, AB, 1},
    {"timers/watchdog.ded", 6, 2, 1, AB, 1},
    {"timers/watchdog.ded", 6, 3, 0, AB, 1},
    {"timers/watchdog_tolerant.ded", 6, 2, 1, AB, 2},
    {"timers/watchdog_tolerant.ded", 6, 3, 1, AB, 1},
    // A crash makes b's suspicion hold with its post first; two lost
    // heartbeats make it hold without, which only the conjunction of
    // losing both re-arms (an Either of an arming's blockers) shows.
    {"timers/watchdog_tolerant.ded", 6, 4, 1, AB},
    {"timers/watchdog_tolerant.ded", 7, 4, 1, AB, 1},
    {"timers/retry.ded", 6, 3, 1, AB},
    {"timers/retry.ded", 6, 2, 0, AB, 1},
    {"timers/decide.ded", 6, 0, 0, AB, 1},
    {"timers/decide.ded", 6, 2, 0, AB},
    {"timers/decide.ded", 6, 0, 0, AB, 2},
    {"timers/probe.ded", 6, 2, 0, AB, 1},
    {"timers/probe.ded", 6, 0, 1, AB, 2},
    // Timers and restarts: a restart disarms its node's pending timers, and
    // the exhaustive walk runs every timer schedule of each restart.
    {"timers/election.ded", 6, 2, 1, AB, 1, 1},
    {"timers/watchdog_tolerant.ded", 6, 3, 1, AB, 1, 1},
    {"timers/retry.ded", 6, 2, 1, AB, 1, 1},
    {"timers/decide.ded", 6, 2, 1, AB, 1, 1},
    {"timers/probe.ded", 4, 2, 1, AB, 1, 1},
};

class Sweep : public ::testing::TestWithParam<Config> {};

TEST_P(Sweep, LdfiAgreesWithExhaustiveSearch) {
  const Config &C = GetParam();
  std::string Errors;
  llvm::raw_string_ostream Errs(Errors);
  ir::DiagnosticEngine Diags(Errs);
  ir::Program P;
  Diags.setProgram(&P);
  ASSERT_TRUE(ir::loadProgram({std::string(FAULTLINE_MODELS_DIR) + "/" + C.Model}, P, Diags) &&
              ir::validateProgram(P, Diags))
      << Errors;
  eval::Evaluator Ev(P, ir::stratify(P, Diags));
  Bounds B;
  B.EOT = C.EOT;
  B.EFF = C.EFF;
  B.MaxCrashes = C.Crashes;
  B.MaxRestarts = C.Restarts;
  B.Nodes = C.Nodes;
  B.TimerSlack = C.TimerSlack;

  search::SearchOptions Exhaustive;
  Exhaustive.Strat = search::Strategy::Exhaustive;
  Exhaustive.MaxRuns = 5000; // a guard: the bounds above stay well below
  search::SearchResult Truth = search::search(Ev, B, Exhaustive, Diags);
  ASSERT_NE(Truth.V, search::Verdict::Inconclusive)
      << describe(C) << ": bounds too large for the sweep (" << Truth.Runs << " runs)";

  // The walk over timer firings runs each schedule once.
  std::set<FaultSet> Seen;
  for (const search::Execution &E : Truth.Executions)
    EXPECT_TRUE(Seen.insert(E.Faults).second) << describe(C) << ": " << E.Faults.describe();

  // LDFI alone: its own verdict, not the portfolio walk's.
  search::SearchOptions Alone;
  Alone.Portfolio = false;
  search::SearchResult Got = search::search(Ev, B, Alone, Diags);
  EXPECT_FALSE(Got.Portfolio);
  EXPECT_EQ(Got.V, Truth.V) << describe(C) << ": ldfi in " << Got.Runs << " runs, exhaustive in "
                            << Truth.Runs;
  // LDFI needs no more runs than walking the whole space.
  if (Truth.V == search::Verdict::Certified) {
    EXPECT_LE(Got.Runs, Truth.Runs) << describe(C);
  }

  // The default, LDFI with its portfolio walk: the same verdict, a walk that
  // runs no scenario twice, and the same search on every repetition (the
  // walk is paid in solver checks, not time): the same runs in the same
  // order, the same counterexample.
  // The walk starts after 32 LDFI runs by default, which most of these
  // searches never make: the walk from LDFI's first step too.
  search::SearchOptions Early;
  Early.PortfolioAfter = 0;
  for (const search::SearchOptions &Ldfi : {search::SearchOptions(), Early}) {
  search::SearchResult First = search::search(Ev, B, Ldfi, Diags);
  EXPECT_EQ(First.V, Truth.V) << describe(C) << ": the portfolio in " << First.Runs
                              << " runs (" << First.WalkRuns << " by the walk)";
  std::set<FaultSet> Ran;
  for (const search::Execution &E : First.Executions)
    EXPECT_TRUE(Ran.insert(E.Faults).second) << describe(C) << ": " << E.Faults.describe();
  EXPECT_LE(First.WalkRuns, Truth.Runs) << describe(C);
  search::SearchResult Again = search::search(Ev, B, Ldfi, Diags);
  EXPECT_EQ(Again.V, First.V) << describe(C);
  ASSERT_EQ(Again.Executions.size(), First.Executions.size()) << describe(C);
  for (size_t I = 0; I < First.Executions.size(); ++I)
    EXPECT_EQ(Again.Executions[I].Faults, First.Executions[I].Faults)
        << describe(C) << ": run " << I + 1;
  ASSERT_EQ(Again.Found.size(), First.Found.size()) << describe(C);
  if (!First.Found.empty()) {
    EXPECT_EQ(Again.Found.front().Faults, First.Found.front().Faults) << describe(C);
    EXPECT_EQ(Again.Found.front().RunNumber, First.Found.front().RunNumber) << describe(C);
  }
  }
  EXPECT_TRUE(Errors.empty()) << Errors;
}

INSTANTIATE_TEST_SUITE_P(Models, Sweep, ::testing::ValuesIn(Configs),
                         [](const ::testing::TestParamInfo<Config> &Info) {
                           std::string Name = describe(Info.param);
                           for (char &Ch : Name)
                             if (!isalnum(static_cast<unsigned char>(Ch)))
                               Ch = '_';
                           return Name;
                         });

} // namespace

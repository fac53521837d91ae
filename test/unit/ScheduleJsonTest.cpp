//===- ScheduleJsonTest.cpp - Fault schedule files ------------------------===//
//
// The replay reads the schedules `faultline check --emit-schedules` writes,
// both with faultline/schedule_json.h; anything else in such a file is an
// error that names the file and field.
//
//===----------------------------------------------------------------------===//

#include "faultline/schedule_json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

namespace {

using namespace faultline;

std::string write(const std::string &Name, const std::string &Text) {
  std::string Path = ::testing::TempDir() + "/" + Name;
  std::ofstream(Path) << Text;
  return Path;
}

std::string errorOf(const std::string &Path) {
  try {
    readSchedule(Path);
  } catch (const ScheduleError &E) {
    return E.what();
  }
  return "no error";
}

TEST(ScheduleJson, ReadsWhatCheckWrites) {
  std::string Path = write("good.json", R"({
    "version": 1, "scenario": "senderCrash", "model": "0123456789abcdef",
    "bounds": {"eot": 6, "eff": 3, "crashes": 1, "nodes": ["a", "b", "c"]},
    "faults": {"crashes": [{"node": "a", "time": 2}],
               "omissions": [{"from": "a", "to": "c", "time": 1}]},
    "violated": ["agreement"]})");
  Schedule S = readSchedule(Path);
  EXPECT_EQ(S.Scenario, "senderCrash");
  EXPECT_EQ(S.Model, "0123456789abcdef");
  ASSERT_TRUE(S.B.has_value());
  EXPECT_EQ(S.B->EOT, 6);
  EXPECT_EQ(S.B->EFF, 3);
  EXPECT_EQ(S.B->MaxCrashes, 1);
  EXPECT_EQ(S.B->Nodes, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(S.F.describe(), "crash a@2, omit a->c@1");
  EXPECT_TRUE(S.HasViolated);
  EXPECT_EQ(S.Violated, std::vector<std::string>{"agreement"});
}

TEST(ScheduleJson, EverythingButTheFaultsIsOptional) {
  Schedule S = readSchedule(write("small.json", R"({"faults": {"crashes": []}})"));
  EXPECT_TRUE(S.Scenario.empty());
  EXPECT_TRUE(S.Model.empty());
  EXPECT_FALSE(S.B.has_value());
  EXPECT_TRUE(S.F.empty());
  EXPECT_FALSE(S.HasViolated);
}

TEST(ScheduleJson, BadFilesAreErrorsThatSayWhere) {
  std::string Dir = ::testing::TempDir();
  EXPECT_EQ(errorOf(Dir + "/missing.json"), "cannot read schedule '" + Dir + "/missing.json'");
  std::string Bad = write("bad.json", "{\"faults\": ");
  EXPECT_NE(errorOf(Bad).find("is not valid JSON"), std::string::npos) << errorOf(Bad);
  EXPECT_EQ(errorOf(write("array.json", "[]")),
            "schedule '" + Dir + "/array.json': expected an object");
  EXPECT_EQ(errorOf(write("time.json", R"({"faults": {"crashes": [{"node": "a", "time": "2"}]}})")),
            "schedule '" + Dir + "/time.json': faults.crashes[0].time: expected an integer");
  EXPECT_EQ(errorOf(write("from.json", R"({"faults": {"omissions": [{"to": "b", "time": 1}]}})")),
            "schedule '" + Dir + "/from.json': faults.omissions[0]: missing \"from\"");
  EXPECT_EQ(errorOf(write("eot.json", R"({"bounds": {"eff": 1, "crashes": 0}})")),
            "schedule '" + Dir + "/eot.json': bounds: missing \"eot\"");
  EXPECT_EQ(errorOf(write("version.json", R"({"version": 2})")),
            "schedule '" + Dir +
                "/version.json': version: unsupported version (this replay "
                "reads version 1)");
  EXPECT_EQ(
      errorOf(write("big.json", R"({"bounds": {"eot": 99999999999, "eff": 1, "crashes": 0}})")),
      "schedule '" + Dir + "/big.json': bounds.eot: integer out of range");
}

TEST(ScheduleJson, UnknownKeysAreErrorsThatNameThem) {
  std::string Dir = ::testing::TempDir();
  // A misspelled "faults" used to replay the run without any fault.
  EXPECT_EQ(errorOf(write("faultz.json",
                          R"({"scenario": "s", "faultz": {"crashes": [{"node": "a", "time": 2}]}})")),
            "schedule '" + Dir +
                "/faultz.json': unknown key \"faultz\" (expected version, scenario, model, "
                "bounds, faults, violated)");
  EXPECT_EQ(errorOf(write("omisions.json", R"({"faults": {"omisions": []}})")),
            "schedule '" + Dir +
                "/omisions.json': faults: unknown key \"omisions\" (expected crashes, "
                "omissions, restarts, timer_delays)");
  EXPECT_EQ(errorOf(write("when.json", R"({"faults": {"crashes": [{"node": "a", "time": 2,
                                                                  "when": 3}]}})")),
            "schedule '" + Dir +
                "/when.json': faults.crashes[0]: unknown key \"when\" (expected node, time)");
  EXPECT_EQ(errorOf(write("via.json", R"({"faults": {"omissions": [{"from": "a", "to": "b",
                                                                    "time": 1, "via": "c"}]}})")),
            "schedule '" + Dir +
                "/via.json': faults.omissions[0]: unknown key \"via\" (expected from, to, time)");
  EXPECT_EQ(errorOf(write("eots.json",
                          R"({"bounds": {"eot": 3, "eff": 1, "crashes": 0, "eots": 4}, "faults": {}})")),
            "schedule '" + Dir +
                "/eots.json': bounds: unknown key \"eots\" (expected eot, eff, crashes, nodes, "
                "restarts, timer_slack)");
}

TEST(ScheduleJson, TheFaultsAreRequired) {
  std::string Dir = ::testing::TempDir();
  EXPECT_EQ(errorOf(write("nofaults.json", R"({"scenario": "s", "violated": ["x"]})")),
            "schedule '" + Dir +
                "/nofaults.json': missing \"faults\" (write \"faults\": {} for a run without "
                "faults)");
  Schedule S = readSchedule(write("none.json", R"({"scenario": "s", "faults": {}})"));
  EXPECT_TRUE(S.F.empty());
}

TEST(ScheduleJson, WhatIsWrittenReadsBackTheSame) {
  Schedule Out;
  Out.Scenario = "senderCrash";
  Out.Model = "0123456789abcdef";
  Out.B = Bounds{6, 3, 1, {"a", "b", "c"}};
  Out.F.Crashes = {{"a", 2}};
  Out.F.Omissions = {{"b", "c", 1}, {"a", "c", 1}};
  Out.F.normalize();
  Out.Violated = {"agreement", "validity"};
  Out.HasViolated = true;
  Schedule In = readSchedule(write("round.json", scheduleJSON(Out).dump(2)));
  EXPECT_EQ(In.Scenario, Out.Scenario);
  EXPECT_EQ(In.Model, Out.Model);
  ASSERT_TRUE(In.B.has_value());
  EXPECT_EQ(In.B->EOT, 6);
  EXPECT_EQ(In.B->EFF, 3);
  EXPECT_EQ(In.B->MaxCrashes, 1);
  EXPECT_EQ(In.B->Nodes, Out.B->Nodes);
  EXPECT_EQ(In.F, Out.F);
  EXPECT_TRUE(In.HasViolated);
  EXPECT_EQ(In.Violated, Out.Violated);
}

TEST(ScheduleJson, RestartsReadBackTheSame) {
  Schedule Out;
  Out.Scenario = "election";
  Out.B = Bounds{8, 0, 1, {"a", "b", "c"}, 0, 1};
  Out.F.Crashes = {{"b", 3}};
  Out.F.Restarts = {{"b", 5}};
  nlohmann::json Doc = scheduleJSON(Out);
  EXPECT_EQ(Doc["faults"]["restarts"].dump(), R"([{"node":"b","time":5}])");
  EXPECT_EQ(Doc["bounds"]["restarts"].dump(), "1");
  Schedule In = readSchedule(write("restart.json", Doc.dump(2)));
  ASSERT_TRUE(In.B.has_value());
  EXPECT_EQ(In.B->MaxRestarts, 1);
  EXPECT_EQ(In.F, Out.F);
  EXPECT_EQ(In.F.describe(), "crash b@3, restart b@5");
}

TEST(ScheduleJson, TimerDelaysReadBackTheSame) {
  Schedule Out;
  Out.Scenario = "forgetful";
  Out.B = Bounds{6, 0, 0, {"a", "b"}, 1};
  Out.F.TimerDelays = {{"b", "server_election_timer", 2, 1}};
  nlohmann::json Doc = scheduleJSON(Out);
  EXPECT_EQ(Doc["faults"]["timer_delays"].dump(),
            R"([{"delay":1,"due":2,"node":"b","timer":"server_election_timer"}])");
  EXPECT_EQ(Doc["bounds"]["timer_slack"].dump(), "1");
  Schedule In = readSchedule(write("timers.json", Doc.dump(2)));
  ASSERT_TRUE(In.B.has_value());
  EXPECT_EQ(In.B->TimerSlack, 1);
  EXPECT_EQ(In.F, Out.F);
  EXPECT_EQ(In.F.describe(), "fire b.server_election_timer@3 (due 2)");
  EXPECT_EQ(errorOf(write("late.json", R"({"faults": {"timer_delays": [{"node": "b",
                                              "timer": "t", "due": 2, "late": 1}]}})")),
            "schedule '" + ::testing::TempDir() +
                "/late.json': faults.timer_delays[0]: unknown key \"late\" (expected node, "
                "timer, due, delay)");
}

TEST(ScheduleJson, TheWriterLeavesOutWhatItDoesNotKnow) {
  Schedule Out;
  nlohmann::json Doc = scheduleJSON(Out);
  EXPECT_EQ(Doc.dump(), R"({"faults":{"crashes":[],"omissions":[]},"version":1})");
  Schedule In = readSchedule(write("bare.json", Doc.dump()));
  EXPECT_TRUE(In.Scenario.empty());
  EXPECT_FALSE(In.B.has_value());
  EXPECT_TRUE(In.F.empty());
  EXPECT_FALSE(In.HasViolated);
}

} // namespace

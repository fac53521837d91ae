//===- Findings.cpp - Findings to and from JSON ---------------------------===//
//
// The JSON form is the `--format json` output's and the review's verdict
// store's: reading it back gives the same finding.
//
//===----------------------------------------------------------------------===//

#include "faultline/Report/Findings.h"

namespace faultline::report {

const char *stepKindName(StoryStep::Kind K) {
  switch (K) {
  case StoryStep::Kind::Crash:
    return "crash";
  case StoryStep::Kind::Handler:
    return "handler";
  case StoryStep::Kind::LostMessage:
    return "lost_message";
  case StoryStep::Kind::Restart:
    return "restart";
  case StoryStep::Kind::LateTimer:
    return "late_timer";
  }
  return "";
}

const char *baselineName(Baseline B) {
  switch (B) {
  case Baseline::None:
    return "";
  case Baseline::New:
    return "new";
  case Baseline::Absent:
    return "absent";
  case Baseline::Unchanged:
    return "unchanged";
  case Baseline::Updated:
    return "updated";
  }
  return "";
}

std::string relativeToRoot(const FindingsReport &R, const std::string &File) {
  llvm::StringRef F(File);
  if (R.SourceRoot.empty() || !F.consume_front(R.SourceRoot) || !F.consume_front("/"))
    return File;
  return F.str();
}

llvm::json::Value toJSON(const Location &L) {
  return llvm::json::Object{{"file", L.File}, {"line", L.Line}, {"column", L.Column}};
}

llvm::json::Value toJSON(const LineRange &R) {
  llvm::json::Object O{{"file", R.File}, {"first", R.First}, {"last", R.Last}};
  if (R.State)
    O["state"] = true;
  return O;
}

llvm::json::Value toJSON(const Violation &V) {
  return llvm::json::Object{
      {"invariant", V.Invariant}, {"text", V.Text}, {"location", toJSON(V.Loc)}};
}

llvm::json::Value toJSON(const StoryStep &S) {
  llvm::json::Array Code;
  for (const LineRange &R : S.Code)
    Code.push_back(toJSON(R));
  return llvm::json::Object{{"kind", stepKindName(S.K)},   {"time", S.Time},
                            {"node", S.Node},          {"role", S.Role},
                            {"handler", S.Handler},    {"message", S.Message},
                            {"peer", S.Peer},          {"peer_role", S.PeerRole},
                            {"text", S.Text},          {"location", toJSON(S.Loc)},
                            {"code", std::move(Code)}};
}

llvm::json::Value toJSON(const Finding &F) {
  llvm::json::Array Story, Violations;
  for (const StoryStep &S : F.Story)
    Story.push_back(toJSON(S));
  for (const Violation &V : F.Violations)
    Violations.push_back(toJSON(V));
  llvm::json::Object O{{"scenario", F.Scenario},
                       {"invariant", F.Invariant},
                       {"invariant_location", toJSON(F.InvariantLoc)},
                       {"faults", F.Faults},
                       {"eot", F.EOT},
                       {"story", std::move(Story)},
                       {"violations", std::move(Violations)},
                       {"fingerprint", F.Fingerprint}};
  if (F.State != Baseline::None)
    O["baseline_state"] = baselineName(F.State);
  if (!F.Before.empty())
    O["before"] = F.Before;
  if (F.Changed.isValid()) {
    O["changed_location"] = toJSON(F.Changed);
    O["changed_text"] = F.ChangedText;
  }
  if (F.Position)
    O["space_position"] = *F.Position;
  return O;
}

llvm::json::Value toJSON(const ScenarioSummary &S) {
  llvm::json::Object O{{"name", S.Name}, {"verdict", S.Verdict}, {"detail", S.Detail}};
  if (!S.Change.empty()) {
    O["change"] = S.Change;
    O["carried"] = S.Carried;
  } else {
    O["cached"] = S.Cached;
  }
  if (S.Space)
    O["space_shard"] = toJSON(*S.Space);
  return O;
}

llvm::json::Value toJSON(const SpaceShardSummary &S) {
  llvm::json::Object O{{"index", S.Index}, {"count", S.Count}, {"runs", S.Runs}};
  if (S.First)
    O["first_counterexample"] = *S.First;
  return O;
}

bool fromJSON(const llvm::json::Value &V, SpaceShardSummary &S, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  uint64_t Index = 0, Count = 0;
  if (!O || !O.map("index", Index) || !O.map("count", Count) || !O.map("runs", S.Runs) ||
      !O.mapOptional("first_counterexample", S.First))
    return false;
  S.Index = static_cast<unsigned>(Index);
  S.Count = static_cast<unsigned>(Count);
  return true;
}

bool fromJSON(const llvm::json::Value &V, ScenarioSummary &S, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("name", S.Name) && O.map("verdict", S.Verdict) &&
         O.map("detail", S.Detail) && O.mapOptional("change", S.Change) &&
         O.mapOptional("carried", S.Carried) && O.mapOptional("cached", S.Cached) &&
         O.mapOptional("space_shard", S.Space);
}

bool fromJSON(const llvm::json::Value &V, Location &L, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  uint64_t Line = 0, Column = 0;
  if (!O || !O.map("file", L.File) || !O.map("line", Line) || !O.map("column", Column))
    return false;
  L.Line = static_cast<unsigned>(Line);
  L.Column = static_cast<unsigned>(Column);
  return true;
}

bool fromJSON(const llvm::json::Value &V, LineRange &R, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  uint64_t First = 0, Last = 0;
  if (!O || !O.map("file", R.File) || !O.map("first", First) || !O.map("last", Last) ||
      !O.mapOptional("state", R.State))
    return false;
  R.First = static_cast<unsigned>(First);
  R.Last = static_cast<unsigned>(Last);
  return true;
}

bool fromJSON(const llvm::json::Value &V, Violation &Out, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("invariant", Out.Invariant) && O.map("text", Out.Text) &&
         O.map("location", Out.Loc);
}

bool fromJSON(const llvm::json::Value &V, StoryStep &S, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  std::string Kind;
  if (!O || !O.map("kind", Kind))
    return false;
  if (Kind == "crash")
    S.K = StoryStep::Kind::Crash;
  else if (Kind == "handler")
    S.K = StoryStep::Kind::Handler;
  else if (Kind == "lost_message")
    S.K = StoryStep::Kind::LostMessage;
  else if (Kind == "restart")
    S.K = StoryStep::Kind::Restart;
  else if (Kind == "late_timer")
    S.K = StoryStep::Kind::LateTimer;
  else {
    P.field("kind").report("unknown story step kind");
    return false;
  }
  return O.map("time", S.Time) && O.map("node", S.Node) && O.map("role", S.Role) &&
         O.map("handler", S.Handler) && O.map("message", S.Message) && O.map("peer", S.Peer) &&
         O.map("peer_role", S.PeerRole) && O.map("text", S.Text) && O.map("location", S.Loc) &&
         O.map("code", S.Code);
}

bool fromJSON(const llvm::json::Value &V, Finding &F, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("scenario", F.Scenario) && O.map("invariant", F.Invariant) &&
         O.map("invariant_location", F.InvariantLoc) && O.map("faults", F.Faults) &&
         O.map("eot", F.EOT) && O.map("story", F.Story) && O.map("violations", F.Violations) &&
         O.map("fingerprint", F.Fingerprint) && O.mapOptional("space_position", F.Position);
}

} // namespace faultline::report

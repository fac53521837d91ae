//===- faultline/Report/Findings.h - What a check found, as data -*- C++ -*-===//
//
// The counterexamples of `check` and `review` as plain data, in the user's
// names and source lines, independent of the run that produced them: each
// finding is the invariant it breaks, the faults, and the story of the run
// (handler steps, crashes, lost messages, each at its source location and
// time). The writers (SARIF, rdjson, Markdown, JSON) and the review's
// comparison of two revisions read only this.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_REPORT_FINDINGS_H
#define FAULTLINE_REPORT_FINDINGS_H

#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <vector>

namespace faultline::report {

/// A place in the sources: a path relative to the repository root where
/// there is one (review), else as the compiler saw it.
struct Location {
  std::string File;
  unsigned Line = 0, Column = 0;
  bool isValid() const { return !File.empty() && Line != 0; }
};

/// Lines First..Last of a file (a path as in Location).
struct LineRange {
  std::string File;
  unsigned First = 0, Last = 0;
  /// A line that sets the initial value of state the handler reads (a
  /// member's initializer, a scenario's s.init), not code it runs.
  bool State = false;
};

/// One step of a counterexample's story.
struct StoryStep {
  /// LateTimer: a timer (Message) of Node fires later than its deadline.
  enum class Kind { Crash, Handler, LostMessage, Restart, LateTimer };
  Kind K = Kind::Handler;
  int Time = 0;
  /// The node that crashes, restarts, handles or sends.
  std::string Node;
  /// Its role (a crash, a handler, a lost message's sender), "" if unknown.
  std::string Role;
  /// A handler step's handler (`Role::method`) and message; a lost
  /// message's message and receiver (with its role).
  std::string Handler, Message, Peer, PeerRole;
  std::string Text; ///< "at time 2, node a handles 'ack' from b in Leader::onAck"
  /// A handler step's message with its payload in the C++ terms,
  /// `ack{seq = 2}`, when known (the HTML story shows it; not in JSON).
  std::string Payload;
  Location Loc;
  /// A handler step: the code it runs, the handler's lines and the lines
  /// of the helpers it calls, where a review places a finding the change
  /// introduced (placeOnChanges() in ReviewDiff.h).
  std::vector<LineRange> Code;
};

/// The JSON name of a step's kind: "crash", "handler", "lost_message", ...
const char *stepKindName(StoryStep::Kind K);

/// One instance of an invariant that is false at the end of the run.
struct Violation {
  std::string Invariant;
  /// In the C++ terms: "durability(c = C, m = M, r = b) is false at the end
  /// of time 16, for seq = 0".
  std::string Text;
  Location Loc; ///< That invariant's.
};

/// Whether a finding is new in the revision under review (SARIF's
/// baselineState; None outside a review). Updated: the scenario still
/// breaks the invariant, but another way than before (other faults or
/// handlers): not introduced by the change, yet not the same finding.
enum class Baseline { None, New, Absent, Unchanged, Updated };
/// "new", "absent", "unchanged", "updated", "".
const char *baselineName(Baseline B);

struct Finding {
  std::string Scenario;  ///< As the reports name it.
  std::string Invariant; ///< The (first) invariant the run breaks.
  Location InvariantLoc;
  std::string Faults; ///< "crash(b, 2), omission(a, c, 1)"
  std::vector<StoryStep> Story;
  /// Each broken instance of an invariant (a run may break several).
  std::vector<Violation> Violations;
  int EOT = 0;
  /// See fingerprint.h: what identifies the finding across revisions.
  std::string Fingerprint;
  Baseline State = Baseline::None;
  /// A review's introduced finding: the changed line of its story it is
  /// reported at (what review bots comment on), and why there ("the
  /// change to Replica::onWrite, which node c runs at time 2"). Invalid
  /// when the story has no changed line: then it is at the invariant.
  Location Changed;
  std::string ChangedText;
  /// An Updated finding: how the base revision broke the invariant ("crash
  /// c@5, through Master::onCrash, Replica::onWrite").
  std::string Before;
  /// A check of one space shard (`--space-shard`): the position of the
  /// counterexample's fault set in the unsharded search's order, by which
  /// `faultline merge` finds the one the unsharded search reports.
  std::optional<uint64_t> Position;
  /// Where the writers put the finding: the changed line, else the invariant.
  const Location &primary() const { return Changed.isValid() ? Changed : InvariantLoc; }
};

/// One space shard's search of a scenario (`check --space-shard J/M`).
struct SpaceShardSummary {
  unsigned Index = 0, Count = 0;
  uint64_t Runs = 0; ///< The runs this shard made.
  /// The position of its first counterexample (reported or suppressed) in
  /// the unsharded search's order; none if it found none.
  std::optional<uint64_t> First;
};

/// One scenario's outcome.
struct ScenarioSummary {
  std::string Name;
  std::string Verdict; ///< "counterexample", "certified", "inconclusive", "removed", ...
  std::string Detail;  ///< Bounds and search statistics, for people.
  /// In a review: "new", "changed", "unchanged" or "removed"; else "".
  std::string Change;
  /// The verdict was carried from an earlier search of the same model.
  bool Carried = false;
  /// check: the verdict came from the verdict cache (a search of the same
  /// model, bounds and options by this faultline version), not a search.
  bool Cached = false;
  /// The search covered one space shard of the fault space only.
  std::optional<SpaceShardSummary> Space;
};

/// Everything a writer prints.
struct FindingsReport {
  std::string ToolVersion;
  /// A review's revisions (commit names as given, and their hashes).
  std::string BaseRev, HeadRev;
  bool IsReview = false;
  /// The repository root (absolute), which SARIF calls %SRCROOT%: file
  /// names under it are written relative to it. Empty: as they are.
  std::string SourceRoot;
  /// Where the reported revision's files can be read when that is not
  /// SourceRoot (a review's scratch copy of head), for SARIF's columns.
  std::string SourceCopy;
  std::vector<ScenarioSummary> Scenarios;
  std::vector<Finding> Findings;
  /// A check of one shard (`--shard I/N`): Scenarios are those of shard
  /// Index of Count, out of Total in all shards; `faultline merge` joins the
  /// shards' reports.
  struct ShardInfo {
    unsigned Index = 0, Count = 0, Total = 0;
  };
  std::optional<ShardInfo> Shard;
  /// A check of one space shard (`--space-shard J/M`) of each scenario's
  /// fault space (Total unused).
  std::optional<ShardInfo> SpaceShard;
};

/// File relative to R.SourceRoot when it is under it; else unchanged.
std::string relativeToRoot(const FindingsReport &R, const std::string &File);

llvm::json::Value toJSON(const Location &L);
llvm::json::Value toJSON(const LineRange &R);
llvm::json::Value toJSON(const Violation &V);
llvm::json::Value toJSON(const StoryStep &S);
llvm::json::Value toJSON(const Finding &F);
llvm::json::Value toJSON(const ScenarioSummary &S);
llvm::json::Value toJSON(const SpaceShardSummary &S);
bool fromJSON(const llvm::json::Value &V, Location &L, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, LineRange &R, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Violation &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, StoryStep &S, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Finding &F, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, ScenarioSummary &S, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, SpaceShardSummary &S, llvm::json::Path P);

} // namespace faultline::report

#endif // FAULTLINE_REPORT_FINDINGS_H

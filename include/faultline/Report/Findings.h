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

/// One step of a counterexample's story.
struct StoryStep {
  enum class Kind { Crash, Handler, LostMessage };
  Kind K = Kind::Handler;
  int Time = 0;
  /// The node that crashes, handles or sends.
  std::string Node;
  /// Its role (a crash, a handler, a lost message's sender), "" if unknown.
  std::string Role;
  /// A handler step's handler (`Role::method`) and message; a lost
  /// message's message and receiver (with its role).
  std::string Handler, Message, Peer, PeerRole;
  std::string Text; ///< "at time 2, node a handles 'ack' from b in Leader::onAck"
  Location Loc;
};

/// Whether a finding is new in the revision under review (SARIF's
/// baselineState; None outside a review).
enum class Baseline { None, New, Absent, Unchanged };
const char *baselineName(Baseline B); ///< "new", "absent", "unchanged", "".

struct Finding {
  std::string Scenario;  ///< As the reports name it.
  std::string Invariant; ///< The (first) invariant the run breaks.
  Location InvariantLoc;
  std::string Faults; ///< "crash(b, 2), omission(a, c, 1)"
  std::vector<StoryStep> Story;
  /// "at the end of time 4, pre(...) holds but post does not", per broken tuple.
  std::vector<std::string> Violations;
  int EOT = 0;
  /// See fingerprint.h: what identifies the finding across revisions.
  std::string Fingerprint;
  Baseline State = Baseline::None;
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
};

/// Everything a writer prints.
struct FindingsReport {
  std::string ToolVersion;
  /// A review's revisions (commit names as given, and their hashes).
  std::string BaseRev, HeadRev;
  bool IsReview = false;
  std::vector<ScenarioSummary> Scenarios;
  std::vector<Finding> Findings;
};

llvm::json::Value toJSON(const Location &L);
llvm::json::Value toJSON(const StoryStep &S);
llvm::json::Value toJSON(const Finding &F);
llvm::json::Value toJSON(const ScenarioSummary &S);
bool fromJSON(const llvm::json::Value &V, Location &L, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, StoryStep &S, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Finding &F, llvm::json::Path P);

} // namespace faultline::report

#endif // FAULTLINE_REPORT_FINDINGS_H

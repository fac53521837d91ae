//===- ReviewDiff.cpp - Fingerprints and introduced/fixed findings --------===//

#include "faultline/Report/ReviewDiff.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace faultline::report {

std::string fingerprintText(const Finding &F) {
  // Sets, not sequences: the same faults and handlers at other times are
  // the same way to break the invariant.
  std::set<std::string> Faults, Handlers;
  for (const StoryStep &S : F.Story) {
    switch (S.K) {
    case StoryStep::Kind::Crash:
      Faults.insert("crash of " + (S.Role.empty() ? std::string("a node") : S.Role));
      break;
    case StoryStep::Kind::Restart:
      Faults.insert("restart of " + (S.Role.empty() ? std::string("a node") : S.Role));
      break;
    case StoryStep::Kind::LostMessage:
      Faults.insert("lost " + S.Message + " from " + S.Role + " to " + S.PeerRole);
      break;
    case StoryStep::Kind::LateTimer:
      Faults.insert("late " + S.Message + " of " + S.Role);
      break;
    case StoryStep::Kind::Handler:
      if (!S.Handler.empty())
        Handlers.insert(S.Handler);
      break;
    }
  }
  std::string Text = "scenario " + F.Scenario + "\ninvariant " + F.Invariant + "\n";
  for (const std::string &Fault : Faults)
    Text += "fault " + Fault + "\n";
  for (const std::string &H : Handlers)
    Text += "handler " + H + "\n";
  return Text;
}

std::string wayText(const Finding &F) {
  std::set<std::string> Handlers;
  for (const StoryStep &S : F.Story)
    if (S.K == StoryStep::Kind::Handler && !S.Handler.empty())
      Handlers.insert(S.Handler);
  std::string Text = F.Faults.empty() ? "no faults" : F.Faults;
  if (!Handlers.empty())
    Text += ", through " + llvm::join(Handlers, ", ");
  return Text;
}

std::string fingerprint(const Finding &F) {
  return llvm::utohexstr(llvm::xxh3_64bits(fingerprintText(F)), /*LowerCase=*/true, 16);
}

std::vector<Finding> classifyFindings(std::vector<Finding> Base, std::vector<Finding> Head) {
  for (std::vector<Finding> *Side : {&Base, &Head})
    for (Finding &F : *Side)
      if (F.Fingerprint.empty())
        F.Fingerprint = fingerprint(F);
  std::map<std::string, unsigned> InBase;
  for (const Finding &F : Base)
    ++InBase[F.Fingerprint];
  std::vector<Finding> Out;
  for (Finding &F : Head) {
    unsigned &Left = InBase[F.Fingerprint];
    F.State = Left ? Baseline::Unchanged : Baseline::New;
    if (Left)
      --Left;
    Out.push_back(std::move(F));
  }
  for (Finding &F : Base) {
    unsigned &Left = InBase[F.Fingerprint];
    if (!Left)
      continue;
    --Left;
    // A scenario that breaks the invariant another way than before is
    // still broken: one updated finding, not one fixed and one introduced.
    auto Other = std::find_if(Out.begin(), Out.end(), [&](const Finding &H) {
      return H.State == Baseline::New && H.Scenario == F.Scenario && H.Invariant == F.Invariant;
    });
    if (Other != Out.end()) {
      Other->State = Baseline::Updated;
      Other->Before = wayText(F);
      continue;
    }
    F.State = Baseline::Absent;
    Out.push_back(std::move(F));
  }
  // What the change did first, then what it left.
  auto Rank = [](const Finding &F) {
    switch (F.State) {
    case Baseline::New:
      return 0;
    case Baseline::Updated:
      return 1;
    case Baseline::Absent:
      return 2;
    default:
      return 3;
    }
  };
  std::stable_sort(Out.begin(), Out.end(),
                   [&](const Finding &A, const Finding &B) { return Rank(A) < Rank(B); });
  return Out;
}

ChangedLines parseChangedLines(llvm::StringRef Diff) {
  ChangedLines Out;
  std::vector<std::pair<unsigned, unsigned>> *File = nullptr;
  while (!Diff.empty()) {
    auto [Line, Rest] = Diff.split('\n');
    Diff = Rest;
    if (Line.consume_front("+++ ")) {
      // "+++ b/path", or "+++ /dev/null" for a deleted file; a name with a
      // space ends with a tab, for patch(1). git quotes names with control
      // characters or quotes ("+++ \"b/a\\tb\""): those stay unplaced.
      File = Line.consume_front("b/") ? &Out[Line.rtrim('\t').str()] : nullptr;
      continue;
    }
    if (!File || !Line.consume_front("@@ -"))
      continue;
    // "@@ -12,3 +14,5 @@ context": the new side is +14,5 (count 1 if
    // absent, 0 for a hunk that only deletes).
    size_t Plus = Line.find(" +");
    if (Plus == llvm::StringRef::npos)
      continue;
    llvm::StringRef New = Line.drop_front(Plus + 2).split(' ').first;
    auto [StartText, CountText] = New.split(',');
    unsigned Start = 0, Count = 1;
    if (StartText.getAsInteger(10, Start) ||
        (!CountText.empty() && CountText.getAsInteger(10, Count)))
      continue;
    if (Count)
      File->push_back({Start, Start + Count - 1});
  }
  return Out;
}

namespace {

/// The first changed line of File within First..Last, or 0.
unsigned firstChanged(const ChangedLines &Changed, const std::string &File, unsigned First,
                      unsigned Last) {
  auto It = Changed.find(File);
  if (It == Changed.end())
    return 0;
  unsigned Best = 0;
  for (auto [From, To] : It->second)
    if (From <= Last && To >= First) {
      unsigned Line = std::max(From, First);
      if (!Best || Line < Best)
        Best = Line;
    }
  return Best;
}

} // namespace

void placeOnChanges(std::vector<Finding> &Findings, const ChangedLines &Changed) {
  for (Finding &F : Findings) {
    if (F.State != Baseline::New && F.State != Baseline::Updated)
      continue;
    F.Changed = Location();
    F.ChangedText.clear();
    for (const StoryStep &S : F.Story) {
      for (const LineRange &R : S.Code)
        if (unsigned Line = firstChanged(Changed, R.File, R.First, R.Last)) {
          F.Changed = {R.File, Line, 0};
          F.ChangedText =
              R.State ? fmt::format("changed initial state that {} reads, which node {} runs "
                                    "at time {}",
                                    S.Handler, S.Node, S.Time)
                      : fmt::format("changed code of {}, which node {} runs at time {}",
                                    S.Handler, S.Node, S.Time);
          break;
        }
      if (F.Changed.isValid())
        break;
    }
    if (F.Changed.isValid())
      continue;
    if (firstChanged(Changed, F.InvariantLoc.File, F.InvariantLoc.Line, F.InvariantLoc.Line)) {
      F.Changed = F.InvariantLoc;
      F.ChangedText = fmt::format("the changed invariant '{}'", F.Invariant);
      continue;
    }
    for (const StoryStep &S : F.Story)
      if (S.K == StoryStep::Kind::Crash && S.Loc.isValid() &&
          firstChanged(Changed, S.Loc.File, S.Loc.Line, S.Loc.Line)) {
        F.Changed = S.Loc;
        F.ChangedText = fmt::format("the changed scenario '{}'", F.Scenario);
        break;
      }
  }
}

} // namespace faultline::report

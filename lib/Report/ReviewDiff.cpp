//===- ReviewDiff.cpp - Fingerprints and introduced/fixed findings --------===//

#include "faultline/Report/ReviewDiff.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

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
    case StoryStep::Kind::LostMessage:
      Faults.insert("lost " + S.Message + " from " + S.Role + " to " + S.PeerRole);
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
    F.State = Baseline::Absent;
    Out.push_back(std::move(F));
  }
  // What the change did first, then what it left.
  auto Rank = [](const Finding &F) {
    return F.State == Baseline::New ? 0 : F.State == Baseline::Absent ? 1 : 2;
  };
  std::stable_sort(Out.begin(), Out.end(),
                   [&](const Finding &A, const Finding &B) { return Rank(A) < Rank(B); });
  return Out;
}

} // namespace faultline::report

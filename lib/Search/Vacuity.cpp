//===- Vacuity.cpp - When "certified" would mean nothing ------------------===//
//
// A certificate says that no fault set within the bounds makes a run in
// which some `pre` tuple has no `post` twin. It is empty when nothing can
// ever be such a run: there is no `pre` at all, or every rule for `pre` is
// answered by a `post` rule with the very same body (an invariant whose
// check is `return true;`). And it covers little when a node the user named
// takes part in nothing. These are found before the search, from the
// program; what the runs show (a `pre` that never held) is counted by the
// search itself (SearchResult::InvariantsWithoutPre).
//
//===----------------------------------------------------------------------===//

#include "faultline/Search/Search.h"

#include "faultline/IR/ReservedNames.h"
#include "faultline/IR/Validate.h"

#include "llvm/ADT/STLExtras.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace faultline::search {

static bool isText(const ir::Term &T) {
  return T.K == ir::Term::Kind::String || T.K == ir::Term::Kind::Symbol;
}

/// The heads of P's rules and facts for Relation.
template <typename F> static void forEachHead(const ir::Program &P, const char *Relation, F Visit) {
  for (const ir::Rule &R : P.Rules)
    if (R.Head.Relation == Relation)
      Visit(R.Head);
  for (const ir::Fact &Fa : P.Facts)
    if (Fa.Head.Relation == Relation)
      Visit(Fa.Head);
}

/// The first columns of Relation's heads; false if one is not a name.
static bool headNames(const ir::Program &P, const char *Relation, std::set<std::string> &Names) {
  bool AllNamed = true;
  forEachHead(P, Relation, [&](const ir::Atom &Head) {
    if (!Head.Args.empty() && isText(Head.Args[0]))
      Names.insert(Head.Args[0].Text);
    else
      AllNamed = false;
  });
  return AllNamed;
}

std::vector<std::string> invariantNames(const ir::Program &P) {
  std::set<std::string> Names;
  bool Any = false;
  forEachHead(P, ir::PreRelation, [&](const ir::Atom &) { Any = true; });
  if (!Any)
    return {};
  if (!headNames(P, ir::PreRelation, Names))
    return {ir::PreRelation};
  return {Names.begin(), Names.end()};
}

std::vector<std::string> invariantsWithoutPost(const ir::Program &P) {
  std::vector<std::string> Names = invariantNames(P);
  std::set<std::string> Answered;
  // A post whose name is a variable may answer any of them.
  if ((Names.size() == 1 && Names[0] == ir::PreRelation) ||
      !headNames(P, ir::PostRelation, Answered))
    return {};
  llvm::erase_if(Names, [&](const std::string &N) { return Answered.count(N) != 0; });
  return Names;
}

std::string invariantOf(const eval::Tuple &Pre, const eval::SymbolTable &Syms,
                        const std::vector<std::string> &Names) {
  if (Names.size() == 1 && Names[0] == ir::PreRelation)
    return ir::PreRelation;
  if (!Pre.empty() && Pre[0].isStr())
    return Syms.text(static_cast<uint32_t>(Pre[0].V));
  return ir::PreRelation;
}

/// Whether a body is the same as another up to the order of its elements.
static bool sameBody(const std::vector<ir::BodyElem> &A, const std::vector<ir::BodyElem> &B) {
  if (A.size() != B.size())
    return false;
  std::vector<bool> Used(B.size());
  for (const ir::BodyElem &E : A) {
    bool Found = false;
    for (size_t I = 0; I < B.size() && !Found; ++I)
      if (!Used[I] && E == B[I])
        Used[I] = Found = true;
    if (!Found)
      return false;
  }
  return true;
}

/// Every string constant the facts hold.
static std::set<std::string> factConstants(const ir::Program &P) {
  std::set<std::string> Out;
  for (const ir::Fact &F : P.Facts)
    for (const ir::Term &T : F.Head.Args)
      if (isText(T))
        Out.insert(T.Text);
  return Out;
}

std::vector<VacuityWarning> vacuityWarnings(const ir::Program &P, const Bounds &B,
                                            bool NodesFromUser) {
  std::vector<VacuityWarning> Out;
  std::vector<std::string> Names = invariantNames(P);
  if (Names.empty()) {
    Out.push_back({ir::SourceLoc(),
                   "the program has no rule or fact for 'pre': no run can violate an "
                   "invariant, so 'certified' would mean nothing (define pre and post, or "
                   "FL_INVARIANT in C++)"});
  } else {
    // Invariants all of whose pre rules some post rule repeats.
    std::map<std::string, std::pair<unsigned, unsigned>> Answered; // name: (pre rules, repeated)
    const ir::Rule *Example = nullptr;
    for (const ir::Rule &Pre : P.Rules) {
      if (Pre.Head.Relation != ir::PreRelation)
        continue;
      std::string Name = Names.size() == 1 && Names[0] == ir::PreRelation ? ir::PreRelation
                                                                          : Pre.Head.Args[0].Text;
      auto &[Rules, Repeated] = Answered[Name];
      ++Rules;
      for (const ir::Rule &Post : P.Rules)
        if (Post.Head.Relation == ir::PostRelation && Post.Head.Args == Pre.Head.Args &&
            Post.Time == Pre.Time && sameBody(Post.Body, Pre.Body)) {
          ++Repeated;
          Example = &Pre;
          break;
        }
    }
    bool HasPreFact = std::any_of(P.Facts.begin(), P.Facts.end(), [](const ir::Fact &F) {
      return F.Head.Relation == ir::PreRelation;
    });
    for (const auto &[Name, Counts] : Answered)
      if (Counts.first == Counts.second && !HasPreFact)
        Out.push_back({Example ? Example->Loc : ir::SourceLoc(),
                       fmt::format("invariant '{}' cannot fail: a post rule repeats every one "
                                   "of its pre rules (a check that is 'return true;'?), so "
                                   "'certified' means nothing for it",
                                   Name)});
  }
  if (NodesFromUser) {
    std::set<std::string> Mentioned = factConstants(P);
    for (const std::string &N : B.Nodes)
      if (!Mentioned.count(N))
        Out.push_back({ir::SourceLoc(),
                       fmt::format("--nodes names '{}', which no fact of the program mentions: "
                                   "it starts with no state and no peer knows it, so faults "
                                   "at it test nothing (a misspelt node?)",
                                   N)});
  }
  return Out;
}

} // namespace faultline::search

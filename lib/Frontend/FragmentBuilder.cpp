//===- FragmentBuilder.cpp - Recording one TU's entities ------------------===//

#include "FragmentBuilder.h"

#include "ModelBuilder.h"
#include "Reporter.h"

#include "faultline/IR/Printer.h"
#include "faultline/IR/Validate.h"

#include "clang/Index/USRGeneration.h"

#include "llvm/ADT/SmallString.h"

#include <algorithm>
#include <cctype>

namespace faultline::frontend {

using ir::Atom;
using ir::Rule;
using ir::Term;

ir::Term variableFor(llvm::StringRef CxxName, unsigned &Counter) {
  std::string Name;
  for (char C : CxxName)
    if (std::isalnum(static_cast<unsigned char>(C)) || C == '_')
      Name += C;
  if (Name.empty())
    Name = "V";
  Name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(Name[0])));
  if (!std::isupper(static_cast<unsigned char>(Name[0])))
    Name = "V" + Name;
  return Term::variable(Name + "_" + std::to_string(++Counter));
}

std::string identityOf(const clang::Decl *D) {
  llvm::SmallString<128> USR;
  if (clang::index::generateUSRForDecl(D->getCanonicalDecl(), USR))
    if (const auto *N = llvm::dyn_cast<clang::NamedDecl>(D))
      return "name:" + N->getQualifiedNameAsString();
  return std::string(USR);
}

/// `Prefix1, ..., PrefixN`, or just `Prefix` for one.
static std::vector<Term> numbered(const std::string &Prefix, unsigned N) {
  if (N == 1)
    return {var(Prefix)};
  std::vector<Term> Out;
  for (unsigned I = 1; I <= N; ++I)
    Out.push_back(var(Prefix + std::to_string(I)));
  return Out;
}

FragmentBuilder::FragmentBuilder(const clang::SourceManager &SM) : SM(SM) {
  if (const clang::FileEntry *Main = SM.getFileEntryForID(SM.getMainFileID()))
    F.MainFile = Main->tryGetRealPathName().str();
}

ir::SourceLoc FragmentBuilder::loc(clang::SourceLocation L) {
  L = SM.getExpansionLoc(L);
  clang::PresumedLoc P = SM.getPresumedLoc(L);
  if (P.isInvalid())
    return {};
  auto [It, New] = FileIDs.try_emplace(SM.getFileID(L), 0);
  if (New) {
    // Absolute: the fragments of a database's TUs run in different
    // folders, and the reports read the files again.
    std::string Name = P.getFilename();
    if (auto Ref = SM.getFileEntryRefForID(SM.getFileID(L)))
      if (Ref->getName() == Name && !Ref->getFileEntry().tryGetRealPathName().empty())
        Name = Ref->getFileEntry().tryGetRealPathName().str();
    It->second = F.addFile(Name);
  }
  return ir::SourceLoc{It->second, P.getLine(), P.getColumn()};
}

void FragmentBuilder::begin(Entity::Kind K, const clang::NamedDecl *D, std::string Name) {
  Entity E;
  E.K = K;
  E.Id = identityOf(D);
  E.Name = std::move(Name);
  E.Loc = loc(D->getLocation());
  if (ir::SourceLoc End = loc(D->getEndLoc()); End.FileID == E.Loc.FileID)
    E.EndLine = End.Line;
  E.Suppressed = hasNolint(SM, D->getLocation());
  F.Entities.push_back(std::move(E));
  SeenRules.clear();
}

void FragmentBuilder::uses(const clang::Decl *D) {
  std::string Id = identityOf(D);
  std::vector<std::string> &Uses = current().Uses;
  if (std::find(Uses.begin(), Uses.end(), Id) == Uses.end())
    Uses.push_back(std::move(Id));
}

void FragmentBuilder::addMessage(const MessageType &M) {
  begin(Entity::Kind::Message, M.Decl, M.Decl->getQualifiedNameAsString());
  current().Relation = M.Relation;
  current().Columns = M.Columns;
  current().CrashNotice = M.CrashNotice;
  current().Claims.push_back({M.Relation, current().Loc});
  // A batch's rows arrive with their message and wait with it in the
  // inbox: kept, by arrival time, for the step that handles it.
  for (const Batch &B : M.Batches) {
    std::vector<Term> Sent{var("N"), var("F")}, Kept{var("N"), var("T"), var("F")};
    for (unsigned I = 0; I < M.Columns + 1 + B.ElementColumns; ++I) {
      Sent.push_back(var("A" + std::to_string(I + 1)));
      Kept.push_back(var("A" + std::to_string(I + 1)));
    }
    Rule Arrives = rule(atom(B.Stored, Kept), ir::HeadTime::Now,
                        {atom(B.Relation, Sent), atom(ClockRelation, {var("N"), var("T")})},
                        "a '" + M.Relation + "' message's " + B.Field->getNameAsString() +
                            " arrive with it");
    Rule Waits = rule(atom(B.Stored, Kept), ir::HeadTime::Next, {atom(B.Stored, Kept)},
                      "a '" + M.Relation + "' message's " + B.Field->getNameAsString() +
                          " wait with it");
    Arrives.Loc = Waits.Loc = loc(B.Field->getLocation());
    current().Rules.push_back(std::move(Arrives));
    current().Rules.push_back(std::move(Waits));
  }
}

void FragmentBuilder::addCallContexts(const MessageType &M) {
  std::vector<Term> Sent{var("N"), var("F")}, Kept{var("N"), var("T"), var("F")};
  for (unsigned I = 0; I < M.Columns + 2; ++I) {
    Sent.push_back(var("A" + std::to_string(I + 1)));
    Kept.push_back(var("A" + std::to_string(I + 1)));
  }
  Rule Arrives = rule(atom(M.storedCallRelation(), Kept), ir::HeadTime::Now,
                      {atom(M.callRelation(), Sent), atom(ClockRelation, {var("N"), var("T")})},
                      "the calls a '" + M.Relation + "' message answers or makes arrive with it");
  Rule Waits = rule(atom(M.storedCallRelation(), Kept), ir::HeadTime::Next,
                    {atom(M.storedCallRelation(), Kept)},
                    "the calls a '" + M.Relation + "' message answers or makes wait with it");
  Arrives.Loc = Waits.Loc = loc(M.Decl->getLocation());
  addRule(std::move(Arrives));
  addRule(std::move(Waits));
}

void FragmentBuilder::addRole(const Role &Ro) {
  begin(Entity::Kind::Role, Ro.Decl, Ro.Decl->getQualifiedNameAsString());
  for (const StateMember &S : Ro.State) {
    current().Claims.push_back({S.Relation, loc(S.Field->getLocation())});
    if (S.Durable)
      current().Declarations.push_back(
          {S.Ghost ? ir::Declaration::Kind::Ghost : ir::Declaration::Kind::Durable, S.Relation,
           loc(S.Field->getLocation())});
    std::string Origin = "persistence of " + Ro.Name + "::" + S.Field->getNameAsString();
    std::vector<Term> Key = numbered(S.K == StateMember::Kind::Set ? "E" : "K", S.KeyColumns);
    std::vector<Term> Cols = Key;
    for (const Term &V : numbered("V", S.ValueColumns))
      Cols.push_back(V);
    Cols.insert(Cols.begin(), var("N"));
    Key.insert(Key.begin(), var("N"));
    // A scalar keeps its value unless a handler set it this step; a set its
    // elements, a map (or vector) each key's (index's) value, unless a
    // handler erased or assigned them this step.
    Atom Kept = S.K == StateMember::Kind::Scalar
                    ? atom(S.assignedRelation(), {var("N")}, true)
                    : atom(S.deletedRelation(), Key, true);
    addRule(rule(atom(S.Relation, Cols), ir::HeadTime::Next, {atom(S.Relation, Cols), Kept},
                 Origin));
  }
  // A timer takes its own name and those of its arms and cancels.
  for (const TimerMember &T : Ro.Timers) {
    ir::TimerDecl Decl;
    Decl.Name = T.Name;
    Decl.Loc = loc(T.Field->getLocation());
    for (const std::string &Name : {Decl.Name, Decl.armRelation(), Decl.cancelRelation()})
      current().Claims.push_back({Name, Decl.Loc});
    current().Timers.push_back(std::move(Decl));
  }
}

void FragmentBuilder::beginHandler(const Role &Ro, const Handler &H) {
  begin(Entity::Kind::Handler, H.Method, Ro.Name + "::" + H.Method->getNameAsString());
  uses(Ro.Decl);
  current().Role = Ro.Name;
  if (H.Message) {
    uses(H.Message->Decl);
    current().Relation = H.Message->Relation;
  }
  // A timer's firing is handled as a message of the timer's name is.
  if (H.Timer)
    current().Relation = H.Timer->Name;
}

void FragmentBuilder::beginCallback(const Role &Ro, const clang::CXXMethodDecl *CallOperator,
                                    const MessageType &Response, std::string Name) {
  begin(Entity::Kind::Handler, CallOperator, std::move(Name));
  uses(Ro.Decl);
  uses(Response.Decl);
  current().Role = Ro.Name;
  current().Relation = Response.Relation;
}

void FragmentBuilder::addCrashNotices(const MessageType &Notice, const Role &Ro) {
  // crash(N, X, C) holds at every node at every step: the notice goes out
  // at C and, sent to self, is never lost.
  ir::Comparison Other;
  Other.Op = ir::CmpOp::NE;
  Other.LHS = var("N");
  Other.RHS = var("X");
  addRule(rule(atom(Notice.Relation, {var("N"), var("N"), var("X")}), ir::HeadTime::Async,
               {atom(RoleRelation, {var("N"), Term::string(Ro.Name)}),
                atom(ir::CrashRelation, {var("N"), var("X"), var("C")}),
                atom(ClockRelation, {var("N"), var("C")}), Other},
               "the failure detector tells " + Ro.Name + " of a crash"));
}

void FragmentBuilder::needSize(const StateMember &S) {
  // Counting the distinct bindings of the body: a set's elements, or a
  // map's keys (one value each).
  std::vector<Term> Cols = numbered("E", S.KeyColumns);
  for (const Term &V : numbered("V", S.ValueColumns))
    Cols.push_back(V);
  Term Count = Term::aggregate("count", Cols.front());
  Cols.insert(Cols.begin(), var("N"));
  addRule(rule(atom(S.sizeRelation(), {var("N"), Count}), ir::HeadTime::Now,
               {atom(S.Relation, Cols)}, "size of " + S.Field->getNameAsString()));
}

void FragmentBuilder::addRule(ir::Rule R) {
  if (SeenRules.insert(ir::printRule(R)).second)
    current().Rules.push_back(std::move(R));
}

void FragmentBuilder::addInvariant(InvariantCase C) {
  // An assert reached on several paths, or in a helper inlined twice, is
  // one property.
  std::vector<InvariantCase> &Cases = current().Cases;
  if (!C.Assertion.empty() &&
      std::any_of(Cases.begin(), Cases.end(),
                  [&](const InvariantCase &Known) { return Known.Name == C.Name; }))
    return;
  Cases.push_back(std::move(C));
}

void FragmentBuilder::ignored(clang::SourceLocation L, std::string What) {
  // A helper inlined in several handlers is ignored once.
  if (SeenIgnored.insert({SM.getExpansionLoc(L).getRawEncoding(), What}).second)
    F.Ignored.push_back({loc(L), std::move(What)});
}

void FragmentBuilder::addScenario(ScenarioModel S, const std::vector<const clang::Decl *> &Uses) {
  for (const clang::Decl *D : Uses)
    uses(D);
  current().Scenario = std::move(S);
}

} // namespace faultline::frontend

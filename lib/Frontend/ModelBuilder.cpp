//===- ModelBuilder.cpp - Assembling the extracted program ----------------===//

#include "ModelBuilder.h"

#include "faultline/IR/Printer.h"
#include "faultline/IR/Validate.h"

#include <cctype>

namespace faultline::frontend {

using ir::Atom;
using ir::BodyElem;
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

static Atom atom(std::string Relation, std::vector<Term> Args, bool Negated = false) {
  Atom A;
  A.Relation = std::move(Relation);
  A.Args = std::move(Args);
  A.Negated = Negated;
  return A;
}

static Rule rule(Atom Head, ir::HeadTime Time, std::vector<BodyElem> Body, std::string Origin) {
  Rule R;
  R.Head = std::move(Head);
  R.Time = Time;
  R.Body = std::move(Body);
  R.Origin = std::move(Origin);
  return R;
}

static Term var(const std::string &Name) { return Term::variable(Name); }

/// `Prefix1, ..., PrefixN`, or just `Prefix` for one.
static std::vector<Term> numbered(const std::string &Prefix, unsigned N) {
  if (N == 1)
    return {var(Prefix)};
  std::vector<Term> Out;
  for (unsigned I = 1; I <= N; ++I)
    Out.push_back(var(Prefix + std::to_string(I)));
  return Out;
}

ir::SourceLoc ModelBuilder::loc(const clang::SourceManager &SM, clang::SourceLocation L) {
  clang::PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(L));
  if (P.isInvalid())
    return {};
  std::string File = P.getFilename();
  unsigned Id = 0;
  for (unsigned I = 1; I < Model.Rules.Files.size(); ++I)
    if (Model.Rules.Files[I] == File)
      Id = I;
  if (!Id)
    Id = Model.Rules.addFile(File);
  return ir::SourceLoc{Id, P.getLine(), P.getColumn()};
}

void ModelBuilder::addRule(ir::Rule R) {
  // A header's handler is lowered in every TU that includes it.
  if (!Seen.insert(ir::printRule(R) + " @" + std::to_string(R.Loc.FileID) + ":" +
                   std::to_string(R.Loc.Line))
           .second)
    return;
  Model.Rules.Rules.push_back(std::move(R));
}

void ModelBuilder::addMessage(const MessageType &M) {
  MessageFields[M.Relation] = M.Columns;
  InboxWidth = std::max(InboxWidth, size_t(M.Columns));
}

void ModelBuilder::addRole(const Role &Ro) {
  if (!Roles.insert(Ro.Name).second)
    return;
  for (const StateMember &S : Ro.State) {
    if (!StateRelations.insert(S.Relation).second)
      continue;
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
                    ? atom(S.Relation + "_set", {var("N")}, true)
                    : atom(S.Relation + "_del", Key, true);
    addRule(rule(atom(S.Relation, Cols), ir::HeadTime::Next, {atom(S.Relation, Cols), Kept},
                 Origin));
  }
}

void ModelBuilder::addCrashNotices(const MessageType &Notice, const Role &Ro) {
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

void ModelBuilder::needSize(const StateMember &S) {
  // Counting the distinct bindings of the body: a set's elements, or a
  // map's keys (one value each).
  std::vector<Term> Cols = numbered("E", S.KeyColumns);
  for (const Term &V : numbered("V", S.ValueColumns))
    Cols.push_back(V);
  Term Count = Term::aggregate("count", Cols.front());
  Cols.insert(Cols.begin(), var("N"));
  addRule(rule(atom(S.Relation + "_size", {var("N"), Count}), ir::HeadTime::Now,
               {atom(S.Relation, Cols)}, "size of " + S.Field->getNameAsString()));
}

void ModelBuilder::addInvariant(InvariantCase C) { Invariants.push_back(std::move(C)); }

void ModelBuilder::addScenario(ScenarioModel S) {
  if (ScenarioNames.insert(S.Name).second)
    Model.Scenarios.push_back(std::move(S));
}

void ModelBuilder::addHandler(const std::string &Message, Declaration D) {
  for (const auto &[Msg, Known] : Model.Handlers)
    if (Msg == Message && Known.Name == D.Name)
      return;
  Model.Handlers.push_back({Message, std::move(D)});
}

void ModelBuilder::addInvariantDeclaration(Declaration D) {
  for (const Declaration &Known : Model.Invariants)
    if (Known.Name == D.Name)
      return;
  Model.Invariants.push_back(std::move(D));
}

void ModelBuilder::addInbox() {
  // Columns: node, arrival time, kind, sender, then the message's fields
  // padded with 0 to the widest message.
  auto Columns = [&](const std::string &Prefix) {
    std::vector<Term> Cols{var("N"), var("T"), var("K"), var("F")};
    for (size_t I = 0; I < InboxWidth; ++I)
      Cols.push_back(var(Prefix + std::to_string(I + 1)));
    return Cols;
  };
  for (const auto &[Relation, Fields] : MessageFields) {
    std::vector<Term> Msg{var("N"), var("F")};
    std::vector<Term> Inbox{var("N"), var("T"), Term::string(Relation), var("F")};
    for (size_t I = 0; I < InboxWidth; ++I) {
      if (I < Fields) {
        Msg.push_back(var("A" + std::to_string(I + 1)));
        Inbox.push_back(var("A" + std::to_string(I + 1)));
      } else {
        Inbox.push_back(Term::integer(0));
      }
    }
    addRule(rule(atom(InboxRelation, Inbox), ir::HeadTime::Now,
                 {atom(Relation, Msg), atom(ClockRelation, {var("N"), var("T")})},
                 "a '" + Relation + "' message enters the inbox"));
  }
  addRule(rule(atom(InboxRelation, Columns("A")), ir::HeadTime::Next,
               {atom(InboxRelation, Columns("A")), atom(CurrentRelation, Columns("A"), true)},
               "unhandled messages wait"));
  // One message per node per step: the oldest, then by kind, sender and
  // fields, picked one column at a time with min<>.
  std::vector<Term> Key{var("N")};
  std::string Prev;
  std::vector<std::string> Names{"T", "K", "F"};
  for (size_t I = 0; I < InboxWidth; ++I)
    Names.push_back("A" + std::to_string(I + 1));
  for (size_t Step = 0; Step < Names.size(); ++Step) {
    std::string Pick = "fl_pick_" + std::to_string(Step + 1);
    std::vector<Term> Head = Key;
    Head.push_back(Term::aggregate("min", var(Names[Step])));
    std::vector<Term> Inbox{var("N")};
    for (size_t C = 0; C < Names.size(); ++C)
      Inbox.push_back(C <= Step ? var(Names[C]) : Term::wildcard());
    std::vector<BodyElem> Body;
    if (!Prev.empty())
      Body.push_back(atom(Prev, Key));
    Body.push_back(atom(InboxRelation, Inbox));
    addRule(rule(atom(Pick, Head), ir::HeadTime::Now, std::move(Body),
                 "the inbox's next message, by " + Names[Step]));
    Key.push_back(var(Names[Step]));
    Prev = Pick;
  }
  addRule(rule(atom(CurrentRelation, Key), ir::HeadTime::Now, {atom(Prev, Key)},
               "the message handled this step"));
}

void ModelBuilder::addInvariantRules() {
  size_t Width = 0;
  for (const InvariantCase &C : Invariants)
    Width = std::max(Width, C.Columns.size());
  for (const InvariantCase &C : Invariants) {
    std::vector<Term> Cols{Term::string(C.Name)};
    for (const Term &T : C.Columns)
      Cols.push_back(T);
    while (Cols.size() < Width + 1)
      Cols.push_back(Term::integer(0));
    Rule Pre = rule(atom("pre", Cols), ir::HeadTime::Now, C.Pre, C.Origin);
    Pre.Loc = C.Loc;
    addRule(std::move(Pre));
    for (const auto &Body : C.Post) {
      Rule Post = rule(atom("post", Cols), ir::HeadTime::Now, Body, C.Origin);
      Post.Loc = C.Loc;
      addRule(std::move(Post));
    }
  }
}

ExtractedModel ModelBuilder::finish() {
  // Clocks and roles hold from the facts at time 1 on.
  addRule(rule(atom(ClockRelation, {var("N"), Term::arith('+', var("T"), Term::integer(1))}),
               ir::HeadTime::Next, {atom(ClockRelation, {var("N"), var("T")})},
               "each node's clock"));
  addRule(rule(atom(RoleRelation, {var("N"), var("R")}), ir::HeadTime::Next,
               {atom(RoleRelation, {var("N"), var("R")})}, "roles persist"));
  if (!MessageFields.empty())
    addInbox();
  addInvariantRules();
  return std::move(Model);
}

ir::Program ExtractedModel::programFor(const ScenarioModel &S) const {
  ir::Program P = Rules;
  for (const ir::Fact &F : S.Facts)
    P.Facts.push_back(F);
  return P;
}

} // namespace faultline::frontend

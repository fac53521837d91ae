//===- Fragment.cpp - Fragments as JSON files -----------------------------===//
//
// The JSON form of a translation unit's extraction: what the cache folder
// and the clang plugin store. Its "format" key changes whenever the meaning
// of what is stored changes, so that a newer faultline never trusts an
// older file.
//
//===----------------------------------------------------------------------===//

#include "faultline/Frontend/Fragment.h"

#include "faultline/IR/JsonFile.h"
#include "faultline/IR/Serialize.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace faultline::frontend {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Path;
using llvm::json::Value;

const char *const FragmentFormat = "faultline-fragment-3";

const uint64_t MaxFragmentBytes = 256u << 20;

static const char *const KindNames[] = {"message", "role", "handler", "invariant", "scenario"};

const char *kindName(Entity::Kind K) { return KindNames[static_cast<int>(K)]; }

unsigned Fragment::addFile(const std::string &Path) {
  for (unsigned I = 1; I < Files.size(); ++I)
    if (Files[I] == Path)
      return I;
  Files.push_back(Path);
  return static_cast<unsigned>(Files.size() - 1);
}

template <typename T> static Array array(const std::vector<T> &V) {
  Array A;
  for (const T &E : V)
    A.push_back(ir::toJSON(E));
  return A;
}

static Value toJSON(const InvariantCase &C) {
  Array Post;
  for (const auto &Body : C.Post)
    Post.push_back(array(Body));
  Object O{{"name", C.Name},         {"columns", array(C.Columns)},
           {"pre", array(C.Pre)},     {"post", std::move(Post)},
           {"loc", ir::toJSON(C.Loc)}, {"origin", C.Origin}};
  if (!C.Assertion.empty())
    O["assertion"] = C.Assertion;
  if (C.Suppressed)
    O["suppressed"] = true;
  return O;
}

static bool fromJSON(const Value &V, InvariantCase &C, Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("name", C.Name) && O.map("columns", C.Columns) && O.map("pre", C.Pre) &&
         O.map("post", C.Post) && O.map("loc", C.Loc) && O.map("origin", C.Origin) &&
         O.mapOptional("assertion", C.Assertion) && O.mapOptional("suppressed", C.Suppressed);
}

static Value toJSON(const IgnoredCode &I) {
  return Object{{"loc", ir::toJSON(I.Loc)}, {"what", I.What}};
}

static bool fromJSON(const Value &V, IgnoredCode &I, Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("loc", I.Loc) && O.map("what", I.What);
}

static Value toJSON(const ReportedProblem &R) {
  return Object{{"loc", ir::toJSON(R.Loc)}, {"message", R.Message}, {"silenced", R.Silenced}};
}

static bool fromJSON(const Value &V, ReportedProblem &R, Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("loc", R.Loc) && O.map("message", R.Message) &&
         O.map("silenced", R.Silenced);
}

static Value toJSON(const ScenarioModel &S) {
  Array Nodes;
  for (const std::string &N : S.Nodes)
    Nodes.push_back(N);
  return Object{{"name", S.Name},   {"qualified", S.QualifiedName},
                {"eot", S.EOT},     {"eff", S.EFF},
                {"crashes", S.Crashes}, {"nodes", std::move(Nodes)},
                {"facts", array(S.Facts)}, {"loc", ir::toJSON(S.Loc)},
                {"restarts", S.Restarts}, {"timer_slack", S.TimerSlack}};
}

static bool fromJSON(const Value &V, ScenarioModel &S, Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("name", S.Name) && O.map("qualified", S.QualifiedName) &&
         O.map("eot", S.EOT) && O.map("eff", S.EFF) && O.map("crashes", S.Crashes) &&
         O.map("nodes", S.Nodes) && O.map("facts", S.Facts) && O.map("loc", S.Loc) &&
         O.mapOptional("restarts", S.Restarts) && O.mapOptional("timer_slack", S.TimerSlack);
}

static Value toJSON(const Entity &E) {
  Array Uses, Claims, Cases;
  for (const std::string &U : E.Uses)
    Uses.push_back(U);
  for (const auto &[Name, Loc] : E.Claims)
    Claims.push_back(Array{Name, ir::toJSON(Loc)});
  for (const InvariantCase &C : E.Cases)
    Cases.push_back(toJSON(C));
  Object O{{"kind", kindName(E.K)}, {"id", E.Id},         {"name", E.Name},
           {"loc", ir::toJSON(E.Loc)}, {"uses", std::move(Uses)}, {"rules", array(E.Rules)}};
  if (E.Suppressed)
    O["suppressed"] = true;
  if (E.EndLine)
    O["end_line"] = E.EndLine;
  if (!E.Claims.empty())
    O["claims"] = std::move(Claims);
  if (!E.Relation.empty()) {
    O["relation"] = E.Relation;
    O["columns"] = E.Columns;
  }
  if (!E.Role.empty())
    O["role"] = E.Role;
  if (E.CrashNotice)
    O["crash_notice"] = true;
  if (!E.Cases.empty())
    O["cases"] = std::move(Cases);
  if (!E.Declarations.empty()) {
    Array Declarations;
    for (const ir::Declaration &D : E.Declarations)
      Declarations.push_back(Array{D.Relation, ir::spelling(D.K), ir::toJSON(D.Loc)});
    O["declarations"] = std::move(Declarations);
  }
  if (!E.Timers.empty()) {
    Array Timers;
    for (const ir::TimerDecl &T : E.Timers)
      Timers.push_back(Array{T.Name, ir::toJSON(T.Loc)});
    O["timers"] = std::move(Timers);
  }
  if (E.Scenario)
    O["scenario"] = toJSON(*E.Scenario);
  if (!E.Defined)
    O["defined"] = false;
  return O;
}

static bool fromJSON(const Value &V, Entity &E, Path P) {
  llvm::json::ObjectMapper O(V, P);
  std::string Kind;
  int64_t Columns = 0;
  uint64_t EndLine = 0;
  if (!O || !O.map("kind", Kind) || !O.map("id", E.Id) || !O.map("name", E.Name) ||
      !O.map("loc", E.Loc) || !O.map("uses", E.Uses) || !O.map("rules", E.Rules) ||
      !O.mapOptional("suppressed", E.Suppressed) || !O.mapOptional("end_line", EndLine) ||
      !O.mapOptional("relation", E.Relation) ||
      !O.mapOptional("columns", Columns) || !O.mapOptional("role", E.Role) ||
      !O.mapOptional("crash_notice", E.CrashNotice) ||
      !O.mapOptional("cases", E.Cases) || !O.mapOptional("scenario", E.Scenario) ||
      !O.mapOptional("defined", E.Defined))
    return false;
  E.EndLine = static_cast<unsigned>(std::min<uint64_t>(EndLine, ~0u));
  if (Columns < 0 || Columns > 1000) {
    P.field("columns").report("out of range");
    return false;
  }
  E.Columns = static_cast<unsigned>(Columns);
  const Array *Claims = V.getAsObject()->getArray("claims");
  const auto *It = std::find(std::begin(KindNames), std::end(KindNames), Kind);
  if (It == std::end(KindNames)) {
    P.field("kind").report("unknown kind of entity");
    return false;
  }
  E.K = static_cast<Entity::Kind>(It - std::begin(KindNames));
  for (size_t I = 0; Claims && I < Claims->size(); ++I) {
    std::pair<std::string, ir::SourceLoc> C;
    const Array *Claim = (*Claims)[I].getAsArray();
    auto Name = Claim && Claim->size() == 2 ? (*Claim)[0].getAsString() : std::nullopt;
    if (!Name || !ir::fromJSON((*Claim)[1], C.second, P.field("claims").index(I))) {
      P.field("claims").index(I).report("expected [relation, location]");
      return false;
    }
    C.first = Name->str();
    E.Claims.push_back(std::move(C));
  }
  const Array *Timers = V.getAsObject()->getArray("timers");
  for (size_t I = 0; Timers && I < Timers->size(); ++I) {
    ir::TimerDecl T;
    const Array *Timer = (*Timers)[I].getAsArray();
    auto Name = Timer && Timer->size() == 2 ? (*Timer)[0].getAsString() : std::nullopt;
    if (!Name || !ir::fromJSON((*Timer)[1], T.Loc, P.field("timers").index(I))) {
      P.field("timers").index(I).report("expected [timer, location]");
      return false;
    }
    T.Name = Name->str();
    E.Timers.push_back(std::move(T));
  }
  const Array *Declarations = V.getAsObject()->getArray("declarations");
  for (size_t I = 0; Declarations && I < Declarations->size(); ++I) {
    ir::Declaration D;
    const Array *Decl = (*Declarations)[I].getAsArray();
    auto Name = Decl && Decl->size() == 3 ? (*Decl)[0].getAsString() : std::nullopt;
    auto Kind = Decl && Decl->size() == 3 ? (*Decl)[1].getAsString() : std::nullopt;
    if (!Name || !Kind || (*Kind != "durable" && *Kind != "ghost") ||
        !ir::fromJSON((*Decl)[2], D.Loc, P.field("declarations").index(I))) {
      P.field("declarations").index(I).report("expected [relation, durable|ghost, location]");
      return false;
    }
    D.Relation = Name->str();
    D.K = *Kind == "ghost" ? ir::Declaration::Kind::Ghost : ir::Declaration::Kind::Durable;
    E.Declarations.push_back(std::move(D));
  }
  return true;
}

Value toJSON(const Fragment &F) {
  Array Files, Entities, Ignored;
  for (size_t I = 1; I < F.Files.size(); ++I)
    Files.push_back(F.Files[I]);
  for (const Entity &E : F.Entities)
    Entities.push_back(toJSON(E));
  for (const IgnoredCode &I : F.Ignored)
    Ignored.push_back(toJSON(I));
  Object O{{"format", FragmentFormat},
           {"main_file", F.MainFile},
           {"files", std::move(Files)},
           {"problems", F.Problems},
           {"entities", std::move(Entities)}};
  if (!Ignored.empty())
    O["ignored"] = std::move(Ignored);
  if (!F.Reported.empty()) {
    Array Reported;
    for (const ReportedProblem &R : F.Reported)
      Reported.push_back(toJSON(R));
    O["reported"] = std::move(Reported);
  }
  return O;
}

bool fromJSON(const Value &V, Fragment &F, Path P) {
  llvm::json::ObjectMapper O(V, P);
  std::string Format;
  std::vector<std::string> Files;
  int64_t Problems = 0;
  if (!O || !O.map("format", Format))
    return false;
  if (Format != FragmentFormat) {
    P.field("format").report("written by another version of faultline");
    return false;
  }
  if (!O.map("main_file", F.MainFile) || !O.map("files", Files) ||
      !O.map("problems", Problems) || !O.map("entities", F.Entities) ||
      !O.mapOptional("ignored", F.Ignored) || !O.mapOptional("reported", F.Reported))
    return false;
  F.Problems = static_cast<unsigned>(std::max<int64_t>(Problems, 0));
  F.Files.assign(1, std::string());
  F.Files.insert(F.Files.end(), Files.begin(), Files.end());
  return true;
}

std::optional<Fragment> readFragment(const std::string &Path, std::string &Error) {
  // Far more than any translation unit's extraction.
  auto Buffer = ir::readRegularFile(Path, MaxFragmentBytes);
  if (!Buffer) {
    Error = Path + ": " + llvm::toString(Buffer.takeError());
    return std::nullopt;
  }
  auto V = ir::parseJSON((*Buffer)->getBuffer());
  if (!V) {
    Error = Path + ": not a faultline fragment: " + llvm::toString(V.takeError());
    return std::nullopt;
  }
  Fragment F;
  llvm::json::Path::Root Root("fragment");
  if (!fromJSON(*V, F, Root)) {
    Error = Path + ": not a faultline fragment: " + llvm::toString(Root.getError());
    return std::nullopt;
  }
  return F;
}

bool writeFragment(const Fragment &F, const std::string &Path, std::string &Error) {
  // Through a temporary file renamed into place, so that a reader running
  // at the same time (a parallel build, check) never sees half a file.
  llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << toJSON(F);
    return llvm::Error::success();
  });
  if (!E)
    return true;
  Error = "cannot write " + Path + ": " + llvm::toString(std::move(E));
  return false;
}

} // namespace faultline::frontend

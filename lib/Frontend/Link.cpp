//===- Link.cpp - The whole program, one model per scenario ---------------===//
//
// Fragments are merged by identity: a declaration in a header that ten
// translation units include is one entity. A declaration that two TUs
// define differently (an ODR violation) is an error naming both places.
// Then each scenario gets the model of exactly what it reaches: the roles
// of its nodes, their handlers, the messages those handle and send and the
// scenario delivers, and the invariants over those roles. Unrelated
// programs in one compilation database never meet, and relation names need
// only be distinct within what one scenario reaches.
//
//===----------------------------------------------------------------------===//

#include "faultline/Frontend/Fragment.h"

#include "ModelBuilder.h"

#include "faultline/IR/Diagnostics.h"
#include "faultline/IR/Serialize.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <set>

namespace faultline::frontend {

namespace {

template <typename F> void forEachLoc(ScenarioModel &S, F &&Map) {
  Map(S.Loc);
  for (ir::Fact &Fa : S.Facts)
    ir::forEachLoc(Fa, Map);
}

template <typename F> void forEachLoc(Entity &E, F &&Map) {
  Map(E.Loc);
  for (ir::Rule &R : E.Rules)
    ir::forEachLoc(R, Map);
  for (auto &[Name, Loc] : E.Claims)
    Map(Loc);
  for (ir::Declaration &D : E.Declarations)
    Map(D.Loc);
  for (ir::TimerDecl &T : E.Timers)
    Map(T.Loc);
  for (InvariantCase &C : E.Cases) {
    Map(C.Loc);
    ir::forEachLoc(C.Pre, Map);
    for (auto &Body : C.Post)
      ir::forEachLoc(Body, Map);
    for (ir::Term &T : C.Columns)
      ir::forEachLoc(T, Map);
  }
  if (E.Scenario)
    forEachLoc(*E.Scenario, Map);
}

/// What makes two definitions the same: everything but where they are.
std::string contentOf(Entity E) {
  forEachLoc(E, [](ir::SourceLoc &L) { L = ir::SourceLoc(); });
  Fragment One;
  One.Entities.push_back(std::move(E));
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << toJSON(One);
  return Text;
}

struct Merged {
  Entity E;
  std::string Content; ///< Only for defined entities.
};

class Linker {
public:
  explicit Linker(llvm::raw_ostream &Errs) : Diags(Errs) {}

  bool merge(const std::vector<Fragment> &Fragments) {
    std::vector<std::pair<const Fragment *, std::vector<unsigned>>> Refused;
    for (const Fragment &F : Fragments) {
      std::vector<unsigned> FileMap;
      for (const std::string &Path : F.Files)
        FileMap.push_back(Path.empty() ? 0 : Program.addFile(Path));
      if (F.Problems) {
        Refused.push_back({&F, std::move(FileMap)});
        continue;
      }
      for (Entity E : F.Entities) {
        bool Ok = true;
        forEachLoc(E, [&](ir::SourceLoc &L) {
          if (L.FileID >= FileMap.size())
            Ok = false;
          else
            L.FileID = FileMap[L.FileID];
        });
        if (!Ok) {
          Diags.error(F.MainFile + ": a faultline fragment with a bad file table");
          continue;
        }
        add(std::move(E));
      }
    }
    for (auto &[F, FileMap] : Refused)
      refuse(*F, FileMap);
    return !Diags.hasErrors();
  }

  std::optional<std::vector<ExtractedModel>> models() {
    std::map<std::string, unsigned> NameCount;
    for (const Merged &M : Entities)
      if (M.E.Scenario)
        ++NameCount[M.E.Scenario->Name];
    std::vector<ExtractedModel> Out;
    for (const Merged &M : Entities)
      if (M.E.K == Entity::Kind::Scenario && M.E.Scenario)
        if (auto Model = modelOf(M.E)) {
          Model->DisplayName = NameCount[M.E.Scenario->Name] > 1 ? M.E.Scenario->QualifiedName
                                                                 : M.E.Scenario->Name;
          Out.push_back(std::move(*Model));
        }
    if (Diags.hasErrors())
      return std::nullopt;
    return Out;
  }

private:
  void add(Entity E) {
    auto [It, New] = Index.try_emplace(E.Id, Entities.size());
    if (New) {
      std::string Content = E.Defined ? contentOf(E) : "";
      Entities.push_back({std::move(E), std::move(Content)});
      return;
    }
    Merged &Known = Entities[It->second];
    if (!E.Defined)
      return;
    std::string Content = contentOf(E);
    if (!Known.E.Defined) {
      Known = {std::move(E), std::move(Content)};
      return;
    }
    if (Content != Known.Content && !Reported.count(E.Id)) {
      Reported.insert(E.Id);
      error(E.Loc, std::string("the ") + kindName(E.K) + " '" + E.Name +
                       "' is defined differently in two translation units (the one "
                       "definition rule); faultline cannot tell which one runs");
      note(Known.E.Loc, "the other definition is here");
    }
  }

  const Entity *find(const std::string &Id) const {
    auto It = Index.find(Id);
    return It == Index.end() ? nullptr : &Entities[It->second].E;
  }

  std::optional<ExtractedModel> modelOf(const Entity &Scenario) {
    std::set<std::string> Roles, Messages;
    for (const std::string &Id : Scenario.Uses)
      if (const Entity *E = find(Id))
        (E->K == Entity::Kind::Role ? Roles : Messages).insert(Id);
    // A handler's first use is its role; the rest are the messages it
    // handles and sends.
    std::set<std::string> Handlers, Invariants;
    bool Ok = true;
    for (const Merged &M : Entities) {
      const Entity &E = M.E;
      if (E.K == Entity::Kind::Handler && !E.Uses.empty() && Roles.count(E.Uses.front())) {
        if (!E.Defined) {
          error(E.Loc, "handler '" + E.Name + "' of scenario '" + Scenario.Name +
                           "' is defined in none of the translation units read; add the file "
                           "that defines it");
          Ok = false;
          continue;
        }
        Handlers.insert(E.Id);
        Messages.insert(E.Uses.begin() + 1, E.Uses.end());
      }
      if (E.K == Entity::Kind::Invariant && !E.Uses.empty() &&
          std::all_of(E.Uses.begin(), E.Uses.end(),
                      [&](const std::string &Id) { return Roles.count(Id) != 0; }))
        Invariants.insert(E.Id);
    }
    if (!Ok || !checkNames(Scenario, Roles, Messages))
      return std::nullopt;

    ModelBuilder B;
    B.program().Files = Program.Files;
    // In the order the entities were first seen: a single TU's model keeps
    // its declarations' order.
    for (const Merged &M : Entities) {
      const Entity &E = M.E;
      const std::set<std::string> *Reached = nullptr;
      switch (E.K) {
      case Entity::Kind::Message:
        Reached = &Messages;
        break;
      case Entity::Kind::Role:
        Reached = &Roles;
        break;
      case Entity::Kind::Handler:
        Reached = &Handlers;
        break;
      case Entity::Kind::Invariant:
        Reached = &Invariants;
        break;
      case Entity::Kind::Scenario:
        break;
      }
      if (!Reached || !Reached->count(E.Id))
        continue;
      if (E.K == Entity::Kind::Message)
        B.addMessage(E.Relation, E.Columns);
      for (const ir::Rule &R : E.Rules)
        B.addRule(R);
      for (const ir::Declaration &D : E.Declarations)
        B.program().Declarations.push_back(D);
      for (const ir::TimerDecl &T : E.Timers)
        B.addTimer(T);
      if (E.K == Entity::Kind::Handler && !E.Relation.empty())
        B.addHandler(E.Relation, {E.Name, E.Loc, E.Suppressed, E.Role, E.EndLine});
      if (E.K == Entity::Kind::Invariant) {
        B.addInvariantDeclaration({E.Name, E.Loc, E.Suppressed, /*Role=*/"", /*EndLine=*/0, ""});
        for (const InvariantCase &C : E.Cases)
          B.addInvariant(C);
      }
      // A handler's asserts are checked like invariants, each at its own
      // location.
      if (E.K == Entity::Kind::Handler)
        for (const InvariantCase &C : E.Cases) {
          B.addInvariantDeclaration({C.Name, C.Loc, C.Suppressed, /*Role=*/"", /*EndLine=*/0, C.Assertion});
          B.addInvariant(C);
        }
    }
    return B.finish(*Scenario.Scenario);
  }

  /// Relation names and role names must be distinct among what the
  /// scenario reaches.
  bool checkNames(const Entity &Scenario, const std::set<std::string> &Roles,
                  const std::set<std::string> &Messages) {
    std::map<std::string, std::pair<const Entity *, ir::SourceLoc>> Taken;
    std::map<std::string, const Entity *> RoleNames;
    bool Ok = true;
    for (const Merged &M : Entities) {
      const Entity &E = M.E;
      if (!Roles.count(E.Id) && !Messages.count(E.Id))
        continue;
      for (const auto &[Name, Loc] : E.Claims) {
        auto [It, New] = Taken.try_emplace(Name, &E, Loc);
        if (New)
          continue;
        // Each declaration claims a name once: a second claim by the same
        // one is two of its members (`fooBar` and `foo_bar`).
        if (It->second.first == &E)
          error(Loc, "two members of '" + E.Name + "' would both be the relation '" + Name +
                         "'; rename one");
        else
          error(Loc, "'" + E.Name + "' and '" + It->second.first->Name +
                         "' would both be the relation '" + Name + "' in scenario '" +
                         Scenario.Name + "'; rename one");
        note(It->second.second, "the relation '" + Name + "' comes from here");
        Ok = false;
      }
      if (E.K == Entity::Kind::Role) {
        std::string Short = llvm::StringRef(E.Name).rsplit("::").second.str();
        if (Short.empty())
          Short = E.Name;
        auto [It, New] = RoleNames.try_emplace(Short, &E);
        if (!New) {
          error(E.Loc, "scenario '" + Scenario.Name + "' has two processes named '" + Short +
                           "' ('" + It->second->Name + "' and '" + E.Name +
                           "'); rename one");
          note(It->second->Loc, "the other one is here");
          Ok = false;
        }
      }
    }
    return Ok;
  }

  /// A TU whose extraction left out code the frontend rejected: its model
  /// would be wrong, so it is not used. Each problem is named where it is,
  /// as the compile reported it; a NOLINT silences the warning in the
  /// build's output, not the code's absence from the model.
  void refuse(const Fragment &F, const std::vector<unsigned> &FileMap) {
    unsigned Named = 0;
    for (const ReportedProblem &R : F.Reported) {
      ir::SourceLoc L = R.Loc;
      L.FileID = L.FileID < FileMap.size() ? FileMap[L.FileID] : 0;
      if (!L.FileID)
        L = ir::SourceLoc();
      error(L, R.Message);
      if (R.Silenced)
        note(L, "NOLINT(faultline) silenced this warning in the build, but the code it names "
                "is not in the model, so the model of " +
                    F.MainFile +
                    " would be wrong; a NOLINT silences a counterexample, not this");
      ++Named;
    }
    // A fragment from before they were listed: their number only.
    if (Named < F.Problems)
      Diags.error(F.MainFile + ": faultline reported " + std::to_string(F.Problems - Named) +
                  (Named ? " more" : "") + " problem" + (F.Problems - Named == 1 ? "" : "s") +
                  " when this file was compiled; fix them before checking");
  }

  void error(ir::SourceLoc L, const std::string &Message) {
    loadSources();
    Diags.error(L, Message);
  }
  void note(ir::SourceLoc L, const std::string &Message) { Diags.note(L, Message); }

  /// Diagnostics show the source line: read the files on the first one.
  void loadSources() {
    if (SourcesLoaded)
      return;
    SourcesLoaded = true;
    Diags.setProgram(&Program);
    for (unsigned I = 1; I < Program.Files.size(); ++I)
      if (auto Buffer = llvm::MemoryBuffer::getFile(Program.Files[I]))
        Diags.addSourceText(I, (*Buffer)->getBuffer().str());
  }

  ir::DiagnosticEngine Diags;
  ir::Program Program;
  bool SourcesLoaded = false;
  std::vector<Merged> Entities;
  std::map<std::string, size_t> Index;
  std::set<std::string> Reported;
};

} // namespace

std::optional<std::vector<ExtractedModel>> link(const std::vector<Fragment> &Fragments,
                                                llvm::raw_ostream &Errs) {
  Linker L(Errs);
  if (!L.merge(Fragments))
    return std::nullopt;
  return L.models();
}

} // namespace faultline::frontend

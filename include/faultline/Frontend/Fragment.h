//===- faultline/Frontend/Fragment.h - One TU's part of the model -*- C++ -*-===//
//
// What one translation unit contributes to the whole program: its annotated
// declarations as entities that carry their identity (Clang's USR, the same
// in every TU that sees the declaration), what they need from other
// entities, and the rules they add. Fragments are what the extraction cache
// stores and what the clang plugin writes next to each object file; link()
// merges the fragments of a program by identity and builds one model per
// scenario from exactly what that scenario reaches.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_FRONTEND_FRAGMENT_H
#define FAULTLINE_FRONTEND_FRAGMENT_H

#include "faultline/IR/AST.h"
#include "faultline/faults.h"

#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace faultline::frontend {

/// One FL_SCENARIO function: bounds, nodes, and the facts that start it.
struct ScenarioModel {
  std::string Name;          ///< As written: `lostDelivery`.
  std::string QualifiedName; ///< With its namespaces: `broadcast::lostDelivery`.
  /// As s.bounds sets them; a scenario without s.bounds has the defaults.
  int EOT = Bounds().EOT, EFF = Bounds().EFF, Crashes = Bounds().MaxCrashes;
  /// As s.restarts sets it.
  int Restarts = Bounds().MaxRestarts;
  /// As s.timerSlack sets it.
  int TimerSlack = Bounds().TimerSlack;
  std::vector<std::string> Nodes;
  std::vector<ir::Fact> Facts;
  ir::SourceLoc Loc;
};

/// One way an invariant can fail: `pre` holds where its body does, `post`
/// where the body and one of the alternatives do.
struct InvariantCase {
  std::string Name;
  std::vector<ir::Term> Columns;
  std::vector<ir::BodyElem> Pre;
  std::vector<std::vector<ir::BodyElem>> Post;
  ir::SourceLoc Loc;
  std::string Origin;
  /// A C++ `assert` in a handler (or a helper it calls), as written:
  /// `assert(votes <= 3)`; empty for an invariant's case. Its `pre` holds
  /// where the assert was reached with its condition false; it has no
  /// `post`.
  std::string Assertion;
  /// `// NOLINT(faultline)` on the assert's line.
  bool Suppressed = false;
};

/// Code the frontend left out of the model because it has no effect on it
/// (`printf`, stream output, `static_assert`, `(void)x;`, FL_IGNORE
/// functions): `-v` lists it.
struct IgnoredCode {
  ir::SourceLoc Loc;
  std::string What;
};

/// An annotated declaration and what it adds to a model.
struct Entity {
  enum class Kind { Message, Role, Handler, Invariant, Scenario };
  Kind K = Kind::Message;
  /// Clang's USR: a header's declaration has the same one in every TU.
  std::string Id;
  /// Its name in the model's explanations: the qualified C++ name of a
  /// message or role, `Role::method` for a handler, the invariant's or
  /// scenario's name.
  std::string Name;
  ir::SourceLoc Loc;
  /// The last line of its definition (a handler's closing brace), in Loc's
  /// file; 0 if unknown. A review places findings on the changed lines of
  /// the handlers they run.
  unsigned EndLine = 0;
  /// `// NOLINT(faultline)` on its declaration: its findings are not reported.
  bool Suppressed = false;
  /// The entities it needs: a handler's role and the messages it handles
  /// and sends; the roles an invariant reads; a scenario's roles and the
  /// messages it delivers.
  std::vector<std::string> Uses;
  /// Rules it adds: a role's persistence, a handler's paths, an invariant's
  /// helper relations.
  std::vector<ir::Rule> Rules;
  /// Relation names it takes (a message's, a role's state members'), with
  /// the declaration that takes each; the relations derived from a member
  /// are in the reserved namespace and need no claim.
  std::vector<std::pair<std::string, ir::SourceLoc>> Claims;
  /// A role's FL_DURABLE and FL_GHOST members' relations.
  std::vector<ir::Declaration> Declarations;
  /// A role's FL_TIMER members, each a timer of the model whose firings
  /// enter the inbox as events of the timer's name.
  std::vector<ir::TimerDecl> Timers;
  /// A message's relation and number of columns; a handler's message (or
  /// timer).
  std::string Relation;
  unsigned Columns = 0;
  /// A handler's role, as the scenarios' fl_role facts name it.
  std::string Role;
  /// faultline::NodeCrashed: sent by the environment, not by the protocol.
  bool CrashNotice = false;
  std::vector<InvariantCase> Cases;
  std::optional<ScenarioModel> Scenario;
  /// False for a handler whose body this TU does not see (it is defined in
  /// another one); link() requires a definition somewhere.
  bool Defined = true;
};

const char *kindName(Entity::Kind K);

/// A problem the frontend reported in a translation unit. The plugin keeps
/// them in the TU's fragment so that `check --from-objects`, which refuses
/// the fragment, can say which ones and where: the compile's warning has
/// scrolled by, or a NOLINT silenced it.
struct ReportedProblem {
  ir::SourceLoc Loc;
  std::string Message;
  /// A `// NOLINT(faultline)` on its line silenced the plugin's warning.
  bool Silenced = false;
};

/// The extraction of one translation unit. FileIDs index Files.
struct Fragment {
  std::string MainFile;
  std::vector<std::string> Files{std::string()};
  std::vector<Entity> Entities;
  /// Problems the frontend reported in this TU (the plugin reports them as
  /// warnings and still writes the fragment; check refuses to use it).
  unsigned Problems = 0;
  /// Those problems, where they are (none in a fragment of an older plugin).
  std::vector<ReportedProblem> Reported;
  std::vector<IgnoredCode> Ignored;

  unsigned addFile(const std::string &Path);
};

/// The format version of fragments: a cache or object folder written by
/// another faultline is read again, not trusted.
extern const char *const FragmentFormat;
/// The largest fragment file read (256 MiB): a bigger one is refused.
extern const uint64_t MaxFragmentBytes;

llvm::json::Value toJSON(const Fragment &F);
bool fromJSON(const llvm::json::Value &V, Fragment &F, llvm::json::Path P);
/// Reads a fragment file; an error message if it cannot.
std::optional<Fragment> readFragment(const std::string &Path, std::string &Error);
bool writeFragment(const Fragment &F, const std::string &Path, std::string &Error);

struct Declaration {
  std::string Name; ///< Role::method, or the invariant's name.
  ir::SourceLoc Loc;
  bool Suppressed = false;
  /// A handler's role, as the scenario's fl_role facts name it: the
  /// handler that handles a message at a node is its role's.
  std::string Role;
  /// The last line of its definition in Loc's file (0: unknown).
  unsigned EndLine = 0;
  /// An assert's condition as written (InvariantCase::Assertion), with the
  /// function it is in: then Name is the pre's name and Loc the assert's.
  std::string Assertion;
};

/// The model of one scenario: the rules of every role, handler, message and
/// invariant it reaches, and its facts.
struct ExtractedModel {
  ScenarioModel Scenario;
  /// What the reports call the scenario: its name, or its qualified name
  /// where another scenario of the program has the same name.
  std::string DisplayName;
  /// The rules (no facts), and the file table of every location they carry.
  ir::Program Rules;
  /// Receive handlers by the message relation they handle.
  std::vector<std::pair<std::string, Declaration>> Handlers;
  /// Invariants by name.
  std::vector<Declaration> Invariants;

  /// The runnable program: the rules and the scenario's facts.
  ir::Program program() const;
};

/// Merges fragments by identity and builds each scenario's model. Problems
/// (a declaration that differs between TUs, relation names two reachable
/// declarations would share, a handler never defined) are printed to Errs
/// as diagnostics; nothing is returned after any.
std::optional<std::vector<ExtractedModel>> link(const std::vector<Fragment> &Fragments,
                                                llvm::raw_ostream &Errs);

} // namespace faultline::frontend

#endif // FAULTLINE_FRONTEND_FRAGMENT_H

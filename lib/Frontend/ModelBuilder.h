//===- ModelBuilder.h - Assembling the extracted program --------*- C++ -*-===//
//
// Private to the frontend. Collects the rules every translation unit lowers
// (a handler in a header is lowered once per TU that includes it; the copies
// are merged), and adds the rules the model itself needs: the node clocks,
// role persistence, state persistence, and the inbox that hands each node one
// message per step.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_MODELBUILDER_H
#define FAULTLINE_LIB_FRONTEND_MODELBUILDER_H

#include "Protocol.h"

#include "faultline/Frontend/Frontend.h"
#include "faultline/IR/AST.h"

#include "clang/Basic/SourceManager.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace faultline::frontend {

/// The relations the model's own machinery uses.
inline constexpr const char *RoleRelation = "fl_role";
inline constexpr const char *ClockRelation = "fl_now";
inline constexpr const char *InboxRelation = "fl_inbox";
inline constexpr const char *CurrentRelation = "fl_current";

/// One invariant's violation shape: `pre` holds where its body does, `post`
/// where the body and one of the alternatives do.
struct InvariantCase {
  std::string Name;
  std::vector<ir::Term> Columns;
  std::vector<ir::BodyElem> Pre;
  std::vector<std::vector<ir::BodyElem>> Post;
  ir::SourceLoc Loc;
  std::string Origin;
};

class ModelBuilder {
public:
  ir::SourceLoc loc(const clang::SourceManager &SM, clang::SourceLocation L);

  /// Adds R unless an identical rule (from another TU) is there already.
  void addRule(ir::Rule R);
  void addMessage(const MessageType &M);
  void addRole(const Role &R);
  /// Every node of role R gets Notice, from itself, at the step after
  /// another node crashes.
  void addCrashNotices(const MessageType &Notice, const Role &R);
  /// `rel_size(N, count<E>)` for a set member whose size is read.
  void needSize(const StateMember &S);
  void addInvariant(InvariantCase C);
  void addScenario(ScenarioModel S);
  void addHandler(const std::string &Message, Declaration D);
  void addInvariantDeclaration(Declaration D);

  /// Adds the inbox rules (which need every message type) and the invariant
  /// rules (padded to one arity), and hands over the model.
  ExtractedModel finish();

  ir::Program &program() { return Model.Rules; }

  /// The widest message, in fields: the inbox's columns after the kind.
  size_t inboxWidth() const { return InboxWidth; }

private:
  void addInbox();
  void addInvariantRules();

  ExtractedModel Model;
  std::set<std::string> Seen;
  std::map<std::string, size_t> MessageFields;
  size_t InboxWidth = 0;
  std::set<std::string> Roles;
  std::set<std::string> StateRelations;
  std::vector<InvariantCase> Invariants;
  std::set<std::string> ScenarioNames;
};

/// A term for a fresh variable named after a C++ name: `p` -> `P_3`.
ir::Term variableFor(llvm::StringRef CxxName, unsigned &Counter);

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_MODELBUILDER_H

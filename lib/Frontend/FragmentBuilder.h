//===- FragmentBuilder.h - Recording one TU's entities ----------*- C++ -*-===//
//
// Private to the frontend. The lowering of one translation unit records
// what each annotated declaration adds to the model into the entity being
// lowered: the rules of its paths, the messages it sends, the roles it
// reads. The rules the model's machinery needs per declaration (a role's
// state persistence, a set's size, the failure detector's notices) are made
// here too; those that depend on a whole scenario (the inbox, the padded
// invariant relations) are made when a scenario's model is built
// (ModelBuilder).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_FRAGMENTBUILDER_H
#define FAULTLINE_LIB_FRONTEND_FRAGMENTBUILDER_H

#include "ModelBuilder.h"
#include "Protocol.h"

#include "faultline/Frontend/Fragment.h"

#include "clang/Basic/SourceManager.h"

#include <map>
#include <set>
#include <string>

namespace faultline::frontend {

class FragmentBuilder {
public:
  explicit FragmentBuilder(const clang::SourceManager &SM);

  ir::SourceLoc loc(clang::SourceLocation L);
  /// Starts the entity of D; what follows is recorded into it.
  void begin(Entity::Kind K, const clang::NamedDecl *D, std::string Name);
  /// The current entity needs D's entity (a role or a message).
  void uses(const clang::Decl *D);

  void addMessage(const MessageType &M);
  /// The FL_CALL contexts of message M (a request or a response) arrive
  /// with it and wait with it in the inbox: what the handler of a request
  /// echoes, and the continuation of a response reads.
  void addCallContexts(const MessageType &M);
  void addRole(const Role &R);
  /// A handler of Message in role R: its entity, declared at Method.
  void beginHandler(const Role &R, const Handler &H);
  /// The completion callback of a FL_CALL made in role R: a handler of
  /// Response, declared at the lambda's call operator.
  void beginCallback(const Role &R, const clang::CXXMethodDecl *CallOperator,
                     const MessageType &Response, std::string Name);
  /// Every node of role R gets Notice, from itself, at the step after
  /// another node crashes.
  void addCrashNotices(const MessageType &Notice, const Role &R);
  /// `rel_size(N, count<E>)` for a set member whose size is read.
  void needSize(const StateMember &S);
  void addRule(ir::Rule R);
  void addInvariant(InvariantCase C);
  /// Code left out of the model (IgnoredCode), once per place.
  void ignored(clang::SourceLocation L, std::string What);
  /// The current handler's body is in another translation unit.
  void markUndefined() { current().Defined = false; }
  void addScenario(ScenarioModel S, const std::vector<const clang::Decl *> &Uses);

  Fragment take() { return std::move(F); }

private:
  Entity &current() { return F.Entities.back(); }

  const clang::SourceManager &SM;
  Fragment F;
  std::map<clang::FileID, unsigned> FileIDs;
  std::set<std::string> SeenRules;
  std::set<std::pair<clang::SourceLocation::UIntTy, std::string>> SeenIgnored;
};

/// Clang's USR for D: the same in every TU that declares it.
std::string identityOf(const clang::Decl *D);

/// A term for a fresh variable named after a C++ name: `p` -> `P_3`.
ir::Term variableFor(llvm::StringRef CxxName, unsigned &Counter);

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_FRAGMENTBUILDER_H

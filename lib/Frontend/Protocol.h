//===- Protocol.h - The annotated declarations of one TU --------*- C++ -*-===//
//
// Private to the frontend. What the annotations mark in one translation
// unit, with the names the model gives them.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_PROTOCOL_H
#define FAULTLINE_LIB_FRONTEND_PROTOCOL_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "llvm/Support/Regex.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace faultline::frontend {

/// The faultline mark on a declaration ("process", "state", ...), or "".
std::string markOf(const clang::Decl *D);

/// Skips what does not change a value: parentheses, implicit casts (but not
/// a number's conversion to bool, which is a test), temporaries, functional
/// casts and, with IntoCopies, a constructor that copies or converts its one
/// argument (a std::string built from a literal). A cast for which Keep
/// holds is kept (a conversion whose value the caller must model).
const clang::Expr *skipWrappers(const clang::Expr *E, bool IntoCopies,
                                llvm::function_ref<bool(const clang::CastExpr *)> Keep = nullptr);

/// `SomeName` -> `some_name`: relation names start lower-case in Dedalus.
std::string relationName(llvm::StringRef CxxName);

/// A `std::vector<T>` field of a message, a batch (Raft's entries): its
/// elements travel as rows of a relation of their own, sent with the
/// message in the same rule body, so a fault loses both together:
/// `Relation(To, From, the message's columns..., Position, element...)`.
/// The receiver keeps them as `Stored(Node, Arrival, From, columns...,
/// Position, element...)` until the message is handled.
struct Batch {
  const clang::FieldDecl *Field = nullptr;
  std::string Relation;
  std::string Stored;
  unsigned ElementColumns = 1;
};

struct MessageType {
  const clang::RecordDecl *Decl = nullptr;
  std::string Relation;
  /// Every field, batches included, in declaration order (as braces give
  /// them).
  std::vector<const clang::FieldDecl *> Fields;
  /// The columns of the fields other than batches: one per scalar, a
  /// struct's flattened.
  unsigned Columns = 0;
  std::vector<Batch> Batches;
  /// faultline::NodeCrashed: sent by the environment, not by the protocol.
  bool CrashNotice = false;

  /// The batch a field is, if it is one.
  const Batch *batchOf(const clang::FieldDecl *F) const;
  /// The relation of the FL_CALL contexts that travel with the message, a
  /// request or its response: `(To, From, columns..., Site, Time)`, the
  /// call site and the caller's step; and where the receiver keeps them
  /// until it handles the message, `(Node, Arrival, From, columns..., Site,
  /// Time)`.
  std::string callRelation() const;
  std::string storedCallRelation() const;
};

struct StateMember {
  /// A scalar is `rel(Node, Value)`, a set `rel(Node, Element)`, a map
  /// `rel(Node, Key, Value)`, a vector `rel(Node, Index, Value)`; a struct
  /// value or key takes a column per scalar field.
  enum class Kind { Scalar, Set, Map, Vector };
  bool keyed() const { return K == Kind::Map || K == Kind::Vector; }
  const clang::FieldDecl *Field = nullptr;
  Kind K = Kind::Scalar;
  std::string Relation;
  /// Columns after the node: a set's element or a map's key (or a vector's
  /// index) first, then the value.
  unsigned KeyColumns = 0;
  unsigned ValueColumns = 1;
  /// FL_DURABLE or FL_GHOST: its relation survives a restart.
  bool Durable = false;
  bool Ghost = false;

  /// The relations derived from Relation: a scalar's "assigned this step"
  /// marker, a container's same-step deletions, its size. They are in the
  /// reserved namespace (ir::ReservedPrefix), which no declaration's own
  /// relation may enter, so that no member can be another's derived
  /// relation (a member `x_set` next to `x`).
  std::string assignedRelation() const;
  std::string deletedRelation() const;
  std::string sizeRelation() const;
};

/// A FL_TIMER member: the model's `timer Name/1;`, armed through
/// `arm_Name(Node, Delay)`, cancelled through `cancel_Name(Node)`; a firing
/// enters its node's inbox as an event of kind Name from the node itself.
struct TimerMember {
  const clang::FieldDecl *Field = nullptr;
  /// role_member, as a state member's relation is named.
  std::string Name;
  /// Its FL_ON_TIMER handler (null until one is found).
  const clang::CXXMethodDecl *Handler = nullptr;
};

struct Handler {
  const clang::CXXMethodDecl *Method = nullptr;
  const MessageType *Message = nullptr; ///< Null for periodic handlers.
  const clang::ParmVarDecl *MessageParam = nullptr;
  const clang::ParmVarDecl *FromParam = nullptr;
  /// FL_ON_RESTART: runs at the step its node restarts.
  bool OnRestart = false;
  /// FL_ON_TIMER: handles the firings of this timer, as a receive handler
  /// handles a message.
  const TimerMember *Timer = nullptr;
  /// FL_RPC: the response, a message back to the sender when the handler
  /// returns, filled through ReplyParam (a `Resp &` parameter) or, where
  /// that is null, returned.
  const MessageType *Reply = nullptr;
  const clang::ParmVarDecl *ReplyParam = nullptr;
};

struct Role {
  const clang::CXXRecordDecl *Decl = nullptr;
  std::string Name;
  const clang::FieldDecl *Self = nullptr;
  std::vector<StateMember> State;
  std::vector<Handler> Handlers;
  std::vector<TimerMember> Timers;
};

struct Protocol {
  std::map<const clang::RecordDecl *, Role> Roles;
  std::map<const clang::RecordDecl *, MessageType> Messages;
  std::vector<const clang::FunctionDecl *> Invariants;
  std::vector<const clang::FunctionDecl *> Scenarios;
  /// Calls to functions whose qualified name matches this (--ignore-calls)
  /// have no effect on the model, like FL_IGNORE functions; null for none.
  std::shared_ptr<const llvm::Regex> IgnoreCalls;
  /// How many iterations of a while, do-while or plain for loop the
  /// lowering unrolls (--loop-bound).
  unsigned LoopBound = 8;

  const Role *roleOf(const clang::RecordDecl *D) const;
  const MessageType *messageOf(const clang::QualType T) const;
  /// The state member for a field, and its role, if it is one.
  const StateMember *stateOf(const clang::FieldDecl *F, const Role **R = nullptr) const;
  /// The FL_TIMER member for a field, if it is one.
  const TimerMember *timerOf(const clang::FieldDecl *F) const;
  /// Whether a call goes to the project's send primitive.
  static bool isSend(const clang::FunctionDecl *Callee);
  /// A FL_CALL function: an RPC made with a completion callback.
  static bool isCall(const clang::FunctionDecl *Callee);
};

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_PROTOCOL_H

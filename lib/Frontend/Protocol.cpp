//===- Protocol.cpp - Finding what the annotations mark -------------------===//

#include "Protocol.h"

#include "faultline/IR/ReservedNames.h"

#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"

#include <algorithm>

#include <cctype>

namespace faultline::frontend {

std::string markOf(const clang::Decl *D) {
  if (!D)
    return "";
  for (const auto *A : D->specific_attrs<clang::AnnotateAttr>()) {
    llvm::StringRef Text = A->getAnnotation();
    if (Text.consume_front("faultline."))
      return Text.str();
  }
  return "";
}

const clang::Expr *skipWrappers(const clang::Expr *E, bool IntoCopies,
                                llvm::function_ref<bool(const clang::CastExpr *)> Keep) {
  while (E) {
    E = E->IgnoreParens();
    if (const auto *Cast = llvm::dyn_cast<clang::CastExpr>(E); Cast && Keep && Keep(Cast))
      return E;
    if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(E)) {
      // Conversions that change a value are the caller's to see.
      if (Cast->getCastKind() == clang::CK_IntegralToBoolean ||
          Cast->getType()->isRealFloatingType() ||
          Cast->getSubExpr()->getType()->isRealFloatingType())
        return E;
      E = Cast->getSubExpr();
    } else if (const auto *M = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
    } else if (const auto *B = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
    } else if (const auto *W = llvm::dyn_cast<clang::ExprWithCleanups>(E)) {
      E = W->getSubExpr();
    } else if (const auto *F = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(E)) {
      E = F->getSubExpr();
    } else if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(E);
               IntoCopies && C && C->getNumArgs() >= 1 &&
               !llvm::isa<clang::CXXTemporaryObjectExpr>(C) &&
               std::all_of(C->arg_begin() + 1, C->arg_end(), [](const clang::Expr *A) {
                 return llvm::isa<clang::CXXDefaultArgExpr>(A);
               })) {
      E = C->getArg(0);
    } else {
      return E;
    }
  }
  return E;
}

std::string relationName(llvm::StringRef CxxName) {
  std::string Out;
  for (size_t I = 0; I < CxxName.size(); ++I) {
    char C = CxxName[I];
    if (std::isupper(static_cast<unsigned char>(C))) {
      if (I > 0 && CxxName[I - 1] != '_' && !std::isupper(static_cast<unsigned char>(CxxName[I - 1])))
        Out += '_';
      Out += static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
    } else {
      Out += C;
    }
  }
  if (Out.empty() || !std::islower(static_cast<unsigned char>(Out[0])))
    Out = "m_" + Out;
  return Out;
}

std::string StateMember::assignedRelation() const {
  return ir::ReservedPrefix + Relation + "_set";
}

std::string StateMember::deletedRelation() const {
  return ir::ReservedPrefix + Relation + "_del";
}

std::string StateMember::sizeRelation() const {
  return ir::ReservedPrefix + Relation + "_size";
}

const Role *Protocol::roleOf(const clang::RecordDecl *D) const {
  if (!D)
    return nullptr;
  auto It = Roles.find(D->getDefinition() ? D->getDefinition() : D);
  return It == Roles.end() ? nullptr : &It->second;
}

const Batch *MessageType::batchOf(const clang::FieldDecl *F) const {
  for (const Batch &B : Batches)
    if (B.Field == F)
      return &B;
  return nullptr;
}

std::string MessageType::callRelation() const {
  return ir::CallPrefix + Relation;
}

std::string MessageType::storedCallRelation() const {
  return std::string(ir::ReservedPrefix) + "called_" + Relation;
}

const MessageType *Protocol::messageOf(clang::QualType T) const {
  const clang::RecordDecl *D = T.getNonReferenceType()->getAsRecordDecl();
  if (!D)
    return nullptr;
  auto It = Messages.find(D->getDefinition() ? D->getDefinition() : D);
  return It == Messages.end() ? nullptr : &It->second;
}

const StateMember *Protocol::stateOf(const clang::FieldDecl *F, const Role **R) const {
  if (!F)
    return nullptr;
  const Role *Owner = roleOf(F->getParent());
  if (!Owner)
    return nullptr;
  for (const StateMember &S : Owner->State)
    if (S.Field == F) {
      if (R)
        *R = Owner;
      return &S;
    }
  return nullptr;
}

const TimerMember *Protocol::timerOf(const clang::FieldDecl *F) const {
  const Role *Owner = F ? roleOf(F->getParent()) : nullptr;
  if (!Owner)
    return nullptr;
  for (const TimerMember &T : Owner->Timers)
    if (T.Field == F)
      return &T;
  return nullptr;
}

bool Protocol::isCall(const clang::FunctionDecl *Callee) {
  return Callee && markOf(Callee) == "call";
}

bool Protocol::isSend(const clang::FunctionDecl *Callee) {
  if (!Callee)
    return false;
  if (markOf(Callee) == "send")
    return true;
  if (const clang::FunctionTemplateDecl *T = Callee->getPrimaryTemplate())
    return markOf(T->getTemplatedDecl()) == "send" || markOf(T) == "send";
  return false;
}

} // namespace faultline::frontend

//===- Collect.cpp - Gathering the annotated declarations -----------------===//

#include "Collect.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <algorithm>
#include <map>

namespace faultline::frontend {

bool isScalarType(clang::QualType T) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (T->isIntegerType() || T->isBooleanType() || T->isEnumeralType())
    return true;
  if (const auto *R = T->getAsCXXRecordDecl())
    return R->getName() == "basic_string";
  return false;
}

/// The element type if T is one of the named class templates of scalars.
static std::optional<clang::QualType> elementOf(clang::QualType T,
                                                std::initializer_list<llvm::StringRef> Names) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  const auto *Spec =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || std::find(Names.begin(), Names.end(), Spec->getName()) == Names.end())
    return std::nullopt;
  const clang::TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 1 || Args[0].getKind() != clang::TemplateArgument::Type ||
      !isScalarType(Args[0].getAsType()))
    return std::nullopt;
  return Args[0].getAsType();
}

std::optional<clang::QualType> setElementType(clang::QualType T) {
  return elementOf(T, {"set", "unordered_set"});
}

std::optional<clang::QualType> vectorElementType(clang::QualType T) {
  return elementOf(T, {"vector"});
}

std::optional<std::pair<clang::QualType, clang::QualType>> mapTypes(clang::QualType T) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  const auto *Spec =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || (Spec->getName() != "map" && Spec->getName() != "unordered_map"))
    return std::nullopt;
  const clang::TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 2 || Args[0].getKind() != clang::TemplateArgument::Type ||
      Args[1].getKind() != clang::TemplateArgument::Type || !isScalarType(Args[0].getAsType()) ||
      !isScalarType(Args[1].getAsType()))
    return std::nullopt;
  return std::make_pair(Args[0].getAsType(), Args[1].getAsType());
}

namespace {

class Collector : public clang::RecursiveASTVisitor<Collector> {
public:
  Collector(Protocol &P, Reporter &R) : P(P), R(R) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitCXXRecordDecl(clang::CXXRecordDecl *D) {
    if (!D->isThisDeclarationADefinition())
      return true;
    std::string Mark = markOf(D);
    if (Mark == "message")
      addMessage(D);
    else if (Mark == "process")
      Pending.push_back(D); // after the messages its handlers name
    else if (!Mark.empty())
      R.error(D->getLocation(), "FL_" + upper(Mark) + " does not belong on a class");
    return true;
  }

  bool VisitFunctionDecl(clang::FunctionDecl *D) {
    std::string Mark = markOf(D);
    if (Mark.empty() || llvm::isa<clang::CXXMethodDecl>(D))
      return true;
    if (Mark != "send" && Mark != "invariant" && Mark != "scenario") {
      R.error(D->getLocation(), "FL_" + upper(Mark) + " does not belong on a free function");
      return true;
    }
    if (!D->doesThisDeclarationHaveABody())
      return true;
    if (Mark == "invariant")
      P.Invariants.push_back(D);
    else if (Mark == "scenario")
      P.Scenarios.push_back(D);
    return true;
  }

  bool VisitVarDecl(clang::VarDecl *D) {
    std::string Mark = markOf(D);
    if (!Mark.empty() && !llvm::isa<clang::ParmVarDecl>(D))
      R.error(D->getLocation(), "FL_" + upper(Mark) + " does not belong on a variable; " +
                                    "state lives in data members of a FL_PROCESS");
    return true;
  }

  /// Relation names must not collide: between messages and state members,
  /// with the suffixes faultline adds, or with its own relations.
  void checkNames() {
    std::map<std::string, const clang::Decl *> Taken;
    auto Claim = [&](const std::string &Name, const clang::Decl *D) {
      static const char *const Reserved[] = {"pre", "post", "crash"};
      bool Clash = llvm::StringRef(Name).starts_with("fl_");
      for (const char *Res : Reserved)
        Clash |= Name == Res;
      auto [It, New] = Taken.try_emplace(Name, D);
      if (Clash || (!New && It->second != D)) {
        R.error(D->getLocation(), "'" + llvm::cast<clang::NamedDecl>(D)->getNameAsString() +
                                      "' would be the relation '" + Name +
                                      "', which is taken; rename it");
        if (!New && It->second != D)
          R.note(It->second->getLocation(), "the relation '" + Name + "' comes from here");
      }
    };
    for (const auto &[Decl, M] : P.Messages)
      Claim(M.Relation, M.Decl);
    for (const auto &[Decl, Ro] : P.Roles)
      for (const StateMember &S : Ro.State)
        for (const char *Suffix : {"", "_set", "_del", "_size"})
          Claim(S.Relation + Suffix, S.Field);
  }

  void finish() {
    for (const clang::CXXRecordDecl *D : Pending)
      addRole(D);
    checkNames();
  }

private:
  static std::string upper(std::string S) {
    for (char &C : S)
      C = static_cast<char>(std::toupper(static_cast<unsigned char>(C)));
    return S;
  }

  void addMessage(const clang::CXXRecordDecl *D) {
    MessageType M;
    M.Decl = D;
    M.Relation = relationName(D->getName());
    for (const clang::FieldDecl *F : D->fields()) {
      if (!isScalarType(F->getType())) {
        R.unsupported(F->getLocation(),
                      "message field '" + F->getNameAsString() + "' of type '" +
                          F->getType().getAsString() + "'",
                      "message fields must be integers, bools, enums or strings");
        continue;
      }
      M.Fields.push_back(F);
    }
    P.Messages[D] = std::move(M);
  }

  void addRole(const clang::CXXRecordDecl *D) {
    Role Ro;
    Ro.Decl = D;
    Ro.Name = D->getNameAsString();
    for (const clang::FieldDecl *F : D->fields()) {
      std::string Mark = markOf(F);
      if (Mark == "self") {
        if (!isScalarType(F->getType()))
          R.error(F->getLocation(), "FL_SELF must mark a faultline::NodeId member");
        Ro.Self = F;
      } else if (Mark == "state") {
        StateMember S;
        S.Field = F;
        S.Relation = relationName(Ro.Name) + "_" + relationName(F->getName());
        if (isScalarType(F->getType()))
          S.K = StateMember::Kind::Scalar;
        else if (setElementType(F->getType()))
          S.K = StateMember::Kind::Set;
        else if (mapTypes(F->getType()))
          S.K = StateMember::Kind::Map;
        else if (vectorElementType(F->getType()))
          S.K = StateMember::Kind::Vector;
        else {
          R.unsupported(F->getLocation(),
                        "state member '" + F->getNameAsString() + "' of type '" +
                            F->getType().getAsString() + "'",
                        "state must be an integer, bool, enum, string, a std::set or "
                        "std::vector of those, or a std::map between them");
          continue;
        }
        Ro.State.push_back(S);
      } else if (!Mark.empty()) {
        R.error(F->getLocation(), "FL_" + upper(Mark) + " does not belong on a data member");
      }
    }
    // Roles are registered before their handlers are read, so that handlers
    // can be checked against the state they touch.
    Role &Stored = P.Roles[D] = std::move(Ro);
    for (const clang::CXXMethodDecl *M : D->methods()) {
      std::string Mark = markOf(M);
      if (Mark == "receive")
        addReceive(Stored, M);
      else if (Mark == "periodic") {
        if (M->getNumParams() != 0)
          R.error(M->getLocation(), "a FL_PERIODIC handler takes no parameters");
        else if (!M->hasBody())
          R.error(M->getLocation(), "the body of handler '" + M->getNameAsString() +
                                        "' must be visible in this translation unit");
        else
          Stored.Handlers.push_back(Handler{M, nullptr, nullptr, nullptr});
      } else if (!Mark.empty()) {
        R.error(M->getLocation(), "FL_" + upper(Mark) + " does not belong on a member function");
      }
    }
  }

  void addReceive(Role &Ro, const clang::CXXMethodDecl *M) {
    const MessageType *Msg = M->getNumParams() >= 1 ? P.messageOf(M->getParamDecl(0)->getType())
                                                    : nullptr;
    if (!Msg || M->getNumParams() > 2 ||
        (M->getNumParams() == 2 && !isScalarType(M->getParamDecl(1)->getType()))) {
      R.error(M->getLocation(),
              "a FL_RECEIVE handler takes a message (a FL_MESSAGE struct) and, optionally, "
              "the sender as a faultline::NodeId");
      return;
    }
    if (!M->hasBody()) {
      R.error(M->getLocation(), "the body of handler '" + M->getNameAsString() +
                                    "' must be visible in this translation unit");
      return;
    }
    for (const Handler &Other : Ro.Handlers)
      if (Other.Message == Msg) {
        // One message, one handler: the model runs every handler of a
        // message, C++ overload resolution would pick one.
        R.error(M->getLocation(), "a second FL_RECEIVE handler for '" +
                                      Msg->Decl->getNameAsString() + "' in " + Ro.Name);
        R.note(Other.Method->getLocation(), "the first one is here");
        return;
      }
    Ro.Handlers.push_back(
        Handler{M, Msg, M->getParamDecl(0), M->getNumParams() == 2 ? M->getParamDecl(1) : nullptr});
  }

  Protocol &P;
  Reporter &R;
  std::vector<const clang::CXXRecordDecl *> Pending;
};

} // namespace

Protocol collect(clang::ASTContext &Ctx, Reporter &R) {
  Protocol P;
  Collector C(P, R);
  C.TraverseDecl(Ctx.getTranslationUnitDecl());
  C.finish();
  return P;
}

} // namespace faultline::frontend

//===- Collect.cpp - Gathering the annotated declarations -----------------===//

#include "Collect.h"

#include "faultline/IR/ReservedNames.h"

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

ir::Term zeroValue(clang::QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isIntegralOrEnumerationType())
    return ir::Term::integer(0);
  return ir::Term::string("");
}

static clang::QualType canonical(clang::QualType T) {
  return T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
}

const clang::CXXRecordDecl *structOf(clang::QualType T) {
  T = canonical(T);
  const auto *R = T->getAsCXXRecordDecl();
  if (!R || !R->hasDefinition() || isScalarType(T))
    return nullptr;
  R = R->getDefinition();
  // An aggregate without bases: its value is its fields, in order. A
  // process is a node, not a value.
  if (!R->isAggregate() || R->isUnion() || R->getNumBases() != 0 || R->isLambda() ||
      markOf(R) == "process" || llvm::isa<clang::ClassTemplateSpecializationDecl>(R))
    return nullptr;
  for (const clang::FieldDecl *F : R->fields())
    if (F->isBitField() || !isValueType(F->getType()))
      return nullptr;
  return R->field_empty() ? nullptr : R;
}

bool isValueType(clang::QualType T) { return isScalarType(T) || structOf(T); }

unsigned columnCount(clang::QualType T) {
  const clang::CXXRecordDecl *R = structOf(T);
  if (!R)
    return 1;
  unsigned N = 0;
  for (const clang::FieldDecl *F : R->fields())
    N += columnCount(F->getType());
  return N;
}

unsigned columnOffset(const clang::FieldDecl *Field) {
  unsigned N = 0;
  for (const clang::FieldDecl *F : Field->getParent()->fields()) {
    if (F == Field)
      break;
    N += columnCount(F->getType());
  }
  return N;
}

void columnNames(clang::QualType T, const std::string &Prefix, std::vector<std::string> &Out) {
  const clang::CXXRecordDecl *R = structOf(T);
  if (!R) {
    Out.push_back(Prefix);
    return;
  }
  for (const clang::FieldDecl *F : R->fields())
    columnNames(F->getType(), F->getName().str(), Out);
}

/// The element type if T is one of the named class templates of values.
static std::optional<clang::QualType> elementOf(clang::QualType T,
                                                std::initializer_list<llvm::StringRef> Names) {
  T = canonical(T);
  const auto *Spec =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || std::find(Names.begin(), Names.end(), Spec->getName()) == Names.end())
    return std::nullopt;
  const clang::TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 1 || Args[0].getKind() != clang::TemplateArgument::Type ||
      !isValueType(Args[0].getAsType()))
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
  T = canonical(T);
  const auto *Spec =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || (Spec->getName() != "map" && Spec->getName() != "unordered_map"))
    return std::nullopt;
  const clang::TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 2 || Args[0].getKind() != clang::TemplateArgument::Type ||
      Args[1].getKind() != clang::TemplateArgument::Type || !isValueType(Args[0].getAsType()) ||
      !isValueType(Args[1].getAsType()))
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
    if (Mark == "ignore")
      return true; // read where it is called (LowerIgnored.cpp)
    if (Mark != "send" && Mark != "call" && Mark != "invariant" && Mark != "scenario") {
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

  /// Relation names must not be faultline's own; clashes between
  /// declarations are checked per scenario, where both are reachable
  /// (link()).
  void checkReservedNames() {
    auto Claim = [&](const std::string &Name, const clang::Decl *D) {
      static const char *const Reserved[] = {ir::PreRelation, ir::PostRelation, ir::CrashRelation};
      bool Clash = llvm::StringRef(Name).starts_with(ir::ReservedPrefix);
      for (const char *Res : Reserved)
        Clash |= Name == Res;
      if (Clash)
        R.error(D->getLocation(), "'" + llvm::cast<clang::NamedDecl>(D)->getNameAsString() +
                                      "' would be the relation '" + Name +
                                      "', which is taken; rename it");
    };
    for (const auto &[Decl, M] : P.Messages)
      Claim(M.Relation, M.Decl);
    for (const auto &[Decl, Ro] : P.Roles) {
      for (const StateMember &S : Ro.State)
        Claim(S.Relation, S.Field);
      for (const TimerMember &T : Ro.Timers)
        Claim(T.Name, T.Field);
    }
  }

  void finish() {
    for (const clang::CXXRecordDecl *D : Pending)
      addRole(D);
    checkReservedNames();
  }

private:
  static bool isNodeName(clang::QualType T) {
    const auto *R = canonical(T)->getAsCXXRecordDecl();
    return R && R->getName() == "basic_string";
  }

  static std::string upper(std::string S) {
    for (char &C : S)
      C = static_cast<char>(std::toupper(static_cast<unsigned char>(C)));
    return S;
  }

  void addMessage(const clang::CXXRecordDecl *D) {
    MessageType M;
    M.Decl = D;
    M.Relation = relationName(D->getName());
    M.CrashNotice = D->getQualifiedNameAsString() == "faultline::NodeCrashed";
    // A base's fields would travel with the message in C++ but not in its
    // relation (a generated protobuf class, say).
    if (D->hasDefinition() && D->getNumBases() > 0)
      R.unsupported(D->getLocation(), "a message with a base class",
                    "a FL_MESSAGE is a plain struct of its fields; copy the fields the protocol "
                    "reads into one");
    for (const clang::FieldDecl *F : D->fields()) {
      // A vector of values is a batch (Raft's entries), sent as rows of
      // its own.
      if (std::optional<clang::QualType> Element = vectorElementType(F->getType())) {
        Batch B;
        B.Field = F;
        std::string Name = M.Relation + "_" + relationName(F->getName());
        B.Relation = std::string(ir::ReservedPrefix) + "batch_" + Name;
        B.Stored = std::string(ir::ReservedPrefix) + "batched_" + Name;
        B.ElementColumns = columnCount(*Element);
        M.Batches.push_back(std::move(B));
        M.Fields.push_back(F);
        continue;
      }
      if (!isValueType(F->getType())) {
        R.unsupported(F->getLocation(),
                      "message field '" + F->getNameAsString() + "' of type '" +
                          F->getType().getAsString() + "'",
                      "message fields must be integers, bools, enums, strings, plain "
                          "structs of those, or std::vectors of those (a batch)");
        continue;
      }
      M.Fields.push_back(F);
      M.Columns += columnCount(F->getType());
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
        // Nodes are named by strings: the scenario's names, the reports'.
        if (!isNodeName(F->getType()))
          R.error(F->getLocation(),
                  "FL_SELF must mark a faultline::NodeId (a std::string) member, not '" +
                      F->getType().getAsString() +
                      "'; faultline names nodes by strings: keep an integer id as a separate "
                      "member");
        Ro.Self = F;
      } else if (Mark == "state" || Mark == "durable" || Mark == "ghost") {
        StateMember S;
        S.Field = F;
        S.Durable = Mark != "state";
        S.Ghost = Mark == "ghost";
        S.Relation = relationName(Ro.Name) + "_" + relationName(F->getName());
        if (isValueType(F->getType())) {
          S.K = StateMember::Kind::Scalar;
          S.ValueColumns = columnCount(F->getType());
        } else if (auto Element = setElementType(F->getType())) {
          S.K = StateMember::Kind::Set;
          S.KeyColumns = columnCount(*Element);
          S.ValueColumns = 0;
        } else if (auto Types = mapTypes(F->getType())) {
          S.K = StateMember::Kind::Map;
          S.KeyColumns = columnCount(Types->first);
          S.ValueColumns = columnCount(Types->second);
        } else if (auto Element = vectorElementType(F->getType())) {
          S.K = StateMember::Kind::Vector;
          S.KeyColumns = 1;
          S.ValueColumns = columnCount(*Element);
        } else {
          R.unsupported(F->getLocation(),
                        (Mark == "state" ? "state" : Mark) + " member '" +
                            F->getNameAsString() + "' of type '" +
                            F->getType().getAsString() + "'",
                        "state must be an integer, bool, enum, string or plain struct of "
                        "those, a std::set or std::vector of such values, or a std::map "
                        "between them");
          continue;
        }
        Ro.State.push_back(S);
      } else if (Mark == "timer") {
        addTimer(Ro, F);
      } else if (!Mark.empty()) {
        R.error(F->getLocation(), "FL_" + upper(Mark) + " does not belong on a data member");
      }
    }
    // The simulator makes a node with the default constructor, and the
    // model starts from the member initializers (the constructor's and
    // the in-class ones): statements in its body are not modelled.
    for (const clang::CXXConstructorDecl *C : D->ctors()) {
      const clang::FunctionDecl *Def = nullptr;
      const auto *Body = C->isDefaultConstructor() && C->hasBody(Def)
                             ? llvm::dyn_cast_or_null<clang::CompoundStmt>(Def->getBody())
                             : nullptr;
      if (Body && !Body->body_empty())
        R.unsupported(Body->body_front()->getBeginLoc(),
                      "a statement in the constructor of a FL_PROCESS",
                      "initialize state in the constructor's member initializer list, or "
                      "where the member is declared (`int x = 5;`)");
    }
    // Roles are registered before their handlers are read, so that handlers
    // can be checked against the state they touch.
    Role &Stored = P.Roles[D] = std::move(Ro);
    for (const clang::CXXMethodDecl *M : D->methods()) {
      std::string Mark = markOf(M);
      if (Mark == "receive")
        addReceive(Stored, M);
      else if (Mark == "rpc")
        addRpc(Stored, M);
      else if (Mark == "ignore")
        continue; // read where it is called (LowerIgnored.cpp)
      else if (Mark == "periodic") {
        if (M->getNumParams() != 0)
          R.error(M->getLocation(), "a FL_PERIODIC handler takes no parameters");
        else
          Stored.Handlers.push_back(Handler{
              M->getDefinition() ? llvm::cast<clang::CXXMethodDecl>(M->getDefinition()) : M,
              nullptr, nullptr, nullptr});
      } else if (Mark == "on_restart") {
        if (M->getNumParams() != 0)
          R.error(M->getLocation(), "a FL_ON_RESTART handler takes no parameters");
        else
          Stored.Handlers.push_back(Handler{
              M->getDefinition() ? llvm::cast<clang::CXXMethodDecl>(M->getDefinition()) : M,
              nullptr, nullptr, nullptr, /*OnRestart=*/true});
      } else if (llvm::StringRef(Mark).starts_with("on_timer:")) {
        addTimerHandler(Stored, M, llvm::StringRef(Mark).drop_front(9));
      } else if (!Mark.empty()) {
        R.error(M->getLocation(), "FL_" + upper(Mark) + " does not belong on a member function");
      }
    }
    checkTimerHandlers(Stored);
  }

  static bool isTimerType(clang::QualType T) {
    const auto *R = canonical(T)->getAsCXXRecordDecl();
    return R && R->getQualifiedNameAsString() == "faultline::Timer";
  }

  void addTimer(Role &Ro, const clang::FieldDecl *F) {
    if (!isTimerType(F->getType())) {
      R.error(F->getLocation(), "FL_TIMER must mark a faultline::Timer member, not '" +
                                    F->getType().getAsString() +
                                    "'; the model keeps the timer's deadline, the code arms "
                                    "and cancels it");
      return;
    }
    Ro.Timers.push_back({F, relationName(Ro.Name) + "_" + relationName(F->getName()), nullptr});
  }

  /// `FL_ON_TIMER(member) void onTimeout()`: the member names one of the
  /// role's timers, each handled by one method.
  void addTimerHandler(Role &Ro, const clang::CXXMethodDecl *M, llvm::StringRef Member) {
    if (const clang::FunctionDecl *Def = M->getDefinition())
      M = llvm::cast<clang::CXXMethodDecl>(Def);
    TimerMember *T = nullptr;
    for (TimerMember &Known : Ro.Timers)
      if (Known.Field->getName() == Member.trim())
        T = &Known;
    if (!T) {
      R.error(M->getLocation(), "FL_ON_TIMER(" + Member.str() + "): " + Ro.Name +
                                    " has no FL_TIMER member named '" + Member.str() + "'");
      return;
    }
    if (M->getNumParams() != 0) {
      R.error(M->getLocation(), "a FL_ON_TIMER handler takes no parameters");
      return;
    }
    if (T->Handler) {
      R.error(M->getLocation(), "a second FL_ON_TIMER handler for '" + Member.str() + "' in " +
                                    Ro.Name);
      R.note(T->Handler->getLocation(), "the first one is here");
      return;
    }
    T->Handler = M;
    Handler H{M, nullptr, nullptr, nullptr};
    H.Timer = T;
    Ro.Handlers.push_back(H);
  }

  /// A timer that nobody handles would still take its node's step when it
  /// fires; that is a mistake, not a protocol.
  void checkTimerHandlers(const Role &Ro) {
    for (const TimerMember &T : Ro.Timers)
      if (!T.Handler)
        R.error(T.Field->getLocation(),
                "FL_TIMER '" + T.Field->getNameAsString() + "' has no handler; mark the method "
                "that handles its firing FL_ON_TIMER(" + T.Field->getNameAsString() + ")");
  }

  void addReceive(Role &Ro, const clang::CXXMethodDecl *M) {
    // Defined out of class (`void Node::onMsg(const Msg &m) {...}`): the
    // body reads the definition's parameters.
    if (const clang::FunctionDecl *Def = M->getDefinition())
      M = llvm::cast<clang::CXXMethodDecl>(Def);
    const MessageType *Msg = M->getNumParams() >= 1 ? P.messageOf(M->getParamDecl(0)->getType())
                                                    : nullptr;
    if (!Msg || M->getNumParams() > 2 ||
        (M->getNumParams() == 2 && !isScalarType(M->getParamDecl(1)->getType()))) {
      bool FillsResponse =
          Msg && M->getNumParams() >= 2 && filledMessage(M->getParamDecl(M->getNumParams() - 1));
      R.error(M->getLocation(),
              std::string("a FL_RECEIVE handler takes a message (a FL_MESSAGE struct) and, "
                          "optionally, the sender as a faultline::NodeId") +
                  (FillsResponse ? "; a handler that fills a response to the caller is "
                                   "marked FL_RPC"
                                 : ""));
      return;
    }
    if (!firstHandlerOf(Ro, *Msg, M))
      return;
    Ro.Handlers.push_back(
        Handler{M, Msg, M->getParamDecl(0), M->getNumParams() == 2 ? M->getParamDecl(1) : nullptr});
  }

  /// The message a parameter takes by non-const reference, to fill it (an
  /// RPC's response), if it is one.
  const MessageType *filledMessage(const clang::ParmVarDecl *Param) const {
    clang::QualType T = Param->getType();
    if (!T->isLValueReferenceType() || T->getPointeeType().isConstQualified())
      return nullptr;
    return P.messageOf(T);
  }

  /// One message, one handler: the model runs every handler of a message,
  /// C++ overload resolution would pick one.
  bool firstHandlerOf(const Role &Ro, const MessageType &Msg, const clang::CXXMethodDecl *M) {
    for (const Handler &Other : Ro.Handlers)
      if (Other.Message == &Msg) {
        R.error(M->getLocation(), "a second handler for '" + Msg.Decl->getNameAsString() +
                                      "' in " + Ro.Name + " (FL_RECEIVE or FL_RPC)");
        R.note(Other.Method->getLocation(), "the first one is here");
        return false;
      }
    return true;
  }

  /// `FL_RPC void handle(const Req &, [const NodeId &from,] Resp &)` or
  /// `FL_RPC Resp handle(const Req &[, const NodeId &from])`: a receive
  /// handler of Req whose response goes back to the sender.
  void addRpc(Role &Ro, const clang::CXXMethodDecl *M) {
    if (const clang::FunctionDecl *Def = M->getDefinition())
      M = llvm::cast<clang::CXXMethodDecl>(Def);
    unsigned N = M->getNumParams();
    const MessageType *Req = N >= 1 ? P.messageOf(M->getParamDecl(0)->getType()) : nullptr;
    const clang::ParmVarDecl *Out = nullptr;
    const MessageType *Resp = nullptr;
    if (M->getReturnType()->isVoidType()) {
      Out = N >= 2 ? M->getParamDecl(N - 1) : nullptr;
      Resp = Out ? filledMessage(Out) : nullptr;
      --N; // the response is not the sender
    } else {
      Resp = P.messageOf(M->getReturnType());
    }
    bool FromOk = N < 2 || (N == 2 && isScalarType(M->getParamDecl(1)->getType()));
    if (!Req || !Resp || N > 2 || !FromOk) {
      R.error(M->getLocation(),
              "a FL_RPC handler takes the request (a FL_MESSAGE struct), optionally the caller "
              "as a faultline::NodeId, and the response (a FL_MESSAGE struct) as a non-const "
              "reference it fills; or it returns the response");
      return;
    }
    if (!Resp->Batches.empty()) {
      R.error(M->getLocation(), "the response '" + Resp->Decl->getNameAsString() +
                                    "' carries a batch (a std::vector field), which a FL_RPC "
                                    "reply cannot; send it with the send primitive instead");
      return;
    }
    if (!firstHandlerOf(Ro, *Req, M))
      return;
    Handler H{M, Req, M->getParamDecl(0), N == 2 ? M->getParamDecl(1) : nullptr};
    H.Reply = Resp;
    H.ReplyParam = Out;
    Ro.Handlers.push_back(H);
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

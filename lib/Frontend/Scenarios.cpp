//===- Scenarios.cpp - FL_SCENARIO functions to facts ---------------------===//

#include "Scenarios.h"

#include "Collect.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

#include <algorithm>
#include <map>
#include <set>

namespace faultline::frontend {

namespace {

using Tuple = std::vector<ir::Term>;

Tuple concat(Tuple A, const Tuple &B) {
  A.insert(A.end(), B.begin(), B.end());
  return A;
}

/// The constant under temporaries, casts and copies.
const clang::Expr *unwrap(const clang::Expr *E) { return skipWrappers(E, /*IntoCopies=*/true); }

class ScenarioReader {
public:
  ScenarioReader(const Protocol &P, clang::ASTContext &Ctx, Reporter &R, FragmentBuilder &M)
      : P(P), Ctx(Ctx), Rep(R), M(M) {}

  void read(const clang::FunctionDecl *F) {
    S = ScenarioModel();
    S.Name = F->getNameAsString();
    S.QualifiedName = F->getQualifiedNameAsString();
    Uses.clear();
    M.begin(Entity::Kind::Scenario, F, S.Name);
    S.Loc = M.loc(F->getLocation());
    RoleOf.clear();
    Init.clear();
    Puts.clear();
    Arms.clear();
    NextIndex.clear();
    Deliveries.clear();
    Ok = true;
    readBody(F, 0);
    if (S.Nodes.empty()) {
      Rep.error(F->getLocation(), "scenario '" + S.Name + "' declares no node (s.node<Role>(\"a\"))");
      Ok = false;
    }
    checkReferences();
    if (!Ok)
      return;
    finishFacts();
    M.addScenario(std::move(S), Uses);
  }

private:
  /// The calls of a scenario function, and of the set-up helpers it calls
  /// (functions whose one parameter is the faultline::Scenario).
  void readBody(const clang::FunctionDecl *F, unsigned Depth) {
    const auto *Body = llvm::dyn_cast_or_null<clang::CompoundStmt>(F->getBody());
    if (!Body)
      return;
    for (const clang::Stmt *St : Body->body()) {
      const auto *E = llvm::dyn_cast<clang::Expr>(St);
      const clang::Expr *U = E ? unwrap(E) : nullptr;
      if (const auto *Call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(U)) {
        call(Call);
        continue;
      }
      const auto *Call = llvm::dyn_cast_or_null<clang::CallExpr>(U);
      const clang::FunctionDecl *Helper = Call ? Call->getDirectCallee() : nullptr;
      if (Helper && Helper->hasBody() && Helper->getNumParams() == 1 &&
          isScenarioParameter(Helper->getParamDecl(0)) && markOf(Helper).empty()) {
        if (Depth >= 8) {
          Rep.error(Call->getBeginLoc(), "scenario helpers nested more than 8 deep");
          Ok = false;
          continue;
        }
        readBody(Helper->getDefinition(), Depth + 1);
        continue;
      }
      Rep.unsupported(St->getBeginLoc(), "this statement in a scenario",
                      "a scenario is a list of calls on its faultline::Scenario, and of "
                      "helpers taking only the faultline::Scenario &");
      Ok = false;
    }
  }

  static bool isScenarioParameter(const clang::ParmVarDecl *P) {
    const auto *R = P->getType().getNonReferenceType()->getAsCXXRecordDecl();
    return R && R->getQualifiedNameAsString() == "faultline::Scenario";
  }

  void call(const clang::CXXMemberCallExpr *Call) {
    std::string Method = Call->getMethodDecl()->getNameAsString();
    if (Method == "bounds" && Call->getNumArgs() == 3) {
      int *Targets[] = {&S.EOT, &S.EFF, &S.Crashes};
      for (unsigned I = 0; I < 3; ++I)
        if (auto V = integer(Call->getArg(I)))
          *Targets[I] = static_cast<int>(*V);
      return;
    }
    if (Method == "restarts" && Call->getNumArgs() == 1) {
      if (auto V = integer(Call->getArg(0)))
        S.Restarts = static_cast<int>(*V);
      return;
    }
    if (Method == "timerSlack" && Call->getNumArgs() == 1) {
      if (auto V = integer(Call->getArg(0)))
        S.TimerSlack = static_cast<int>(*V);
      return;
    }
    if (Method == "arm" && Call->getNumArgs() == 3) {
      auto Node = text(Call->getArg(0));
      const TimerMember *Timer = timer(Call->getArg(1));
      auto Steps = integer(Call->getArg(2));
      if (!Node || !Timer || !Steps)
        return;
      if (*Steps < 1 || *Steps > 10000) {
        Rep.error(Call->getArg(2)->getBeginLoc(),
                  "a timer is due 1 to 10000 steps after it is armed, not " +
                      std::to_string(*Steps));
        Ok = false;
        return;
      }
      Arms.push_back({*Node, Timer, *Steps, Call->getBeginLoc()});
      return;
    }
    if (Method == "node" && Call->getNumArgs() == 1) {
      auto Name = text(Call->getArg(0));
      const Role *Ro = roleArgument(Call);
      if (!Name || !Ro)
        return;
      if (RoleOf.count(*Name)) {
        Rep.error(Call->getBeginLoc(), "node '" + *Name + "' is declared twice");
        Ok = false;
        return;
      }
      S.Nodes.push_back(*Name);
      RoleOf[*Name] = Ro;
      Uses.push_back(Ro->Decl);
      return;
    }
    if ((Method == "init" || Method == "add") && Call->getNumArgs() == 3) {
      auto Node = text(Call->getArg(0));
      const StateMember *State = member(Call->getArg(1));
      auto Value = constant(Call->getArg(2));
      if (!Node || !State || !Value)
        return;
      bool IsSet = State->K == StateMember::Kind::Set || State->K == StateMember::Kind::Vector;
      if (State->K == StateMember::Kind::Map) {
        Rep.error(Call->getBeginLoc(), "use s.put(node, &Role::map, key, value) for a map");
        Ok = false;
        return;
      }
      if (IsSet != (Method == "add")) {
        Rep.error(Call->getBeginLoc(), IsSet ? "use s.add(...) to put an element in a set"
                                             : "use s.init(...) to set a scalar");
        Ok = false;
        return;
      }
      if (!IsSet)
        for (const Initial &I : Init)
          if (I.Node == *Node && I.State == State) {
            Rep.error(Call->getBeginLoc(), "'" + State->Field->getNameAsString() + "' of '" +
                                               *Node + "' is initialized twice");
            Ok = false;
            return;
          }
      Init.push_back({*Node, State, *Value, Call->getBeginLoc()});
      return;
    }
    if (Method == "put" && Call->getNumArgs() == 4) {
      auto Node = text(Call->getArg(0));
      const StateMember *State = member(Call->getArg(1));
      auto Key = constant(Call->getArg(2));
      auto Value = constant(Call->getArg(3));
      if (!Node || !State || !Key || !Value)
        return;
      if (State->K != StateMember::Kind::Map) {
        Rep.error(Call->getBeginLoc(), "s.put(...) is for map members");
        Ok = false;
        return;
      }
      Puts.push_back({*Node, State, *Key, *Value, Call->getBeginLoc()});
      return;
    }
    if (Method == "deliver" && Call->getNumArgs() == 4) {
      auto To = text(Call->getArg(0));
      auto From = text(Call->getArg(1));
      auto At = integer(Call->getArg(3));
      const MessageType *Msg = P.messageOf(Call->getArg(2)->getType());
      if (!Msg) {
        Rep.error(Call->getArg(2)->getBeginLoc(), "deliver needs a FL_MESSAGE value");
        Ok = false;
        return;
      }
      const auto *List = llvm::dyn_cast<clang::InitListExpr>(unwrapMessage(Call->getArg(2)));
      if (!To || !From || !At || !List || List->getNumInits() != Msg->Fields.size()) {
        if (!List)
          Rep.error(Call->getArg(2)->getBeginLoc(), "write the message as Message{field, ...}");
        Ok = false;
        return;
      }
      // The fields' columns, then each batch's rows (`Append{1, {Entry{1,
      // 2}}}`), which arrive with the message. A message without fields
      // (`Tick{}`) has no columns to read.
      std::optional<Tuple> Fields = Tuple();
      std::vector<std::pair<const Batch *, std::vector<Tuple>>> Rows;
      for (unsigned I = 0; I < Msg->Fields.size() && Fields; ++I) {
        const clang::Expr *Init = List->getInit(I);
        if (const Batch *B = Msg->batchOf(Msg->Fields[I])) {
          std::vector<Tuple> Elements;
          for (const clang::Expr *E : batchElements(Init))
            if (std::optional<Tuple> V = constant(E))
              Elements.push_back(std::move(*V));
            else
              return;
          Rows.emplace_back(B, std::move(Elements));
          continue;
        }
        std::optional<Tuple> V = constant(Init);
        if (!V)
          return;
        Fields->insert(Fields->end(), V->begin(), V->end());
      }
      Uses.push_back(Msg->Decl);
      auto Fact = [&](const std::string &Relation, const Tuple &Columns) {
        ir::Fact F;
        F.Head.Relation = Relation;
        F.Head.Args = {ir::Term::string(*To), ir::Term::string(*From)};
        F.Head.Args.insert(F.Head.Args.end(), Columns.begin(), Columns.end());
        F.Time = *At;
        F.Loc = M.loc(Call->getBeginLoc());
        S.Facts.push_back(std::move(F));
      };
      Fact(Msg->Relation, *Fields);
      for (const auto &[B, Elements] : Rows)
        for (size_t Position = 0; Position < Elements.size(); ++Position) {
          Tuple Columns = *Fields;
          Columns.push_back(ir::Term::integer(static_cast<int64_t>(Position)));
          Columns.insert(Columns.end(), Elements[Position].begin(), Elements[Position].end());
          Fact(B->Relation, Columns);
        }
      Deliveries.push_back({*To, *At, Call->getBeginLoc()});
      return;
    }
    Rep.unsupported(Call->getBeginLoc(), "this call in a scenario",
                    "use bounds, node, init, add and deliver with constant arguments");
    Ok = false;
  }

  /// A message value down to its braces (not into its fields).
  /// The elements of a batch written in a delivery: `{}` or `{Entry{...},
  /// ...}` (a std::vector built from an initializer list).
  std::vector<const clang::Expr *> batchElements(const clang::Expr *E) {
    E = E->IgnoreImplicit();
    if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(E)) {
      if (C->getNumArgs() == 0)
        return {};
      // The initializer list, then the allocator's default argument.
      const auto *IL = llvm::dyn_cast<clang::CXXStdInitializerListExpr>(
          C->getArg(0)->IgnoreImplicit());
      bool Defaults = std::all_of(C->arg_begin() + 1, C->arg_end(), [](const clang::Expr *A) {
        return llvm::isa<clang::CXXDefaultArgExpr>(A);
      });
      if (IL && Defaults)
        E = IL->getSubExpr()->IgnoreImplicit();
    }
    if (const auto *L = llvm::dyn_cast<clang::InitListExpr>(E))
      return std::vector<const clang::Expr *>(L->inits().begin(), L->inits().end());
    Rep.error(E->getBeginLoc(), "write a batch as {} or {element, ...} with constant elements");
    Ok = false;
    return {};
  }

  static const clang::Expr *unwrapMessage(const clang::Expr *E) {
    return skipWrappers(E, /*IntoCopies=*/false);
  }

  const Role *roleArgument(const clang::CXXMemberCallExpr *Call) {
    const clang::FunctionDecl *F = Call->getMethodDecl();
    const clang::TemplateArgumentList *Args = F->getTemplateSpecializationArgs();
    const Role *Ro = nullptr;
    if (Args && Args->size() >= 1 && Args->get(0).getKind() == clang::TemplateArgument::Type)
      Ro = P.roleOf(Args->get(0).getAsType()->getAsRecordDecl());
    if (!Ro) {
      Rep.error(Call->getBeginLoc(), "s.node<Role>(...) needs a FL_PROCESS type as Role");
      Ok = false;
    }
    return Ro;
  }

  const StateMember *member(const clang::Expr *E) {
    const auto *U = llvm::dyn_cast<clang::UnaryOperator>(unwrap(E));
    const auto *D = U ? llvm::dyn_cast<clang::DeclRefExpr>(U->getSubExpr()->IgnoreParens()) : nullptr;
    const auto *F = D ? llvm::dyn_cast<clang::FieldDecl>(D->getDecl()) : nullptr;
    const StateMember *State = F ? P.stateOf(F) : nullptr;
    if (!State) {
      Rep.error(E->getBeginLoc(), "expected a FL_STATE member, as &Role::member");
      Ok = false;
    }
    return State;
  }

  const TimerMember *timer(const clang::Expr *E) {
    const auto *U = llvm::dyn_cast<clang::UnaryOperator>(unwrap(E));
    const auto *D =
        U ? llvm::dyn_cast<clang::DeclRefExpr>(U->getSubExpr()->IgnoreParens()) : nullptr;
    const auto *F = D ? llvm::dyn_cast<clang::FieldDecl>(D->getDecl()) : nullptr;
    const TimerMember *T = F ? P.timerOf(F) : nullptr;
    if (!T) {
      Rep.error(E->getBeginLoc(), "expected a FL_TIMER member, as &Role::timer");
      Ok = false;
    }
    return T;
  }

  /// A constant's columns: one for a scalar, a struct's fields flattened.
  std::optional<Tuple> constant(const clang::Expr *E) {
    if (const clang::CXXRecordDecl *R = structOf(E->getType()))
      return constantStruct(E, R);
    const clang::Expr *U = unwrap(E);
    if (const auto *S = llvm::dyn_cast<clang::StringLiteral>(U))
      return Tuple{ir::Term::string(S->getString().str())};
    if (auto V = integer(E, /*Quiet=*/true))
      return Tuple{ir::Term::integer(*V)};
    Rep.error(E->getBeginLoc(), "expected a constant: an integer, bool, enum constant or string");
    Ok = false;
    return std::nullopt;
  }

  /// `Entry{1, "x"}` (or a message): each field's constant, or its default
  /// where it is left out.
  std::optional<Tuple> constantStruct(const clang::Expr *E, const clang::CXXRecordDecl *R) {
    const auto *L = llvm::dyn_cast<clang::InitListExpr>(skipWrappers(E, /*IntoCopies=*/false));
    if (!L) {
      Rep.error(E->getBeginLoc(), "write the value as " + R->getNameAsString() +
                                      "{field, ...} with constant fields");
      Ok = false;
      return std::nullopt;
    }
    Tuple Out;
    unsigned I = 0;
    for (const clang::FieldDecl *F : R->fields()) {
      const clang::Expr *Init = I < L->getNumInits() ? L->getInit(I) : nullptr;
      ++I;
      std::optional<Tuple> V = !Init || llvm::isa<clang::ImplicitValueInitExpr>(Init) ||
                                       llvm::isa<clang::CXXDefaultInitExpr>(Init)
                                   ? defaultValue(F)
                                   : constant(Init);
      if (!V)
        return std::nullopt;
      Out.insert(Out.end(), V->begin(), V->end());
    }
    return Out;
  }

  std::optional<int64_t> integer(const clang::Expr *E, bool Quiet = false) {
    clang::Expr::EvalResult R;
    if (E->EvaluateAsInt(R, Ctx))
      return R.Val.getInt().getExtValue();
    if (!Quiet) {
      Rep.error(E->getBeginLoc(), "expected a constant integer");
      Ok = false;
    }
    return std::nullopt;
  }

  std::optional<std::string> text(const clang::Expr *E) {
    if (const auto *S = llvm::dyn_cast<clang::StringLiteral>(unwrap(E)))
      return S->getString().str();
    Rep.error(E->getBeginLoc(), "expected a node name as a string literal");
    Ok = false;
    return std::nullopt;
  }

  /// Set-up that no run can see (state of a name that is not a node, a
  /// delivery to one, or at a step outside 1..EOT) would leave the protocol
  /// idle and certify it vacuously. Checked once the whole body is read:
  /// s.node and s.bounds may come after the calls that need them.
  void checkReferences() {
    auto Known = [&](const std::string &Node, clang::SourceLocation Loc) {
      if (RoleOf.count(Node))
        return true;
      Rep.error(Loc, "'" + Node + "' is not a node of scenario '" + S.Name +
                         "'; declare it with s.node<Role>(\"" + Node + "\")");
      Ok = false;
      return false;
    };
    for (const Initial &I : Init)
      if (Known(I.Node, I.Loc))
        hasMember(I.Node, *I.State, I.Loc);
    for (const Put &Entry : Puts)
      if (Known(Entry.Node, Entry.Loc))
        hasMember(Entry.Node, *Entry.State, Entry.Loc);
    for (const Arm &A : Arms)
      if (Known(A.Node, A.Loc) && P.roleOf(A.Timer->Field->getParent()) != RoleOf[A.Node]) {
        Rep.error(A.Loc, "'" + A.Node + "' is a node of role " + RoleOf[A.Node]->Name +
                             ", which has no timer '" + A.Timer->Field->getNameAsString() + "'");
        Ok = false;
      }
    for (const Delivery &D : Deliveries) {
      Known(D.To, D.Loc);
      if (D.At < 1 || D.At > S.EOT) {
        Rep.error(D.Loc, "a delivery at step " + std::to_string(D.At) + ", outside the steps 1.." +
                             std::to_string(S.EOT) + " of scenario '" + S.Name +
                             "' (EOT is set by s.bounds(eot, eff, crashes), 3 without it)");
        Ok = false;
      }
    }
  }

  /// Roles, clocks, every scalar's initial value (its default constructor's
  /// or in-class initializer, or zero, unless the scenario sets it) and the
  /// elements containers are initialized with, at time 1.
  void finishFacts() {
    auto Fact = [&](std::string Relation, std::vector<ir::Term> Args, ir::SourceLoc Loc) {
      ir::Fact F;
      F.Head.Relation = std::move(Relation);
      F.Head.Args = std::move(Args);
      F.Time = 1;
      F.Loc = Loc;
      S.Facts.push_back(std::move(F));
    };
    for (const std::string &Node : S.Nodes) {
      const Role *Ro = RoleOf[Node];
      Fact(RoleRelation, {ir::Term::string(Node), ir::Term::string(Ro->Name)}, S.Loc);
      Fact(ClockRelation, {ir::Term::string(Node), ir::Term::integer(1)}, S.Loc);
      for (const StateMember &St : Ro->State) {
        if (St.K != StateMember::Kind::Scalar) {
          initialElements(Node, St, Fact);
          continue;
        }
        bool Set = std::any_of(Init.begin(), Init.end(), [&](const Initial &I) {
          return I.Node == Node && I.State == &St;
        });
        if (Set)
          continue;
        std::optional<Tuple> Default = defaultValue(St.Field);
        if (!Default)
          return;
        Fact(St.Relation, concat({ir::Term::string(Node)}, *Default),
             M.loc(St.Field->getLocation()));
      }
    }
    // checkReferences has made sure that each names a node of the member's
    // role.
    for (const Put &Entry : Puts)
      Fact(Entry.State->Relation, concat(concat({ir::Term::string(Entry.Node)}, Entry.Key), Entry.Value),
           M.loc(Entry.Loc));
    // Armed as by an arm in the first step: due at 1 + Steps.
    for (const Arm &A : Arms) {
      ir::TimerDecl Timer;
      Timer.Name = A.Timer->Name;
      Fact(Timer.armRelation(), {ir::Term::string(A.Node), ir::Term::integer(A.Steps)},
           M.loc(A.Loc));
    }
    for (const Initial &I : Init) {
      Tuple Args = concat({ir::Term::string(I.Node)}, I.Value);
      // A vector's elements get the indices of their order in the scenario.
      if (I.State->K == StateMember::Kind::Vector)
        Args.insert(Args.begin() + 1,
                    ir::Term::integer(static_cast<int64_t>(NextIndex[{I.Node, I.State}]++)));
      Fact(I.State->Relation, Args, M.loc(I.Loc));
    }
  }

  /// The facts of the elements a container member of Node starts with:
  /// its initializer's (`std::set<int> s = {1, 2};`), before what the
  /// scenario adds; a key the scenario puts replaces the initializer's.
  template <typename AddFact>
  void initialElements(const std::string &Node, const StateMember &St, AddFact &&Fact) {
    const clang::Expr *Init = initializerOf(St.Field);
    if (!Init)
      return;
    std::optional<std::vector<Tuple>> Rows = elementsOf(Init, St);
    if (!Rows)
      return;
    std::vector<Tuple> Keys;
    for (const Put &Entry : Puts)
      if (Entry.Node == Node && Entry.State == &St)
        Keys.push_back(Entry.Key);
    for (Tuple &Row : *Rows) {
      if (St.K == StateMember::Kind::Map) {
        Tuple Key(Row.begin(), Row.begin() + St.KeyColumns);
        if (std::find(Keys.begin(), Keys.end(), Key) != Keys.end())
          continue; // std::map keeps a key's first value
        Keys.push_back(std::move(Key));
      }
      if (St.K == StateMember::Kind::Vector)
        Row.insert(Row.begin(), ir::Term::integer(static_cast<int64_t>(NextIndex[{Node, &St}]++)));
      Fact(St.Relation, concat({ir::Term::string(Node)}, Row), M.loc(Init->getBeginLoc()));
    }
  }

  /// A container's initializer as rows of constants (a map's key columns,
  /// then its value's): braces of constants, or empty braces.
  std::optional<std::vector<Tuple>> elementsOf(const clang::Expr *Init, const StateMember &St) {
    const clang::Expr *E = Init->IgnoreImplicit();
    const clang::InitListExpr *List = nullptr;
    if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(E)) {
      // The initializer_list constructor, its comparator and allocator
      // left to their defaults.
      if (C->getNumArgs() == 0)
        return std::vector<Tuple>{};
      const auto *IL =
          llvm::dyn_cast<clang::CXXStdInitializerListExpr>(C->getArg(0)->IgnoreImplicit());
      if (IL && std::all_of(C->arg_begin() + 1, C->arg_end(), [](const clang::Expr *A) {
            return llvm::isa<clang::CXXDefaultArgExpr>(A);
          }))
        List = llvm::dyn_cast<clang::InitListExpr>(IL->getSubExpr()->IgnoreImplicit());
    } else if (const auto *L = llvm::dyn_cast<clang::InitListExpr>(E); L && !L->getNumInits()) {
      return std::vector<Tuple>{};
    }
    if (!List) {
      Rep.unsupported(Init->getBeginLoc(),
                      "this initializer of '" + St.Field->getNameAsString() + "'",
                      "list its elements as constants in braces (`= {1, 2}`), or add them in "
                      "the scenarios with s.add(...) and s.put(...)");
      Ok = false;
      return std::nullopt;
    }
    std::vector<Tuple> Rows;
    for (const clang::Expr *Element : List->inits()) {
      std::optional<Tuple> Row;
      if (St.K == StateMember::Kind::Map) {
        // A std::pair built from `{key, value}`.
        const clang::Expr *Pair = Element->IgnoreImplicit();
        std::vector<const clang::Expr *> Parts;
        if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(Pair))
          Parts.assign(C->arg_begin(), C->arg_end());
        else if (const auto *L = llvm::dyn_cast<clang::InitListExpr>(Pair))
          Parts.assign(L->inits().begin(), L->inits().end());
        if (Parts.size() != 2) {
          Rep.error(Element->getBeginLoc(), "expected a {key, value} pair of constants");
          Ok = false;
          return std::nullopt;
        }
        auto Key = constant(Parts[0]), Value = constant(Parts[1]);
        if (Key && Value)
          Row = concat(*Key, *Value);
      } else {
        Row = constant(Element);
      }
      if (!Row)
        return std::nullopt;
      Rows.push_back(std::move(*Row));
    }
    return Rows;
  }

  /// What initializes F when the simulator makes a node (`Role()`): the
  /// default constructor's member initializer, or else the in-class one.
  static const clang::Expr *initializerOf(const clang::FieldDecl *F) {
    if (const auto *R = llvm::dyn_cast<clang::CXXRecordDecl>(F->getParent()))
      for (const clang::CXXConstructorDecl *C : R->ctors()) {
        const clang::FunctionDecl *Def = nullptr;
        if (!C->isDefaultConstructor() || !C->hasBody(Def))
          continue;
        for (const clang::CXXCtorInitializer *I : llvm::cast<clang::CXXConstructorDecl>(Def)->inits())
          if (I->isWritten() && I->getMember() == F)
            return I->getInit();
      }
    return F->getInClassInitializer();
  }

  /// Whether Node (a node of the scenario) is of the role that declares
  /// State; an error where the scenario names it otherwise.
  bool hasMember(const std::string &Node, const StateMember &State, clang::SourceLocation Loc) {
    auto It = RoleOf.find(Node);
    const Role *Owner = nullptr;
    P.stateOf(State.Field, &Owner);
    if (It != RoleOf.end() && It->second == Owner)
      return true;
    Rep.error(Loc, "'" + Node + "' is not a node of the role that has this member");
    Ok = false;
    return false;
  }

  /// A member's value when nothing sets it: its default member
  /// initializer, or its fields' defaults, or zero.
  std::optional<Tuple> defaultValue(const clang::FieldDecl *F) {
    if (const clang::Expr *E = initializerOf(F)) {
      const clang::Expr *U = unwrap(E);
      if (const auto *L = llvm::dyn_cast<clang::InitListExpr>(U);
          (L && L->getNumInits() == 0 && !structOf(F->getType())) ||
          llvm::isa<clang::ImplicitValueInitExpr, clang::CXXScalarValueInitExpr>(U))
        return Tuple{zeroValue(F->getType())};
      return constant(E);
    }
    const clang::CXXRecordDecl *R = structOf(F->getType());
    if (!R)
      return Tuple{zeroValue(F->getType())};
    Tuple Out;
    for (const clang::FieldDecl *G : R->fields()) {
      std::optional<Tuple> V = defaultValue(G);
      if (!V)
        return std::nullopt;
      Out.insert(Out.end(), V->begin(), V->end());
    }
    return Out;
  }

  struct Put {
    std::string Node;
    const StateMember *State;
    Tuple Key, Value;
    clang::SourceLocation Loc;
  };

  struct Delivery {
    std::string To;
    int64_t At;
    clang::SourceLocation Loc;
  };

  struct Arm {
    std::string Node;
    const TimerMember *Timer;
    int64_t Steps;
    clang::SourceLocation Loc;
  };

  struct Initial {
    std::string Node;
    const StateMember *State;
    Tuple Value;
    clang::SourceLocation Loc;
  };

  const Protocol &P;
  clang::ASTContext &Ctx;
  Reporter &Rep;
  FragmentBuilder &M;
  ScenarioModel S;
  /// The roles of its nodes and the messages it delivers.
  std::vector<const clang::Decl *> Uses;
  std::map<std::string, const Role *> RoleOf;
  std::vector<Initial> Init;
  std::vector<Put> Puts;
  std::vector<Arm> Arms;
  std::vector<Delivery> Deliveries;
  std::map<std::pair<std::string, const StateMember *>, size_t> NextIndex;
  bool Ok = true;
};

} // namespace

void lowerScenarios(const Protocol &P, clang::ASTContext &Ctx, Reporter &R, FragmentBuilder &M) {
  ScenarioReader Reader(P, Ctx, R, M);
  for (const clang::FunctionDecl *F : P.Scenarios)
    Reader.read(F);
}

} // namespace faultline::frontend

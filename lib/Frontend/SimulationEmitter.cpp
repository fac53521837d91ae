//===- SimulationEmitter.cpp - The simulator's set-up, as C++ -------------===//
//
// Walks the protocol the frontend collects from each translation unit (the
// same Protocol the lowering reads, Collect.h) and writes what the simulator
// must be told about it: the generated file includes the protocol's headers,
// declares the scenarios (which live in source files), defines the FL_SEND
// function so that it hands messages to the simulator, and defines
// faultline::sim::describeProtocol() with every role, handler, state member,
// message, struct, enum, invariant and scenario, under the relation names the
// frontend gives them. Everything is named fully qualified, so the file needs
// no `using` and cannot pick up another declaration of the same name.
//
// The generated file is a translation unit of its own: it can only name
// what a header declares (or, for the scenario and invariant functions, what
// it can declare again itself). What it cannot reach is an error at the
// declaration, with the way out.
//
//===----------------------------------------------------------------------===//

#include "faultline/Frontend/Simulation.h"

#include "Collect.h"
#include "Protocol.h"
#include "Reporter.h"
#include "SyntaxOnlyTool.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace faultline::frontend {

namespace {

/// One scenario function, registered under its name (or its qualified name
/// where two have the same one, as the schedules name them).
struct ScenarioEntry {
  std::string Name, QualifiedName, Reference;
};

/// What the generated file says, gathered from every translation unit;
/// each entry once, in the order the sources declare them.
struct Description {
  std::vector<std::string> Sources;
  std::vector<std::string> Headers;
  std::vector<std::string> Declarations;
  std::vector<std::string> Transport;
  std::vector<std::string> Roles, Messages, Structs, Invariants;
  std::vector<ScenarioEntry> Scenarios;
  /// The keys of the entries above, to merge translation units.
  std::set<std::string> Seen;

  bool add(std::vector<std::string> &To, const std::string &Key, std::string Text) {
    if (!Seen.insert(Key).second)
      return false;
    To.push_back(std::move(Text));
    return true;
  }
};

/// Builds one translation unit's part of the description.
class DescriptionBuilder {
public:
  DescriptionBuilder(clang::ASTContext &Ctx, Reporter &R, Description &Out)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), R(R), Out(Out) {}

  void build(const Protocol &P) {
    for (const clang::RecordDecl *D : sorted(P.Roles))
      role(P.Roles.at(D));
    for (const clang::RecordDecl *D : sorted(P.Messages))
      message(P.Messages.at(D));
    for (const clang::FunctionDecl *F : P.Invariants)
      invariant(F);
    for (const clang::FunctionDecl *F : P.Scenarios)
      scenario(F);
    transport();
    calls();
    if (R.problems() != 0)
      return;
    // The headers in the order the source includes them.
    std::vector<std::pair<unsigned, std::string>> Ordered(Headers.begin(), Headers.end());
    std::sort(Ordered.begin(), Ordered.end());
    for (auto &[Order, Path] : Ordered)
      Out.add(Out.Headers, "header " + Path, Path);
    for (auto &[Kind, List] : Pending)
      for (auto &[Key, Text] : List)
        Out.add(*Kind, Key, std::move(Text));
    for (ScenarioEntry &S : PendingScenarios)
      if (Out.Seen.insert("scenario " + S.Reference).second)
        Out.Scenarios.push_back(std::move(S));
  }

private:
  /// Declarations in the order of the source.
  template <class Map> std::vector<typename Map::key_type> sorted(const Map &M) {
    std::vector<typename Map::key_type> Keys;
    for (const auto &Entry : M)
      Keys.push_back(Entry.first);
    std::sort(Keys.begin(), Keys.end(), [&](const clang::Decl *A, const clang::Decl *B) {
      return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
    });
    return Keys;
  }

  void add(std::vector<std::string> &To, std::string Key, std::string Text) {
    Pending[&To].emplace_back(std::move(Key), std::move(Text));
  }

  // ---- Names ---------------------------------------------------------------

  std::string typeName(clang::QualType T) const {
    clang::PrintingPolicy Policy(Ctx.getLangOpts());
    Policy.SuppressUnwrittenScope = true;
    return clang::TypeName::getFullyQualifiedName(T, Ctx, Policy, /*WithGlobalNsPrefix=*/true);
  }
  /// The type, ready for a parameter's name: `const T &` + `to`.
  std::string declarator(clang::QualType T) const {
    std::string Text = typeName(T);
    return Text.back() == '&' || Text.back() == '*' ? Text : Text + " ";
  }
  std::string typeName(const clang::TypeDecl *D) const {
    return typeName(Ctx.getTypeDeclType(D));
  }
  /// `::ns::name`, for a namespace-scope function.
  static std::string functionName(const clang::FunctionDecl *F) {
    return "::" + F->getQualifiedNameAsString();
  }

  /// Whether code outside D's source can name it: not in an unnamed
  /// namespace, not local to a function, not a private member.
  bool nameable(const clang::NamedDecl *D, const std::string &What) {
    for (const clang::DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
      if (DC->isFunctionOrMethod()) {
        R.error(D->getLocation(), What + " is local to a function: the simulator's generated "
                                         "set-up cannot name it; declare it at namespace scope");
        return false;
      }
    if (D->isInAnonymousNamespace()) {
      R.error(D->getLocation(), What + " is in an unnamed namespace: the simulator's generated "
                                       "set-up cannot name it; use a named namespace");
      return false;
    }
    for (const clang::Decl *M = D; M && llvm::isa<clang::CXXRecordDecl>(M->getDeclContext());
         M = llvm::cast<clang::Decl>(M->getDeclContext()))
      if (M->getAccess() != clang::AS_public) {
        R.error(D->getLocation(), What + " is not public: the simulator's generated set-up "
                                         "names it from outside the class; make it public");
        return false;
      }
    return true;
  }

  /// The header through which the source includes D's declaration (the
  /// outermost one), or nothing if D is declared in the source file itself.
  std::optional<clang::FileID> headerOf(const clang::Decl *D) {
    clang::FileID Main = SM.getMainFileID();
    clang::FileID F = SM.getFileID(SM.getExpansionLoc(D->getLocation()));
    while (F != Main) {
      clang::SourceLocation Included = SM.getIncludeLoc(F);
      if (Included.isInvalid())
        break;
      clang::FileID Up = SM.getFileID(SM.getExpansionLoc(Included));
      if (Up == Main || !SM.getFileEntryRefForID(Up))
        break;
      F = Up;
    }
    if (F == Main || !SM.getFileEntryRefForID(F))
      return std::nullopt;
    return F;
  }

  /// Includes the header that declares D; an error if there is none.
  bool include(const clang::NamedDecl *D, const std::string &What) {
    std::optional<clang::FileID> F = headerOf(D);
    if (!F) {
      R.error(D->getLocation(),
              What + " is declared in the source file: the simulator's generated set-up, a "
                     "file of its own, can only include it from a header; move it into one");
      return false;
    }
    clang::OptionalFileEntryRef File = SM.getFileEntryRefForID(*F);
    std::string Path = File->getFileEntry().tryGetRealPathName().str();
    if (Path.empty()) {
      llvm::SmallString<256> Abs(File->getName());
      SM.getFileManager().makeAbsolutePath(Abs);
      Path = std::string(Abs);
    }
    // Where the source includes it: the generated file includes them in
    // the same order.
    clang::SourceLocation At = SM.getIncludeLoc(*F);
    unsigned Order = At.isValid() ? SM.getFileOffset(SM.getExpansionLoc(At)) : 0;
    Headers.emplace(Order, Path);
    return true;
  }

  bool reachable(const clang::NamedDecl *D, const std::string &What) {
    return nameable(D, What) && include(D, What);
  }

  /// The namespaces around D, opened: `namespace a { namespace b { `.
  static std::pair<std::string, std::string> namespaces(const clang::Decl *D) {
    std::vector<const clang::NamespaceDecl *> Chain;
    for (const clang::DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
      if (const auto *NS = llvm::dyn_cast<clang::NamespaceDecl>(DC))
        Chain.push_back(NS);
    std::string Open, Close;
    for (auto It = Chain.rbegin(); It != Chain.rend(); ++It) {
      Open += fmt::format("{}namespace {} {{ ", (*It)->isInline() ? "inline " : "",
                          (*It)->getName().str());
      Close += " }";
    }
    return {Open, Close};
  }

  std::string parameters(const clang::FunctionDecl *F) const {
    std::vector<std::string> Types;
    for (const clang::ParmVarDecl *P : F->parameters())
      Types.push_back(typeName(P->getType()));
    return fmt::format("{}", fmt::join(Types, ", "));
  }

  /// A function the registration takes the address of: one in a header is
  /// included, one in the source file declared again here (it must have
  /// external linkage for the generated file to call it).
  std::optional<std::string> functionReference(const clang::FunctionDecl *F,
                                               const std::string &What) {
    if (!nameable(F, What))
      return std::nullopt;
    if (!headerOf(F)) {
      if (!F->isExternallyVisible() || F->isInlined()) {
        R.error(F->getLocation(),
                What + " is " + (F->isInlined() ? "inline" : "static") +
                    " in the source file: the simulator's generated set-up, a file of its own, "
                    "cannot call it; " +
                    (F->isInlined() ? "drop 'inline' or move it into a header"
                                    : "drop 'static'"));
        return std::nullopt;
      }
      auto [Open, Close] = namespaces(F);
      std::string Decl = fmt::format("{}{} {}({});{}", Open, typeName(F->getReturnType()),
                                     F->getNameAsString(), parameters(F), Close);
      add(Out.Declarations, "declaration " + functionName(F), Decl);
    } else if (!include(F, What)) {
      return std::nullopt;
    }
    // Overloaded: say which one.
    const clang::DeclContext *DC = F->getDeclContext()->getRedeclContext();
    auto Found = DC->lookup(F->getDeclName());
    if (std::distance(Found.begin(), Found.end()) > 1)
      return fmt::format("static_cast<{} (*)({})>(&{})", typeName(F->getReturnType()),
                         parameters(F), functionName(F));
    return "&" + functionName(F);
  }

  // ---- Values --------------------------------------------------------------

  /// Registers the structs a value of type T holds (the simulator turns
  /// them into the model's columns; an enum is its value, as an integer).
  void valueTypes(clang::QualType T) {
    T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
    if (auto Element = setElementType(T))
      return valueTypes(*Element);
    if (auto Element = vectorElementType(T))
      return valueTypes(*Element);
    if (auto Types = mapTypes(T)) {
      valueTypes(Types->first);
      return valueTypes(Types->second);
    }
    if (const clang::CXXRecordDecl *S = structOf(T))
      structure(S);
  }

  void structure(const clang::CXXRecordDecl *S) {
    std::string Name = typeName(S);
    if (Out.Seen.count("struct " + Name) || !Visited.insert(S).second)
      return;
    std::string What = "the struct '" + S->getNameAsString() + "'";
    if (!reachable(S, What))
      return;
    std::string Fields;
    for (const clang::FieldDecl *F : S->fields()) {
      if (!nameable(F, "the field '" + F->getNameAsString() + "' of " + What))
        return;
      Fields += fmt::format(", &{}::{}", Name, F->getName().str());
      valueTypes(F->getType());
    }
    add(Out.Structs, "struct " + Name,
        fmt::format("  P.structure<{}>(\"{}\"{});\n", Name, S->getName().str(), Fields));
  }

  // ---- Declarations ----------------------------------------------------------

  void role(const Role &Ro) {
    std::string Name = typeName(Ro.Decl);
    std::string What = "the process '" + Ro.Name + "'";
    if (!reachable(Ro.Decl, What))
      return;
    std::string Text = fmt::format("  P.role<{}>(\"{}\", {})\n", Name, Ro.Name,
                                   Ro.Self ? "&" + Name + "::" + Ro.Self->getName().str()
                                           : std::string("nullptr"));
    if (Ro.Self)
      nameable(Ro.Self, "the FL_SELF member of " + What);
    for (const Handler &H : Ro.Handlers) {
      std::string Method = H.Method->getNameAsString();
      if (!nameable(H.Method, "the handler '" + Ro.Name + "::" + Method + "'"))
        continue;
      if (H.Timer) {
        if (nameable(H.Timer->Field, "the timer member '" + Ro.Name + "::" +
                                         H.Timer->Field->getNameAsString() + "'"))
          Text += fmt::format("      .timer(\"{}\", &{}::{}, []({} &n) {{ n.{}(); }})\n",
                              H.Timer->Name, Name, H.Timer->Field->getName().str(), Name, Method);
        continue;
      }
      if (!H.Message) {
        Text += fmt::format("      .{}([]({} &n) {{ n.{}(); }})\n",
                            H.OnRestart ? "onRestart" : "periodic", Name, Method);
        continue;
      }
      std::string Message = typeName(H.Message->Decl);
      std::string Args = H.FromParam ? "m, from" : "m";
      // An RPC's response goes back to the caller when the handler returns.
      std::string Call =
          !H.Reply ? fmt::format("n.{}({});", Method, Args)
          : H.ReplyParam
              ? fmt::format("{} r{{}}; n.{}({}, r); ::faultline::sim::reply(from, r);",
                            typeName(H.Reply->Decl), Method, Args)
              : fmt::format("::faultline::sim::reply(from, n.{}({}));", Method, Args);
      Text += fmt::format("      .receive<{1}>([]({0} &n, const {1} &m, const ::faultline::NodeId "
                          "&{2}) {{ {3} }})\n",
                          Name, Message, H.FromParam || H.Reply ? "from" : "", Call);
    }
    for (const StateMember &S : Ro.State) {
      if (!nameable(S.Field, "the state member '" + Ro.Name + "::" +
                                 S.Field->getNameAsString() + "'"))
        continue;
      Text += fmt::format("      .state(\"{}\", &{}::{})\n", S.Relation, Name,
                          S.Field->getName().str());
      if (S.Durable)
        Text += fmt::format("      .durable(&{}::{})\n", Name, S.Field->getName().str());
      valueTypes(S.Field->getType());
    }
    Text.back() = ';';
    add(Out.Roles, "role " + Name, Text + "\n");
  }

  void message(const MessageType &M) {
    // The failure detector's notice: every simulated protocol knows it.
    if (M.CrashNotice)
      return;
    std::string Name = typeName(M.Decl);
    std::string What = "the message '" + M.Decl->getNameAsString() + "'";
    if (!reachable(M.Decl, What))
      return;
    std::string Fields;
    for (const clang::FieldDecl *F : M.Fields) {
      if (!nameable(F, "the field '" + F->getNameAsString() + "' of " + What))
        return;
      Fields += fmt::format(", &{}::{}", Name, F->getName().str());
      valueTypes(F->getType());
    }
    add(Out.Messages, "message " + Name,
        fmt::format("  P.message<{}>(\"{}\"{});\n", Name, M.Relation, Fields));
  }

  void invariant(const clang::FunctionDecl *F) {
    std::string Name = F->getNameAsString();
    auto Ref = functionReference(F, "the invariant '" + Name + "'");
    if (Ref)
      add(Out.Invariants, "invariant " + functionName(F),
          fmt::format("  P.invariant(\"{}\", {});\n", Name, *Ref));
  }

  void scenario(const clang::FunctionDecl *F) {
    auto Ref = functionReference(F, "the scenario '" + F->getNameAsString() + "'");
    if (Ref)
      PendingScenarios.push_back({F->getNameAsString(), F->getQualifiedNameAsString(), *Ref});
  }

  // ---- The send primitive -----------------------------------------------------

  /// The functions marked Mark (FL_SEND, FL_CALL) declared at namespace
  /// scope under DC.
  static void findMarked(const clang::DeclContext *DC, llvm::StringRef Mark,
                         std::vector<const clang::FunctionDecl *> &Found) {
    for (const clang::Decl *D : DC->decls()) {
      if (const auto *Inner = llvm::dyn_cast<clang::NamespaceDecl>(D))
        findMarked(Inner, Mark, Found);
      else if (const auto *Linkage = llvm::dyn_cast<clang::LinkageSpecDecl>(D))
        findMarked(Linkage, Mark, Found);
      else if (const auto *T = llvm::dyn_cast<clang::FunctionTemplateDecl>(D)) {
        if (markOf(T->getTemplatedDecl()) == Mark || markOf(T) == Mark)
          Found.push_back(T->getTemplatedDecl()->getCanonicalDecl());
      } else if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(D)) {
        if (markOf(F) == Mark)
          Found.push_back(F->getCanonicalDecl());
      }
    }
    std::sort(Found.begin(), Found.end());
    Found.erase(std::unique(Found.begin(), Found.end()), Found.end());
  }

  /// A FL_CALL function that this TU only declares is defined to make the
  /// call through the simulator, which runs the callback with the response.
  void calls() {
    std::vector<const clang::FunctionDecl *> Calls;
    findMarked(Ctx.getTranslationUnitDecl(), "call", Calls);
    for (const clang::FunctionDecl *F : Calls) {
      if (F->isDefined())
        continue;
      std::string What = "the FL_CALL function '" + F->getNameAsString() + "'";
      if (!nameable(F, What) || !include(F, What))
        continue;
      if (F->getDescribedFunctionTemplate() || !F->getReturnType()->isVoidType() ||
          F->getNumParams() != 3 ||
          !F->getParamDecl(2)->getType().getNonReferenceType()->getAsCXXRecordDecl() ||
          F->getParamDecl(2)
                  ->getType()
                  .getNonReferenceType()
                  ->getAsCXXRecordDecl()
                  ->getQualifiedNameAsString() != "std::function") {
        R.error(F->getLocation(),
                What + " must be a function (not a template) that returns void and takes the "
                       "destination, the request and a std::function callback: the simulator's "
                       "generated call() does nothing else");
        continue;
      }
      std::string Name = F->getQualifiedNameAsString();
      std::string Params = fmt::format(
          "{}to, {}request, {}done", declarator(F->getParamDecl(0)->getType()),
          declarator(F->getParamDecl(1)->getType()), declarator(F->getParamDecl(2)->getType()));
      add(Out.Transport, "call " + Name + "(" + Params + ")",
          fmt::format("void {}({}) {{\n  ::faultline::sim::call(to, request, done);\n}}\n", Name,
                      Params));
    }
  }

  /// A send primitive that this TU only declares (its real definition is
  /// in the project's transport) is defined to hand the message to the
  /// simulator. One that is defined where the TU sees it is the protocol's
  /// own business (it may call faultline::sim::send itself).
  void transport() {
    std::vector<const clang::FunctionDecl *> Sends;
    findMarked(Ctx.getTranslationUnitDecl(), "send", Sends);
    for (const clang::FunctionDecl *F : Sends) {
      if (F->isDefined())
        continue;
      std::string What = "the FL_SEND function '" + F->getNameAsString() + "'";
      if (!nameable(F, What) || !include(F, What))
        continue;
      if (!F->getReturnType()->isVoidType() || F->getNumParams() != 2) {
        R.error(F->getLocation(),
                What + " must return void and take the destination and the message: the "
                       "simulator's generated send() does nothing else");
        continue;
      }
      std::string Name = F->getQualifiedNameAsString();
      std::string Params = fmt::format("{}to, {}message", declarator(F->getParamDecl(0)->getType()),
                                       declarator(F->getParamDecl(1)->getType()));
      std::string Body = "{\n  ::faultline::sim::send(to, message);\n}\n";
      const clang::FunctionTemplateDecl *T = F->getDescribedFunctionTemplate();
      if (!T) {
        add(Out.Transport, "send " + Name + "(" + Params + ")",
            fmt::format("void {}({}) {}", Name, Params, Body));
        continue;
      }
      std::vector<std::string> TemplateParams;
      for (const clang::NamedDecl *P : *T->getTemplateParameters()) {
        const auto *Type = llvm::dyn_cast<clang::TemplateTypeParmDecl>(P);
        if (!Type || Type->isParameterPack() || Type->getName().empty()) {
          R.error(P->getLocation(), What + ": the simulator's generated send() takes named "
                                           "type parameters only");
          return;
        }
        TemplateParams.push_back("class " + Type->getName().str());
      }
      add(Out.Transport, "send " + Name + "(" + Params + ")",
          fmt::format("template <{}>\nvoid {}({}) {}", fmt::join(TemplateParams, ", "), Name,
                      Params, Body));
      // The messages the protocol sends through it, instantiated here as
      // the project's transport instantiates them.
      std::vector<const clang::FunctionDecl *> Uses(T->specializations().begin(),
                                                    T->specializations().end());
      for (const clang::FunctionDecl *S : Uses) {
        std::vector<std::string> Args;
        for (const clang::TemplateArgument &A : S->getTemplateSpecializationArgs()->asArray())
          if (A.getKind() == clang::TemplateArgument::Type)
            Args.push_back(typeName(A.getAsType()));
        std::string Text = fmt::format("template void {}<{}>({});\n", Name, fmt::join(Args, ", "),
                                       parameters(S));
        add(Out.Transport, Text, Text);
      }
    }
  }

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  Reporter &R;
  Description &Out;
  /// This TU's entries, added to Out only if it had no problem.
  std::map<std::vector<std::string> *, std::vector<std::pair<std::string, std::string>>> Pending;
  std::vector<ScenarioEntry> PendingScenarios;
  std::multimap<unsigned, std::string> Headers;
  std::set<const clang::Decl *> Visited;
};

/// Adds each parsed TU's part to the description.
class EmitConsumer : public clang::ASTConsumer {
public:
  explicit EmitConsumer(Description &Out) : Out(Out) {}
  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    // A TU that did not compile is reported by clang already.
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    Reporter R(Ctx.getDiagnostics(), ProblemOptions());
    Protocol P = collect(Ctx, R);
    if (R.problems() == 0)
      DescriptionBuilder(Ctx, R, Out).build(P);
  }

private:
  Description &Out;
};

/// What clang::tooling::newFrontendActionFactory makes consumers with.
struct EmitConsumerFactory {
  Description &Out;
  std::unique_ptr<clang::ASTConsumer> newASTConsumer() {
    return std::make_unique<EmitConsumer>(Out);
  }
};

void print(const Description &D, llvm::raw_ostream &OS) {
  OS << "// Generated by `faultline extract --emit=simulation` from\n";
  for (const std::string &S : D.Sources)
    OS << "//   " << S << "\n";
  OS << "// (docs/runtime.md): what faultline's frontend reads through the annotations,\n"
        "// told to its simulator. Do not edit: faultline_add_simulation() writes it\n"
        "// again whenever the protocol changes.\n\n"
        "#include \"faultline/simulator.h\"\n\n";
  for (const std::string &H : D.Headers)
    OS << "#include \"" << H << "\"\n";
  if (!D.Declarations.empty()) {
    OS << "\n// Defined in the sources.\n";
    for (const std::string &Decl : D.Declarations)
      OS << Decl << "\n";
  }
  if (!D.Transport.empty()) {
    OS << "\n// The protocol's send primitive, in the simulator: each message goes to\n"
          "// faultline::sim::send, which delivers it with the model's timing and faults.\n";
    for (const std::string &T : D.Transport)
      OS << T;
  }
  OS << "\nvoid faultline::sim::describeProtocol(faultline::sim::Protocol &P) {\n";
  for (const auto *List : {&D.Roles, &D.Messages, &D.Structs, &D.Invariants})
    for (const std::string &Line : *List)
      OS << Line;
  std::map<std::string, unsigned> Count;
  for (const ScenarioEntry &S : D.Scenarios)
    ++Count[S.Name];
  for (const ScenarioEntry &S : D.Scenarios)
    OS << fmt::format("  P.scenario(\"{}\", {});\n",
                      Count[S.Name] > 1 ? S.QualifiedName : S.Name, S.Reference);
  OS << "}\n";
}

} // namespace

bool emitSimulation(const ExtractOptions &Opts, llvm::raw_ostream &OS, llvm::raw_ostream &Errs) {
  if (Opts.Files.empty()) {
    Errs << "faultline: error: --emit=simulation needs the protocol's source files\n";
    return false;
  }
  std::string Error;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB = findCompilationDatabase(Opts, Error);
  if (!DB) {
    Errs << "faultline: error: " << Error << "\n";
    return false;
  }
  Description D;
  for (const std::string &F : Opts.Files) {
    llvm::SmallString<256> Abs(F);
    llvm::sys::fs::make_absolute(Abs);
    if (!llvm::sys::fs::exists(Abs)) {
      Errs << "faultline: error: no such file: " << F << "\n";
      return false;
    }
    D.Sources.push_back(std::string(Abs));
  }
  clang::tooling::ClangTool Tool(*DB, D.Sources);
  configureSyntaxOnly(Tool, Opts.ExtraArgs);
  clang::TextDiagnosticPrinter Printer(Errs, new clang::DiagnosticOptions());
  Tool.setDiagnosticConsumer(&Printer);
  EmitConsumerFactory Consumers{D};
  if (Tool.run(clang::tooling::newFrontendActionFactory(&Consumers).get()) != 0 ||
      Printer.getNumErrors() != 0)
    return false;
  if (D.Roles.empty()) {
    Errs << "faultline: error: no FL_PROCESS in these files: nothing to simulate\n";
    return false;
  }
  print(D, OS);
  return true;
}

} // namespace faultline::frontend

//===- LowerExpressions.cpp - Expressions to terms -------------------------===//
//
// An expression's value is a Dedalus term per path (a plain struct's, a
// term per scalar field). Reading a scalar state member joins its relation
// into the path once; literals, enumerators and constants are folded; a
// `?:` or `std::min` splits the path. Tests (comparisons, `&&`, `!`) are
// conditions (LowerConditions.cpp) whose value is 1 or 0; reads of state
// containers are in LowerContainerReads.cpp.
//
//===----------------------------------------------------------------------===//

#include "Idioms.h"
#include "LowerIntegers.h"
#include "LoweringContext.h"

#include "llvm/ADT/StringExtras.h"

namespace faultline::frontend {

using ir::Term;

namespace {

class ExpressionLowering {
public:
  explicit ExpressionLowering(LoweringContext &Cx) : Cx(Cx) {}

  /// E's values, joined where there are many (JoinPoints.cpp).
  Valued eval(const clang::Expr *E, Path P) {
    return Cx.joinValues(evalHere(E, std::move(P)), E);
  }

  /// E's values, on as many paths as its parts have.
  Valued evalHere(const clang::Expr *E, Path P) {
    // What strip() skips, except an integer conversion the compiled code
    // wraps (to an unsigned type): that one is modelled below.
    E = skipWrappers(E, /*IntoCopies=*/true,
                     [&](const clang::CastExpr *C) { return isWrappingCast(Cx.AST, C); });
    if (const auto *Cast = llvm::dyn_cast<clang::CastExpr>(E); isWrappingCast(Cx.AST, Cast))
      return convert(Cast, std::move(P));
    if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(E);
        Cast && Cast->getCastKind() == clang::CK_IntegralToBoolean)
      return Cx.truthValue(Cast->getSubExpr(), std::move(P));
    if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(E);
        Cast && Cast->getCastKind() != clang::CK_IntegralToBoolean)
      Cx.fail(E->getBeginLoc(),
              "a conversion from '" + Cast->getSubExpr()->getType().getAsString() + "' to '" +
                  Cast->getType().getAsString() + "'",
              "use integers, bools, enums and strings");
    if (const auto *Cast = llvm::dyn_cast<clang::ExplicitCastExpr>(E)) {
      // static_cast<int>(s.size()) and the like keep the value (one to an
      // unsigned type that can wrap is modelled above; a signed narrowing
      // out of range is not).
      clang::QualType To = Cast->getType(), From = Cast->getSubExpr()->getType();
      bool Integral = From->isIntegralOrEnumerationType();
      if (To->isBooleanType() && Integral)
        return Cx.truthValue(Cast->getSubExpr(), std::move(P));
      if (To->isIntegralOrEnumerationType() && Integral)
        return eval(Cast->getSubExpr(), std::move(P));
      Cx.fail(E->getBeginLoc(),
              "a cast from '" + From.getAsString() + "' to '" + To.getAsString() + "'",
              "cast only between integer, bool and enum types");
    }
    if (auto V = Cx.algorithm(E, P))
      return *V;
    if (auto V = Cx.localVectorRead(E, P))
      return *V;
    if (const auto *L = llvm::dyn_cast<clang::InitListExpr>(E); L && L->getNumInits() <= 1)
      // `int x{}` and `int x{y}`.
      return L->getNumInits() ? eval(L->getInit(0), std::move(P))
                              : Valued{{std::move(P), zeroValue(L->getType())}};
    if (const auto *I = llvm::dyn_cast<clang::IntegerLiteral>(E)) {
      if (I->getValue().getActiveBits() > 63)
        Cx.fail(E->getBeginLoc(), "the constant " + llvm::toString(I->getValue(), 10, false),
                "the model's integers are 64-bit signed: use constants below 2^63");
      return {{std::move(P), Term::integer(static_cast<int64_t>(I->getValue().getZExtValue()))}};
    }
    if (const auto *B = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(E))
      return {{std::move(P), Term::integer(B->getValue() ? 1 : 0)}};
    if (const auto *S = llvm::dyn_cast<clang::StringLiteral>(E))
      return {{std::move(P), Term::string(S->getString().str())}};
    if (const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(E))
      return Cx.scalars(evalName(D, std::move(P)), E);
    if (const auto *Mem = llvm::dyn_cast<clang::MemberExpr>(E))
      return Cx.scalars(evalMember(Mem, std::move(P)), E);
    if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(E)) {
      if (auto Op = arithmetic(B->getOpcode())) {
        // Located at the operator: an evaluation error (a division by
        // zero) is reported there.
        ir::SourceLoc Loc = Cx.Fragment.loc(B->getOperatorLoc());
        Valued Out;
        for (auto &[Q, L] : eval(B->getLHS(), std::move(P)))
          for (auto &[Q2, R] : eval(B->getRHS(), std::move(Q)))
            Out.push_back({std::move(Q2), Term::arith(*Op, L, R, Loc)});
        // Unsigned operands are in range: only a difference can be below
        // zero, and a quotient or remainder stays in range.
        if (*Op == '/' || *Op == '%')
          return Out;
        return asUnsigned(Cx, B->getType(), std::move(Out), B->getOperatorLoc(),
                          /*MayBeNegative=*/*Op == '-', "this subtraction goes below zero");
      }
      if (B->isComparisonOp() || B->isLogicalOp())
        return Cx.truthValue(E, std::move(P));
    }
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E)) {
      if (U->getOpcode() == clang::UO_Minus) {
        Valued Out;
        for (auto &[Q, V] : eval(U->getSubExpr(), std::move(P)))
          Out.push_back({std::move(Q), Term::arith('-', Term::integer(0), V,
                                                   Cx.Fragment.loc(U->getOperatorLoc()))});
        return asUnsigned(Cx, U->getType(), std::move(Out), U->getOperatorLoc(),
                          /*MayBeNegative=*/true, "this negation goes below zero");
      }
      if (U->getOpcode() == clang::UO_LNot)
        return Cx.truthValue(E, std::move(P));
    }
    if (const auto *C = llvm::dyn_cast<clang::ConditionalOperator>(E))
      return branches<Valued>(C, std::move(P), [&](const clang::Expr *X, Path Q) {
        return eval(X, std::move(Q));
      });
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E); Op && comparison(Op))
      return Cx.truthValue(E, std::move(P));
    if (auto V = Cx.batchRead(E, P))
      return Cx.scalars(std::move(*V), E);
    if (auto V = Cx.elementRead(E, P))
      return Cx.scalars(std::move(*V), E);
    if (auto V = Cx.iteratorRead(E, nullptr, P))
      return Cx.scalars(std::move(*V), E);
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      if (auto V = Cx.containerQuery(MC, P))
        return *V;
      if (auto V = stringQuery(MC, P))
        return *V;
    }
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E))
      return evalCall(Call, std::move(P));
    Cx.fail(E->getBeginLoc(), std::string("this expression (") + E->getStmtClassName() + ")",
            "use arithmetic, comparisons, state and message fields, and helper calls");
  }

  /// The columns of a value: a scalar's one term, or a plain struct's
  /// fields in order (built with braces, read from state, a message, a
  /// local, a container, or returned by a helper).
  /// E's values as tuples (a struct's fields), joined where there are many.
  Tupled evalTuple(const clang::Expr *E, Path P) {
    return Cx.joinValues(evalTupleHere(E, std::move(P)), E);
  }

  Tupled evalTupleHere(const clang::Expr *E, Path P) {
    if (!structOf(E->getType()))
      return tuples(eval(E, std::move(P)));
    E = strip(E);
    if (const auto *L = llvm::dyn_cast<clang::InitListExpr>(E))
      return fieldsOf(L, std::move(P));
    if (const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(E))
      return evalName(D, std::move(P));
    if (const auto *Mem = llvm::dyn_cast<clang::MemberExpr>(E))
      return evalMember(Mem, std::move(P));
    if (const auto *C = llvm::dyn_cast<clang::ConditionalOperator>(E))
      return branches<Tupled>(C, std::move(P), [&](const clang::Expr *X, Path Q) {
        return evalTuple(X, std::move(Q));
      });
    if (auto V = Cx.batchRead(E, P))
      return *V;
    if (auto V = Cx.elementRead(E, P))
      return *V;
    if (auto V = Cx.iteratorRead(E, nullptr, P))
      return *V;
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E))
      return Cx.inlineValue(Call, std::move(P));
    Cx.fail(E->getBeginLoc(), std::string("this struct value (") + E->getStmtClassName() + ")",
            "build structs with braces, or read them from state, messages, locals and helpers");
  }

private:
  /// An integer conversion that can change the value (isWrappingCast).
  Valued convert(const clang::CastExpr *Cast, Path P) {
    const clang::Expr *From = Cast->getSubExpr();
    return asUnsigned(Cx, Cast->getType(), eval(From, std::move(P)), Cast->getExprLoc(),
                      From->getType()->isSignedIntegerOrEnumerationType(),
                      "a negative value converted to '" +
                          Cast->getType().getCanonicalType().getAsString() + "'");
  }

  /// `c ? a : b`: a's values where c holds, then b's where it does not.
  template <typename Values, typename Evaluate>
  Values branches(const clang::ConditionalOperator *C, Path P, Evaluate Of) {
    Values Out;
    for (Path &Q : Cx.assume(C->getCond(), true, P))
      for (auto &V : Of(C->getTrueExpr(), std::move(Q)))
        Out.push_back(std::move(V));
    for (Path &Q : Cx.assume(C->getCond(), false, std::move(P)))
      for (auto &V : Of(C->getFalseExpr(), std::move(Q)))
        Out.push_back(std::move(V));
    return Out;
  }

  /// `Entry{a, b}`: each field's value, or its default where it is left out.
  Tupled fieldsOf(const clang::InitListExpr *L, Path P) {
    const clang::CXXRecordDecl *R = structOf(L->getType());
    Tupled Partial{{std::move(P), {}}};
    unsigned I = 0;
    for (const clang::FieldDecl *F : R->fields()) {
      const clang::Expr *Init = I < L->getNumInits() ? L->getInit(I) : nullptr;
      ++I;
      Tupled Next;
      for (auto &[Q, Terms] : Partial) {
        Tupled Values = !Init || llvm::isa<clang::ImplicitValueInitExpr>(Init) ||
                                llvm::isa<clang::CXXDefaultInitExpr>(Init)
                            ? defaultOf(F, std::move(Q))
                            : evalTuple(Init, std::move(Q));
        for (auto &[Q2, T] : Values)
          Next.push_back({std::move(Q2), append(Terms, T)});
      }
      // Each field's values multiply the struct's: the fields so far are
      // joined as an expression's values are.
      Partial = Cx.joinValues(std::move(Next), Init ? static_cast<const clang::Stmt *>(Init) : L);
    }
    return Partial;
  }

  /// A field left out of braces: its default member initializer, or its
  /// fields' defaults, or zero (false, "", the enumerator that is 0).
  Tupled defaultOf(const clang::FieldDecl *F, Path P) {
    if (const clang::Expr *Init = F->getInClassInitializer())
      return evalTuple(Init, std::move(P));
    const clang::CXXRecordDecl *R = structOf(F->getType());
    if (!R)
      return {{std::move(P), {zeroValue(F->getType())}}};
    return defaultFields(R, std::move(P));
  }

public:
  /// A value-initialized struct (`Op{}`): each field's default.
  Tupled defaultFields(const clang::CXXRecordDecl *R, Path P) {
    Tupled Partial{{std::move(P), {}}};
    for (const clang::FieldDecl *G : R->fields()) {
      Tupled Next;
      for (auto &[Q, Terms] : Partial)
        for (auto &[Q2, T] : defaultOf(G, std::move(Q)))
          Next.push_back({std::move(Q2), append(Terms, T)});
      Partial = std::move(Next);
    }
    return Partial;
  }

private:
  Tupled evalName(const clang::DeclRefExpr *D, Path P) {
    const clang::ValueDecl *Decl = D->getDecl();
    const Trigger &H = Cx.Handled;
    if (const auto *En = llvm::dyn_cast<clang::EnumConstantDecl>(Decl)) {
      if (std::optional<Term> T = constantTerm(En->getType(), En->getInitVal()))
        return {{std::move(P), {*T}}};
      Cx.fail(D->getBeginLoc(), "the enumerator '" + En->getNameAsString() + "', whose value " +
                                    "is out of the model's 64-bit signed range",
              "give enumerators values below 2^63");
    }
    if (Cx.References.count(Decl)) {
      const clang::Expr *Referent = Cx.referent(D);
      if (const auto *R = llvm::dyn_cast<clang::DeclRefExpr>(Referent);
          R && Cx.References.count(R->getDecl()))
        Cx.fail(D->getBeginLoc(), "a reference that refers to itself through helpers",
                "pass the value, or the state member itself");
      return Cx.evalTuple(Referent, std::move(P));
    }
    if (auto It = P.Locals.find(Decl); It != P.Locals.end())
      return {{std::move(P), It->second}};
    if (H.FromParam && Decl == H.FromParam)
      return {{std::move(P), {Term::variable("From")}}};
    if (P.Iterators.count(Decl))
      Cx.fail(D->getBeginLoc(),
              "using the iterator '" + Decl->getNameAsString() +
                  "' other than to test and read what find() found",
              "compare it with end() of its container, and read it->first and it->second");
    if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Decl); V && !V->hasLocalStorage())
      return constant(V, D->getBeginLoc(), std::move(P));
    if (H.MessageParam && Decl == H.MessageParam) {
      // The whole message, passed on to a helper (by reference when it
      // has a batch: LowerCalls.cpp) or copied.
      if (!H.Message->Batches.empty())
        Cx.fail(D->getBeginLoc(),
                "the message '" + Decl->getNameAsString() + "', which carries a batch, copied",
                "pass it to helpers by const reference, and read the batch where it is");
      Tuple All;
      for (const clang::FieldDecl *F : H.Message->Fields)
        All = append(std::move(All), H.Fields.at(F));
      return {{std::move(P), std::move(All)}};
    }
    Cx.fail(D->getBeginLoc(), "a use of '" + Decl->getNameAsString() + "'",
            "read locals, parameters, state, message fields and enum constants");
  }

  Tupled evalMember(const clang::MemberExpr *Mem, Path P) {
    if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Mem->getMemberDecl()))
      return constant(V, Mem->getMemberLoc(), std::move(P));
    const auto *Field = llvm::dyn_cast<clang::FieldDecl>(Mem->getMemberDecl());
    const clang::Expr *Base = strip(Mem->getBase());
    if (Field)
      if (auto V = Cx.iteratorRead(Base, Field, P))
        return *V;
    const Trigger &H = Cx.Handled;
    if (Field && H.MessageParam) {
      // Also through a helper's reference to the message.
      if (const auto *D = llvm::dyn_cast<clang::DeclRefExpr>(Cx.referent(Base));
          D && D->getDecl() == H.MessageParam) {
        auto It = H.Fields.find(Field);
        if (It == H.Fields.end() && H.Message->batchOf(Field))
          Cx.fail(Mem->getBeginLoc(),
                  "the batch '" + Field->getNameAsString() + "' used as a value",
                  "read a batch with size(), empty(), [i], at(i), front(), back() and loops, "
                  "append it to a state vector with v.insert(v.end(), b.begin(), b.end()), or "
                  "pass it on in a send");
        if (It == H.Fields.end())
          Cx.fail(Mem->getBeginLoc(), "this message field",
                  "message fields must be scalars or plain structs of scalars");
        return {{std::move(P), It->second}};
      }
    }
    // A field of the struct whose member helper this is.
    if (Field && Cx.Here.This && llvm::isa<clang::CXXThisExpr>(Base) &&
        structOf(Base->getType()->getPointeeType()))
      return {{std::move(P), slice(*Cx.Here.This, Field)}};
    Object Obj;
    if (Field && !Cx.objectOf(Base, Obj) && structOf(Base->getType())) {
      Tupled Out;
      for (auto &[Q, T] : evalTuple(Base, std::move(P)))
        Out.push_back({std::move(Q), slice(T, Field)});
      return Out;
    }
    if (!Field || !Obj.R)
      Cx.fail(Mem->getBeginLoc(), "this member access", "read state members and message fields");
    if (Field == Obj.R->Self)
      return {{std::move(P), {Term::variable(Obj.Var)}}};
    const StateMember *State = LoweringContext::stateIn(*Obj.R, Field);
    if (!State)
      Cx.fail(Mem->getBeginLoc(),
              "reading '" + Field->getNameAsString() + "', a member of " + Obj.R->Name +
                  " that is not marked",
              "mark it FL_STATE if it is node state (or make it a static constexpr member if "
              "it never changes)");
    if (State->K != StateMember::Kind::Scalar)
      Cx.fail(Mem->getBeginLoc(), "reading '" + Field->getNameAsString() + "' as a value",
              "read scalar state members; test sets with count/empty/size or loop over them");
    auto Key = std::make_pair(Obj.Var, Field);
    auto It = P.Scalars.find(Key);
    if (It != P.Scalars.end())
      return {{std::move(P), It->second}};
    Tuple V = Cx.fresh(Field->getType(), Field->getName());
    P.Body.push_back(atom(State->Relation, append({Term::variable(Obj.Var)}, V)));
    P.Scalars[Key] = V;
    return {{std::move(P), V}};
  }

  /// A namespace-scope constant or a static constant member: an integer,
  /// bool or enum folded to its value, another its initializer's value (a
  /// string literal, braces of constants).
  Tupled constant(const clang::VarDecl *V, clang::SourceLocation Loc, Path P) {
    std::string Name = "'" + V->getQualifiedNameAsString() + "'";
    if (!V->getType().isConstQualified())
      Cx.fail(Loc, "a use of the variable " + Name + ", which is neither local nor constant",
              "a value kept from call to call is node state: make it a FL_STATE member (or "
              "make the variable const or constexpr if it never changes)");
    // The declaration with the initializer: `extern const int k;` has none
    // here (its value is in another translation unit), and evaluating it
    // would crash clang.
    const clang::VarDecl *Def = nullptr;
    const clang::Expr *Init = V->getAnyInitializer(Def);
    if (!Init)
      Cx.fail(Loc, "a use of the constant " + Name + ", whose value this file does not see",
              "define the constant with its value in a header (`inline constexpr int k = 3;`), "
              "not `extern` in another file");
    if (V->getType()->isIntegralOrEnumerationType())
      if (const clang::APValue *Value = Def->evaluateValue(); Value && Value->isInt())
        if (std::optional<Term> T = constantTerm(V->getType(), Value->getInt()))
          return {{std::move(P), {*T}}};
    if (const auto *S = llvm::dyn_cast_or_null<clang::StringLiteral>(Init ? strip(Init) : nullptr))
      return {{std::move(P), {Term::string(S->getString().str())}}};
    if (!isValueType(V->getType()))
      Cx.fail(Loc, "a use of the constant " + Name,
              "give constants of integer, bool, enum, string or plain struct type an "
              "initializer in the header");
    return evalTuple(Init, std::move(P));
  }

  Valued evalCall(const clang::CallExpr *Call, Path P) {
    const clang::FunctionDecl *F = Call->getDirectCallee();
    std::string Name = F ? F->getQualifiedNameAsString() : "";
    if ((Name == "std::min" || Name == "std::max") && Call->getNumArgs() == 2) {
      // min(a, b): a where a <= b, b elsewhere (max alike).
      Valued Out;
      for (auto &[Q, A] : eval(Call->getArg(0), std::move(P)))
        for (auto &[Q2, B] : eval(Call->getArg(1), std::move(Q))) {
          ir::CmpOp Op = Name == "std::min" ? ir::CmpOp::LE : ir::CmpOp::GE;
          Path First = Q2;
          if (compare(First, Op, A, B))
            Out.push_back({std::move(First), A});
          if (compare(Q2, negate(Op), A, B))
            Out.push_back({std::move(Q2), B});
        }
      return Out;
    }
    return Cx.scalars(Cx.inlineValue(Call, std::move(P)), Call);
  }

  /// `str.empty()` on a string value: whether it equals "".
  std::optional<Valued> stringQuery(const clang::CXXMemberCallExpr *MC, const Path &P) {
    const clang::Expr *Obj = MC->getImplicitObjectArgument();
    if (!Obj || !isScalarType(Obj->getType()) || Obj->getType()->isIntegerType())
      return std::nullopt;
    if (MC->getMethodDecl()->getNameAsString() != "empty")
      Cx.fail(MC->getBeginLoc(), "'" + MC->getMethodDecl()->getNameAsString() + "' on a string",
              "compare strings with == and != (and test them with empty())");
    Valued Out;
    for (auto &[Q, V] : eval(Obj, P)) {
      Path Empty = Q;
      if (compare(Empty, ir::CmpOp::EQ, V, Term::string("")))
        Out.push_back({std::move(Empty), Term::integer(1)});
      if (compare(Q, ir::CmpOp::NE, V, Term::string("")))
        Out.push_back({std::move(Q), Term::integer(0)});
    }
    return Out;
  }

  LoweringContext &Cx;
};

} // namespace

Valued LoweringContext::eval(const clang::Expr *E, Path P) {
  return ExpressionLowering(*this).eval(E, std::move(P));
}

Tupled LoweringContext::evalTuple(const clang::Expr *E, Path P) {
  return ExpressionLowering(*this).evalTuple(E, std::move(P));
}

Tupled LoweringContext::defaultValue(clang::QualType T, Path P) {
  // A struct without fields (an empty message) has no columns.
  const clang::CXXRecordDecl *R = structOf(T);
  if (!R)
    return {{std::move(P), {}}};
  return ExpressionLowering(*this).defaultFields(R, std::move(P));
}

Valued LoweringContext::scalars(Tupled V, const clang::Expr *E) {
  Valued Out;
  for (auto &[Q, T] : V) {
    if (T.size() != 1)
      fail(E->getBeginLoc(), "a struct value where a scalar is expected", "read one of its fields");
    Out.push_back({std::move(Q), T.front()});
  }
  return Out;
}

} // namespace faultline::frontend

//===- Serialize.cpp - Rules and facts as JSON ----------------------------===//
//
// Terms are short arrays tagged by kind (["v", "X"], ["i", 3], ...) and
// locations [file, line, col]: an extraction holds thousands of them, and
// the tags keep the files small and readable.
//
//===----------------------------------------------------------------------===//

#include "faultline/IR/Serialize.h"

namespace faultline::ir {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Path;
using llvm::json::Value;

Value toJSON(const SourceLoc &L) { return Array{L.FileID, L.Line, L.Col}; }

bool fromJSON(const Value &V, SourceLoc &L, Path P) {
  const Array *A = V.getAsArray();
  if (!A || A->size() != 3) {
    P.report("expected [file, line, col]");
    return false;
  }
  auto Get = [&](size_t I, unsigned &Out) {
    auto N = (*A)[I].getAsUINT64();
    if (!N || *N > UINT32_MAX) {
      P.index(I).report("expected a non-negative integer");
      return false;
    }
    Out = static_cast<unsigned>(*N);
    return true;
  };
  return Get(0, L.FileID) && Get(1, L.Line) && Get(2, L.Col);
}

Value toJSON(const Term &T) {
  Array A;
  switch (T.K) {
  case Term::Kind::Variable:
    A = Array{"v", T.Text};
    break;
  case Term::Kind::Wildcard:
    A = Array{"_"};
    break;
  case Term::Kind::Integer:
    A = Array{"i", T.Int};
    break;
  case Term::Kind::String:
    A = Array{"s", T.Text};
    break;
  case Term::Kind::Symbol:
    A = Array{"y", T.Text};
    break;
  case Term::Kind::Arith:
    A = Array{"a", std::string(1, T.Op), toJSON(T.Args[0]), toJSON(T.Args[1])};
    break;
  case Term::Kind::Aggregate:
    A = Array{"g", T.Text, toJSON(T.Args[0])};
    break;
  }
  if (T.Loc.isValid())
    A.push_back(toJSON(T.Loc));
  return A;
}

bool fromJSON(const Value &V, Term &T, Path P) {
  const Array *A = V.getAsArray();
  std::optional<llvm::StringRef> Tag = A && !A->empty() ? (*A)[0].getAsString() : std::nullopt;
  if (!Tag) {
    P.report("expected a term [kind, ...]");
    return false;
  }
  // The operands each kind has before its optional location.
  size_t Operands = *Tag == "_" ? 0 : (*Tag == "a" ? 3 : (*Tag == "g" ? 2 : 1));
  if (A->size() != Operands + 1 && A->size() != Operands + 2) {
    P.report("wrong number of elements for this kind of term");
    return false;
  }
  auto Text = [&](size_t I, std::string &Out) {
    auto S = (*A)[I].getAsString();
    if (!S)
      P.index(I).report("expected a string");
    else
      Out = S->str();
    return S.has_value();
  };
  T = Term();
  bool Ok = true;
  if (*Tag == "v") {
    T.K = Term::Kind::Variable;
    Ok = Text(1, T.Text);
  } else if (*Tag == "_") {
    T.K = Term::Kind::Wildcard;
  } else if (*Tag == "i") {
    T.K = Term::Kind::Integer;
    auto N = (*A)[1].getAsInteger();
    if (!N)
      P.index(1).report("expected an integer");
    Ok = N.has_value();
    T.Int = N.value_or(0);
  } else if (*Tag == "s") {
    T.K = Term::Kind::String;
    Ok = Text(1, T.Text);
  } else if (*Tag == "y") {
    T.K = Term::Kind::Symbol;
    Ok = Text(1, T.Text);
  } else if (*Tag == "a") {
    T.K = Term::Kind::Arith;
    std::string Op;
    Ok = Text(1, Op) && Op.size() == 1 && llvm::StringRef("+-*/%").contains(Op[0]);
    if (!Ok)
      P.index(1).report("expected one of + - * / %");
    T.Op = Ok ? Op[0] : 0;
    T.Args.resize(2);
    Ok = Ok && fromJSON((*A)[2], T.Args[0], P.index(2)) &&
         fromJSON((*A)[3], T.Args[1], P.index(3));
  } else if (*Tag == "g") {
    T.K = Term::Kind::Aggregate;
    T.Args.resize(1);
    Ok = Text(1, T.Text) && fromJSON((*A)[2], T.Args[0], P.index(2));
  } else {
    P.index(0).report("unknown kind of term");
    return false;
  }
  if (Ok && A->size() == Operands + 2)
    Ok = fromJSON(A->back(), T.Loc, P.index(A->size() - 1));
  return Ok;
}

Value toJSON(const Atom &A) {
  Array Args;
  for (const Term &T : A.Args)
    Args.push_back(toJSON(T));
  Object O{{"rel", A.Relation}, {"args", std::move(Args)}};
  if (A.Negated)
    O["notin"] = true;
  if (A.AtTime)
    O["at"] = *A.AtTime;
  if (A.Loc.isValid())
    O["loc"] = toJSON(A.Loc);
  return O;
}

bool fromJSON(const Value &V, Atom &A, Path P) {
  llvm::json::ObjectMapper O(V, P);
  A = Atom();
  if (!O || !O.map("rel", A.Relation) || !O.map("args", A.Args) ||
      !O.mapOptional("notin", A.Negated) || !O.mapOptional("at", A.AtTime) ||
      !O.mapOptional("loc", A.Loc))
    return false;
  return true;
}

static const char *const CmpNames[] = {"==", "!=", "<", "<=", ">", ">="};

Value toJSON(const BodyElem &E) {
  if (const auto *A = std::get_if<Atom>(&E))
    return toJSON(*A);
  const auto &C = std::get<Comparison>(E);
  Object O{{"cmp", CmpNames[static_cast<int>(C.Op)]}, {"lhs", toJSON(C.LHS)},
           {"rhs", toJSON(C.RHS)}};
  if (C.Loc.isValid())
    O["loc"] = toJSON(C.Loc);
  return O;
}

bool fromJSON(const Value &V, BodyElem &E, Path P) {
  const Object *O = V.getAsObject();
  if (!O || !O->get("cmp")) {
    Atom A;
    if (!fromJSON(V, A, P))
      return false;
    E = std::move(A);
    return true;
  }
  Comparison C;
  std::string Op;
  llvm::json::ObjectMapper M(V, P);
  if (!M.map("cmp", Op) || !M.map("lhs", C.LHS) || !M.map("rhs", C.RHS) ||
      !M.mapOptional("loc", C.Loc))
    return false;
  const auto *It = std::find(std::begin(CmpNames), std::end(CmpNames), Op);
  if (It == std::end(CmpNames)) {
    P.field("cmp").report("unknown comparison");
    return false;
  }
  C.Op = static_cast<CmpOp>(It - std::begin(CmpNames));
  E = std::move(C);
  return true;
}

static const char *const TimeNames[] = {"now", "next", "async"};

Value toJSON(const Rule &R) {
  Array Body;
  for (const BodyElem &E : R.Body)
    Body.push_back(toJSON(E));
  Object O{{"head", toJSON(R.Head)},
           {"time", TimeNames[static_cast<int>(R.Time)]},
           {"body", std::move(Body)}};
  if (R.Loc.isValid())
    O["loc"] = toJSON(R.Loc);
  if (R.EndLoc.isValid())
    O["end"] = toJSON(R.EndLoc);
  if (!R.Origin.empty())
    O["origin"] = R.Origin;
  return O;
}

bool fromJSON(const Value &V, Rule &R, Path P) {
  llvm::json::ObjectMapper O(V, P);
  R = Rule();
  std::string Time;
  if (!O || !O.map("head", R.Head) || !O.map("time", Time) || !O.map("body", R.Body) ||
      !O.mapOptional("loc", R.Loc) || !O.mapOptional("end", R.EndLoc) ||
      !O.mapOptional("origin", R.Origin))
    return false;
  const auto *It = std::find(std::begin(TimeNames), std::end(TimeNames), Time);
  if (It == std::end(TimeNames)) {
    P.field("time").report("expected now, next or async");
    return false;
  }
  R.Time = static_cast<HeadTime>(It - std::begin(TimeNames));
  return true;
}

Value toJSON(const Fact &F) {
  Object O{{"head", toJSON(F.Head)}, {"time", F.Time}};
  if (F.Loc.isValid())
    O["loc"] = toJSON(F.Loc);
  return O;
}

bool fromJSON(const Value &V, Fact &F, Path P) {
  llvm::json::ObjectMapper O(V, P);
  F = Fact();
  return O && O.map("head", F.Head) && O.map("time", F.Time) && O.mapOptional("loc", F.Loc);
}

} // namespace faultline::ir

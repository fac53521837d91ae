//===- AST.cpp - The Dedalus rule IR --------------------------------------===//
//
// Constructors, structural equality and small queries on the IR. Equality
// ignores source locations and Origin text: two programs are the same if
// they mean the same thing, wherever they were written.
//
//===----------------------------------------------------------------------===//

#include "faultline/IR/AST.h"
#include "faultline/IR/ReservedNames.h"

#include <utility>

namespace faultline::ir {

Term Term::variable(std::string Name, SourceLoc L) {
  Term T;
  T.K = Kind::Variable;
  T.Text = std::move(Name);
  T.Loc = L;
  return T;
}

Term Term::wildcard(SourceLoc L) {
  Term T;
  T.K = Kind::Wildcard;
  T.Loc = L;
  return T;
}

Term Term::integer(int64_t V, SourceLoc L) {
  Term T;
  T.K = Kind::Integer;
  T.Int = V;
  T.Loc = L;
  return T;
}

Term Term::string(std::string S, SourceLoc L) {
  Term T;
  T.K = Kind::String;
  T.Text = std::move(S);
  T.Loc = L;
  return T;
}

Term Term::symbol(std::string S, SourceLoc L) {
  Term T;
  T.K = Kind::Symbol;
  T.Text = std::move(S);
  T.Loc = L;
  return T;
}

Term Term::arith(char Op, Term LHS, Term RHS, SourceLoc L) {
  Term T;
  T.K = Kind::Arith;
  T.Op = Op;
  T.Args.push_back(std::move(LHS));
  T.Args.push_back(std::move(RHS));
  T.Loc = L;
  return T;
}

Term Term::aggregate(std::string Fn, Term Var, SourceLoc L) {
  Term T;
  T.K = Kind::Aggregate;
  T.Text = std::move(Fn);
  T.Args.push_back(std::move(Var));
  T.Loc = L;
  return T;
}

void Term::collectVariables(std::vector<std::string> &Out) const {
  switch (K) {
  case Kind::Variable:
    Out.push_back(Text);
    return;
  case Kind::Arith:
  case Kind::Aggregate:
    for (const Term &A : Args)
      A.collectVariables(Out);
    return;
  case Kind::Wildcard:
  case Kind::Integer:
  case Kind::String:
  case Kind::Symbol:
    return;
  }
}

bool operator==(const Term &A, const Term &B) {
  if (A.K != B.K)
    return false;
  switch (A.K) {
  case Term::Kind::Wildcard:
    return true;
  case Term::Kind::Integer:
    return A.Int == B.Int;
  case Term::Kind::Variable:
  case Term::Kind::String:
  case Term::Kind::Symbol:
    return A.Text == B.Text;
  case Term::Kind::Arith:
    return A.Op == B.Op && A.Args == B.Args;
  case Term::Kind::Aggregate:
    return A.Text == B.Text && A.Args == B.Args;
  }
  return false;
}

bool operator==(const Atom &A, const Atom &B) {
  return A.Relation == B.Relation && A.Negated == B.Negated &&
         A.AtTime == B.AtTime && A.Args == B.Args;
}

const char *spelling(CmpOp Op) {
  switch (Op) {
  case CmpOp::EQ:
    return "==";
  case CmpOp::NE:
    return "!=";
  case CmpOp::LT:
    return "<";
  case CmpOp::LE:
    return "<=";
  case CmpOp::GT:
    return ">";
  case CmpOp::GE:
    return ">=";
  }
  return "?";
}

bool operator==(const Comparison &A, const Comparison &B) {
  return A.Op == B.Op && A.LHS == B.LHS && A.RHS == B.RHS;
}

// As in Molly (Rule.locationSpecifier), the location is the first column of
// the first body predicate, negated or not.
const Term *Rule::locationTerm() const {
  for (const BodyElem &E : Body)
    if (const Atom *A = std::get_if<Atom>(&E))
      return A->Args.empty() ? nullptr : &A->Args.front();
  return nullptr;
}

bool Rule::hasAggregate() const {
  for (const Term &T : Head.Args)
    if (T.K == Term::Kind::Aggregate)
      return true;
  return false;
}

bool Rule::isSelection() const {
  unsigned Aggregates = 0;
  bool Selects = true;
  for (const Term &T : Head.Args)
    if (T.K == Term::Kind::Aggregate) {
      ++Aggregates;
      Selects = Selects && (T.Text == "min" || T.Text == "max");
    }
  return Aggregates == 1 && Selects;
}

bool operator==(const Rule &A, const Rule &B) {
  return A.Time == B.Time && A.Head == B.Head && A.Body == B.Body;
}

bool operator==(const Fact &A, const Fact &B) {
  return A.Time == B.Time && A.Head == B.Head;
}

bool operator==(const TimerDecl &A, const TimerDecl &B) {
  return A.Name == B.Name && A.Arity == B.Arity;
}

unsigned Program::addFile(std::string Path) {
  Files.push_back(std::move(Path));
  return static_cast<unsigned>(Files.size() - 1);
}

bool sameProgram(const Program &A, const Program &B) {
  return A.Rules == B.Rules && A.Facts == B.Facts && A.Declarations == B.Declarations &&
         A.Timers == B.Timers;
}

bool operator==(const Declaration &A, const Declaration &B) {
  return A.K == B.K && A.Relation == B.Relation;
}

const char *spelling(Declaration::Kind K) {
  return K == Declaration::Kind::Ghost ? "ghost" : "durable";
}

bool Program::durable(const std::string &Relation) const {
  if (survivesRestart(Relation))
    return true;
  for (const Declaration &D : Declarations)
    if (D.Relation == Relation)
      return true;
  return false;
}

} // namespace faultline::ir

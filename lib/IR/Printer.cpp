//===- Printer.cpp - Writing programs as .ded text ------------------------===//
//
// The printed text parses back to the same program (sameProgram). The only
// subtle part is arithmetic: the parser folds operator chains to the right
// with no precedence, so a right operand never needs parentheses and a left
// operand that is itself arithmetic always does.
//
//===----------------------------------------------------------------------===//

#include "faultline/IR/Printer.h"

#include <string>

namespace faultline::ir {

/// A string term as a literal the lexer reads back to the same bytes: a
/// quote, a backslash and the bytes that cannot stand in the text (a line
/// break would end the clause) escaped, so that no value, however crafted
/// (a C++ string constant), can close the literal and add clauses.
static void printStringTo(const std::string &S, std::string &Out) {
  static const char Hex[] = "0123456789ABCDEF";
  Out += '"';
  for (char C : S) {
    unsigned char U = static_cast<unsigned char>(C);
    switch (C) {
    case '"':
      Out += "\\\"";
      break;
    case '\\':
      Out += "\\\\";
      break;
    case '\n':
      Out += "\\n";
      break;
    case '\t':
      Out += "\\t";
      break;
    case '\r':
      Out += "\\r";
      break;
    default:
      if (U < 0x20 || U == 0x7f) {
        Out += "\\x";
        Out += Hex[U >> 4];
        Out += Hex[U & 0xf];
      } else {
        Out += C;
      }
    }
  }
  Out += '"';
}

static void printTermTo(const Term &T, std::string &Out) {
  switch (T.K) {
  case Term::Kind::Variable:
  case Term::Kind::Symbol:
    Out += T.Text;
    return;
  case Term::Kind::Wildcard:
    Out += '_';
    return;
  case Term::Kind::Integer:
    Out += std::to_string(T.Int);
    return;
  case Term::Kind::String:
    printStringTo(T.Text, Out);
    return;
  case Term::Kind::Aggregate:
    Out += T.Text;
    Out += '<';
    if (!T.Args.empty())
      printTermTo(T.Args[0], Out);
    Out += '>';
    return;
  case Term::Kind::Arith: {
    if (T.Args.size() != 2) {
      Out += "<invalid>";
      return;
    }
    const Term &L = T.Args[0];
    bool Paren = L.K == Term::Kind::Arith;
    if (Paren)
      Out += '(';
    printTermTo(L, Out);
    if (Paren)
      Out += ')';
    Out += ' ';
    Out += T.Op;
    Out += ' ';
    printTermTo(T.Args[1], Out);
    return;
  }
  }
}

std::string printTerm(const Term &T) {
  std::string Out;
  printTermTo(T, Out);
  return Out;
}

std::string printAtom(const Atom &A) {
  std::string Out;
  if (A.Negated)
    Out += "notin ";
  Out += A.Relation;
  Out += '(';
  for (size_t I = 0; I < A.Args.size(); ++I) {
    if (I)
      Out += ", ";
    printTermTo(A.Args[I], Out);
  }
  Out += ')';
  if (A.AtTime)
    Out += "@" + std::to_string(*A.AtTime);
  return Out;
}

static std::string printComparison(const Comparison &C) {
  return printTerm(C.LHS) + " " + spelling(C.Op) + " " + printTerm(C.RHS);
}

std::string printRule(const Rule &R) {
  std::string Out = printAtom(R.Head);
  if (R.Time == HeadTime::Next)
    Out += "@next";
  else if (R.Time == HeadTime::Async)
    Out += "@async";
  Out += " :- ";
  for (size_t I = 0; I < R.Body.size(); ++I) {
    if (I)
      Out += ", ";
    if (const Atom *A = std::get_if<Atom>(&R.Body[I]))
      Out += printAtom(*A);
    else
      Out += printComparison(std::get<Comparison>(R.Body[I]));
  }
  Out += ';';
  return Out;
}

static std::string printFact(const Fact &F) {
  return printAtom(F.Head) + "@" + std::to_string(F.Time) + ";";
}

static std::string locationComment(const Program &P, SourceLoc L,
                                   const std::string &Origin) {
  std::string Out = "// ";
  if (L.isValid())
    Out += P.fileName(L) + ":" + std::to_string(L.Line) + ":" +
           std::to_string(L.Col);
  else
    Out += "<no location>";
  if (!Origin.empty()) {
    Out += " origin: ";
    for (char C : Origin)
      Out += (C == '\n' || C == '\r') ? ' ' : C;
  }
  Out += '\n';
  return Out;
}

/// Orders clauses by where they were written: files in load order, then
/// line and column. Clauses without a location come first.
static bool before(SourceLoc A, SourceLoc B) {
  if (A.FileID != B.FileID)
    return A.FileID < B.FileID;
  if (A.Line != B.Line)
    return A.Line < B.Line;
  return A.Col < B.Col;
}

std::string printProgram(const Program &P, const PrintOptions &Opts) {
  // Rules and facts are kept apart in Program; print them merged back into
  // source order (each list is already in that order).
  std::string Out;
  // Declarations first: they say how to read the relations below (and
  // timer declarations only name relations, so order does not matter).
  for (const Declaration &D : P.Declarations) {
    if (Opts.WithLocations)
      Out += locationComment(P, D.Loc, "");
    Out += std::string(spelling(D.K)) + " " + D.Relation + ";\n";
  }
  for (const TimerDecl &T : P.Timers) {
    if (Opts.WithLocations)
      Out += locationComment(P, T.Loc, "");
    Out += "timer " + T.Name + "/" + std::to_string(T.Arity) + ";\n";
  }
  size_t RI = 0, FI = 0;
  while (RI < P.Rules.size() || FI < P.Facts.size()) {
    bool TakeFact =
        RI == P.Rules.size() ||
        (FI < P.Facts.size() && before(P.Facts[FI].Loc, P.Rules[RI].Loc));
    if (TakeFact) {
      const Fact &F = P.Facts[FI++];
      if (Opts.WithLocations)
        Out += locationComment(P, F.Loc, "");
      Out += printFact(F);
    } else {
      const Rule &R = P.Rules[RI++];
      if (Opts.WithLocations)
        Out += locationComment(P, R.Loc, R.Origin);
      Out += printRule(R);
    }
    Out += '\n';
  }
  return Out;
}

} // namespace faultline::ir

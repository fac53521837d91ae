//===- IRTest.cpp - Unit tests of the Dedalus IR --------------------------===//
//
// Parser, printer round trip, loader, validator, stratifier, diagnostics.
//
//===----------------------------------------------------------------------===//

#include "faultline/IR/AST.h"
#include "faultline/IR/Diagnostics.h"
#include "faultline/IR/JsonFile.h"
#include "faultline/IR/Parser.h"
#include "faultline/IR/Printer.h"
#include "faultline/IR/Validate.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace faultline::ir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

/// The result of parsing one buffer named "test.ded".
struct Parsed {
  Program P;
  std::vector<IncludeDirective> Includes;
  std::string Diags;
  bool Ok = false;
  unsigned Errors = 0;
};

Parsed parse(const std::string &Text) {
  Parsed R;
  llvm::raw_string_ostream OS(R.Diags);
  DiagnosticEngine D(OS);
  D.setProgram(&R.P);
  unsigned ID = R.P.addFile("test.ded");
  D.addSourceText(ID, Text);
  R.Ok = parseBuffer(Text, ID, R.P, R.Includes, D);
  R.Errors = D.errorCount();
  OS.flush();
  return R;
}

/// Parses Text, which must be free of syntax errors.
Program parseOk(const std::string &Text) {
  Parsed R = parse(Text);
  EXPECT_TRUE(R.Ok) << R.Diags;
  EXPECT_EQ(R.Diags, "");
  return std::move(R.P);
}

/// Diagnostics of validating (and, if valid, stratifying) Text.
struct Checked {
  Program P;
  bool Valid = false;
  Stratification S;
  std::string Diags;
  unsigned Errors = 0;
  unsigned Warnings = 0;
};

Checked check(const std::string &Text, bool Strict = false) {
  Checked C;
  Parsed R = parse(Text);
  EXPECT_TRUE(R.Ok) << R.Diags;
  C.P = std::move(R.P);
  llvm::raw_string_ostream OS(C.Diags);
  DiagnosticEngine D(OS);
  D.setProgram(&C.P);
  D.addSourceText(1, Text);
  D.setWarningsAsErrors(Strict);
  C.Valid = validateProgram(C.P, D);
  if (C.Valid)
    C.S = stratify(C.P, D);
  C.Errors = D.errorCount();
  C.Warnings = D.warningCount();
  OS.flush();
  return C;
}

const Atom &bodyAtom(const Rule &R, size_t I) { return std::get<Atom>(R.Body[I]); }
const Comparison &bodyCmp(const Rule &R, size_t I) {
  return std::get<Comparison>(R.Body[I]);
}

Term V(const char *N) { return Term::variable(N); }
Term I(int64_t X) { return Term::integer(X); }
Term Ar(char Op, Term A, Term B) { return Term::arith(Op, std::move(A), std::move(B)); }

void expectLoc(SourceLoc L, unsigned Line, unsigned Col) {
  EXPECT_EQ(L.FileID, 1u);
  EXPECT_EQ(L.Line, Line);
  EXPECT_EQ(L.Col, Col);
}

/// parse(print(P)) must give P back.
void expectRoundTrip(const Program &P) {
  std::string Text = printProgram(P);
  Parsed Again = parse(Text);
  ASSERT_TRUE(Again.Ok) << Text << "\n" << Again.Diags;
  EXPECT_TRUE(sameProgram(Again.P, P)) << Text << "\nreprinted:\n"
                                       << printProgram(Again.P);
  EXPECT_EQ(printProgram(Again.P), Text);
}

//===--- Parser -----------------------------------------------------------===//

TEST(Parser, Fact) {
  Program P = parseOk("node(\"a\", b, 42, -7)@3;");
  ASSERT_EQ(P.Facts.size(), 1u);
  EXPECT_TRUE(P.Rules.empty());
  const Fact &F = P.Facts[0];
  EXPECT_EQ(F.Head.Relation, "node");
  EXPECT_EQ(F.Time, 3);
  ASSERT_EQ(F.Head.Args.size(), 4u);
  EXPECT_EQ(F.Head.Args[0].K, Term::Kind::String);
  EXPECT_EQ(F.Head.Args[0].Text, "a");
  EXPECT_EQ(F.Head.Args[1].K, Term::Kind::Symbol);
  EXPECT_EQ(F.Head.Args[1].Text, "b");
  EXPECT_EQ(F.Head.Args[2].K, Term::Kind::Integer);
  EXPECT_EQ(F.Head.Args[2].Int, 42);
  EXPECT_EQ(F.Head.Args[3].K, Term::Kind::Integer);
  EXPECT_EQ(F.Head.Args[3].Int, -7);
  expectLoc(F.Loc, 1, 1);
  expectLoc(F.Head.Args[2].Loc, 1, 14);
}

TEST(Parser, HeadTimes) {
  Program P = parseOk("a(X) :- b(X);\n"
                      "a(X)@next :- b(X);\n"
                      "a(X) @async :- b(X);\n"
                      "a(X)\t@ next :- b(X);\n");
  ASSERT_EQ(P.Rules.size(), 4u);
  EXPECT_EQ(P.Rules[0].Time, HeadTime::Now);
  EXPECT_EQ(P.Rules[1].Time, HeadTime::Next);
  EXPECT_EQ(P.Rules[2].Time, HeadTime::Async);
  EXPECT_EQ(P.Rules[3].Time, HeadTime::Next);
}

TEST(Parser, BodyElements) {
  Program P = parseOk("h(A, B) :- p(A, _), notin q(A, B), r(B)@2, notin s(A)@1,"
                      " A == B, A != B, A < B, A <= B, A > B, A >= B;");
  ASSERT_EQ(P.Rules.size(), 1u);
  const Rule &R = P.Rules[0];
  ASSERT_EQ(R.Body.size(), 10u);
  EXPECT_FALSE(bodyAtom(R, 0).Negated);
  EXPECT_EQ(bodyAtom(R, 0).Args[1].K, Term::Kind::Wildcard);
  EXPECT_FALSE(bodyAtom(R, 0).AtTime.has_value());
  EXPECT_TRUE(bodyAtom(R, 1).Negated);
  EXPECT_EQ(bodyAtom(R, 1).Relation, "q");
  EXPECT_EQ(bodyAtom(R, 2).AtTime, std::optional<int64_t>(2));
  EXPECT_FALSE(bodyAtom(R, 2).Negated);
  EXPECT_TRUE(bodyAtom(R, 3).Negated);
  EXPECT_EQ(bodyAtom(R, 3).AtTime, std::optional<int64_t>(1));
  const CmpOp Ops[] = {CmpOp::EQ, CmpOp::NE, CmpOp::LT,
                       CmpOp::LE, CmpOp::GT, CmpOp::GE};
  for (size_t K = 0; K < 6; ++K) {
    const Comparison &C = bodyCmp(R, 4 + K);
    EXPECT_EQ(C.Op, Ops[K]);
    EXPECT_EQ(C.LHS, V("A"));
    EXPECT_EQ(C.RHS, V("B"));
  }
}

TEST(Parser, TermKinds) {
  Program P = parseOk(
      "h(X, _Y, _, 12, \"two words\", sym, a.b?c, Z.1) :- p(X, _Y, Z.1);");
  const std::vector<Term> &A = P.Rules[0].Head.Args;
  ASSERT_EQ(A.size(), 8u);
  EXPECT_EQ(A[0].K, Term::Kind::Variable);
  EXPECT_EQ(A[1].K, Term::Kind::Variable);
  EXPECT_EQ(A[1].Text, "_Y");
  EXPECT_EQ(A[2].K, Term::Kind::Wildcard);
  EXPECT_EQ(A[3].K, Term::Kind::Integer);
  EXPECT_EQ(A[4].K, Term::Kind::String);
  EXPECT_EQ(A[4].Text, "two words");
  EXPECT_EQ(A[5].K, Term::Kind::Symbol);
  EXPECT_EQ(A[6].K, Term::Kind::Symbol);
  EXPECT_EQ(A[6].Text, "a.b?c");
  EXPECT_EQ(A[7].K, Term::Kind::Variable);
  EXPECT_EQ(A[7].Text, "Z.1");
}

TEST(Parser, IntegerRange) {
  Program P = parseOk("f(9223372036854775807, -9223372036854775808)@1;");
  EXPECT_EQ(P.Facts[0].Head.Args[0].Int, INT64_MAX);
  EXPECT_EQ(P.Facts[0].Head.Args[1].Int, INT64_MIN);

  Parsed R = parse("f(9223372036854775808)@1;");
  EXPECT_FALSE(R.Ok);
  EXPECT_THAT(R.Diags, HasSubstr("test.ded:1:3: error: integer literal "
                                 "'9223372036854775808' is out of range"));
  R = parse("f(X) :- g(X), X > 99999999999999999999999;");
  EXPECT_FALSE(R.Ok);
  EXPECT_THAT(R.Diags, HasSubstr("1:19: error: integer literal"));
}

TEST(Parser, ArithmeticAssociatesToTheRight) {
  Program P = parseOk("h(A - B - C, A * B + C, A / B % C) :- p(A, B, C);");
  const std::vector<Term> &H = P.Rules[0].Head.Args;
  EXPECT_EQ(H[0], Ar('-', V("A"), Ar('-', V("B"), V("C"))));
  EXPECT_EQ(H[1], Ar('*', V("A"), Ar('+', V("B"), V("C"))));
  EXPECT_EQ(H[2], Ar('/', V("A"), Ar('%', V("B"), V("C"))));
  EXPECT_NE(H[0], Ar('-', Ar('-', V("A"), V("B")), V("C")));
}

TEST(Parser, ParenthesesGroup) {
  Program P = parseOk("h((A - B) - C, ((A)), A - (B - C)) :- p(A, B, C);");
  const std::vector<Term> &H = P.Rules[0].Head.Args;
  EXPECT_EQ(H[0], Ar('-', Ar('-', V("A"), V("B")), V("C")));
  EXPECT_EQ(H[1], V("A"));
  EXPECT_EQ(H[2], Ar('-', V("A"), Ar('-', V("B"), V("C"))));
}

TEST(Parser, ArithmeticInComparisonsAndBodyColumns) {
  Program P = parseOk("h(A) :- p(A, B), q(A, B + 1), A > B / 2, A - 1 != B;");
  const Rule &R = P.Rules[0];
  EXPECT_EQ(bodyAtom(R, 1).Args[1], Ar('+', V("B"), I(1)));
  EXPECT_EQ(bodyCmp(R, 2).LHS, V("A"));
  EXPECT_EQ(bodyCmp(R, 2).Op, CmpOp::GT);
  EXPECT_EQ(bodyCmp(R, 2).RHS, Ar('/', V("B"), I(2)));
  EXPECT_EQ(bodyCmp(R, 3).LHS, Ar('-', V("A"), I(1)));
  EXPECT_EQ(bodyCmp(R, 3).Op, CmpOp::NE);
}

TEST(Parser, Aggregates) {
  Program P = parseOk("h(N, count<X>, min<X>, max<Y>, sum<Y>) :- p(N, X, Y);");
  const std::vector<Term> &H = P.Rules[0].Head.Args;
  const char *Fns[] = {"count", "min", "max", "sum"};
  for (int K = 0; K < 4; ++K) {
    EXPECT_EQ(H[K + 1].K, Term::Kind::Aggregate);
    EXPECT_EQ(H[K + 1].Text, Fns[K]);
    ASSERT_EQ(H[K + 1].Args.size(), 1u);
    EXPECT_EQ(H[K + 1].Args[0].K, Term::Kind::Variable);
  }
  EXPECT_TRUE(P.Rules[0].hasAggregate());
  expectLoc(H[1].Loc, 1, 6);
  // Relation names count/min/max/sum are not reserved, and in a comparison
  // `count < X` compares a symbol.
  P = parseOk("count(N, X) :- min(N, X), count < X;");
  EXPECT_EQ(P.Rules[0].Head.Relation, "count");
  EXPECT_FALSE(P.Rules[0].hasAggregate());
  const Comparison &C = bodyCmp(P.Rules[0], 1);
  EXPECT_EQ(C.LHS, Term::symbol("count"));
  EXPECT_EQ(C.Op, CmpOp::LT);
}

TEST(Parser, Locations) {
  Program P = parseOk("// leading comment\n"
                      "  out(N, X + 1)@next :-\n"
                      "    in(N, X),\n"
                      "\tnotin gone(N), X < 3\n"
                      "  ;\n"
                      "f(1)@2;\n");
  ASSERT_EQ(P.Rules.size(), 1u);
  const Rule &R = P.Rules[0];
  expectLoc(R.Loc, 2, 3);
  expectLoc(R.Head.Loc, 2, 3);
  expectLoc(R.EndLoc, 5, 3);
  expectLoc(R.Head.Args[1].Loc, 2, 10);
  expectLoc(R.Head.Args[1].Args[1].Loc, 2, 14);
  expectLoc(bodyAtom(R, 0).Loc, 3, 5);
  expectLoc(bodyAtom(R, 0).Args[1].Loc, 3, 11);
  expectLoc(bodyAtom(R, 1).Loc, 4, 8);
  expectLoc(bodyCmp(R, 2).Loc, 4, 17);
  expectLoc(bodyCmp(R, 2).RHS.Loc, 4, 21);
  ASSERT_EQ(P.Facts.size(), 1u);
  expectLoc(P.Facts[0].Loc, 6, 1);
}

TEST(Parser, Comments) {
  Program P = parseOk("/* block\n comment */ a(X) :- b(X); // trailing\n"
                      "// a(Y) :- b(Y);\n"
                      "c(X) /* inside */ :- b(X);");
  ASSERT_EQ(P.Rules.size(), 2u);
  EXPECT_EQ(P.Rules[1].Head.Relation, "c");
  expectLoc(P.Rules[1].Loc, 4, 1);
}

TEST(Parser, Includes) {
  Parsed R = parse("include \"x.ded\";\n  include \"../y/z.ded\";\na(1)@1;");
  ASSERT_TRUE(R.Ok) << R.Diags;
  ASSERT_EQ(R.Includes.size(), 2u);
  EXPECT_EQ(R.Includes[0].Path, "x.ded");
  expectLoc(R.Includes[0].Loc, 1, 9);
  EXPECT_EQ(R.Includes[1].Path, "../y/z.ded");
  expectLoc(R.Includes[1].Loc, 2, 11);
  EXPECT_EQ(R.P.Facts.size(), 1u);
}

struct SyntaxCase {
  const char *Text;
  const char *Expected; ///< "line:col: error: message"
};

TEST(Parser, SyntaxErrors) {
  const SyntaxCase Cases[] = {
      {"a(X) :- b(X)\nc(X) :- b(X);", "2:1: error: expected ';' after rule"},
      {"a(X :- b(X);", "1:5: error: expected ')'"},
      {"a(X) :- b(X), $;", "1:15: error: unexpected character '$'"},
      {"a(\"abc) :- b(X);\n", "1:3: error: unterminated string"},
      {"a(1)@1;\n  /* never closed\n a(2)@2;", "2:3: error: unterminated /* comment"},
      {"a(X) = b(X);", "1:6: error: unexpected character '='; did you mean '=='?"},
      {"a(X) :- ;", "1:9: error: expected a body predicate or comparison"},
      {"a(X) :- b(X), X;", "1:16: error: expected a comparison operator"},
      {"a(X)@later :- b(X);", "1:6: error: expected 'next', 'async' or a time after '@'"},
      {"a(X) :- b(X)@next;", "1:14: error: expected a time after '@'"},
      {"A(X) :- b(X);", "1:1: error: expected a relation name"},
      {"notin a(X) :- b(X);", "1:1: error: 'notin' can only appear in a rule body"},
      {"a :- b(X);", "1:3: error: expected '(' after relation name 'a'"},
      {"a(X) b(X);", "1:6: error: expected ':-', '@' or ';' after head"},
      {"include x.ded;", "1:9: error: expected a file name string after 'include'"},
      {"include \"x.ded\"", "1:16: error: expected ';' after include"},
      {"a(X) :- b(X), notin (X);", "1:21: error: expected a relation name after 'notin'"},
      {"a(count<3>) :- b(X);", "1:9: error: expected a variable inside 'count<...>'"},
      {"a(X + ) :- b(X);", "1:7: error: expected an expression"},
      {"a(- X) :- b(X);", "1:5: error: expected an integer after '-'"},
      {"a(1);", "1:5: error: a fact needs a time: write 'a(...)@N;'"},
      {"a(1)@next;", "1:5: error: a fact cannot be @next"},
      {"a(1) @async;", "1:6: error: a fact cannot be @async"},
      {"a(1, X, \"s\", 1 + 2)@1;", "1:6: error: fact arguments must be constants"},
      {"a(X)@3 :- b(X);", "1:5: error: a rule head cannot hold at a fixed time"},
      {"a(X) :- b(X)@4294967297;", "1:14: error: time 4294967297 is out of range: a run's "
                                   "time steps are 1 to 10000"},
      {"a(1)@0;", "1:6: error: time 0 is out of range"},
  };
  for (const SyntaxCase &C : Cases) {
    Parsed R = parse(C.Text);
    EXPECT_FALSE(R.Ok) << C.Text;
    EXPECT_THAT(R.Diags, HasSubstr(std::string("test.ded:") + C.Expected))
        << C.Text;
  }
}

TEST(Parser, BadClausesAreDropped) {
  Parsed R = parse("a(1, X)@1;\nb(X)@3 :- c(X);\nd(1);\ne(2)@2;");
  EXPECT_FALSE(R.Ok);
  EXPECT_EQ(R.Errors, 3u);
  EXPECT_TRUE(R.P.Rules.empty());
  ASSERT_EQ(R.P.Facts.size(), 1u);
  EXPECT_EQ(R.P.Facts[0].Head.Relation, "e");
}

TEST(Parser, RecoversAtTheNextSemicolon) {
  Parsed R = parse("a(X :- b(X);\nc(X) :- d(X);\ne(X) :- ;\nf(X) :- g(X);");
  EXPECT_FALSE(R.Ok);
  EXPECT_EQ(R.Errors, 2u);
  ASSERT_EQ(R.P.Rules.size(), 2u);
  EXPECT_EQ(R.P.Rules[0].Head.Relation, "c");
  EXPECT_EQ(R.P.Rules[1].Head.Relation, "f");
}

TEST(Parser, ErrorLimitPerFile) {
  std::string Text;
  for (int K = 0; K < 100; ++K)
    Text += "a(;\n";
  Parsed R = parse(Text);
  EXPECT_FALSE(R.Ok);
  EXPECT_EQ(R.Errors, 21u); // 20 errors and "too many errors".
  EXPECT_THAT(R.Diags, HasSubstr("21:1: error: too many errors in this file"));
}

TEST(Parser, NestingLimit) {
  std::string Deep = "a(" + std::string(300, '(') + "1" + std::string(300, ')') +
                     ") :- b(X);";
  Parsed R = parse(Deep);
  EXPECT_FALSE(R.Ok);
  EXPECT_THAT(R.Diags, HasSubstr("1:259: error: expression nested too deeply"));

  std::string Ok = "a(" + std::string(200, '(') + "X" + std::string(200, ')') +
                   ") :- b(X);";
  EXPECT_TRUE(parse(Ok).Ok);

  // A long operator chain makes a deep tree too: 255 operators are fine,
  // the 256th is reported.
  auto chain = [](int N) {
    std::string Chain = "a(X";
    for (int K = 0; K < N; ++K)
      Chain += " + 1";
    return Chain + ") :- b(X);";
  };
  EXPECT_TRUE(parse(chain(255)).Ok);
  R = parse(chain(1000));
  EXPECT_FALSE(R.Ok);
  EXPECT_THAT(R.Diags, HasSubstr("1:1025: error: expression nested too deeply"));
  // Parentheses and chains together.
  std::string Mixed = "a(";
  for (int K = 0; K < 200; ++K)
    Mixed += "1 + (";
  Mixed += "X";
  for (int K = 0; K < 200; ++K)
    Mixed += " * 2 - 1)";
  Mixed += ") :- b(X);";
  R = parse(Mixed);
  EXPECT_FALSE(R.Ok);
  EXPECT_THAT(R.Diags, HasSubstr("error: expression nested too deeply"));
}

TEST(Parser, NeverCrashesOnGarbage) {
  const char *Inputs[] = {
      "", ";", ";;;", "(", ")", "@", "a", "a(", "a(X", "a(X)", "a(X) :-",
      "a(X) :- b(", "\"", "/*", "*/", "/", "a(X)@", "a(X)@1", "count<",
      "a(count<X", "a(X) :- X <", "-", "a(-)", "include", "include \"",
      "\x01\x02\xff", "a(X) :- b(X), notin", "a(X) :- b(X)@", "(((((",
      "a(1)@99999999999999999999999;", "a(X)@next :- b(X), X == count<Y"};
  for (const char *In : Inputs) {
    Parsed R = parse(In);
    // Every one of these is either empty (valid) or broken (diagnosed).
    EXPECT_EQ(R.Ok, std::string(In).empty()) << In;
    EXPECT_EQ(R.Diags.empty(), R.Ok) << In;
  }
  EXPECT_TRUE(parse("").Ok);
  EXPECT_FALSE(parse(";").Ok);
  EXPECT_FALSE(parse("a(X) :- b(").Ok);
  EXPECT_FALSE(parse("\x01").Ok);
}

/// A small built-in fuzzer: mutated valid programs must either be rejected
/// with a diagnostic or survive the print/parse round trip.
TEST(Parser, RandomMutationsRoundTrip) {
  const std::string Seed =
      "include \"x.ded\";\n"
      "node(\"a\", b)@1;\n"
      "log(N, P)@next :- log(N, P), notin del(N, P)@2;\n"
      "out(M, count<X>, S - 1 - 2) :- in(M, X, S), X != \"q\", S >= (X - 1) * 2;\n"
      "msg(B, A)@async :- link(A, B), A < 3 % B; /* c */ // d\n";
  const char Alphabet[] = "aXz_9()@,;:-<>=!\"/*%+ \n.?notin";
  std::mt19937 Rng(12345);
  unsigned RoundTrips = 0;
  for (int Iter = 0; Iter < 3000; ++Iter) {
    std::string Text = Seed;
    int Edits = 1 + Rng() % 4;
    for (int E = 0; E < Edits; ++E) {
      size_t Pos = Rng() % (Text.size() + 1);
      switch (Rng() % 3) {
      case 0:
        if (Pos < Text.size())
          Text.erase(Pos, 1 + Rng() % 3);
        break;
      case 1:
        Text.insert(Pos, 1, Alphabet[Rng() % (sizeof(Alphabet) - 1)]);
        break;
      default:
        if (Pos < Text.size())
          Text[Pos] = Alphabet[Rng() % (sizeof(Alphabet) - 1)];
      }
    }
    Parsed R = parse(Text);
    if (!R.Ok) {
      EXPECT_NE(R.Diags, "") << Text;
      continue;
    }
    ++RoundTrips;
    Parsed Again = parse(printProgram(R.P));
    ASSERT_TRUE(Again.Ok) << Text << "\n" << Again.Diags;
    ASSERT_TRUE(sameProgram(Again.P, R.P)) << Text;
  }
  EXPECT_GT(RoundTrips, 100u);
}

//===--- Printer ----------------------------------------------------------===//

TEST(Printer, MinimalParentheses) {
  EXPECT_EQ(printTerm(Ar('-', Ar('-', V("A"), V("B")), V("C"))), "(A - B) - C");
  EXPECT_EQ(printTerm(Ar('-', V("A"), Ar('-', V("B"), V("C")))), "A - B - C");
  EXPECT_EQ(printTerm(Ar('*', Ar('+', V("A"), V("B")), Ar('/', V("C"), I(2)))),
            "(A + B) * C / 2");
  EXPECT_EQ(printTerm(Ar('-', V("A"), Ar('*', Ar('%', V("B"), I(3)), V("C")))),
            "A - (B % 3) * C");
  EXPECT_EQ(printTerm(Ar('-', I(-1), I(-2))), "-1 - -2");
}

TEST(Printer, Terms) {
  EXPECT_EQ(printTerm(Term::string("a b")), "\"a b\"");
  EXPECT_EQ(printTerm(Term::symbol("leader")), "leader");
  EXPECT_EQ(printTerm(Term::wildcard()), "_");
  EXPECT_EQ(printTerm(Term::aggregate("max", V("Idx"))), "max<Idx>");
  EXPECT_EQ(printTerm(I(INT64_MIN)), "-9223372036854775808");
}

TEST(Printer, RulesAndFacts) {
  Program P = parseOk("h(X,Y+1)@next:-a(X,Y),notin b(X)@2,X!=3,Y<=\"s\";\n"
                      "g(X)@async :- a(X, _);\n"
                      "f(\"a\", b, -3) @ 7;\n"
                      "k(N, count<X>) :- a(N, X);\n");
  EXPECT_EQ(printRule(P.Rules[0]),
            "h(X, Y + 1)@next :- a(X, Y), notin b(X)@2, X != 3, Y <= \"s\";");
  EXPECT_EQ(printRule(P.Rules[1]), "g(X)@async :- a(X, _);");
  EXPECT_EQ(printRule(P.Rules[2]), "k(N, count<X>) :- a(N, X);");
  EXPECT_EQ(printAtom(P.Facts[0].Head), "f(\"a\", b, -3)");
  EXPECT_EQ(printProgram(P),
            "h(X, Y + 1)@next :- a(X, Y), notin b(X)@2, X != 3, Y <= \"s\";\n"
            "g(X)@async :- a(X, _);\n"
            "f(\"a\", b, -3)@7;\n"
            "k(N, count<X>) :- a(N, X);\n");
}

TEST(Printer, WithLocations) {
  Program P = parseOk("a(1)@1;\n  b(X) :- a(X);\n");
  P.Rules[0].Origin = "x = y;\nz();";
  PrintOptions O;
  O.WithLocations = true;
  EXPECT_EQ(printProgram(P, O), "// test.ded:1:1\n"
                                "a(1)@1;\n"
                                "// test.ded:2:3 origin: x = y; z();\n"
                                "b(X) :- a(X);\n");
}

// A string holding any bytes is printed as one literal the parser reads
// back to the same bytes: a crafted value (as a C++ constant reaches
// `extract -o`) never closes the literal and adds clauses.
TEST(Printer, EscapesStrings) {
  std::string Crafted = "x\"); evil(\"r\")@1; // \\ \n\r\t";
  for (int B = 0; B < 256; ++B)
    Crafted += static_cast<char>(B);
  Program P;
  P.addFile("test.ded");
  Fact F;
  F.Head.Relation = "write";
  F.Head.Args = {Term::string("r"), Term::string(Crafted)};
  F.Time = 2;
  P.Facts.push_back(F);
  std::string Text = printProgram(P);
  EXPECT_EQ(Text.find('\n'), Text.size() - 1) << Text;
  EXPECT_THAT(Text, HasSubstr("\"x\\\"); evil(\\\"r\\\")@1; // \\\\ \\n\\r\\t\\x00\\x01"));
  Parsed Again = parse(Text);
  ASSERT_TRUE(Again.Ok) << Again.Diags;
  ASSERT_EQ(Again.P.Facts.size(), 1u);
  EXPECT_TRUE(Again.P.Rules.empty());
  EXPECT_EQ(Again.P.Facts[0].Head.Args[1].Text, Crafted);
  EXPECT_EQ(printProgram(Again.P), Text);
}

TEST(Parser, StringEscapes) {
  Program P = parseOk("f(\"a\\\"b\\\\c\\n\\t\\r\\x41\\x7e\")@1;");
  EXPECT_EQ(P.Facts[0].Head.Args[0].Text, "a\"b\\c\n\t\rA~");
  Parsed Unknown = parse("f(\"a\\qb\")@1;");
  EXPECT_FALSE(Unknown.Ok);
  EXPECT_THAT(Unknown.Diags, HasSubstr("test.ded:1:5: error: unknown escape in a string"));
  Parsed Hex = parse("f(\"\\x4\")@1;");
  EXPECT_FALSE(Hex.Ok);
  EXPECT_THAT(Hex.Diags, HasSubstr("test.ded:1:4: error: expected two hex digits after '\\x'"));
}

//===--- JSON files -------------------------------------------------------===//

TEST(JsonFile, DepthIsBounded) {
  std::string Deep = std::string(200000, '[') + std::string(200000, ']');
  auto V = parseJSON(Deep);
  ASSERT_FALSE(bool(V));
  EXPECT_EQ(llvm::toString(V.takeError()),
            "line 1, column 1001: JSON nested deeper than 1000 levels");
  // Brackets inside strings do not count; the bound itself is fine.
  std::string AtBound = std::string(1000, '[') + "\"[[[{{\\\"\"" + std::string(1000, ']');
  auto Ok = parseJSON(AtBound);
  ASSERT_TRUE(bool(Ok)) << llvm::toString(Ok.takeError());
  auto Over = parseJSON("{\"a\":\n [[]]}", 2);
  ASSERT_FALSE(bool(Over));
  EXPECT_EQ(llvm::toString(Over.takeError()), "line 2, column 3: JSON nested deeper than 2 levels");
}

TEST(JsonFile, Checksum) {
  std::string Text = checksummedJSON(llvm::json::Object{{"eot", 6}});
  auto V = parseChecksummedJSON(Text);
  ASSERT_TRUE(bool(V)) << llvm::toString(V.takeError());
  EXPECT_EQ(V->getAsObject()->getInteger("eot"), 6);
  std::string Damaged = Text;
  Damaged[Damaged.size() - 2] = '3';
  auto Bad = parseChecksummedJSON(Damaged);
  ASSERT_FALSE(bool(Bad));
  EXPECT_EQ(llvm::toString(Bad.takeError()), "its checksum does not match its contents");
  auto None = parseChecksummedJSON("{\"eot\":6}");
  ASSERT_FALSE(bool(None));
  EXPECT_EQ(llvm::toString(None.takeError()), "no checksum line");
}

TEST(Printer, RoundTrips) {
  const char *Programs[] = {
      // Every construct.
      "node(\"a\", \"b\")@1;\n"
      "cfg(a, 10, -1)@2;\n"
      "log(N, P)@next :- log(N, P), notin del(N, P);\n"
      "log(B, P)@async :- bcast(A, P), node(A, B);\n"
      "seen(N, P) :- log(N, P), notin log(N, P)@1, N != \"c\";\n"
      "cnt(N, count<P>, min<P>, max<P>, sum<P>) :- log(N, P);\n"
      "ar(N, (A - B) - C, A - B - C, A * (B + C), (A * B) + C) :- v(N, A, B, C);\n"
      "cmp(N) :- v(N, A, B, C), A - 1 > B / 2, (A % 3) * 2 <= C, A == B;\n"
      "col(N, X) :- v(N, X, _, _), w(N, X + 1, _);\n",
      // Molly-style multi-line rules with comments.
      "/* x */ commit(C, X)@next :- vote(C, _, X, \"Y\"),\n"
      "   notin missing_vote(C, X); // y\n"
      "missing_vote(C, X) :- agent(C, A), running(C, X), notin vote(C, A, X, \"Y\");\n",
      // Symbols that look like aggregate names.
      "count(N, count, min) :- max(N), sum < N, N > count;\n",
      // Extreme integers.
      "big(9223372036854775807, -9223372036854775808)@10000;\n",
  };
  for (const char *Text : Programs) {
    Program P = parseOk(Text);
    expectRoundTrip(P);
  }
}

TEST(Printer, RoundTripsConstructedTrees) {
  // Every shape of a three-operand tree, with every operator pair.
  const char Ops[] = {'+', '-', '*', '/', '%'};
  Program P;
  for (char O1 : Ops)
    for (char O2 : Ops) {
      Rule R;
      R.Head.Relation = "h";
      R.Head.Args.push_back(V("N"));
      R.Head.Args.push_back(Ar(O1, Ar(O2, V("A"), V("B")), V("C")));
      R.Head.Args.push_back(Ar(O1, V("A"), Ar(O2, V("B"), V("C"))));
      R.Head.Args.push_back(
          Ar(O1, Ar(O2, V("A"), V("B")), Ar(O2, I(-1), Ar(O1, V("C"), I(2)))));
      Atom B;
      B.Relation = "v";
      B.Args = {V("N"), V("A"), V("B"), V("C")};
      R.Body.push_back(B);
      Comparison C;
      C.Op = CmpOp::GE;
      C.LHS = Ar(O1, Ar(O2, V("A"), V("B")), V("C"));
      C.RHS = Ar(O2, V("A"), Ar(O1, V("B"), V("C")));
      R.Body.push_back(C);
      P.Rules.push_back(R);
    }
  expectRoundTrip(P);
}

TEST(AST, SameProgramIgnoresLocationsAndOrigin) {
  Program A = parseOk("a(X) :- b(X), X > 1;\nf(1)@1;");
  Program B = parseOk("\n\n  a( X )  :-  b(X) ,X>1 ;  f( 1 ) @1 ;");
  B.Rules[0].Origin = "generated";
  EXPECT_TRUE(sameProgram(A, B));
  B.Rules[0].Time = HeadTime::Next;
  EXPECT_FALSE(sameProgram(A, B));
  Program C = parseOk("a(X) :- b(X), X >= 1;\nf(1)@1;");
  EXPECT_FALSE(sameProgram(A, C));
  Program D = parseOk("a(X) :- b(X), X > 1;\nf(1)@2;");
  EXPECT_FALSE(sameProgram(A, D));
  Program E = parseOk("a(X) :- notin b(X), X > 1;\nf(1)@1;");
  EXPECT_FALSE(sameProgram(A, E));
  Program F = parseOk("a(X) :- b(X)@1, X > 1;\nf(1)@1;");
  EXPECT_FALSE(sameProgram(A, F));
  EXPECT_NE(Term::string("a"), Term::symbol("a"));
  EXPECT_NE(Term::variable("a"), Term::symbol("a"));
  EXPECT_NE(Term::aggregate("min", V("X")), Term::aggregate("max", V("X")));
}

TEST(AST, Helpers) {
  Term T = Ar('+', V("A"), Ar('*', Term::wildcard(), Term::aggregate("sum", V("B"))));
  std::vector<std::string> Vars;
  T.collectVariables(Vars);
  EXPECT_THAT(Vars, ElementsAre("A", "B"));
  EXPECT_TRUE(I(3).isConstant());
  EXPECT_TRUE(Term::symbol("s").isConstant());
  EXPECT_FALSE(V("S").isConstant());
  EXPECT_STREQ(spelling(CmpOp::LE), "<=");
  EXPECT_STREQ(spelling(CmpOp::NE), "!=");

  Program P = parseOk("a(X)@async :- notin n(Y, X), b(X, Y);\nc(X) :- X == 1;");
  ASSERT_NE(P.Rules[0].locationTerm(), nullptr);
  EXPECT_EQ(*P.Rules[0].locationTerm(), V("Y")); // first predicate, as Molly
  EXPECT_EQ(P.Rules[1].locationTerm(), nullptr);
  Program Q;
  EXPECT_EQ(Q.Files.size(), 1u);
  EXPECT_EQ(Q.addFile("x.ded"), 1u);
  EXPECT_EQ(Q.fileName(SourceLoc{1, 1, 1}), "x.ded");
  EXPECT_EQ(Q.fileName(SourceLoc{7, 1, 1}), "");
}

//===--- Diagnostics ------------------------------------------------------===//

TEST(Diagnostics, ClangFormat) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  DiagnosticEngine D(OS);
  Program P;
  unsigned ID = P.addFile("dir/f.ded");
  D.setProgram(&P);
  D.addSourceText(ID, "first line\r\n\tsecond(X) :- y;\n");
  D.error(SourceLoc{ID, 2, 2}, "bad thing");
  D.warning(SourceLoc{ID, 1, 7}, "odd thing");
  D.note(SourceLoc{ID, 1, 1}, "see here");
  D.error("no location");
  OS.flush();
  EXPECT_EQ(Out, "dir/f.ded:2:2: error: bad thing\n"
                 "        second(X) :- y;\n"
                 "        ^\n"
                 "dir/f.ded:1:7: warning: odd thing\n"
                 "first line\n"
                 "      ^\n"
                 "dir/f.ded:1:1: note: see here\n"
                 "first line\n"
                 "^\n"
                 "faultline: error: no location\n");
  EXPECT_EQ(D.errorCount(), 2u);
  EXPECT_EQ(D.warningCount(), 1u);
  EXPECT_TRUE(D.hasErrors());
}

TEST(Diagnostics, WarningsAsErrors) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  DiagnosticEngine D(OS);
  Program P;
  unsigned ID = P.addFile("f.ded");
  D.setProgram(&P);
  D.setWarningsAsErrors(true);
  D.warning(SourceLoc{ID, 3, 4}, "odd");
  OS.flush();
  // No text registered for the file: only the first line.
  EXPECT_EQ(Out, "f.ded:3:4: error: odd\n");
  EXPECT_EQ(D.errorCount(), 1u);
  EXPECT_EQ(D.warningCount(), 0u);
}

TEST(Diagnostics, LongLinesShowAWindow) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  DiagnosticEngine D(OS);
  Program P;
  unsigned ID = P.addFile("f.ded");
  D.setProgram(&P);
  D.addSourceText(ID, std::string(5000, 'x') + "$" + std::string(5000, 'y'));
  D.error(SourceLoc{ID, 1, 5001}, "here");
  OS.flush();
  EXPECT_EQ(Out.rfind("f.ded:1:5001: error: here\n", 0), 0u) << Out.substr(0, 80);
  EXPECT_LT(Out.size(), 2200u);
  size_t Dollar = Out.find('$');
  size_t Caret = Out.find('^');
  ASSERT_NE(Dollar, std::string::npos);
  ASSERT_NE(Caret, std::string::npos);
  size_t LineStart = Out.find('\n') + 1;
  size_t CaretLineStart = Out.find('\n', LineStart) + 1;
  EXPECT_EQ(Dollar - LineStart, Caret - CaretLineStart);
}

//===--- Loader -----------------------------------------------------------===//

class LoaderTest : public ::testing::Test {
protected:
  std::string Dir;
  void SetUp() override {
    llvm::SmallString<128> D;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("faultline-ir", D));
    Dir = std::string(D);
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }
  std::string write(const std::string &Rel, const std::string &Text) {
    std::string Path = Dir + "/" + Rel;
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
    std::ofstream(Path) << Text;
    return Path;
  }
  bool load(const std::vector<std::string> &Paths, Program &P, std::string &Diags) {
    llvm::raw_string_ostream OS(Diags);
    DiagnosticEngine D(OS);
    bool Ok = loadProgram(Paths, P, D);
    OS.flush();
    return Ok;
  }
};

TEST_F(LoaderTest, IncludesResolveFromTheFirstFilesFolderDepthFirst) {
  std::string Main = write("main.ded", "include \"sub/a.ded\";\n"
                                       "m(1)@1;\n"
                                       "include \"b.ded\";\n");
  // Nested include: relative to main.ded's folder, not sub/.
  write("sub/a.ded", "include \"sub/c.ded\";\na(1)@1;\n");
  write("sub/c.ded", "c(1)@1;\n");
  write("b.ded", "include \"./sub/c.ded\";\nb(1)@1;\n"); // diamond: c once
  Program P;
  std::string Diags;
  ASSERT_TRUE(load({Main}, P, Diags)) << Diags;
  EXPECT_EQ(Diags, "");
  std::vector<std::string> Order;
  for (const Fact &F : P.Facts)
    Order.push_back(F.Head.Relation);
  EXPECT_THAT(Order, ElementsAre("m", "a", "c", "b"));
  EXPECT_THAT(P.Files, ElementsAre("", Main, Dir + "/sub/a.ded",
                                   Dir + "/sub/c.ded", Dir + "/b.ded"));
  EXPECT_EQ(P.Facts[1].Loc.FileID, 2u);
  EXPECT_EQ(P.Facts[1].Loc.Line, 2u);
}

TEST_F(LoaderTest, SeveralInputFiles) {
  std::string A = write("x/a.ded", "include \"c.ded\";\na(1)@1;\n");
  std::string B = write("y/b.ded", "include \"c.ded\";\nb(1)@1;\n");
  write("x/c.ded", "c(1)@1;\n"); // both resolve against x/, the first file's
  Program P;
  std::string Diags;
  ASSERT_TRUE(load({A, B, A}, P, Diags)) << Diags;
  std::vector<std::string> Order;
  for (const Fact &F : P.Facts)
    Order.push_back(F.Head.Relation);
  EXPECT_THAT(Order, ElementsAre("a", "c", "b"));
}

TEST_F(LoaderTest, IncludeCycle) {
  std::string Main = write("a.ded", "a(1)@1;\ninclude \"b.ded\";\n");
  write("b.ded", "b(1)@1;\n  include \"a.ded\";\n");
  Program P;
  std::string Diags;
  EXPECT_FALSE(load({Main}, P, Diags));
  EXPECT_THAT(Diags, HasSubstr(Dir + "/b.ded:2:11: error: include cycle: " +
                               Main + " includes itself (" + Main + " -> " +
                               Dir + "/b.ded -> " + Main + ")"));
  // Each file is still read once.
  EXPECT_EQ(P.Facts.size(), 2u);
}

TEST_F(LoaderTest, SelfInclude) {
  std::string Main = write("self.ded", "include \"self.ded\";\n");
  Program P;
  std::string Diags;
  EXPECT_FALSE(load({Main}, P, Diags));
  EXPECT_THAT(Diags, HasSubstr("self.ded:1:9: error: include cycle"));
}

TEST_F(LoaderTest, MissingFiles) {
  std::string Main = write("m.ded", "m(1)@1;\ninclude \"nope.ded\";\n");
  Program P;
  std::string Diags;
  EXPECT_FALSE(load({Main}, P, Diags));
  EXPECT_THAT(Diags, HasSubstr("m.ded:2:9: error: cannot open included file "
                               "'nope.ded': No such file or directory\n"
                               "include \"nope.ded\";\n"
                               "        ^\n"));
  Program Q;
  Diags.clear();
  EXPECT_FALSE(load({Dir + "/absent.ded"}, Q, Diags));
  EXPECT_EQ(Diags, "faultline: error: cannot open file '" + Dir +
                       "/absent.ded': No such file or directory\n");
}

TEST_F(LoaderTest, SyntaxErrorFailsTheLoad) {
  std::string Main = write("m.ded", "m(1)@1;\nbroken(;\n");
  Program P;
  std::string Diags;
  EXPECT_FALSE(load({Main}, P, Diags));
  EXPECT_THAT(Diags, HasSubstr("m.ded:2:8: error: expected an expression"));
}

//===--- Validator --------------------------------------------------------===//

TEST(Validate, AcceptsAGoodProgram) {
  Checked C = check("node(\"a\", \"b\")@1;\n"
                    "log(N, P)@next :- log(N, P), notin del(N, _);\n"
                    "log(B, P)@async :- bcast(A, P), node(A, B);\n"
                    "del(N, P) :- old(N, P)@1, P > 2, N != \"x\";\n"
                    "cnt(N, count<P>, Q + 1) :- log(N, P), q(N, Q), r(N, Q * 2);\n"
                    "crashed(N, C) :- node(N, _), crash(N, C, T), T < 3;\n");
  EXPECT_TRUE(C.Valid) << C.Diags;
  EXPECT_EQ(C.Diags, "");
}

struct ValidateCase {
  const char *Text;
  const char *Expected; ///< "line:col: error: message"
};

TEST(Validate, Errors) {
  const ValidateCase Cases[] = {
      {"a(X, Y) :- b(X);", "1:6: error: variable 'Y' in the head is not bound "
                           "by a positive body predicate"},
      {"a(X, Y + 1) :- b(X);", "1:6: error: variable 'Y' in the head"},
      {"a(X, count<Y>) :- b(X);", "1:12: error: variable 'Y' in the head"},
      {"a(X) :- b(X), notin c(X, Y);",
       "1:26: error: variable 'Y' in 'notin c' is not bound by a positive body "
       "predicate"},
      {"a(X) :- b(X), X < Y;", "1:19: error: variable 'Y' in a comparison is "
                               "not bound by a positive body predicate"},
      {"a(X) :- b(X), c(X, Y + 1);",
       "1:20: error: variable 'Y' in an arithmetic expression is not bound"},
      {"a(X, _) :- b(X);", "1:6: error: wildcard '_' is not allowed in the head"},
      {"a(X) :- b(X), _ > 1;",
       "1:15: error: wildcard '_' is not allowed in a comparison"},
      {"a(X) :- b(X), c(X, _ + 1);",
       "1:20: error: wildcard '_' is not allowed in an arithmetic expression"},
      {"a(X) :- notin b(X);", "1:1: error: rule for 'a' needs at least one "
                              "positive body predicate"},
      {"a(X) :- X == 1;", "1:1: error: rule for 'a' needs at least one positive"},
      {"a(X)@async :- b(_, X);",
       "1:17: error: an @async rule needs a sender: the first column of its "
       "first body predicate must not be '_'"},
      {"a(X) :- b(X), c(X, count<X>);",
       "1:20: error: aggregate 'count<...>' is only allowed as a whole head "
       "column"},
      {"a(X, count<X> + 1) :- b(X);",
       "1:6: error: aggregate 'count<...>' is only allowed as a whole head"},
      {"a(X) :- b(X), max<X> > 1;",
       "1:15: error: aggregate 'max<...>' is only allowed"},
      {"log(A, B) :- x(A, B);\nlog(A, B, C) :- x(A, B), y(C);",
       "2:1: error: relation 'log' used with 3 arguments here but 2 at "
       "test.ded:1:1"},
      {"f(1)@1;\ng(X) :- f(X, Y), h(Y);",
       "2:9: error: relation 'f' used with 2 arguments here but 1 at test.ded:1:1"},
      {"a(X) :- b(X), crash(X, X);",
       "1:15: error: 'crash' has 3 columns (observer, crashed node, time) but "
       "is used with 2 here"},
      {"crash(X, Y, Z) :- b(X, Y, Z);",
       "1:1: error: 'crash' is provided by the failure scenario and cannot be "
       "derived"},
      {"crash(\"a\", \"b\", 1)@1;", "1:1: error: 'crash' is provided by the "
                                  "failure scenario"},
      {"a() :- b(X);", "1:1: error: relation 'a' needs at least one column: "
                       "the first is the node"},
  };
  for (const ValidateCase &VC : Cases) {
    Checked C = check(VC.Text);
    EXPECT_FALSE(C.Valid) << VC.Text;
    EXPECT_THAT(C.Diags, HasSubstr(std::string("test.ded:") + VC.Expected))
        << VC.Text;
  }
}

TEST(Validate, ReportsEveryProblemInSourceOrder) {
  Checked C = check("a(X, Y) :- b(X), X > Z;\n"
                    "c(1, 2)@1;\n"
                    "c(X) :- b(X), notin d(W);\n");
  EXPECT_FALSE(C.Valid);
  EXPECT_EQ(C.Errors, 4u) << C.Diags;
  size_t Y = C.Diags.find("1:6: error: variable 'Y'");
  size_t Z = C.Diags.find("1:22: error: variable 'Z'");
  size_t Ar = C.Diags.find("3:1: error: relation 'c' used with 1 argument here "
                           "but 2 at test.ded:2:1");
  size_t W = C.Diags.find("3:23: error: variable 'W'");
  ASSERT_NE(Y, std::string::npos) << C.Diags;
  ASSERT_NE(Z, std::string::npos) << C.Diags;
  ASSERT_NE(Ar, std::string::npos) << C.Diags;
  ASSERT_NE(W, std::string::npos) << C.Diags;
  EXPECT_LT(Y, Z);
  EXPECT_LT(Z, Ar);
  EXPECT_LT(Ar, W);
}

TEST(Validate, ConstructedFactsAndHeads) {
  Program P;
  Fact F;
  F.Head.Relation = "f";
  F.Head.Args = {Term::string("a"), V("X")};
  P.Facts.push_back(F);
  Rule R;
  R.Head.Relation = "g";
  R.Head.Args = {V("X")};
  R.Head.AtTime = 3;
  Atom B;
  B.Relation = "h";
  B.Args = {V("X")};
  R.Body.push_back(B);
  P.Rules.push_back(R);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  DiagnosticEngine D(OS);
  D.setProgram(&P);
  EXPECT_FALSE(validateProgram(P, D));
  OS.flush();
  EXPECT_THAT(Out, HasSubstr("error: fact arguments must be constants"));
  EXPECT_THAT(Out, HasSubstr("error: a rule head cannot hold at a fixed time"));
  EXPECT_EQ(D.errorCount(), 2u);
}

//===--- Stratification ---------------------------------------------------===//

std::vector<std::vector<unsigned>> ruleGroups(const Stratification &S) {
  std::vector<std::vector<unsigned>> G;
  for (const Stratum &St : S.Strata)
    G.push_back(St.Rules);
  return G;
}

TEST(Stratify, DependenciesFirst) {
  Checked C = check("c(X) :- b(X);\n"            // 0
                    "b(X) :- a(X);\n"            // 1
                    "a(X)@next :- c(X);\n"       // 2 temporal
                    "d(X) :- e(X), notin c(X);\n" // 3
                    "m(X)@async :- a(X);\n");    // 4 temporal
  ASSERT_TRUE(C.Valid) << C.Diags;
  EXPECT_EQ(C.Diags, "");
  EXPECT_THAT(ruleGroups(C.S), ElementsAre(ElementsAre(1u), ElementsAre(0u),
                                           ElementsAre(3u)));
  EXPECT_THAT(C.S.TemporalRules, ElementsAre(2u, 4u));
  EXPECT_THAT(C.S.Strata[0].Relations, ElementsAre("b"));
  for (const Stratum &St : C.S.Strata)
    EXPECT_FALSE(St.Inflationary);
}

TEST(Stratify, RecursionIsOneStratum) {
  Checked C = check("path(X, Y) :- edge(X, Y);\n"
                    "reach(X) :- path(X, _);\n"
                    "path(X, Z) :- path(X, Y), hop(Y, Z);\n"
                    "hop(X, Y) :- path(X, Y), edge(Y, X);\n"
                    "far(X) :- node(X), notin reach(X);\n");
  ASSERT_TRUE(C.Valid) << C.Diags;
  EXPECT_EQ(C.Warnings, 0u);
  ASSERT_EQ(C.S.Strata.size(), 3u);
  EXPECT_THAT(C.S.Strata[0].Rules, ElementsAre(0u, 2u, 3u));
  EXPECT_THAT(C.S.Strata[0].Relations, ElementsAre("hop", "path"));
  EXPECT_FALSE(C.S.Strata[0].Inflationary);
  EXPECT_THAT(C.S.Strata[1].Rules, ElementsAre(1u));
  EXPECT_THAT(C.S.Strata[2].Rules, ElementsAre(4u));
}

TEST(Stratify, TiesFollowProgramOrder) {
  Checked C = check("z(X) :- in(X);\n"
                    "y(X) :- in(X);\n"
                    "x(X) :- y(X), z(X);\n"
                    "w(X) :- in(X);\n");
  ASSERT_TRUE(C.Valid) << C.Diags;
  EXPECT_THAT(ruleGroups(C.S), ElementsAre(ElementsAre(0u), ElementsAre(1u),
                                           ElementsAre(2u), ElementsAre(3u)));
}

TEST(Stratify, NegationAndAggregationOrderStrata) {
  Checked C = check("total(N, count<X>) :- item(N, X);\n"
                    "item(N, X) :- raw(N, X), notin bad(N, X);\n"
                    "bad(N, X) :- raw(N, X), X > 10;\n");
  ASSERT_TRUE(C.Valid) << C.Diags;
  EXPECT_EQ(C.Warnings, 0u);
  EXPECT_THAT(ruleGroups(C.S), ElementsAre(ElementsAre(2u), ElementsAre(1u),
                                           ElementsAre(0u)));
}

TEST(Stratify, FixedTimeReadsAreNotDependencies) {
  Checked C = check("a(X) :- b(X), notin a(X)@1;\n"
                    "b(X) :- c(X), notin a(X)@2;\n");
  ASSERT_TRUE(C.Valid) << C.Diags;
  EXPECT_EQ(C.Warnings, 0u) << C.Diags;
  EXPECT_THAT(ruleGroups(C.S), ElementsAre(ElementsAre(1u), ElementsAre(0u)));
}

TEST(Stratify, NegationCycleIsEvaluatedByRetraction) {
  const char *Text = "start(X) :- in(X);\n"
                     "a(X) :- start(X), notin b(X);\n"
                     "b(X) :- c(X);\n"
                     "c(X) :- a(X);\n";
  Checked C = check(Text);
  ASSERT_TRUE(C.Valid);
  EXPECT_EQ(C.Errors, 0u);
  EXPECT_EQ(C.Warnings, 1u);
  EXPECT_EQ(C.Diags, "test.ded:2:1: warning: negation cycle through same-time "
                     "rules: a -> notin b -> c -> a; evaluated as Molly's runtime "
                     "does, retracting what a later tuple blocks (see docs)\n"
                     "a(X) :- start(X), notin b(X);\n"
                     "^\n");
  ASSERT_EQ(C.S.Strata.size(), 2u);
  EXPECT_FALSE(C.S.Strata[0].NegationCycle);
  EXPECT_FALSE(C.S.Strata[0].Inflationary);
  EXPECT_TRUE(C.S.Strata[1].NegationCycle);
  EXPECT_FALSE(C.S.Strata[1].Inflationary);
  EXPECT_EQ(C.S.Strata[1].Cycle, "a -> notin b -> c -> a");
  EXPECT_THAT(C.S.Strata[1].Relations, ElementsAre("a", "b", "c"));
  EXPECT_THAT(C.S.Strata[1].Rules, ElementsAre(1u, 2u, 3u));

  Checked Strict = check(Text, /*Strict=*/true);
  EXPECT_EQ(Strict.Errors, 1u);
  EXPECT_THAT(Strict.Diags, HasSubstr("test.ded:2:1: error: negation cycle "
                                      "through same-time rules: a -> notin b"));
}

TEST(Stratify, SelfNegationAndAggregateCycles) {
  Checked C = check("a(X) :- b(X), notin a(X);\n"
                    "n(N, count<X>) :- n(N, X);\n");
  ASSERT_TRUE(C.Valid);
  EXPECT_EQ(C.Warnings, 2u);
  EXPECT_THAT(C.Diags, HasSubstr("test.ded:1:1: warning: negation cycle through "
                                 "same-time rules: a -> notin a; evaluated as Molly's"));
  EXPECT_THAT(C.Diags, HasSubstr("test.ded:2:1: warning: negation cycle through "
                                 "same-time rules: n -> count over n; evaluated "
                                 "inflationarily"));
  ASSERT_EQ(C.S.Strata.size(), 2u);
  EXPECT_TRUE(C.S.Strata[0].NegationCycle);
  EXPECT_FALSE(C.S.Strata[0].Inflationary);
  EXPECT_FALSE(C.S.Strata[1].NegationCycle);
  EXPECT_TRUE(C.S.Strata[1].Inflationary);
}

TEST(Stratify, ANotinInsideAnAggregateCycleMakesANegationCycle) {
  // The warning names the notin edge, though an aggregate edge comes first.
  Checked C = check("m(N, max<X>) :- v(N, X);\n"
                    "v(N, X) :- m(N, X), notin w(N, X);\n"
                    "w(N, X) :- v(N, X);\n");
  ASSERT_TRUE(C.Valid);
  EXPECT_THAT(C.Diags, HasSubstr("test.ded:2:1: warning: negation cycle through "
                                 "same-time rules: v -> notin w -> v; evaluated as"));
  ASSERT_EQ(C.S.Strata.size(), 1u);
  EXPECT_TRUE(C.S.Strata[0].NegationCycle);
  EXPECT_FALSE(C.S.Strata[0].Inflationary);
}

TEST(Stratify, NextAndAsyncBreakCycles) {
  Checked C = check("a(X)@next :- b(X), notin a(X);\n"
                    "b(X) :- a(X);\n"
                    "c(X)@async :- a(X), notin c(X);\n");
  ASSERT_TRUE(C.Valid) << C.Diags;
  EXPECT_EQ(C.Warnings, 0u) << C.Diags;
  EXPECT_THAT(ruleGroups(C.S), ElementsAre(ElementsAre(1u)));
  EXPECT_THAT(C.S.TemporalRules, ElementsAre(0u, 2u));
}

} // namespace

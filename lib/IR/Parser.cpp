//===- Parser.cpp - Reading one .ded buffer -------------------------------===//
//
// A recursive-descent parser for Molly's dialect of Dedalus:
//
//   program  := clause*
//   clause   := 'include' STRING ';'
//             | ('durable' | 'ghost') IDENT (',' IDENT)* ';'
//             | 'timer' IDENT '/' INT ';'             (a timer declaration)
//             | atom suffix? ';'                       (a fact: suffix '@' INT)
//             | atom suffix? ':-' elem (',' elem)* ';' (a rule)
//   suffix   := '@' ( INT | 'next' | 'async' )
//   elem     := 'notin'? IDENT '(' args? ')' ('@' INT)?
//             | expr CMP expr
//   atom     := IDENT '(' args? ')'
//   args     := expr (',' expr)*
//   expr     := primary (ARITH primary)*   folded to the RIGHT, no precedence,
//                                          as Molly's parser does
//   primary  := INT | '-' INT | STRING | VARIABLE | '_' | IDENT
//             | AGG '<' VARIABLE '>' | '(' expr ')'
//
// Aggregates are parsed wherever a term may appear, so that the validator
// can explain that they belong in head columns only. In a comparison an
// aggregate needs the full `fn<Var>` shape; otherwise `count < X` compares
// the symbol count with X.
//
// Error recovery: after a syntax error the parser skips to the next ';' and
// carries on (at most MaxErrorsPerFile errors per file). A lexical error
// (unterminated string or comment, stray character) ends the file.
//
//===----------------------------------------------------------------------===//

#include "faultline/IR/Parser.h"

#include "Lexer.h"

#include "faultline/faults.h"

#include <cstdint>
#include <string>
#include <utility>

namespace faultline::ir {

namespace {

/// Deepest expression tree (and parenthesis nesting) the parser accepts;
/// keeps every recursive walk over terms far from the stack limit.
constexpr unsigned MaxExprDepth = 256;
constexpr unsigned MaxErrorsPerFile = 20;

/// Thrown after a syntax error was reported: recover at the next ';'.
struct SyntaxError {};
/// Thrown after a lexical error was reported: stop reading the file.
struct FatalError {};

bool isAggregateName(std::string_view S) {
  return S == "count" || S == "min" || S == "max" || S == "sum";
}

bool isKeyword(std::string_view S) { return S == "include" || S == "notin"; }

bool isArithOp(TokKind K) {
  return K == TokKind::Plus || K == TokKind::Minus || K == TokKind::Star ||
         K == TokKind::Slash || K == TokKind::Percent;
}

char arithChar(TokKind K) {
  switch (K) {
  case TokKind::Plus:
    return '+';
  case TokKind::Minus:
    return '-';
  case TokKind::Star:
    return '*';
  case TokKind::Slash:
    return '/';
  default:
    return '%';
  }
}

bool cmpOp(TokKind K, CmpOp &Op) {
  switch (K) {
  case TokKind::EqEq:
    Op = CmpOp::EQ;
    return true;
  case TokKind::NotEq:
    Op = CmpOp::NE;
    return true;
  case TokKind::Less:
    Op = CmpOp::LT;
    return true;
  case TokKind::LessEq:
    Op = CmpOp::LE;
    return true;
  case TokKind::Greater:
    Op = CmpOp::GT;
    return true;
  case TokKind::GreaterEq:
    Op = CmpOp::GE;
    return true;
  default:
    return false;
  }
}

/// Where a term is parsed; decides how `count <` is read.
enum class TermCtx { Column, Comparison };

/// A parsed term and the depth of its tree.
struct PTerm {
  Term T;
  unsigned Depth = 1;
};

class Parser {
public:
  Parser(std::string_view Text, unsigned FileID, Program &P,
         std::vector<IncludeDirective> &Includes, DiagnosticEngine &Diags)
      : Toks(lex(Text, FileID)), P(P), Includes(Includes), Diags(Diags) {}

  bool run() {
    while (cur().Kind != TokKind::EndOfFile) {
      try {
        parseClause();
      } catch (const SyntaxError &) {
        if (!recover())
          break;
      } catch (const FatalError &) {
        break;
      }
      if (NumErrors >= MaxErrorsPerFile) {
        if (cur().Kind != TokKind::EndOfFile)
          Diags.error(cur().Loc, "too many errors in this file; stopping");
        break;
      }
    }
    return !HadError;
  }

private:
  std::vector<Token> Toks;
  size_t Pos = 0;
  Program &P;
  std::vector<IncludeDirective> &Includes;
  DiagnosticEngine &Diags;
  bool HadError = false;
  unsigned NumErrors = 0;
  unsigned ParenDepth = 0;

  const Token &cur() const { return Toks[Pos]; }
  const Token &ahead(size_t N) const {
    size_t I = Pos + N;
    return I < Toks.size() ? Toks[I] : Toks.back();
  }
  bool is(TokKind K) const { return cur().Kind == K; }
  bool isIdent(std::string_view S) const {
    return cur().Kind == TokKind::Ident && cur().Text == S;
  }
  const Token &consume() {
    const Token &T = Toks[Pos];
    if (Pos + 1 < Toks.size())
      ++Pos;
    return T;
  }

  /// Reports a problem that does not desynchronize the parser.
  void semanticError(SourceLoc L, const std::string &M) {
    HadError = true;
    if (++NumErrors <= MaxErrorsPerFile)
      Diags.error(L, M);
  }

  /// Reports a syntax error at the current token and unwinds to the clause
  /// loop. If the current token is a lexical error, that is what is reported.
  [[noreturn]] void syntaxError(const std::string &M) {
    HadError = true;
    if (cur().Kind == TokKind::Error) {
      Diags.error(cur().Loc, cur().Message);
      throw FatalError();
    }
    ++NumErrors;
    Diags.error(cur().Loc, M);
    throw SyntaxError();
  }

  const Token &expect(TokKind K, const char *Message) {
    if (!is(K))
      syntaxError(Message);
    return consume();
  }

  /// Skips past the next ';'. Returns false if the file ended (or hit a
  /// lexical error, which is then reported).
  bool recover() {
    while (true) {
      switch (cur().Kind) {
      case TokKind::EndOfFile:
        return false;
      case TokKind::Error:
        Diags.error(cur().Loc, cur().Message);
        return false;
      case TokKind::Semi:
        consume();
        return true;
      default:
        consume();
      }
    }
  }

  /// Converts an Integer token (optionally negated) to its value.
  int64_t integerValue(const Token &T, bool Negative, SourceLoc L) {
    uint64_t V = 0;
    bool Overflow = false;
    for (char C : T.Text) {
      uint64_t D = static_cast<uint64_t>(C - '0');
      if (V > (UINT64_MAX - D) / 10) {
        Overflow = true;
        break;
      }
      V = V * 10 + D;
    }
    const uint64_t Limit = Negative ? uint64_t(INT64_MAX) + 1 : INT64_MAX;
    if (Overflow || V > Limit) {
      semanticError(L, "integer literal '" + std::string(Negative ? "-" : "") +
                           std::string(T.Text) + "' is out of range");
      return 0;
    }
    if (Negative)
      return V == uint64_t(INT64_MAX) + 1 ? INT64_MIN : -static_cast<int64_t>(V);
    return static_cast<int64_t>(V);
  }

  void parseTimer() {
    SourceLoc Start = consume().Loc;
    const Token &Name = consume();
    expect(TokKind::Slash, "expected '/' and the timer's arity after its name");
    const Token &N = expect(TokKind::Integer, "expected the timer's arity (its number of "
                                             "columns) after '/'");
    TimerDecl T;
    T.Name = std::string(Name.Text);
    T.Arity = integerValue(N, false, N.Loc);
    T.Loc = Start;
    expect(TokKind::Semi, "expected ';' after the timer declaration");
    P.Timers.push_back(std::move(T));
  }

  /// `durable p, q;` or `ghost p;`, at its keyword.
  void parseDeclaration() {
    Declaration::Kind K =
        isIdent("ghost") ? Declaration::Kind::Ghost : Declaration::Kind::Durable;
    consume();
    while (true) {
      const Token &Name = expect(TokKind::Ident, "expected a relation name");
      P.Declarations.push_back(Declaration{K, std::string(Name.Text), Name.Loc});
      if (is(TokKind::Semi))
        break;
      expect(TokKind::Comma, "expected ',' or ';' after a declared relation");
    }
    consume();
  }

  void parseClause() {
    if (isIdent("include")) {
      consume();
      if (!is(TokKind::String))
        syntaxError("expected a file name string after 'include'");
      const Token &File = consume();
      expect(TokKind::Semi, "expected ';' after include");
      Includes.push_back(IncludeDirective{File.Value, File.Loc});
      return;
    }
    // `durable p;` and `ghost p;`: a relation named durable or ghost is
    // still a fact or rule head, followed by '('.
    if ((isIdent("durable") || isIdent("ghost")) && ahead(1).Kind == TokKind::Ident) {
      parseDeclaration();
      return;
    }
    // `timer name/N;` declares a timer; `timer(...)` is still a relation.
    if (isIdent("timer") && ahead(1).Kind == TokKind::Ident) {
      parseTimer();
      return;
    }
    if (isIdent("notin"))
      syntaxError("'notin' can only appear in a rule body");
    if (!is(TokKind::Ident))
      syntaxError(is(TokKind::Variable)
                      ? "expected a relation name (relation names start "
                        "with a lower-case letter)"
                      : "expected a rule, a fact or an include");

    SourceLoc Start = cur().Loc;
    Atom Head = parseAtomAfterName(/*Negated=*/false);

    // Optional time suffix: '@' INT | '@next' | '@async'.
    enum { None, Fixed, Next, Async } Suffix = None;
    SourceLoc SuffixLoc;
    int64_t FixedTime = 0;
    if (is(TokKind::At)) {
      SuffixLoc = consume().Loc;
      if (is(TokKind::Integer)) {
        const Token &N = consume();
        FixedTime = timeValue(N);
        Suffix = Fixed;
      } else if (isIdent("next")) {
        consume();
        Suffix = Next;
      } else if (isIdent("async")) {
        consume();
        Suffix = Async;
      } else {
        syntaxError("expected 'next', 'async' or a time after '@'");
      }
    }

    if (is(TokKind::Semi)) {
      // A fact.
      SourceLoc SemiLoc = consume().Loc;
      if (Suffix == None) {
        semanticError(SemiLoc, "a fact needs a time: write '" +
                                   Head.Relation + "(...)@N;'");
        return;
      }
      if (Suffix != Fixed) {
        semanticError(SuffixLoc,
                      std::string("a fact cannot be @") +
                          (Suffix == Next ? "next" : "async") +
                          "; facts hold at a fixed time '@N'");
        return;
      }
      bool Ok = true;
      for (const Term &T : Head.Args) {
        if (!T.isConstant()) {
          semanticError(T.Loc, "fact arguments must be constants");
          Ok = false;
        }
      }
      if (!Ok)
        return;
      Fact F;
      F.Head = std::move(Head);
      F.Time = FixedTime;
      F.Loc = Start;
      P.Facts.push_back(std::move(F));
      return;
    }

    if (!is(TokKind::ColonDash))
      syntaxError(Suffix == None ? "expected ':-', '@' or ';' after head"
                                 : "expected ':-' or ';' after head");
    consume();

    Rule R;
    R.Head = std::move(Head);
    R.Loc = Start;
    R.Time = Suffix == Next    ? HeadTime::Next
             : Suffix == Async ? HeadTime::Async
                               : HeadTime::Now;
    while (true) {
      R.Body.push_back(parseBodyElem());
      if (is(TokKind::Comma)) {
        consume();
        continue;
      }
      if (is(TokKind::Semi))
        break;
      syntaxError("expected ';' after rule");
    }
    R.EndLoc = consume().Loc;
    if (Suffix == Fixed) {
      semanticError(SuffixLoc, "a rule head cannot hold at a fixed time; use "
                               "@next or @async, or write a fact");
      return;
    }
    P.Rules.push_back(std::move(R));
  }

  /// Parses `name(args)` with the current token the relation name.
  Atom parseAtomAfterName(bool Negated) {
    Atom A;
    A.Negated = Negated;
    A.Loc = cur().Loc;
    A.Relation = std::string(consume().Text);
    if (!is(TokKind::LParen))
      syntaxError("expected '(' after relation name '" + A.Relation + "'");
    consume();
    if (!is(TokKind::RParen)) {
      while (true) {
        A.Args.push_back(parseExpr(TermCtx::Column).T);
        if (is(TokKind::Comma)) {
          consume();
          continue;
        }
        if (is(TokKind::RParen))
          break;
        syntaxError("expected ')'");
      }
    }
    consume(); // ')'
    return A;
  }

  BodyElem parseBodyElem() {
    if (isIdent("notin")) {
      consume();
      if (!is(TokKind::Ident) || isKeyword(cur().Text))
        syntaxError("expected a relation name after 'notin'");
      Atom A = parseAtomAfterName(/*Negated=*/true);
      parseBodyTime(A);
      return A;
    }
    if (is(TokKind::Ident) && !isKeyword(cur().Text) &&
        ahead(1).Kind == TokKind::LParen) {
      Atom A = parseAtomAfterName(/*Negated=*/false);
      parseBodyTime(A);
      return A;
    }
    if (is(TokKind::Semi) || is(TokKind::Comma) || is(TokKind::EndOfFile))
      syntaxError("expected a body predicate or comparison");
    Comparison C;
    C.Loc = cur().Loc;
    C.LHS = parseExpr(TermCtx::Comparison).T;
    if (!cmpOp(cur().Kind, C.Op))
      syntaxError("expected a comparison operator (==, !=, <, <=, >, >=)");
    consume();
    C.RHS = parseExpr(TermCtx::Comparison).T;
    return C;
  }

  void parseBodyTime(Atom &A) {
    if (!is(TokKind::At))
      return;
    consume();
    if (!is(TokKind::Integer))
      syntaxError("expected a time after '@': a body predicate can only be "
                  "read at a fixed time '@N'");
    const Token &N = consume();
    A.AtTime = timeValue(N);
  }

  /// A fixed time `@N`: a time step a run can have. A larger one would hold
  /// or read nothing in any run, and is more likely a typo (and once was
  /// silently narrowed to an int).
  int64_t timeValue(const Token &N) {
    auto Before = NumErrors;
    int64_t V = integerValue(N, false, N.Loc);
    if (NumErrors == Before && (V < 1 || V > MaxEOT))
      semanticError(N.Loc, "time " + std::string(N.Text) +
                               " is out of range: a run's time steps are 1 to " +
                               std::to_string(MaxEOT));
    return V;
  }

  PTerm parseExpr(TermCtx Ctx) {
    std::vector<PTerm> Operands;
    std::vector<char> Ops;
    std::vector<SourceLoc> OpLocs;
    Operands.push_back(parsePrimary(Ctx));
    while (isArithOp(cur().Kind)) {
      if (Ops.size() + 1 >= MaxExprDepth) {
        // A chain of N operators is a tree at least N + 1 deep.
        HadError = true;
        ++NumErrors;
        Diags.error(cur().Loc, "expression nested too deeply");
        throw SyntaxError();
      }
      Ops.push_back(arithChar(cur().Kind));
      OpLocs.push_back(consume().Loc);
      Operands.push_back(parsePrimary(Ctx));
    }
    // Fold to the right: A - B - C is A - (B - C), as in Molly.
    PTerm Result = std::move(Operands.back());
    for (size_t I = Ops.size(); I-- > 0;) {
      PTerm &L = Operands[I];
      unsigned Depth = 1 + std::max(L.Depth, Result.Depth);
      if (Depth > MaxExprDepth) {
        HadError = true;
        ++NumErrors;
        Diags.error(OpLocs[I], "expression nested too deeply");
        throw SyntaxError();
      }
      SourceLoc Loc = L.T.Loc;
      Result.T = Term::arith(Ops[I], std::move(L.T), std::move(Result.T), Loc);
      Result.Depth = Depth;
    }
    return Result;
  }

  PTerm parsePrimary(TermCtx Ctx) {
    const Token &T = cur();
    SourceLoc L = T.Loc;
    switch (T.Kind) {
    case TokKind::Integer: {
      consume();
      return {Term::integer(integerValue(T, false, L), L), 1};
    }
    case TokKind::Minus: {
      consume();
      if (!is(TokKind::Integer))
        syntaxError("expected an integer after '-'");
      const Token &N = consume();
      return {Term::integer(integerValue(N, true, L), L), 1};
    }
    case TokKind::String:
      consume();
      return {Term::string(T.Value, L), 1};
    case TokKind::Variable:
      consume();
      return {Term::variable(std::string(T.Text), L), 1};
    case TokKind::Wildcard:
      consume();
      return {Term::wildcard(L), 1};
    case TokKind::Ident: {
      if (isKeyword(T.Text))
        syntaxError("unexpected keyword '" + std::string(T.Text) + "'");
      if (isAggregateName(T.Text) && ahead(1).Kind == TokKind::Less &&
          (Ctx == TermCtx::Column ||
           (ahead(2).Kind == TokKind::Variable &&
            ahead(3).Kind == TokKind::Greater)))
        return {parseAggregate(), 2};
      consume();
      return {Term::symbol(std::string(T.Text), L), 1};
    }
    case TokKind::LParen: {
      if (ParenDepth >= MaxExprDepth) {
        HadError = true;
        ++NumErrors;
        Diags.error(L, "expression nested too deeply");
        throw SyntaxError();
      }
      consume();
      ++ParenDepth;
      PTerm Inner;
      try {
        Inner = parseExpr(Ctx);
      } catch (...) {
        --ParenDepth;
        throw;
      }
      --ParenDepth;
      expect(TokKind::RParen, "expected ')'");
      return Inner;
    }
    default:
      syntaxError("expected an expression");
    }
  }

  Term parseAggregate() {
    const Token &Fn = consume();
    consume(); // '<'
    if (!is(TokKind::Variable))
      syntaxError("expected a variable inside '" + std::string(Fn.Text) +
                  "<...>'");
    const Token &Var = consume();
    expect(TokKind::Greater, "expected '>' after aggregated variable");
    return Term::aggregate(std::string(Fn.Text),
                           Term::variable(std::string(Var.Text), Var.Loc),
                           Fn.Loc);
  }
};

} // namespace

bool parseBuffer(const std::string &Text, unsigned FileID, Program &P,
                 std::vector<IncludeDirective> &Includes,
                 DiagnosticEngine &Diags) {
  return Parser(Text, FileID, P, Includes, Diags).run();
}

} // namespace faultline::ir

//===- Lexer.cpp - Tokens of the .ded language ----------------------------===//

#include "Lexer.h"

#include <cstdio>

namespace faultline::ir {

static bool isDigit(char C) { return C >= '0' && C <= '9'; }
static int hexValue(char C) {
  if (isDigit(C))
    return C - '0';
  if (C >= 'a' && C <= 'f')
    return C - 'a' + 10;
  if (C >= 'A' && C <= 'F')
    return C - 'A' + 10;
  return -1;
}
static bool isLower(char C) { return C >= 'a' && C <= 'z'; }
static bool isUpper(char C) { return C >= 'A' && C <= 'Z'; }

bool isIdentChar(char C) {
  return isDigit(C) || isLower(C) || isUpper(C) || C == '_' || C == '.' ||
         C == '?';
}

const char *describe(TokKind K) {
  switch (K) {
  case TokKind::Ident:
    return "identifier";
  case TokKind::Variable:
    return "variable";
  case TokKind::Wildcard:
    return "'_'";
  case TokKind::Integer:
    return "integer";
  case TokKind::String:
    return "string";
  case TokKind::LParen:
    return "'('";
  case TokKind::RParen:
    return "')'";
  case TokKind::Comma:
    return "','";
  case TokKind::Semi:
    return "';'";
  case TokKind::ColonDash:
    return "':-'";
  case TokKind::At:
    return "'@'";
  case TokKind::Plus:
    return "'+'";
  case TokKind::Minus:
    return "'-'";
  case TokKind::Star:
    return "'*'";
  case TokKind::Slash:
    return "'/'";
  case TokKind::Percent:
    return "'%'";
  case TokKind::EqEq:
    return "'=='";
  case TokKind::NotEq:
    return "'!='";
  case TokKind::Less:
    return "'<'";
  case TokKind::LessEq:
    return "'<='";
  case TokKind::Greater:
    return "'>'";
  case TokKind::GreaterEq:
    return "'>='";
  case TokKind::EndOfFile:
    return "end of file";
  case TokKind::Error:
    return "invalid token";
  }
  return "token";
}

namespace {

class Lexer {
public:
  Lexer(std::string_view Text, unsigned FileID) : Text(Text), FileID(FileID) {}

  std::vector<Token> run() {
    std::vector<Token> Toks;
    while (true) {
      Token T = next();
      TokKind K = T.Kind;
      Toks.push_back(std::move(T));
      if (K == TokKind::EndOfFile)
        break;
      if (K == TokKind::Error) {
        Token End;
        End.Kind = TokKind::EndOfFile;
        End.Loc = loc();
        Toks.push_back(End);
        break;
      }
    }
    return Toks;
  }

private:
  std::string_view Text;
  unsigned FileID;
  size_t Pos = 0;
  unsigned Line = 1;
  unsigned Col = 1;

  SourceLoc loc() const { return SourceLoc{FileID, Line, Col}; }
  bool atEnd() const { return Pos >= Text.size(); }
  char peek(size_t Ahead = 0) const {
    return Pos + Ahead < Text.size() ? Text[Pos + Ahead] : '\0';
  }
  void advance() {
    if (Text[Pos] == '\n') {
      ++Line;
      Col = 1;
    } else {
      ++Col;
    }
    ++Pos;
  }

  Token make(TokKind K, SourceLoc L, size_t Start) const {
    Token T;
    T.Kind = K;
    T.Loc = L;
    T.Text = Text.substr(Start, Pos - Start);
    return T;
  }

  static Token error(SourceLoc L, std::string Message) {
    Token T;
    T.Kind = TokKind::Error;
    T.Loc = L;
    T.Message = std::move(Message);
    return T;
  }

  /// Skips blanks and comments. Returns an Error token's message through
  /// Err if a block comment is unterminated.
  bool skipTrivia(Token &Err) {
    while (!atEnd()) {
      char C = peek();
      if (C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f' ||
          C == '\v') {
        advance();
      } else if (C == '/' && peek(1) == '/') {
        while (!atEnd() && peek() != '\n')
          advance();
      } else if (C == '/' && peek(1) == '*') {
        SourceLoc Start = loc();
        advance();
        advance();
        while (true) {
          if (atEnd()) {
            Err = error(Start, "unterminated /* comment");
            return false;
          }
          if (peek() == '*' && peek(1) == '/') {
            advance();
            advance();
            break;
          }
          advance();
        }
      } else {
        break;
      }
    }
    return true;
  }

  Token next() {
    Token Err;
    if (!skipTrivia(Err))
      return Err;
    SourceLoc L = loc();
    size_t Start = Pos;
    if (atEnd())
      return make(TokKind::EndOfFile, L, Start);

    char C = peek();
    if (isLower(C) || isUpper(C) || C == '_') {
      while (!atEnd() && isIdentChar(peek()))
        advance();
      std::string_view Word = Text.substr(Start, Pos - Start);
      TokKind K = isLower(C)    ? TokKind::Ident
                  : Word == "_" ? TokKind::Wildcard
                                : TokKind::Variable;
      return make(K, L, Start);
    }
    if (isDigit(C)) {
      while (!atEnd() && isDigit(peek()))
        advance();
      return make(TokKind::Integer, L, Start);
    }
    if (C == '"') {
      advance();
      std::string Value;
      while (true) {
        if (atEnd() || peek() == '\n')
          return error(L, "unterminated string");
        char Ch = peek();
        if (Ch == '"')
          break;
        if (Ch != '\\') {
          Value += Ch;
          advance();
          continue;
        }
        // An escape: what the printer writes for a quote, a backslash or a
        // byte that cannot stand in the text (docs/ir-reference.md).
        SourceLoc EscLoc = loc();
        advance();
        char E = atEnd() ? '\0' : peek();
        switch (E) {
        case '"':
        case '\\':
          Value += E;
          advance();
          continue;
        case 'n':
          Value += '\n';
          advance();
          continue;
        case 't':
          Value += '\t';
          advance();
          continue;
        case 'r':
          Value += '\r';
          advance();
          continue;
        case 'x': {
          advance();
          int Byte = 0;
          for (int Digit = 0; Digit < 2; ++Digit) {
            int V = atEnd() ? -1 : hexValue(peek());
            if (V < 0)
              return error(EscLoc, "expected two hex digits after '\\x' in a string");
            Byte = Byte * 16 + V;
            advance();
          }
          Value += static_cast<char>(Byte);
          continue;
        }
        default:
          return error(EscLoc, "unknown escape in a string (known: \\\" \\\\ \\n \\t "
                               "\\r \\xHH)");
        }
      }
      Token T;
      T.Kind = TokKind::String;
      T.Loc = L;
      T.Text = Text.substr(Start + 1, Pos - Start - 1);
      T.Value = std::move(Value);
      advance(); // closing quote
      return T;
    }

    auto single = [&](TokKind K) {
      advance();
      return make(K, L, Start);
    };
    auto twoOrOne = [&](char Second, TokKind Two, TokKind One) {
      advance();
      if (peek() == Second)
        advance();
      else
        return make(One, L, Start);
      return make(Two, L, Start);
    };
    switch (C) {
    case '(':
      return single(TokKind::LParen);
    case ')':
      return single(TokKind::RParen);
    case ',':
      return single(TokKind::Comma);
    case ';':
      return single(TokKind::Semi);
    case '@':
      return single(TokKind::At);
    case '+':
      return single(TokKind::Plus);
    case '-':
      return single(TokKind::Minus);
    case '*':
      return single(TokKind::Star);
    case '/':
      return single(TokKind::Slash);
    case '%':
      return single(TokKind::Percent);
    case '<':
      return twoOrOne('=', TokKind::LessEq, TokKind::Less);
    case '>':
      return twoOrOne('=', TokKind::GreaterEq, TokKind::Greater);
    case ':':
      if (peek(1) == '-') {
        advance();
        advance();
        return make(TokKind::ColonDash, L, Start);
      }
      return error(L, "unexpected character ':'; did you mean ':-'?");
    case '=':
      if (peek(1) == '=') {
        advance();
        advance();
        return make(TokKind::EqEq, L, Start);
      }
      return error(L, "unexpected character '='; did you mean '=='?");
    case '!':
      if (peek(1) == '=') {
        advance();
        advance();
        return make(TokKind::NotEq, L, Start);
      }
      return error(L, "unexpected character '!'; did you mean '!='?");
    default:
      break;
    }
    unsigned char U = static_cast<unsigned char>(C);
    if (U >= 0x20 && U < 0x7f)
      return error(L, std::string("unexpected character '") + C + "'");
    char Buf[8];
    std::snprintf(Buf, sizeof Buf, "\\x%02X", U);
    return error(L, std::string("unexpected character '") + Buf + "'");
  }
};

} // namespace

std::vector<Token> lex(std::string_view Text, unsigned FileID) {
  return Lexer(Text, FileID).run();
}

} // namespace faultline::ir

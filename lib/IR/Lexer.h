//===- Lexer.h - Tokens of the .ded language --------------------*- C++ -*-===//
//
// Private to the IR library. The lexer turns one buffer into tokens with
// 1-based line:col locations (columns count bytes). It never fails: a lexical
// problem (unterminated string or comment, stray character) becomes an Error
// token carrying its message, after which only EndOfFile follows.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_IR_LEXER_H
#define FAULTLINE_LIB_IR_LEXER_H

#include "faultline/IR/AST.h"

#include <string>
#include <string_view>
#include <vector>

namespace faultline::ir {

enum class TokKind {
  Ident,     ///< Starts with a lower-case letter: relation, symbol, keyword.
  Variable,  ///< Starts with an upper-case letter, or `_` plus more.
  Wildcard,  ///< `_` alone.
  Integer,   ///< [0-9]+; Text holds the digits (range checked by the parser).
  String,    ///< "..."; Text holds the contents as written, Value decoded.
  LParen,    ///< (
  RParen,    ///< )
  Comma,     ///< ,
  Semi,      ///< ;
  ColonDash, ///< :-
  At,        ///< @
  Plus,      ///< +
  Minus,     ///< -
  Star,      ///< *
  Slash,     ///< /
  Percent,   ///< %
  EqEq,      ///< ==
  NotEq,     ///< !=
  Less,      ///< <
  LessEq,    ///< <=
  Greater,   ///< >
  GreaterEq, ///< >=
  EndOfFile,
  Error, ///< Text holds the diagnostic message.
};

struct Token {
  TokKind Kind = TokKind::EndOfFile;
  std::string_view Text;
  std::string Value;   ///< Only for String tokens: the escapes decoded.
  std::string Message; ///< Only for Error tokens.
  SourceLoc Loc;
};

/// A readable name for a token kind in "expected ..." messages.
const char *describe(TokKind K);

/// Splits Text into tokens; the last token is EndOfFile (preceded by at most
/// one Error token). The tokens point into Text, which must outlive them.
std::vector<Token> lex(std::string_view Text, unsigned FileID);

/// Identifier characters: letters, digits, `_`, `.`, `?`.
bool isIdentChar(char C);

} // namespace faultline::ir

#endif // FAULTLINE_LIB_IR_LEXER_H

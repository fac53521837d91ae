//===- faultline/Eval/Value.h - Run-time values ---------------*- C++ -*-===//
//
// A Dedalus value is an integer or a string. Strings are interned in a
// SymbolTable built once per program, so that tuples compare and hash as
// small integers and many runs of one program can share the table.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EVAL_VALUE_H
#define FAULTLINE_EVAL_VALUE_H

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace faultline::eval {

struct Value {
  enum class Kind : uint8_t { Int, Str };
  Kind K = Kind::Int;
  int64_t V = 0; ///< The integer, or the symbol id of the string.

  static Value integer(int64_t I) { return {Kind::Int, I}; }
  static Value symbol(uint32_t Id) { return {Kind::Str, Id}; }
  bool isInt() const { return K == Kind::Int; }
  bool isStr() const { return K == Kind::Str; }
  friend bool operator==(Value A, Value B) { return A.K == B.K && A.V == B.V; }
  friend bool operator!=(Value A, Value B) { return !(A == B); }
  /// A structural order for containers (by kind, then id); the language's
  /// `<` is SymbolTable::less.
  friend bool operator<(Value A, Value B) {
    return A.K != B.K ? A.K < B.K : A.V < B.V;
  }
};

using Tuple = std::vector<Value>;

struct TupleHash {
  size_t operator()(const Tuple &T) const {
    size_t H = T.size();
    for (Value V : T)
      H = (H ^ (static_cast<size_t>(V.V) * 2 + static_cast<size_t>(V.K))) *
          0x9E3779B97F4A7C15ull;
    return H;
  }
};

class SymbolTable {
public:
  uint32_t intern(const std::string &S);
  /// The id of S if it was interned, or -1.
  int64_t lookup(const std::string &S) const;
  const std::string &text(uint32_t Id) const { return Strings[Id]; }
  Value str(const std::string &S) { return Value::symbol(intern(S)); }

  /// Renders a value as Dedalus source: 42 or "text".
  std::string render(Value V) const;
  std::string render(const Tuple &T) const;
  /// Orders values as the `<` comparison does: strings by text. Mixed kinds
  /// are not ordered (the caller reports an error).
  bool less(Value A, Value B) const;

private:
  std::vector<std::string> Strings;
  std::unordered_map<std::string, uint32_t> Ids;
};

} // namespace faultline::eval

#endif // FAULTLINE_EVAL_VALUE_H

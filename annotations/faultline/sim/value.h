//===- faultline/sim/value.h - Values as the model sees them ----*- C++ -*-===//
//
// Part of the simulator (faultline/simulator.h). The simulator orders each
// node's inbox and prints messages exactly as faultline's model does, so it
// turns message fields and state into the model's values: integers (bools
// are 0 and 1) and strings (enumerators are their names).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SIM_VALUE_H
#define FAULTLINE_SIM_VALUE_H

#include <stdexcept>
#include <string>
#include <vector>

namespace faultline::sim {

/// What goes wrong in a protocol's description or a scenario, found when
/// the simulator runs it. The replay binary reports it and exits with 2.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// An integer or a string.
class Value {
public:
  Value() = default;
  static Value integer(long long I) {
    Value V;
    V.Int = I;
    return V;
  }
  static Value text(std::string S) {
    Value V;
    V.IsInt = false;
    V.Str = std::move(S);
    return V;
  }

  bool isInt() const { return IsInt; }
  long long asInt() const { return Int; }
  const std::string &asText() const { return Str; }

  /// As faultline prints a tuple's values: 42 or "text".
  std::string render() const { return IsInt ? std::to_string(Int) : "\"" + Str + "\""; }

  /// The order of the model's min<> and `<`: integers by value, strings by
  /// their bytes. A column of the model never mixes the two; integers come
  /// first so that the order is total anyway.
  friend bool operator<(const Value &A, const Value &B) {
    if (A.IsInt != B.IsInt)
      return A.IsInt;
    return A.IsInt ? A.Int < B.Int : A.Str < B.Str;
  }
  friend bool operator==(const Value &A, const Value &B) {
    return A.IsInt == B.IsInt && (A.IsInt ? A.Int == B.Int : A.Str == B.Str);
  }
  friend bool operator!=(const Value &A, const Value &B) { return !(A == B); }

private:
  bool IsInt = true;
  long long Int = 0;
  std::string Str;
};

using Tuple = std::vector<Value>;

/// "a", 1, "x": a tuple's values as faultline prints them.
inline std::string render(const Tuple &T) {
  std::string Out;
  for (size_t I = 0; I < T.size(); ++I)
    Out += (I ? ", " : "") + T[I].render();
  return Out;
}

} // namespace faultline::sim

#endif // FAULTLINE_SIM_VALUE_H

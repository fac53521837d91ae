//===- Value.cpp - Interned strings and value rendering -------------------===//

#include "faultline/Eval/Value.h"

namespace faultline::eval {

uint32_t SymbolTable::intern(const std::string &S) {
  auto [It, Inserted] = Ids.try_emplace(S, static_cast<uint32_t>(Strings.size()));
  if (Inserted)
    Strings.push_back(S);
  return It->second;
}

int64_t SymbolTable::lookup(const std::string &S) const {
  auto It = Ids.find(S);
  return It == Ids.end() ? -1 : It->second;
}

std::string SymbolTable::render(Value V) const {
  if (V.isInt())
    return std::to_string(V.V);
  return "\"" + Strings[V.V] + "\"";
}

std::string SymbolTable::render(const Tuple &T) const {
  std::string Out;
  for (size_t I = 0; I < T.size(); ++I) {
    if (I)
      Out += ", ";
    Out += render(T[I]);
  }
  return Out;
}

bool SymbolTable::less(Value A, Value B) const {
  if (A.isInt())
    return A.V < B.V;
  return Strings[A.V] < Strings[B.V];
}

} // namespace faultline::eval

//===- faultline/IR/Serialize.h - Rules and facts as JSON -------*- C++ -*-===//
//
// A structured JSON form of the IR, for what the frontend stores between
// processes (its per-translation-unit extraction, cached or written next to
// an object file by the clang plugin). Unlike the .ded text it keeps every
// source location and origin, and reading it needs no parser. FileIDs are
// written as they are: the reader owns the file table they index.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_IR_SERIALIZE_H
#define FAULTLINE_IR_SERIALIZE_H

#include "faultline/IR/AST.h"

#include "llvm/Support/JSON.h"

namespace faultline::ir {

llvm::json::Value toJSON(const SourceLoc &L);
llvm::json::Value toJSON(const Term &T);
llvm::json::Value toJSON(const Atom &A);
llvm::json::Value toJSON(const BodyElem &E);
llvm::json::Value toJSON(const Rule &R);
llvm::json::Value toJSON(const Fact &F);

bool fromJSON(const llvm::json::Value &V, SourceLoc &L, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Term &T, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Atom &A, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, BodyElem &E, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Rule &R, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Fact &F, llvm::json::Path P);

/// Applies Map to every location in a rule (its own, its head's, its
/// body's and their terms'), body or fact, for moving them between file
/// tables.
template <typename F> void forEachLoc(Term &T, F &&Map) {
  Map(T.Loc);
  for (Term &A : T.Args)
    forEachLoc(A, Map);
}
template <typename F> void forEachLoc(Atom &A, F &&Map) {
  Map(A.Loc);
  for (Term &T : A.Args)
    forEachLoc(T, Map);
}
template <typename F> void forEachLoc(std::vector<BodyElem> &Body, F &&Map) {
  for (BodyElem &E : Body) {
    if (auto *A = std::get_if<Atom>(&E)) {
      forEachLoc(*A, Map);
    } else {
      auto &C = std::get<Comparison>(E);
      Map(C.Loc);
      forEachLoc(C.LHS, Map);
      forEachLoc(C.RHS, Map);
    }
  }
}
template <typename F> void forEachLoc(Rule &R, F &&Map) {
  Map(R.Loc);
  Map(R.EndLoc);
  forEachLoc(R.Head, Map);
  forEachLoc(R.Body, Map);
}
template <typename F> void forEachLoc(Fact &Fa, F &&Map) {
  Map(Fa.Loc);
  forEachLoc(Fa.Head, Map);
}

} // namespace faultline::ir

#endif // FAULTLINE_IR_SERIALIZE_H

//===- Lowering.h - Handlers and invariants to rules ------------*- C++ -*-===//
//
// Private to the frontend. Symbolic execution of a handler's body: each path
// through it (if/else, early return, the membership tests it makes) becomes
// rules whose bodies are the message, the state it read and the path's
// conditions, and whose heads are its effects: state updates at the next
// step and sends. Loops over state sets become joins. Invariants become
// `pre` (the situation the property talks about) and `post` (the property
// holding there).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_LOWERING_H
#define FAULTLINE_LIB_FRONTEND_LOWERING_H

#include "Deadline.h"
#include "FragmentBuilder.h"
#include "Protocol.h"
#include "Reporter.h"

#include "clang/AST/ASTContext.h"

namespace faultline::frontend {

/// Lowers every handler of every role, and every invariant, of P; past
/// Time, what is left is not lowered and the function reached is reported.
void lowerProtocol(const Protocol &P, clang::ASTContext &Ctx, Reporter &R, FragmentBuilder &M,
                   Deadline &Time);

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_LOWERING_H

//===- Lowering.cpp - Handlers and invariants to rules --------------------===//
//
// Records the TU's messages and roles, then lowers each handler and each
// invariant on its own (LowerHandler.cpp, LowerInvariant.cpp); what they
// share is in LoweringContext.h.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "LoweringContext.h"

namespace faultline::frontend {

void lowerProtocol(const Protocol &P, clang::ASTContext &Ctx, Reporter &R, FragmentBuilder &M,
                   Deadline &Time) {
  for (const auto &[Decl, Msg] : P.Messages)
    M.addMessage(Msg);
  for (const auto &[Decl, Ro] : P.Roles)
    M.addRole(Ro);
  // Whether two handlers write one scalar is a question about the whole
  // role, so the writers are gathered across handlers.
  ScalarWriters Writers;
  LoweringInputs In{P, Ctx, R, M, Writers, Time};
  // Past the deadline the first function not lowered says so; the rest of
  // the TU is left out silently (the TU has failed already).
  auto OutOfTime = [&](const clang::Decl *D) {
    if (Time.passedUnreported())
      R.error(D->getLocation(), "faultline stopped extracting here: " + Time.reason() +
                                    " (the model would be incomplete)");
    return Time.passed();
  };
  for (const auto &[Decl, Ro] : P.Roles)
    for (const Handler &H : Ro.Handlers) {
      if (OutOfTime(H.Method))
        return;
      M.beginHandler(Ro, H);
      // The environment's crash notices exist where some role handles them.
      if (H.Message && H.Message->CrashNotice)
        M.addCrashNotices(*H.Message, Ro);
      if (!H.Method->hasBody()) {
        // Defined in another translation unit: its entity comes from there.
        M.markUndefined();
        continue;
      }
      lowerHandler(In, Ro, H);
    }
  for (const clang::FunctionDecl *F : P.Invariants) {
    if (OutOfTime(F))
      return;
    M.begin(Entity::Kind::Invariant, F, F->getNameAsString());
    lowerInvariant(In, F);
  }
}

} // namespace faultline::frontend

//===- Deadline.h - When extraction must stop -------------------*- C++ -*-===//
//
// Private to the frontend. `--timeout` bounds the whole work of check and
// review, extraction included: a handler whose paths multiply must not keep
// the command running past it. The lowering asks at each statement and each
// condition whether the time is up; once it is, every later question in
// the translation unit gets the same answer, so one TU reports it once.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_DEADLINE_H
#define FAULTLINE_LIB_FRONTEND_DEADLINE_H

#include "faultline/Frontend/TranslationUnit.h"

#include <fmt/format.h>

#include <string>

namespace faultline::frontend {

/// Thrown by the lowering when the deadline has passed: the function being
/// lowered is left out, and so is everything after it.
struct TimedOut {};

class Deadline {
public:
  explicit Deadline(const std::optional<ExtractionDeadline> &D) : D(D) {}

  /// Whether the time is up. Once it is, it stays up.
  bool passed() {
    if (!Passed && D && ExtractionDeadline::Clock::now() >= D->At)
      Passed = true;
    return Passed;
  }
  /// Passed, and not yet said: the caller reports it (once per TU).
  bool passedUnreported() {
    if (!passed() || Reported)
      return false;
    Reported = true;
    return true;
  }
  /// "the --timeout of 5 s was reached".
  std::string reason() const {
    return fmt::format("the --timeout of {:g} s was reached", D ? D->Seconds : 0.0);
  }

private:
  std::optional<ExtractionDeadline> D;
  bool Passed = false;
  bool Reported = false;
};

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_DEADLINE_H

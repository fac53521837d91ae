//===- faultline/IR/Validate.h - Safety, arity, stratification --*- C++ -*-===//

#ifndef FAULTLINE_IR_VALIDATE_H
#define FAULTLINE_IR_VALIDATE_H

#include "faultline/IR/AST.h"
#include "faultline/IR/Diagnostics.h"
#include "faultline/IR/ReservedNames.h"

#include <string>
#include <vector>

namespace faultline::ir {

/// The order in which one time step evaluates the same-time (deductive)
/// rules: a list of strata, each the indices into Program::Rules of the
/// rules whose heads are computed together. A stratum that cannot be
/// stratified is evaluated by the rules of docs/ir-reference.md ("Strata"):
/// one with a `notin` inside its cycle by retraction, as Molly's runtime
/// does (NegationCycle); one whose cycle runs only through aggregates
/// inflationarily (Inflationary).
struct Stratum {
  std::vector<unsigned> Rules;
  std::vector<std::string> Relations;
  /// A `notin` reads a relation of the stratum itself.
  bool NegationCycle = false;
  /// An aggregate, and no `notin`, reads a relation of the stratum itself.
  bool Inflationary = false;
  /// For either: one cycle through the negative edge, in "depends on"
  /// order (`a -> notin b -> a`), for diagnostics.
  std::string Cycle;
};

struct Stratification {
  std::vector<Stratum> Strata;
  /// Rules with @next or @async heads; they read the completed time step.
  std::vector<unsigned> TemporalRules;
};

/// Molly reads a variable that occurs only once in a rule, inside a
/// `notin`, as a wildcard (there is no value for it to have). Rewrites such
/// variables to `_` with a warning, so that the safety check can hold every
/// other unbound `notin` variable to account. loadProgram does this.
void readSingletonNotinVariablesAsWildcards(Program &P, DiagnosticEngine &Diags);

/// Checks that P is a program faultline can run: safe variables, consistent
/// arities (including the built-in `crash/3`), supported forms. Reports
/// every problem through Diags; returns false on any error.
bool validateProgram(const Program &P, DiagnosticEngine &Diags);

/// Orders the deductive rules into strata. A same-time cycle through
/// `notin` or an aggregate is a warning naming the cycle (an error when
/// Diags treats warnings as errors). Requires a valid program.
Stratification stratify(const Program &P, DiagnosticEngine &Diags);

} // namespace faultline::ir

#endif // FAULTLINE_IR_VALIDATE_H

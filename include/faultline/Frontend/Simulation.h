//===- faultline/Frontend/Simulation.h - The simulator's set-up -*- C++ -*-===//
//
// faultline's simulator (annotations/faultline/simulator.h, docs/runtime.md)
// runs the compiled handlers of a protocol; it needs to be told the roles,
// handlers, state members, messages with their fields in order, enumerator
// names, invariants and scenarios, under the relation names the model gives
// them. The frontend finds all of that through the annotations, so it writes
// that description as C++ (`faultline extract --emit=simulation`, run at
// build time by faultline_add_simulation(), as TableGen's outputs are
// built): the simulator and the model can never disagree on it.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_FRONTEND_SIMULATION_H
#define FAULTLINE_FRONTEND_SIMULATION_H

#include "faultline/Frontend/Frontend.h"

namespace llvm {
class raw_ostream;
}

namespace faultline::frontend {

/// Parses Opts.Files (with the compile commands of Opts.BuildPath, or
/// Opts.FixedArgs) and writes to OS a C++ source that defines
/// faultline::sim::describeProtocol() for the protocol they declare and, when
/// the FL_SEND function is only declared, a definition of it that hands
/// each message to the simulator. Problems (a declaration the generated file
/// cannot name, a send primitive of an unusable shape, what the frontend
/// itself rejects in the declarations) are printed to Errs at their
/// location; returns false after any, having written nothing.
bool emitSimulation(const ExtractOptions &Opts, llvm::raw_ostream &OS, llvm::raw_ostream &Errs);

} // namespace faultline::frontend

#endif // FAULTLINE_FRONTEND_SIMULATION_H

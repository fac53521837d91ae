//===- simulation.h - two_phase_commit in faultline's simulator -*- C++ -*-===//
//
// The protocol's description for faultline's simulator: its replay binary
// (examples/CMakeLists.txt) and its unit tests run it.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_TWO_PHASE_COMMIT_SIMULATION_H
#define FAULTLINE_EXAMPLES_TWO_PHASE_COMMIT_SIMULATION_H

#include "faultline/simulator.h"

namespace two_phase_commit {

/// Tells the simulator the roles, messages, invariants and scenarios of the
/// protocol (simulation.cpp): what faultline's frontend reads from the
/// annotations.
void describeSimulation(faultline::sim::Protocol &P);

} // namespace two_phase_commit

#endif // FAULTLINE_EXAMPLES_TWO_PHASE_COMMIT_SIMULATION_H

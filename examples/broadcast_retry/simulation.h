//===- simulation.h - broadcast_retry in faultline's simulator --*- C++ -*-===//
//
// The protocol's description for faultline's simulator: its replay binary
// (examples/CMakeLists.txt) and its unit tests run it.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_BROADCAST_RETRY_SIMULATION_H
#define FAULTLINE_EXAMPLES_BROADCAST_RETRY_SIMULATION_H

#include "faultline/simulator.h"

namespace broadcast_retry {

/// Tells the simulator the roles, messages, invariants and scenarios of the
/// protocol (simulation.cpp): what faultline's frontend reads from the
/// annotations.
void describeSimulation(faultline::sim::Protocol &P);

} // namespace broadcast_retry

#endif // FAULTLINE_EXAMPLES_BROADCAST_RETRY_SIMULATION_H

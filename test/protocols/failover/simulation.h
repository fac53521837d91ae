//===- simulation.h - The failover protocol in the simulator ----*- C++ -*-===//

#ifndef FAULTLINE_TEST_FAILOVER_SIMULATION_H
#define FAULTLINE_TEST_FAILOVER_SIMULATION_H

#include "faultline/simulator.h"

namespace failover {

void describeSimulation(faultline::sim::Protocol &P);

} // namespace failover

#endif // FAULTLINE_TEST_FAILOVER_SIMULATION_H

//===- simulation.h - The case study in faultline's simulator ---*- C++ -*-===//
//
// The replication case study described to the simulator (docs/runtime.md):
// what every version shares, and each version's registration
// (vN/simulation.cpp), with which its replay binary and unit tests run it.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_REPLICATION_SIMULATION_H
#define FAULTLINE_EXAMPLES_REPLICATION_SIMULATION_H

#include "client.h"
#include "master.h"

#include "faultline/simulator.h"

namespace replication {

/// The client and the messages of client.h.
inline void describeClient(faultline::sim::Protocol &P) {
  P.role<Client>("Client", &Client::self)
      .receive(&Client::onSubmit)
      .receive(&Client::onWriteAck)
      .receive(&Client::onNewPrimary)
      .state("primary", &Client::primary)
      .state("acked", &Client::acked);
  P.message<Submit>("Submit", &Submit::value);
  P.message<Write>("Write", &Write::value);
  P.message<WriteAck>("WriteAck", &WriteAck::seq, &WriteAck::value);
  P.message<NewPrimary>("NewPrimary", &NewPrimary::node, &NewPrimary::term);
}

/// The master with failover of master.h (v2 and later), and its invariant.
inline void describeMaster(faultline::sim::Protocol &P) {
  P.role<Master>("Master", &Master::self)
      .receive(&Master::onCrash)
      .state("primary", &Master::primary)
      .state("term", &Master::term)
      .state("inSync", &Master::inSync)
      .state("client", &Master::client)
      .state("successor", &Master::successor);
  P.invariant("primaryInSync", &primaryInSync);
}

namespace v1 {
void describeSimulation(faultline::sim::Protocol &P);
}
namespace v2 {
void describeSimulation(faultline::sim::Protocol &P);
}
namespace v3 {
void describeSimulation(faultline::sim::Protocol &P);
}
namespace v4 {
void describeSimulation(faultline::sim::Protocol &P);
}
namespace v5 {
void describeSimulation(faultline::sim::Protocol &P);
}

} // namespace replication

#endif // FAULTLINE_EXAMPLES_REPLICATION_SIMULATION_H

//===- faultline/simulator.h - Run an annotated protocol for real -*- C++ -*-===//
//
// A header-only runtime for protocols annotated for faultline: a
// deterministic simulator that runs a scenario's nodes with exactly the
// model's timing and faults, and checks the C++ invariants on the real
// state at the end. Use it to unit-test a protocol and to replay the
// counterexamples that `faultline check --emit-schedules` writes.
//
// Nothing in the annotated code depends on it: a project keeps its own
// transport, and defines its FL_SEND function to call faultline::sim::send
// only in the build that simulates. docs/runtime.md describes it all.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SIMULATOR_H
#define FAULTLINE_SIMULATOR_H

#include "faultline/annotations.h"
#include "faultline/faults.h"
#include "faultline/sim/protocol.h"
#include "faultline/sim/simulator.h"
#include "faultline/sim/value.h"

#endif // FAULTLINE_SIMULATOR_H

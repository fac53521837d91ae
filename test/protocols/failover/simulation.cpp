//===- simulation.cpp - The failover protocol in the simulator ------------===//
//
// faultline::NodeCrashed needs no registration: every Protocol knows it.
//
//===----------------------------------------------------------------------===//

#include "simulation.h"

#include "failover.h"

namespace failover {

void tooShort(faultline::Scenario &s);
void longEnough(faultline::Scenario &s);

void describeSimulation(faultline::sim::Protocol &P) {
  P.role<Master>("Master", &Master::self)
      .receive(&Master::onJob)
      .receive(&Master::onCrash)
      .receive(&Master::onDone)
      .state("assigned", &Master::assigned)
      .state("spares", &Master::spares)
      .state("job", &Master::job)
      .state("finished", &Master::finished);
  P.role<Worker>("Worker", &Worker::self).receive(&Worker::onWork).state("done", &Worker::done);
  P.message<Job>("Job", &Job::name);
  P.message<Work>("Work", &Work::job);
  P.message<Done>("Done", &Done::job);
  P.invariant("jobFinished", &jobFinished);
  P.scenario("tooShort", &tooShort);
  P.scenario("longEnough", &longEnough);
}

} // namespace failover

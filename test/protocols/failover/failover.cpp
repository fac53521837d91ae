//===- failover.cpp - Scenarios of the failover test protocol -------------===//

#include "failover.h"

namespace failover {

static void masterAndTwoWorkers(faultline::Scenario &s) {
  s.node<Master>("M");
  s.node<Worker>("a");
  s.node<Worker>("b");
  s.add("M", &Master::assigned, "a");
  s.add("M", &Master::spares, "b");
  s.deliver<Job>("M", "client", Job{"j"}, 1);
}

/// Expected: a counterexample: a crashes at 2, before its Done goes out;
/// the master hears of it at 3 and reassigns the job, but b's Done is
/// handled only at 5.
FL_SCENARIO void tooShort(faultline::Scenario &s) {
  s.bounds(5, 0, 1);
  masterAndTwoWorkers(s);
}

/// Expected: certified: one more step is enough for the failover.
FL_SCENARIO void longEnough(faultline::Scenario &s) {
  s.bounds(6, 0, 1);
  masterAndTwoWorkers(s);
}

} // namespace failover

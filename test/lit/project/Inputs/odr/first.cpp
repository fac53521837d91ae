// Two TUs define the process odr::Counter differently: C++'s one
// definition rule is broken, and faultline cannot know which one runs.
#include "faultline/annotations.h"

namespace odr {

struct FL_MESSAGE Tick {
  int n;
};

struct FL_PROCESS Counter {
  FL_STATE int count = 0;
  FL_RECEIVE void onTick(const Tick &t) { count += t.n; }
};

FL_SCENARIO void counting(faultline::Scenario &s) {
  s.node<Counter>("c");
  s.deliver<Tick>("c", "env", Tick{1}, 1);
}

} // namespace odr

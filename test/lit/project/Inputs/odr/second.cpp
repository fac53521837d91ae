#include "faultline/annotations.h"

namespace odr {

struct FL_MESSAGE Tick {
  int n;
};

struct FL_PROCESS Counter {
  FL_STATE int count = 0;
  FL_RECEIVE void onTick(const Tick &t) { count += 2 * t.n; }
};

} // namespace odr

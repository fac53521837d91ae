//===- hidden.h - A process whose state the generated set-up cannot name --===//

#ifndef FAULTLINE_TEST_HIDDEN_H
#define FAULTLINE_TEST_HIDDEN_H

#include "faultline/annotations.h"

namespace hidden {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Bump {
  int by;
};

class FL_PROCESS Counter {
public:
  FL_SELF NodeId self;
  FL_RECEIVE void onBump(const Bump &b) { count += b.by; }

private:
  FL_STATE int count = 0;
};

} // namespace hidden

#endif // FAULTLINE_TEST_HIDDEN_H

//===- bad_send.h - A send primitive that reports success -----------------===//

#ifndef FAULTLINE_TEST_BAD_SEND_H
#define FAULTLINE_TEST_BAD_SEND_H

#include "faultline/annotations.h"

namespace bad_send {

using faultline::NodeId;

struct FL_MESSAGE Ping {
  int n;
};

FL_SEND bool send(const NodeId &to, const Ping &m);

struct FL_PROCESS Node {
  FL_SELF NodeId self;
  FL_STATE int pings = 0;
  FL_RECEIVE void onPing(const Ping &p, const NodeId &from) {
    pings = p.n;
    send(from, Ping{p.n + 1});
  }
};

} // namespace bad_send

#endif // FAULTLINE_TEST_BAD_SEND_H

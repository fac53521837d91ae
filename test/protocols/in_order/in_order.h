//===- in_order.h - A receiver that asserts in-order delivery -----*- C++ -*-===//
//
// A test protocol for asserts as properties. The sender forwards each
// numbered item it is given; the receiver asserts that items come in order,
// as production code asserts what it takes for granted. Without losses they
// do; when the first item is lost, the second arrives first and the assert
// fails. faultline reports the failing assert as a counterexample; the
// replay must confirm it against this compiled code. Its logging is as
// production code writes it, and left out of the model.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_IN_ORDER_H
#define FAULTLINE_TEST_IN_ORDER_H

#include "faultline/annotations.h"

#include <cassert>
#include <cstdio>
#include <string>

namespace in_order {

using faultline::NodeId;

/// How much to log: a global, as logging libraries keep it.
extern int verbosity;

#define IN_ORDER_LOG(...)                                                                       \
  do {                                                                                         \
    if (in_order::verbosity > 0)                                                               \
      std::fprintf(stderr, __VA_ARGS__);                                                       \
  } while (0)

template <class M> FL_SEND void send(const NodeId &to, const M &m);

/// From the client: forward item seq.
struct FL_MESSAGE Item {
  int seq;
};

/// Sender to receiver.
struct FL_MESSAGE Data {
  int seq;
};

struct FL_PROCESS Sender {
  FL_STATE NodeId peer = "b";

  FL_RECEIVE void onItem(const Item &m) {
    IN_ORDER_LOG("forwarding %d\n", m.seq);
    send(peer, Data{m.seq});
  }
};

struct FL_PROCESS Receiver {
  FL_STATE int next = 1;

  FL_RECEIVE void onData(const Data &m) {
    assert(m.seq == next);
    IN_ORDER_LOG("got %d\n", m.seq);
    next = m.seq + 1;
  }
};

} // namespace in_order

#endif

//===- timers.h - Retries, a heartbeat and a watchdog on timers -*- C++ -*-===//
//
// The protocol of the simulation test timers.test: a client sends numbered
// requests and retries each on a timer whose delay grows with the retries
// made (a computed delay), cancelled by the acknowledgement; it also pings
// the server on a timer it re-arms in the handler; the server's watchdog,
// re-armed by every ping, counts the gaps between pings. The simulator
// runs the compiled code and faultline's model under the same schedules,
// timer delays included.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_TIMERS_H
#define FAULTLINE_TEST_TIMERS_H

#include "faultline/annotations.h"

#include <set>

namespace timers {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Start {};

struct FL_MESSAGE Request {
  int seq;
};

struct FL_MESSAGE Ack {
  int seq;
};

struct FL_MESSAGE Ping {};

struct FL_PROCESS Client {
  FL_SELF NodeId self;
  FL_STATE NodeId server;
  FL_STATE int seq = 0;
  FL_STATE int acked = 0;
  FL_STATE int retries = 0;
  FL_TIMER faultline::Timer retry;
  FL_TIMER faultline::Timer ping;

  void request() {
    send(server, Request{seq});
    retry.arm(1 + retries);
  }

  FL_RECEIVE void onStart(const Start &) {
    seq = seq + 1;
    request();
  }
  FL_RECEIVE void onAck(const Ack &m) {
    if (m.seq != seq)
      return;
    acked = m.seq;
    retry.cancel();
  }
  FL_ON_TIMER(retry) void onRetry() {
    if (acked == seq)
      return;
    retries = retries + 1;
    request();
  }
  FL_ON_TIMER(ping) void onPing() {
    send(server, Ping{});
    ping.arm(2);
  }
};

struct FL_PROCESS Server {
  FL_SELF NodeId self;
  FL_STATE std::set<int> seen;
  FL_STATE int pings = 0;
  FL_STATE int gaps = 0;
  FL_TIMER faultline::Timer watchdog;

  FL_RECEIVE void onRequest(const Request &m, const NodeId &from) {
    seen.insert(m.seq);
    send(from, Ack{m.seq});
  }
  FL_RECEIVE void onPing(const Ping &) {
    pings = pings + 1;
    watchdog.arm(5);
  }
  FL_ON_TIMER(watchdog) void onWatchdog() { gaps = gaps + 1; }
};

/// The client's last request is acknowledged.
FL_INVARIANT inline bool acknowledged(const Client &c) { return c.acked == c.seq; }

/// The watchdog noticed no gap between pings.
FL_INVARIANT inline bool noGap(const Server &s) { return s.gaps == 0; }

} // namespace timers

#endif // FAULTLINE_TEST_TIMERS_H

// The sender retransmits only while RETRIES_ON is set: by retries.h, found
// on the include path, unless a no_retries.h is there to be found or
// NO_RETRY is defined (by an -imacros file, in the review test).
#include "faultline/annotations.h"
#include "retries.h"
#if __has_include("no_retries.h")
#undef RETRIES_ON
#define RETRIES_ON 0
#endif

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Start {
  int v;
};
struct FL_MESSAGE Data {
  int v;
};

struct FL_PROCESS Sender {
  FL_STATE NodeId peer = "b";
  FL_STATE int val = 0;

  FL_RECEIVE void onStart(const Start &m) {
    val = m.v;
    send(peer, Data{val});
  }
#if RETRIES_ON && !defined(NO_RETRY)
  FL_PERIODIC void retry() {
    if (val == 0)
      return;
    send(peer, Data{val});
  }
#endif
};

struct FL_PROCESS Receiver {
  FL_STATE int got = 0;

  FL_RECEIVE void onData(const Data &m) { got = m.v; }
};

FL_INVARIANT bool delivered(const Receiver &r) { return r.got == 7; }

FL_SCENARIO void retried(faultline::Scenario &s) {
  s.bounds(6, 3, 0);
  s.node<Sender>("a");
  s.node<Receiver>("b");
  s.deliver<Start>("a", "client", Start{7}, 1);
}

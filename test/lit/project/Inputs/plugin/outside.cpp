// A handler with a statement outside the modelable subset.
#include "faultline/annotations.h"

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Ping {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_RECEIVE void onPing(const Ping &p) {
    x = p.v;
    throw 1; // SILENCE
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

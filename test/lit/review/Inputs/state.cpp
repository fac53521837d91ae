// A handler that compares with a state member the scenario initializes:
// review/state-lines.test changes that initial value.
#include "faultline/annotations.h"
using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);
struct FL_MESSAGE Ping { int v; };
struct FL_PROCESS Node {
  FL_SELF NodeId self;
  FL_STATE int limit = 2;
  FL_STATE int x = 0;
  FL_RECEIVE void onPing(const Ping &p) {
    if (p.v < limit)
      x = p.v;
  }
};
FL_INVARIANT bool small(const Node &n) { return n.x < 2; }
FL_SCENARIO void one(faultline::Scenario &s) {
  s.bounds(3, 1, 0);
  s.node<Node>("a");
  s.init("a", &Node::limit, 2);
  s.deliver<Ping>("a", "c", Ping{2}, 1);
}

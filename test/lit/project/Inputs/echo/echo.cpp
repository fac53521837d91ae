// Another program in the same database: its process is also called Node
// elsewhere (odr/), its scenario has the relay's name, and its message is
// also called Stored, with other fields. None of them meets the relay's.
#include "faultline/annotations.h"

#include <set>

namespace echo {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Stored {
  int value;
  int copies;
};

struct FL_PROCESS Node {
  FL_SELF NodeId self;
  FL_STATE std::set<int> values;

  FL_RECEIVE void onStored(const Stored &s) { values.insert(s.value); }
};

FL_INVARIANT bool nonEmpty(const Node &n) { return n.values.size() <= 1; }

/// Certified: one value, stored once.
FL_SCENARIO void lost(faultline::Scenario &s) {
  s.bounds(3, 1, 0);
  s.node<Node>("n");
  s.deliver<Stored>("n", "env", Stored{1, 1}, 1);
}

} // namespace echo

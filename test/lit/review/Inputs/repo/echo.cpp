// A second program, which no commit of the test changes: its scenario's
// counterexample is still present in every review, its verdict carried.
#include "faultline/annotations.h"

#include <set>

namespace echo {

struct FL_MESSAGE Value {
  int value;
};

struct FL_PROCESS Node {
  FL_SELF faultline::NodeId self;
  FL_STATE std::set<int> values;

  FL_RECEIVE void onValue(const Value &v) { values.insert(v.value); }
};

FL_INVARIANT bool single(const Node &n) { return n.values.size() <= 1; }

/// Two values: `single` breaks without any fault.
FL_SCENARIO void twice(faultline::Scenario &s) {
  s.bounds(3, 1, 0);
  s.node<Node>("n");
  s.deliver<Value>("n", "env", Value{1}, 1);
  s.deliver<Value>("n", "env", Value{2}, 1);
}

} // namespace echo

//===- loops.cpp - Scenarios of the loops test protocol -------------------===//

#include "loops.h"

namespace loops {

/// a's log starts with terms 1, 2, 2, 3: a hint of term 2 at index 4 backs
/// off to 3, one of term 1 at index 9 (past the log) to 1; fills append and
/// copy to b.
FL_SCENARIO void backoff(faultline::Scenario &s) {
  s.bounds(7, 5, 0);
  s.node<Node>("a");
  s.node<Node>("b");
  s.add("a", &Node::log, Entry{1, 10});
  s.add("a", &Node::log, Entry{2, 20});
  s.add("a", &Node::log, Entry{2, 21});
  s.add("a", &Node::log, Entry{3, 30});
  s.deliver<Hint>("a", "c", Hint{2, 4}, 1);
  s.deliver<Fill>("a", "c", Fill{6}, 2);
  s.deliver<Hint>("a", "c", Hint{1, 9}, 4);
}

/// a copies its 10 entries to b, whose loop over them runs past the
/// default bound of 8 iterations.
FL_SCENARIO void tooLong(faultline::Scenario &s) {
  s.bounds(4, 2, 0);
  s.node<Node>("a");
  s.node<Node>("b");
  s.add("a", &Node::log, Entry{1, 100});
  s.add("a", &Node::log, Entry{1, 101});
  s.add("a", &Node::log, Entry{1, 102});
  s.add("a", &Node::log, Entry{1, 103});
  s.add("a", &Node::log, Entry{1, 104});
  s.add("a", &Node::log, Entry{1, 105});
  s.add("a", &Node::log, Entry{1, 106});
  s.add("a", &Node::log, Entry{1, 107});
  s.add("a", &Node::log, Entry{1, 108});
  s.add("a", &Node::log, Entry{1, 109});
  s.deliver<Fill>("a", "c", Fill{0}, 1);
}

} // namespace loops

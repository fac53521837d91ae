//===- vector_log.cpp - Scenarios of the vector log test protocol ---------===//

#include "vector_log.h"

namespace vlog {

/// b holds three entries; a leader's appends cut it back and extend it, a
/// trim shortens a's log, another pops from it.
FL_SCENARIO void appends(faultline::Scenario &s) {
  s.bounds(7, 6, 0);
  s.node<Replica>("a");
  s.node<Replica>("b");
  s.add("a", &Replica::log, Entry{1, 5});
  s.add("a", &Replica::log, Entry{1, 6});
  s.add("b", &Replica::log, Entry{1, 10});
  s.add("b", &Replica::log, Entry{1, 11});
  s.add("b", &Replica::log, Entry{2, 12});
  s.deliver<Append>("b", "a", Append{1, 3, 20, 21}, 1);
  s.deliver<Append>("b", "a", Append{2, 4, 30, 0}, 2);
  s.deliver<Append>("b", "a", Append{9, 4, 40, 0}, 3);
  s.deliver<Trim>("a", "b", Trim{1}, 1);
  s.deliver<Trim>("a", "b", Trim{7}, 3);
  s.deliver<Cut>("b", "a", Cut{2}, 4);
  s.deliver<Commit>("b", "a", Commit{2}, 5);
}

} // namespace vlog

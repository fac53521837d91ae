//===- values.cpp - Scenarios of the values test protocol -----------------===//

#include "values.h"

namespace values {

/// Votes in every phase at one step: the inbox orders them by value.
FL_SCENARIO void votes(faultline::Scenario &s) {
  s.bounds(5, 3, 0);
  s.node<Node>("a");
  s.node<Node>("b");
  s.deliver<Vote>("a", "x", Vote{Phase::Committed, 1}, 1);
  s.deliver<Vote>("a", "x", Vote{Phase::Idle, 4}, 1);
  s.deliver<Vote>("b", "x", Vote{Phase::Committed, 2}, 1);
}

/// The scenario adds to the initialized containers: s.add appends to the
/// vector after its initial elements, s.put replaces an initial key.
FL_SCENARIO void added(faultline::Scenario &s) {
  s.bounds(4, 2, 0);
  s.node<Node>("a");
  s.node<Node>("b");
  s.add("a", &Node::seen, 9);
  s.add("a", &Node::log, 100);
  s.put("a", &Node::weights, 1, 99);
  s.init("b", &Node::small, 255);
  s.deliver<Vote>("a", "b", Vote{Phase::Prepared, 2}, 1);
}

} // namespace values

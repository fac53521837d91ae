// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// A helper may be defined anywhere in the translation unit: after its
// caller, out of its class, as production .cpp files order them. Its
// definition's parameters are the ones its body reads.

#include "Inputs/preamble.h"

struct FL_MESSAGE Vote {
  int term;
};

int laterOf(int a, int b);

struct FL_PROCESS Node {
  FL_STATE int term = 0;

  void adopt(int newTerm);
  bool newer(int newTerm) const;

  FL_RECEIVE void onVote(const Vote &m) {
    if (newer(m.term))
      adopt(laterOf(m.term, term));
  }
};

void Node::adopt(int newTerm) { term = newTerm; }
// CHECK:      // {{.*}}helpers-defined-after.cpp:[[@LINE-1]]:33 origin: Node::onVote: term = newTerm; }
// CHECK-NEXT: node_term(Node, [[T:Term_[0-9]+]])@next :- fl_current(Node, _, "vote", From, [[T]]), fl_role(Node, "Node"), node_term(Node, [[OLD:Term_[0-9]+]]), [[T]] > [[OLD]];

bool Node::newer(int newTerm) const { return newTerm > term; }

int laterOf(int a, int b) { return a > b ? a : b; }

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Node>("a");
  s.deliver<Vote>("a", "client", Vote{2}, 1);
}

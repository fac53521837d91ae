// RUN: %faultline extract %s -v --ignore-calls '^metrics::' -- %cxxflags 2>&1 | FileCheck %s
// RUN: %faultline extract %s --ignore-calls '^metrics::' -- %cxxflags 2>&1 | FileCheck %s --check-prefix=QUIET
// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags -DUPDATES_IN_LOG 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UPDATES
// RUN: %expect-exit 2 %faultline extract %s --ignore-calls '(' -- %cxxflags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BADREGEX
//
// What production handlers carry besides their protocol logic has no
// effect on the model and is left out: static_assert, `(void)x;`, output
// (printf, std::cerr << ...), a logging macro's do { if (level) ... }
// while (0), functions marked FL_IGNORE and those --ignore-calls names.
// -v lists each, with why; without -v nothing is said. The handler's
// model is its protocol logic alone.
// QUIET-NOT: ignores
// BADREGEX: faultline: error: --ignore-calls: {{.+}}

#include "Inputs/preamble.h"

#include <cstdio>
#include <iostream>

int logLevel = 0; // not const: a logging library's setting

#define LOG_DEBUG(...)                                                                          \
  do {                                                                                         \
    if (logLevel > 1)                                                                          \
      std::fprintf(stderr, __VA_ARGS__);                                                       \
  } while (0)

namespace metrics {
void count(const char *name);
}

FL_IGNORE void trace(const char *what, int value);

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_SELF NodeId self;
  FL_STATE int last = 0;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onMsg(const Msg &m, const NodeId &from) {
    static_assert(sizeof(int) >= 4, "32-bit ints");
    // CHECK: {{.*}}ignored.cpp:[[@LINE-1]]:5: note: faultline ignores 'static_assert(sizeof(int) >= 4, "32-bit ints")' in Node::onMsg: the compiler checks it
    (void)from;
    // CHECK: {{.*}}ignored.cpp:[[@LINE-1]]:5: note: faultline ignores '(void)from' in Node::onMsg: a value cast to void
    LOG_DEBUG("msg %d from %s\n", m.v, from.c_str());
    // CHECK: {{.*}}ignored.cpp:[[@LINE-1]]:5: note: faultline ignores 'LOG_DEBUG("msg %d from %s\n", m.v, from.c_str())' in Node::onMsg: nothing in it has an effect on the model
    std::printf("last was %d\n", last);
    // CHECK: {{.*}}ignored.cpp:[[@LINE-1]]:5: note: faultline ignores 'std::printf("last was %d\n", last)' in Node::onMsg: output has no effect on the model
    std::cerr << self << " got " << m.v << std::endl;
    // CHECK: {{.*}}ignored.cpp:[[@LINE-1]]:5: note: faultline ignores 'std::cerr << self << " got " << m.v << std::endl' in Node::onMsg: output has no effect on the model
    metrics::count("messages");
    // CHECK: {{.*}}ignored.cpp:[[@LINE-1]]:5: note: faultline ignores 'metrics::count("messages")' in Node::onMsg: 'metrics::count' matches --ignore-calls
    if (m.v > last)
      trace("new maximum", m.v);
    // CHECK: {{.*}}ignored.cpp:[[@LINE-2]]:5: note: faultline ignores 'if (m.v > last) trace("new maximum", m.v)' in Node::onMsg: nothing in it has an effect on the model
    m.v == last;
    // CHECK: {{.*}}ignored.cpp:[[@LINE-1]]:5: note: faultline ignores 'm.v == last' in Node::onMsg: its value is not used
    seen.insert(m.v);
    last = m.v;
#ifdef UPDATES_IN_LOG
    // An update in the arguments would be left out with the call: reported.
    std::printf("%d\n", ++last);
    // UPDATES: {{.*}}ignored.cpp:[[@LINE-1]]:5: error: an update in the arguments of 'printf' in Node::onMsg is outside what faultline can model; its calls are left out of the model, their arguments with them; make the update a statement of its own before the call
    trace("size", seen.insert(1).second);
    // UPDATES: {{.*}}ignored.cpp:[[@LINE-1]]:5: error: an update in the arguments of 'trace' in Node::onMsg
#endif
  }
};
// The handler's rules are its two updates, nothing of the rest.
// CHECK:      origin: Node::onMsg: seen.insert(m.v);
// CHECK-NEXT: node_seen(Node, [[V:V_[0-9]+]])@next :- fl_current(Node, _, "msg", From, [[V]]), fl_role(Node, "Node");
// CHECK-NEXT: origin: Node::onMsg: last = m.v;
// CHECK-NEXT: node_last(Node, [[V]])@next :- fl_current(Node, _, "msg", From, [[V]]), fl_role(Node, "Node");

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Node>("a");
  s.deliver<Msg>("a", "client", Msg{5}, 1);
}

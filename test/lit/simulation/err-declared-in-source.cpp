// RUN: %expect-exit 2 %faultline extract --emit=simulation %s -- %cxxflags 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=describeProtocol
//
// The generated set-up is a file of its own: it includes the protocol's
// headers and cannot see a process, a message or the send primitive
// declared in the source file. (The scenario may stay here: the set-up
// declares it again.)

#include "faultline/annotations.h"

namespace inline_protocol {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);
// CHECK-DAG: err-declared-in-source.cpp:[[@LINE-1]]:33: error: the FL_SEND function 'send' is declared in the source file: the simulator's generated set-up, a file of its own, can only include it from a header; move it into one

struct FL_MESSAGE Hello {
  int n;
};
// CHECK-DAG: err-declared-in-source.cpp:[[@LINE-3]]:19: error: the message 'Hello' is declared in the source file: the simulator's generated set-up, a file of its own, can only include it from a header; move it into one

struct FL_PROCESS Node {
  FL_SELF NodeId self;
  FL_STATE int last = 0;
  FL_RECEIVE void onHello(const Hello &h) { last = h.n; }
};
// CHECK-DAG: err-declared-in-source.cpp:[[@LINE-5]]:19: error: the process 'Node' is declared in the source file: the simulator's generated set-up, a file of its own, can only include it from a header; move it into one

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

} // namespace inline_protocol

// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// A switch on an enum or an integer is its cases as guarded branches: the
// paths where the value equals a case's label run from that label on,
// falling through the labels below until a break or a return; default
// takes the values no label names (without one, they go on past the
// switch).

#include "faultline/annotations.h"

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

enum class Kind { Prepare, Commit, Abort };

struct FL_MESSAGE Cmd {
  Kind kind;
  int n;
};
struct FL_MESSAGE Note {
  int code;
};

struct FL_PROCESS Node {
  FL_STATE int phase = 0;
  FL_STATE int level = 0;

  FL_RECEIVE void onCmd(const Cmd &m, const NodeId &from) {
    switch (m.kind) {
    case Kind::Prepare:
      phase = 1;
      break;
    case Kind::Commit:
      send(from, Note{2}); // falls through to Abort's statements
    case Kind::Abort:
      phase = 3;
      break;
    }
    switch (m.n) {
    case 0:
    case 1:
      return;
    default:
      level = m.n;
    }
    send(from, Note{m.n});
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// Commit sends, then falls through into Abort's statements.
// CHECK: note(From, Node, 2)@async :- fl_current(Node, _, "cmd", From, [[K:Kind_[0-9]+]], [[N:N_[0-9]+]]), fl_role(Node, "Node"), [[K]] == 1;
// The cases of the second switch that return end the handler: the last
// send is for the other values of n only, after each way through the first.
// CHECK: note(From, Node, [[N]])@async :- {{.*}}, [[K]] == 1, [[N]] != 0, [[N]] != 1;
// CHECK: note(From, Node, [[N]])@async :- {{.*}}, [[K]] == 2, [[N]] != 0, [[N]] != 1;
// CHECK: note(From, Node, [[N]])@async :- {{.*}}, [[K]] == 0, [[N]] != 0, [[N]] != 1;
// No label of the first switch matched: the path goes on past it.
// CHECK: note(From, Node, [[N]])@async :- {{.*}}, [[K]] != 0, [[K]] != 1, [[K]] != 2, [[N]] != 0, [[N]] != 1;
// CHECK-NOT: note(
// Commit falls through to phase = 3; level is set under default only.
// CHECK: node_phase(Node, 3)@next :- {{.*}}, [[K]] == 1, [[N]] != 0, [[N]] != 1;
// CHECK: node_level(Node, [[N]])@next :- {{.*}}, [[K]] == 1, [[N]] != 0, [[N]] != 1;
// CHECK: node_phase(Node, 1)@next :- {{.*}}, [[K]] == 0, [[N]] != 0, [[N]] != 1;
// A return keeps the assignments made before it.
// CHECK: node_phase(Node, 3)@next :- {{.*}}, [[K]] == 1, [[N]] == 0;
// CHECK-NOT: node_level(Node, [[N]])@next :- {{.*}}[[N]] == 0;

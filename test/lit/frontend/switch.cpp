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
// Twelve paths leave the second switch, more than go on unjoined
// (docs/design.md, "Join points"). Those going on past it (n is neither 0
// nor 1) join in one relation carrying the message, phase with a flag (1
// where a case of the first switch assigned it) and level.
// CHECK: fl_at_node_on_cmd_cmd_1(Node, From, [[K]], [[N]], 3, [[N]], 1) :- {{.*}}, [[K]] == 1, [[N]] != 0, [[N]] != 1;
// CHECK: fl_at_node_on_cmd_cmd_1(Node, From, [[K]], [[N]], 3, [[N]], 1) :- {{.*}}, [[K]] == 2, [[N]] != 0, [[N]] != 1;
// CHECK: fl_at_node_on_cmd_cmd_1(Node, From, [[K]], [[N]], 1, [[N]], 1) :- {{.*}}, [[K]] == 0, [[N]] != 0, [[N]] != 1;
// No label of the first switch matched: the path went on past it, and
// phase keeps its value (flag 0).
// CHECK: fl_at_node_on_cmd_cmd_1(Node, From, [[K]], [[N]], [[P0:Phase_[0-9]+]], [[N]], 0) :- {{.*}}, [[K]] != 0, [[K]] != 1, [[K]] != 2, [[N]] != 0, [[N]] != 1, node_phase(Node, [[P0]]);
// The cases that return end the handler: their paths join apart, without
// level, which only default sets. Those that assigned nothing either (no
// label of the first switch matched) have nothing left to do.
// CHECK: fl_at_node_on_cmd_cmd_2(Node, From, [[K]], [[N]], 3) :- {{.*}}, [[K]] == 1, [[N]] == 0;
// CHECK: fl_at_node_on_cmd_cmd_2(Node, From, [[K]], [[N]], 1) :- {{.*}}, [[K]] == 0, [[N]] == 1;
// CHECK-NOT: fl_at_node_on_cmd_cmd_2({{.*}}[[K]] != 0
// The last send is for the other values of n only: it reads the first join.
// CHECK: note(From, Node, [[N]])@async :- fl_at_node_on_cmd_cmd_1(Node, From, [[K]], [[N]], {{[^)]*}});
// CHECK-NOT: note(
// A scalar is assigned where its flag is 1; level on every path of default.
// CHECK: node_phase(Node, [[P2:Phase_[0-9]+]])@next :- fl_at_node_on_cmd_cmd_1(Node, From, [[K]], [[N]], [[P2]], [[L:Level_[0-9]+]], [[F2:Assigned_phase_[0-9]+]]), [[F2]] == 1;
// CHECK: node_level(Node, [[L]])@next :- fl_at_node_on_cmd_cmd_1(Node, From, [[K]], [[N]], [[P2]], [[L]], [[F2]]);
// A return keeps the assignments made before it.
// CHECK: node_phase(Node, [[P3:Phase_[0-9]+]])@next :- fl_at_node_on_cmd_cmd_2(Node, From, [[K]], [[N]], [[P3]]);
// CHECK-NOT: node_level(Node, {{.*}}fl_at_node_on_cmd_cmd_2

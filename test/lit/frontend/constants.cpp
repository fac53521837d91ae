// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags -DMUTABLE 2>&1 | FileCheck %s --check-prefix=ERR
//
// Namespace-scope constants and static constant members are their values:
// integers, bools and enums folded (constexpr arithmetic included), strings
// and structs from their initializers. A global that is not constant could
// change from call to call: an error.

#include "faultline/annotations.h"

#include <string>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

enum class Mode { Slow, Fast };

namespace config {
constexpr int Replicas = 3;
constexpr int Majority = Replicas / 2 + 1;
const std::string Leader = "leader";
constexpr const char *Backup = "backup";
constexpr Mode Default = Mode::Fast;
} // namespace config

#ifdef MUTABLE
int retries = 2;
#endif

struct FL_MESSAGE Vote {
  int n;
};

struct FL_PROCESS Node {
  static constexpr int Limit = 10;
  static constexpr bool Eager = true;
  FL_STATE Mode mode = Mode::Slow;

  FL_RECEIVE void onVote(const Vote &m) {
    if (m.n >= config::Majority && m.n < Limit && Eager)
      send(config::Leader, Vote{Node::Limit});
    if (mode != config::Default)
      send(config::Backup, Vote{config::Replicas});
#ifdef MUTABLE
    send(config::Backup, Vote{retries});
    // ERR: {{.*}}constants.cpp:[[@LINE-1]]:31: error: a use of the variable 'retries', which is neither local nor constant in Node::onVote is outside what faultline can model; a value kept from call to call is node state: make it a FL_STATE member (or make the variable const or constexpr if it never changes)
    // ERR-NOT: error:
#endif
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// CHECK: vote("leader", Node, 10)@async :- fl_current(Node, _, "vote", From, [[N:N_[0-9]+]]), fl_role(Node, "Node"), [[N]] >= 2, [[N]] < 10;
// CHECK: vote("backup", Node, 3)@async :- fl_current(Node, _, "vote", From, [[N]]), fl_role(Node, "Node"), [[N]] >= 2, [[N]] < 10, node_mode(Node, [[M:Mode_[0-9]+]]), [[M]] != 1;

// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A FL_RECEIVE handler takes one message and, optionally, the sender: no
// message, a non-message, a non-scalar sender, a third parameter are
// reported at the handler's name. (A handler whose body is in no translation
// unit read is reported when the program is linked: err-periodic-no-body.cpp.)

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_RECEIVE void none() {}
  // ERR: {{.*}}err-receive-params.cpp:[[@LINE-1]]:19: error: a FL_RECEIVE handler takes a message (a FL_MESSAGE struct) and, optionally, the sender as a faultline::NodeId
  FL_RECEIVE void notMessage(int v) { x = v; }
  // ERR: {{.*}}err-receive-params.cpp:[[@LINE-1]]:19: error: a FL_RECEIVE handler takes a message (a FL_MESSAGE struct) and, optionally, the sender as a faultline::NodeId
  FL_RECEIVE void badSender(const Msg &m, const Node &n) {}
  // ERR: {{.*}}err-receive-params.cpp:[[@LINE-1]]:19: error: a FL_RECEIVE handler takes a message (a FL_MESSAGE struct) and, optionally, the sender as a faultline::NodeId
  FL_RECEIVE void three(const Msg &m, const NodeId &from, int extra) {}
  // ERR: {{.*}}err-receive-params.cpp:[[@LINE-1]]:19: error: a FL_RECEIVE handler takes a message (a FL_MESSAGE struct) and, optionally, the sender as a faultline::NodeId
  // ERR-NOT: error:
  FL_RECEIVE void elsewhere(const Msg &m);
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

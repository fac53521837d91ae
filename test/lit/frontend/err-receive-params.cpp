// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A FL_RECEIVE handler takes one message and, optionally, the sender: no
// message, a non-message, a non-scalar sender, a third parameter are
// reported at the handler's name. (A handler whose body is in no translation
// unit read is reported when the program is linked: err-periodic-no-body.cpp.)

#include "faultline/annotations.h"

#include <set>
#include <string>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_RECEIVE void none() {}
  FL_RECEIVE void notMessage(int v) { x = v; }
  FL_RECEIVE void badSender(const Msg &m, const Node &n) {}
  FL_RECEIVE void three(const Msg &m, const NodeId &from, int extra) {}
  FL_RECEIVE void elsewhere(const Msg &m);
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// ERR: {{.*}}err-receive-params.cpp:23:19: error: a FL_RECEIVE handler takes a message (a FL_MESSAGE struct) and, optionally, the sender as a faultline::NodeId
// ERR: {{.*}}err-receive-params.cpp:24:19: error: a FL_RECEIVE handler takes a message (a FL_MESSAGE struct) and, optionally, the sender as a faultline::NodeId
// ERR: {{.*}}err-receive-params.cpp:25:19: error: a FL_RECEIVE handler takes a message (a FL_MESSAGE struct) and, optionally, the sender as a faultline::NodeId
// ERR: {{.*}}err-receive-params.cpp:26:19: error: a FL_RECEIVE handler takes a message (a FL_MESSAGE struct) and, optionally, the sender as a faultline::NodeId
// ERR-NOT: error:

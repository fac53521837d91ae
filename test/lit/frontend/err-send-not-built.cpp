// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A message with a batch must be built in the send call (Message{...}),
// where the batch's rows are known: forwarding a received one whole is
// rejected (a message without a batch is forwarded as a value:
// rpc-extract.cpp), and so is sending a value that is not a FL_MESSAGE.

#include "Inputs/preamble.h"

#include <vector>

struct FL_MESSAGE Msg {
  int v;
  std::vector<int> items;
};

struct FL_PROCESS Node {
  FL_STATE NodeId next;

  FL_RECEIVE void onMsg(const Msg &m) { send(next, m); }
  // ERR: {{.*}}err-send-not-built.cpp:[[@LINE-1]]:52: error: a message with a batch that is not built in the send call in Node::onMsg is outside what faultline can model; write send(destination, Message{field, ...})
  FL_PERIODIC void tick() { send(next, 42); }
  // ERR: {{.*}}err-send-not-built.cpp:[[@LINE-1]]:40: error: sending a value that is not a FL_MESSAGE struct in Node::tick is outside what faultline can model; mark the message type with FL_MESSAGE
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// An FL_RPC handler takes the request, optionally the caller, and the
// response it fills (a non-const reference), or returns the response; both
// must be FL_MESSAGE structs, and a response with a batch is sent with the
// send primitive instead. An RPC handler and a receive handler of one
// message are two handlers of it. A receive handler written as an RPC is
// told to mark it FL_RPC. Each problem is reported at the handler's name.

#include "Inputs/preamble.h"

#include <vector>

struct FL_MESSAGE Req {
  int v;
};
struct FL_MESSAGE Resp {
  int v = 0;
};
struct FL_MESSAGE Other {
  int v;
};
struct FL_MESSAGE Entries {
  std::vector<int> items;
};
struct NotAMessage {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_RPC void constResponse(const Req &r, const Resp &out) {}
  // ERR: {{.*}}err-rpc.cpp:[[@LINE-1]]:15: error: a FL_RPC handler takes the request (a FL_MESSAGE struct), optionally the caller as a faultline::NodeId, and the response (a FL_MESSAGE struct) as a non-const reference it fills; or it returns the response
  FL_RPC void noResponse(const Req &r) { x = r.v; }
  // ERR: {{.*}}err-rpc.cpp:[[@LINE-1]]:15: error: a FL_RPC handler takes the request
  FL_RPC NotAMessage returnsOther(const Req &r) { return NotAMessage{r.v}; }
  // ERR: {{.*}}err-rpc.cpp:[[@LINE-1]]:22: error: a FL_RPC handler takes the request
  FL_RPC void badCaller(const Req &r, const Req &caller, Resp &out) {}
  // ERR: {{.*}}err-rpc.cpp:[[@LINE-1]]:15: error: a FL_RPC handler takes the request
  FL_RPC void batch(const Other &r, Entries &out) {}
  // ERR: {{.*}}err-rpc.cpp:[[@LINE-1]]:15: error: the response 'Entries' carries a batch (a std::vector field), which a FL_RPC reply cannot; send it with the send primitive instead
  FL_RPC void serve(const Req &r, Resp &out) { out.v = r.v; }
  FL_RECEIVE void alsoReq(const Req &r) { x = r.v; }
  // ERR: {{.*}}err-rpc.cpp:[[@LINE-1]]:19: error: a second handler for 'Req' in Node (FL_RECEIVE or FL_RPC)
  // ERR: {{.*}}err-rpc.cpp:[[@LINE-3]]:15: note: the first one is here
  FL_RECEIVE void looksLikeRpc(const Other &r, Resp &out) { out.v = r.v; }
  // ERR: {{.*}}err-rpc.cpp:[[@LINE-1]]:19: error: a FL_RECEIVE handler takes a message (a FL_MESSAGE struct) and, optionally, the sender as a faultline::NodeId; a handler that fills a response to the caller is marked FL_RPC
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

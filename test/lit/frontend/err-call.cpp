// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A FL_CALL takes the destination, a FL_MESSAGE request and
// a lambda written at the call that takes the response (a FL_MESSAGE
// without a batch), optionally with the responder's name. The callback runs
// after the handler has returned, so it captures `this` and values by copy:
// a reference to a local would dangle. A role whose callbacks take a
// response may not also handle that response in a receive handler. Each
// problem is reported where it is written.

#include "Inputs/preamble.h"

#include <functional>
#include <vector>

struct FL_MESSAGE Req {
  int v;
};
struct FL_MESSAGE Resp {
  int v = 0;
};
struct FL_MESSAGE Other {
  int v = 0;
};
struct FL_MESSAGE Entries {
  std::vector<int> items;
};
struct NotAMessage {
  int v;
};

FL_CALL void call(const faultline::NodeId &to, const Req &r, std::function<void(const Resp &)> done);
FL_CALL void callOther(const faultline::NodeId &to, const Req &r,
                       std::function<void(const Other &)> done);
FL_CALL void callNotAMessage(const faultline::NodeId &to, const Req &r,
                             std::function<void(const NotAMessage &)> done);
FL_CALL void callBatchReply(const faultline::NodeId &to, const Req &r,
                            std::function<void(const Entries &)> done);

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_STATE int y = 0;

  FL_RECEIVE void byReference(const Req &m) {
    int local = m.v;
    call("b", Req{1}, [this, &local](const Resp &r) { x = local + r.v; });
    // ERR: {{.*}}err-call.cpp:[[@LINE-1]]:31: error: capturing 'local' by reference in Node::byReference is outside what faultline can model; the callback runs after the handler returned: capture it by copy
  }
  FL_RECEIVE void namedCallback(const Other &m) {
    call("b", Req{m.v}, nullptr);
    // ERR: {{.*}}err-call.cpp:[[@LINE-1]]:25: error: a callback that is not a lambda written at the call in Node::namedCallback is outside what faultline can model; pass the completion as a lambda
  }
  FL_PERIODIC void notAMessage() {
    callNotAMessage("b", Req{1}, [this](const NotAMessage &r) { x = r.v; });
    // ERR: {{.*}}err-call.cpp:[[@LINE-1]]:34: error: a callback that does not take a FL_MESSAGE response in Node::notAMessage is outside what faultline can model
  }
  FL_PERIODIC void batchReply() {
    callBatchReply("b", Req{1}, [this](const Entries &r) { x = r.items.size(); });
    // ERR: {{.*}}err-call.cpp:[[@LINE-1]]:33: error: a response with a batch in Node::batchReply is outside what faultline can model
  }
  FL_PERIODIC void handledTwice() {
    callOther("b", Req{1}, [this](const Other &r) { y = r.v; });
    // ERR: {{.*}}err-call.cpp:[[@LINE-1]]:28: error: a callback of 'other' in a role that also handles it with namedCallback(): a response goes either to the callback of the call it answers or to a receive handler; answer these calls with another message type
  }
};

FL_SCENARIO void s(faultline::Scenario &sc) {
  sc.bounds(3, 1, 0);
  sc.node<Node>("a");
}

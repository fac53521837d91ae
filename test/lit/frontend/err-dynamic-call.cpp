// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A helper is inlined with the body faultline sees. A virtual function may
// be overridden (its base body is often empty), and an object reached
// through a pointer or a reference member lives elsewhere and may be of a
// derived class: inlining would model the wrong code (a persist that does
// nothing), so such calls are rejected in handlers, helpers and invariants.

#include "Inputs/preamble.h"

struct FL_MESSAGE Write {
  int v;
};

struct FL_MESSAGE Read {
  int v;
};

struct Disk {
  virtual ~Disk() = default;
  virtual void persist(int) {}
  int used() const { return 0; }
};

struct Log {
  void append(int) {}
  bool full() const { return false; }
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  Disk *disk = nullptr;
  Log &log;

  FL_RECEIVE void onWrite(const Write &m) {
    disk->persist(m.v);
    // ERR: {{.*}}err-dynamic-call.cpp:[[@LINE-1]]:5: error: a call of the virtual function 'Disk::persist' in Node::onWrite is outside what faultline can model; faultline cannot tell which code runs; define a non-virtual function in the header, or write its effect in the handler
    x = disk->used();
    // ERR: {{.*}}err-dynamic-call.cpp:[[@LINE-1]]:9: error: a call to 'Disk::used' through a pointer in Node::onWrite is outside what faultline can model
    log.append(m.v);
    // ERR: {{.*}}err-dynamic-call.cpp:[[@LINE-1]]:5: error: a call to 'Log::append' through the reference member 'log' in Node::onWrite is outside what faultline can model
    x = (*disk).used();
    // ERR: {{.*}}err-dynamic-call.cpp:[[@LINE-1]]:9: error: a call to 'Disk::used' through a pointer in Node::onWrite is outside what faultline can model
    record(m.v);
    // ERR: {{.*}}err-dynamic-call.cpp:[[@LINE-1]]:5: error: a call of the virtual function 'Node::record' in Node::onWrite is outside what faultline can model
    // ERR-NOT: error:
  }

  FL_RECEIVE void onRead(const Read &m) { store(m.v); }

  void store(int v) {
    x = v;
    disk->persist(v);
    // ERR: {{.*}}err-dynamic-call.cpp:[[@LINE-1]]:5: error: a call of the virtual function 'Disk::persist' in Node::onRead is outside what faultline can model
    // ERR-NOT: error:
  }

  virtual void record(int v) { x = v; }
};

FL_INVARIANT inline bool roomy(const Node &n) { return !n.log.full() && n.disk->used() < 10; }
// ERR: {{.*}}err-dynamic-call.cpp:[[@LINE-1]]:57: error: a call to 'Log::full' through the reference member 'log' is outside what faultline can model

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// ERR-NOT: error:

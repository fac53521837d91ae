// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s
//
// Every problem of a file is reported, as many as there are: faultline
// lifts clang's limit of 20 errors (-ferror-limit=0, before the database's
// own flags). Here 3 handlers have 8 problems each.
// CHECK-NOT: too many errors

#include "Inputs/preamble.h"

void audit(int v);
struct FL_MESSAGE M0 {
  int v;
};
struct FL_MESSAGE M1 {
  int v;
};
struct FL_MESSAGE M2 {
  int v;
};
struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_RECEIVE void on0(const M0 &m) {
    audit(0);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on0
    audit(1);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on0
    audit(2);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on0
    audit(3);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on0
    audit(4);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on0
    audit(5);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on0
    audit(6);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on0
    audit(7);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on0
  }
  FL_RECEIVE void on1(const M1 &m) {
    audit(8);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on1
    audit(9);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on1
    audit(10);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on1
    audit(11);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on1
    audit(12);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on1
    audit(13);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on1
    audit(14);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on1
    audit(15);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on1
  }
  FL_RECEIVE void on2(const M2 &m) {
    audit(16);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on2
    audit(17);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on2
    audit(18);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on2
    audit(19);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on2
    audit(20);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on2
    audit(21);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on2
    audit(22);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on2
    audit(23);
    // CHECK: {{.*}}err-error-limit.cpp:[[@LINE-1]]:5: error: a call to 'audit' in Node::on2
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
// CHECK-NOT: error:

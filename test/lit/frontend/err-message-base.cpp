// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A message with a base class is an error at its declaration: the base's
// fields would travel with the message in C++ but not in the model.

#include "Inputs/preamble.h"

struct Header {
  int term;
};

struct FL_MESSAGE Vote : Header {
  // ERR: {{.*}}err-message-base.cpp:[[@LINE-1]]:19: error: a message with a base class is outside what faultline can model; a FL_MESSAGE is a plain struct of its fields; copy the fields the protocol reads into one
  int granted;
};

struct FL_PROCESS Node {
  FL_STATE int votes = 0;
  FL_RECEIVE void onVote(const Vote &m) { votes = votes + m.granted; }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// FL_TIMER marks a faultline::Timer data member with one FL_ON_TIMER
// handler, a member function without parameters naming the timer.

#include "Inputs/preamble.h"

struct FL_PROCESS Node {
  FL_TIMER int deadline = 0;
  // ERR: {{.*}}err-timer-marks.cpp:[[@LINE-1]]:16: error: FL_TIMER must mark a faultline::Timer member, not 'int'; the model keeps the timer's deadline, the code arms and cancels it
  FL_TIMER faultline::Timer retry;
  FL_STATE int x = 0;

  FL_ON_TIMER(retry) void onRetry(int attempt) { x = attempt; }
  // ERR: {{.*}}err-timer-marks.cpp:[[@LINE-1]]:27: error: a FL_ON_TIMER handler takes no parameters
  FL_ON_TIMER(retry) void onRetry2() { x = 1; }
  FL_ON_TIMER(retry) void onRetry3() { x = 2; }
  // ERR: {{.*}}err-timer-marks.cpp:[[@LINE-1]]:27: error: a second FL_ON_TIMER handler for 'retry' in Node
  // ERR: {{.*}}err-timer-marks.cpp:[[@LINE-3]]:27: note: the first one is here
  FL_ON_TIMER(deadline) void onDeadline() {}
  // ERR: {{.*}}err-timer-marks.cpp:[[@LINE-1]]:30: error: FL_ON_TIMER(deadline): Node has no FL_TIMER member named 'deadline'
  FL_TIMER faultline::Timer orphan;
  // ERR: {{.*}}err-timer-marks.cpp:[[@LINE-1]]:29: error: FL_TIMER 'orphan' has no handler; mark the method that handles its firing FL_ON_TIMER(orphan)
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

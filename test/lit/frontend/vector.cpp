// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// A std::vector state member is rel(Node, Index, Value): push_back adds at
// index size() (0 when empty), v[i] = x assigns an index, v[i] and at(i)
// read one, clear removes every index, loops join on the elements, and a
// scenario's s.add numbers the elements in order. static_cast between
// integer types keeps the value.

#include "faultline/annotations.h"
#include <set>
#include <vector>
using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);
struct FL_MESSAGE Append { int v; };
struct FL_MESSAGE Fix { int index; int v; };
struct FL_MESSAGE Reset { int unused; };
struct FL_PROCESS Log {
  FL_STATE std::set<NodeId> peers;
  FL_STATE std::vector<int> entries;
  FL_STATE int last = 0;
  FL_RECEIVE void onAppend(const Append &a) {
    entries.push_back(a.v);
    // CHECK: log_entries(N, K, V)@next :- log_entries(N, K, V), notin fl_log_entries_del(N, K);
    // CHECK: fl_log_entries_size(N, count<E>) :- log_entries(N, E, V);
    // CHECK: log_entries(Node, 0, [[V:V_[0-9]+]])@next :- fl_current(Node, _, "append", From, [[V]], _), fl_role(Node, "Log"), notin log_entries(Node, _, _);
    // CHECK-NEXT: // {{.*}}vector.cpp:[[@LINE-4]]:5 origin: Log::onAppend: entries.push_back(a.v);
    // CHECK-NEXT: log_entries(Node, [[S:EntriesSize_[0-9]+]], [[V]])@next :- fl_current(Node, _, "append", From, [[V]], _), fl_role(Node, "Log"), log_entries(Node, _, _), fl_log_entries_size(Node, [[S]]);
    for (const NodeId &p : peers) send(p, Append{a.v});
  }
  FL_RECEIVE void onFix(const Fix &f) {
    if (f.index < static_cast<int>(entries.size()))
      entries[f.index] = f.v;
  }
  FL_RECEIVE void onReset(const Reset &) {
    if (!entries.empty())
      last = entries[0];
    entries.clear();
  }
};
FL_INVARIANT bool prefix(const Log &a, const Log &b) {
  for (int x : a.entries)
    if (x < 0) return false;
  return true;
}
FL_SCENARIO void two(faultline::Scenario &s) {
  s.bounds(4, 2, 0);
  s.node<Log>("a"); s.node<Log>("b");
  s.add("a", &Log::peers, "b");
  s.add("a", &Log::entries, 7);
  s.add("a", &Log::entries, 8);
  s.deliver<Append>("a", "c", Append{5}, 1);
}

// A negative index would be a huge size_type in C++: the run stops there.
// CHECK: fl_error(Node, "a negative value converted to 'unsigned long', where the compiled code's 'unsigned long' wraps around {{.*}}", [[I0:Index_[0-9]+]]) :- fl_current(Node, _, "fix", {{.*}}, [[I0]] < 0;
// CHECK: log_entries(Node, [[I:Index_[0-9]+]], [[X:V_[0-9]+]])@next :- fl_current(Node, _, "fix", From, [[I]], [[X]]), fl_role(Node, "Log"), log_entries(Node, _, _), fl_log_entries_size(Node, [[S2:EntriesSize_[0-9]+]]), [[I]] < [[S2]], [[I]] >= 0;
// CHECK: fl_log_entries_del(Node, [[J:Index_[0-9]+]]) :- fl_current(Node, _, "reset", {{.*}}, log_entries(Node, [[J]], _);
// CHECK: log_last(Node, [[E:EntriesAt_[0-9]+]])@next :- fl_current(Node, _, "reset", From, {{.*}}, log_entries(Node, 0, [[E]]);
// CHECK: pre("prefix", 1, [[A:A_[0-9]+]], [[B:B_[0-9]+]], [[Y:X_[0-9]+]]) :- {{.*}}, log_entries([[A]], {{Index_[0-9]+}}, [[Y]]);
// CHECK: log_entries("a", 0, 7)@1;
// CHECK: log_entries("a", 1, 8)@1;

// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// if/else: each path through the handler becomes its own rules, with the
// condition in the then-path's body and its negation in the else-path's.
// Both paths go on to the statements after the if.

#include "faultline/annotations.h"

struct FL_MESSAGE Offer {
  int price;
};

struct FL_PROCESS Buyer {
  FL_STATE int limit = 10;
  FL_STATE int bought = 0;
  FL_STATE int seen = 0;

  FL_RECEIVE void onOffer(const Offer &m) {
    if (m.price <= limit)
      bought = m.price;
      // The then-path: price <= limit.
      // CHECK:      // {{.*}}if-else.cpp:[[@LINE-2]]:7 origin: Buyer::onOffer: bought = m.price;
      // CHECK-NEXT: buyer_bought(Node, [[P:Price_[0-9]+]])@next :- fl_current(Node, _, "offer", From, [[P]]), fl_role(Node, "Buyer"), buyer_limit(Node, [[L:Limit_[0-9]+]]), [[P]] <= [[L]];
      // CHECK-NEXT: // {{.*}}if-else.cpp:[[@LINE-4]]:7 origin: Buyer::onOffer: bought = m.price;
      // CHECK-NEXT: fl_buyer_bought_set(Node) :- fl_current(Node, _, "offer", From, [[P]]), fl_role(Node, "Buyer"), buyer_limit(Node, [[L]]), [[P]] <= [[L]];
    else
      bought = 0;
    seen = 1;
    // CHECK-NEXT: // {{.*}}if-else.cpp:[[@LINE-1]]:5 origin: Buyer::onOffer: seen = 1;
    // CHECK-NEXT: buyer_seen(Node, 1)@next :- fl_current(Node, _, "offer", From, [[P]]), fl_role(Node, "Buyer"), buyer_limit(Node, [[L]]), [[P]] <= [[L]];
    // CHECK-NEXT: // {{.*}}if-else.cpp:[[@LINE-3]]:5 origin: Buyer::onOffer: seen = 1;
    // CHECK-NEXT: fl_buyer_seen_set(Node) :- fl_current(Node, _, "offer", From, [[P]]), fl_role(Node, "Buyer"), buyer_limit(Node, [[L]]), [[P]] <= [[L]];
    // The else-path: the negated comparison, price > limit.
    // CHECK-NEXT: // {{.*}}if-else.cpp:[[@LINE-7]]:7 origin: Buyer::onOffer: bought = 0;
    // CHECK-NEXT: buyer_bought(Node, 0)@next :- fl_current(Node, _, "offer", From, [[P]]), fl_role(Node, "Buyer"), buyer_limit(Node, [[L2:Limit_[0-9]+]]), [[P]] > [[L2]];
    // CHECK-NEXT: // {{.*}}if-else.cpp:[[@LINE-9]]:7 origin: Buyer::onOffer: bought = 0;
    // CHECK-NEXT: fl_buyer_bought_set(Node) :- fl_current(Node, _, "offer", From, [[P]]), fl_role(Node, "Buyer"), buyer_limit(Node, [[L2]]), [[P]] > [[L2]];
    // CHECK-NEXT: // {{.*}}if-else.cpp:[[@LINE-10]]:5 origin: Buyer::onOffer: seen = 1;
    // CHECK-NEXT: buyer_seen(Node, 1)@next :- fl_current(Node, _, "offer", From, [[P]]), fl_role(Node, "Buyer"), buyer_limit(Node, [[L2]]), [[P]] > [[L2]];
    // CHECK-NEXT: // {{.*}}if-else.cpp:[[@LINE-12]]:5 origin: Buyer::onOffer: seen = 1;
    // CHECK-NEXT: fl_buyer_seen_set(Node) :- fl_current(Node, _, "offer", From, [[P]]), fl_role(Node, "Buyer"), buyer_limit(Node, [[L2]]), [[P]] > [[L2]];
    // CHECK-NEXT: // <no location> origin: each node's clock
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Buyer>("b"); }

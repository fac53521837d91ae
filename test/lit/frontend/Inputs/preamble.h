// The start every frontend test would otherwise repeat: the annotations,
// the containers state uses, the node identifier and the send primitive
// (declared only: the frontend lowers calls to it, nothing runs it).
// lit does not read Inputs/ for tests (lit.cfg.py excludes it).
#ifndef FAULTLINE_TEST_LIT_FRONTEND_PREAMBLE_H
#define FAULTLINE_TEST_LIT_FRONTEND_PREAMBLE_H

#include "faultline/annotations.h"

#include <set>
#include <string>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

#endif

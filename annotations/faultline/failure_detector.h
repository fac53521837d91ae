//===- faultline/failure_detector.h - A perfect failure detector -*- C++ -*-===//
//
// Protocols that react to crashes (a master that removes a crashed replica
// from the in-sync set and promotes another) receive this message from the
// environment. faultline's model delivers it to every node whose process has
// a FL_RECEIVE handler for it, from the node itself, one step after another
// node crashes: a perfect failure detector with a delay of one step. See
// docs/annotations.md.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_FAILURE_DETECTOR_H
#define FAULTLINE_FAILURE_DETECTOR_H

#include "faultline/annotations.h"

namespace faultline {

/// `node` has crashed.
struct FL_MESSAGE NodeCrashed {
  NodeId node;
};

} // namespace faultline

#endif // FAULTLINE_FAILURE_DETECTOR_H

//===- client.h - The client and messages every version shares --*- C++ -*-===//
//
// The replication case study (docs/case-study.md) grows a primary/backup
// protocol in five versions. What does not change between them lives here:
// the client, which sends each write to the node it believes is the primary
// and records the writes the primary acknowledged, and the messages it
// exchanges.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_REPLICATION_CLIENT_H
#define FAULTLINE_EXAMPLES_REPLICATION_CLIENT_H

#include "faultline/annotations.h"

#include <map>
#include <string>

namespace replication {

using faultline::NodeId;

/// The project's send primitive (defined in each version's transport.cpp).
template <class M> FL_SEND void send(const NodeId &to, const M &m);

/// From the application to the client: write `value`.
struct FL_MESSAGE Submit {
  std::string value;
};

/// Client to primary.
struct FL_MESSAGE Write {
  std::string value;
};

/// Primary to client: `value` is durable at position `seq` of the history.
struct FL_MESSAGE WriteAck {
  int seq;
  std::string value;
};

/// Master to client and replicas: `node` is the primary from term `term` on.
struct FL_MESSAGE NewPrimary {
  NodeId node;
  int term;
};

struct FL_PROCESS Client {
  FL_SELF NodeId self;
  FL_STATE NodeId primary;
  /// The acknowledged writes, by position in the history.
  FL_STATE std::map<int, std::string> acked;

  FL_RECEIVE void onSubmit(const Submit &m) { send(primary, Write{m.value}); }
  FL_RECEIVE void onWriteAck(const WriteAck &m) { acked[m.seq] = m.value; }
  FL_RECEIVE void onNewPrimary(const NewPrimary &m) { primary = m.node; }
};

} // namespace replication

#endif // FAULTLINE_EXAMPLES_REPLICATION_CLIENT_H

//===- replication_test.h - Every version, without faults -------*- C++ -*-===//
//
// Each version's unit tests (vN/replication_test.cpp) run its scenarios in
// faultline's simulator. Without faults, every version is a working
// primary/backup protocol: the client's writes are acknowledged in order,
// and every replica holds them at the positions the client was told.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_REPLICATION_TEST_H
#define FAULTLINE_EXAMPLES_REPLICATION_TEST_H

#include "client.h"

#include "faultline/simulator.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace replication {

/// The writes the client had acknowledged at EOT, in the order of their
/// positions.
inline std::vector<std::string> ackedWrites(const faultline::sim::Outcome &Out) {
  std::vector<std::string> Values;
  for (const auto &[Seq, Value] : Out.node<Client>("C").acked) {
    EXPECT_EQ(Seq, static_cast<int>(Values.size()));
    Values.push_back(Value);
  }
  return Values;
}

/// What a replica's log holds, by position, whatever a log entry is.
template <class Replica, class ValueOf>
std::map<int, std::string> logOf(const faultline::sim::Outcome &Out, const NodeId &Node,
                                 ValueOf Value) {
  std::map<int, std::string> Log;
  for (const auto &[Seq, Entry] : Out.node<Replica>(Node).log)
    Log[Seq] = Value(Entry);
  return Log;
}

} // namespace replication

#endif // FAULTLINE_EXAMPLES_REPLICATION_TEST_H

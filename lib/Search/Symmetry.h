//===- Symmetry.h - Node permutations that fix the program ------*- C++ -*-===//
//
// Private to the search library.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_SEARCH_SYMMETRY_H
#define FAULTLINE_LIB_SEARCH_SYMMETRY_H

#include "faultline/Eval/Scenario.h"
#include "faultline/IR/AST.h"
#include "faultline/Lineage/Lineage.h"

#include <map>
#include <string>
#include <vector>

namespace faultline::search {

using NodeRenaming = std::map<std::string, std::string>;

/// The permutations of B's nodes, other than the identity, that map P's
/// facts onto themselves and fix every node P's rules name; none when P
/// might tell nodes apart by ordering their names (G's run shows whether a
/// comparison ordered strings), or without a grounding.
std::vector<NodeRenaming> nodeSymmetries(const ir::Program &P, const Bounds &B,
                                         const lineage::Grounding *G);

/// F with its nodes renamed.
FaultSet rename(const FaultSet &F, const NodeRenaming &R);

} // namespace faultline::search

#endif // FAULTLINE_LIB_SEARCH_SYMMETRY_H

//===- TestModel.h - A Dedalus program parsed from text, for unit tests ---===//

#ifndef FAULTLINE_TEST_UNIT_TESTMODEL_H
#define FAULTLINE_TEST_UNIT_TESTMODEL_H

#include "faultline/Eval/Evaluator.h"
#include "faultline/IR/Parser.h"
#include "faultline/IR/Validate.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

namespace faultline::test {

/// A program parsed and checked from text, with an evaluator over it;
/// diagnostics collect in ErrText.
class Model {
public:
  explicit Model(const std::string &Text) : Errs(ErrText), Diags(Errs) {
    Diags.setProgram(&Prog);
    unsigned File = Prog.addFile("test.ded");
    Diags.addSourceText(File, Text);
    std::vector<ir::IncludeDirective> Includes;
    bool Ok = ir::parseBuffer(Text, File, Prog, Includes, Diags) &&
              ir::validateProgram(Prog, Diags);
    EXPECT_TRUE(Ok) << ErrText;
    Ev = std::make_unique<eval::Evaluator>(Prog, ir::stratify(Prog, Diags));
  }

  std::unique_ptr<eval::Run> run(Bounds B, FaultSet F = {},
                                 eval::EvalOptions O = {}) {
    F.normalize();
    return Ev->run(B, F, Diags, O);
  }

  /// The tuples of Rel at time T, rendered, as a set.
  std::set<std::string> table(const eval::Run &R, const std::string &Rel, int T) {
    std::set<std::string> Out;
    if (auto Id = R.relation(Rel))
      for (eval::TupleId Tup : R.table(*Id, T))
        Out.insert(Ev->symbols().render(R.Tuples[Tup].Values));
    return Out;
  }

  std::string ErrText;
  llvm::raw_string_ostream Errs;
  ir::DiagnosticEngine Diags;
  ir::Program Prog;
  std::unique_ptr<eval::Evaluator> Ev;
};

inline Bounds bounds(int EOT, int EFF, std::vector<std::string> Nodes, int Crashes = 0) {
  Bounds B;
  B.EOT = EOT;
  B.EFF = EFF;
  B.Nodes = std::move(Nodes);
  B.MaxCrashes = Crashes;
  return B;
}

/// A send-once broadcast from a to b and c, with agreement as invariant.
inline const char *SendOnceBroadcast = R"(
node(N, M)@next :- node(N, M);
log(N, P)@next :- log(N, P);
log(M, P)@async :- bcast(N, P), node(N, M);
log(N, P) :- bcast(N, P);
node("a", "b")@1; node("a", "c")@1;
bcast("a", "x")@1;
pre(M, P) :- log(N, P), node(N, M);
post(N, P) :- log(N, P);
)";

} // namespace faultline::test

#endif // FAULTLINE_TEST_UNIT_TESTMODEL_H

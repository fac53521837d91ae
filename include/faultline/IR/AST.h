//===- faultline/IR/AST.h - The Dedalus rule IR -----------------*- C++ -*-===//
//
// The rule IR is Molly's Dedalus: a program is a list of rules and timed
// facts over relations whose first column is a node name. Every element keeps
// the source location it came from (a .ded file, or the C++ the frontend
// lowered), so that later stages can explain their findings in the user's
// terms.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_IR_AST_H
#define FAULTLINE_IR_AST_H

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace faultline::ir {

/// A position in an input file. FileID indexes Program::Files; Line and Col
/// are 1-based. A default SourceLoc means "no location" (generated code).
struct SourceLoc {
  unsigned FileID = 0;
  unsigned Line = 0;
  unsigned Col = 0;
  bool isValid() const { return Line != 0; }
};

/// A column of a predicate, or an operand of a comparison.
struct Term {
  enum class Kind {
    Variable,  ///< Upper-case name (or `_Name`); Text is the name.
    Wildcard,  ///< `_`.
    Integer,   ///< Int holds the value.
    String,    ///< "quoted"; Text is the contents.
    Symbol,    ///< Bare lower-case identifier, a string constant in Molly.
    Arith,     ///< Args[0] Op Args[1], with Op one of + - * / %.
    Aggregate, ///< Text is count/min/max/sum, Args[0] the aggregated variable.
  };

  Kind K = Kind::Wildcard;
  std::string Text;
  int64_t Int = 0;
  char Op = 0;
  std::vector<Term> Args;
  SourceLoc Loc;

  static Term variable(std::string Name, SourceLoc L = {});
  static Term wildcard(SourceLoc L = {});
  static Term integer(int64_t V, SourceLoc L = {});
  static Term string(std::string S, SourceLoc L = {});
  static Term symbol(std::string S, SourceLoc L = {});
  static Term arith(char Op, Term LHS, Term RHS, SourceLoc L = {});
  static Term aggregate(std::string Fn, Term Var, SourceLoc L = {});

  bool isConstant() const {
    return K == Kind::Integer || K == Kind::String || K == Kind::Symbol;
  }
  /// Appends the names of the variables in this term (not `_`) to Out.
  void collectVariables(std::vector<std::string> &Out) const;
};

bool operator==(const Term &A, const Term &B);
inline bool operator!=(const Term &A, const Term &B) { return !(A == B); }

/// A predicate use: `rel(args)`, possibly `notin`, possibly read at a fixed
/// time (`@N`, body only).
struct Atom {
  std::string Relation;
  std::vector<Term> Args;
  bool Negated = false;
  std::optional<int64_t> AtTime;
  SourceLoc Loc;
};

bool operator==(const Atom &A, const Atom &B);

enum class CmpOp { EQ, NE, LT, LE, GT, GE };
const char *spelling(CmpOp Op);

struct Comparison {
  CmpOp Op = CmpOp::EQ;
  Term LHS, RHS;
  SourceLoc Loc;
};

bool operator==(const Comparison &A, const Comparison &B);

using BodyElem = std::variant<Atom, Comparison>;

/// When a rule's head holds, relative to the time its body holds.
enum class HeadTime {
  Now,   ///< No suffix: same time, same node (deductive).
  Next,  ///< `@next`: time t+1, same node (inductive).
  Async, ///< `@async`: a message to the node in the head's first column.
};

struct Rule {
  Atom Head;
  HeadTime Time = HeadTime::Now;
  std::vector<BodyElem> Body;
  SourceLoc Loc;
  SourceLoc EndLoc;
  /// Free text the producer attaches (the frontend: the C++ it lowered).
  /// Printed as a comment; not part of the program's meaning.
  std::string Origin;

  /// The first body predicate's first column: where the rule runs.
  const Term *locationTerm() const;
  bool hasAggregate() const;
  /// Whether the head's one aggregate is min<> or max<>: its value is one
  /// of the values the group ranges over (a selection), unlike count<> and
  /// sum<>.
  bool isSelection() const;
};

bool operator==(const Rule &A, const Rule &B);

/// `rel(constants)@N;` holds at time N only.
struct Fact {
  Atom Head;
  int64_t Time = 1;
  SourceLoc Loc;
};

bool operator==(const Fact &A, const Fact &B);

/// `durable rel, ...;` or `ghost rel, ...;`: what a relation keeps when its
/// node restarts. A durable relation's `@next` carry-over survives the
/// restart (the node persisted it); a ghost relation is durable too and is
/// history the invariants read, which no crash erases (docs/ir-reference.md,
/// "Restarts").
struct Declaration {
  enum class Kind { Durable, Ghost };
  Kind K = Kind::Durable;
  std::string Relation;
  SourceLoc Loc;
};

bool operator==(const Declaration &A, const Declaration &B);
const char *spelling(Declaration::Kind K);

/// `timer election/1;`: a timer per node that the program arms by deriving
/// `arm_election(Node, Delay)`, disarms by deriving `cancel_election(Node)`,
/// and that holds as `election(Node)` at the step it fires; when, within
/// the bounds, is the failure scenario's choice (docs/ir-reference.md).
struct TimerDecl {
  std::string Name;
  int64_t Arity = 1;
  SourceLoc Loc;
  std::string armRelation() const { return "arm_" + Name; }
  std::string cancelRelation() const { return "cancel_" + Name; }
};

bool operator==(const TimerDecl &A, const TimerDecl &B);

struct Program {
  std::vector<Rule> Rules;
  std::vector<Fact> Facts;
  std::vector<Declaration> Declarations;
  std::vector<TimerDecl> Timers;
  /// The declaration of the timer named Name, if any.
  const TimerDecl *timer(const std::string &Name) const {
    for (const TimerDecl &T : Timers)
      if (T.Name == Name)
        return &T;
    return nullptr;
  }
  /// Every file the program was read from, in load order; SourceLoc::FileID
  /// indexes this. Entry 0 is reserved for "no file".
  std::vector<std::string> Files{std::string()};

  unsigned addFile(std::string Path);
  /// Whether Relation survives a restart of its node: declared durable or
  /// ghost, or frontend machinery that does (ir::survivesRestart).
  bool durable(const std::string &Relation) const;
  std::string fileName(SourceLoc L) const {
    return L.FileID < Files.size() ? Files[L.FileID] : std::string();
  }
};

/// Structural equality, ignoring source locations and origins: what a
/// print/parse round trip must preserve.
bool sameProgram(const Program &A, const Program &B);

} // namespace faultline::ir

#endif // FAULTLINE_IR_AST_H

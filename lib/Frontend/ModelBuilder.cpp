//===- ModelBuilder.cpp - Assembling one scenario's program --------------===//

#include "ModelBuilder.h"

#include "faultline/IR/Printer.h"

#include <algorithm>

namespace faultline::frontend {

using ir::Atom;
using ir::BodyElem;
using ir::Rule;
using ir::Term;

void ModelBuilder::addRule(ir::Rule R) {
  if (!Seen.insert(ir::printRule(R) + " @" + std::to_string(R.Loc.FileID) + ":" +
                   std::to_string(R.Loc.Line))
           .second)
    return;
  Model.Rules.Rules.push_back(std::move(R));
}

void ModelBuilder::addMessage(const std::string &Relation, unsigned Columns) {
  MessageFields[Relation] = Columns;
  InboxWidth = std::max(InboxWidth, size_t(Columns));
}

void ModelBuilder::addTimer(const ir::TimerDecl &T) {
  if (Model.Rules.timer(T.Name))
    return;
  Model.Rules.Timers.push_back(T);
  Timers.push_back(T.Name);
}

const char *const ModelBuilder::TimerResetRelation = "fl_timer_reset";

void ModelBuilder::addTimerEvents(const std::vector<Term> &Padding) {
  // A firing is an event of the node's step, as a message is, from the node
  // itself and without fields: the one-event-per-step inbox picks between
  // it and the messages, and it waits while others go first.
  for (const std::string &Name : Timers) {
    std::vector<Term> Inbox{var("N"), var("T"), Term::string(Name), var("N")};
    Inbox.insert(Inbox.end(), Padding.begin(), Padding.end());
    addRule(rule(atom(InboxRelation, Inbox), ir::HeadTime::Now,
                 {atom(Name, {var("N")}), atom(ClockRelation, {var("N"), var("T")})},
                 "timer '" + Name + "' fires: an event of its node's inbox"));
    // A firing that waits behind other events is dropped when the node
    // arms or cancels the timer again before handling it: after cancel()
    // the handler does not run, and a re-arm sets a new deadline.
    ir::TimerDecl T;
    T.Name = Name;
    addRule(rule(atom(TimerResetRelation, {var("N"), Term::string(Name)}), ir::HeadTime::Now,
                 {atom(T.armRelation(), {var("N"), Term::wildcard()})},
                 "arming '" + Name + "' drops a firing not yet handled"));
    addRule(rule(atom(TimerResetRelation, {var("N"), Term::string(Name)}), ir::HeadTime::Now,
                 {atom(T.cancelRelation(), {var("N")})},
                 "cancelling '" + Name + "' drops a firing not yet handled"));
  }
}

void ModelBuilder::addInvariant(InvariantCase C) { Invariants.push_back(std::move(C)); }

void ModelBuilder::addHandler(const std::string &Message, Declaration D) {
  for (const auto &[Msg, Known] : Model.Handlers)
    if (Msg == Message && Known.Name == D.Name)
      return;
  Model.Handlers.push_back({Message, std::move(D)});
}

void ModelBuilder::addInvariantDeclaration(Declaration D) {
  for (const Declaration &Known : Model.Invariants)
    if (Known.Name == D.Name)
      return;
  Model.Invariants.push_back(std::move(D));
}

void ModelBuilder::addInbox() {
  // Columns: node, arrival time, kind, sender, then the message's fields
  // padded with 0 to the widest message.
  auto Columns = [&](const std::string &Prefix) {
    std::vector<Term> Cols{var("N"), var("T"), var("K"), var("F")};
    for (size_t I = 0; I < InboxWidth; ++I)
      Cols.push_back(var(Prefix + std::to_string(I + 1)));
    return Cols;
  };
  for (const auto &[Relation, Fields] : MessageFields) {
    std::vector<Term> Msg{var("N"), var("F")};
    std::vector<Term> Inbox{var("N"), var("T"), Term::string(Relation), var("F")};
    for (size_t I = 0; I < InboxWidth; ++I) {
      if (I < Fields) {
        Msg.push_back(var("A" + std::to_string(I + 1)));
        Inbox.push_back(var("A" + std::to_string(I + 1)));
      } else {
        Inbox.push_back(Term::integer(0));
      }
    }
    addRule(rule(atom(InboxRelation, Inbox), ir::HeadTime::Now,
                 {atom(Relation, Msg), atom(ClockRelation, {var("N"), var("T")})},
                 "a '" + Relation + "' message enters the inbox"));
  }
  addTimerEvents(std::vector<Term>(InboxWidth, Term::integer(0)));
  std::vector<BodyElem> Waits{atom(InboxRelation, Columns("A")),
                              atom(CurrentRelation, Columns("A"), true)};
  if (!Timers.empty())
    Waits.push_back(atom(TimerResetRelation, {var("N"), var("K")}, true));
  addRule(rule(atom(InboxRelation, Columns("A")), ir::HeadTime::Next, std::move(Waits),
               "unhandled messages wait"));
  // One message per node per step: the oldest, then by kind, sender and
  // fields, picked one column at a time with min<>.
  std::vector<Term> Key{var("N")};
  std::string Prev;
  std::vector<std::string> Names{"T", "K", "F"};
  for (size_t I = 0; I < InboxWidth; ++I)
    Names.push_back("A" + std::to_string(I + 1));
  for (size_t Step = 0; Step < Names.size(); ++Step) {
    std::string Pick = "fl_pick_" + std::to_string(Step + 1);
    std::vector<Term> Head = Key;
    Head.push_back(Term::aggregate("min", var(Names[Step])));
    std::vector<Term> Inbox{var("N")};
    for (size_t C = 0; C < Names.size(); ++C)
      Inbox.push_back(C <= Step ? var(Names[C]) : Term::wildcard());
    std::vector<BodyElem> Body;
    if (!Prev.empty())
      Body.push_back(atom(Prev, Key));
    Body.push_back(atom(InboxRelation, Inbox));
    addRule(rule(atom(Pick, Head), ir::HeadTime::Now, std::move(Body),
                 "the inbox's next message, by " + Names[Step]));
    Key.push_back(var(Names[Step]));
    Prev = Pick;
  }
  addRule(rule(atom(CurrentRelation, Key), ir::HeadTime::Now, {atom(Prev, Key)},
               "the message handled this step"));
}

void ModelBuilder::addInvariantRules() {
  size_t Width = 0;
  for (const InvariantCase &C : Invariants)
    Width = std::max(Width, C.Columns.size());
  for (const InvariantCase &C : Invariants) {
    std::vector<Term> Cols{Term::string(C.Name)};
    for (const Term &T : C.Columns)
      Cols.push_back(T);
    while (Cols.size() < Width + 1)
      Cols.push_back(Term::integer(0));
    Rule Pre = rule(atom(ir::PreRelation, Cols), ir::HeadTime::Now, C.Pre, C.Origin);
    Pre.Loc = C.Loc;
    addRule(std::move(Pre));
    for (const auto &Body : C.Post) {
      Rule Post = rule(atom(ir::PostRelation, Cols), ir::HeadTime::Now, Body, C.Origin);
      Post.Loc = C.Loc;
      addRule(std::move(Post));
    }
  }
}

ExtractedModel ModelBuilder::finish(ScenarioModel S) {
  // A handler reads the message it handles from fl_current, whose columns
  // after the kind and sender are the widest message's.
  for (ir::Rule &R : Model.Rules.Rules)
    for (BodyElem &E : R.Body)
      if (auto *A = std::get_if<Atom>(&E); A && A->Relation == CurrentRelation && !A->Negated)
        while (A->Args.size() < 4 + InboxWidth)
          A->Args.push_back(Term::wildcard());
  // Clocks and roles hold from the facts at time 1 on.
  addRule(rule(atom(ClockRelation, {var("N"), Term::arith('+', var("T"), Term::integer(1))}),
               ir::HeadTime::Next, {atom(ClockRelation, {var("N"), var("T")})},
               "each node's clock"));
  addRule(rule(atom(RoleRelation, {var("N"), var("R")}), ir::HeadTime::Next,
               {atom(RoleRelation, {var("N"), var("R")})}, "roles persist"));
  if (!MessageFields.empty() || !Timers.empty())
    addInbox();
  // A failed assert stays failed: the invariants read it at EOT.
  if (std::any_of(Invariants.begin(), Invariants.end(),
                  [](const InvariantCase &C) { return !C.Assertion.empty(); })) {
    std::vector<Term> Failed{var("N"), var("A"), var("T")};
    addRule(rule(atom(ir::AssertRelation, Failed), ir::HeadTime::Next,
                 {atom(ir::AssertRelation, Failed)}, "a failed assert stays failed"));
  }
  addInvariantRules();
  Model.Scenario = std::move(S);
  return std::move(Model);
}

ir::Program ExtractedModel::program() const {
  ir::Program P = Rules;
  for (const ir::Fact &F : Scenario.Facts)
    P.Facts.push_back(F);
  return P;
}

} // namespace faultline::frontend

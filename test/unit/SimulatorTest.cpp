//===- SimulatorTest.cpp - The simulator follows the model's semantics ----===//
//
// Small protocols built directly on the runtime (their handlers call
// faultline::sim::send), each pinning one rule of the model that the
// simulator must reproduce: the inbox order, timing, crashes, omissions,
// duplicate messages, invariants over live nodes, the state invariants
// read, and the diagnostics for descriptions, scenarios and faults that do
// not fit.
//
//===----------------------------------------------------------------------===//

#include "faultline/simulator.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace faultline::sim;
using faultline::Bounds;
using faultline::FaultSet;
using faultline::NodeId;

enum class Color { Red = 2, Green = 0, Blue = 1 };

struct Ping {
  int n;
};
struct Note {
  std::string text;
};
struct Paint {
  Color color;
};

/// Records what it handles; forwards each Note to its `next` node, and
/// sends itself a Ping for every Paint.
struct Recorder {
  NodeId self;
  NodeId next;
  int ticks = 0;
  std::vector<std::string> seen;

  void onPing(const Ping &m, const NodeId &from) {
    seen.push_back("ping " + from + " " + std::to_string(m.n));
  }
  void onNote(const Note &m) {
    seen.push_back("note " + m.text);
    if (!next.empty())
      send(next, Note{m.text});
  }
  void onPaint(const Paint &m) {
    seen.push_back("paint " + std::to_string(static_cast<int>(m.color)));
    send(self, Ping{100});
  }
  void tick() { ++ticks; }
};

bool fewTicks(const Recorder &R) { return R.ticks < 100; }
bool sameNext(const Recorder &A, const Recorder &B) { return A.next == B.next; }

/// Every kind and order of delivery at step 1, to one node.
void inboxOrder(faultline::Scenario &s) {
  s.bounds(9, 0, 0);
  s.node<Recorder>("r");
  s.deliver<Ping>("r", "y", Ping{9}, 1);
  s.deliver<Ping>("r", "y", Ping{10}, 1);
  s.deliver<Ping>("r", "x", Ping{50}, 1);
  s.deliver<Paint>("r", "z", Paint{Color::Red}, 1);
  s.deliver<Paint>("r", "z", Paint{Color::Green}, 1);
  s.deliver<Paint>("r", "z", Paint{Color::Blue}, 1);
  s.deliver<Note>("r", "z", Note{"b"}, 1);
  s.deliver<Note>("r", "z", Note{"b"}, 1); // the same message: one
}

/// A chain a -> b -> c forwarding one note.
void chain(faultline::Scenario &s) {
  s.bounds(4, 3, 1);
  s.node<Recorder>("a");
  s.node<Recorder>("b");
  s.node<Recorder>("c");
  s.init("a", &Recorder::next, "b");
  s.init("b", &Recorder::next, "c");
  s.deliver<Note>("a", "client", Note{"hi"}, 1);
}

void describe(Protocol &P, bool WithTick = false) {
  auto R = P.role<Recorder>("Recorder", &Recorder::self)
               .receive(&Recorder::onPing)
               .receive(&Recorder::onNote)
               .receive(&Recorder::onPaint)
               .state("recorder_next", &Recorder::next)
               .state("recorder_ticks", &Recorder::ticks);
  if (WithTick)
    R.periodic(&Recorder::tick);
  P.message<Ping>("ping", &Ping::n);
  P.message<Note>("note", &Note::text);
  P.message<Paint>("paint", &Paint::color);
  P.invariant("fewTicks", &fewTicks);
  P.invariant("sameNext", &sameNext);
  P.scenario("inboxOrder", &inboxOrder);
  P.scenario("chain", &chain);
}

std::vector<std::string> handledBy(const Outcome &O, const NodeId &Node) {
  std::vector<std::string> Out;
  for (const HandledMessage &H : O.Handled)
    if (H.Node == Node)
      Out.push_back(std::to_string(H.Time) + " " + H.Relation + " " + H.From + " " +
                    render(H.Fields));
  return Out;
}

TEST(Simulator, InboxOrderIsTheModels) {
  Protocol P;
  describe(P);
  Outcome O = Simulator(P).run("inboxOrder");
  // Arrival first (the Pings r sends itself for the Paints arrive later), then
  // kind, sender and fields as the model orders them: enumerators and
  // integers by value (Green, Blue, Red); the duplicate Note is one message.
  EXPECT_EQ(handledBy(O, "r"), (std::vector<std::string>{
                                   "1 note z \"b\"",
                                   "2 paint z 0",
                                   "3 paint z 1",
                                   "4 paint z 2",
                                   "5 ping x 50",
                                   "6 ping y 9",
                                   "7 ping y 10",
                                   "8 ping r 100",
                                   "9 ping r 100",
                               }));
  // The state at EOT: what steps 1 to 8 did.
  EXPECT_EQ(O.node<Recorder>("r").seen.size(), 8u);
}

TEST(Simulator, AMessageSentAtTArrivesAtTPlusOne) {
  Protocol P;
  describe(P);
  Outcome O = Simulator(P).run("chain");
  EXPECT_EQ(handledBy(O, "b"), std::vector<std::string>{"2 note a \"hi\""});
  EXPECT_EQ(handledBy(O, "c"), std::vector<std::string>{"3 note b \"hi\""});
  ASSERT_EQ(O.Messages.size(), 2u);
  EXPECT_EQ(O.Messages[0].SendTime, 1);
  EXPECT_EQ(render(O.Messages[0].Values), "\"b\", \"a\", \"hi\"");
  EXPECT_EQ(O.Messages[0].What, Fate::Delivered);
}

TEST(Simulator, MessagesSentAtEOTAreInFlight) {
  Protocol P;
  describe(P);
  FaultSet F;
  Outcome O = Simulator(P).run("chain", F, Bounds{2, 0, 0, {}});
  ASSERT_EQ(O.Messages.size(), 2u);
  EXPECT_EQ(O.Messages[1].SendTime, 2);
  EXPECT_EQ(O.Messages[1].What, Fate::AfterEOT);
  EXPECT_TRUE(handledBy(O, "c").empty());
}

TEST(Simulator, ACrashedNodeSendsNothingFromItsCrashOn) {
  Protocol P;
  describe(P);
  FaultSet F;
  F.Crashes = {{"b", 2}};
  Outcome O = Simulator(P).run("chain", F);
  // b still handles the note at 2 (a crashed node computes), but what it
  // sends from 2 on is not even recorded, as in the model.
  EXPECT_EQ(handledBy(O, "b"), std::vector<std::string>{"2 note a \"hi\""});
  ASSERT_EQ(O.Messages.size(), 1u);
  EXPECT_EQ(O.Messages[0].From, "a");
  EXPECT_TRUE(handledBy(O, "c").empty());
}

TEST(Simulator, ACrashAfterTheSendLosesNothing) {
  Protocol P;
  describe(P);
  FaultSet F;
  F.Crashes = {{"a", 2}};
  Outcome O = Simulator(P).run("chain", F);
  EXPECT_EQ(handledBy(O, "c"), std::vector<std::string>{"3 note b \"hi\""});
}

TEST(Simulator, MessagesToSelfArriveEvenFromACrashedNode) {
  Protocol P;
  describe(P);
  FaultSet F;
  F.Crashes = {{"r", 1}};
  Outcome O = Simulator(P).run("inboxOrder", F, Bounds{9, 0, 1, {}});
  EXPECT_EQ(handledBy(O, "r").back(), "9 ping r 100");
  EXPECT_TRUE(O.Messages.empty()); // Messages to self are not recorded.
}

TEST(Simulator, AnOmissionLosesItsChannelAtItsTimeOnly) {
  Protocol P;
  describe(P);
  FaultSet F;
  F.Omissions = {{"b", "c", 2}, {"a", "c", 1}};
  Outcome O = Simulator(P).run("chain", F);
  ASSERT_EQ(O.Messages.size(), 2u);
  EXPECT_EQ(O.Messages[0].What, Fate::Delivered);
  EXPECT_EQ(O.Messages[1].What, Fate::Omitted);
  EXPECT_TRUE(handledBy(O, "c").empty());
}

TEST(Simulator, MessagesToNamesOutsideTheScenarioGoNowhere) {
  Protocol P;
  describe(P);
  P.scenario("toOutside", [](faultline::Scenario &s) {
    s.bounds(3, 0, 0);
    s.node<Recorder>("a");
    s.init("a", &Recorder::next, "elsewhere");
    s.deliver<Note>("a", "client", Note{"hi"}, 1);
  });
  Outcome O = Simulator(P).run("toOutside");
  EXPECT_EQ(handledBy(O, "a").size(), 1u);
  EXPECT_TRUE(O.Messages.empty());
}

TEST(Simulator, InvariantsHoldForEveryPairOfLiveNodes) {
  Protocol P;
  describe(P);
  Outcome O = Simulator(P).run("chain");
  // next is "b", "c" and "": sameNext fails for every ordered pair of
  // distinct nodes, and holds for a node with itself.
  ASSERT_EQ(O.Violations.size(), 6u);
  EXPECT_EQ(O.Violations[0].Invariant, "sameNext");
  EXPECT_EQ(O.Violations[0].Nodes, (std::vector<NodeId>{"a", "b"}));
  EXPECT_EQ(O.violatedInvariants(), std::vector<std::string>{"sameNext"});

  FaultSet F;
  F.Crashes = {{"a", 4}, {"b", 4}};
  Outcome Crashed = Simulator(P).run("chain", F, Bounds{4, 3, 2, {}});
  EXPECT_FALSE(Crashed.violates()); // Only c is live, whenever the others crash.
}

TEST(Simulator, InvariantsReadTheStateAtTheStartOfEOT) {
  Protocol P;
  describe(P, /*WithTick=*/true);
  Outcome O = Simulator(P).run("chain");
  // The tick of step EOT=4 would only show at 5.
  EXPECT_EQ(O.node<Recorder>("a").ticks, 3);
  bool Found = false;
  for (const StateTable &S : O.State)
    if (S.Relation == "recorder_ticks") {
      Found = true;
      EXPECT_EQ(render(S.Rows[0]), "\"a\", 3");
    }
  EXPECT_TRUE(Found);
}

/// A periodic handler that writes what the receive handler reads: the
/// model runs both on the state at the start of the step, C++ cannot.
struct Eager {
  NodeId self;
  bool armed = false;
  int fired = 0;
  void arm() { armed = true; }
  void onPing(const Ping &) {
    if (armed)
      send(self, Ping{1});
  }
  void onNote(const Note &) { fired = armed ? 1 : 2; }
};

TEST(Simulator, WarnsWhereSequentialHandlersDepartFromTheModel) {
  Protocol P;
  P.role<Eager>("Eager", &Eager::self)
      .receive(&Eager::onPing)
      .receive(&Eager::onNote)
      .periodic(&Eager::arm)
      .state("eager_fired", &Eager::fired);
  P.message<Ping>("ping", &Ping::n);
  P.message<Note>("note", &Note::text);
  P.scenario("ping", [](faultline::Scenario &s) {
    s.bounds(3, 0, 0);
    s.node<Eager>("e");
    s.deliver<Ping>("e", "x", Ping{0}, 1);
  });
  P.scenario("note", [](faultline::Scenario &s) {
    s.bounds(3, 0, 0);
    s.node<Eager>("e");
    s.deliver<Note>("e", "x", Note{""}, 1);
  });
  P.scenario("quiet", [](faultline::Scenario &s) {
    s.bounds(3, 0, 0);
    s.node<Eager>("e");
    s.deliver<Note>("e", "x", Note{""}, 2);
  });
  Simulator Sim(P);
  Outcome Ping = Sim.run("ping");
  ASSERT_EQ(Ping.Warnings.size(), 1u);
  EXPECT_NE(Ping.Warnings[0].find("at time 1, node e"), std::string::npos) << Ping.Warnings[0];
  EXPECT_NE(Ping.Warnings[0].find("handler of 'ping'"), std::string::npos) << Ping.Warnings[0];
  Outcome Note = Sim.run("note");
  ASSERT_EQ(Note.Warnings.size(), 1u);
  EXPECT_NE(Note.Warnings[0].find("eager_fired"), std::string::npos) << Note.Warnings[0];
  // At step 2 `armed` is already true at the start of the step: no warning.
  EXPECT_TRUE(Sim.run("quiet").Warnings.empty());
}

TEST(Simulator, ScenarioCallsTheSimulatorCannotApplyAreErrors) {
  Protocol P;
  describe(P);
  struct Other {
    NodeId self;
  };
  P.scenario("twice", [](faultline::Scenario &s) {
    s.node<Recorder>("a");
    s.node<Recorder>("a");
  });
  P.scenario("unregistered", [](faultline::Scenario &s) { s.node<Other>("o"); });
  P.scenario("beforeNode", [](faultline::Scenario &s) { s.init("a", &Recorder::ticks, 1); });
  P.scenario("notAContainer", [](faultline::Scenario &s) {
    s.node<Recorder>("a");
    s.add("a", &Recorder::ticks, 1);
  });
  P.scenario("empty", [](faultline::Scenario &) {});
  Simulator Sim(P);
  auto Message = [&](const std::string &Name) {
    try {
      Sim.run(Name);
    } catch (const Error &E) {
      return std::string(E.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(Message("twice"), "node 'a' is declared twice");
  EXPECT_NE(Message("unregistered").find("not registered"), std::string::npos);
  EXPECT_NE(Message("beforeNode").find("declare nodes with s.node first"), std::string::npos);
  EXPECT_NE(Message("notAContainer").find("does not fit the member"), std::string::npos);
  EXPECT_EQ(Message("empty"), "scenario 'empty' declares no node");
  EXPECT_EQ(Message("nosuch"), "no scenario named 'nosuch' (scenarios: inboxOrder, chain, twice, "
                               "unregistered, beforeNode, notAContainer, empty)");
}

TEST(Simulator, FaultsOutsideTheBoundsAreErrors) {
  Protocol P;
  describe(P);
  Simulator Sim(P);
  auto Message = [&](FaultSet F) {
    try {
      Sim.run("chain", F);
    } catch (const Error &E) {
      return std::string(E.what());
    }
    return std::string("no error");
  };
  FaultSet Late;
  Late.Omissions = {{"a", "b", 3}};
  EXPECT_EQ(Message(Late), "scenario 'chain': omission a->b@3 is not before EFF=3 (omissions "
                           "need 1 <= time < EFF)");
  FaultSet Unknown;
  Unknown.Crashes = {{"z", 1}};
  EXPECT_EQ(Message(Unknown),
            "scenario 'chain': crash of 'z', which is not a node of the scenario");
  FaultSet TooMany;
  TooMany.Crashes = {{"a", 1}, {"b", 1}};
  EXPECT_EQ(Message(TooMany), "scenario 'chain': 2 crashes given but the bounds allow 1");
  FaultSet Self;
  Self.Omissions = {{"a", "a", 1}};
  EXPECT_NE(Message(Self).find("messages to self are never lost"), std::string::npos);
}

TEST(Simulator, AnIncompleteDescriptionIsAnError) {
  Protocol P;
  P.role<Recorder>("Recorder", &Recorder::self).receive(&Recorder::onPing);
  // Ping is not registered.
  EXPECT_THROW({ Simulator Sim(P); }, Error);
}

TEST(Simulator, ScenariosRunWithoutASimulatorDoNothing) {
  // The annotations alone: a scenario function called on a plain Scenario.
  faultline::Scenario S;
  chain(S);
  inboxOrder(S);
}

/// Structs as values: a message field and the values of a map.
struct Op {
  int term;
  std::string value;
};
struct Put {
  int seq;
  Op op;
};
struct Store {
  NodeId self;
  std::map<int, Op> log;
  void onPut(const Put &m) { log[m.seq] = m.op; }
};

/// A node that counts pings in a volatile and a durable member, and pings
/// its peer at every step; its on-restart handler notes the restart.
struct Counter {
  NodeId self;
  NodeId peer;
  int volatileCount = 0;
  int durableCount = 0;
  int restarts = 0;
  void onPing(const Ping &) {
    ++volatileCount;
    ++durableCount;
  }
  void tick() { send(peer, Ping{1}); }
  void recover() { ++restarts; }
};

void counting(faultline::Scenario &s) {
  s.bounds(6, 0, 1);
  s.restarts(1);
  s.node<Counter>("a");
  s.node<Counter>("b");
  s.init("a", &Counter::peer, "b");
  s.init("b", &Counter::peer, "a");
}

TEST(Simulator, ARestartKeepsDurableStateAndRunsItsHandler) {
  Protocol P;
  P.role<Counter>("Counter", &Counter::self)
      .receive(&Counter::onPing)
      .periodic(&Counter::tick)
      .onRestart(&Counter::recover)
      .durable(&Counter::durableCount);
  P.message<Ping>("ping", &Ping::n);
  P.scenario("counting", &counting);
  Simulator S(P);
  EXPECT_EQ(S.shape("counting").MaxRestarts, 1);
  FaultSet F;
  F.Crashes = {{"a", 2}};
  F.Restarts = {{"a", 4}};
  Outcome O = S.run("counting", F);
  // a sends at 1, not at 2 and 3, and again from 4.
  std::vector<int> SentByA;
  for (const SentMessage &M : O.Messages)
    if (M.From == "a")
      SentByA.push_back(M.SendTime);
  EXPECT_EQ(SentByA, (std::vector<int>{1, 4, 5, 6}));
  // a handled b's pings at 2, 3 and 4 (state at the start of EOT 6 shows
  // the handlers of steps up to 5); the restart at 4 reset the volatile
  // count to the scenario's 0 before step 4's ping, kept the durable one,
  // and ran the on-restart handler once; b's peer stays "a".
  const Counter &A = O.node<Counter>("a");
  EXPECT_EQ(A.durableCount, 4);
  EXPECT_EQ(A.volatileCount, 2);
  EXPECT_EQ(A.restarts, 1);
  EXPECT_EQ(A.peer, "b"); // re-initialised as the scenario set it up
}

/// A timer armed by pings (cancelled by a ping of 0), and handled as an
/// event of the node's inbox.
struct Watch {
  NodeId self;
  faultline::Timer timer;
  int fired = 0;

  void onPing(const Ping &m) {
    if (m.n == 0) {
      timer.cancel();
      return;
    }
    timer.arm(m.n + 5); // the shortest arm of a step counts
    timer.arm(m.n);
  }
  void onTimer() { ++fired; }
};

TEST(Simulator, TimersFireAsTheModelsDo) {
  Protocol P;
  P.role<Watch>("Watch", &Watch::self).receive(&Watch::onPing).timer("watch_timer", &Watch::timer,
                                                                     &Watch::onTimer);
  P.message<Ping>("ping", &Ping::n);
  P.scenario("watching", [](faultline::Scenario &s) {
    s.bounds(13, 0, 0);
    s.timerSlack(1);
    s.node<Watch>("w");
    s.arm("w", &Watch::timer, 2); // with step 1's arm of 4: due at 3
    s.deliver<Ping>("w", "c", Ping{4}, 1);
    s.deliver<Ping>("w", "c", Ping{2}, 4); // due 6, but cancelled at 5
    s.deliver<Ping>("w", "c", Ping{0}, 5);
    s.deliver<Ping>("w", "c", Ping{1}, 7); // due 8, one step late
    s.deliver<Ping>("w", "c", Ping{3}, 9); // re-armed before its firing is handled
  });
  Simulator S(P);
  EXPECT_EQ(S.shape("watching").TimerSlack, 1);
  FaultSet F;
  F.TimerDelays = {{"w", "watch_timer", 8, 1}};
  Outcome O = S.run("watching", F);
  // The firing at 9 waits behind the ping of 9 (by kind), whose arm drops it.
  EXPECT_EQ(handledBy(O, "w"), (std::vector<std::string>{"1 ping c 4", "3 watch_timer w ",
                                                         "4 ping c 2", "5 ping c 0", "7 ping c 1",
                                                         "9 ping c 3", "12 watch_timer w "}));
  std::vector<std::string> Armings;
  for (const TimerArming &A : O.Timers)
    Armings.push_back(A.Node + " " + A.Timer + " " + std::to_string(A.ArmTime) + " " +
                      std::to_string(A.Due) + " " + std::to_string(A.FiredAt) + " " +
                      std::to_string(A.EndedAt));
  EXPECT_EQ(Armings, (std::vector<std::string>{"w watch_timer 1 3 3 0", "w watch_timer 4 6 0 5",
                                               "w watch_timer 7 8 9 0",
                                               "w watch_timer 9 12 12 0"}));
  // A delay beyond the slack does not fit the bounds.
  F.TimerDelays = {{"w", "watch_timer", 8, 2}};
  EXPECT_THROW(S.run("watching", F), Error);
}

TEST(Simulator, StructsAreOneColumnPerField) {
  Protocol P;
  P.role<Store>("Store", &Store::self).receive(&Store::onPut).state("store_log", &Store::log);
  P.message<Put>("put", &Put::seq, &Put::op);
  P.scenario("puts", [](faultline::Scenario &s) {
    s.bounds(4, 0, 0);
    s.node<Store>("s");
    s.deliver<Put>("s", "c", Put{1, Op{2, "b"}}, 1);
    s.deliver<Put>("s", "c", Put{1, Op{2, "a"}}, 1);
    s.deliver<Put>("s", "c", Put{0, Op{9, "z"}}, 1);
  });
  // Without the struct's fields the simulator cannot order or print it.
  EXPECT_THROW(Simulator(P).run("puts"), Error);
  P.structure<Op>("Op", &Op::term, &Op::value);
  Outcome O = Simulator(P).run("puts");
  EXPECT_EQ(handledBy(O, "s"), (std::vector<std::string>{"1 put c 0, 9, \"z\"",
                                                         "2 put c 1, 2, \"a\"",
                                                         "3 put c 1, 2, \"b\""}));
  ASSERT_EQ(O.State.size(), 1u);
  ASSERT_EQ(O.State[0].Rows.size(), 2u);
  // The later Put of 1 replaced the earlier.
  EXPECT_EQ(render(O.State[0].Rows[1]), "\"s\", 1, 2, \"b\"");
}

TEST(Value, OrdersAsTheModel) {
  EXPECT_LT(Value::integer(9), Value::integer(10));
  EXPECT_LT(Value::text("Blue"), Value::text("Red"));
  EXPECT_LT(Value::text("Z"), Value::text("a"));
  EXPECT_EQ(Value::text("x").render(), "\"x\"");
  EXPECT_EQ(Value::integer(-3).render(), "-3");
}

// ---- FL_CALL: RPCs with a completion callback ------------------------------

struct Ask {
  int n;
};
struct Answer {
  int n;
};

/// Asks its peers on a Note (each call capturing the peer and a tag), and
/// records each answer its callbacks get; as a server, answers n + 1.
struct Asker {
  NodeId self;
  std::vector<NodeId> peers;
  int tag = 0;
  std::vector<std::string> answers;

  void onNote(const Note &m) {
    ++tag;
    for (const NodeId &peer : peers)
      call<Ask, Answer>(peer, Ask{std::stoi(m.text)},
                        [this, peer, tag = tag](const Answer &a, const NodeId &from) {
                          answers.push_back(std::to_string(tag) + " " + peer + " " + from + " " +
                                            std::to_string(a.n));
                        });
  }
  void onAsk(const Ask &m, const NodeId &from) { reply(from, Answer{m.n + 1}); }
};

/// a asks Peers (in order) at step 1.
void asking(faultline::Scenario &s, std::vector<NodeId> Peers) {
  s.bounds(6, 3, 1);
  s.restarts(1);
  for (const char *N : {"a", "b", "c"})
    s.node<Asker>(N);
  for (const NodeId &Peer : Peers)
    s.add("a", &Asker::peers, Peer);
  s.deliver<Note>("a", "x", Note{"7"}, 1);
}

void describeAsker(Protocol &P) {
  P.role<Asker>("Asker", &Asker::self)
      .receive(&Asker::onNote)
      .receive(&Asker::onAsk)
      .state("asker_tag", &Asker::tag);
  P.message<Note>("note", &Note::text);
  P.message<Ask>("ask", &Ask::n);
  P.message<Answer>("answer", &Answer::n);
  P.scenario("ask", [](faultline::Scenario &s) { asking(s, {"b", "c"}); });
  P.scenario("askTwice", [](faultline::Scenario &s) { asking(s, {"b", "c", "b"}); });
}

TEST(Simulator, ACallbackRunsWithItsResponseAndWhatItCaptured) {
  Protocol P;
  describeAsker(P);
  Outcome O = Simulator(P).run("ask");
  // Asked at 1, served at 2, answered at 3 and 4 (one event a step).
  EXPECT_EQ(O.node<Asker>("a").answers, (std::vector<std::string>{"1 b b 8", "1 c c 8"}));
  EXPECT_EQ(handledBy(O, "a"),
            (std::vector<std::string>{"1 note x \"7\"", "3 answer b 8", "4 answer c 8"}));
}

TEST(Simulator, ALostRequestOrResponseRunsNoCallback) {
  Protocol P;
  describeAsker(P);
  FaultSet F;
  F.Omissions = {{"a", "b", 1}, {"c", "a", 2}};
  Outcome O = Simulator(P).run("ask", F);
  EXPECT_TRUE(O.node<Asker>("a").answers.empty());
}

TEST(Simulator, ACallbackDiesWithTheProcessThatWaitedForIt) {
  Protocol P;
  describeAsker(P);
  FaultSet F;
  F.Crashes = {{"a", 2}};
  F.Restarts = {{"a", 3}};
  Outcome O = Simulator(P).run("ask", F);
  // The answers still arrive and are handled, but no callback waits.
  EXPECT_EQ(handledBy(O, "a"),
            (std::vector<std::string>{"1 note x \"7\"", "3 answer b 8", "4 answer c 8"}));
  EXPECT_TRUE(O.node<Asker>("a").answers.empty());
}

TEST(Simulator, EqualRequestsAreOneMessageThatAnswersEachCall) {
  Protocol P;
  describeAsker(P);
  Outcome O = Simulator(P).run("askTwice");
  // b is asked twice at 1: one message, one answer, and both callbacks run
  // at 3 (as the model merges the calls' contexts).
  EXPECT_EQ(O.node<Asker>("a").answers,
            (std::vector<std::string>{"1 b b 8", "1 b b 8", "1 c c 8"}));
  EXPECT_EQ(handledBy(O, "b"), std::vector<std::string>{"2 ask a 7"});
}

} // namespace

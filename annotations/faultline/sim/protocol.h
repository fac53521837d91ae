//===- faultline/sim/protocol.h - What the simulator runs -------*- C++ -*-===//
//
// Part of the simulator (faultline/simulator.h). A Protocol tells the
// simulator, in a few explicit lines per type, what the frontend finds by
// reading the annotations: the roles with their handlers and state, the
// messages with their fields in declaration order, the names of enumerators,
// the invariants and the scenarios. docs/runtime.md shows a complete one.
//
//   P.role<Node>("Node", &Node::self)
//       .receive(&Node::onRelay)
//       .periodic(&Node::relay)
//       .state("log", &Node::log);
//   P.message<Relay>("Relay", &Relay::payload);
//   P.structure<Op>("Op", &Op::term, &Op::value);   // structs used as values
//   P.invariant("agreement", &agreement);
//   P.scenario("crashAndLoss", &crashAndLoss);
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SIM_PROTOCOL_H
#define FAULTLINE_SIM_PROTOCOL_H

#include "faultline/annotations.h"
#include "faultline/failure_detector.h"
#include "faultline/sim/value.h"

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace faultline::sim {

using detail::TypeKey;
using detail::typeKey;

/// The name of a type, for error messages (the simulator needs no RTTI).
template <class T> std::string typeName() {
#if defined(__clang__) || defined(__GNUC__)
  std::string F = __PRETTY_FUNCTION__;
  size_t Start = F.find("T = ");
  if (Start != std::string::npos) {
    Start += 4;
    return F.substr(Start, F.find_first_of(";]", Start) - Start);
  }
#endif
  return "(a type)";
}

struct MessageInfo {
  std::string Name;     ///< The C++ name.
  std::string Relation; ///< The model's name: the kind that orders inboxes.
  std::function<Tuple(const void *)> Fields;
  std::function<std::shared_ptr<const void>(const void *)> Copy;
};

struct StateInfo {
  std::string Relation; ///< role_member, as in the extracted model.
  /// The member's tuples without the node column: one for a scalar, one
  /// per element of a set, (key, value) per entry of a map, (index, value)
  /// per element of a vector.
  std::function<std::vector<Tuple>(const void *)> Rows;
  std::function<bool(const void *, const void *)> Same;
};

using ReceiveFn = std::function<void(void *, const void *, const NodeId &)>;

struct RoleInfo {
  std::string Name;
  std::function<std::shared_ptr<void>(const NodeId &)> Create;
  std::function<std::shared_ptr<void>(const void *)> Copy;
  std::vector<std::function<void(void *)>> Periodic;
  /// The receive handler of each message type.
  std::map<TypeKey, ReceiveFn> Receive;
  /// The names of those types, to check that they are registered.
  std::map<TypeKey, std::string> ReceiveNames;
  std::vector<StateInfo> State;
};

struct InvariantInfo {
  std::string Name;
  std::vector<TypeKey> Roles;
  std::vector<std::string> RoleNames;
  std::function<bool(const std::vector<const void *> &)> Check;
};

struct ScenarioInfo {
  std::string Name;
  void (*Setup)(Scenario &) = nullptr;
};

class Protocol;

/// Adds a role's handlers and state; returned by Protocol::role.
template <class P> class RoleBuilder {
public:
  RoleBuilder(const Protocol &Owner, RoleInfo &Info) : Owner(Owner), Info(Info) {}

  /// A receive handler `void onX(const X &m)`.
  template <class M> RoleBuilder &receive(void (P::*Handler)(const M &)) {
    return addReceive<M>([Handler](void *Object, const void *Message, const NodeId &) {
      (static_cast<P *>(Object)->*Handler)(*static_cast<const M *>(Message));
    });
  }
  /// A receive handler `void onX(const X &m, const NodeId &from)`.
  template <class M> RoleBuilder &receive(void (P::*Handler)(const M &, const NodeId &)) {
    return addReceive<M>([Handler](void *Object, const void *Message, const NodeId &From) {
      (static_cast<P *>(Object)->*Handler)(*static_cast<const M *>(Message), From);
    });
  }
  /// A periodic handler, run at every step before the receive handler, in
  /// the order of registration.
  RoleBuilder &periodic(void (P::*Handler)()) {
    Info.Periodic.push_back([Handler](void *Object) { (static_cast<P *>(Object)->*Handler)(); });
    return *this;
  }
  /// A state member, under its C++ name: the replay prints it at EOT as the
  /// model's relation role_member, and checks that handlers of one step do
  /// not see each other's updates to it (docs/runtime.md).
  template <class T> RoleBuilder &state(const std::string &Member, T P::*Field);

private:
  template <class M> RoleBuilder &addReceive(ReceiveFn Fn) {
    if (!Info.Receive.emplace(typeKey<M>(), std::move(Fn)).second)
      throw Error("role " + Info.Name + " has two receive handlers for " + typeName<M>());
    Info.ReceiveNames[typeKey<M>()] = typeName<M>();
    return *this;
  }

  const Protocol &Owner;
  RoleInfo &Info;
};

/// The description of a protocol for the simulator. It must outlive the
/// simulators that run it (they refer to it), so it is neither copied nor
/// moved.
class Protocol {
public:
  /// faultline::NodeCrashed, the failure detector's notice, is known to
  /// every protocol, as to the model.
  Protocol() { message<NodeCrashed>("NodeCrashed", &NodeCrashed::node); }
  Protocol(const Protocol &) = delete;
  Protocol &operator=(const Protocol &) = delete;

  /// A role (an FL_PROCESS type) under its C++ name, with its FL_SELF
  /// member, which the simulator sets to each node's name. Nodes start
  /// value-initialized (P()), as the model starts uninitialized scalars at 0.
  template <class P> RoleBuilder<P> role(const std::string &Name, NodeId P::*Self) {
    static_assert(std::is_copy_constructible<P>::value,
                  "the simulator copies nodes to check the start-of-step semantics");
    RoleInfo &Info = Roles[typeKey<P>()];
    if (!Info.Name.empty())
      throw Error("role " + Name + " is registered twice");
    RoleOrder.push_back(typeKey<P>());
    Info.Name = Name;
    Info.Create = [Self](const NodeId &Node) {
      auto Object = std::make_shared<P>();
      (*Object).*Self = Node;
      return std::shared_ptr<void>(Object);
    };
    Info.Copy = [](const void *Object) {
      return std::shared_ptr<void>(std::make_shared<P>(*static_cast<const P *>(Object)));
    };
    return RoleBuilder<P>(*this, Info);
  }

  /// A message type (an FL_MESSAGE struct) under its C++ name, with every
  /// field in declaration order: they order the inbox and identify equal
  /// messages, as in the model.
  template <class M, class... Fs> void message(const std::string &Name, Fs M::*...Fields) {
    MessageInfo &Info = Messages[typeKey<M>()];
    if (!Info.Name.empty())
      throw Error("message " + Name + " is registered twice");
    Info.Name = Name;
    Info.Relation = relationName(Name);
    const Protocol *Self = this;
    Info.Fields = [Self, Fields...](const void *Message) {
      const M &Msg = *static_cast<const M *>(Message);
      Tuple Out;
      (Self->append(Out, Msg.*Fields), ...);
      return Out;
    };
    Info.Copy = [](const void *Message) {
      return std::shared_ptr<const void>(
          std::make_shared<const M>(*static_cast<const M *>(Message)));
    };
  }

  /// A plain struct used as a value (a message field, a state member, an
  /// element, key or value of a container), with every field in declaration
  /// order: the model gives each scalar field its own column, in that order.
  template <class S, class... Fs> void structure(const std::string &Name, Fs S::*...Fields) {
    static_assert(std::is_class<S>::value, "structure<S> takes a struct");
    if (!Structs.emplace(typeKey<S>(), nullptr).second)
      throw Error("struct " + Name + " is registered twice");
    const Protocol *Self = this;
    Structs[typeKey<S>()] = [Self, Fields...](Tuple &Out, const void *Value) {
      const S &V = *static_cast<const S *>(Value);
      (Self->append(Out, V.*Fields), ...);
    };
  }

  /// The names of an enum's enumerators: the model's values for them.
  template <class E> void enumeration(std::initializer_list<std::pair<E, const char *>> Names) {
    static_assert(std::is_enum<E>::value, "enumeration<E> takes an enum type");
    auto &Table = Enums[typeKey<E>()];
    for (const auto &[Enumerator, Text] : Names)
      Table[static_cast<long long>(Enumerator)] = Text;
  }

  /// An invariant (an FL_INVARIANT function) under its C++ name.
  template <class... Ps> void invariant(const std::string &Name, bool (*Check)(const Ps &...)) {
    static_assert(sizeof...(Ps) >= 1, "an invariant takes at least one process");
    InvariantInfo Info;
    Info.Name = Name;
    Info.Roles = {typeKey<Ps>()...};
    Info.RoleNames = {typeName<Ps>()...};
    Info.Check = [Check](const std::vector<const void *> &Nodes) {
      return call(Check, Nodes, std::index_sequence_for<Ps...>());
    };
    Invariants.push_back(std::move(Info));
  }

  /// A scenario (an FL_SCENARIO function) under its C++ name.
  void scenario(const std::string &Name, void (*Setup)(Scenario &)) {
    for (const ScenarioInfo &S : Scenarios)
      if (S.Name == Name)
        throw Error("scenario " + Name + " is registered twice");
    Scenarios.push_back({Name, Setup});
  }

  /// Appends a field or state value as the model's columns: one for an
  /// integer, bool, enum or string, one per scalar field of a struct.
  template <class T> void append(Tuple &Out, const T &V) const {
    if constexpr (std::is_enum<T>::value) {
      auto Table = Enums.find(typeKey<T>());
      if (Table == Enums.end())
        throw Error("enum " + typeName<T>() +
                    " has no names: register them with Protocol::enumeration");
      auto Name = Table->second.find(static_cast<long long>(V));
      if (Name == Table->second.end())
        throw Error("enum " + typeName<T>() + " has no name for the value " +
                    std::to_string(static_cast<long long>(V)));
      Out.push_back(Value::text(Name->second));
    } else if constexpr (std::is_integral<T>::value) {
      Out.push_back(Value::integer(static_cast<long long>(V)));
    } else if constexpr (std::is_convertible<const T &, std::string>::value) {
      Out.push_back(Value::text(V));
    } else if constexpr (std::is_class<T>::value) {
      auto Flatten = Structs.find(typeKey<T>());
      if (Flatten == Structs.end())
        throw Error("struct " + typeName<T>() +
                    " is used as a value but not registered (Protocol::structure)");
      Flatten->second(Out, &V);
    } else {
      static_assert(sizeof(T) == 0, "message fields and state are integers, bools, enums, "
                                    "strings and structs of them (and sets, maps and vectors "
                                    "of those)");
    }
  }

  /// The tuples of a state member, without the node column.
  template <class T> std::vector<Tuple> rows(const T &V) const {
    Tuple Row;
    append(Row, V);
    return {Row};
  }
  template <class T, class C, class A> std::vector<Tuple> rows(const std::set<T, C, A> &S) const {
    std::vector<Tuple> Out;
    for (const T &E : S) {
      Out.emplace_back();
      append(Out.back(), E);
    }
    return Out;
  }
  template <class K, class V, class C, class A>
  std::vector<Tuple> rows(const std::map<K, V, C, A> &M) const {
    std::vector<Tuple> Out;
    for (const auto &[Key, Val] : M) {
      Out.emplace_back();
      append(Out.back(), Key);
      append(Out.back(), Val);
    }
    return Out;
  }
  template <class T, class A> std::vector<Tuple> rows(const std::vector<T, A> &Vec) const {
    std::vector<Tuple> Out;
    for (size_t I = 0; I < Vec.size(); ++I) {
      Out.push_back({Value::integer(static_cast<long long>(I))});
      append(Out.back(), Vec[I]);
    }
    return Out;
  }

  const RoleInfo *role(TypeKey Key) const {
    auto It = Roles.find(Key);
    return It == Roles.end() ? nullptr : &It->second;
  }
  const MessageInfo *message(TypeKey Key) const {
    auto It = Messages.find(Key);
    return It == Messages.end() ? nullptr : &It->second;
  }
  /// The roles in the order of registration.
  std::vector<const RoleInfo *> roles() const {
    std::vector<const RoleInfo *> Out;
    for (TypeKey K : RoleOrder)
      Out.push_back(&Roles.at(K));
    return Out;
  }
  const std::vector<InvariantInfo> &invariants() const { return Invariants; }
  const std::vector<ScenarioInfo> &scenarios() const { return Scenarios; }

private:
  template <class... Ps, size_t... I>
  static bool call(bool (*Check)(const Ps &...), const std::vector<const void *> &Nodes,
                   std::index_sequence<I...>) {
    return Check(*static_cast<const Ps *>(Nodes[I])...);
  }

  std::map<TypeKey, RoleInfo> Roles;
  std::vector<TypeKey> RoleOrder;
  std::map<TypeKey, MessageInfo> Messages;
  std::map<TypeKey, std::map<long long, std::string>> Enums;
  std::map<TypeKey, std::function<void(Tuple &, const void *)>> Structs;
  std::vector<InvariantInfo> Invariants;
  std::vector<ScenarioInfo> Scenarios;
};

template <class P>
template <class T>
RoleBuilder<P> &RoleBuilder<P>::state(const std::string &Member, T P::*Field) {
  StateInfo S;
  S.Relation = relationName(Info.Name) + "_" + relationName(Member);
  const Protocol *Pr = &Owner;
  S.Rows = [Pr, Field](const void *Object) {
    return Pr->rows(static_cast<const P *>(Object)->*Field);
  };
  // Compared as the model's tuples, which needs no operator== on structs.
  S.Same = [Pr, Field](const void *A, const void *B) {
    return Pr->rows(static_cast<const P *>(A)->*Field) ==
           Pr->rows(static_cast<const P *>(B)->*Field);
  };
  Info.State.push_back(std::move(S));
  return *this;
}

} // namespace faultline::sim

#endif // FAULTLINE_SIM_PROTOCOL_H

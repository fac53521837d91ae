#!/usr/bin/env python3
"""Differential test of the simulator against faultline's model.

Usage: model_agreement.py --faultline BIN --build DIR --source FILE
                          --replay BIN --work DIR [--schedules DIR]
                          [--random N] [--seed S]

For every scenario of the protocol (as its replay binary lists them), the
model is extracted from the C++ (`faultline extract`), and both are run
under the same fault schedules: none, the counterexample that `faultline
check --emit-schedules` wrote to --schedules (if any), and N random ones
within the scenario's bounds. `faultline run` runs the model; the replay
binary runs the compiled C++. For each schedule they must agree on

  - every message between nodes, its send time and fate;
  - the message each node handles at each step (the model's fl_current),
    timer firings included;
  - every registered state member at EOT (the model's state relations);
  - which invariants fail;

and the simulator must not warn that its sequential handlers departed from
the model. Any difference is printed and the script exits with 1.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys


def run(cmd, ok=(0, 1)):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode not in ok:
        sys.exit("model_agreement: %s exited with %d\n%s%s" %
                 (" ".join(cmd), p.returncode, p.stdout, p.stderr))
    return p


def scenarios(replay):
    """name -> (eot, eff, crashes, restarts, timer slack, nodes) from `replay --list`."""
    out = {}
    for line in run([replay, "--list"], ok=(0,)).stdout.splitlines():
        name, rest = line.split(": ", 1)
        parts = dict(p.rsplit(" ", 1) for p in rest.split(", "))
        out[name] = (int(parts["EOT"]), int(parts["EFF"]), int(parts["crashes"]),
                     int(parts.get("restarts", 0)), int(parts.get("timer slack", 0)),
                     parts["nodes"].split(","))
    return out


def random_delays(rng, eot, slack, nodes, timers):
    """Delays for some of the armings a run may make: which armings there
    are is known only by running, so each (node, timer, due step) may get
    one; a delay of an arming the run does not make changes nothing."""
    delays = []
    rate = rng.random()
    for node in nodes:
        for timer in timers:
            for due in range(2, eot + 1):
                if rng.random() < rate:
                    delays.append({"node": node, "timer": timer, "due": due,
                                   "delay": rng.randint(1, slack)})
    return delays


def random_faults(rng, eot, eff, crashes, restarts, nodes):
    faults = {"crashes": [], "omissions": [], "restarts": []}
    for node in rng.sample(nodes, rng.randint(0, crashes)):
        faults["crashes"].append({"node": node, "time": rng.randint(1, eot)})
    # Some crashed nodes come back, at least one step after their crash.
    # (Nothing is drawn without restarts: a seed gives the schedules it gave
    # before restarts existed.)
    back = [c for c in faults["crashes"] if c["time"] < eot]
    if restarts > 0:
        for c in rng.sample(back, rng.randint(0, min(restarts, len(back)))):
            faults["restarts"].append({"node": c["node"],
                                       "time": rng.randint(c["time"] + 1, eot)})
    down = {}
    for c in faults["crashes"]:
        r = [x["time"] for x in faults["restarts"] if x["node"] == c["node"]]
        down[c["node"]] = (c["time"], r[0] if r else eot + 1)
    rate = rng.random()
    for f in nodes:
        for t in nodes:
            for time in range(1, eff):
                lo, hi = down.get(f, (eot + 1, eot + 1))
                if f != t and rng.random() < rate and not lo <= time < hi:
                    faults["omissions"].append({"from": f, "to": t, "time": time})
    return faults


def key(values):
    return json.dumps(values)


def compare(name, faults, sim, model, eot):
    problems = []
    sim_msgs = sorted(key([m["send_time"], m["from"], m["to"], m["relation"], m["tuple"],
                           m["fate"]]) for m in sim["messages"])
    model_msgs = sorted(key([m["send_time"], m["from"], m["to"], m["relation"], m["tuple"],
                             m["fate"]]) for m in model["messages"])
    if sim_msgs != model_msgs:
        problems.append("messages differ:\n  simulator only: %s\n  model only: %s" % (
            sorted(set(sim_msgs) - set(model_msgs)), sorted(set(model_msgs) - set(sim_msgs))))
    model_violated = sorted({t[0] for t in model["missing_post"]})
    if sorted(sim["violated"]) != model_violated:
        problems.append("violated invariants differ: simulator %s, model %s" %
                        (sorted(sim["violated"]), model_violated))
    for rel, rows in sim["state"].items():
        want = sorted(key(r) for r in model["show"].get(rel, {}).get(str(eot), []))
        got = sorted(key(r) for r in rows)
        if got != want:
            problems.append("%s at EOT differs: simulator %s, model %s" % (rel, got, want))
    current = model["show"].get("fl_current", {})
    for t in range(1, eot + 1):
        want = sorted(key(r) for r in current.get(str(t), []))
        width = max([len(json.loads(r)) for r in want] + [0])
        got = []
        for h in sim["handled"]:
            if h["time"] == t:
                row = [h["node"], h["arrival"], h["relation"], h["from"]] + h["fields"]
                got.append(key(row + [0] * (width - len(row))))
        if sorted(got) != want:
            problems.append("messages handled at %d differ: simulator %s, model %s" %
                            (t, sorted(got), want))
    sim_fired = sorted(key([t["node"], t["timer"], t["armed"], t["due"], t.get("fired", 0),
                           t.get("ended", 0)])
                       for t in sim.get("timers", []))
    model_fired = sorted(key([t["node"], t["timer"], t["armed"], t["due"], t.get("fired", 0),
                           t.get("ended", 0)])
                         for t in model.get("timers", []))
    if sim_fired != model_fired:
        problems.append("timers differ:\n  simulator: %s\n  model: %s" % (sim_fired, model_fired))
    if sim["warnings"]:
        problems.append("the simulator warns: %s" % sim["warnings"])
    if problems:
        print("scenario %s, faults %s: the simulator and the model disagree" %
              (name, json.dumps(faults)))
        for p in problems:
            print("  " + p)
    return not problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--faultline", required=True)
    ap.add_argument("--build", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--replay", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--schedules")
    ap.add_argument("--random", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scenario", help="only this scenario")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rng = random.Random(args.seed)
    ok = True
    for name, (eot, eff, crashes, restarts, slack, nodes) in \
            sorted(scenarios(args.replay).items()):
        if args.scenario and name != args.scenario:
            continue
        model_file = os.path.join(args.work, name + ".ded")
        run([args.faultline, "extract", "-p", args.build, args.source, "--scenario", name,
             "-o", model_file], ok=(0,))
        with open(model_file) as f:
            timers = re.findall(r"^timer (\w+)/1;", f.read(), re.M)
        schedules = [("fault-free", {"crashes": [], "omissions": []}, None)]
        emitted = os.path.join(args.schedules or "", name + ".json")
        if args.schedules and os.path.exists(emitted):
            with open(emitted) as f:
                doc = json.load(f)
            # A counterexample found with --timer-slack has its own bounds.
            schedules.append(("counterexample", doc["faults"], doc.get("bounds")))
        for i in range(args.random):
            faults = random_faults(rng, eot, eff, crashes, restarts, nodes)
            # (Nothing is drawn without slack and timers: a seed gives the
            # schedules it gave before timers existed.)
            if slack > 0 and timers:
                faults["timer_delays"] = random_delays(rng, eot, slack, nodes, timers)
            schedules.append(("random %d" % (i + 1), faults, None))
        state_rels = None
        for label, faults, bounds in schedules:
            schedule_file = os.path.join(args.work, name + ".schedule.json")
            schedule = {"version": 1, "scenario": name, "faults": faults}
            if bounds:
                schedule["bounds"] = bounds
            with open(schedule_file, "w") as f:
                json.dump(schedule, f)
            sim = json.loads(run([args.replay, "--schedule", schedule_file, "--format",
                                  "json"]).stdout)
            if state_rels is None:
                # The simulator lists the members of every role; the model of
                # a scenario has the relations of the roles it has nodes of.
                with open(model_file) as f:
                    model_text = f.read()
                state_rels = [r for r in sim["state"].keys()
                              if re.search(r"\b%s\(" % re.escape(r), model_text)]
            cmd = [args.faultline, "run", model_file, "--eot", str(eot), "--eff", str(eff),
                   "--crashes", str(crashes), "--restarts", str(restarts),
                   "--timer-slack", str((bounds or {}).get("timer_slack", slack)),
                   "--nodes", ",".join(nodes), "--format", "json",
                   "--all-times", "--show", ",".join(state_rels + ["fl_current"])]
            for c in faults["crashes"]:
                cmd += ["--crash", "%s,%d" % (c["node"], c["time"])]
            for o in faults["omissions"]:
                cmd += ["--omit", "%s,%s,%d" % (o["from"], o["to"], o["time"])]
            for r in faults.get("restarts", []):
                cmd += ["--restart", "%s,%d" % (r["node"], r["time"])]
            for d in faults.get("timer_delays", []):
                cmd += ["--delay-timer", "%s,%s,%d,%d" % (d["node"], d["timer"], d["due"],
                                                          d["delay"])]
            model = json.loads(run(cmd).stdout)
            if not compare(name + " (" + label + ")", faults, sim, model, eot):
                ok = False
        print("scenario %s: %d schedules, the simulator and the model %s" %
              (name, len(schedules), "agree" if ok else "DISAGREE"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

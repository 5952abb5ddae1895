#!/usr/bin/env python3
"""The differential runner (issue 19): N generated scenarios (generate.py) through the real
DaemonSet controller and through dsplay (compare.py, the project's copy of ../shared/oracle/compare.py), each difference minimised
(delta debugging over steps, nodes and DaemonSets, keeping the same kind of difference) and
written to OUT/diff-*.yaml with its report. Skips with a message when the oracle is not built.

usage: run.py --seed S --count N [--minutes M] [--jobs J] [--out DIR] [--no-minimise]
       (--minutes: stop after M minutes and report the scenarios run so far;
        --jobs: scenarios compared at once, default 1)
env:   DSORACLE_BIN (default ~/.cache/dsoracle/bin/daemon-dsplay.test, the project's driver), DSORACLE_COMPARE (default: the
       project's compare.py beside this file, which accepts the documented modelling choices),
       DSPLAY (default target/release/dsplay)
"""
import argparse
import concurrent.futures
import copy
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
try:
    import yaml
    import generate
except ImportError as e:  # PyYAML: the oracle's compare.py needs it too
    yaml = generate = None
    MISSING = str(e)

ORACLE = os.environ.get("DSORACLE_BIN", os.path.expanduser("~/.cache/dsoracle/bin/daemon-dsplay.test"))
COMPARE = os.environ.get("DSORACLE_COMPARE", os.path.join(HERE, "compare.py"))


def compare(sc, workdir):
    """(kinds of difference, report) for one scenario; kinds empty when the same."""
    path = os.path.join(workdir, sc["name"] + ".yaml")
    with open(path, "w") as f:
        yaml.safe_dump(sc, f, sort_keys=False)
    p = subprocess.run([sys.executable, COMPARE, path], capture_output=True, text=True)
    if "dsplay timed out" in p.stderr:
        return {"dsplay timed out"}, p.stdout + p.stderr
    if "RESULT:" not in p.stdout:
        return {"oracle or dsplay failed"}, p.stdout + p.stderr
    diffs = [l[4:] for l in p.stdout.splitlines() if l.startswith("  - ")]
    return {d.split(":")[0] for d in diffs}, p.stdout


def candidates(sc):
    """Smaller scenarios: without one step, one DaemonSet, one node (and steps naming it)."""
    for i in range(1, len(sc["steps"])):
        c = copy.deepcopy(sc)
        del c["steps"][i]
        yield c
    for i in range(len(sc["daemonSets"])):
        if len(sc["daemonSets"]) > 1:
            c = copy.deepcopy(sc)
            name = c["daemonSets"].pop(i)["metadata"]["name"]
            c["steps"] = [s for s in c["steps"]
                          if s.get("setImage", {}).get("ds") != name
                          and all(d["metadata"]["name"] != name for d in s.get("applyDaemonSets", []))
                          and all(d["name"] != name for d in s.get("deleteDaemonSets", []))]
            yield c
    for i in range(len(sc["nodes"])):
        if len(sc["nodes"]) > 1:
            c = copy.deepcopy(sc)
            name = c["nodes"].pop(i)["metadata"]["name"]
            c["steps"] = [s for s in c["steps"]
                          if name not in s.get("deleteNodes", [])
                          and all(n["metadata"]["name"] != name for n in s.get("applyNodes", []))]
            yield c


def minimise(sc, kinds, workdir):
    """Greedy delta debugging: keep any smaller scenario that still shows one of `kinds`."""
    changed = True
    while changed:
        changed = False
        for c in candidates(sc):
            got, _ = compare(c, workdir)
            if got & kinds:
                sc, changed = c, True
                break
    return sc


def check(seed):
    """Compares one generated scenario in a directory of its own: (seed, kinds, report)."""
    with tempfile.TemporaryDirectory() as work:
        kinds, report = compare(generate.scenario(seed), work)
    return seed, kinds, report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--out", default="target/oracle")
    ap.add_argument("--minutes", type=float, default=0)
    ap.add_argument("--no-minimise", action="store_true")
    ap.add_argument("--jobs", type=int, default=1)
    a = ap.parse_args()
    if not os.path.exists(ORACLE) or not os.path.exists(COMPARE):
        print(f"oracle: skipped: the oracle is not built ({ORACLE}; build it with tools/oracle/setup.sh, "
              "see docs/fidelity.md)")
        return 0
    if yaml is None:
        print(f"oracle: skipped: {MISSING} (pip install pyyaml)")
        return 0
    os.makedirs(a.out, exist_ok=True)
    start, same, found, ran = time.time(), 0, {}, 0
    seeds = (a.seed * 1_000_000 + i for i in range(a.count))
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(a.jobs, 1)) as pool, \
            tempfile.TemporaryDirectory() as work:
        pending = set()
        while True:
            while len(pending) < 2 * max(a.jobs, 1):
                if a.minutes and time.time() - start > a.minutes * 60:
                    break
                seed = next(seeds, None)
                if seed is None:
                    break
                pending.add(pool.submit(check, seed))
            if not pending:
                break
            done, pending = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for fut in done:
                seed, kinds, report = fut.result()
                ran += 1
                if not kinds:
                    same += 1
                    continue
                key = " + ".join(sorted(kinds))
                found.setdefault(key, []).append(seed)
                sc = generate.scenario(seed)
                small = sc if a.no_minimise else minimise(sc, kinds, work)
                _, report = compare(small, work)
                with open(os.path.join(a.out, f"diff-{seed}.yaml"), "w") as f:
                    yaml.safe_dump(small, f, sort_keys=False)
                with open(os.path.join(a.out, f"diff-{seed}.txt"), "w") as f:
                    f.write(report)
                print(f"DIFF gen-{seed}: {key} (minimised: {len(small['nodes'])} nodes, "
                      f"{len(small['daemonSets'])} DaemonSets, {len(small['steps'])} steps)", flush=True)
    took = time.time() - start
    print(f"{ran} scenarios (seed {a.seed}) in {took:.0f} s: {same} same, {ran - same} different")
    for key, seeds in sorted(found.items()):
        print(f"  {len(seeds):5d}  {key}  (e.g. gen-{seeds[0]})")
    return 0 if same == ran else 1


if __name__ == "__main__":
    sys.exit(main())

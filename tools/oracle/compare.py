#!/usr/bin/env python3
"""Run one oracle scenario (YAML) through the real controller (daemon.test) and through dsplay,
and compare final pods per node, DaemonSet status, and the sequence of pod creates/deletes.

The project's copy of ../shared/oracle/compare.py, for the project's driver (driver/): it runs
dsplay with the driver's clock (`timings`), reads dsplay's writes from `sim audit`, and counts an
eviction by the taint-eviction controller as a delete on both sides. It accepts exactly two
things, each documented in docs/fidelity.md with its scenario:
- an order upstream leaves to a Go map: where the first oracle run differs, the oracle runs again
  (ORACLE_RERUNS, default 200) and dsplay agrees if it agrees with one run;
- a loop neither side ends: when the same settles stop unsettled on both sides, the writes that
  loop are compared, not their counts, grouping or the final state.

usage: compare.py SCENARIO.yaml [--show]   (env DSPLAY_TIMEOUT: seconds dsplay may take, default 60)
"""
import json, os, re, subprocess, sys, yaml

HERE = os.path.dirname(os.path.abspath(__file__))
HOME = os.environ.get("DSORACLE_HOME", os.path.expanduser("~/.cache/dsoracle"))
# The project's driver (driver/zz_dsoracle_test.go, built by setup.sh beside this file).
ORACLE = os.environ.get("DSORACLE_BIN", os.path.join(HOME, "bin", "daemon-dsplay.test"))
DSPLAY = os.environ.get("DSPLAY", "target/release/dsplay")
FIELDS = ["desiredNumberScheduled", "currentNumberScheduled", "numberMisscheduled", "numberReady",
          "updatedNumberScheduled", "numberAvailable", "numberUnavailable"]


class QuotedStrings(yaml.SafeDumper):
    """Writes every string double-quoted, everything else plain."""


QuotedStrings.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"'))


def apply_block(objs, api, kind):
    docs = []
    for o in objs:
        d = {"apiVersion": api, "kind": kind}
        d.update(o)
        # quote every string: kubectl (go-yaml, YAML 1.1) reads unquoted y/n/on/off as booleans,
        # PyYAML does not, so an unquoted dump could change the object. Numbers and booleans
        # stay plain: a quoted "0" is a string, which the API server refuses for an integer.
        docs.append(yaml.dump(d, Dumper=QuotedStrings, sort_keys=False).rstrip())
    return "kubectl apply -f - <<'EOF'\n" + "\n---\n".join(docs) + "\nEOF"


def timings(sc):
    """dsplay's clock set to the driver's kubelet: a pod Ready `readyDelay` seconds after it
    starts (no image pull), PodGC after `podGCSeconds` (docs/fidelity.md, "The driver")."""
    lines = []
    if sc.get("readyDelay"):
        lines += ["sim timing image-pull 0s", f"sim timing container-start {sc['readyDelay']}s"]
    if sc.get("podGCSeconds"):
        lines.append(f"sim timing pod-gc-orphan {sc['podGCSeconds']}s")
    return lines


def to_script(sc):
    lines = timings(sc) + [apply_block(sc.get("nodes", []), "v1", "Node")]
    lines.append(apply_block(sc.get("daemonSets", []), "apps/v1", "DaemonSet"))
    for st in sc.get("steps") or [{"settle": 50}]:
        if st.get("comment"):
            lines.append("# " + st["comment"])
        if st.get("applyNodes"):
            lines.append(apply_block(st["applyNodes"], "v1", "Node"))
        if st.get("applyDaemonSets"):
            lines.append(apply_block(st["applyDaemonSets"], "apps/v1", "DaemonSet"))
        for n in st.get("deleteNodes", []):
            lines.append(f"kubectl delete node {n}")
        for d in st.get("deleteDaemonSets", []):
            lines.append(f"kubectl delete ds {d['name']} --cascade={d['cascade']}")
        if st.get("setImage"):
            si = st["setImage"]
            lines.append(f"kubectl set image ds/{si['ds']} {si['container']}={si['image']}")
        if st.get("sync") or st.get("markReady"):
            lines.append("# (per-sync stepping has no dsplay verb; settling instead)")
        if st.get("settle") or st.get("sync"):
            lines.append("sim settle")
    lines += ["kubectl get ds -o json", "kubectl get pods -o json", "sim audit"]
    return "\n".join(lines) + "\n"


def blocks(transcript):
    out, cur, buf = {}, None, []
    for line in transcript.splitlines():
        if line.startswith("$ "):
            if cur is not None:
                out.setdefault(cur, []).append("\n".join(buf))
            cur, buf = line[2:], []
        else:
            buf.append(line)
    if cur is not None:
        out.setdefault(cur, []).append("\n".join(buf))
    return out


def target_node(pod):
    """The node of a DaemonSet pod's `metadata.name` matchFields term (GetTargetNodeName)."""
    aff = pod["spec"].get("affinity", {}).get("nodeAffinity", {})
    for term in aff.get("requiredDuringSchedulingIgnoredDuringExecution", {}).get("nodeSelectorTerms", []):
        for f in term.get("matchFields", []):
            if f.get("key") == "metadata.name" and f.get("operator") == "In" and len(f.get("values", [])) == 1:
                return f["values"][0]
    return None


def run_dsplay(script):
    # A bound, so a dsplay that never settles is reported instead of stalling a batch (a
    # create/evict loop in zero-width steps, docs/fidelity.md, gen-4000180).
    try:
        p = subprocess.run([DSPLAY, "run", "-"], input=script, capture_output=True, text=True,
                           timeout=float(os.environ.get("DSPLAY_TIMEOUT", "60")))
    except subprocess.TimeoutExpired:
        sys.exit("dsplay timed out")
    b = blocks(p.stdout)
    dss = json.loads(b["kubectl get ds -o json"][-1])
    pods = json.loads(b["kubectl get pods -o json"][-1])
    status = {d["metadata"]["name"]: {f: d.get("status", {}).get(f, 0) for f in FIELDS} for d in dss["items"]}
    per = {}
    for p_ in pods["items"]:
        if p_["metadata"].get("deletionTimestamp"):
            continue
        owner = next((r["name"] for r in p_["metadata"].get("ownerReferences", []) if r.get("controller")), "")
        # an unbound pod counts on the node its affinity targets, as the oracle counts it
        # (GetTargetNodeName): a pod the scheduler cannot place yet stays Pending there
        node = p_["spec"].get("nodeName") or target_node(p_) or "?"
        per.setdefault(owner, {}).setdefault(node, 0)
        per[owner][node] += 1
    # ops from the API server's audit log (`sim audit`), which names every write; the events do
    # not (the event correlator combines, then drops, a controller's similar events).
    ops, lines = [], b["sim audit"][-1].splitlines()
    # "(N earlier writes dropped: …)": the log keeps the last 10,000 writes (a long loop)
    truncated = bool(lines) and lines[0].startswith("(")
    for line in lines:
        if line.startswith(("(", "TIME ", "No pod writes")):
            continue
        when, user, verb, resource, _ns, name, node = line.split()
        ds = name.rsplit("-", 1)[0]  # a DaemonSet pod's name is the DaemonSet's plus a suffix
        if user.endswith(":daemon-set-controller"):
            ops.append((ds, "+" if verb == "create" else "-", node, when))
        # the taint-eviction controller's evictions, as the driver's (taintEviction) trace them
        elif user.endswith(":node-controller") and verb == "delete":
            ops.append((ds, "-", node, when))
    return status, per, ops, p.stdout, truncated


def run_oracle(path):
    env = dict(os.environ, DSORACLE_SCENARIO=os.path.abspath(path))
    p = subprocess.run([ORACLE, "-test.run", "^TestDSOracle$", "-test.v"], env=env, capture_output=True, text=True)
    res = None
    for line in p.stdout.splitlines():
        if line.startswith("RESULT "):
            res = json.loads(line[7:])
    if res is None:
        sys.exit("oracle failed:\n" + p.stdout + p.stderr)
    status = {n: {f: s.get(f, 0) for f in FIELDS} for n, s in res["status"].items()}
    ops = []
    for t in res["trace"]:
        ds = t["ds"].split("/")[1]
        # upstream's syncNodes issues a sync's creates before its deletes
        ops += [(ds, "+", n, t["round"]) for n in t["creates"] or []]
        ops += [(ds, "-", n, t["round"]) for n in t["deletes"] or []]
        # the driver's taint-eviction controller (taintEviction: true)
        ops += [(ds, "-", n, t["round"]) for n in t.get("evictions") or []]
    rounds = [(t["round"], t["ds"].split("/")[1], t["creates"] or [], (t["deletes"] or []) + (t.get("evictions") or []))
              for t in res["trace"] if t["creates"] or t["deletes"] or t.get("evictions")]
    return status, res["podsPerNode"], ops, rounds, p.stdout


def groups(ops):
    per = {}
    for ds, op, _, when in ops:
        g = per.setdefault(ds, [])
        if not g or g[-1][0] != when:
            g.append([when, 0, 0])
        g[-1][1 if op == "+" else 2] += 1
    return per


def coarsens(o_ops, d_ops):
    """dsplay runs every sync of one virtual instant at once: each of its instants must be the
    union of consecutive oracle sync rounds (counts of creates and deletes), per DaemonSet."""
    og, dg = groups(o_ops), groups(d_ops)
    if set(og) != set(dg):
        return False
    for ds in og:
        o = [(c, d) for _, c, d in og[ds]]
        i = 0
        for _, c, d in dg[ds]:
            ac, ad = 0, 0
            while (ac, ad) != (c, d):
                if i >= len(o) or ac > c or ad > d:
                    return False
                ac, ad = ac + o[i][0], ad + o[i][1]
                i += 1
        if i != len(o):
            return False
    return True


def shape(ops):
    """per ds, the writes grouped by sync round (oracle) or virtual instant (dsplay):
    e.g. agent:+3 -1 +1 (a group with both reads +1-1)"""
    per = {}
    for ds, op, _, when in ops:
        groups = per.setdefault(ds, [])
        if not groups or groups[-1][0] != when:
            groups.append([when, 0, 0])
        groups[-1][1 if op == "+" else 2] += 1
    return "; ".join(ds + ":" + " ".join((f"+{c}" if c else "") + (f"-{d}" if d else "") for _, c, d in g)
                     for ds, g in sorted(per.items()))


def unsettled(out, mark):
    """How many settles of a run's output did not settle."""
    return sum(1 for line in out.splitlines() if mark in line)


def loop_differences(o_ops, d_ops, truncated=False):
    """For scenarios neither side settles: the same writes (DaemonSet, create/delete, node) loop
    on both sides. Their counts are not compared: where a settle's limit cuts a loop is each
    side's own, and a loop in zero virtual time (an eviction at once, a surge replacement at
    once) runs at each side's own pace (the oracle: once a round; dsplay: until the node's pod
    capacity holds the terminating pods)."""
    ok, dk = {o[:3] for o in o_ops}, {d[:3] for d in d_ops}
    if truncated:  # dsplay's audit log kept only the last writes: those must loop in the oracle
        return [f"looping writes: dsplay only {sorted(dk - ok)}"] if dk - ok else []
    return [f"looping writes: oracle only {sorted(ok - dk)}, dsplay only {sorted(dk - ok)}"] if ok != dk else []


def differences(o, d, loops=0, truncated=False):
    """What differs between one oracle run and the dsplay run."""
    (o_status, o_per, o_ops), (d_status, d_per, d_ops) = o, d
    if loops:
        return loop_differences(o_ops, d_ops, truncated)
    diffs = []
    if o_status != d_status:
        diffs.append(f"status: oracle={o_status} dsplay={d_status}")
    if o_per != d_per:
        diffs.append(f"pods per node: oracle={o_per} dsplay={d_per}")
    if not coarsens(o_ops, d_ops):
        diffs.append(f"op shape: oracle=[{shape(o_ops)}] dsplay=[{shape(d_ops)}]")
    if sorted(o[:3] for o in o_ops) != sorted(d[:3] for d in d_ops):
        diffs.append(f"op multiset: oracle={sorted(o[:3] for o in o_ops)} dsplay={sorted(d[:3] for d in d_ops)}")
    return diffs


def main():
    path = sys.argv[1]
    sc = yaml.safe_load(open(path))
    script = to_script(sc)
    spath = os.path.splitext(path)[0] + ".dsplay.txt"
    open(spath, "w").write(script)
    d_status, d_per, d_ops, d_out, d_truncated = run_dsplay(script)
    d = (d_status, d_per, d_ops)
    # Accepted: an order upstream leaves to a Go map. The controller walks nodeToDaemonPods, a
    # map, when it picks the old pods a rolling update deletes, so which node goes first differs
    # from run to run of the real controller (dsplay walks nodes by name). Where the first oracle
    # run differs, it runs again, up to ORACLE_RERUNS times; dsplay agrees when it agrees with one
    # run of the real controller.
    reruns = int(os.environ.get("ORACLE_RERUNS", "200"))
    first = None
    for run in range(1, reruns + 1):
        o_status, o_per, o_ops, o_rounds, o_out = run_oracle(path)
        # Accepted: a loop neither side ends (a pod evicted and recreated for ever, spec §13).
        # When the same number of settles stop unsettled on both sides, the comparison can only
        # cut the loop where each side's limit falls: it compares which writes loop
        # (loop_differences), not their counts, grouping or the final state.
        o_loops = unsettled(o_out, "!! not settled after")
        d_loops = unsettled(d_out, "not settled after")
        loops = o_loops if o_loops == d_loops else 0
        diffs = differences((o_status, o_per, o_ops), d, loops, d_truncated)
        if o_loops != d_loops:
            diffs.append(f"settling: {o_loops} settles did not settle in the oracle, {d_loops} in dsplay")
        if first is None:
            first = (o_status, o_per, o_ops, o_rounds, o_out, diffs)
        if not diffs:
            break
    if diffs:  # report the first run
        o_status, o_per, o_ops, o_rounds, o_out, diffs = first
    open(os.path.splitext(path)[0] + ".oracle.out", "w").write(o_out)
    open(os.path.splitext(path)[0] + ".dsplay.out", "w").write(d_out)
    print(f"== {sc.get('name', path)}")
    if loops and not diffs:
        print(f"neither side settles ({loops} settles): the looping writes compared")
    if run > 1 and not diffs:
        print(f"oracle run {run} of {reruns} agrees (the runs before walked the Go map in another order)")
    print("oracle rounds with writes:", "; ".join(f"r{r} {ds} +{c} -{d}" for r, ds, c, d in o_rounds))
    print("dsplay ops (audit order):", " ".join(f"{ds}{op}{n}@{w}" for ds, op, n, w in d_ops))
    print("shape oracle:", shape(o_ops))
    print("shape dsplay:", shape(d_ops))
    print("oracle status:", o_status)
    print("dsplay status:", d_status)
    print("oracle pods/node:", o_per)
    print("dsplay pods/node:", d_per)
    # kubectl's errors, and the API server's refusals ("The DaemonSet "x" is invalid: …")
    errs = [l for l in d_out.splitlines()
            if l.startswith(("Error", "error", "dsplay:")) or re.match(r'The \w+ "[^"]*" is invalid', l)]
    if errs:
        diffs.append("dsplay transcript has errors: " + " | ".join(errs))
    print("RESULT:", "SAME" if not diffs else "DIFF")
    for d_ in diffs:
        print("  -", d_)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())

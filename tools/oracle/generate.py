#!/usr/bin/env python3
"""Random, seeded scenarios in the oracle's format (../shared/oracle/README.md): clusters of nodes
with labels, taints of every effect and unschedulable; DaemonSets with nodeSelector, required node
affinity (every operator, matchFields), tolerations (Exists, Equal, empty key, tolerationSeconds),
hostNetwork, every update strategy with integer and percentage maxUnavailable/maxSurge,
minReadySeconds; steps that relabel, taint, cordon, delete and add nodes, change images and
selectors-compatible templates, delete DaemonSets (orphaning their pods or not) and create them
again (adopting the orphans, or with another selector), and settle. The same seed gives the same scenarios.

usage: generate.py --seed S --count N --out DIR
"""
import argparse
import os
import random

import yaml

KEYS = ["zone", "disk", "gpu"]
VALUES = ["a", "b", "ssd"]
EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"]
IMAGES = ["nginx:1.26", "nginx:1.27", "busybox:1.36"]
# Rounds (virtual seconds) a settle may take: dsplay's `sim settle` waits up to 10 minutes.
SETTLE = 600


def node(r, name):
    labels = {"kubernetes.io/hostname": name, "kubernetes.io/os": "linux"}
    for k in KEYS:
        if r.random() < 0.4:
            labels[k] = r.choice(VALUES)
    n = {"metadata": {"name": name, "labels": labels}}
    spec = {}
    if r.random() < 0.25:
        spec["taints"] = [taint(r)]
    if r.random() < 0.1:
        spec["unschedulable"] = True
    if spec:
        n["spec"] = spec
    return n


def taint(r):
    t = {"key": r.choice(KEYS), "effect": r.choice(EFFECTS)}
    if r.random() < 0.7:
        t["value"] = r.choice(VALUES)
    return t


def toleration(r):
    t = {}
    kind = r.random()
    if kind < 0.15:
        t["operator"] = "Exists"  # empty key: tolerates everything (of the effect, if given)
    elif kind < 0.55:
        t.update({"key": r.choice(KEYS), "operator": "Exists"})
    else:
        t.update({"key": r.choice(KEYS), "operator": "Equal", "value": r.choice(VALUES)})
    if r.random() < 0.6:
        t["effect"] = r.choice(EFFECTS)
    if t.get("effect") == "NoExecute" and r.random() < 0.3:
        t["tolerationSeconds"] = r.choice([0, 30, 300])
    return t


def affinity(r, node_names):
    if r.random() < 0.2 and node_names:
        field = {"key": "metadata.name", "operator": r.choice(["In", "NotIn"]),
                 "values": [r.choice(node_names)]}  # the API server allows exactly one
        return {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {
            "nodeSelectorTerms": [{"matchFields": [field]}]}}}
    op = r.choice(["In", "NotIn", "Exists", "DoesNotExist"])
    expr = {"key": r.choice(KEYS), "operator": op}
    if op in ("In", "NotIn"):
        expr["values"] = r.sample(VALUES, k=r.randint(1, 2))
    terms = [{"matchExpressions": [expr]}]
    if r.random() < 0.3:  # terms are ORed
        terms.append({"matchExpressions": [{"key": r.choice(KEYS), "operator": "Exists"}]})
    return {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": terms}}}


def int_or_percent(r, allow_zero=True):
    v = r.choice([0, 1, 2, "25%", "50%", "100%"] if allow_zero else [1, 2, "25%", "50%"])
    return v


def strategy(r):
    if r.random() < 0.2:
        return {"type": "OnDelete"}
    ru = {}
    if r.random() < 0.4:
        # A DaemonSet surges only with maxUnavailable 0 (validation V18).
        ru["maxSurge"] = int_or_percent(r, allow_zero=False)
        ru["maxUnavailable"] = 0
    else:
        ru["maxUnavailable"] = int_or_percent(r, allow_zero=False)
    return {"type": "RollingUpdate", "rollingUpdate": ru}


def daemonset(r, name, node_names):
    pod = {"containers": [{"name": "c", "image": r.choice(IMAGES)}]}
    if r.random() < 0.3:
        pod["nodeSelector"] = {r.choice(KEYS): r.choice(VALUES)}
    if r.random() < 0.3:
        pod["affinity"] = affinity(r, node_names)
    if r.random() < 0.5:
        pod["tolerations"] = [toleration(r) for _ in range(r.randint(1, 2))]
    if r.random() < 0.15:
        pod["hostNetwork"] = True
    if r.random() < 0.2:
        pod["containers"][0]["resources"] = {"requests": {"cpu": r.choice(["100m", "1", "3"])}}
    spec = {"selector": {"matchLabels": {"app": name}}, "updateStrategy": strategy(r),
            "template": {"metadata": {"labels": {"app": name}}, "spec": pod}}
    if r.random() < 0.2:
        spec["minReadySeconds"] = r.choice([5, 30])
    return {"metadata": {"name": name}, "spec": spec}


def step(r, nodes, dss, counter, gone):
    """One step: a change to the cluster, then a settle. `gone`: DaemonSets deleted so far."""
    st = {}
    what = r.random()
    names = [n["metadata"]["name"] for n in nodes]
    if what < 0.06 and dss:  # delete a DaemonSet, leaving its pods (orphan) or not
        i = r.randrange(len(dss))
        cascade = r.choice(["orphan", "orphan", "background"])
        gone.append(dss.pop(i))
        st["deleteDaemonSets"] = [{"name": gone[-1]["metadata"]["name"], "cascade": cascade}]
        st["comment"] = f"delete ds {gone[-1]['metadata']['name']} --cascade={cascade}"
    elif what < 0.12 and gone:  # create it again: the same (it adopts its orphans) or another selector
        ds = gone.pop(r.randrange(len(gone)))
        name = ds["metadata"]["name"]
        if r.random() < 0.5:
            ds = daemonset(r, name, names)
            if r.random() < 0.5:  # a new selector: the orphans no longer match
                label = {"app": name + "-b"}
                ds["spec"]["selector"]["matchLabels"] = label
                ds["spec"]["template"]["metadata"]["labels"] = dict(label)
        dss.append(ds)
        st["applyDaemonSets"] = [ds]
        st["comment"] = f"create ds {name} again"
    elif what < 0.3 and nodes:  # relabel or retaint a node (a whole new Node object)
        i = r.randrange(len(nodes))
        nodes[i] = node(r, names[i])
        st["applyNodes"] = [nodes[i]]
        st["comment"] = f"change node {names[i]}"
    elif what < 0.45 and nodes:
        i = r.randrange(len(nodes))
        n = nodes[i]
        spec = n.setdefault("spec", {})
        spec["unschedulable"] = not spec.get("unschedulable", False)
        st["applyNodes"] = [n]
        st["comment"] = f"cordon/uncordon {names[i]}"
    elif what < 0.55 and len(nodes) > 1:
        i = r.randrange(len(nodes))
        st["deleteNodes"] = [names[i]]
        st["comment"] = f"delete node {names[i]}"
        del nodes[i]
    elif what < 0.7:
        counter[0] += 1
        n = node(r, f"new-{counter[0]}")
        nodes.append(n)
        st["applyNodes"] = [n]
        st["comment"] = f"add node new-{counter[0]}"
    elif what < 0.9 and dss:
        ds = r.choice(dss)
        image = r.choice([i for i in IMAGES if i != ds["spec"]["template"]["spec"]["containers"][0]["image"]])
        ds["spec"]["template"]["spec"]["containers"][0]["image"] = image
        st["setImage"] = {"ds": ds["metadata"]["name"], "container": "c", "image": image}
        st["comment"] = "new image"
    elif dss:  # a new template and strategy through apply
        i = r.randrange(len(dss))
        name = dss[i]["metadata"]["name"]
        dss[i] = daemonset(r, name, [n["metadata"]["name"] for n in nodes])
        st["applyDaemonSets"] = [dss[i]]
        st["comment"] = f"re-apply {name}"
    st["settle"] = SETTLE
    return st


def scenario(seed):
    r = random.Random(seed)
    nodes = [node(r, f"node-{i}") for i in range(1, r.randint(1, 5) + 1)]
    names = [n["metadata"]["name"] for n in nodes]
    dss = [daemonset(r, f"ds-{i}", names) for i in range(1, r.randint(1, 2) + 1)]
    # The driver's cluster as dsplay's (docs/fidelity.md, "The driver"): Ready 3 s after the
    # start (dsplay's image pull 2 s and container start 1 s), a deleted pod gone after 1 s (its
    # container's stop), PodGC after 40 s, the taint-eviction controller, and the DaemonSet
    # controller syncing again at once after its own writes.
    sc = {"name": f"gen-{seed}", "readyDelay": 3, "stopSeconds": 1, "podGCSeconds": 40,
          "taintEviction": True, "instantResync": True, "nodes": [dict(n) for n in nodes], "daemonSets": [dict(d) for d in dss]}
    sc = yaml.safe_load(yaml.safe_dump(sc))  # a deep copy: steps change the live lists
    counter, gone = [0], []
    sc["steps"] = [{"settle": SETTLE}] + [yaml.safe_load(yaml.safe_dump(step(r, nodes, dss, counter, gone)))
                                      for _ in range(r.randint(1, 4))]
    return sc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for i in range(a.count):
        s = a.seed * 1_000_000 + i
        with open(os.path.join(a.out, f"gen-{s}.yaml"), "w") as f:
            yaml.safe_dump(scenario(s), f, sort_keys=False)


if __name__ == "__main__":
    main()

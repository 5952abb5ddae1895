// Generated manifests for the browser benchmarks, the same shapes as the engine's
// (engine/src/bench/manifests.rs): NodeLists of at most 500 items, one RollingUpdate DaemonSet.

const pad = (i) => String(i).padStart(5, '0');

/** Nodes `first` to `end` (exclusive) as one NodeList document. */
function nodeListOf(first, end) {
  let yaml = 'apiVersion: v1\nkind: NodeList\nitems:\n';
  for (let i = first; i < end; i++) {
    yaml += `- apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-${pad(i)}\n    labels:\n      topology.kubernetes.io/zone: zone-${i % 3}\n`;
  }
  return yaml;
}

/** `n` nodes as NodeList documents of at most 500 items (one Apply each). */
export function nodeLists(n) {
  const lists = [];
  for (let first = 0; first < n; first += 500) lists.push(nodeListOf(first, Math.min(n, first + 500)));
  return lists;
}

/** `n` nodes as one NodeList document (one paste, one Apply). */
export const nodeList = (n) => nodeListOf(0, n);

/** One RollingUpdate DaemonSet with one container. */
export function daemonSet(name, image, maxUnavailable) {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: ${maxUnavailable}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: main
        image: ${image}
`;
}

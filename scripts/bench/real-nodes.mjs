// A realistic `kubectl get nodes -o yaml` (issue 20): what an operator pastes from a real cluster,
// not the benchmarks' 114-byte nodes. Shaped after the Node object of the Kubernetes API reference
// (core/v1 Node, NodeStatus) as kubectl prints it: a `kind: List` of nodes, keys sorted, no
// managedFields (kubectl hides them by default). Each node has ~20 labels, a few annotations,
// podCIDR, providerID, sometimes a taint, its addresses, capacity and allocatable, five
// conditions, daemonEndpoints, nodeInfo, and 30–80 cached images with their names and sizes:
// 8–15 KB and 400–600 YAML nodes a node. Deterministic (a seeded generator), so that runs compare.
//
// Usage: `node scripts/bench/real-nodes.mjs N > nodes.yaml`, or import `realNodeList(n)`.

/** A small seeded generator (mulberry32), so that the same `n` gives the same text. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const TYPES = [
  ['m5.xlarge', '4', '16069476Ki', '3920m', '15052644Ki', '58'],
  ['m5.2xlarge', '8', '32499092Ki', '7910m', '31482260Ki', '58'],
  ['c5.4xlarge', '16', '32264088Ki', '15890m', '31247256Ki', '234'],
];
// Images a node of a real cluster has pulled: system agents, then workloads.
const REPOS = [
  'registry.k8s.io/kube-proxy', 'registry.k8s.io/pause', 'registry.k8s.io/coredns/coredns',
  'docker.io/calico/node', 'docker.io/calico/cni', 'quay.io/prometheus/node-exporter',
  'docker.io/fluent/fluent-bit', 'public.ecr.aws/eks/aws-ebs-csi-driver',
  'registry.k8s.io/sig-storage/csi-node-driver-registrar', 'registry.k8s.io/sig-storage/livenessprobe',
  'quay.io/cilium/cilium', 'docker.io/grafana/promtail', 'gcr.io/datadoghq/agent',
  'docker.io/library/nginx', 'docker.io/library/redis', 'docker.io/library/postgres',
  'ghcr.io/example/payments-api', 'ghcr.io/example/checkout-web', 'ghcr.io/example/search-indexer',
  'ghcr.io/example/orders-worker', 'ghcr.io/example/recommendations', 'ghcr.io/example/auth-gateway',
];

const hex = (rnd, n) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
const uid = (rnd) => `${hex(rnd, 8)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 12)}`;

const CONDITIONS = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/** One node, as an item of kubectl's list (indented two spaces, led by `- `). */
function node(i, rnd) {
  const zone = ZONES[i % ZONES.length];
  const [type, cpu, memory, allocCpu, allocMemory, pods] = TYPES[i % TYPES.length];
  const ip = `10.0.${(i >> 8) & 255}.${i & 255}`;
  const name = `ip-10-0-${(i >> 8) & 255}-${i & 255}.ec2.internal`;
  const instance = `i-0${hex(rnd, 16)}`;
  const created = '2026-11-02T08:14:37Z';
  const beat = '2026-12-06T09:41:12Z';
  const pool = ['general', 'compute', 'memory'][i % 3];
  let y = `- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      alpha.kubernetes.io/provided-node-ip: ${ip}
      csi.volume.kubernetes.io/nodeid: '{"ebs.csi.aws.com":"${instance}"}'
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "${created}"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/instance-type: ${type}
      beta.kubernetes.io/os: linux
      eks.amazonaws.com/capacityType: ON_DEMAND
      eks.amazonaws.com/nodegroup: ${pool}-pool
      eks.amazonaws.com/nodegroup-image: ami-0${hex(rnd, 16)}
      eks.amazonaws.com/sourceLaunchTemplateId: lt-0${hex(rnd, 16)}
      eks.amazonaws.com/sourceLaunchTemplateVersion: "3"
      failure-domain.beta.kubernetes.io/region: us-east-1
      failure-domain.beta.kubernetes.io/zone: ${zone}
      k8s.io/cloud-provider-aws: ${hex(rnd, 32)}
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: ${name}
      kubernetes.io/os: linux
      node.kubernetes.io/instance-type: ${type}
      team: ${['platform', 'payments', 'search', 'data'][i % 4]}
      topology.ebs.csi.aws.com/zone: ${zone}
      topology.k8s.aws/zone-id: use1-az${(i % 3) + 1}
      topology.kubernetes.io/region: us-east-1
      topology.kubernetes.io/zone: ${zone}
    name: ${name}
    resourceVersion: "${48_000_000 + i * 7}"
    uid: ${uid(rnd)}
  spec:
    podCIDR: 10.244.${i % 256}.0/24
    podCIDRs:
    - 10.244.${i % 256}.0/24
    providerID: aws:///${zone}/${instance}
`;
  if (pool === 'memory') {
    y += `    taints:
    - effect: NoSchedule
      key: dedicated
      value: memory
`;
  }
  y += `  status:
    addresses:
    - address: ${ip}
      type: InternalIP
    - address: ${name}
      type: InternalDNS
    - address: ${name}
      type: Hostname
`;
  const resources = (c, m, disk) => `      cpu: ${c}
      ephemeral-storage: ${disk}
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: ${m}
      pods: "${pods}"
`;
  y += `    allocatable:\n${resources(allocCpu, allocMemory, '"95551679124"')}`;
  y += `    capacity:\n${resources(`"${cpu}"`, memory, '104845292Ki')}`;
  y += '    conditions:\n';
  for (const [type, status, reason, message] of CONDITIONS) {
    y += `    - lastHeartbeatTime: "${beat}"
      lastTransitionTime: "${created}"
      message: ${message}
      reason: ${reason}
      status: "${status}"
      type: ${type}
`;
  }
  y += `    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    images:
`;
  const images = 30 + Math.floor(rnd() * 51);
  for (let k = 0; k < images; k++) {
    const repo = REPOS[k % REPOS.length];
    const tag = `v${1 + (k % 3)}.${Math.floor(k / REPOS.length)}.${Math.floor(rnd() * 20)}`;
    y += `    - names:
      - ${repo}@sha256:${hex(rnd, 64)}
      - ${repo}:${tag}
      sizeBytes: ${1_000_000 + Math.floor(rnd() * 400_000_000)}
`;
  }
  y += `    nodeInfo:
      architecture: amd64
      bootID: ${uid(rnd)}
      containerRuntimeVersion: containerd://1.7.22
      kernelVersion: 5.10.227-219.884.amzn2.x86_64
      kubeProxyVersion: v1.31.2-eks-94953ac
      kubeletVersion: v1.31.2-eks-94953ac
      machineID: ec2${hex(rnd, 29)}
      operatingSystem: linux
      osImage: Amazon Linux 2
      systemUUID: ec2${hex(rnd, 5)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 12)}
`;
  return y;
}

/** `n` nodes as kubectl prints them: one `kind: List` document. */
export function realNodeList(n) {
  const rnd = random(20);
  const parts = ['apiVersion: v1\nitems:\n'];
  for (let i = 0; i < n; i++) parts.push(node(i, rnd));
  parts.push('kind: List\nmetadata:\n  resourceVersion: ""\n');
  return parts.join('');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(realNodeList(Number(process.argv[2] ?? 1000)));
}

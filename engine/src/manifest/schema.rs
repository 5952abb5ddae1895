//! The field names and Go types of the Kubernetes types the playground reads, as the API server
//! knows them (`k8s.io/api` apps/v1 and core/v1, `k8s.io/apimachinery` meta/v1, as of
//! Kubernetes 1.36). Strict decoding checks every field name against these lists and reports
//! wrong types with the Go type names the API server prints.
//!
//! Types the simulation does not look into (volume sources, security contexts, ...) are
//! [`Ty::Opaque`]: only their JSON shape (object or array) is checked, their content is carried
//! as it came. Every list here is complete for its type, so no real field is ever refused.

/// What a JSON value must be.
#[derive(Debug)]
pub(crate) enum Ty {
    /// A Go string or named string type (`string`, `v1.RestartPolicy`).
    Str(&'static str),
    Bool,
    Int32,
    Int64,
    /// `intstr.IntOrString`.
    IntOrString,
    /// `resource.Quantity`: a string or number in quantity syntax.
    Quantity,
    /// `metav1.Time`: an RFC 3339 string.
    Time,
    Slice(&'static Ty),
    /// `map[string]X`, with the Go name of the map type.
    Map(&'static Ty, &'static str),
    Struct(&'static Struct),
    /// Carried as it came: only the shape is checked.
    Opaque(Shape, &'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Object,
    Array,
    /// Anything (`FieldsV1` takes any JSON).
    Any,
}

/// A Go struct: its type name as `reflect` prints it and its JSON fields.
#[derive(Debug)]
pub(crate) struct Struct {
    pub go: &'static str,
    pub fields: &'static [(&'static str, Ty)],
}

impl Struct {
    pub(crate) fn field(&self, name: &str) -> Option<&'static Ty> {
        self.fields.iter().find(|(n, _)| *n == name).map(|(_, t)| t)
    }
}

impl Ty {
    /// The Go type name printed in `cannot unmarshal X into Go struct field ... of type T`
    /// (pointers are followed, so `*int32` prints `int32`).
    pub(crate) fn go_name(&self) -> String {
        match self {
            Ty::Str(n) | Ty::Map(_, n) | Ty::Opaque(_, n) => (*n).to_string(),
            Ty::Bool => "bool".into(),
            Ty::Int32 => "int32".into(),
            Ty::Int64 => "int64".into(),
            Ty::IntOrString => "intstr.IntOrString".into(),
            Ty::Quantity => "resource.Quantity".into(),
            Ty::Time => "v1.Time".into(),
            Ty::Slice(elem) => format!("[]{}", elem.go_name()),
            Ty::Struct(s) => s.go.into(),
        }
    }
}

const STRING: Ty = Ty::Str("string");

pub(crate) static DAEMON_SET: Struct = Struct {
    go: "v1.DaemonSet",
    fields: &[
        ("apiVersion", STRING),
        ("kind", STRING),
        ("metadata", Ty::Struct(&OBJECT_META)),
        ("spec", Ty::Struct(&DAEMON_SET_SPEC)),
        ("status", Ty::Struct(&DAEMON_SET_STATUS)),
    ],
};

pub(crate) static NODE: Struct = Struct {
    go: "v1.Node",
    fields: &[
        ("apiVersion", STRING),
        ("kind", STRING),
        ("metadata", Ty::Struct(&OBJECT_META)),
        ("spec", Ty::Struct(&NODE_SPEC)),
        ("status", Ty::Struct(&NODE_STATUS)),
    ],
};

pub(crate) static DEPLOYMENT: Struct = Struct {
    go: "v1.Deployment",
    fields: &[
        ("apiVersion", STRING),
        ("kind", STRING),
        ("metadata", Ty::Struct(&OBJECT_META)),
        ("spec", Ty::Struct(&DEPLOYMENT_SPEC)),
        ("status", Ty::Struct(&DEPLOYMENT_STATUS)),
    ],
};

pub(crate) static REPLICA_SET: Struct = Struct {
    go: "v1.ReplicaSet",
    fields: &[
        ("apiVersion", STRING),
        ("kind", STRING),
        ("metadata", Ty::Struct(&OBJECT_META)),
        ("spec", Ty::Struct(&REPLICA_SET_SPEC)),
        ("status", Ty::Struct(&REPLICA_SET_STATUS)),
    ],
};

static DEPLOYMENT_SPEC: Struct = Struct {
    go: "v1.DeploymentSpec",
    fields: &[
        ("replicas", Ty::Int32),
        ("selector", Ty::Struct(&LABEL_SELECTOR)),
        ("template", Ty::Struct(&POD_TEMPLATE_SPEC)),
        ("strategy", Ty::Struct(&DEPLOYMENT_STRATEGY)),
        ("minReadySeconds", Ty::Int32),
        ("revisionHistoryLimit", Ty::Int32),
        ("paused", Ty::Bool),
        ("progressDeadlineSeconds", Ty::Int32),
    ],
};

static DEPLOYMENT_STRATEGY: Struct = Struct {
    go: "v1.DeploymentStrategy",
    fields: &[
        ("type", Ty::Str("v1.DeploymentStrategyType")),
        ("rollingUpdate", Ty::Struct(&ROLLING_UPDATE_DEPLOYMENT)),
    ],
};

static ROLLING_UPDATE_DEPLOYMENT: Struct = Struct {
    go: "v1.RollingUpdateDeployment",
    fields: &[
        ("maxUnavailable", Ty::IntOrString),
        ("maxSurge", Ty::IntOrString),
    ],
};

static DEPLOYMENT_STATUS: Struct = Struct {
    go: "v1.DeploymentStatus",
    fields: &[
        ("observedGeneration", Ty::Int64),
        ("replicas", Ty::Int32),
        ("updatedReplicas", Ty::Int32),
        ("readyReplicas", Ty::Int32),
        ("availableReplicas", Ty::Int32),
        ("unavailableReplicas", Ty::Int32),
        ("terminatingReplicas", Ty::Int32),
        ("conditions", Ty::Slice(&Ty::Struct(&DEPLOYMENT_CONDITION))),
        ("collisionCount", Ty::Int32),
    ],
};

static DEPLOYMENT_CONDITION: Struct = Struct {
    go: "v1.DeploymentCondition",
    fields: &[
        ("type", Ty::Str("v1.DeploymentConditionType")),
        ("status", Ty::Str("v1.ConditionStatus")),
        ("lastUpdateTime", Ty::Time),
        ("lastTransitionTime", Ty::Time),
        ("reason", STRING),
        ("message", STRING),
    ],
};

static REPLICA_SET_SPEC: Struct = Struct {
    go: "v1.ReplicaSetSpec",
    fields: &[
        ("replicas", Ty::Int32),
        ("minReadySeconds", Ty::Int32),
        ("selector", Ty::Struct(&LABEL_SELECTOR)),
        ("template", Ty::Struct(&POD_TEMPLATE_SPEC)),
    ],
};

static REPLICA_SET_STATUS: Struct = Struct {
    go: "v1.ReplicaSetStatus",
    fields: &[
        ("replicas", Ty::Int32),
        ("fullyLabeledReplicas", Ty::Int32),
        ("readyReplicas", Ty::Int32),
        ("availableReplicas", Ty::Int32),
        ("terminatingReplicas", Ty::Int32),
        ("observedGeneration", Ty::Int64),
        ("conditions", Ty::Slice(&Ty::Struct(&REPLICA_SET_CONDITION))),
    ],
};

static REPLICA_SET_CONDITION: Struct = Struct {
    go: "v1.ReplicaSetCondition",
    fields: &[
        ("type", Ty::Str("v1.ReplicaSetConditionType")),
        ("status", Ty::Str("v1.ConditionStatus")),
        ("lastTransitionTime", Ty::Time),
        ("reason", STRING),
        ("message", STRING),
    ],
};

static OBJECT_META: Struct = Struct {
    go: "v1.ObjectMeta",
    fields: &[
        ("name", STRING),
        ("generateName", STRING),
        ("namespace", STRING),
        ("selfLink", STRING),
        ("uid", Ty::Str("types.UID")),
        ("resourceVersion", STRING),
        ("generation", Ty::Int64),
        ("creationTimestamp", Ty::Time),
        ("deletionTimestamp", Ty::Time),
        ("deletionGracePeriodSeconds", Ty::Int64),
        ("labels", Ty::Map(&STRING, "map[string]string")),
        ("annotations", Ty::Map(&STRING, "map[string]string")),
        ("ownerReferences", Ty::Slice(&Ty::Struct(&OWNER_REFERENCE))),
        ("finalizers", Ty::Slice(&STRING)),
        (
            "managedFields",
            Ty::Slice(&Ty::Struct(&MANAGED_FIELDS_ENTRY)),
        ),
    ],
};

static OWNER_REFERENCE: Struct = Struct {
    go: "v1.OwnerReference",
    fields: &[
        ("apiVersion", STRING),
        ("kind", STRING),
        ("name", STRING),
        ("uid", Ty::Str("types.UID")),
        ("controller", Ty::Bool),
        ("blockOwnerDeletion", Ty::Bool),
    ],
};

static MANAGED_FIELDS_ENTRY: Struct = Struct {
    go: "v1.ManagedFieldsEntry",
    fields: &[
        ("manager", STRING),
        ("operation", Ty::Str("v1.ManagedFieldsOperationType")),
        ("apiVersion", STRING),
        ("time", Ty::Time),
        ("fieldsType", STRING),
        ("fieldsV1", Ty::Opaque(Shape::Any, "v1.FieldsV1")),
        ("subresource", STRING),
    ],
};

static LABEL_SELECTOR: Struct = Struct {
    go: "v1.LabelSelector",
    fields: &[
        ("matchLabels", Ty::Map(&STRING, "map[string]string")),
        (
            "matchExpressions",
            Ty::Slice(&Ty::Struct(&LABEL_SELECTOR_REQUIREMENT)),
        ),
    ],
};

static LABEL_SELECTOR_REQUIREMENT: Struct = Struct {
    go: "v1.LabelSelectorRequirement",
    fields: &[
        ("key", STRING),
        ("operator", Ty::Str("v1.LabelSelectorOperator")),
        ("values", Ty::Slice(&STRING)),
    ],
};

static DAEMON_SET_SPEC: Struct = Struct {
    go: "v1.DaemonSetSpec",
    fields: &[
        ("selector", Ty::Struct(&LABEL_SELECTOR)),
        ("template", Ty::Struct(&POD_TEMPLATE_SPEC)),
        ("updateStrategy", Ty::Struct(&DAEMON_SET_UPDATE_STRATEGY)),
        ("minReadySeconds", Ty::Int32),
        ("revisionHistoryLimit", Ty::Int32),
    ],
};

static DAEMON_SET_UPDATE_STRATEGY: Struct = Struct {
    go: "v1.DaemonSetUpdateStrategy",
    fields: &[
        ("type", Ty::Str("v1.DaemonSetUpdateStrategyType")),
        ("rollingUpdate", Ty::Struct(&ROLLING_UPDATE_DAEMON_SET)),
    ],
};

static ROLLING_UPDATE_DAEMON_SET: Struct = Struct {
    go: "v1.RollingUpdateDaemonSet",
    fields: &[
        ("maxUnavailable", Ty::IntOrString),
        ("maxSurge", Ty::IntOrString),
    ],
};

static DAEMON_SET_STATUS: Struct = Struct {
    go: "v1.DaemonSetStatus",
    fields: &[
        ("currentNumberScheduled", Ty::Int32),
        ("numberMisscheduled", Ty::Int32),
        ("desiredNumberScheduled", Ty::Int32),
        ("numberReady", Ty::Int32),
        ("observedGeneration", Ty::Int64),
        ("updatedNumberScheduled", Ty::Int32),
        ("numberAvailable", Ty::Int32),
        ("numberUnavailable", Ty::Int32),
        ("collisionCount", Ty::Int32),
        ("conditions", Ty::Slice(&Ty::Struct(&DAEMON_SET_CONDITION))),
    ],
};

static DAEMON_SET_CONDITION: Struct = Struct {
    go: "v1.DaemonSetCondition",
    fields: &[
        ("type", Ty::Str("v1.DaemonSetConditionType")),
        ("status", Ty::Str("v1.ConditionStatus")),
        ("lastTransitionTime", Ty::Time),
        ("reason", STRING),
        ("message", STRING),
    ],
};

pub(crate) static POD_TEMPLATE_SPEC: Struct = Struct {
    go: "v1.PodTemplateSpec",
    fields: &[
        ("metadata", Ty::Struct(&OBJECT_META)),
        ("spec", Ty::Struct(&POD_SPEC)),
    ],
};

static POD_SPEC: Struct = Struct {
    go: "v1.PodSpec",
    fields: &[
        ("volumes", Ty::Slice(&Ty::Struct(&VOLUME))),
        ("initContainers", Ty::Slice(&Ty::Struct(&CONTAINER))),
        ("containers", Ty::Slice(&Ty::Struct(&CONTAINER))),
        (
            "ephemeralContainers",
            Ty::Opaque(Shape::Array, "[]v1.EphemeralContainer"),
        ),
        ("restartPolicy", Ty::Str("v1.RestartPolicy")),
        ("terminationGracePeriodSeconds", Ty::Int64),
        ("activeDeadlineSeconds", Ty::Int64),
        ("dnsPolicy", Ty::Str("v1.DNSPolicy")),
        ("nodeSelector", Ty::Map(&STRING, "map[string]string")),
        ("serviceAccountName", STRING),
        ("serviceAccount", STRING),
        ("automountServiceAccountToken", Ty::Bool),
        ("nodeName", STRING),
        ("hostNetwork", Ty::Bool),
        ("hostPID", Ty::Bool),
        ("hostIPC", Ty::Bool),
        ("shareProcessNamespace", Ty::Bool),
        (
            "securityContext",
            Ty::Opaque(Shape::Object, "v1.PodSecurityContext"),
        ),
        (
            "imagePullSecrets",
            Ty::Opaque(Shape::Array, "[]v1.LocalObjectReference"),
        ),
        ("hostname", STRING),
        ("subdomain", STRING),
        ("affinity", Ty::Struct(&AFFINITY)),
        ("schedulerName", STRING),
        ("tolerations", Ty::Slice(&Ty::Struct(&TOLERATION))),
        ("hostAliases", Ty::Opaque(Shape::Array, "[]v1.HostAlias")),
        ("priorityClassName", STRING),
        ("priority", Ty::Int32),
        ("dnsConfig", Ty::Opaque(Shape::Object, "v1.PodDNSConfig")),
        (
            "readinessGates",
            Ty::Opaque(Shape::Array, "[]v1.PodReadinessGate"),
        ),
        ("runtimeClassName", STRING),
        ("enableServiceLinks", Ty::Bool),
        ("preemptionPolicy", Ty::Str("v1.PreemptionPolicy")),
        ("overhead", Ty::Map(&Ty::Quantity, "v1.ResourceList")),
        (
            "topologySpreadConstraints",
            Ty::Opaque(Shape::Array, "[]v1.TopologySpreadConstraint"),
        ),
        ("setHostnameAsFQDN", Ty::Bool),
        ("os", Ty::Opaque(Shape::Object, "v1.PodOS")),
        ("hostUsers", Ty::Bool),
        (
            "schedulingGates",
            Ty::Opaque(Shape::Array, "[]v1.PodSchedulingGate"),
        ),
        (
            "resourceClaims",
            Ty::Opaque(Shape::Array, "[]v1.PodResourceClaim"),
        ),
        ("resources", Ty::Struct(&RESOURCE_REQUIREMENTS)),
        ("hostnameOverride", STRING),
        (
            "schedulingGroup",
            Ty::Opaque(Shape::Object, "v1.PodSchedulingGroup"),
        ),
        (
            "evictionResponders",
            Ty::Opaque(Shape::Array, "[]v1.EvictionResponder"),
        ),
    ],
};

static CONTAINER: Struct = Struct {
    go: "v1.Container",
    fields: &[
        ("name", STRING),
        ("image", STRING),
        ("command", Ty::Slice(&STRING)),
        ("args", Ty::Slice(&STRING)),
        ("workingDir", STRING),
        ("ports", Ty::Slice(&Ty::Struct(&CONTAINER_PORT))),
        ("envFrom", Ty::Opaque(Shape::Array, "[]v1.EnvFromSource")),
        ("env", Ty::Slice(&Ty::Struct(&ENV_VAR))),
        ("resources", Ty::Struct(&RESOURCE_REQUIREMENTS)),
        (
            "resizePolicy",
            Ty::Opaque(Shape::Array, "[]v1.ContainerResizePolicy"),
        ),
        ("restartPolicy", Ty::Str("v1.ContainerRestartPolicy")),
        (
            "restartPolicyRules",
            Ty::Opaque(Shape::Array, "[]v1.ContainerRestartRule"),
        ),
        ("volumeMounts", Ty::Slice(&Ty::Struct(&VOLUME_MOUNT))),
        (
            "volumeDevices",
            Ty::Opaque(Shape::Array, "[]v1.VolumeDevice"),
        ),
        ("livenessProbe", Ty::Struct(&PROBE)),
        ("readinessProbe", Ty::Struct(&PROBE)),
        ("startupProbe", Ty::Struct(&PROBE)),
        ("lifecycle", Ty::Opaque(Shape::Object, "v1.Lifecycle")),
        ("terminationMessagePath", STRING),
        (
            "terminationMessagePolicy",
            Ty::Str("v1.TerminationMessagePolicy"),
        ),
        ("imagePullPolicy", Ty::Str("v1.PullPolicy")),
        (
            "securityContext",
            Ty::Opaque(Shape::Object, "v1.SecurityContext"),
        ),
        ("stdin", Ty::Bool),
        ("stdinOnce", Ty::Bool),
        ("tty", Ty::Bool),
    ],
};

static CONTAINER_PORT: Struct = Struct {
    go: "v1.ContainerPort",
    fields: &[
        ("name", STRING),
        ("hostPort", Ty::Int32),
        ("containerPort", Ty::Int32),
        ("protocol", Ty::Str("v1.Protocol")),
        ("hostIP", STRING),
    ],
};

static ENV_VAR: Struct = Struct {
    go: "v1.EnvVar",
    fields: &[
        ("name", STRING),
        ("value", STRING),
        ("valueFrom", Ty::Opaque(Shape::Object, "v1.EnvVarSource")),
    ],
};

static VOLUME_MOUNT: Struct = Struct {
    go: "v1.VolumeMount",
    fields: &[
        ("name", STRING),
        ("readOnly", Ty::Bool),
        ("recursiveReadOnly", Ty::Str("v1.RecursiveReadOnlyMode")),
        ("mountPath", STRING),
        ("subPath", STRING),
        ("mountPropagation", Ty::Str("v1.MountPropagationMode")),
        ("subPathExpr", STRING),
        ("bindMountOptions", Ty::Slice(&STRING)),
    ],
};

/// `Volume`: a name and the inlined `VolumeSource`, whose sources are carried as they came.
static VOLUME: Struct = Struct {
    go: "v1.Volume",
    fields: &[
        ("name", STRING),
        (
            "hostPath",
            Ty::Opaque(Shape::Object, "v1.HostPathVolumeSource"),
        ),
        (
            "emptyDir",
            Ty::Opaque(Shape::Object, "v1.EmptyDirVolumeSource"),
        ),
        (
            "gcePersistentDisk",
            Ty::Opaque(Shape::Object, "v1.GCEPersistentDiskVolumeSource"),
        ),
        (
            "awsElasticBlockStore",
            Ty::Opaque(Shape::Object, "v1.AWSElasticBlockStoreVolumeSource"),
        ),
        (
            "gitRepo",
            Ty::Opaque(Shape::Object, "v1.GitRepoVolumeSource"),
        ),
        ("secret", Ty::Opaque(Shape::Object, "v1.SecretVolumeSource")),
        ("nfs", Ty::Opaque(Shape::Object, "v1.NFSVolumeSource")),
        ("iscsi", Ty::Opaque(Shape::Object, "v1.ISCSIVolumeSource")),
        (
            "glusterfs",
            Ty::Opaque(Shape::Object, "v1.GlusterfsVolumeSource"),
        ),
        (
            "persistentVolumeClaim",
            Ty::Opaque(Shape::Object, "v1.PersistentVolumeClaimVolumeSource"),
        ),
        ("rbd", Ty::Opaque(Shape::Object, "v1.RBDVolumeSource")),
        (
            "flexVolume",
            Ty::Opaque(Shape::Object, "v1.FlexVolumeSource"),
        ),
        ("cinder", Ty::Opaque(Shape::Object, "v1.CinderVolumeSource")),
        ("cephfs", Ty::Opaque(Shape::Object, "v1.CephFSVolumeSource")),
        (
            "flocker",
            Ty::Opaque(Shape::Object, "v1.FlockerVolumeSource"),
        ),
        (
            "downwardAPI",
            Ty::Opaque(Shape::Object, "v1.DownwardAPIVolumeSource"),
        ),
        ("fc", Ty::Opaque(Shape::Object, "v1.FCVolumeSource")),
        (
            "azureFile",
            Ty::Opaque(Shape::Object, "v1.AzureFileVolumeSource"),
        ),
        (
            "configMap",
            Ty::Opaque(Shape::Object, "v1.ConfigMapVolumeSource"),
        ),
        (
            "vsphereVolume",
            Ty::Opaque(Shape::Object, "v1.VsphereVirtualDiskVolumeSource"),
        ),
        (
            "quobyte",
            Ty::Opaque(Shape::Object, "v1.QuobyteVolumeSource"),
        ),
        (
            "azureDisk",
            Ty::Opaque(Shape::Object, "v1.AzureDiskVolumeSource"),
        ),
        (
            "photonPersistentDisk",
            Ty::Opaque(Shape::Object, "v1.PhotonPersistentDiskVolumeSource"),
        ),
        (
            "projected",
            Ty::Opaque(Shape::Object, "v1.ProjectedVolumeSource"),
        ),
        (
            "portworxVolume",
            Ty::Opaque(Shape::Object, "v1.PortworxVolumeSource"),
        ),
        (
            "scaleIO",
            Ty::Opaque(Shape::Object, "v1.ScaleIOVolumeSource"),
        ),
        (
            "storageos",
            Ty::Opaque(Shape::Object, "v1.StorageOSVolumeSource"),
        ),
        ("csi", Ty::Opaque(Shape::Object, "v1.CSIVolumeSource")),
        (
            "ephemeral",
            Ty::Opaque(Shape::Object, "v1.EphemeralVolumeSource"),
        ),
        ("image", Ty::Opaque(Shape::Object, "v1.ImageVolumeSource")),
    ],
};

static RESOURCE_REQUIREMENTS: Struct = Struct {
    go: "v1.ResourceRequirements",
    fields: &[
        ("limits", Ty::Map(&Ty::Quantity, "v1.ResourceList")),
        ("requests", Ty::Map(&Ty::Quantity, "v1.ResourceList")),
        ("claims", Ty::Opaque(Shape::Array, "[]v1.ResourceClaim")),
    ],
};

/// `Probe` with its inlined `ProbeHandler`.
static PROBE: Struct = Struct {
    go: "v1.Probe",
    fields: &[
        ("exec", Ty::Opaque(Shape::Object, "v1.ExecAction")),
        ("httpGet", Ty::Opaque(Shape::Object, "v1.HTTPGetAction")),
        ("tcpSocket", Ty::Opaque(Shape::Object, "v1.TCPSocketAction")),
        ("grpc", Ty::Opaque(Shape::Object, "v1.GRPCAction")),
        ("initialDelaySeconds", Ty::Int32),
        ("timeoutSeconds", Ty::Int32),
        ("periodSeconds", Ty::Int32),
        ("successThreshold", Ty::Int32),
        ("failureThreshold", Ty::Int32),
        ("terminationGracePeriodSeconds", Ty::Int64),
    ],
};

static TOLERATION: Struct = Struct {
    go: "v1.Toleration",
    fields: &[
        ("key", STRING),
        ("operator", Ty::Str("v1.TolerationOperator")),
        ("value", STRING),
        ("effect", Ty::Str("v1.TaintEffect")),
        ("tolerationSeconds", Ty::Int64),
    ],
};

static AFFINITY: Struct = Struct {
    go: "v1.Affinity",
    fields: &[
        ("nodeAffinity", Ty::Struct(&NODE_AFFINITY)),
        ("podAffinity", Ty::Opaque(Shape::Object, "v1.PodAffinity")),
        (
            "podAntiAffinity",
            Ty::Opaque(Shape::Object, "v1.PodAntiAffinity"),
        ),
    ],
};

static NODE_AFFINITY: Struct = Struct {
    go: "v1.NodeAffinity",
    fields: &[
        (
            "requiredDuringSchedulingIgnoredDuringExecution",
            Ty::Struct(&NODE_SELECTOR),
        ),
        (
            "preferredDuringSchedulingIgnoredDuringExecution",
            Ty::Slice(&Ty::Struct(&PREFERRED_SCHEDULING_TERM)),
        ),
    ],
};

static NODE_SELECTOR: Struct = Struct {
    go: "v1.NodeSelector",
    fields: &[(
        "nodeSelectorTerms",
        Ty::Slice(&Ty::Struct(&NODE_SELECTOR_TERM)),
    )],
};

pub(crate) static NODE_SELECTOR_TERM: Struct = Struct {
    go: "v1.NodeSelectorTerm",
    fields: &[
        (
            "matchExpressions",
            Ty::Slice(&Ty::Struct(&NODE_SELECTOR_REQUIREMENT)),
        ),
        (
            "matchFields",
            Ty::Slice(&Ty::Struct(&NODE_SELECTOR_REQUIREMENT)),
        ),
    ],
};

static NODE_SELECTOR_REQUIREMENT: Struct = Struct {
    go: "v1.NodeSelectorRequirement",
    fields: &[
        ("key", STRING),
        ("operator", Ty::Str("v1.NodeSelectorOperator")),
        ("values", Ty::Slice(&STRING)),
    ],
};

static PREFERRED_SCHEDULING_TERM: Struct = Struct {
    go: "v1.PreferredSchedulingTerm",
    fields: &[
        ("weight", Ty::Int32),
        ("preference", Ty::Struct(&NODE_SELECTOR_TERM)),
    ],
};

static NODE_SPEC: Struct = Struct {
    go: "v1.NodeSpec",
    fields: &[
        ("podCIDR", STRING),
        ("podCIDRs", Ty::Slice(&STRING)),
        ("providerID", STRING),
        ("unschedulable", Ty::Bool),
        ("taints", Ty::Slice(&Ty::Struct(&TAINT))),
        (
            "configSource",
            Ty::Opaque(Shape::Object, "v1.NodeConfigSource"),
        ),
        ("externalID", STRING),
        (
            "podPreemptionPolicy",
            Ty::Opaque(Shape::Any, "v1.NodePodPreemptionPolicy"),
        ),
    ],
};

static TAINT: Struct = Struct {
    go: "v1.Taint",
    fields: &[
        ("key", STRING),
        ("value", STRING),
        ("effect", Ty::Str("v1.TaintEffect")),
        ("timeAdded", Ty::Time),
    ],
};

static NODE_STATUS: Struct = Struct {
    go: "v1.NodeStatus",
    fields: &[
        ("capacity", Ty::Map(&Ty::Quantity, "v1.ResourceList")),
        ("allocatable", Ty::Map(&Ty::Quantity, "v1.ResourceList")),
        ("phase", Ty::Str("v1.NodePhase")),
        ("conditions", Ty::Slice(&Ty::Struct(&NODE_CONDITION))),
        ("addresses", Ty::Slice(&Ty::Struct(&NODE_ADDRESS))),
        (
            "daemonEndpoints",
            Ty::Opaque(Shape::Object, "v1.NodeDaemonEndpoints"),
        ),
        ("nodeInfo", Ty::Opaque(Shape::Object, "v1.NodeSystemInfo")),
        ("images", Ty::Opaque(Shape::Array, "[]v1.ContainerImage")),
        ("volumesInUse", Ty::Slice(&Ty::Str("v1.UniqueVolumeName"))),
        (
            "volumesAttached",
            Ty::Opaque(Shape::Array, "[]v1.AttachedVolume"),
        ),
        ("config", Ty::Opaque(Shape::Object, "v1.NodeConfigStatus")),
        (
            "runtimeHandlers",
            Ty::Opaque(Shape::Array, "[]v1.NodeRuntimeHandler"),
        ),
        ("features", Ty::Opaque(Shape::Object, "v1.NodeFeatures")),
        ("declaredFeatures", Ty::Slice(&STRING)),
    ],
};

static NODE_CONDITION: Struct = Struct {
    go: "v1.NodeCondition",
    fields: &[
        ("type", Ty::Str("v1.NodeConditionType")),
        ("status", Ty::Str("v1.ConditionStatus")),
        ("lastHeartbeatTime", Ty::Time),
        ("lastTransitionTime", Ty::Time),
        ("reason", STRING),
        ("message", STRING),
    ],
};

static NODE_ADDRESS: Struct = Struct {
    go: "v1.NodeAddress",
    fields: &[("type", Ty::Str("v1.NodeAddressType")), ("address", STRING)],
};

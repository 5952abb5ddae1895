//! Manifest decoding: the YAML (or JSON) text of `kubectl apply -f` into API objects, as
//! kubectl and the API server read it.
//!
//! The pipeline, one stage per function so that later stages (strict field checking, positions
//! of invalid fields) can slot in:
//!
//! 1. limits: input size ([`MAX_INPUT_BYTES`]) and document count ([`MAX_DOCUMENTS`]); YAML
//!    nodes ([`MAX_NODES`]) per document or list item;
//! 2. [`split`]: documents split on `---` lines as kubectl's `YAMLReader` does, each parsed on its
//!    own with serde-saphyr into a `serde_json::Value` (so YAML errors carry the line number
//!    within the document, as kubectl prints it), under a budget against alias bombs;
//! 3. empty documents skipped; `kind: List` (and typed lists such as `NodeList`) flattened, items
//!    without `kind` taking the list's item kind as the API machinery does;
//! 4. `apiVersion`/`kind` checked as kubectl's validator does (`kind not set`, ...), then mapped:
//!    `apps/v1` DaemonSet, Deployment and ReplicaSet and `v1` Node are simulated; other kinds of
//!    a real cluster are refused with a message saying so; anything else is kubectl's "no
//!    matches for kind";
//! 5. decoding as the API server does it under the request's field validation
//!    ([`FieldValidation`]; [`strict`], against the field lists of [`schema`]): a wrong type
//!    fails the object; unknown fields fail it (`Strict`, kubectl apply's default), become
//!    warnings (`Warn`) or are dropped silently (`Ignore`, `--validate=false`); then the typed
//!    decoding ([`decode`]). Fields the simulator does not model are kept in the
//!    objects' `extra` maps and given back on output.
//!
//! Every error carries the 1-based line and column of the key or value concerned
//! ([`ManifestError::problems`], [`problems`]) for the editor; the kubectl text does not show them.
//!
//! Errors follow kubectl's stream semantics: a YAML or validation error ends the stream (the
//! documents before it still count), a mapping or decoding error concerns one object only.
//! [`ManifestError::message`] renders the text of the Go error, given the source name (`FILE`
//! or `STDIN`); the kubectl layer adds `error: ` or `Error from server (...)` as kubectl does.

#[cfg(test)]
pub(crate) mod decode_differential;
mod locate;
mod problems;
mod schema;
mod split;
mod strict;
mod tree;
pub(crate) mod yaml;

pub use problems::{ManifestProblem, problems};
pub use tree::Position;

use crate::api::{DaemonSet, Deployment, Node, ReplicaSet};
use serde_json::Value;
use std::fmt;
use tree::{Children, Pos};

/// Largest manifest accepted, in bytes. Set by what the page can hold, not by the reader (which
/// holds one document, or one list item, at a time): a real cluster's `kubectl get nodes -o yaml`
/// of about 1,100 nodes (14 KB a node) fits, and took the tab to ~0.5 GB at 1,000 nodes; 5,000
/// such nodes read and apply (80 MiB) but took it to 2.7 GB, which a smaller machine's tab does
/// not survive. A clear error loses nothing; a killed tab loses the work. Raise it when the
/// engine keeps less than its ~66 KB a real node (issue 20). It also bounds the YAML nodes of
/// the whole stream.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;
/// Most documents (and list items) accepted in one manifest: a NodeList of a 10,000-node
/// cluster fits (the playground is built for clusters of that size).
pub const MAX_DOCUMENTS: usize = 10_000;
/// Most YAML nodes (mappings, sequences, scalars) accepted in one document, counting what
/// aliases expand to; in a list read item by item, in one item (with the list's own nodes). A
/// real node of `kubectl get nodes -o yaml` has 300–600.
pub const MAX_NODES: usize = 250_000;
/// Most anchors, and most aliases, in one document.
pub const MAX_ANCHORS: usize = 10_000;
/// Most YAML events that aliases may replay in one document (against alias bombs).
pub const MAX_ALIAS_EXPANSION: usize = 200_000;

/// Most merge keys (`<<`) in one document.
pub const MAX_MERGE_KEYS: usize = 1_000;
/// Deepest nesting of mappings and sequences accepted. Real objects need about 16 (managedFields
/// of a pod template); the limit keeps the recursive decoding well inside a browser's stack.
pub const MAX_DEPTH: usize = 32;

/// A simulated object read from a manifest. (Unboxed: objects are moved once, into the cluster.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Object {
    DaemonSet(DaemonSet),
    Node(Node),
    Deployment(Deployment),
    ReplicaSet(ReplicaSet),
}

impl Object {
    /// `DaemonSet`, `Node`, `Deployment` or `ReplicaSet`.
    pub fn kind(&self) -> &'static str {
        match self {
            Object::DaemonSet(_) => "DaemonSet",
            Object::Node(_) => "Node",
            Object::Deployment(_) => "Deployment",
            Object::ReplicaSet(_) => "ReplicaSet",
        }
    }

    pub fn meta(&self) -> &crate::api::ObjectMeta {
        match self {
            Object::DaemonSet(o) => &o.metadata,
            Object::Node(o) => &o.metadata,
            Object::Deployment(o) => &o.metadata,
            Object::ReplicaSet(o) => &o.metadata,
        }
    }

    pub fn meta_mut(&mut self) -> &mut crate::api::ObjectMeta {
        match self {
            Object::DaemonSet(o) => &mut o.metadata,
            Object::Node(o) => &mut o.metadata,
            Object::Deployment(o) => &mut o.metadata,
            Object::ReplicaSet(o) => &mut o.metadata,
        }
    }

    pub fn name(&self) -> &str {
        &self.meta().name
    }

    /// The namespace written in the manifest (`""` when absent; always `""` for nodes' purposes).
    pub fn namespace(&self) -> &str {
        &self.meta().namespace
    }
}

/// The API server's field validation of a write (`fieldValidation`, kubectl's `--validate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FieldValidation {
    /// Unknown fields fail the request (kubectl's default, `--validate=strict|true`).
    #[default]
    Strict,
    /// Unknown fields are dropped and each is a warning (`--validate=warn`).
    Warn,
    /// Unknown fields are dropped silently (`--validate=ignore|false`).
    Ignore,
}

/// Why a manifest (or one object of it) cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManifestError {
    /// The text is larger than [`MAX_INPUT_BYTES`].
    TooLarge { bytes: usize, limit: usize },
    /// More documents or list items than [`MAX_DOCUMENTS`].
    TooMany { what: &'static str, limit: usize },
    /// A YAML budget of one document exceeded (nesting, nodes, anchors, alias expansion).
    Limit {
        what: &'static str,
        limit: usize,
        at: Option<Position>,
    },
    /// A `---` line followed by something other than a comment.
    BadSeparator { rest: String, at: Position },
    /// The YAML parser's error; `line` counts from the document's first line, as kubectl's;
    /// `at` is where the parser stopped, in the whole text.
    Syntax {
        line: Option<usize>,
        message: String,
        at: Option<Position>,
    },
    /// kubectl's client-side check of `apiVersion` and `kind` (`kind not set`, ...).
    Invalid { errors: Vec<String>, at: Position },
    /// No such kind in the API server: kubectl's "resource mapping not found".
    NoMatch {
        name: String,
        namespace: String,
        kind: String,
        api_version: String,
        at: Position,
    },
    /// A kind a real cluster has but the playground does not simulate.
    NotSimulated {
        name: String,
        namespace: String,
        kind: String,
        api_version: String,
        at: Position,
    },
    /// The API server cannot decode the object into its type (a wrong type, or unknown
    /// fields under strict field validation). `problems` has one entry per field concerned.
    Decode {
        kind: String,
        api_version: String,
        name: String,
        message: String,
        problems: Vec<ManifestProblem>,
    },
}

impl ManifestError {
    /// The Go error's text (`err.Error()`) for a manifest read from `source` (a file name as
    /// given to `-f`, or `STDIN`). Without kubectl's `error: ` prefix.
    pub fn message(&self, source: &str) -> String {
        match self {
            ManifestError::TooLarge { bytes, limit } => format!(
                "error reading {}: the manifest has {bytes} bytes; the playground reads at most {limit}",
                quote(source)
            ),
            ManifestError::TooMany { what, limit } => format!(
                "error reading {}: more than {limit} {what}; the playground reads at most {limit}",
                quote(source)
            ),
            ManifestError::Limit { what, limit, .. } => format!(
                "error parsing {source}: more than {limit} {what}; the playground reads at most {limit}"
            ),
            ManifestError::BadSeparator { rest, .. } => {
                format!("error parsing {source}: invalid Yaml document separator: {rest}")
            }
            ManifestError::Syntax { line, message, .. } => match line {
                Some(l) => format!(
                    "error parsing {source}: error converting YAML to JSON: yaml: line {l}: {message}"
                ),
                None => format!(
                    "error parsing {source}: error converting YAML to JSON: yaml: {message}"
                ),
            },
            ManifestError::Invalid { errors, .. } => {
                let joined = if let [one] = errors.as_slice() {
                    one.clone()
                } else {
                    format!("[{}]", errors.join(", "))
                };
                format!(
                    "error validating {}: error validating data: {joined}; if you choose to ignore these errors, turn validation off with --validate=false",
                    quote(source)
                )
            }
            ManifestError::NoMatch {
                name,
                namespace,
                kind,
                api_version,
                ..
            } => format!(
                "resource mapping not found for name: {} namespace: {} from {}: no matches for kind {} in version {}\nensure CRDs are installed first",
                quote(name),
                quote(namespace),
                quote(source),
                quote(kind),
                quote(api_version)
            ),
            ManifestError::NotSimulated {
                name,
                kind,
                api_version,
                ..
            } => format!(
                "{kind} {} from {}: the playground simulates DaemonSets, Deployments and ReplicaSets (apps/v1) and Nodes (v1) only, not {kind} ({api_version})",
                quote(name),
                quote(source)
            ),
            ManifestError::Decode {
                kind,
                api_version,
                message,
                ..
            } => {
                let version = api_version.rsplit('/').next().unwrap_or(api_version);
                format!(
                    "{kind} in version {} cannot be handled as a {kind}: {message}",
                    quote(version)
                )
            }
        }
    }

    /// Where the error is, for the editor: one entry per field concerned (at least one), each
    /// with a short message. The kubectl text is [`ManifestError::message`].
    pub fn problems(&self, source: &str) -> Vec<ManifestProblem> {
        let one = |at: Option<Position>| {
            let at = at.unwrap_or(Position { line: 1, column: 1 });
            vec![ManifestProblem {
                line: at.line,
                column: at.column,
                message: self.message(source),
            }]
        };
        match self {
            ManifestError::TooLarge { .. } | ManifestError::TooMany { .. } => one(None),
            ManifestError::BadSeparator { at, .. }
            | ManifestError::Invalid { at, .. }
            | ManifestError::NoMatch { at, .. }
            | ManifestError::NotSimulated { at, .. } => one(Some(*at)),
            ManifestError::Syntax { at, .. } | ManifestError::Limit { at, .. } => one(*at),
            ManifestError::Decode { problems, .. } if !problems.is_empty() => problems.clone(),
            ManifestError::Decode { .. } => one(None),
        }
    }

    /// Whether kubectl stops reading the stream at this error (documents after it are not read).
    pub fn stops_stream(&self) -> bool {
        matches!(
            self,
            ManifestError::TooLarge { .. }
                | ManifestError::TooMany { .. }
                | ManifestError::Limit { .. }
                | ManifestError::BadSeparator { .. }
                | ManifestError::Syntax { .. }
                | ManifestError::Invalid { .. }
        )
    }

    /// Whether the error comes from the API server (kubectl prints it as
    /// `Error from server (BadRequest): error when creating "FILE": ...`).
    pub fn is_server_error(&self) -> bool {
        matches!(self, ManifestError::Decode { .. })
    }
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message("STDIN"))
    }
}

impl std::error::Error for ManifestError {}

/// A manifest read as kubectl reads it: the objects (or per-object errors) in order, and the
/// error that ended the stream early, if any.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decoded {
    pub items: Vec<Result<Object, ManifestError>>,
    /// The API server's warnings for each item (unknown fields under `Warn`), one list per
    /// item, in the order of `items`.
    pub warnings: Vec<Vec<String>>,
    pub stop: Option<ManifestError>,
}

/// Decodes a manifest: every object, or the first error.
pub fn decode(text: &str) -> Result<Vec<Object>, ManifestError> {
    let decoded = decode_stream(text);
    let mut objects = Vec::with_capacity(decoded.items.len());
    for item in decoded.items {
        objects.push(item?);
    }
    match decoded.stop {
        Some(e) => Err(e),
        None => Ok(objects),
    }
}

/// Decodes a manifest as kubectl's resource builder visits it (strict field validation).
pub fn decode_stream(text: &str) -> Decoded {
    decode_stream_with(text, FieldValidation::Strict)
}

/// Decodes a manifest as kubectl's resource builder visits it, under `validation`.
pub fn decode_stream_with(text: &str, validation: FieldValidation) -> Decoded {
    decode_stream_typed(text, validation, typed)
}

/// Decodes a manifest as [`decode_stream_with`] does, giving each object (or per-object error)
/// and its warnings to `each` as soon as it is read, so that a caller that uses them one by one
/// never holds them all (a pasted NodeList of 10,000 nodes). Returns the error that ended the
/// stream.
pub fn decode_each(
    text: &str,
    validation: FieldValidation,
    each: &mut dyn FnMut(Result<Object, ManifestError>, Vec<String>),
) -> Option<ManifestError> {
    decode_each_typed(text, validation, typed, each)
}

fn decode_each_typed(
    text: &str,
    validation: FieldValidation,
    typed: Typed,
    each: &mut dyn FnMut(Result<Object, ManifestError>, Vec<String>),
) -> Option<ManifestError> {
    // Each object's positions go as soon as it is read.
    read_with(text, validation, typed, &mut |item| match item {
        Ok(l) => each(Ok(l.object), l.warnings),
        Err(e) => each(Err(e), Vec::new()),
    })
}

fn decode_stream_typed(text: &str, validation: FieldValidation, typed: Typed) -> Decoded {
    let mut decoded = Decoded::default();
    decoded.stop = decode_each_typed(text, validation, typed, &mut |item, warnings| {
        decoded.items.push(item);
        decoded.warnings.push(warnings);
    });
    decoded
}

/// An object read from the text, with where its fields are: `offset` lines above its
/// document's first line (positions in `pos` count from that line).
pub(crate) struct LocatedObject {
    pub object: Object,
    pub pos: Pos,
    pub offset: usize,
    /// The API server's warnings (`unknown field "spec.x"` under `Warn`).
    pub warnings: Vec<String>,
}

/// Where the objects (or per-object errors) of a stream go, one by one as they are read.
type Sink<'a> = &'a mut dyn FnMut(Result<LocatedObject, ManifestError>);

/// Reads the stream (strict field validation): each object (or per-object error) to `sink`, in
/// order; returns the error that ended it.
pub(crate) fn read(text: &str, sink: Sink<'_>) -> Option<ManifestError> {
    read_with(text, FieldValidation::Strict, typed, sink)
}

/// The typed decoding step (a parameter so that tests can run the stream with a reference).
type Typed = fn(Mapping, Value) -> Result<Object, String>;

/// Reads the stream under `validation`.
fn read_with(
    text: &str,
    validation: FieldValidation,
    typed: Typed,
    sink: Sink<'_>,
) -> Option<ManifestError> {
    if text.len() > MAX_INPUT_BYTES {
        return Some(ManifestError::TooLarge {
            bytes: text.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let (chunks, bad_separator) = split::split(text);
    let mut budget = Budget::default();
    for chunk in chunks {
        let offset = chunk.start_line.saturating_sub(1);
        if let Err(e) = read_document(chunk.text, offset, sink, &mut budget, validation, typed) {
            return Some(e);
        }
    }
    bad_separator.map(|bad| ManifestError::BadSeparator {
        rest: bad.rest,
        at: Position {
            line: bad.line,
            column: 1,
        },
    })
}

/// Reads one document (`offset`: the lines before it) and visits it. A list is never held as one
/// tree: a first reading gives its items away as they are parsed (checking the whole text's YAML),
/// a second gives each to [`visit_item`] as it is parsed, so that a pasted NodeList of 10,000
/// nodes costs one item's tree at a time. [`MAX_NODES`] bounds each item of such a list (with the
/// list's own nodes), and any other document whole. What is not such a list (or holds anchors or
/// merge keys, which could repeat an item elsewhere) is read whole, as it is written.
fn read_document(
    text: &str,
    offset: usize,
    sink: Sink<'_>,
    budget: &mut Budget,
    validation: FieldValidation,
    typed: Typed,
) -> Result<(), ManifestError> {
    let from_yaml = |e: yaml::YamlError| ManifestError::from_yaml(&e, offset);
    let first = yaml::parse_diverting(text, &mut |_| {}).map_err(from_yaml)?;
    let Some(tree) = first.tree.filter(|t| !t.value.is_null()) else {
        return Ok(());
    };
    let doc = Located {
        value: tree.value,
        pos: tree.pos,
        offset,
    };
    let list = object_kind(&doc.value)
        .ok()
        .filter(|(_, kind)| is_list(&doc, kind) && first.replayable);
    let (api_version, kind) = match list {
        Some(list) => list,
        None if first.sequences == 0 => return visit(doc, sink, budget, validation, typed),
        None => {
            let Some(doc) = parse_chunk(text, offset)? else {
                return Ok(());
            };
            return visit(doc, sink, budget, validation, typed);
        }
    };
    let list = ListKind::new(api_version, &kind);
    let mut stop = None;
    yaml::parse_diverting_again(text, &mut |item| {
        if stop.is_none() {
            let item = Located {
                value: item.value,
                pos: item.pos,
                offset,
            };
            stop = visit_item(item, &list, sink, budget, validation, typed).err();
        }
    })
    .map_err(from_yaml)?;
    stop.map_or(Ok(()), Err)
}

/// A JSON value with its positions and its document's line offset.
struct Located {
    value: Value,
    pos: Pos,
    offset: usize,
}

impl Located {
    /// The absolute position of `at`.
    fn abs(&self, at: Position) -> Position {
        at.below(self.offset)
    }

    /// Where the value of `key` is (else where the object is).
    fn at_key(&self, key: &str) -> Position {
        let at = self.pos.entry(key).map_or(self.pos.at, |(_, p)| p.at);
        self.abs(at)
    }
}

/// Limits across the whole stream. (Its YAML nodes are bounded by [`MAX_INPUT_BYTES`]: each
/// document, or item of a list, is read, visited and dropped before the next.)
#[derive(Default)]
struct Budget {
    documents: usize,
}

impl Budget {
    /// One object: a document, or an item of a list.
    fn take_item(&mut self) -> Result<(), ManifestError> {
        self.documents += 1;
        if self.documents > MAX_DOCUMENTS {
            return Err(ManifestError::TooMany {
                what: "documents",
                limit: MAX_DOCUMENTS,
            });
        }
        Ok(())
    }
}

/// Counts the nodes of a value, stopping once `cap` is reached (iteratively: no recursion on
/// attacker-controlled depth).
fn count_nodes(value: &Value, cap: usize) -> usize {
    let mut stack = vec![value];
    let mut n = 0usize;
    while let Some(v) = stack.pop() {
        n += 1;
        if n >= cap {
            return n;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter()),
            Value::Object(m) => stack.extend(m.values()),
            _ => {}
        }
    }
    n
}

/// Parses one document's text whole; an empty or null document gives no value.
fn parse_chunk(text: &str, offset: usize) -> Result<Option<Located>, ManifestError> {
    let doc = yaml::parse(text).map_err(|e| ManifestError::from_yaml(&e, offset))?;
    Ok(doc.filter(|t| !t.value.is_null()).map(|t| Located {
        value: t.value,
        pos: t.pos,
        offset,
    }))
}

impl ManifestError {
    /// The reader's error as kubectl prints it; `offset`: lines before the document.
    fn from_yaml(e: &yaml::YamlError, offset: usize) -> ManifestError {
        let at = Some(e.at().below(offset));
        match e {
            yaml::YamlError::Limit { what, limit, .. } => ManifestError::Limit {
                what,
                limit: *limit,
                at,
            },
            _ => ManifestError::Syntax {
                line: e.go_line(),
                message: e.message(),
                at,
            },
        }
    }
}

/// What a document's `apiVersion`/`kind` resolve to.
enum Mapping {
    DaemonSet,
    Node,
    Deployment,
    ReplicaSet,
    NotSimulated,
    NoMatch,
}

fn mapping(api_version: &str, kind: &str) -> Mapping {
    match (api_version, kind) {
        ("apps/v1", "DaemonSet") => Mapping::DaemonSet,
        ("v1", "Node") => Mapping::Node,
        ("apps/v1", "Deployment") => Mapping::Deployment,
        ("apps/v1", "ReplicaSet") => Mapping::ReplicaSet,
        _ if REAL_KINDS.contains(&(api_version, kind)) => Mapping::NotSimulated,
        _ => Mapping::NoMatch,
    }
}

/// Kinds a Kubernetes 1.3x cluster serves that the playground does not simulate.
const REAL_KINDS: &[(&str, &str)] = &[
    ("v1", "Pod"),
    ("v1", "Service"),
    ("v1", "ConfigMap"),
    ("v1", "Secret"),
    ("v1", "Namespace"),
    ("v1", "ServiceAccount"),
    ("v1", "PersistentVolume"),
    ("v1", "PersistentVolumeClaim"),
    ("v1", "ReplicationController"),
    ("v1", "Endpoints"),
    ("v1", "LimitRange"),
    ("v1", "ResourceQuota"),
    ("v1", "Event"),
    ("v1", "PodTemplate"),
    ("apps/v1", "StatefulSet"),
    ("apps/v1", "ControllerRevision"),
    ("batch/v1", "Job"),
    ("batch/v1", "CronJob"),
    ("autoscaling/v1", "HorizontalPodAutoscaler"),
    ("autoscaling/v2", "HorizontalPodAutoscaler"),
    ("policy/v1", "PodDisruptionBudget"),
    ("networking.k8s.io/v1", "Ingress"),
    ("networking.k8s.io/v1", "IngressClass"),
    ("networking.k8s.io/v1", "NetworkPolicy"),
    ("rbac.authorization.k8s.io/v1", "Role"),
    ("rbac.authorization.k8s.io/v1", "RoleBinding"),
    ("rbac.authorization.k8s.io/v1", "ClusterRole"),
    ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
    ("storage.k8s.io/v1", "StorageClass"),
    ("storage.k8s.io/v1", "CSIDriver"),
    ("scheduling.k8s.io/v1", "PriorityClass"),
    ("coordination.k8s.io/v1", "Lease"),
    ("node.k8s.io/v1", "RuntimeClass"),
    ("discovery.k8s.io/v1", "EndpointSlice"),
    ("events.k8s.io/v1", "Event"),
    ("apiextensions.k8s.io/v1", "CustomResourceDefinition"),
    (
        "admissionregistration.k8s.io/v1",
        "ValidatingWebhookConfiguration",
    ),
    (
        "admissionregistration.k8s.io/v1",
        "MutatingWebhookConfiguration",
    ),
];

/// kubectl's `getObjectKind` check (`k8s.io/kubectl/pkg/validation`): the errors, or the
/// apiVersion and kind.
fn object_kind(value: &Value) -> Result<(String, String), Vec<String>> {
    let Value::Object(fields) = value else {
        return Err(vec!["invalid object to validate".into()]);
    };
    let mut errors = Vec::new();
    let mut api_version = String::new();
    match fields.get("apiVersion") {
        None | Some(Value::Null) => errors.push("apiVersion not set".into()),
        Some(Value::String(s)) => {
            if let Err(e) = check_group_version(s) {
                errors.push(e);
            } else {
                api_version = s.clone();
            }
        }
        Some(_) => errors.push("apiVersion isn't string type".into()),
    }
    let mut kind = String::new();
    match fields.get("kind") {
        None | Some(Value::Null) => errors.push("kind not set".into()),
        Some(Value::String(s)) => kind = s.clone(),
        Some(_) => errors.push("kind isn't string type".into()),
    }
    if errors.is_empty() {
        Ok((api_version, kind))
    } else {
        Err(errors)
    }
}

/// `schema.ParseGroupVersion`: at most one `/`.
fn check_group_version(s: &str) -> Result<(), String> {
    if s.matches('/').count() > 1 {
        return Err(format!("unexpected GroupVersion string: {s}"));
    }
    Ok(())
}

fn str_at<'a>(value: &'a Value, path: &[&str]) -> &'a str {
    let mut v = value;
    for key in path {
        match v.get(key) {
            Some(next) => v = next,
            None => return "",
        }
    }
    v.as_str().unwrap_or("")
}

/// Visits one top-level document: validation, list flattening, mapping, decoding. A list's
/// items are taken out of it and decoded one at a time, each item's tree dropped once decoded.
fn visit(
    doc: Located,
    sink: Sink<'_>,
    budget: &mut Budget,
    validation: FieldValidation,
    typed: Typed,
) -> Result<(), ManifestError> {
    let invalid = |errors, at| ManifestError::Invalid { errors, at };
    let (api_version, kind) = match object_kind(&doc.value) {
        Ok(found) => found,
        Err(e) => {
            // Not a list: one object against the budget, counted before it is found invalid.
            budget.take_item()?;
            return Err(invalid(e, doc.abs(doc.pos.at)));
        }
    };
    if !is_list(&doc, &kind) {
        budget.take_item()?;
        sink(to_object(doc, &api_version, &kind, validation, typed));
        return Ok(());
    }
    let list = ListKind::new(api_version, &kind);
    for item in list_items(doc) {
        visit_item(item, &list, sink, budget, validation, typed)?;
    }
    Ok(())
}

/// A list document's `apiVersion` and the kind of its items (`Node` for a `NodeList`).
struct ListKind {
    api_version: String,
    item_kind: String,
}

impl ListKind {
    fn new(api_version: String, kind: &str) -> ListKind {
        ListKind {
            api_version,
            item_kind: kind.strip_suffix("List").unwrap_or("").to_string(),
        }
    }
}

/// Visits one item of a list: items without `kind` and `apiVersion` take the list's, as the
/// API machinery does.
fn visit_item(
    mut item: Located,
    list: &ListKind,
    sink: Sink<'_>,
    budget: &mut Budget,
    validation: FieldValidation,
    typed: Typed,
) -> Result<(), ManifestError> {
    budget.take_item()?;
    if let Value::Object(fields) = &mut item.value
        && !fields.contains_key("kind")
        && !fields.contains_key("apiVersion")
        && !list.item_kind.is_empty()
    {
        fields.insert("kind".into(), Value::String(list.item_kind.clone()));
        fields.insert("apiVersion".into(), Value::String(list.api_version.clone()));
    }
    let (v, k) = object_kind(&item.value).map_err(|errors| ManifestError::Invalid {
        errors,
        at: item.abs(item.pos.at),
    })?;
    if is_list(&item, &k) {
        // Lists of lists: kubectl flattens one level; say so rather than guess.
        sink(Err(no_match(&item, &k, &v)));
        return Ok(());
    }
    sink(to_object(item, &v, &k, validation, typed));
    Ok(())
}

/// Whether a document is a list (`kind: List`, `NodeList`, ...): a kind ending in `List` whose
/// `items` is an array (or absent).
fn is_list(doc: &Located, kind: &str) -> bool {
    kind.ends_with("List")
        && matches!(
            doc.value.get("items"),
            None | Some(Value::Array(_) | Value::Null)
        )
}

/// The items of a list document ([`is_list`]), moved out of it (not copied) and paired with
/// their positions as they are taken.
fn list_items(doc: Located) -> impl Iterator<Item = Located> {
    let Located {
        value,
        mut pos,
        offset,
    } = doc;
    let values = match value {
        Value::Object(mut fields) => match fields.remove("items") {
            Some(Value::Array(a)) => a,
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let positions = match pos.take_entry("items").map(|p| p.children) {
        Some(Children::Seq(items)) => items,
        _ => Vec::new(),
    };
    let positions = positions
        .into_iter()
        .map(Some)
        .chain(std::iter::repeat(None));
    values
        .into_iter()
        .zip(positions)
        .map(move |(value, pos)| Located {
            value,
            pos: pos.unwrap_or_default(),
            offset,
        })
}

fn no_match(doc: &Located, kind: &str, api_version: &str) -> ManifestError {
    ManifestError::NoMatch {
        name: str_at(&doc.value, &["metadata", "name"]).to_string(),
        namespace: str_at(&doc.value, &["metadata", "namespace"]).to_string(),
        kind: kind.to_string(),
        api_version: api_version.to_string(),
        at: doc.at_key("kind"),
    }
}

fn to_object(
    mut doc: Located,
    api_version: &str,
    kind: &str,
    validation: FieldValidation,
    typed: Typed,
) -> Result<LocatedObject, ManifestError> {
    let name = str_at(&doc.value, &["metadata", "name"]).to_string();
    let schema = match mapping(api_version, kind) {
        Mapping::DaemonSet => &schema::DAEMON_SET,
        Mapping::Node => &schema::NODE,
        Mapping::Deployment => &schema::DEPLOYMENT,
        Mapping::ReplicaSet => &schema::REPLICA_SET,
        Mapping::NotSimulated => {
            return Err(ManifestError::NotSimulated {
                namespace: str_at(&doc.value, &["metadata", "namespace"]).to_string(),
                name,
                kind: kind.to_string(),
                api_version: api_version.to_string(),
                at: doc.at_key("kind"),
            });
        }
        Mapping::NoMatch => return Err(no_match(&doc, kind, api_version)),
    };
    let decode_error = |message: String, problems: Vec<ManifestProblem>| ManifestError::Decode {
        kind: kind.to_string(),
        api_version: api_version.to_string(),
        name: name.clone(),
        message,
        problems,
    };
    let drop_unknown = validation != FieldValidation::Strict;
    let findings = strict::check(&mut doc.value, &doc.pos, schema, drop_unknown);
    let problem = |l: &strict::Located, message: String| {
        let at = doc.abs(l.at);
        ManifestProblem {
            line: at.line,
            column: at.column,
            message,
        }
    };
    if let Some(e) = &findings.type_error {
        return Err(decode_error(
            e.text.clone(),
            vec![problem(e, e.text.clone())],
        ));
    }
    let warnings = match validation {
        FieldValidation::Warn => findings
            .unknown
            .iter()
            .map(|u| format!("unknown field {}", quote(&u.text)))
            .collect(),
        _ => Vec::new(),
    };
    if validation == FieldValidation::Strict && !findings.unknown.is_empty() {
        let problems = findings
            .unknown
            .iter()
            .map(|u| problem(u, format!("unknown field {}", quote(&u.text))))
            .collect();
        return Err(decode_error(
            strict::unknown_fields_message(&findings.unknown),
            problems,
        ));
    }
    match typed(mapping(api_version, kind), doc.value) {
        Ok(object) => Ok(LocatedObject {
            object,
            pos: doc.pos,
            offset: doc.offset,
            warnings,
        }),
        // The schema admits what the Go types admit; the Rust types may still ask more (a
        // required field), which the API server's validation would report instead.
        Err(e) => Err(decode_error(e, Vec::new())),
    }
}

/// The typed decoding of a checked object into its kind's type.
fn typed(mapping: Mapping, value: Value) -> Result<Object, String> {
    use crate::api::decode::from_value;
    match mapping {
        Mapping::Node => from_value(value).map(Object::Node),
        Mapping::Deployment => from_value(value).map(Object::Deployment),
        Mapping::ReplicaSet => from_value(value).map(Object::ReplicaSet),
        _ => from_value(value).map(Object::DaemonSet),
    }
}

/// Go's `%q` for the plain strings of these messages.
fn quote(s: &str) -> String {
    crate::gofmt::quote(s)
}

#[cfg(test)]
mod tests;

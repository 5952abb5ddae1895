//! `metav1.ObjectMeta` and `OwnerReference`.

use super::{Extra, MaybeTime, ResourceVersion, Shared, SharedStr, Str, StringMap, Time, Uid};
#[cfg(test)]
use serde::Serialize;
#[cfg(test)]
use serde::ser::{SerializeMap, Serializer};

/// An object's metadata. The fields most objects never set (generateName, generation, the
/// deletion marks, finalizers, managedFields and the rest) and the owner references are one
/// [`Shared`] value (`more`), empty and shared by the objects that do not set them, or set alike
/// by a template's pods (generateName, the controller's reference).
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ObjectMeta {
    /// Shared with the object's key (`ObjectKey::of`): the store and the controllers' keys
    /// hold the object's own name.
    #[cfg_attr(test, serde(default))]
    pub name: SharedStr,
    /// Shared: the objects of a namespace (a DaemonSet's pods) hold one copy of its name.
    #[cfg_attr(test, serde(default))]
    pub namespace: SharedStr,
    /// 16 bytes: a generated UID is kept as the UUID's bytes, no text.
    #[cfg_attr(test, serde(default))]
    pub uid: Uid,
    #[cfg_attr(test, serde(default))]
    pub resource_version: ResourceVersion,
    #[cfg_attr(test, serde(default))]
    /// 8 bytes, not `Option<Time>`'s 16: every pod holds one.
    pub creation_timestamp: MaybeTime,
    #[cfg_attr(test, serde(default))]
    pub labels: Shared<StringMap>,
    #[cfg_attr(test, serde(default))]
    pub annotations: Shared<StringMap>,
    #[cfg_attr(test, serde(flatten))]
    pub more: Shared<ObjectMetaMore>,
}

/// The parts of ObjectMeta an object rarely sets.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ObjectMetaMore {
    #[cfg_attr(test, serde(default))]
    pub generate_name: String,
    /// Set by the API server on workloads' spec changes; pods, nodes and revisions have none.
    #[cfg_attr(test, serde(default))]
    pub generation: i64,
    #[cfg_attr(test, serde(default))]
    pub deletion_timestamp: Option<Time>,
    #[cfg_attr(test, serde(default))]
    pub deletion_grace_period_seconds: Option<i64>,
    /// A template's pods all hold the one reference to their controller, shared with this.
    #[cfg_attr(test, serde(default))]
    pub owner_references: Vec<OwnerReference>,
    #[cfg_attr(test, serde(default))]
    pub finalizers: Vec<String>,
    /// managedFields and anything else of ObjectMeta the simulator does not model.
    #[cfg_attr(test, serde(flatten))]
    pub extra: Extra,
}

/// The tests' reference for `api::encode`: ObjectMeta's fields in the order of the Go type (the order the pod template hash sees),
/// empty ones left out, then the unmodelled ones.
#[cfg(test)]
impl Serialize for ObjectMeta {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let more = &*self.more;
        let mut m = serializer.serialize_map(None)?;
        if !self.name.is_empty() {
            m.serialize_entry("name", &self.name)?;
        }
        if !more.generate_name.is_empty() {
            m.serialize_entry("generateName", &more.generate_name)?;
        }
        if !self.namespace.is_empty() {
            m.serialize_entry("namespace", &self.namespace)?;
        }
        if !self.uid.is_empty() {
            m.serialize_entry("uid", &self.uid)?;
        }
        if !self.resource_version.is_empty() {
            m.serialize_entry("resourceVersion", &self.resource_version)?;
        }
        if more.generation != 0 {
            m.serialize_entry("generation", &more.generation)?;
        }
        if let Some(t) = &self.creation_timestamp.get() {
            m.serialize_entry("creationTimestamp", t)?;
        }
        if let Some(t) = &more.deletion_timestamp {
            m.serialize_entry("deletionTimestamp", t)?;
        }
        if let Some(s) = &more.deletion_grace_period_seconds {
            m.serialize_entry("deletionGracePeriodSeconds", s)?;
        }
        if !self.labels.is_empty() {
            m.serialize_entry("labels", &self.labels)?;
        }
        if !self.annotations.is_empty() {
            m.serialize_entry("annotations", &self.annotations)?;
        }
        if !more.owner_references.is_empty() {
            m.serialize_entry("ownerReferences", &more.owner_references)?;
        }
        if !more.finalizers.is_empty() {
            m.serialize_entry("finalizers", &more.finalizers)?;
        }
        for (k, v) in more.extra.iter() {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl ObjectMeta {
    /// The owner reference with `controller: true`, as `metav1.GetControllerOf`.
    pub fn controller_ref(&self) -> Option<&OwnerReference> {
        self.more
            .owner_references
            .iter()
            .find(|r| r.controller == Some(true))
    }

    /// A foreground deletion (`propagationPolicy: Foreground`): the object stays, marked,
    /// until the garbage collector has deleted its dependents.
    pub fn mark_foreground_deletion(&mut self, now: super::Time) {
        let more = &mut *self.more;
        more.deletion_timestamp = Some(now);
        more.deletion_grace_period_seconds = Some(0);
        if !more.finalizers.iter().any(|f| f == "foregroundDeletion") {
            more.finalizers.push("foregroundDeletion".into());
        }
    }

    pub fn is_being_deleted(&self) -> bool {
        self.more.deletion_timestamp.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct OwnerReference {
    #[cfg_attr(test, serde(default))]
    pub api_version: Str,
    #[cfg_attr(test, serde(default))]
    pub kind: Str,
    #[cfg_attr(test, serde(default))]
    pub name: String,
    #[cfg_attr(test, serde(default))]
    pub uid: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub controller: Option<bool>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub block_owner_deletion: Option<bool>,
}

impl OwnerReference {
    /// The controller reference an `apps/v1` controller (`kind`) puts on what it creates or
    /// adopts (`metav1.NewControllerRef`).
    pub fn controller_of(kind: &'static str, owner: &ObjectMeta) -> OwnerReference {
        OwnerReference {
            api_version: "apps/v1".into(),
            kind: kind.into(),
            name: owner.name.to_string(),
            uid: owner.uid.to_string(),
            controller: Some(true),
            block_owner_deletion: Some(true),
        }
    }
}

/// `namespace/name`, the key the controllers and the store use. Its strings are shared: the store's
/// indices and the controllers' queues and caches each hold a copy of every pod's key, and a copy
/// costs no allocation. The namespace is one pointer (a DaemonSet's pods share its namespace).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectKey {
    pub namespace: SharedStr,
    pub name: SharedStr,
}

impl ObjectKey {
    pub fn new(namespace: impl AsRef<str>, name: impl AsRef<str>) -> Self {
        ObjectKey {
            namespace: shared_namespace(namespace.as_ref()),
            name: name.as_ref().into(),
        }
    }
    /// The key of an object, sharing its namespace string.
    pub fn of(meta: &ObjectMeta) -> Self {
        ObjectKey {
            namespace: meta.namespace.clone(),
            name: meta.name.clone(),
        }
    }
}

/// How many namespaces [`shared_namespace`] keeps: a cluster's objects live in a few.
const NAMESPACES_KEPT: usize = 8;

thread_local! {
    /// The namespaces of the keys made last, most recent first.
    static NAMESPACES: std::cell::RefCell<Vec<SharedStr>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `namespace` as a string shared with the keys made before in it: keys made from names (a
/// command's arguments, a decoded reference) hold one copy of a namespace, not one each.
fn shared_namespace(namespace: &str) -> SharedStr {
    NAMESPACES.with(|kept| {
        let mut kept = kept.borrow_mut();
        if let Some(i) = kept.iter().position(|n| n.as_str() == namespace) {
            let found = kept[i].clone();
            kept[..=i].rotate_right(1);
            return found;
        }
        let new: SharedStr = namespace.into();
        if kept.len() == NAMESPACES_KEPT {
            kept.pop();
        }
        kept.insert(0, new.clone());
        new
    })
}

impl std::fmt::Display for ObjectKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.namespace, self.name)
    }
}

//! `metav1.ObjectMeta` and `OwnerReference`.

use super::{Extra, Shared, Str, StringMap, Time};
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ObjectMeta {
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub name: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub generate_name: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub namespace: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub uid: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub resource_version: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub generation: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub creation_timestamp: Option<Time>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub deletion_timestamp: Option<Time>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub deletion_grace_period_seconds: Option<i64>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "StringMap::is_empty"))]
    pub labels: Shared<StringMap>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "StringMap::is_empty"))]
    pub annotations: Shared<StringMap>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub owner_references: Shared<Vec<OwnerReference>>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub finalizers: Vec<String>,
    /// managedFields and anything else of ObjectMeta the simulator does not model.
    #[cfg_attr(test, serde(flatten))]
    pub extra: Extra,
}

#[cfg(test)]
fn is_zero(n: &i64) -> bool {
    *n == 0
}

impl ObjectMeta {
    /// The owner reference with `controller: true`, as `metav1.GetControllerOf`.
    pub fn controller_ref(&self) -> Option<&OwnerReference> {
        self.owner_references
            .iter()
            .find(|r| r.controller == Some(true))
    }

    /// A foreground deletion (`propagationPolicy: Foreground`): the object stays, marked,
    /// until the garbage collector has deleted its dependents.
    pub fn mark_foreground_deletion(&mut self, now: super::Time) {
        self.deletion_timestamp = Some(now);
        self.deletion_grace_period_seconds = Some(0);
        if !self.finalizers.iter().any(|f| f == "foregroundDeletion") {
            self.finalizers.push("foregroundDeletion".into());
        }
    }

    pub fn is_being_deleted(&self) -> bool {
        self.deletion_timestamp.is_some()
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
            name: owner.name.clone(),
            uid: owner.uid.clone(),
            controller: Some(true),
            block_owner_deletion: Some(true),
        }
    }
}

/// `namespace/name`, the key the controllers and the store use. Its strings are shared: the store's
/// indices and the controllers' queues and caches each hold a copy of every pod's key, and a copy
/// costs no allocation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectKey {
    pub namespace: Rc<str>,
    pub name: Rc<str>,
}

impl ObjectKey {
    pub fn new(namespace: impl AsRef<str>, name: impl AsRef<str>) -> Self {
        ObjectKey {
            namespace: namespace.as_ref().into(),
            name: name.as_ref().into(),
        }
    }
    pub fn of(meta: &ObjectMeta) -> Self {
        ObjectKey::new(&meta.namespace, &meta.name)
    }
}

impl std::fmt::Display for ObjectKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.namespace, self.name)
    }
}

//! Object metadata.

use super::{Decode, Fields};
use crate::api::{ObjectMeta, OwnerReference};
use serde_json::Value;

impl Decode for ObjectMeta {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "ObjectMeta")?;
        Ok(ObjectMeta {
            name: f.get("name")?,
            generate_name: f.get("generateName")?,
            namespace: f.get("namespace")?,
            uid: f.get("uid")?,
            resource_version: f.get("resourceVersion")?,
            generation: f.get("generation")?,
            creation_timestamp: f.get("creationTimestamp")?,
            deletion_timestamp: f.get("deletionTimestamp")?,
            deletion_grace_period_seconds: f.get("deletionGracePeriodSeconds")?,
            labels: f.get("labels")?,
            annotations: f.get("annotations")?,
            owner_references: f.get("ownerReferences")?,
            finalizers: f.get("finalizers")?,
            extra: f.rest(),
        })
    }
}

impl Decode for OwnerReference {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "OwnerReference")?;
        Ok(OwnerReference {
            api_version: f.get("apiVersion")?,
            kind: f.get("kind")?,
            name: f.get("name")?,
            uid: f.get("uid")?,
            controller: f.get("controller")?,
            block_owner_deletion: f.get("blockOwnerDeletion")?,
        })
    }
}

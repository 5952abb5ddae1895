//! Object metadata.

use super::{Decode, Fields};
use crate::api::{ObjectMeta, ObjectMetaMore, OwnerReference};
use serde_json::Value;

impl Decode for ObjectMeta {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "ObjectMeta")?;
        // Read in ObjectMeta's order: the first bad field is the one reported.
        let name = f.get("name")?;
        let generate_name = f.get("generateName")?;
        let namespace = f.get("namespace")?;
        let uid = f.get("uid")?;
        let resource_version = f.get("resourceVersion")?;
        let generation = f.get("generation")?;
        let creation_timestamp = f.get::<Option<_>>("creationTimestamp")?.into();
        let deletion_timestamp = f.get("deletionTimestamp")?;
        let deletion_grace_period_seconds = f.get("deletionGracePeriodSeconds")?;
        let labels = f.get("labels")?;
        let annotations = f.get("annotations")?;
        let owner_references = f.get("ownerReferences")?;
        let more = ObjectMetaMore {
            generate_name,
            generation,
            deletion_timestamp,
            deletion_grace_period_seconds,
            owner_references,
            finalizers: f.get("finalizers")?,
            extra: f.rest(),
        };
        Ok(ObjectMeta {
            name,
            namespace,
            uid,
            resource_version,
            creation_timestamp,
            labels,
            annotations,
            // Most objects set none of it: they share the empty value.
            more: if more == ObjectMetaMore::default() {
                Default::default()
            } else {
                more.into()
            },
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

//! The users' writes of Deployments and ReplicaSets, with what the API server does on each:
//! defaults, validation (selector immutable on update), generation bookkeeping
//! (`pkg/registry/apps/deployment/strategy.go`, `.../replicaset/strategy.go`: a spec change
//! moves `metadata.generation`), and deletion with the cascade kubectl asks for.

use super::{Cascade, Cluster};
use crate::api::{ApiError, Deployment, ObjectKey, ObjectMeta, ReplicaSet};
use crate::validation;

const DEPLOY_RESOURCE: &str = "deployments.apps";
const RS_RESOURCE: &str = "replicasets.apps";

/// What the API server stamps on a new object.
fn created(meta: &mut ObjectMeta, cluster: &mut Cluster) {
    meta.uid = cluster.w.rng.uid();
    meta.creation_timestamp = Some(cluster.w.clock.now());
    meta.deletion_timestamp = None;
    meta.generation = 1;
}

fn default_namespace(meta: &mut ObjectMeta) {
    if meta.namespace.is_empty() {
        meta.namespace = "default".into();
    }
}

impl Cluster {
    /// `kubectl create` of a Deployment.
    pub fn create_deployment(&mut self, mut d: Deployment) -> Result<(), ApiError> {
        default_namespace(&mut d.metadata);
        validation::set_defaults_deployment(&mut d);
        validation::validate_deployment(&d, None)?;
        let key = ObjectKey::of(&d.metadata);
        if self.w.store.deployment(&key).is_some() {
            return Err(ApiError::AlreadyExists {
                resource: DEPLOY_RESOURCE.into(),
                name: key.name,
            });
        }
        d.api_version = "apps/v1".into();
        d.kind = "Deployment".into();
        created(&mut d.metadata, self);
        d.status = Default::default();
        self.w.store.put_deployment(d);
        self.reconcile();
        Ok(())
    }

    /// An update of a Deployment through the API server: `f` edits a copy; defaults,
    /// validation and the generation follow. Returns whether anything changed.
    pub fn update_deployment(
        &mut self,
        namespace: &str,
        name: &str,
        f: impl FnOnce(&mut Deployment),
    ) -> Result<bool, ApiError> {
        let key = ObjectKey::new(namespace, name);
        let Some(old) = self.w.store.deployment(&key).cloned() else {
            return Err(ApiError::not_found(DEPLOY_RESOURCE, name));
        };
        let mut new = old.clone();
        f(&mut new);
        validation::set_defaults_deployment(&mut new);
        validation::validate_deployment(&new, Some(&old))?;
        new.status = old.status.clone();
        if new.spec != old.spec {
            new.metadata.generation = old.metadata.generation + 1;
        }
        if new == old {
            return Ok(false);
        }
        self.w.store.put_deployment(new);
        self.reconcile();
        Ok(true)
    }

    /// `kubectl create` of a ReplicaSet.
    pub fn create_replicaset(&mut self, mut rs: ReplicaSet) -> Result<(), ApiError> {
        default_namespace(&mut rs.metadata);
        validation::set_defaults_replicaset(&mut rs);
        validation::validate_replicaset(&rs, None)?;
        let key = ObjectKey::of(&rs.metadata);
        if self.w.store.replicaset(&key).is_some() {
            return Err(ApiError::AlreadyExists {
                resource: RS_RESOURCE.into(),
                name: key.name,
            });
        }
        rs.api_version = "apps/v1".into();
        rs.kind = "ReplicaSet".into();
        created(&mut rs.metadata, self);
        rs.status = Default::default();
        self.w.store.put_replicaset(rs);
        self.reconcile();
        Ok(())
    }

    /// An update of a ReplicaSet through the API server (as [`Cluster::update_deployment`]).
    pub fn update_replicaset(
        &mut self,
        namespace: &str,
        name: &str,
        f: impl FnOnce(&mut ReplicaSet),
    ) -> Result<bool, ApiError> {
        let key = ObjectKey::new(namespace, name);
        let Some(old) = self.w.store.replicaset(&key).cloned() else {
            return Err(ApiError::not_found(RS_RESOURCE, name));
        };
        let mut new = old.clone();
        f(&mut new);
        validation::set_defaults_replicaset(&mut new);
        validation::validate_replicaset(&new, Some(&old))?;
        new.status = old.status.clone();
        if new.spec != old.spec {
            new.metadata.generation = old.metadata.generation + 1;
        }
        if new == old {
            return Ok(false);
        }
        self.w.store.put_replicaset(new);
        self.reconcile();
        Ok(true)
    }

    /// `kubectl delete deploy NAME --cascade=...`: its ReplicaSets (and their pods) go with it,
    /// are orphaned, or go first.
    pub fn delete_deployment(
        &mut self,
        namespace: &str,
        name: &str,
        cascade: Cascade,
    ) -> Result<(), ApiError> {
        let key = ObjectKey::new(namespace, name);
        let Some(uid) = self
            .w
            .store
            .deployment(&key)
            .map(|d| d.metadata.uid.clone())
        else {
            return Err(ApiError::not_found(DEPLOY_RESOURCE, name));
        };
        match cascade {
            Cascade::Orphan => {
                self.orphan_dependents(&uid);
                self.w.store.remove_deployment(&key);
            }
            Cascade::Background => {
                self.w.store.remove_deployment(&key);
            }
            Cascade::Foreground => {
                let now = self.w.clock.now();
                self.w
                    .store
                    .update_deployment(&key, |d| d.metadata.mark_foreground_deletion(now));
            }
        }
        self.reconcile();
        Ok(())
    }

    /// `kubectl delete rs NAME --cascade=...`: its pods go with it, are orphaned, or go first.
    pub fn delete_replicaset(
        &mut self,
        namespace: &str,
        name: &str,
        cascade: Cascade,
    ) -> Result<(), ApiError> {
        let key = ObjectKey::new(namespace, name);
        let Some(uid) = self
            .w
            .store
            .replicaset(&key)
            .map(|r| r.metadata.uid.clone())
        else {
            return Err(ApiError::not_found(RS_RESOURCE, name));
        };
        match cascade {
            Cascade::Orphan => {
                self.orphan_dependents(&uid);
                self.w.store.remove_replicaset(&key);
            }
            Cascade::Background => {
                self.w.store.remove_replicaset(&key);
            }
            Cascade::Foreground => {
                let now = self.w.clock.now();
                self.w
                    .store
                    .update_replicaset(&key, |r| r.metadata.mark_foreground_deletion(now));
            }
        }
        self.reconcile();
        Ok(())
    }

    /// The garbage collector's orphan finalizer: the owner's pods, ControllerRevisions and
    /// ReplicaSets lose their owner reference to `uid`.
    pub(super) fn orphan_dependents(&mut self, uid: &str) {
        let drop_ref = |meta: &mut ObjectMeta| meta.owner_references.retain(|r| r.uid != uid);
        let owned = |meta: &ObjectMeta| meta.owner_references.iter().any(|r| r.uid == uid);
        let store = &mut self.w.store;
        let pods: Vec<ObjectKey> = store
            .pods()
            .iter()
            .filter(|(_, p)| owned(&p.metadata))
            .map(|(k, _)| k.clone())
            .collect();
        for k in pods {
            store.update_pod(&k, |p| drop_ref(&mut p.metadata));
        }
        let revisions: Vec<ObjectKey> = store
            .revisions()
            .iter()
            .filter(|(_, r)| owned(&r.metadata))
            .map(|(k, _)| k.clone())
            .collect();
        for k in revisions {
            if let Some(mut r) = store.revisions().get(&k).cloned() {
                drop_ref(&mut r.metadata);
                store.put_revision(r);
            }
        }
        let replicasets: Vec<ObjectKey> = store
            .replicasets()
            .iter()
            .filter(|(_, r)| owned(&r.metadata))
            .map(|(k, _)| k.clone())
            .collect();
        for k in replicasets {
            store.update_replicaset(&k, |r| drop_ref(&mut r.metadata));
        }
    }
}

//! The users' writes of Deployments and ReplicaSets, with what the API server does on each:
//! defaults, validation (selector immutable on update), generation bookkeeping
//! (`pkg/registry/apps/deployment/strategy.go`, `.../replicaset/strategy.go`: a spec change
//! moves `metadata.more.generation`), and deletion with the cascade kubectl asks for.

use super::{Cascade, Cluster};
use crate::api::{ApiError, Deployment, ObjectKey, ObjectMeta, ReplicaSet};
use crate::state::store::Store;
use crate::validation;

/// What the API server's registry knows of a kind (its `strategy.go`) and where the store keeps it.
trait Workload: Clone + PartialEq + Sized {
    /// The resource in errors (`deployments.apps`).
    const RESOURCE: &'static str;
    fn meta(&self) -> &ObjectMeta;
    fn meta_mut(&mut self) -> &mut ObjectMeta;
    /// Defaults, then validation (with `old`, the update's rules: the selector is immutable).
    fn admit(&mut self, old: Option<&Self>) -> Result<(), ApiError>;
    fn same_spec(&self, other: &Self) -> bool;
    /// The status the object had (`old`), or none for a new object: users do not write it.
    fn keep_status(&mut self, old: Option<&Self>);
    fn get<'a>(store: &'a Store, key: &ObjectKey) -> Option<&'a Self>;
    fn put(store: &mut Store, object: Self);
    fn remove(store: &mut Store, key: &ObjectKey);
}

impl Workload for Deployment {
    const RESOURCE: &'static str = "deployments.apps";
    fn meta(&self) -> &ObjectMeta {
        &self.metadata
    }
    fn meta_mut(&mut self) -> &mut ObjectMeta {
        &mut self.metadata
    }
    fn admit(&mut self, old: Option<&Self>) -> Result<(), ApiError> {
        validation::set_defaults_deployment(self);
        validation::validate_deployment(self, old)
    }
    fn same_spec(&self, other: &Self) -> bool {
        self.spec == other.spec
    }
    fn keep_status(&mut self, old: Option<&Self>) {
        self.status = old.map(|o| o.status.clone()).unwrap_or_default();
    }
    fn get<'a>(store: &'a Store, key: &ObjectKey) -> Option<&'a Self> {
        store.deployment(key)
    }
    fn put(store: &mut Store, object: Self) {
        store.put_deployment(object);
    }
    fn remove(store: &mut Store, key: &ObjectKey) {
        store.remove_deployment(key);
    }
}

impl Workload for ReplicaSet {
    const RESOURCE: &'static str = "replicasets.apps";
    fn meta(&self) -> &ObjectMeta {
        &self.metadata
    }
    fn meta_mut(&mut self) -> &mut ObjectMeta {
        &mut self.metadata
    }
    fn admit(&mut self, old: Option<&Self>) -> Result<(), ApiError> {
        validation::set_defaults_replicaset(self);
        validation::validate_replicaset(self, old)
    }
    fn same_spec(&self, other: &Self) -> bool {
        self.spec == other.spec
    }
    fn keep_status(&mut self, old: Option<&Self>) {
        self.status = old.map(|o| o.status.clone()).unwrap_or_default();
    }
    fn get<'a>(store: &'a Store, key: &ObjectKey) -> Option<&'a Self> {
        store.replicaset(key)
    }
    fn put(store: &mut Store, object: Self) {
        store.put_replicaset(object);
    }
    fn remove(store: &mut Store, key: &ObjectKey) {
        store.remove_replicaset(key);
    }
}

impl Cluster {
    /// `kubectl create` of a Deployment.
    pub fn create_deployment(&mut self, d: Deployment) -> Result<(), ApiError> {
        self.create_workload(d)
    }

    /// An update of a Deployment through the API server: `f` edits a copy; defaults,
    /// validation and the generation follow. Returns whether anything changed.
    pub fn update_deployment(
        &mut self,
        namespace: &str,
        name: &str,
        f: impl FnOnce(&mut Deployment),
    ) -> Result<bool, ApiError> {
        self.update_workload(&ObjectKey::new(namespace, name), f)
    }

    /// `kubectl delete deploy NAME --cascade=...`: its ReplicaSets (and their pods) go with it,
    /// are orphaned, or go first.
    pub fn delete_deployment(
        &mut self,
        namespace: &str,
        name: &str,
        cascade: Cascade,
    ) -> Result<(), ApiError> {
        self.delete_workload::<Deployment>(&ObjectKey::new(namespace, name), cascade)
    }

    /// `kubectl create` of a ReplicaSet.
    pub fn create_replicaset(&mut self, rs: ReplicaSet) -> Result<(), ApiError> {
        self.create_workload(rs)
    }

    /// An update of a ReplicaSet through the API server (as [`Cluster::update_deployment`]).
    pub fn update_replicaset(
        &mut self,
        namespace: &str,
        name: &str,
        f: impl FnOnce(&mut ReplicaSet),
    ) -> Result<bool, ApiError> {
        self.update_workload(&ObjectKey::new(namespace, name), f)
    }

    /// `kubectl delete rs NAME --cascade=...`: its pods go with it, are orphaned, or go first.
    pub fn delete_replicaset(
        &mut self,
        namespace: &str,
        name: &str,
        cascade: Cascade,
    ) -> Result<(), ApiError> {
        self.delete_workload::<ReplicaSet>(&ObjectKey::new(namespace, name), cascade)
    }

    /// A create: defaults and validation, `AlreadyExists`, then what the API server stamps on a
    /// new object.
    fn create_workload<W: Workload>(&mut self, mut o: W) -> Result<(), ApiError> {
        if o.meta().namespace.is_empty() {
            o.meta_mut().namespace = "default".into();
        }
        o.admit(None)?;
        let key = ObjectKey::of(o.meta());
        if W::get(&self.w.store, &key).is_some() {
            return Err(ApiError::AlreadyExists {
                resource: W::RESOURCE.into(),
                name: key.name.to_string(),
            });
        }
        o.keep_status(None);
        let (uid, now) = (self.w.rng.uid(), self.w.clock.now());
        let meta = o.meta_mut();
        meta.uid = uid;
        meta.creation_timestamp = Some(now).into();
        meta.more.deletion_timestamp = None;
        meta.more.generation = 1;
        W::put(&mut self.w.store, o);
        self.reconcile();
        Ok(())
    }

    /// An update: `f` edits a copy; defaults, validation against the old object, the status
    /// kept, the generation moved by a spec change.
    fn update_workload<W: Workload>(
        &mut self,
        key: &ObjectKey,
        f: impl FnOnce(&mut W),
    ) -> Result<bool, ApiError> {
        let Some(old) = W::get(&self.w.store, key).cloned() else {
            return Err(ApiError::not_found(W::RESOURCE, &key.name));
        };
        let mut new = old.clone();
        f(&mut new);
        new.admit(Some(&old))?;
        new.keep_status(Some(&old));
        if !new.same_spec(&old) {
            new.meta_mut().more.generation = old.meta().more.generation + 1;
        }
        if new == old {
            return Ok(false);
        }
        W::put(&mut self.w.store, new);
        self.reconcile();
        Ok(true)
    }

    /// A delete with kubectl's cascade: dependents go after it (background), lose their owner
    /// reference (orphan), or go first while it waits marked (foreground).
    fn delete_workload<W: Workload>(
        &mut self,
        key: &ObjectKey,
        cascade: Cascade,
    ) -> Result<(), ApiError> {
        let Some(uid) = W::get(&self.w.store, key).map(|o| o.meta().uid.clone()) else {
            return Err(ApiError::not_found(W::RESOURCE, &key.name));
        };
        match cascade {
            Cascade::Orphan => {
                self.orphan_dependents(&uid.as_str());
                W::remove(&mut self.w.store, key);
            }
            Cascade::Background => W::remove(&mut self.w.store, key),
            Cascade::Foreground => {
                let now = self.w.clock.now();
                if let Some(old) = W::get(&self.w.store, key) {
                    let mut o = old.clone();
                    o.meta_mut().mark_foreground_deletion(now);
                    if &o != old {
                        W::put(&mut self.w.store, o);
                    }
                }
            }
        }
        self.reconcile();
        Ok(())
    }

    /// The garbage collector's orphan finalizer: the owner's pods, ControllerRevisions and
    /// ReplicaSets lose their owner reference to `uid`.
    pub(super) fn orphan_dependents(&mut self, uid: &str) {
        let drop_ref = |meta: &mut ObjectMeta| meta.more.owner_references.retain(|r| r.uid != uid);
        let owned = |meta: &ObjectMeta| meta.more.owner_references.iter().any(|r| r.uid == uid);
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

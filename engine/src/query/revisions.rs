//! A DaemonSet's history as the page shows it (`kubectl rollout history`): its
//! ControllerRevisions by number, the images of each, and which revision each pod runs.

use crate::api::{ControllerRevision, DaemonSet, Pod, keys};
use crate::cluster::Cluster;
use std::collections::BTreeMap;

/// One revision of a DaemonSet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision<'a> {
    pub revision: i64,
    /// The images of the revision's pod template, in container order.
    pub images: Vec<&'a str>,
    /// The newest revision: the template the DaemonSet has now.
    pub current: bool,
}

/// The revisions `ds` controls, oldest first.
pub fn daemonset_revisions<'a>(cluster: &'a Cluster, ds: &DaemonSet) -> Vec<Revision<'a>> {
    let mut revs: Vec<&ControllerRevision> = cluster
        .store()
        .revisions()
        .values()
        .filter(|r| {
            r.metadata
                .controller_ref()
                .is_some_and(|o| o.uid == ds.metadata.uid)
        })
        .collect();
    crate::sort::sort_by_key(&mut revs, |r| r.revision);
    let newest = revs.last().map(|r| r.revision);
    revs.into_iter()
        .map(|r| Revision {
            revision: r.revision,
            images: template_images(r),
            current: Some(r.revision) == newest,
        })
        .collect()
}

/// The images of the pod template a revision stores (`data.spec.template`), read in place:
/// the page asks at every clock tick, too often to decode whole templates.
pub fn template_images(rev: &ControllerRevision) -> Vec<&str> {
    rev.data
        .pointer("/spec/template/spec/containers")
        .and_then(|c| c.as_array())
        .map(|containers| {
            containers
                .iter()
                .filter_map(|c| c.get("image")?.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// Revision numbers by owner and `controller-revision-hash`: the revision a pod runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RevisionNumbers {
    numbers: BTreeMap<(String, String), i64>,
    /// The newest revision of each owner: the template it has now.
    newest: BTreeMap<String, i64>,
}

impl RevisionNumbers {
    /// Every revision of the cluster, by its owner's UID and its hash.
    pub fn new(cluster: &Cluster) -> RevisionNumbers {
        // Inserted one by one: `collect` into a map would compile a copy of the standard sort.
        let mut numbers = BTreeMap::new();
        numbers.extend(cluster.store().revisions().values().filter_map(|rev| {
            let owner = rev.metadata.controller_ref()?.uid.clone();
            let hash = rev
                .metadata
                .labels
                .get(keys::CONTROLLER_REVISION_HASH)?
                .clone();
            Some(((owner, hash), rev.revision))
        }));
        let mut newest: BTreeMap<String, i64> = BTreeMap::new();
        for ((owner, _), revision) in &numbers {
            let n = newest.entry(owner.clone()).or_insert(*revision);
            *n = (*n).max(*revision);
        }
        RevisionNumbers { numbers, newest }
    }

    /// Whether `pod` runs its owner's newest revision (None when its revision is not known).
    pub fn is_current(&self, pod: &Pod) -> Option<bool> {
        let revision = self.of_pod(pod)?;
        let owner = &pod.metadata.controller_ref()?.uid;
        Some(self.newest.get(owner) == Some(&revision))
    }

    /// The revision `pod` runs: its owner's revision with the pod's hash, if known.
    pub fn of_pod(&self, pod: &Pod) -> Option<i64> {
        let owner = pod.metadata.controller_ref()?;
        let hash = pod.metadata.labels.get(keys::CONTROLLER_REVISION_HASH)?;
        self.numbers
            .get(&(owner.uid.clone(), hash.clone()))
            .copied()
    }
}

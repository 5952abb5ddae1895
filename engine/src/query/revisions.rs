//! A DaemonSet's history as the page shows it (`kubectl rollout history`): its
//! ControllerRevisions by number, the images of each, and which revision each pod runs.

use crate::api::{ControllerRevision, DaemonSet, Pod, keys};
use crate::cluster::Cluster;

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
/// the page asks at every clock tick, too often to decode whole templates. Key by key, not
/// `Value::pointer`, whose unescaping of each segment (`~1`, `~0`) allocates and is code the
/// model's module had only for this.
pub fn template_images(rev: &ControllerRevision) -> Vec<&str> {
    rev.data
        .get("spec")
        .and_then(|v| v.get("template"))
        .and_then(|v| v.get("spec"))
        .and_then(|v| v.get("containers"))
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
    /// (owner, hash, revision), sorted by owner and hash, one of each pair. Sorted `Vec`s, not
    /// `BTreeMap`s: their tree code was compiled for these two key types alone.
    numbers: Vec<(String, String, i64)>,
    /// The newest revision of each owner (the template it has now), sorted by owner.
    newest: Vec<(String, i64)>,
}

impl RevisionNumbers {
    /// Every revision of the cluster, by its owner's UID and its hash.
    pub fn new(cluster: &Cluster) -> RevisionNumbers {
        let mut numbers: Vec<(String, String, i64)> = cluster
            .store()
            .revisions()
            .values()
            .filter_map(|rev| {
                let owner = rev.metadata.controller_ref()?.uid.clone();
                let hash = rev
                    .metadata
                    .labels
                    .get(keys::CONTROLLER_REVISION_HASH)?
                    .clone();
                Some((owner, hash, rev.revision))
            })
            .collect();
        crate::sort::sort_by(&mut numbers, |a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        // Two revisions with one owner and hash: the last listed counts (as a map's insert).
        numbers.dedup_by(|later, kept| {
            let same = (&later.0, &later.1) == (&kept.0, &kept.1);
            if same {
                kept.2 = later.2;
            }
            same
        });
        let mut newest: Vec<(String, i64)> = Vec::new();
        for (owner, _, revision) in &numbers {
            match newest.last_mut() {
                Some((last, n)) if last == owner => *n = (*n).max(*revision),
                _ => newest.push((owner.clone(), *revision)),
            }
        }
        RevisionNumbers { numbers, newest }
    }

    /// Whether `pod` runs its owner's newest revision (None when its revision is not known).
    pub fn is_current(&self, pod: &Pod) -> Option<bool> {
        let revision = self.of_pod(pod)?;
        let owner = &pod.metadata.controller_ref()?.uid;
        let newest = self
            .newest
            .binary_search_by(|(o, _)| o.as_str().cmp(owner))
            .ok()
            .map(|at| self.newest[at].1);
        Some(newest == Some(revision))
    }

    /// The revision `pod` runs: its owner's revision with the pod's hash, if known.
    pub fn of_pod(&self, pod: &Pod) -> Option<i64> {
        let owner = pod.metadata.controller_ref()?;
        let hash = pod.metadata.labels.get(keys::CONTROLLER_REVISION_HASH)?;
        let at = self
            .numbers
            .binary_search_by(|(o, h, _)| (o.as_str(), h.as_str()).cmp(&(owner.uid.as_str(), hash)))
            .ok()?;
        Some(self.numbers[at].2)
    }
}

//! The readiness write (`ContainersReady` and `Ready` True, every container ready), remembered:
//! pods of one DaemonSet started at one instant hold the very same conditions and container
//! statuses (the store shares equal ones), so the ready version of one pod's is the ready
//! version of the next one's. It is worked out once and shared, not copied, edited and compared
//! again for every pod.

use super::set_status_condition;
use crate::api::{ContainerStatus, ObjectKey, PodCondition, PodStatus, Shared, Time};
use crate::state::World;

/// The last write's parts before and after, and its instant.
struct Last {
    now: Time,
    conditions: [Shared<Vec<PodCondition>>; 2],
    statuses: [Shared<Vec<ContainerStatus>>; 2],
    /// Whether after differs from before: a pod holding before surely changes.
    changed: bool,
}

#[derive(Default)]
pub(super) struct Ready(Option<Last>);

impl Ready {
    /// Marks the pod `key` ready at `now`.
    pub(super) fn mark(&mut self, w: &mut World, key: &ObjectKey, now: Time) {
        let last = &mut self.0;
        let mut worked_out = false;
        w.store.write_pod_status(key, |_, st| {
            if let Some(l) = last.as_ref().filter(|l| {
                l.now == now
                    && l.conditions[0].same(&st.conditions)
                    && l.statuses[0].same(&st.container_statuses)
            }) {
                st.conditions = l.conditions[1].clone();
                st.container_statuses = l.statuses[1].clone();
                return l.changed;
            }
            let before = (st.conditions.clone(), st.container_statuses.clone());
            mark_ready(st, now);
            let changed = before.0 != st.conditions || before.1 != st.container_statuses;
            *last = Some(Last {
                now,
                conditions: [before.0, st.conditions.clone()],
                statuses: [before.1, st.container_statuses.clone()],
                changed,
            });
            worked_out = true;
            false
        });
        // The store may have shared an equal value kept from before (another DaemonSet's pods
        // readied at this instant hold the same conditions) in place of the one worked out:
        // the next pods get the store's, which it then finds by address, not text by text.
        if worked_out && let (Some(l), Some(pod)) = (&mut self.0, w.store.pod(key)) {
            l.conditions[1] = pod.status.conditions.clone();
            l.statuses[1] = pod.status.container_statuses.clone();
        }
    }
}

fn mark_ready(st: &mut PodStatus, now: Time) {
    set_status_condition(st, "ContainersReady", "True", "", "", now);
    set_status_condition(st, "Ready", "True", "", "", now);
    for cs in &mut st.container_statuses {
        cs.ready = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Pod;

    fn not_ready() -> PodStatus {
        let mut st = PodStatus::default();
        set_status_condition(
            &mut st,
            "Ready",
            "False",
            "ContainersNotReady",
            "x",
            Time(0),
        );
        st.container_statuses = Shared::new(vec![ContainerStatus::default()]);
        st
    }

    /// A remembered write gives what the write itself gives, and only for the very same parts
    /// at the same instant.
    #[test]
    fn a_remembered_write_equals_the_write() {
        let mut w = World::empty();
        let mut ready = Ready::default();
        let st = not_ready();
        let now = Time(5_000);
        let mut keys = Vec::new();
        for (i, status) in [st.clone(), st.clone(), not_ready()]
            .into_iter()
            .enumerate()
        {
            let mut pod = Pod::default();
            pod.metadata.name = format!("p{i}").into();
            pod.metadata.namespace = "default".to_string().into();
            pod.status = status;
            let key = ObjectKey::of(&pod.metadata);
            w.store.put_pod(pod);
            keys.push(key);
        }
        let mut expected = st.clone();
        mark_ready(&mut expected, now);
        for key in &keys {
            ready.mark(&mut w, key, now);
            assert_eq!(w.store.pod(key).map(|p| &p.status), Some(&expected));
        }
    }
}

//! The readiness write (`ContainersReady` and `Ready` True, every container ready), remembered:
//! pods of one DaemonSet started at one instant hold the very same conditions and container
//! statuses, so the ready version of one pod's is the ready version of the next one's
//! (`remembered.rs`).

use super::remembered::{Parts, Remembered};
use super::set_status_condition;
use crate::api::{ContainerStatus, ObjectKey, PodCondition, PodStatus, Shared, Time};
use crate::state::World;

/// What the readiness write replaces: the conditions and the container statuses.
#[derive(PartialEq)]
struct Readied(Shared<Vec<PodCondition>>, Shared<Vec<ContainerStatus>>);

impl Parts for Readied {
    fn of(st: &PodStatus) -> Self {
        Readied(st.conditions.clone(), st.container_statuses.clone())
    }
    fn held_by(&self, st: &PodStatus) -> bool {
        self.0.same(&st.conditions) && self.1.same(&st.container_statuses)
    }
    fn put(&self, st: &mut PodStatus) {
        st.conditions = self.0.clone();
        st.container_statuses = self.1.clone();
    }
}

#[derive(Default)]
pub(super) struct Ready(Remembered<Readied>);

impl Ready {
    /// Marks the pod `key` ready at `now`.
    pub(super) fn mark(&mut self, w: &mut World, key: &ObjectKey, now: Time) {
        self.0.write(w, key, now, |st| mark_ready(st, now));
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

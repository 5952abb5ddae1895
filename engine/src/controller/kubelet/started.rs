//! The start write (phase Running, every container running since now), remembered: pods of one
//! DaemonSet admitted together hold the very same container statuses (the store shares equal
//! ones), and the running version depends on those and the instant alone (container IDs on the
//! instant and the name, imageIDs on the image). It is worked out once and shared, not copied,
//! edited and compared again for every pod (`remembered.rs`).

use super::remembered::{Parts, Remembered};
use super::{image_ref, status_text};
use crate::api::{
    ContainerState, ContainerStateRunning, ContainerStatus, ObjectKey, PodStatus, Shared, Time,
    phase,
};
use crate::state::World;
use crate::state::hash::FastHashMap as HashMap;

/// What the start write replaces: the container statuses (and the phase, always Running).
#[derive(PartialEq)]
struct Running(Shared<Vec<ContainerStatus>>);

impl Parts for Running {
    fn of(st: &PodStatus) -> Self {
        Running(st.container_statuses.clone())
    }
    fn held_by(&self, st: &PodStatus) -> bool {
        self.0.same(&st.container_statuses)
    }
    fn put(&self, st: &mut PodStatus) {
        st.phase = phase::RUNNING.into();
        st.container_statuses = self.0.clone();
    }
}

#[derive(Default)]
pub(super) struct Started {
    last: Remembered<Running>,
    /// The imageID each image resolves to, worked out once per image (a digest of its name).
    image_ids: HashMap<String, String>,
}

impl Started {
    /// Writes the pod `key`'s containers as started at `now`.
    pub(super) fn mark(&mut self, w: &mut World, key: &ObjectKey, now: Time) {
        let image_ids = &mut self.image_ids;
        self.last.write(w, key, now, |st| {
            st.phase = phase::RUNNING.into();
            start(&mut st.container_statuses, image_ids, now);
        });
    }
}

fn start(
    statuses: &mut Shared<Vec<ContainerStatus>>,
    image_ids: &mut HashMap<String, String>,
    now: Time,
) {
    for cs in statuses {
        cs.state = ContainerState {
            running: Some(ContainerStateRunning {
                started_at: Some(now),
            }),
            ..Default::default()
        };
        cs.started = Some(true);
        cs.image_id = match image_ids.get(&cs.image) {
            Some(id) => id.clone(),
            None => {
                let id = image_ref::image_id(&cs.image);
                image_ids.insert(cs.image.clone(), id.clone());
                id
            }
        };
        cs.container_id = status_text::container_id(now.millis() as u64 ^ cs.name.len() as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Pod, PodStatus};

    fn world() -> World {
        World::empty()
    }

    fn waiting(image: &str) -> PodStatus {
        PodStatus {
            phase: phase::PENDING.into(),
            container_statuses: Shared::new(vec![ContainerStatus {
                name: "app".into(),
                image: image.into(),
                ..Default::default()
            }]),
            ..Default::default()
        }
    }

    /// A remembered write gives what the write itself gives, and only for the very same
    /// statuses at the same instant: an equal copy (the third pod) is worked out again, and so
    /// are the same statuses at another instant (the fourth pod: other start and container ID).
    #[test]
    fn a_remembered_write_equals_the_write() {
        let mut w = world();
        let st = waiting("nginx:1.27");
        let statuses = [st.clone(), st.clone(), waiting("nginx:1.27"), st.clone()];
        let mut keys = Vec::new();
        for (i, status) in statuses.into_iter().enumerate() {
            let mut pod = Pod::default();
            pod.metadata.name = format!("p{i}").into();
            pod.metadata.namespace = "default".to_string().into();
            pod.status = status;
            keys.push(ObjectKey::of(&pod.metadata));
            w.store.put_pod(pod);
        }
        let mut started = Started::default();
        let expect = |st: &PodStatus, now: Time| {
            let mut e = st.clone();
            e.phase = phase::RUNNING.into();
            start(&mut e.container_statuses, &mut HashMap::default(), now);
            e
        };
        let now = Time(7_000);
        for key in &keys[..3] {
            started.mark(&mut w, key, now);
            assert_eq!(w.store.pod(key).map(|p| &p.status), Some(&expect(&st, now)));
        }
        let later = Time(8_000);
        started.mark(&mut w, &keys[3], later);
        let got = w.store.pod(&keys[3]).map(|p| &p.status);
        assert_eq!(got, Some(&expect(&st, later)));
        assert_ne!(expect(&st, now), expect(&st, later));
        assert!(
            got.unwrap().container_statuses[0]
                .image_id
                .contains("nginx")
        );
    }
}

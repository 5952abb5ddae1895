//! `syncNodes`: the writes of both `manage` and `rollingUpdate`.

use super::pod_template::{self, TemplateMemo};
use super::{BURST_REPLICAS, event};
use crate::api::{DaemonSet, NORMAL, ObjectKey, Pod, SharedStr};
use crate::state::World;
use crate::state::apiserver;
use crate::state::audit::{Request, users};
use crate::state::events::Message;
use std::rc::Rc;

/// `syncNodes`: creates the pods for `create_on` and deletes `delete`, with their events. The
/// created pods' names are added to `created`, if given, in the order of `create_on`.
pub(super) fn sync_nodes<N: AsRef<str>>(
    w: &mut World,
    ds: &DaemonSet,
    hash: &str,
    template: &mut TemplateMemo,
    create_on: &[N],
    delete: &[Rc<Pod>],
    mut created: Option<&mut Vec<SharedStr>>,
) {
    if !create_on.is_empty() {
        // Kept between syncs: the pods of every burst share it. Checked against the DaemonSet
        // once a burst (a comparison of the whole template), not once a pod.
        let template = template.get(ds, hash);
        for node in create_on.iter().take(BURST_REPLICAS) {
            let pod = pod_template::for_node(template, node.as_ref(), &w.store);
            let key = apiserver::create_pod(w, pod, users::DAEMON_SET_CONTROLLER);
            event(
                w,
                ds,
                NORMAL,
                "SuccessfulCreate",
                Message::template("Created pod: {}", &[&key.name]),
            );
            if let Some(created) = created.as_deref_mut() {
                created.push(key.name);
            }
        }
    }
    for pod in delete {
        let key = ObjectKey::of(&pod.metadata);
        if apiserver::delete_pod(w, &key, None, Request::delete(users::DAEMON_SET_CONTROLLER)) {
            event(
                w,
                ds,
                NORMAL,
                "SuccessfulDelete",
                Message::template("Deleted pod: {}", &[&key.name]),
            );
        }
    }
}

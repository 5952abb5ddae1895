//! `syncNodes`: the writes of both `manage` and `rollingUpdate`.

use super::{BURST_REPLICAS, event, pod_template};
use crate::api::{DaemonSet, NORMAL, ObjectKey, Pod};
use crate::state::World;
use crate::state::apiserver;
use crate::state::audit::{Request, users};
use crate::state::events::Message;
use std::rc::Rc;

/// `syncNodes`: creates the pods for `create_on` and deletes `delete`, with their events.
pub(super) fn sync_nodes<N: AsRef<str>>(
    w: &mut World,
    ds: &DaemonSet,
    hash: &str,
    create_on: &[N],
    delete: &[Rc<Pod>],
) {
    // Built once for the burst: its pods share it.
    let mut template = None;
    for node in create_on.iter().take(BURST_REPLICAS) {
        let template = template.get_or_insert_with(|| pod_template::daemon_pod_template(ds, hash));
        let pod = pod_template::for_node(template, node.as_ref(), &w.store);
        let key = apiserver::create_pod(w, pod, users::DAEMON_SET_CONTROLLER);
        event(
            w,
            ds,
            NORMAL,
            "SuccessfulCreate",
            Message::template("Created pod: {}", &[&key.name]),
        );
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

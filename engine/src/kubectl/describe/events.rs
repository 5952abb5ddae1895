//! The Events section (`DescribeEvents`) and the search for an object's events
//! (`searchEvents`: the events whose involvedObject is the object).

use crate::api::{Event, ObjectMeta, Time};
use crate::cluster::Cluster;
use crate::kubectl::print::describe::Writer;
use crate::kubectl::print::printers::age;
use std::borrow::Borrow;

/// The events about the object `meta` of `kind` (`None`: any kind, as for pods, whose reference
/// kubectl clears), oldest first.
pub(super) fn about(cluster: &Cluster, kind: Option<&str>, meta: &ObjectMeta) -> Vec<Event> {
    let mut events: Vec<Event> = cluster
        .event_log()
        .filter(|e| {
            meta.name == e.name()
                && kind.is_none_or(|k| e.kind() == k)
                && (meta.namespace == e.namespace() || meta.namespace.is_empty())
                // Node events carry the node's UID (controllers) or its name (kubelet).
                && {
                    let uid = e.uid();
                    uid.is_empty() || meta.uid.is(&uid) || meta.name == *uid
                }
        })
        .map(|e| e.to_event())
        .collect();
    // `SortableEvents`: by last timestamp; equal ones keep the order they were recorded in.
    crate::sort::sort_by_key(&mut events, |e| e.last_timestamp);
    events
}

/// Writes the Events section: `Events:\t<none>`, or a flushed table
/// `Type Reason Age From Message` with kubectl's `2m (x3 over 5m)` ages.
pub(super) fn write<E: Borrow<Event>>(w: &mut Writer, now: Time, events: &[E]) {
    if events.is_empty() {
        w.line(0, "Events:\t<none>");
        return;
    }
    w.flush();
    w.line(0, "Events:");
    w.line(1, "Type\tReason\tAge\tFrom\tMessage");
    w.line(1, "----\t------\t----\t----\t-------");
    let stamp = |t: Time| if t.millis() == 0 { None } else { Some(t) };
    for e in events {
        let e = e.borrow();
        let first = age(now, stamp(e.first_timestamp));
        let interval = if e.count > 1 {
            format!(
                "{} (x{} over {first})",
                age(now, stamp(e.last_timestamp)),
                e.count
            )
        } else {
            first
        };
        let mut message = e.message.trim().to_string();
        if !e.involved_object.field_path.is_empty() {
            message = format!("{}: {message}", e.involved_object.field_path);
        }
        w.line(
            1,
            &format!(
                "{}\t{}\t{interval}\t{}\t{message}",
                e.type_, e.reason, e.source.component
            ),
        );
    }
}

//! `kubectl describe ds|pod|node` (kubectl `pkg/cmd/describe/describe.go` `Run` and
//! `DescribeMatchingResources`; the describers of `pkg/describe/describe.go`).
//!
//! Each describer writes lines with tabs, as kubectl's `PrefixWriter` does, and the text is laid
//! out by a port of Go's tabwriter ([`super::tabwriter`]) as `tabbedString` does. The command
//! itself: several objects are separated by two blank lines; events are shown only when exactly
//! one object is described; a single name that is not found describes every object whose name
//! starts with it (each followed by a blank line, without events).

mod containers;
mod daemonset;
mod events;
mod node;
mod pod;

use super::get::{Obj, list, not_found, resolve};
use super::tabwriter;
use super::{Context, KError, Out};
use crate::api::{StringMap, Time, Toleration};
use crate::cluster::Cluster;
use crate::script::{NamespaceScope, ResourceKind};

/// kubectl's `PrefixWriter` over a tabwriter buffer: `line(level, text)` indents by two spaces
/// per level; `flush` lays out what was written so far on its own (as `w.Flush()` does before
/// the Events table).
#[derive(Default)]
pub(crate) struct Writer {
    pending: String,
    done: String,
}

impl Writer {
    /// Writes `text` (which carries its own `\n`) at `level`.
    pub fn write(&mut self, level: usize, text: &str) {
        for _ in 0..level {
            self.pending.push_str("  ");
        }
        self.pending.push_str(text);
    }

    /// `Write(level, "...\n")`.
    pub fn line(&mut self, level: usize, text: &str) {
        self.write(level, text);
        self.pending.push('\n');
    }

    pub fn flush(&mut self) {
        let text = std::mem::take(&mut self.pending);
        self.done.push_str(&tabwriter::layout(&text, 0, 2));
    }

    pub fn finish(mut self) -> String {
        self.flush();
        self.done
    }
}

/// Go's `time.RFC1123Z` layout: `Wed, 01 Jan 2025 00:00:00 +0000` (the simulator runs in UTC).
pub(crate) fn rfc1123z(t: Time) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let iso = t.to_string(); // YYYY-MM-DDTHH:MM:SSZ, or a longer year far from now
    let Some(date_end) = iso.len().checked_sub(10).filter(|&e| e > 0) else {
        return iso;
    };
    let (date, clock) = (&iso[..date_end], &iso[date_end + 1..iso.len() - 1]);
    let mut parts = date.rsplitn(3, '-');
    let (day_of_month, month, year) = (
        parts.next().unwrap_or("01"),
        parts.next().unwrap_or("01"),
        parts.next().unwrap_or("0000"),
    );
    let month = month.parse::<usize>().unwrap_or(1).clamp(1, 12);
    let weekday = t.millis().div_euclid(86_400_000).rem_euclid(7) as usize;
    format!(
        "{}, {day_of_month} {} {year} {clock} +0000",
        DAYS[weekday],
        MONTHS[month - 1]
    )
}

/// Go's zero `metav1.Time` formatted with RFC1123Z (what kubectl prints for a missing time).
pub(crate) const ZERO_TIME: &str = "Mon, 01 Jan 0001 00:00:00 +0000";

pub(crate) fn rfc1123z_or_zero(t: Option<Time>) -> String {
    t.map_or_else(|| ZERO_TIME.to_string(), rfc1123z)
}

/// `printLabelsMultilineWithIndent`: `Title:\tk=v`, further keys on their own lines.
pub(crate) fn labels_multiline(w: &mut Writer, indent: &str, title: &str, labels: &StringMap) {
    w.write(0, &format!("{indent}{title}:\t"));
    if labels.is_empty() {
        w.line(0, "<none>");
        return;
    }
    for (i, (k, v)) in labels.iter().enumerate() {
        if i != 0 {
            w.write(0, &format!("{indent}\t"));
        }
        w.line(0, &format!("{k}={v}"));
    }
}

/// `printAnnotationsMultiline` (the last-applied-configuration annotation is skipped; long or
/// multi-line values go on their own lines, cut at 140 characters).
pub(crate) fn annotations_multiline(w: &mut Writer, title: &str, annotations: &StringMap) {
    const MAX: usize = 140;
    w.write(0, &format!("{title}:\t"));
    let keys: Vec<&String> = annotations
        .keys()
        .filter(|k| k.as_str() != "kubectl.kubernetes.io/last-applied-configuration")
        .collect();
    if keys.is_empty() {
        w.line(0, "<none>");
        return;
    }
    for (i, key) in keys.into_iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        let value = annotations[key].trim_end_matches('\n');
        if value.len() + key.len() + 2 > MAX || value.contains('\n') {
            w.line(0, &format!("{key}:"));
            for s in value.split('\n') {
                let short = if s.len() > MAX - 2 {
                    let mut cut = MAX - 2;
                    while !s.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    format!("{}...", &s[..cut])
                } else {
                    s.to_string()
                };
                w.line(0, &format!("\t  {short}"));
            }
        } else {
            w.line(0, &format!("{key}: {value}"));
        }
    }
}

/// `printTolerationsMultilineWithIndent`, sorted by key (stably, as the usual few are).
pub(crate) fn tolerations_multiline(
    w: &mut Writer,
    indent: &str,
    title: &str,
    tolerations: &[Toleration],
) {
    w.write(0, &format!("{indent}{title}:\t"));
    if tolerations.is_empty() {
        w.line(0, "<none>");
        return;
    }
    let mut sorted: Vec<&Toleration> = tolerations.iter().collect();
    crate::sort::sort_by(&mut sorted, |a, b| a.key.cmp(&b.key));
    for (i, t) in sorted.into_iter().enumerate() {
        if i != 0 {
            w.write(0, &format!("{indent}\t"));
        }
        // One formatting of a toleration for describe and the Why? explanations.
        let s = crate::placement::describe_toleration(t);
        w.line(0, &s);
    }
}

/// What `describe` runs with.
pub(super) struct DescribeArgs<'a> {
    pub kind: ResourceKind,
    pub names: &'a [String],
    pub namespace: &'a NamespaceScope,
}

/// One object's description, with or without its events.
fn describe_one(cluster: &Cluster, obj: Obj<'_>, show_events: bool) -> String {
    match obj {
        Obj::DaemonSet(ds) => daemonset::describe(cluster, ds, show_events),
        Obj::Pod(p) => pod::describe(cluster, p, show_events),
        Obj::Node(n) => node::describe(cluster, n, show_events),
        // kubectl's generic describer is not modelled; the scenario language names only these.
        Obj::Revision(_) | Obj::Event(_) => String::new(),
    }
}

pub(super) fn describe(ctx: &mut Context<'_>, a: &DescribeArgs<'_>, out: &mut Out) {
    if matches!(
        a.kind,
        ResourceKind::ControllerRevision | ResourceKind::Event
    ) {
        out.error(KError::plain(format!(
            "describing {} is not simulated: the scenario language describes ds, pods and nodes",
            a.kind.resource()
        )));
        return;
    }
    let cluster: &Cluster = ctx.cluster;
    let all_namespaces = matches!(a.namespace, NamespaceScope::All);
    let namespace = a.namespace.namespace().unwrap_or("default").to_string();

    let (found, missing) = resolve(cluster, a.kind, a.names, a.namespace);
    let errors: Vec<KError> = missing.into_iter().map(|n| not_found(a.kind, n)).collect();

    if let ([prefix], [_]) = (a.names, errors.as_slice()) {
        describe_matching(cluster, a, &namespace, prefix, errors, out);
        return;
    }

    let show_events = errors.is_empty() && found.len() == 1;
    for (i, obj) in found.iter().enumerate() {
        if i > 0 {
            out.push("\n\n");
        }
        out.push(&describe_one(cluster, *obj, show_events));
    }
    if found.is_empty() && errors.is_empty() {
        if all_namespaces {
            out.line("No resources found");
        } else {
            out.line(format!("No resources found in {namespace} namespace."));
        }
    }
    out.errors(errors);
}

/// `DescribeMatchingResources`: every object whose name starts with `prefix`, or the original
/// NotFound error.
fn describe_matching(
    cluster: &Cluster,
    a: &DescribeArgs<'_>,
    namespace: &str,
    prefix: &str,
    original: Vec<KError>,
    out: &mut Out,
) {
    let ns = a.kind.is_namespaced().then_some(namespace);
    let matching: Vec<Obj<'_>> = list(cluster, a.kind, ns)
        .into_iter()
        .filter(|o| o.meta().name.starts_with(prefix))
        .collect();
    if matching.is_empty() {
        out.errors(original);
        return;
    }
    for obj in matching {
        out.push(&describe_one(cluster, obj, false));
        out.push("\n");
    }
}

#[cfg(test)]
mod tests;

//! What kubectl's describers share (`pkg/describe/describe.go`): the `PrefixWriter`, times in
//! RFC 1123, multi-line labels, annotations and tolerations, and `Quantity.String()`.

use super::tabwriter;
use crate::api::{Quantity, StringMap, Time, Toleration};

/// kubectl's `PrefixWriter`: `line(level, text)` indents by two spaces per level. Over a
/// tabwriter buffer (`tabbedString`, what `kubectl describe` prints), `flush` lays out what was
/// written so far on its own (as `w.Flush()` does before the Events table); a plain writer
/// (`rollout history --revision`) keeps the tabs as tabs.
pub(crate) struct Writer {
    pending: String,
    done: String,
    tabbed: bool,
}

impl Default for Writer {
    /// The tabbed writer of `kubectl describe`.
    fn default() -> Self {
        Writer {
            pending: String::new(),
            done: String::new(),
            tabbed: true,
        }
    }
}

impl Writer {
    /// A writer without a tabwriter (`NewPrefixWriter` over a plain buffer).
    pub fn plain() -> Writer {
        Writer {
            tabbed: false,
            ..Writer::default()
        }
    }

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
        if self.tabbed {
            self.done.push_str(&tabwriter::layout(&text, 0, 2));
        } else {
            self.done.push_str(&text);
        }
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
        let value = annotations[key]
            .strip_suffix('\n')
            .unwrap_or(&annotations[key]);
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

/// `Quantity.String()`: the canonical form (`0.1` → `100m`, `1000m` → `1`, `1024Ki` → `1Mi`).
pub(crate) fn canonical(q: &Quantity) -> String {
    q.to_string()
}

/// Formats a value in thousandths as Go's `Quantity` does in the given family.
pub(crate) fn format_milli(milli: i128, binary: bool) -> String {
    if milli == 0 {
        return "0".into();
    }
    if milli % 1000 != 0 {
        return format!("{milli}m");
    }
    let mut v = milli / 1000;
    let (base, suffixes): (i128, &[&str]) = if binary {
        (1024, &["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"])
    } else {
        (1000, &["", "k", "M", "G", "T", "P", "E"])
    };
    let mut i = 0;
    while i + 1 < suffixes.len() && v != 0 && v % base == 0 {
        v /= base;
        i += 1;
    }
    format!("{v}{}", suffixes[i])
}

#[cfg(test)]
mod tests;

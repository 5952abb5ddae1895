//! The `sim` verbs, mapped onto the cluster.
//!
//! Output:
//! - `sim advance D`, `sim node …`, `sim image …`, `sim pod … fail`, `sim seed N` and
//!   `sim timing NAME D` print nothing (like a shell command that succeeds quietly);
//! - `sim settle` prints the virtual time reached since the scenario began, in Go's duration
//!   format: `settled at 1m12s`, or, when the timeout passes first,
//!   `not settled after 10m0s: still changing at 10m7s` (not an error: the script goes on);
//! - `sim timing` lists the timings as a table;
//! - a missing node or pod is the API server's NotFound (`Error from server (NotFound): nodes
//!   "x" not found`), an error.
//!
//! Durations longer than [`MAX_MILLIS`] (one year) are refused: the clock would have to run
//! through every periodic timer on the way, which can take minutes of real time.

use crate::cluster::Cluster;
use crate::kubectl::table::Table;
use crate::kubectl::{KError, Out};
use crate::script::Sim;
use std::time::Duration;

/// The longest `sim advance` / `sim settle --timeout`: one year.
pub const MAX_MILLIS: i64 = 366 * 24 * 3600 * 1000;
/// `sim settle`'s default timeout.
pub const DEFAULT_SETTLE_MILLIS: i64 = 10 * 60 * 1000;

/// Go's `time.Duration.String()` for whole milliseconds: `0s`, `500ms`, `1.5s`, `1m12s`,
/// `2h0m0s`.
pub fn go_duration(ms: i64) -> String {
    if ms == 0 {
        return "0s".into();
    }
    let neg = ms < 0;
    let ms = ms.unsigned_abs();
    let sign = if neg { "-" } else { "" };
    if ms < 1000 {
        return format!("{sign}{ms}ms");
    }
    let h = ms / 3_600_000;
    let m = (ms / 60_000) % 60;
    let s = (ms / 1000) % 60;
    let frac = ms % 1000;
    let secs = if frac == 0 {
        format!("{s}s")
    } else {
        let f = format!("{frac:03}");
        format!("{s}.{}s", f.trim_end_matches('0'))
    };
    if h > 0 {
        format!("{sign}{h}h{m}m{secs}")
    } else if m > 0 {
        format!("{sign}{m}m{secs}")
    } else {
        format!("{sign}{secs}")
    }
}

fn millis(d: Duration, what: &str) -> Result<i64, KError> {
    let ms = i64::try_from(d.as_millis()).unwrap_or(i64::MAX);
    if ms > MAX_MILLIS {
        return Err(KError::plain(format!(
            "{what}: {} is too long; the playground moves the clock at most {} at a time",
            go_duration(ms.min(i64::MAX / 2)),
            go_duration(MAX_MILLIS)
        )));
    }
    Ok(ms)
}

pub(super) fn run(cluster: &mut Cluster, sim: &Sim) -> Out {
    let mut out = Out::default();
    match sim {
        Sim::Advance(d) => match millis(*d, "sim advance") {
            Ok(ms) => cluster.advance(ms),
            Err(e) => out.error(e),
        },
        Sim::Settle { timeout } => {
            let timeout = match timeout.map(|d| millis(d, "sim settle --timeout")) {
                None => DEFAULT_SETTLE_MILLIS,
                Some(Ok(ms)) => ms,
                Some(Err(e)) => {
                    out.error(e);
                    return out;
                }
            };
            let s = cluster.settle(timeout);
            if s.settled {
                out.line(format!("settled at {}", go_duration(s.at_millis)));
            } else {
                out.line(format!(
                    "not settled after {}: still changing at {}",
                    go_duration(timeout),
                    go_duration(s.at_millis)
                ));
            }
        }
        Sim::NodeReady { node, state } => {
            if let Err(e) = cluster.set_node_readiness(node, *state) {
                out.error(KError::api(e));
            }
        }
        Sim::NodePressure { node, pressure, on } => {
            if let Err(e) = cluster.set_node_pressure(node, *pressure, *on) {
                out.error(KError::api(e));
            }
        }
        Sim::Image { image, pullable } => cluster.set_image_pullable(image, *pullable),
        Sim::PodFail { pod, namespace } => {
            let ns = namespace.namespace().unwrap_or("default");
            if let Err(e) = cluster.fail_pod(ns, pod) {
                out.error(KError::api(e));
            }
        }
        Sim::Seed(n) => cluster.seed(*n),
        Sim::Timing { set: None } => {
            let mut t = Table::new(&["TIMING", "DURATION"]);
            t.rows = cluster
                .timings_mut()
                .list()
                .into_iter()
                .map(|(n, ms)| vec![n.to_string(), go_duration(ms)])
                .collect();
            out.push(&t.render());
        }
        Sim::Timing {
            set: Some((name, d)),
        } => match millis(*d, "sim timing") {
            Ok(ms) => {
                if !cluster.timings_mut().set(name, ms) {
                    out.error(KError::plain(format!(
                        "sim timing: unknown timing {name:?}"
                    )));
                }
            }
            Err(e) => out.error(e),
        },
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations() {
        assert_eq!(go_duration(0), "0s");
        assert_eq!(go_duration(500), "500ms");
        assert_eq!(go_duration(1500), "1.5s");
        assert_eq!(go_duration(72_000), "1m12s");
        assert_eq!(go_duration(600_000), "10m0s");
        assert_eq!(go_duration(7_200_000), "2h0m0s");
        assert_eq!(go_duration(3_723_250), "1h2m3.25s");
    }
}

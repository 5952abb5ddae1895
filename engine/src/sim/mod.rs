//! The `sim` verbs: what a real cluster does on its own (time passing, nodes failing, images
//! that cannot be pulled), read from their words (`parse`) and run on the cluster (`run`).
//!
//! Output:
//! - `sim advance D`, `sim node …`, `sim image …`, `sim pod … fail`, `sim seed N` and
//!   `sim timing NAME D` print nothing (like a shell command that succeeds quietly);
//! - `sim settle` prints the virtual time reached since the scenario began, in Go's duration
//!   format: `settled at 1m12s`, or, when the timeout passes first,
//!   `not settled after 10m0s: still changing at 10m7s` (not an error: the script goes on);
//! - `sim timing` lists the timings as a table, `sim audit` the pod writes (`audit`),
//!   `sim simplifications` where the playground differs from a real cluster (`simplifications`);
//! - a missing node or pod is the API server's NotFound (`Error from server (NotFound): nodes
//!   "x" not found`), an error.
//!
//! Durations longer than [`MAX_MILLIS`] (one year) are refused: the clock would have to run
//! through every periodic timer on the way, which can take minutes of real time.

mod audit;
mod parse;
mod simplifications;
pub(crate) use parse::parse;

use crate::cluster::{Cluster, NodeReadiness, Pressure};
use crate::gofmt::go_duration;
use crate::kubectl::print::table::Table;
use crate::kubectl::{KError, NamespaceScope, Out};
use std::time::Duration;

/// A `sim` command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sim {
    /// `sim advance DURATION`.
    Advance(Duration),
    /// `sim settle [--timeout DURATION]` (`None`: the default, 10m).
    Settle {
        /// `--timeout`.
        timeout: Option<Duration>,
    },
    /// `sim node NAME ready|not-ready|unreachable`.
    NodeReady {
        /// The node.
        node: String,
        /// The state.
        state: NodeReadiness,
    },
    /// `sim node NAME pressure memory|disk|pid on|off`.
    NodePressure {
        /// The node.
        node: String,
        /// Which condition.
        pressure: Pressure,
        /// `on` or `off`.
        on: bool,
    },
    /// `sim image IMAGE unpullable|pullable`.
    Image {
        /// The image reference, as written in pod specs.
        image: String,
        /// `pullable` (true) or `unpullable` (false).
        pullable: bool,
    },
    /// `sim pod NAME fail [-n NS]`.
    PodFail {
        /// The pod.
        pod: String,
        /// `-n`.
        namespace: NamespaceScope,
    },
    /// `sim seed N`.
    Seed(u64),
    /// `sim timing` lists the pod timings; `sim timing NAME DURATION` sets one
    /// (names in `crate::state::timings::NAMES`).
    Timing {
        /// `None` lists them all.
        set: Option<(String, Duration)>,
    },
    /// `sim audit`: the API server's audit log of pod writes.
    Audit,
    /// `sim simplifications`: where the playground does otherwise than a real cluster.
    Simplifications,
}

/// The longest `sim advance` / `sim settle --timeout`: one year.
pub const MAX_MILLIS: i64 = 366 * 24 * 3600 * 1000;
/// `sim settle`'s default timeout.
pub const DEFAULT_SETTLE_MILLIS: i64 = 10 * 60 * 1000;

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

/// Runs a `sim` command.
pub(crate) fn run(cluster: &mut Cluster, sim: &Sim) -> Out {
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
            if cluster.stopped().is_some() {
                // The runner says why.
            } else if s.settled {
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
        Sim::Audit => out.push(&audit::render(cluster.audit())),
        Sim::Simplifications => out.push(&simplifications::text()),
    }
    out
}

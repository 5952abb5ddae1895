//! The work and memory budget of one command. Kubernetes has none (a real cluster is slowed by
//! latency, and the simulator models that where it can); this is the playground's backstop, so
//! that a scenario that keeps changing without end stops with a message instead of freezing the
//! page or running it out of memory. It counts writes, not wall-clock time, so a script stops at
//! the same instant on every machine and a link replays as it ran.

use crate::gofmt::go_duration;

/// Most writes to the cluster (object creations, updates and deletions, plus one per controller
/// round) one command may make: about twice what creating and starting 200,000 pods takes
/// (20 DaemonSets on 10,000 nodes), and about 20 s of an endless evict-and-recreate loop natively.
pub const WORK_PER_COMMAND: u64 = 4_000_000;

/// Most objects and events the cluster may hold; about 2 GB, half of what WebAssembly can address.
pub const MAX_STORED: usize = 2_000_000;

/// Controller rounds at one instant beyond which the controllers are deemed not to settle.
pub(crate) const MAX_ROUNDS_PER_INSTANT: usize = 10_000;

/// Why a command stopped early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The command's allowance of writes ([`WORK_PER_COMMAND`]) was spent.
    Work(u64),
    /// [`MAX_STORED`] objects and events were held.
    Memory(usize),
    /// [`MAX_ROUNDS_PER_INSTANT`] rounds at one instant.
    Instant,
}

#[derive(Debug, Clone)]
pub(crate) struct Budget {
    /// Whether a command set this budget (see `Default`).
    active: bool,
    left: u64,
    spent: u64,
    pub(crate) stop: Option<Stop>,
}

impl Default for Budget {
    /// No limit until a command starts: a cluster driven directly (tests, benchmarks) is not cut.
    fn default() -> Self {
        Budget {
            active: false,
            left: u64::MAX,
            spent: 0,
            stop: None,
        }
    }
}

impl Budget {
    /// A fresh budget of `writes` for one command.
    pub(crate) fn start(&mut self, writes: u64) {
        *self = Budget {
            active: true,
            left: writes,
            spent: 0,
            stop: None,
        };
    }

    /// The controllers went round [`MAX_ROUNDS_PER_INSTANT`] times at one instant.
    pub(crate) fn stop_instant(&mut self) {
        if self.active && self.stop.is_none() {
            self.stop = Some(Stop::Instant);
        }
    }

    /// Spends `writes`; false once the budget is gone (and from then on).
    pub(crate) fn spend(&mut self, writes: u64, stored: usize) -> bool {
        if self.stop.is_some() {
            return false;
        }
        if !self.active {
            return true;
        }
        if stored > MAX_STORED {
            self.stop = Some(Stop::Memory(stored));
        } else if writes > self.left {
            self.stop = Some(Stop::Work(self.spent + self.left));
        } else {
            self.left -= writes;
            self.spent += writes;
        }
        self.stop.is_none()
    }
}

impl Stop {
    /// The message a command that stopped prints, at `elapsed_millis` of virtual time.
    pub fn message(&self, elapsed_millis: i64) -> String {
        let at = go_duration(elapsed_millis);
        let why = match self {
            Stop::Work(n) => format!(
                "this command made more than {} changes to the cluster, the most one command may make",
                thousands(*n)
            ),
            Stop::Memory(n) => format!(
                "the cluster holds {} objects and events, more than the playground keeps ({})",
                thousands(*n as u64),
                thousands(MAX_STORED as u64)
            ),
            Stop::Instant => format!(
                "the controllers did not settle after {} rounds at one instant",
                thousands(MAX_ROUNDS_PER_INSTANT as u64)
            ),
        };
        format!(
            "dsplay: the simulation stopped at {at}: {why}. Something keeps changing without end \
             (kubectl get events shows what); the cluster stays as it was at {at}, and the next \
             command goes on from there"
        )
    }
}

/// 20000000 → "20,000,000".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_stops_once_and_stays_stopped() {
        let mut b = Budget::default();
        assert!(b.spend(u64::MAX / 2, 0), "no limit before a command starts");
        b.start(WORK_PER_COMMAND);
        assert!(b.spend(WORK_PER_COMMAND, 0));
        assert!(!b.spend(1, 0));
        assert_eq!(b.stop, Some(Stop::Work(WORK_PER_COMMAND)));
        assert!(!b.spend(0, 0));
        b.start(WORK_PER_COMMAND);
        assert!(!b.spend(1, MAX_STORED + 1));
        assert_eq!(b.stop, Some(Stop::Memory(MAX_STORED + 1)));
    }

    #[test]
    fn the_message_says_where_and_why() {
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(999), "999");
        let m = Stop::Work(WORK_PER_COMMAND).message(182_000);
        assert!(m.starts_with("dsplay: the simulation stopped at 3m2s: this command made more than 4,000,000 changes"), "{m}");
    }
}

//! The failed-pod backoff (`failedPodsBackoff`, spec §7): per (DaemonSet UID, observedGeneration,
//! node) key, 1 s doubling to 15 min, reset after 30 idle minutes (flowcontrol.Backoff).

use crate::api::Time;
use crate::state::hash::FastHashMap as HashMap;

pub const INITIAL_MS: i64 = 1_000;
pub const MAX_MS: i64 = 15 * 60 * 1_000;
const RESET_MS: i64 = 2 * MAX_MS;

#[derive(Debug, Clone, Default)]
pub struct Backoff {
    entries: HashMap<String, (i64, Time)>, // key → (current delay, last update)
}

impl Backoff {
    /// `IsInBackOffSinceUpdate`: true while `now < last update + delay`.
    pub fn in_backoff(&self, key: &str, now: Time) -> bool {
        self.entries
            .get(key)
            .is_some_and(|(delay, at)| now < at.plus_millis(*delay))
    }

    /// When the current backoff of `key` ends.
    pub fn ends_at(&self, key: &str) -> Option<Time> {
        self.entries.get(key).map(|(d, at)| at.plus_millis(*d))
    }

    /// `Next`: starts at 1 s, doubles to 15 min; an entry idle for 30 min starts over.
    pub fn next(&mut self, key: &str, now: Time) {
        let e = self.entries.entry(key.to_string()).or_insert((0, now));
        e.0 = if e.0 == 0 || now.millis() - e.1.millis() > RESET_MS {
            INITIAL_MS
        } else {
            (e.0 * 2).min(MAX_MS)
        };
        e.1 = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// C26 TestDaemonKillFailedPodsBackoff: in backoff until exactly last update + delay.
    #[test]
    fn c26_backoff_window_is_half_open() {
        let mut b = Backoff::default();
        let t0 = Time(0);
        b.next("k", t0);
        assert!(b.in_backoff("k", t0));
        assert!(b.in_backoff("k", t0.plus_millis(INITIAL_MS - 1)));
        assert!(!b.in_backoff("k", t0.plus_millis(INITIAL_MS)));
        b.next("k", t0.plus_millis(INITIAL_MS));
        assert_eq!(b.ends_at("k"), Some(t0.plus_millis(3 * INITIAL_MS)));
        for i in 0..30 {
            b.next("k", Time(i64::from(i) * 1000));
        }
        assert!(b.ends_at("k").unwrap().millis() <= 30_000 + MAX_MS);
    }
}

//! client-go's `EventCorrelator` (tools/record/events_cache.go), before an event reaches the
//! recorder's de-duplication:
//! - aggregation: once 10 events that differ only in their message come from one source about
//!   one object (same type and reason) within 10 minutes of each other, the next is recorded as
//!   "(combined from similar events): <message>", one event whose count goes up;
//! - the spam filter: a source may record 25 events about one object, then one per 5 minutes
//!   (a token bucket per source and object); the rest are dropped. A bucket is kept in the
//!   recorder's log, with the source's latest event about the object (see [`Correlator::allow`]).
//!
//! Groups are keyed by a hash of their strings, so that the recorder can renumber its interned
//! strings without touching them. client-go forgets groups beyond 4,096 (an LRU); here they are
//! forgotten once they no longer change anything (see [`Correlator::prune`]).
//!
//! Most groups only ever see one message (a pod's Scheduled, Pulled, Started…), and every event
//! of such a group is recorded as one plain event whose last time is the group's: the recorder's
//! log holds the group already. Such a group is not kept here; the recorder passes it in
//! (`implied`), read from its latest plain event of the group. A group is kept once it is more
//! than that: a second message, or an event the spam filter dropped.

use super::hash::FastHashMap;
use super::interner::hash_u64s;
use crate::api::Time;

/// `defaultAggregateMaxEvents`.
const AGGREGATE_MAX_EVENTS: usize = 10;
/// `defaultAggregateIntervalInSeconds`.
const AGGREGATE_INTERVAL_MS: i64 = 600_000;
/// `defaultSpamBurst`.
const SPAM_BURST: i64 = 25;
/// `defaultSpamQPS`: one token every 300 s.
const SPAM_REFILL_MS: i64 = 300_000;

/// The message prefix of an aggregated event (`EventAggregatorByReasonMessageFunc`).
pub const COMBINED_PREFIX: &str = "(combined from similar events): ";

/// A group's first distinct message (hashed) and when the last one came. Most groups only ever
/// see one, so the others are kept aside, in `Correlator::others`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Group {
    pub first: u64,
    pub last: Time,
}

/// What [`Correlator::aggregate`] decided about one event.
#[derive(Debug, Clone, Copy)]
pub struct Aggregated {
    /// Whether the event is recorded as the combined event of its group.
    pub combined: bool,
    key: u64,
    /// The group after the event, and whether it is kept (not implied by the log).
    group: Group,
    kept: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Correlator {
    /// Aggregate key → its group, for the groups the recorder's log does not imply.
    groups: FastHashMap<u64, Group>,
    /// Aggregate key → the group's other distinct messages, for the groups that have some.
    others: FastHashMap<u64, Vec<u64>>,
    /// Source and object → when its token bucket is full again, for the buckets whose events
    /// the log no longer holds (they expired while the bucket was not full; rare).
    aside: FastHashMap<u64, Time>,
}

/// One hash of several (each string's [`super::interner::hash_str`], computed once an event).
pub fn combine(hashes: &[u64]) -> u64 {
    hash_u64s(hashes)
}

impl Correlator {
    /// The group `key` if it is kept here (else the recorder's log implies it, or it is new).
    pub fn kept(&self, key: u64) -> Option<Group> {
        self.groups.get(&key).copied()
    }

    /// `EventAggregate`: whether this event is recorded as the combined event of its group.
    /// `kept` is the group as [`Correlator::kept`] has it; `implied` as the recorder's log
    /// implies it, for a group not kept here. If the event is then not recorded, call
    /// [`Correlator::not_recorded`].
    pub fn aggregate(
        &mut self,
        now: Time,
        key: u64,
        message: u64,
        (kept, implied): (Option<Group>, Option<Group>),
    ) -> Aggregated {
        let mut g = kept.or(implied).unwrap_or(Group {
            first: message,
            last: now,
        });
        // The group's other messages: one lookup an event (most groups have none).
        let others = if now.millis() - g.last.millis() > AGGREGATE_INTERVAL_MS {
            g.first = message;
            self.others.remove(&key);
            None
        } else if g.first != message {
            let more = self.others.entry(key).or_default();
            if !more.contains(&message) {
                more.push(message);
            }
            Some(more)
        } else {
            self.others.get_mut(&key)
        };
        g.last = now;
        let seen = 1 + others.as_ref().map_or(0, |more| more.len());
        let combined = seen >= AGGREGATE_MAX_EVENTS;
        // With one message the event is recorded plain, as the group's latest: the log holds
        // the group. With more (`others`) it is kept.
        let has_others = others.is_some();
        if combined && let Some(more) = others {
            // Do not grow the set past the threshold (client-go's PopAny).
            more.pop();
        }
        let keep = kept.is_some() || has_others;
        if keep {
            self.groups.insert(key, g);
        }
        Aggregated {
            combined,
            key,
            group: g,
            kept: keep,
        }
    }

    /// The event `aggregated` decided about was not recorded (the spam filter dropped it): the
    /// log no longer implies its group, which is kept from now on.
    pub fn not_recorded(&mut self, aggregated: &Aggregated) {
        if !aggregated.kept {
            self.groups.insert(aggregated.key, aggregated.group);
        }
    }

    /// The spam filter's `TryAccept`: `None` when the source has no token left for the object,
    /// else when its bucket is full again after this event, which the caller keeps with the
    /// event (`logged` then, the latest kept). A bucket is one time, not tokens and the time
    /// they were counted: with times in whole milliseconds the tokens are exact (milliseconds
    /// of refill), where a float count rounded each refill.
    pub fn allow(
        &mut self,
        now: Time,
        source_and_object: u64,
        logged: Option<Time>,
    ) -> Option<Time> {
        let aside = match self.aside.is_empty() {
            true => None,
            false => self.aside.get(&source_and_object).copied(),
        };
        let full_at = logged.max(aside).unwrap_or(now);
        // Tokens missing now, in milliseconds of refill: at most burst - 1 tokens for one left.
        let missing = (full_at.millis() - now.millis()).max(0);
        if missing > (SPAM_BURST - 1) * SPAM_REFILL_MS {
            return None;
        }
        if aside.is_some() {
            self.aside.remove(&source_and_object);
        }
        Some(Time(full_at.max(now).millis() + SPAM_REFILL_MS))
    }

    /// Keeps a bucket whose events leave the log (see [`Correlator::allow`]).
    pub fn set_aside(&mut self, source_and_object: u64, full_at: Time) {
        let kept = self.aside.entry(source_and_object).or_insert(full_at);
        *kept = (*kept).max(full_at);
    }

    /// Forgets what no longer makes a difference: groups idle for longer than the interval and
    /// buckets that have filled up again.
    pub fn prune(&mut self, now: Time) {
        self.groups
            .retain(|_, g| now.millis() - g.last.millis() <= AGGREGATE_INTERVAL_MS);
        let groups = &self.groups;
        self.others.retain(|k, _| groups.contains_key(k));
        self.aside.retain(|_, full_at| *full_at > now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// client-go TestEventAggregatorByReasonFunc / TestEventCorrelator: the tenth distinct
    /// message within 10 minutes is combined, and so is every one after it.
    #[test]
    fn the_tenth_similar_event_is_combined() {
        let mut c = Correlator::default();
        // The recorder's log: each group's latest plain event, what it implies.
        let mut log = FastHashMap::default();
        let mut combined = |at: Time, key: u64, m: u64| {
            let implied = log.get(&key).copied().filter(|_| c.kept(key).is_none());
            let a = c.aggregate(at, key, m, (c.kept(key), implied));
            if !a.combined {
                log.insert(key, Group { first: m, last: at });
            }
            a.combined
        };
        let t = Time(0);
        for m in 0..9 {
            assert!(!combined(t, 1, m));
        }
        assert!(combined(t, 1, 9));
        assert!(combined(t.plus_millis(1000), 1, 10));
        assert!(!combined(t, 2, 0), "another group is apart");
        // Quiet for longer than the interval: counting starts over.
        let later = t.plus_millis(1000 + AGGREGATE_INTERVAL_MS + 1);
        assert!(!combined(later, 1, 11));
    }

    /// A group with one message is not kept: the recorder's log implies it. A second message,
    /// or an event the spam filter dropped, makes it kept.
    #[test]
    fn a_group_is_kept_once_the_log_no_longer_implies_it() {
        let mut c = Correlator::default();
        let t = Time(0);
        let a = c.aggregate(t, 1, 7, (c.kept(1), None));
        assert!(
            !a.combined && c.kept(1).is_none(),
            "one message: implied by the log"
        );
        let implied = Group { first: 7, last: t };
        c.aggregate(t.plus_millis(5), 1, 7, (c.kept(1), Some(implied)));
        assert!(c.kept(1).is_none(), "the same message again");
        c.aggregate(t.plus_millis(9), 1, 8, (c.kept(1), Some(implied)));
        assert!(c.kept(1).is_some(), "a second message");
        let dropped = c.aggregate(t, 2, 7, (c.kept(2), None));
        c.not_recorded(&dropped);
        assert!(c.kept(2).is_some(), "an event the log does not hold");
    }

    /// client-go TestEventSpamFilter: a burst of 25, then one every 5 minutes.
    #[test]
    fn the_spam_filter_allows_25_then_one_per_five_minutes() {
        let mut c = Correlator::default();
        // The recorder's log: each bucket as its latest event keeps it.
        let mut log = FastHashMap::default();
        let mut allow = |at: Time, key: u64| {
            let full_at = c.allow(at, key, log.get(&key).copied());
            if let Some(full_at) = full_at {
                log.insert(key, full_at);
            }
            full_at.is_some()
        };
        let t = Time(0);
        for _ in 0..25 {
            assert!(allow(t, 7));
        }
        assert!(!allow(t, 7));
        assert!(allow(t, 8), "another object has its own bucket");
        assert!(!allow(t.plus_millis(299_000), 7));
        assert!(allow(t.plus_millis(300_000), 7));
        assert!(!allow(t.plus_millis(300_001), 7));
    }

    /// A bucket set aside (its events left the log) counts until the log holds it again.
    #[test]
    fn a_bucket_set_aside_counts() {
        let mut c = Correlator::default();
        let t = Time(0);
        c.set_aside(7, t.plus_millis(24 * SPAM_REFILL_MS));
        let full_at = c.allow(t, 7, None);
        assert_eq!(full_at, Some(t.plus_millis(25 * SPAM_REFILL_MS)));
        assert!(c.aside.is_empty(), "the log holds it now");
        assert_eq!(c.allow(t, 7, full_at), None);
    }

    #[test]
    fn prune_forgets_idle_groups_and_full_buckets() {
        let mut c = Correlator::default();
        let t = Time(0);
        c.aggregate(t, 1, 1, (c.kept(1), None));
        c.aggregate(t, 1, 2, (c.kept(1), Some(Group { first: 1, last: t })));
        c.set_aside(7, t.plus_millis(1));
        c.prune(t);
        assert_eq!((c.groups.len(), c.aside.len()), (1, 1));
        assert_eq!(c.others.len(), 1, "the group's second message");
        c.prune(t.plus_millis(AGGREGATE_INTERVAL_MS + 1));
        assert_eq!((c.groups.len(), c.aside.len()), (0, 0));
        assert!(c.others.is_empty());
    }
}

//! An event row's `count` and its spam-filter bucket in 4 bytes. The bucket (when the source's
//! bucket is full again, in milliseconds after the row's last time) is at most the burst's
//! refill, 25 × 5 minutes, which takes 23 bits; the count takes the other 9 up to 510. The rare
//! event counted more often (the kubelet's BackOff of a pod that keeps failing, hours on) keeps
//! its count in [`BigCounts`], by the event's number, as `event_times::Late` keeps late times.
//! Counts read back exactly.

use super::hash::FastHashMap;

const BUCKET_BITS: u32 = 23;
const BUCKET_MAX: u32 = (1 << BUCKET_BITS) - 1;
/// The count that marks one kept in [`BigCounts`].
const BIG: u32 = (1 << (32 - BUCKET_BITS)) - 1;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Tally(u32);

/// The counts that do not fit a row, by event number.
#[derive(Debug, Clone, Default)]
pub(super) struct BigCounts(FastHashMap<u32, i32>);

impl BigCounts {
    /// Keeps the counts of the events whose numbers `kept` accepts (those of the rows kept).
    pub(super) fn retain(&mut self, kept: impl Fn(u32) -> bool) {
        self.0.retain(|n, _| kept(*n));
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Tally {
    /// A new event's: counted once.
    pub(super) fn new(bucket: u32) -> Tally {
        let mut tally = Tally(1 << BUCKET_BITS);
        tally.set_bucket(bucket);
        tally
    }

    pub(super) fn bucket(self) -> u32 {
        self.0 & BUCKET_MAX
    }

    pub(super) fn set_bucket(&mut self, bucket: u32) {
        // The spam filter's refill bounds it (`correlator`: 7,500,000 ms at most).
        debug_assert!(bucket <= BUCKET_MAX);
        self.0 = (self.0 & !BUCKET_MAX) | bucket.min(BUCKET_MAX);
    }

    /// Whether the count is kept in [`BigCounts`].
    pub(super) fn big(self) -> bool {
        self.0 >> BUCKET_BITS == BIG
    }

    /// The count of the event numbered `number()`.
    pub(super) fn count(self, number: impl Fn() -> u32, big: &BigCounts) -> i32 {
        match self.0 >> BUCKET_BITS {
            BIG => big.0.get(&number()).copied().unwrap_or_default(),
            count => count as i32,
        }
    }

    /// Counts the event numbered `number()` once more.
    pub(super) fn add_one(&mut self, number: impl Fn() -> u32, big: &mut BigCounts) {
        match self.0 >> BUCKET_BITS {
            BIG => {
                let count = big.0.entry(number()).or_default();
                *count = count.wrapping_add(1);
            }
            count if count + 1 < BIG => self.0 += 1 << BUCKET_BITS,
            count => {
                big.0.insert(number(), count as i32 + 1);
                self.0 |= BIG << BUCKET_BITS;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{BUCKET_MAX, BigCounts, Tally};

    /// Counts read back past the row's nine bits, and the bucket beside them is kept.
    #[test]
    fn counts_and_buckets_read_back() {
        let mut big = BigCounts::default();
        let mut tally = Tally::new(7_500_000);
        let number = || 9;
        for count in 1..2000 {
            assert_eq!(tally.count(number, &big), count);
            assert_eq!(tally.bucket(), 7_500_000);
            tally.add_one(number, &mut big);
        }
        assert!(tally.big());
        tally.set_bucket(BUCKET_MAX);
        assert_eq!(
            (tally.count(number, &big), tally.bucket()),
            (2000, BUCKET_MAX)
        );
        tally.set_bucket(0);
        assert_eq!((tally.count(number, &big), tally.bucket()), (2000, 0));
        assert_eq!(std::mem::size_of::<Tally>(), 4);
    }
}

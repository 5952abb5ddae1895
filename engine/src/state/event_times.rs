//! An event row's firstTimestamp and lastTimestamp in 10 bytes, 2-byte aligned (so that the row
//! packs them with its other 2-byte field): the first time as its low 32 bits of milliseconds
//! and a signed high 16 (any time within 4,000 years of 1970), the last as milliseconds after
//! the first. The rare event seen again more than 49 days after it was first (`u32::MAX` ms)
//! keeps its last time in [`Late`], by the event's number, and so does an event first seen
//! further from 1970 its first time. Both times read back exactly. The event's number is
//! asked for (`number`) only then: it is worked out from the row's place.

use super::hash::FastHashMap;
use crate::api::Time;

/// The gap that marks a last time kept in [`Late`].
const LATE: u32 = u32::MAX;
/// The high half that marks a first time kept in [`Late`].
const FAR: i16 = i16::MIN;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Times {
    /// firstTimestamp's milliseconds: the low 32 bits (as two halves, for the alignment), then
    /// the high bits, or [`FAR`].
    low: [u16; 2],
    high: i16,
    /// lastTimestamp − firstTimestamp in milliseconds, or [`LATE`] (as two halves).
    after: [u16; 2],
}

/// The times that do not fit a row, by event number: last times not within `u32::MAX` ms
/// after the first, first times more than 2^47 ms from 1970.
#[derive(Debug, Clone, Default)]
pub(super) struct Late {
    last: FastHashMap<u32, Time>,
    first: FastHashMap<u32, Time>,
}

impl Late {
    /// Keeps the last times `keep` accepts and the first times of the events numbered so
    /// (those of the events kept).
    pub(super) fn retain(&mut self, keep: impl Fn(Time) -> bool, kept: impl Fn(u32) -> bool) {
        self.last.retain(|_, t| keep(*t));
        self.first.retain(|n, _| kept(*n));
    }

    pub(super) fn has_first_times(&self) -> bool {
        !self.first.is_empty()
    }
}

fn split(x: u32) -> [u16; 2] {
    [x as u16, (x >> 16) as u16]
}

fn join([low, high]: [u16; 2]) -> u32 {
    u32::from(low) | (u32::from(high) << 16)
}

impl Times {
    /// The event numbered `number`, first and last seen `now`.
    pub(super) fn new(now: Time, number: u32, late: &mut Late) -> Times {
        let ms = now.millis();
        let high = match i16::try_from(ms >> 32) {
            Ok(high) if high != FAR => high,
            _ => {
                late.first.insert(number, now);
                FAR
            }
        };
        Times {
            low: split(ms as u32),
            high,
            after: [0; 2],
        }
    }

    /// Whether the first time is kept in [`Late`].
    pub(super) fn far(&self) -> bool {
        self.high == FAR
    }

    /// The first time of the event numbered `number()`.
    pub(super) fn first(&self, number: impl Fn() -> u32, late: &Late) -> Time {
        if self.far() {
            return late.first.get(&number()).copied().unwrap_or_default();
        }
        Time((i64::from(self.high) << 32) | i64::from(join(self.low)))
    }

    /// The last time of the event numbered `number()`.
    pub(super) fn last(&self, number: impl Fn() -> u32 + Copy, late: &Late) -> Time {
        match join(self.after) {
            LATE => late.last.get(&number()).copied(),
            after => Some(self.first(number, late).plus_millis(i64::from(after))),
        }
        .unwrap_or_else(|| self.first(number, late))
    }

    /// Sets the last time of the event numbered `number()`.
    pub(super) fn set_last(
        &mut self,
        number: impl Fn() -> u32 + Copy,
        last: Time,
        late: &mut Late,
    ) {
        if join(self.after) == LATE {
            late.last.remove(&number());
        }
        let first = self.first(number, late);
        match u32::try_from(last.millis() - first.millis()) {
            Ok(after) if after != LATE => self.after = split(after),
            _ => {
                self.after = split(LATE);
                late.last.insert(number(), last);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Late, Times};
    use crate::api::Time;

    /// Any two times read back exactly, within the gap or past it, before the epoch, or
    /// further from it than the row holds.
    #[test]
    fn times_read_back_exactly() {
        let mut late = Late::default();
        let far = 1 << 47;
        for first in [
            0,
            1_764_000_000_123,
            -5_000,
            i64::from(u32::MAX) + 7,
            far - 1,
            -far,
            far,
            -far - 1,
            253_402_300_799_999,
        ] {
            let mut times = Times::new(Time(first), 1, &mut late);
            let high = i64::from(i16::MIN) + 1..=i64::from(i16::MAX);
            assert_eq!(times.far(), !high.contains(&(first >> 32)), "{first}");
            let one = || 1;
            assert_eq!(times.first(one, &late), Time(first));
            assert_eq!(times.last(one, &late), Time(first));
            for gap in [5, i64::from(u32::MAX) - 1, i64::from(u32::MAX), 1 << 40, 9] {
                times.set_last(one, Time(first + gap), &mut late);
                assert_eq!(times.first(one, &late), Time(first));
                assert_eq!(times.last(one, &late), Time(first + gap));
            }
            assert!(
                late.last.is_empty(),
                "back within the gap: the late time is dropped"
            );
            late.retain(|_| true, |_| false);
        }
    }

    /// On all targets: 10 bytes, 2-byte aligned.
    #[test]
    fn times_are_10_bytes() {
        assert_eq!(std::mem::size_of::<Times>(), 10);
        assert_eq!(std::mem::align_of::<Times>(), 2);
    }
}

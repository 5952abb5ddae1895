//! An event row's firstTimestamp and lastTimestamp in 12 bytes: the first time whole (as two
//! 32-bit halves, so the row keeps 4-byte alignment) and the last as milliseconds after it.
//! The rare event seen again more than 49 days after it was first (`u32::MAX` ms) keeps its
//! last time in [`Late`], by the event's number. Both times read back exactly.

use super::hash::FastHashMap;
use crate::api::Time;

/// The gap that marks a last time kept in [`Late`].
const LATE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Times {
    /// firstTimestamp's milliseconds, low half then high half.
    first: [u32; 2],
    /// lastTimestamp − firstTimestamp in milliseconds, or [`LATE`].
    after: u32,
}

/// The last times that are not within `u32::MAX` ms after the first, by event number.
#[derive(Debug, Clone, Default)]
pub(super) struct Late(FastHashMap<u32, Time>);

impl Late {
    /// Keeps the times `keep` accepts (those of the events kept).
    pub(super) fn retain(&mut self, keep: impl Fn(Time) -> bool) {
        self.0.retain(|_, t| keep(*t));
    }
}

impl Times {
    /// An event first and last seen `now`.
    pub(super) fn new(now: Time) -> Times {
        let ms = now.millis();
        Times {
            first: [ms as u32, (ms >> 32) as u32],
            after: 0,
        }
    }

    pub(super) fn first(&self) -> Time {
        let [low, high] = self.first;
        Time((i64::from(high as i32) << 32) | i64::from(low))
    }

    /// The last time of the event numbered `number`.
    pub(super) fn last(&self, number: u32, late: &Late) -> Time {
        match self.after {
            LATE => late.0.get(&number).copied().unwrap_or(self.first()),
            after => self.first().plus_millis(i64::from(after)),
        }
    }

    /// Sets the last time of the event numbered `number`.
    pub(super) fn set_last(&mut self, number: u32, last: Time, late: &mut Late) {
        if self.after == LATE {
            late.0.remove(&number);
        }
        match u32::try_from(last.millis() - self.first().millis()) {
            Ok(after) if after != LATE => self.after = after,
            _ => {
                self.after = LATE;
                late.0.insert(number, last);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Late, Times};
    use crate::api::Time;

    /// Any two times read back exactly, within the gap or past it (or before the epoch).
    #[test]
    fn times_read_back_exactly() {
        let mut late = Late::default();
        for first in [0, 1_764_000_000_123, -5_000, i64::from(u32::MAX) + 7] {
            let mut times = Times::new(Time(first));
            assert_eq!(times.first(), Time(first));
            assert_eq!(times.last(1, &late), Time(first));
            for gap in [5, i64::from(u32::MAX) - 1, i64::from(u32::MAX), 1 << 40, 9] {
                times.set_last(1, Time(first + gap), &mut late);
                assert_eq!(times.first(), Time(first));
                assert_eq!(times.last(1, &late), Time(first + gap));
            }
            assert!(
                late.0.is_empty(),
                "back within the gap: the late time is dropped"
            );
        }
    }

    /// On all targets: 12 bytes, 4-byte aligned.
    #[test]
    fn times_are_12_bytes() {
        assert_eq!(std::mem::size_of::<Times>(), 12);
        assert_eq!(std::mem::align_of::<Times>(), 4);
    }
}

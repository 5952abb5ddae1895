//! `MaybeTime`: an optional instant in 8 bytes, where `Option<Time>` takes 16. Every pod holds
//! one (`status.startTime`); at 200,000 pods the tag's word was 1.6 MB.

use super::Time;

/// `i64::MIN` milliseconds stands for "not set": no clock reading or RFC 3339 timestamp (years
/// 0000 to 9999) is that far from 1970.
const NONE: i64 = i64::MIN;

/// Ordered as `Option<Time>`: unset (the least `i64`) before every instant.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MaybeTime(i64);

impl MaybeTime {
    pub fn get(self) -> Option<Time> {
        (self.0 != NONE).then_some(Time(self.0))
    }
}

impl Default for MaybeTime {
    fn default() -> Self {
        MaybeTime(NONE)
    }
}

impl From<Option<Time>> for MaybeTime {
    fn from(t: Option<Time>) -> Self {
        MaybeTime(t.map_or(NONE, Time::millis))
    }
}

impl std::fmt::Debug for MaybeTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

// The tests' reference encoding and decoding, as the `Option<Time>` it stands for.
#[cfg(test)]
impl serde::Serialize for MaybeTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(s)
    }
}

#[cfg(test)]
impl<'de> serde::Deserialize<'de> for MaybeTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<Time>::deserialize(d).map(MaybeTime::from)
    }
}

#[cfg(test)]
mod tests {
    use super::{MaybeTime, Time};

    #[test]
    fn reads_back_as_set_in_8_bytes() {
        for t in [
            None,
            Some(Time(0)),
            Some(Time(-62_135_596_800_000)),
            Some(Time(1)),
        ] {
            assert_eq!(MaybeTime::from(t).get(), t);
        }
        assert_eq!(MaybeTime::default().get(), None);
        assert_eq!(std::mem::size_of::<MaybeTime>(), 8);
    }

    #[test]
    fn orders_as_the_option_it_stands_for() {
        // metadata.creationTimestamp sorts pods (the controllers' deletion and rollout order).
        let times = [
            None,
            Some(Time(i64::MIN + 1)),
            Some(Time(-1)),
            Some(Time(0)),
            Some(Time(5)),
        ];
        for a in times {
            for b in times {
                assert_eq!(MaybeTime::from(a).cmp(&MaybeTime::from(b)), a.cmp(&b));
            }
        }
    }
}

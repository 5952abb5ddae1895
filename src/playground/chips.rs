//! The pod chips a node card shows, keyed by pod UID: the node's pods, plus each pod just gone,
//! kept a moment to fade out. A chip "enters" (animates in) only the first time the page shows
//! its pod: a card drawn again (re-sorted, re-rendered, the dense view's card) shows its chips
//! still.

use super::PodChip;
use std::collections::HashSet;

/// The pods the page has shown, by UID.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeenPods(HashSet<String>);

/// How many UIDs [`SeenPods`] keeps before it starts again (a chip may then enter twice).
const SEEN_LIMIT: usize = 100_000;

impl SeenPods {
    /// Whether the page shows the pod `uid` for the first time (it is remembered).
    pub fn first_time(&mut self, uid: &str) -> bool {
        if self.0.contains(uid) {
            return false;
        }
        if self.0.len() >= SEEN_LIMIT {
            self.0.clear();
        }
        self.0.insert(uid.to_string());
        true
    }
}

/// Wall-clock milliseconds a chip enters or leaves for (the CSS animations are shorter).
pub const CHIP_ANIMATION_MILLIS: u32 = 700;

/// One chip on a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownChip {
    pub chip: PodChip,
    /// The pod just appeared: the chip animates in.
    pub entering: bool,
    /// The pod is gone: the chip fades out, then goes.
    pub leaving: bool,
    /// The change that made it enter or leave.
    change: u64,
}

/// A card's chips.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChipList {
    chips: Vec<ShownChip>,
    changes: u64,
}

impl ChipList {
    pub fn chips(&self) -> &[ShownChip] {
        &self.chips
    }

    /// The chip of the pod with this UID.
    pub fn get(&self, uid: &str) -> Option<&ShownChip> {
        self.chips.iter().find(|c| c.chip.uid == uid)
    }

    /// The keys, in order.
    pub fn uids(&self) -> Vec<String> {
        self.chips.iter().map(|c| c.chip.uid.clone()).collect()
    }

    /// The node's pods as of now (a card's first list too). Pods the page shows for the first
    /// time enter; pods gone leave (or go at once, with `fade` false: reduced motion). Returns
    /// the change's number if a chip entered or left: [`ChipList::settle`] it once the
    /// animations are over.
    pub fn update(&mut self, pods: &[PodChip], fade: bool, seen: &mut SeenPods) -> Option<u64> {
        let change = self.changes + 1;
        let mut animated = false;
        let mut next: Vec<ShownChip> = pods
            .iter()
            .map(|chip| match self.get(&chip.uid) {
                Some(old) if !old.leaving => ShownChip {
                    chip: chip.clone(),
                    ..old.clone()
                },
                // A pod seen leaving that is back: shown still.
                Some(_) => ShownChip {
                    chip: chip.clone(),
                    entering: false,
                    leaving: false,
                    change: 0,
                },
                None => {
                    let entering = seen.first_time(&chip.uid);
                    animated |= entering;
                    ShownChip {
                        chip: chip.clone(),
                        entering,
                        leaving: false,
                        change,
                    }
                }
            })
            .collect();
        for old in &self.chips {
            if pods.iter().any(|p| p.uid == old.chip.uid) {
                continue;
            }
            if old.leaving {
                next.push(old.clone());
            } else if fade {
                animated = true;
                next.push(ShownChip {
                    chip: old.chip.clone(),
                    entering: false,
                    leaving: true,
                    change,
                });
            }
        }
        dsplay_engine::sort::sort_by(&mut next, |a, b| {
            (&a.chip.namespace, &a.chip.name, &a.chip.uid).cmp(&(
                &b.chip.namespace,
                &b.chip.name,
                &b.chip.uid,
            ))
        });
        self.chips = next;
        if animated {
            self.changes = change;
            Some(change)
        } else {
            None
        }
    }

    /// The animations of change `change` (and before) are over: entering chips stay still,
    /// leaving chips go.
    pub fn settle(&mut self, change: u64) {
        self.chips.retain(|c| !(c.leaving && c.change <= change));
        for c in &mut self.chips {
            if c.entering && c.change <= change {
                c.entering = false;
            }
        }
    }
}

//! The objects the event recorder's events are about (`involvedObject`'s namespace, name and
//! UID), each once: a pod has about six events, and an event row holds one number for its
//! object instead of three symbols.

use super::chunked::Chunked;
use super::event_uid::EventUid;
use super::hash::hash_of;
use super::hash_index::HashIndex;
use super::interner::Sym;
use super::message::Own;
use std::hash::Hash;

/// An object's number in [`Objects`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Object(u32);

/// An object's strings, as symbols of the recorder's interner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Names {
    pub namespace: Sym,
    pub name: Sym,
    pub uid: EventUid,
}

#[derive(Debug, Clone, Default)]
pub struct Objects {
    /// In chunks, as the rows are: a pod's object is a few dozen bytes, and a `Vec` of them
    /// doubled is up to half room not used.
    all: Chunked<Names>,
    /// Each object's latest event (its row in the recorder's log), from which its others are
    /// reached (`Row::prev`): an object has few events, so they are found through it, not
    /// through an index of every event.
    latest: Chunked<u32>,
    /// A hash of the three symbols → the object's number.
    ids: HashIndex,
}

/// No row: an object's latest before it has one, a row's `prev` when it is its object's first.
pub const NO_ROW: u32 = u32::MAX;

fn hash32(names: &Names) -> u32 {
    hash_of(names) as u32
}

impl Objects {
    /// The number of the object `[namespace, name, uid]`, given it now if it has none.
    pub fn id(&mut self, (namespace, name, uid): (Sym, Sym, EventUid)) -> Object {
        let names = Names {
            namespace,
            name,
            uid,
        };
        let hash = hash32(&names);
        let all = &self.all;
        if let Some(i) = self.ids.find(hash, |i| all[i as usize] == names) {
            return Object(i);
        }
        let i = self.all.len() as u32;
        self.all.push(names);
        self.latest.push(NO_ROW);
        self.ids.insert(hash, i);
        Object(i)
    }

    /// The row of the object's latest event, or [`NO_ROW`].
    pub fn latest(&self, object: Object) -> u32 {
        self.latest[object.0 as usize]
    }

    /// Makes `row` the object's latest event; returns the one before it, or [`NO_ROW`].
    pub fn push_row(&mut self, object: Object, row: u32) -> u32 {
        std::mem::replace(&mut self.latest[object.0 as usize], row)
    }

    /// The number of the object `[namespace, name, uid]`, if it has one.
    pub fn find(&self, (namespace, name, uid): (Sym, Sym, EventUid)) -> Option<Object> {
        let names = Names {
            namespace,
            name,
            uid,
        };
        let all = &self.all;
        let i = self
            .ids
            .find(hash32(&names), |i| all[i as usize] == names)?;
        Some(Object(i))
    }

    pub fn get(&self, object: Object) -> Names {
        self.all[object.0 as usize]
    }

    /// The object's namespace and name, as its events' messages refer to them.
    pub fn own(&self, object: Object) -> Own {
        let names = self.get(object);
        Own {
            namespace: names.namespace,
            name: names.name,
        }
    }

    /// A table of only the objects `kept` names, their symbols renumbered by `renumber`;
    /// `kept` is renumbered to match (after the recorder's sweep). No object has rows in it:
    /// the recorder pushes them again.
    pub fn compact<'a>(
        &self,
        kept: impl Iterator<Item = &'a mut Object>,
        renumber: impl Fn(Sym) -> Sym,
    ) -> Objects {
        let mut fresh = Objects::default();
        let mut map: Vec<Option<Object>> = vec![None; self.all.len()];
        for object in kept {
            let old = self.get(*object);
            *object = *map[object.0 as usize].get_or_insert_with(|| {
                let uid = old.uid.renumbered(&renumber);
                fresh.id((renumber(old.namespace), renumber(old.name), uid))
            });
        }
        fresh
    }
}

/// The object and host of the last event recorded (name, UID, namespace and host), their
/// strings' hashes, and the object and host as numbered: controllers record several events
/// about one object in a row (the kubelet four a pod), which are then compared with it, not
/// hashed and looked up again.
#[derive(Debug, Clone, Default)]
pub struct LastSeen {
    text: String,
    ends: [u32; 4],
    hashes: [u64; 4],
    numbered: Option<(Object, Sym)>,
}

impl LastSeen {
    /// The hashes, object and host of `parts` if they are the last event's.
    pub fn find(&self, parts: &[&str; 4]) -> Option<([u64; 4], Object, Sym)> {
        let (object, host) = self.numbered?;
        let mut start = 0;
        for (part, &end) in parts.iter().zip(&self.ends) {
            if self.text.get(start..end as usize) != Some(*part) {
                return None;
            }
            start = end as usize;
        }
        Some((self.hashes, object, host))
    }

    pub fn remember(&mut self, parts: &[&str; 4], hashes: [u64; 4], numbered: (Object, Sym)) {
        self.text.clear();
        for (part, end) in parts.iter().zip(&mut self.ends) {
            self.text.push_str(part);
            *end = self.text.len() as u32;
        }
        self.hashes = hashes;
        self.numbered = Some(numbered);
    }

    /// After the symbols and objects are renumbered.
    pub fn forget(&mut self) {
        self.numbered = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::interner::Interner;

    #[test]
    fn an_object_is_numbered_once_and_compacting_keeps_what_is_named() {
        let mut strings = Interner::default();
        let mut s = |t: &str| strings.intern(t);
        let uid = EventUid::text_sym;
        let (a, b) = (
            (s("ns"), s("a"), uid(s("u1"))),
            (s("ns"), s("b"), uid(s("u2"))),
        );
        let mut objects = Objects::default();
        let (ia, ib) = (objects.id(a), objects.id(b));
        assert_ne!(ia, ib);
        assert_eq!(objects.id(a), ia);
        assert_eq!(objects.find(b), Some(ib));
        assert_eq!(objects.find((a.0, a.1, b.2)), None);
        assert_eq!(objects.get(ib).name, b.1);
        let mut kept = [ib, ib];
        let fresh = objects.compact(kept.iter_mut(), |sym| sym);
        assert_eq!(fresh.all.len(), 1);
        assert_eq!(kept[0], kept[1]);
        assert_eq!(fresh.get(kept[0]).uid, b.2);
    }

    #[test]
    fn the_last_object_is_found_only_by_the_same_strings_until_forgotten() {
        let mut strings = Interner::default();
        let host = strings.intern("n1");
        let mut last = LastSeen::default();
        let parts = ["a", "u1", "ns", "n1"];
        assert_eq!(last.find(&parts), None);
        last.remember(&parts, [7; 4], (Object(3), host));
        assert_eq!(last.find(&parts), Some(([7; 4], Object(3), host)));
        let other = ["a", "u2", "ns", "n1"];
        assert_eq!(last.find(&other), None);
        let shifted = ["a", "u1", "nsn1", ""];
        assert_eq!(last.find(&shifted), None);
        last.forget();
        assert_eq!(last.find(&parts), None);
    }
}

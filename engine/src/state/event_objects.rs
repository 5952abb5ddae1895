//! The objects the event recorder's events are about (`involvedObject`'s namespace, name and
//! UID), each once: a pod has about six events, and an event row holds one number for its
//! object instead of three symbols.

use super::chunked::Chunked;
use super::event_uid::EventUid;
use super::hash::FastHashMap;
use super::interner::{Interner, Sym};
use super::message::Own;

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
    /// By the name's symbol (its bits): the latest object of that name, or [`NO_OBJECT`]. The
    /// interner has found the name already, so this is an index, not a second hash table (a
    /// pod's name is one string, four bytes here where a hash entry took about fifteen).
    by_name: Chunked<u32>,
    /// An object → the one before it of the same name (another namespace or UID): rare.
    shadowed: FastHashMap<u32, u32>,
}

/// No object (in `Objects::by_name`, `Objects::shadowed`).
const NO_OBJECT: u32 = u32::MAX;

/// No row: an object's latest before it has one, a row's `prev` when it is its object's first.
pub const NO_ROW: u32 = u32::MAX;

impl Objects {
    /// The number of the object `[namespace, name, uid]`, given it now if it has none.
    pub fn id(&mut self, (namespace, name, uid): (Sym, Sym, EventUid)) -> Object {
        let names = Names {
            namespace,
            name,
            uid,
        };
        if let Some(found) = self.find((namespace, name, uid)) {
            return found;
        }
        let i = self.all.len() as u32;
        self.all.push(names);
        self.latest.push(NO_ROW);
        let at = name.to_bits() as usize;
        while self.by_name.len() <= at {
            self.by_name.push(NO_OBJECT);
        }
        let before = std::mem::replace(&mut self.by_name[at], i);
        if before != NO_OBJECT {
            self.shadowed.insert(i, before);
        }
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
        let at = name.to_bits() as usize;
        let mut i = match at < self.by_name.len() {
            true => self.by_name[at],
            false => NO_OBJECT,
        };
        while i != NO_OBJECT {
            if self.all[i as usize] == names {
                return Some(Object(i));
            }
            i = self.shadowed.get(&i).copied().unwrap_or(NO_OBJECT);
        }
        None
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

/// The object of the last event recorded and the hashes of its name, UID and namespace:
/// controllers record several events about one object in a row (the kubelet four a pod), which
/// are then compared with the recorder's own strings of it, not hashed and looked up again.
#[derive(Debug, Clone, Default)]
pub struct LastSeen(Option<(Object, [u64; 3])>);

impl LastSeen {
    pub fn get(&self) -> Option<(Object, [u64; 3])> {
        self.0
    }

    pub fn remember(&mut self, object: Object, hashes: [u64; 3]) {
        self.0 = Some((object, hashes));
    }

    /// After the symbols and objects are renumbered.
    pub fn forget(&mut self) {
        self.0 = None;
    }
}

/// The last string of one kind (a namespace, a host) an event named, with its symbol and
/// hash: events name a few of them over and over ("default"; the node of the pods whose events
/// come in turn), which are then compared, not hashed and looked up.
#[derive(Debug, Clone, Copy, Default)]
pub struct Recent(Option<(Sym, u64, u32)>);

impl Recent {
    /// The symbol and hash of `text`, if it is the one remembered.
    pub fn find(&self, strings: &Interner, text: &str) -> Option<(Sym, u64)> {
        // The length first: "" and a node's name are told apart without the interner.
        match self.0 {
            Some((sym, hash, len)) if len as usize == text.len() && strings.is(sym, text) => {
                Some((sym, hash))
            }
            _ => None,
        }
    }

    /// `len` is the string's length.
    pub fn remember(&mut self, sym: Sym, hash: u64, len: usize) {
        self.0 = Some((sym, hash, len as u32));
    }

    /// After the symbols are renumbered.
    pub fn forget(&mut self) {
        self.0 = None;
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

    /// Objects are found by their name's symbol; one of the same name in another namespace or
    /// with another UID (a pod made again) is chained behind it, and each is found.
    #[test]
    fn objects_of_one_name_are_each_found() {
        let mut strings = Interner::default();
        let mut s = |t: &str| strings.intern(t);
        let uid = EventUid::text_sym;
        let first = (s("ns"), s("a"), uid(s("u1")));
        let again = (first.0, first.1, uid(s("u2")));
        let elsewhere = (s("other"), first.1, first.2);
        let mut objects = Objects::default();
        let ids = [first, again, elsewhere].map(|o| objects.id(o));
        assert_eq!(objects.shadowed.len(), 2);
        for (o, id) in [first, again, elsewhere].into_iter().zip(ids) {
            assert_eq!(objects.find(o), Some(id));
            assert_eq!(objects.id(o), id);
        }
        assert_eq!(objects.find((first.0, first.1, uid(s("u3")))), None);
        assert_eq!(objects.find((first.0, s("b"), first.2)), None);
    }

    #[test]
    fn a_recent_string_is_found_by_its_text_until_forgotten() {
        let mut strings = Interner::default();
        let [a, b] = ["default", "n1"].map(|t| strings.intern(t));
        let mut recent = Recent::default();
        assert_eq!(recent.find(&strings, "default"), None);
        recent.remember(a, 1, 7);
        assert_eq!(recent.find(&strings, "default"), Some((a, 1)));
        assert_eq!(recent.find(&strings, "defaul"), None);
        assert_eq!(recent.find(&strings, "defaulx"), None);
        recent.remember(b, 3, 2);
        assert_eq!(recent.find(&strings, "default"), None);
        assert_eq!(recent.find(&strings, "n1"), Some((b, 3)));
        recent.forget();
        assert_eq!(recent.find(&strings, "n1"), None);
    }
}

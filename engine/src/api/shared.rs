//! `Shared<T>`: a field many objects hold with the same value — the parts of a pod that come
//! from its DaemonSet's template (containers, tolerations, labels, the owner reference) — kept
//! once behind an `Rc` and copied only when one object changes it (copy on write). Reading it is
//! reading a `T`; writing through it (`DerefMut`) first makes this object's copy its own, so a
//! change to one pod never shows in another. It serialises and compares as the `T` it holds.

use super::SortedMap;
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::rc::Rc;

pub struct Shared<T>(Rc<T>);

/// `Shared::default()` for the types fields hold: one empty value per type and thread, shared,
/// so that an object built with defaults allocates nothing for them (a write copies it first,
/// as any write to a shared value does).
macro_rules! shared_default {
    ($($t:ty),* $(,)?) => {$(
        impl Default for Shared<$t> {
            fn default() -> Self {
                thread_local!(static EMPTY: Shared<$t> = Shared::new(<$t>::default()));
                EMPTY.with(Shared::clone)
            }
        }
    )*};
}

shared_default!(
    super::StringMap,
    super::Extra,
    super::PodSettings,
    super::PodStatusMore,
    super::ObjectMetaMore,
    Vec<super::Container>,
    Vec<super::Toleration>,
    Vec<super::OwnerReference>,
    Vec<super::PodCondition>,
    Vec<super::ContainerStatus>,
    Vec<super::NodeCondition>,
);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }

    /// The value, taken if no other object shares it, else copied.
    pub fn into_inner(this: Self) -> T
    where
        T: Clone,
    {
        Rc::unwrap_or_clone(this.0)
    }

    /// The value, if no other object shares it: for edits that should not copy (compacting).
    pub fn get_mut(this: &mut Self) -> Option<&mut T> {
        Rc::get_mut(&mut this.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Rc::make_mut(&mut self.0)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Self {
        Shared::new(value)
    }
}

impl<A, T: FromIterator<A>> FromIterator<A> for Shared<T> {
    fn from_iter<I: IntoIterator<Item = A>>(iter: I) -> Self {
        Shared::new(iter.into_iter().collect())
    }
}

impl<'a, T> IntoIterator for &'a Shared<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Iterating mutably copies a shared list first, as any write does.
impl<'a, T: Clone> IntoIterator for &'a mut Shared<Vec<T>> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        Rc::make_mut(&mut self.0).iter_mut()
    }
}

impl<'a, K: Ord, V> IntoIterator for &'a Shared<SortedMap<K, V>>
where
    &'a SortedMap<K, V>: IntoIterator,
{
    type Item = <&'a SortedMap<K, V> as IntoIterator>::Item;
    type IntoIter = <&'a SortedMap<K, V> as IntoIterator>::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        (&*self.0).into_iter()
    }
}

impl<T> Shared<T> {
    /// Whether both hold the very same value (not only an equal one).
    pub fn same(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
    }
}

impl<T: Eq> Eq for Shared<T> {}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: fmt::Display> fmt::Display for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

// The tests' reference encoding; the engine encodes with `api::encode`.
#[cfg(test)]
impl<T: serde::Serialize> serde::Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Shared::new)
    }
}

#[cfg(test)]
mod tests {
    use super::Shared;

    #[test]
    fn a_write_copies_only_the_writers_value() {
        let a = Shared::new(vec![1, 2]);
        let mut b = a.clone();
        b.push(3);
        assert_eq!(*a, vec![1, 2]);
        assert_eq!(*b, vec![1, 2, 3]);
        assert_ne!(a, b);
    }

    #[test]
    fn defaults_share_one_empty_value_until_written() {
        let a: Shared<crate::api::StringMap> = Shared::default();
        let mut b: Shared<crate::api::StringMap> = Shared::default();
        assert!(std::rc::Rc::ptr_eq(&a.0, &b.0));
        b.insert("k".into(), "v".into());
        assert!(a.is_empty());
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn serialises_as_the_value() {
        let a = Shared::new(vec!["x".to_string()]);
        assert_eq!(serde_json::to_string(&a).unwrap(), r#"["x"]"#);
        let back: Shared<Vec<String>> = serde_json::from_str(r#"["x"]"#).unwrap();
        assert_eq!(back, a);
    }
}

//! Strings held once and handed out shared, for names that many records repeat (controller UIDs
//! in the store's changes, users and nodes in the audit log): a copy is a reference count, not an
//! allocation. A name stays held once seen; there are few (a node's name is the most numerous).

use super::hash::FastHashMap;
use std::rc::Rc;

#[derive(Debug, Clone, Default)]
pub struct Held(FastHashMap<Rc<str>, ()>);

impl Held {
    /// `name` as the string held for it.
    pub fn get(&mut self, name: &str) -> Rc<str> {
        if let Some((held, _)) = self.0.get_key_value(name) {
            return held.clone();
        }
        let held: Rc<str> = name.into();
        self.0.insert(held.clone(), ());
        held
    }
}

#[cfg(test)]
mod tests {
    use super::Held;
    use std::rc::Rc;

    #[test]
    fn a_name_is_held_once() {
        let mut held = Held::default();
        let a = held.get("a");
        assert!(Rc::ptr_eq(&a, &held.get("a")));
        assert_eq!(&*held.get("b"), "b");
    }
}

//! An event's message as the recorder keeps it: a template and the strings that fill its `{}`,
//! formatted when read. The messages that name an object ("Created pod: web-x2k9f",
//! "Successfully assigned default/web-x2k9f to node-1") then cost no text of their own: their
//! arguments are strings the log holds anyway (the object's name, the node's).

use super::correlator::combine;
use super::hash::FastHashMap;
use super::interner::{Interner, Sym, hash_str};

/// The most arguments a template takes.
const MAX_ARGS: usize = 3;

/// A message as a recorder is given it.
#[derive(Debug, Clone)]
pub enum Message<'a> {
    /// Shown as it is (braces included).
    Text(String),
    /// `template` with each `{}` replaced by the next argument, in order.
    Template(&'static str, [&'a str; MAX_ARGS], u8),
}

impl<'a> Message<'a> {
    /// `template` filled by `args` (at most three, one per `{}`).
    pub fn template(template: &'static str, args: &[&'a str]) -> Message<'a> {
        debug_assert!(args.len() <= MAX_ARGS);
        debug_assert_eq!(template.matches("{}").count(), args.len(), "{template}");
        let mut all = [""; MAX_ARGS];
        let n = args.len().min(MAX_ARGS);
        all[..n].copy_from_slice(&args[..n]);
        Message::Template(template, all, n as u8)
    }

    /// The text or template, and the arguments.
    fn split(&self) -> (&str, &[&'a str]) {
        match self {
            Message::Text(s) => (s, &[]),
            Message::Template(t, args, n) => (t, &args[..*n as usize]),
        }
    }

    /// Each part's hash, for [`Message::intern`] and [`Hashes::identity`]: computed once (a
    /// template's once for good, in `templates`).
    pub fn hashes(&self, templates: &mut Templates) -> Hashes {
        let mut parts = [0; 1 + MAX_ARGS];
        let (_, args) = self.split();
        parts[0] = match self {
            Message::Template(t, ..) => templates.get(t).0,
            Message::Text(s) => hash_str(s),
        };
        for (slot, a) in parts[1..].iter_mut().zip(args) {
            *slot = hash_str(a);
        }
        Hashes {
            parts,
            n: 1 + args.len(),
        }
    }

    /// The message interned; `hashes` are its [`Message::hashes`].
    pub fn intern(
        &self,
        strings: &mut Interner,
        hashes: &Hashes,
        templates: &mut Templates,
    ) -> Text {
        let (first, args) = self.split();
        // The template's symbol looked up here, not with its hash: a sweep may renumber
        // symbols in between.
        let sym = match self {
            Message::Template(t, ..) => match templates.get(t).1 {
                Some(sym) => sym,
                None => {
                    let sym = strings.intern_hashed(hashes.parts[0], t);
                    templates.set(t, sym);
                    sym
                }
            },
            Message::Text(_) => strings.intern_hashed(hashes.parts[0], first),
        };
        let mut text = Text::plain(sym);
        for ((slot, a), &hash) in text.args.iter_mut().zip(args).zip(&hashes.parts[1..]) {
            *slot = Some(strings.intern_hashed(hash, a));
        }
        text
    }
}

impl From<String> for Message<'_> {
    fn from(s: String) -> Self {
        Message::Text(s)
    }
}

impl From<&str> for Message<'_> {
    fn from(s: &str) -> Self {
        Message::Text(s.to_string())
    }
}

/// The hashes of a message's parts ([`interner::hash_str`](super::interner::hash_str)).
#[derive(Debug, Clone, Copy)]
pub struct Hashes {
    parts: [u64; 1 + MAX_ARGS],
    n: usize,
}

/// The templates met so far by address, with their hash and symbol: a `&'static str` never
/// changes, so it is found by where it is (two words hashed), not by hashing and comparing
/// its text every event. A few dozen, the call sites' literals.
#[derive(Debug, Clone, Default)]
pub struct Templates(FastHashMap<(usize, usize), (u64, Option<Sym>)>);

impl Templates {
    fn get(&mut self, t: &'static str) -> (u64, Option<Sym>) {
        let at = (t.as_ptr() as usize, t.len());
        *self.0.entry(at).or_insert_with(|| (hash_str(t), None))
    }

    fn set(&mut self, t: &'static str, sym: Sym) {
        let at = (t.as_ptr() as usize, t.len());
        if let Some(known) = self.0.get_mut(&at) {
            known.1 = Some(sym);
        }
    }

    /// After the interner's symbols are renumbered.
    pub fn forget_symbols(&mut self) {
        for (_, sym) in self.0.values_mut() {
            *sym = None;
        }
    }
}

impl Hashes {
    /// What tells two messages apart (the correlator's count of distinct messages): a hash of
    /// the template and its arguments, which one call site always fills the same way.
    pub fn identity(&self) -> u64 {
        combine(&self.parts[..self.n])
    }
}

/// A message interned: its template (or whole text) and arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text {
    template: Sym,
    args: [Option<Sym>; MAX_ARGS],
}

impl Text {
    pub fn plain(text: Sym) -> Text {
        Text {
            template: text,
            args: [None; MAX_ARGS],
        }
    }

    /// Every symbol it uses.
    pub fn symbols(&self) -> impl Iterator<Item = Sym> + '_ {
        std::iter::once(self.template).chain(self.args.iter().flatten().copied())
    }

    /// Every symbol it uses, to renumber.
    pub fn symbols_mut(&mut self) -> impl Iterator<Item = &mut Sym> {
        std::iter::once(&mut self.template).chain(self.args.iter_mut().flatten())
    }

    /// [`Hashes::identity`] of the message this was interned from.
    pub fn identity(&self, strings: &Interner) -> u64 {
        let mut parts = [0; 1 + MAX_ARGS];
        let mut n = 0;
        for (slot, sym) in parts.iter_mut().zip(self.symbols()) {
            *slot = hash_str(strings.get(sym));
            n += 1;
        }
        combine(&parts[..n])
    }

    /// The message as shown, after `prefix`.
    pub fn format(&self, strings: &Interner, prefix: &str) -> String {
        let template = strings.get(self.template);
        let mut out = String::with_capacity(prefix.len() + template.len() + 32);
        out.push_str(prefix);
        let mut rest = template;
        for arg in self.args.iter().flatten() {
            let Some(at) = rest.find("{}") else { break };
            out.push_str(&rest[..at]);
            out.push_str(strings.get(*arg));
            rest = &rest[at + 2..];
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(m: &Message) -> Hashes {
        m.hashes(&mut Templates::default())
    }

    #[test]
    fn a_template_reads_back_filled_and_a_text_as_it_is() {
        let mut s = Interner::default();
        let t = Message::template("Successfully assigned {}/{} to {}", &["ns", "p", "n1"]);
        assert_eq!(
            t.intern(&mut s, &hashes(&t), &mut Templates::default())
                .format(&s, ""),
            "Successfully assigned ns/p to n1"
        );
        let plain = Message::from("taint {a: }".to_string());
        assert_eq!(
            plain
                .intern(&mut s, &hashes(&plain), &mut Templates::default())
                .format(&s, "x: "),
            "x: taint {a: }"
        );
        assert_ne!(hashes(&t).identity(), hashes(&plain).identity());
        assert_eq!(
            t.intern(&mut s, &hashes(&t), &mut Templates::default())
                .identity(&s),
            hashes(&t).identity()
        );
        assert_eq!(
            plain
                .intern(&mut s, &hashes(&plain), &mut Templates::default())
                .identity(&s),
            hashes(&plain).identity()
        );
        assert_eq!(
            hashes(&t).identity(),
            hashes(&Message::template(
                "Successfully assigned {}/{} to {}",
                &["ns", "p", "n1"]
            ))
            .identity()
        );
    }
}

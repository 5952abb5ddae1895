//! An event's message as the recorder keeps it: a template and the strings that fill its `{}`,
//! formatted when read. The messages that name an object ("Created pod: web-x2k9f",
//! "Successfully assigned default/web-x2k9f to node-1") then cost no text of their own: their
//! arguments are strings the log holds anyway (the object's name, the node's).

use super::hash::WordHash;
use super::interner::{Interner, Sym};
use std::hash::Hasher;

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

    /// What tells two messages apart (the correlator's count of distinct messages): a hash of
    /// the template and its arguments, which one call site always fills the same way.
    pub fn identity(&self) -> u64 {
        let mut h = WordHash::default();
        match self {
            Message::Text(s) => h.write(s.as_bytes()),
            Message::Template(t, args, n) => {
                h.write(t.as_bytes());
                for a in &args[..*n as usize] {
                    h.write_u8(0xff);
                    h.write(a.as_bytes());
                }
            }
        }
        h.finish()
    }

    /// The message interned.
    pub fn intern(&self, strings: &mut Interner) -> Text {
        match self {
            Message::Text(s) => Text::plain(strings.intern(s)),
            Message::Template(t, args, n) => {
                let mut text = Text::plain(strings.intern(t));
                for (slot, a) in text.args.iter_mut().zip(&args[..*n as usize]) {
                    *slot = Some(strings.intern(a));
                }
                text
            }
        }
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

    /// [`Message::identity`] of the message this was interned from.
    pub fn identity(&self, strings: &Interner) -> u64 {
        let mut h = WordHash::default();
        h.write(strings.get(self.template).as_bytes());
        for a in self.args.iter().flatten() {
            h.write_u8(0xff);
            h.write(strings.get(*a).as_bytes());
        }
        h.finish()
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

    #[test]
    fn a_template_reads_back_filled_and_a_text_as_it_is() {
        let mut s = Interner::default();
        let t = Message::template("Successfully assigned {}/{} to {}", &["ns", "p", "n1"]);
        assert_eq!(
            t.intern(&mut s).format(&s, ""),
            "Successfully assigned ns/p to n1"
        );
        let plain = Message::from("taint {a: }".to_string());
        assert_eq!(plain.intern(&mut s).format(&s, "x: "), "x: taint {a: }");
        assert_ne!(t.identity(), plain.identity());
        assert_eq!(t.intern(&mut s).identity(&s), t.identity());
        assert_eq!(plain.intern(&mut s).identity(&s), plain.identity());
        assert_eq!(
            t.identity(),
            Message::template("Successfully assigned {}/{} to {}", &["ns", "p", "n1"]).identity()
        );
    }
}

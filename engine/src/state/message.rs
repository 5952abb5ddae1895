//! An event's message as the recorder keeps it: a template and the strings that fill its `{}`,
//! formatted when read. The messages that name an object ("Created pod: web-x2k9f",
//! "Successfully assigned default/web-x2k9f to node-1") then cost no text of their own: their
//! arguments are strings the log holds anyway (the object's name, the node's).

use super::correlator::combine;
use super::hash::FastHashMap;
use super::interner::{Interner, Sym, hash_str};
use super::message_args::{ArgSets, MAX_ARGS, NONE, OWN_NAME, OWN_NAMESPACE, Slot};

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
        let (first, template) = match self {
            Message::Template(t, ..) => templates.get(t),
            Message::Text(s) => (hash_str(s), None),
        };
        parts[0] = first;
        for (slot, a) in parts[1..].iter_mut().zip(args) {
            *slot = hash_str(a);
        }
        Hashes {
            parts,
            n: 1 + args.len(),
            template,
        }
    }

    /// The message interned; `hashes` are its [`Message::hashes`], `own` the namespace and
    /// name of the object the event is about (see [`Text`]).
    pub fn intern(
        &self,
        strings: &mut Interner,
        hashes: &Hashes,
        templates: &mut Templates,
        sets: &mut ArgSets,
        own: Own,
    ) -> Text {
        let (first, args) = self.split();
        // The template's symbol as `hashes` found it, unless a sweep renumbered symbols since
        // (see `Hashes::forget_template`).
        let sym = match self {
            Message::Template(t, ..) => match hashes.template.or_else(|| templates.get(t).1) {
                Some(sym) => sym,
                None => {
                    let sym = strings.intern_hashed(hashes.parts[0], t);
                    templates.set(t, sym);
                    sym
                }
            },
            Message::Text(_) => strings.intern_hashed(hashes.parts[0], first),
        };
        let mut syms = [None; MAX_ARGS];
        for ((slot, a), &hash) in syms.iter_mut().zip(args).zip(&hashes.parts[1..]) {
            *slot = Some(strings.intern_hashed(hash, a));
        }
        Text::new(sym, syms, sets, own)
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
    /// The template's symbol, if it had one (found with its hash, one lookup an event).
    template: Option<Sym>,
}

/// The templates met so far by address, with their hash and symbol: a `&'static str` never
/// changes, so it is found by where it is (two words hashed), not by hashing and comparing
/// its text every event. A few dozen, the call sites' literals.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    all: FastHashMap<At, Known>,
    /// The same, a slot each by address ([`TEMPLATE_SLOTS`] of them, made on first use), the
    /// map behind it: one compare of two words an event where the map's hash and probe were
    /// about 60 instructions (the kubelet's events alternate between a few templates).
    recent: Vec<Option<(At, Known)>>,
}

/// Where a template is: its address and length.
type At = (usize, usize);
/// A template's hash and its symbol, if it has one.
type Known = (u64, Option<Sym>);

/// The direct-mapped slots of `Templates::recent`.
const TEMPLATE_SLOTS: usize = 32;

fn template_slot(at: At) -> usize {
    let x = (at.0 ^ at.1.rotate_left(32)) as u64;
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 59) as usize % TEMPLATE_SLOTS
}

impl Templates {
    fn get(&mut self, t: &'static str) -> Known {
        let at = (t.as_ptr() as usize, t.len());
        let slot = template_slot(at);
        if let Some(Some((seen, known))) = self.recent.get(slot)
            && *seen == at
        {
            return *known;
        }
        let known = *self.all.entry(at).or_insert_with(|| (hash_str(t), None));
        if self.recent.is_empty() {
            self.recent = vec![None; TEMPLATE_SLOTS];
        }
        self.recent[slot] = Some((at, known));
        known
    }

    fn set(&mut self, t: &'static str, sym: Sym) {
        let at = (t.as_ptr() as usize, t.len());
        if let Some(known) = self.all.get_mut(&at) {
            known.1 = Some(sym);
        }
        if let Some(Some((seen, known))) = self.recent.get_mut(template_slot(at))
            && *seen == at
        {
            known.1 = Some(sym);
        }
    }

    /// After the interner's symbols are renumbered.
    pub fn forget_symbols(&mut self) {
        for (_, sym) in self.all.values_mut() {
            *sym = None;
        }
        self.recent.clear();
    }
}

impl Hashes {
    /// After the interner's symbols are renumbered: the template's is looked up again.
    pub fn forget_template(&mut self) {
        self.template = None;
    }

    /// What tells two messages apart (the correlator's count of distinct messages): a hash of
    /// the template and its arguments, which one call site always fills the same way.
    pub fn identity(&self) -> u64 {
        combine(&self.parts[..self.n])
    }
}

/// The namespace and name of the object an event is about: what an argument marked
/// [`OWN_NAMESPACE`] or [`OWN_NAME`] stands for.
#[derive(Debug, Clone, Copy)]
pub struct Own {
    pub namespace: Sym,
    pub name: Sym,
}

/// A message interned: its template (or whole text) and arguments, 8 bytes: no argument, the
/// one argument's symbol, or the number of its arguments' set in the recorder's [`ArgSets`]
/// (with [`SET`]). Two messages of one object with the same text are the same `Text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text {
    template: Sym,
    args: u32,
}

/// The bit of `Text::args` that marks a set's number (no symbol's bits have it: that would take
/// two billion strings, and one that did would go to a set).
const SET: u32 = 1 << 31;

impl Text {
    fn new(template: Sym, syms: [Option<Sym>; MAX_ARGS], sets: &mut ArgSets, own: Own) -> Text {
        let bits = syms.map(|s| s.map_or(NONE, Sym::to_bits));
        let args = match bits {
            [NONE, ..] => NONE,
            [one, NONE, NONE] if one & SET == 0 => one,
            _ => {
                let mark = |slot: Option<Sym>, bits| match slot {
                    Some(s) if s == own.name => OWN_NAME,
                    Some(s) if s == own.namespace => OWN_NAMESPACE,
                    _ => bits,
                };
                let set = [0, 1, 2].map(|i| mark(syms[i], bits[i]));
                // A set's number is under `SET`: there are fewer sets than rows.
                SET | sets.id(set)
            }
        };
        Text { template, args }
    }

    /// The arguments' symbols, in order.
    fn args(&self, sets: &ArgSets, own: Own) -> [Option<Sym>; MAX_ARGS] {
        let slots = match self.args {
            NONE => return [None; MAX_ARGS],
            set if set & SET != 0 => sets.get(set & !SET),
            one => [one, NONE, NONE],
        };
        slots.map(|slot| match slot {
            OWN_NAMESPACE => Some(own.namespace),
            OWN_NAME => Some(own.name),
            bits => Sym::from_bits(bits),
        })
    }

    /// Every symbol it holds (not those of its object that it marks).
    pub fn symbols(&self, sets: &ArgSets) -> impl Iterator<Item = Sym> {
        let slots = match self.args {
            set if set & SET != 0 => sets.get(set & !SET),
            one => [one, NONE, NONE],
        };
        let held = slots
            .into_iter()
            .filter(|&s| s != OWN_NAMESPACE && s != OWN_NAME);
        std::iter::once(self.template).chain(held.filter_map(Sym::from_bits))
    }

    /// The same message with its symbols renumbered by `renumber` and its set (if any) in
    /// `fresh` (after the recorder's sweep), where `sets` held it.
    pub fn renumbered(
        self,
        sets: &ArgSets,
        fresh: &mut ArgSets,
        renumber: impl Fn(Sym) -> Sym,
    ) -> Text {
        let slot = |bits: Slot| match Sym::from_bits(bits) {
            Some(sym) if bits != OWN_NAMESPACE && bits != OWN_NAME => renumber(sym).to_bits(),
            _ => bits,
        };
        let args = match self.args {
            set if set & SET != 0 => SET | fresh.id(sets.get(set & !SET).map(slot)),
            one => slot(one),
        };
        Text {
            template: renumber(self.template),
            args,
        }
    }

    /// [`Hashes::identity`] of the message this was interned from.
    pub fn identity(&self, strings: &Interner, sets: &ArgSets, own: Own) -> u64 {
        let mut parts = [0; 1 + MAX_ARGS];
        parts[0] = hash_str(strings.get(self.template));
        let mut n = 1;
        for (slot, sym) in parts[1..]
            .iter_mut()
            .zip(self.args(sets, own).into_iter().flatten())
        {
            *slot = hash_str(strings.get(sym));
            n += 1;
        }
        combine(&parts[..n])
    }

    /// The message as shown, after `prefix`.
    pub fn format(&self, strings: &Interner, sets: &ArgSets, own: Own, prefix: &str) -> String {
        let template = strings.get(self.template);
        let mut out = String::with_capacity(prefix.len() + template.len() + 32);
        out.push_str(prefix);
        let mut rest = template;
        for arg in self.args(sets, own).into_iter().flatten() {
            let Some(at) = rest.find("{}") else { break };
            out.push_str(&rest[..at]);
            out.push_str(strings.get(arg));
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

    /// Interns `m` as a message about the object `ns`/`name`; reads it back and its identity.
    fn round_trip(s: &mut Interner, sets: &mut ArgSets, m: &Message, own: [&str; 2]) -> Text {
        let own = Own {
            namespace: s.intern(own[0]),
            name: s.intern(own[1]),
        };
        let h = hashes(m);
        let text = m.intern(s, &h, &mut Templates::default(), sets, own);
        let (template, args) = m.split();
        let mut want = template.to_string();
        for a in args {
            want = want.replacen("{}", a, 1);
        }
        if let Message::Text(plain) = m {
            want = plain.clone();
        }
        assert_eq!(text.format(s, sets, own, "x: "), format!("x: {want}"));
        assert_eq!(text.identity(s, sets, own), h.identity());
        text
    }

    #[test]
    fn a_template_reads_back_filled_and_a_text_as_it_is() {
        let mut s = Interner::default();
        let mut sets = ArgSets::default();
        let t = Message::template("Successfully assigned {}/{} to {}", &["ns", "p", "n1"]);
        round_trip(&mut s, &mut sets, &t, ["ns", "p"]);
        round_trip(&mut s, &mut sets, &t, ["other", "q"]);
        let plain = Message::from("taint {a: }".to_string());
        round_trip(&mut s, &mut sets, &plain, ["ns", "p"]);
        assert_ne!(hashes(&t).identity(), hashes(&plain).identity());
        let one = Message::template("Started container {}", &["c"]);
        round_trip(&mut s, &mut sets, &one, ["ns", "p"]);
        let same = Message::template("Pulled {} in {}s ({}s)", &["ns", "ns", "2"]);
        round_trip(&mut s, &mut sets, &same, ["ns", "ns"]);
        assert_eq!(
            hashes(&t).identity(),
            hashes(&Message::template(
                "Successfully assigned {}/{} to {}",
                &["ns", "p", "n1"]
            ))
            .identity()
        );
    }

    /// A message of one argument holds its symbol; of more, a set, which the pods of a node
    /// share when the arguments are their own namespace and name (the set is not one a pod).
    #[test]
    fn arguments_of_an_objects_own_names_are_shared() {
        let mut s = Interner::default();
        let mut sets = ArgSets::default();
        assert_eq!(std::mem::size_of::<Text>(), 8);
        let assign =
            |pod| Message::template("Successfully assigned {}/{} to {}", &["ns", pod, "n1"]);
        let a = round_trip(&mut s, &mut sets, &assign("a"), ["ns", "a"]);
        let b = round_trip(&mut s, &mut sets, &assign("b"), ["ns", "b"]);
        assert_eq!(a, b, "one set for both pods");
        let elsewhere = round_trip(&mut s, &mut sets, &assign("b"), ["ns", "c"]);
        assert_ne!(elsewhere, b, "another object's: its name is an argument");
        let held: Vec<&str> = b.symbols(&sets).map(|sym| s.get(sym)).collect();
        assert_eq!(held, ["Successfully assigned {}/{} to {}", "n1"]);
        let one = Message::template("Started container {}", &["c"]);
        let c = round_trip(&mut s, &mut sets, &one, ["ns", "a"]);
        assert_eq!(c.args, s.find("c").map(Sym::to_bits).unwrap_or_default());
    }

    /// A template's hash and symbol are found by address, through the slots as through the
    /// map, and its symbol is forgotten when the interner's symbols are renumbered.
    #[test]
    fn a_template_is_found_by_address_until_its_symbol_is_forgotten() {
        let mut s = Interner::default();
        let mut t = Templates::default();
        let (a, b) = ("Created container: {}", "Started container {}");
        let (ha, hb) = (t.get(a).0, t.get(b).0);
        assert_eq!((ha, hb), (hash_str(a), hash_str(b)));
        let sym = s.intern(a);
        t.set(a, sym);
        for _ in 0..2 {
            assert_eq!((t.get(a), t.get(b)), ((ha, Some(sym)), (hb, None)));
        }
        t.forget_symbols();
        assert_eq!((t.get(a), t.get(b)), ((ha, None), (hb, None)));
    }

    /// After the sweep: symbols renumbered, sets numbered again, and both read back.
    #[test]
    fn a_renumbered_message_reads_back() {
        let mut s = Interner::default();
        let mut sets = ArgSets::default();
        s.intern("gone");
        let m = Message::template("Pulled {} in {}s ({}s)", &["img", "2", "2"]);
        let text = round_trip(&mut s, &mut sets, &m, ["ns", "a"]);
        let own = Own {
            namespace: s.intern("ns"),
            name: s.intern("a"),
        };
        let (fresh, renumber) = s.compact(text.symbols(&sets).chain([own.namespace, own.name]));
        let mut fresh_sets = ArgSets::default();
        let moved = text.renumbered(&sets, &mut fresh_sets, |sym| renumber.apply(sym));
        let own = Own {
            namespace: renumber.apply(own.namespace),
            name: renumber.apply(own.name),
        };
        assert_eq!(
            moved.format(&fresh, &fresh_sets, own, ""),
            "Pulled img in 2s (2s)"
        );
    }
}

//! The event recorder: Kubernetes' reasons and messages, with client-go's `EventCorrelator`:
//! aggregation and the spam filter ([`super::correlator`]), then de-duplication (an identical
//! event bumps `count` and `lastTimestamp` instead of adding a new one).
//!
//! Events are the most numerous objects (about five per pod), so they are stored compactly: every
//! string once, in an [`Interner`], the constants a call site names (kind, apiVersion, type,
//! reason, component) as one number, the object (namespace, name, UID) as another, the message
//! as a template and its arguments ([`Message`]), and an event as a row of symbols. An object's
//! rows are chained from it (no index of every event), and the spam filter's bucket of a source
//! and object is kept in the source's latest row about it. The `Event` objects are
//! built when read: all of them for `kubectl get events` ([`Recorder::events`], kept until the
//! next event), or one at a time ([`Recorder::iter`]).

use super::chunked::Chunked;
use super::correlator::{COMBINED_PREFIX, Correlator, Group, combine};
use super::distinct::Distinct;
use super::event_numbers::Numbers;
use super::event_objects::{LastSeen, NO_ROW, Object, Objects, Recent};
use super::event_tally::{BigCounts, Tally};
use super::event_times::{Late, Times};
use super::event_uid::Given;
pub use super::event_uid::UidRef;
use super::hash::FastHashMap;
use super::hash_index::HashIndex;
use super::interner::{Interner, Sym, hash_str};
use super::message::{Templates, Text};
use super::message_args::ArgSets;
use crate::api::{Event, EventSource, ObjectMeta, ObjectReference, Time};
use std::borrow::Cow;
use std::cell::OnceCell;

pub use super::message::Message;

/// How long an event is kept after it last happened: kube-apiserver's `--event-ttl` default.
pub const EVENT_TTL_MILLIS: i64 = 60 * 60 * 1000;

/// The last time of the oldest event the API server still holds at `now`: older ones are past
/// its TTL, left out of every read ([`Recorder::held`]) and dropped by the next sweep.
fn oldest_kept(now: Time) -> Time {
    now.plus_millis(-EVENT_TTL_MILLIS)
}

/// The earlier of `at` (if any) and `t`.
fn earlier(at: Option<Time>, t: Time) -> Option<Time> {
    Some(at.map_or(t, |at| at.min(t)))
}

/// Expired events are dropped when this many have been added since the last sweep (and the
/// log has doubled), so the sweep's cost is spread over the events it keeps out.
const SWEEP_EVERY: usize = 4096;

#[derive(Debug, Clone, Default)]
pub struct Recorder {
    rows: Chunked<Row>,
    strings: Interner,
    /// The constants an event is recorded with (kind, apiVersion, type, reason, component),
    /// each combination once: the code names them, so there are a few dozen and they are kept.
    classes: Classes,
    /// The objects the kept events are about, each once (an object has several events), and
    /// each one's latest event: identical events (the same group and message) are found among
    /// an object's, and a correlator group's latest plain event (see `correlator`).
    objects: Objects,
    counter: u64,
    /// Each row's number in the log, modulo 2^32 (its name's hex suffix is
    /// `firstTimestamp (ms) * 1000 + number`), by its place.
    numbers: Numbers,
    /// `rows.len()` after the last sweep.
    swept_len: usize,
    /// No row's last time is before it: the least of the last times of the rows the last
    /// sweep kept and of the times given to rows since (none without rows). A sweep before
    /// the TTL has passed it drops nothing, and does not look at the rows.
    earliest_last: Option<Time>,
    /// Every event as an object, built on the first read after a change.
    built: OnceCell<Vec<Event>>,
    correlator: Correlator,
    last: LastSeen,
    /// The namespaces and hosts of recent events, as [`LastSeen`] their object.
    namespaces: Recent,
    hosts: Recent,
    /// The host "" (a controller's events), apart from the kubelet's nodes.
    no_host: Recent,
    /// The last fieldPath interned and its symbol: consecutive events mostly share it (none,
    /// or the first container of pods of one template).
    last_path: (String, Option<Sym>),
    templates: Templates,
    /// The arguments of messages that take more than one, each distinct set once.
    args: ArgSets,
    /// The rows' origins, each distinct one once.
    origins: Distinct<Origin>,
    /// The last row's origin and its number: runs of events share it (a controller's, the
    /// kubelet's about one pod), which are then not hashed and looked up.
    last_origin: Option<(Origin, u32)>,
    /// The times that do not fit a row: a last time long after the first, a first time far
    /// from 1970 (see `event_times`).
    late: Late,
    /// The counts that do not fit a row (see `event_tally`).
    big_counts: BigCounts,
}

/// One event: what sets it apart from the others (the strings, as symbols), its times and count.
/// 36 bytes: there are about five per pod.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    /// Its [`Key`]'s fields, side by side with the others so that the class's two bytes
    /// share four with the times' ten.
    class: u16,
    object: Object,
    /// Its [`Origin`]'s number in `Recorder::origins`.
    origin: u32,
    message: Text,
    /// The row of the object's event before this one, or [`NO_ROW`].
    prev: u32,
    /// firstTimestamp and lastTimestamp (10 bytes; what does not fit in `Recorder::late`).
    times: Times,
    /// `count` (what does not fit in `Recorder::big_counts`), and when the spam filter's
    /// bucket of its source and object was full again after this event, in milliseconds after
    /// its last time: the source's latest event about the object holds its bucket (the highest
    /// of its events' is the bucket's), so none is kept apart.
    tally: Tally,
}

/// `source.host` and the rest of `involvedObject` (`fieldPath`): a pair the kubelet's events
/// about one container name on one node share, so kept once (a row holds its number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Origin {
    host: Sym,
    field_path: Sym,
}

impl Row {
    fn host(&self, origins: &Distinct<Origin>) -> Sym {
        origins.get(self.origin).host
    }

    /// `number()` is its number (`Recorder::numbers`).
    fn last_timestamp(&self, number: impl Fn() -> u32 + Copy, late: &Late) -> Time {
        self.times.last(number, late)
    }

    fn combined(&self) -> bool {
        self.class & COMBINED != 0
    }

    fn class(&self) -> u32 {
        u32::from(self.class & !COMBINED)
    }
}

/// An event's object and host as [`Recorder::named`] finds them.
struct Named {
    /// Of the name, UID, namespace and host.
    hashes: [u64; 4],
    object: Option<Object>,
    host: Option<Sym>,
    /// Whether the object is the last event's.
    from_last: bool,
}

impl Named {
    /// The object and host, if the log knows both.
    fn known(&self) -> Option<(Object, Sym)> {
        self.object.zip(self.host)
    }
}

/// What makes two events the same (the recorder's de-duplication key).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key {
    /// The number in `classes`, with [`COMBINED`] set for a combined event.
    class: u16,
    object: Object,
    host: Sym,
    /// For a combined event, the message shown after [`COMBINED_PREFIX`], which is all of the
    /// key's message upstream: combined events of one group are the same whatever their text.
    message: Text,
    /// `involvedObject.fieldPath`: part of client-go's `getEventKey` (two containers' equal
    /// messages are two events), not of the aggregator's key a combined event is found by.
    field_path: Sym,
}

/// The bit of `Key::class` that marks a combined event.
const COMBINED: u16 = 1 << 15;

impl Key {
    /// Whether `row` is the same event.
    fn same(&self, row: &Row, origins: &Distinct<Origin>) -> bool {
        let origin = origins.get(row.origin);
        (self.class, self.object) == (row.class, row.object)
            && self.host == origin.host
            && (row.combined()
                || (self.message == row.message && self.field_path == origin.field_path))
    }
}

/// Where a class's five strings are: (address, length) each.
type Addresses = [(usize, usize); 5];

/// A class's number and its five strings' [`hash_str`].
type Known = (u32, [u64; 5]);

/// `involvedObject.kind` and `.apiVersion`, the event's type and reason and `source.component`.
#[derive(Debug, Clone, Default)]
struct Classes {
    /// Their strings as they are (a few dozen classes): compared directly on every lookup.
    all: Vec<[Box<str>; 5]>,
    /// Each class's source for the spam filter (kind, apiVersion and component; the host is the
    /// row's): the number of the first class with the same three.
    source: Vec<u32>,
    /// A hash of the five strings → their number in `all`.
    ids: HashIndex,
    /// The five strings by where they are (a `&'static str` never changes) → their class and
    /// each one's hash: no string hashed or compared.
    by_address: FastHashMap<Addresses, Known>,
    /// The same, a slot each by where the reason, type and kind are ([`ADDRESS_SLOTS`] of
    /// them, made on first use), the map behind it: one compare of the five addresses an event
    /// where hashing them for the map was about 250 instructions.
    recent: Vec<Option<(Addresses, Known)>>,
}

/// The direct-mapped slots of `Classes::recent`: the code names a few dozen classes.
const ADDRESS_SLOTS: usize = 64;

/// The slot of `at` in `Classes::recent`.
fn address_slot(at: &Addresses) -> usize {
    let x = at[REASON].0 ^ at[TYPE].0.rotate_left(16) ^ at[KIND].0.rotate_left(32);
    ((x as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58) as usize % ADDRESS_SLOTS
}

impl Classes {
    /// The number of the class `parts` and each part's [`hash_str`].
    fn of(&mut self, parts: [&'static str; 5]) -> Known {
        // Written out, not `map`ped and compared as arrays: at opt-level z those are calls (a
        // `memcmp` of 80 bytes), most of a lookup that is otherwise ten compares.
        let at_of = |p: &str| (p.as_ptr() as usize, p.len());
        let at = [
            at_of(parts[0]),
            at_of(parts[1]),
            at_of(parts[2]),
            at_of(parts[3]),
            at_of(parts[4]),
        ];
        let slot = address_slot(&at);
        if let Some((seen, known)) = &self.recent.as_slice().get(slot).copied().flatten()
            && seen[REASON] == at[REASON]
            && seen[TYPE] == at[TYPE]
            && seen[KIND] == at[KIND]
            && seen[COMPONENT] == at[COMPONENT]
            && seen[API_VERSION] == at[API_VERSION]
        {
            return *known;
        }
        let known = match self.by_address.get(&at) {
            Some(&known) => known,
            None => {
                let hashes = parts.map(hash_str);
                let class = self.id(parts, combine(&hashes));
                self.by_address.insert(at, (class, hashes));
                (class, hashes)
            }
        };
        if self.recent.is_empty() {
            self.recent = vec![None; ADDRESS_SLOTS];
        }
        self.recent[slot] = Some((at, known));
        known
    }

    /// The number of the class `parts`, whose strings' hashes `combine` to `hash`.
    fn id(&mut self, parts: [&str; 5], hash: u64) -> u32 {
        let hash = hash as u32;
        let all = &self.all;
        let found = (self.ids).find(hash, |i| {
            let class = &all[i as usize];
            (0..5).all(|p| *class[p] == *parts[p])
        });
        found.unwrap_or_else(|| {
            let i = self.all.len() as u32;
            let same = |c: &[Box<str>; 5]| {
                [KIND, COMPONENT, API_VERSION].map(|p| &*c[p])
                    == [KIND, COMPONENT, API_VERSION].map(|p| parts[p])
            };
            let source = self.all.iter().position(same).map_or(i, |c| c as u32);
            self.all.push(parts.map(Box::from));
            self.source.push(source);
            self.ids.insert(hash, i);
            i
        })
    }

    fn get(&self, class: u32, part: usize) -> &str {
        &self.all[class as usize][part]
    }
}

const KIND: usize = 0;
const TYPE: usize = 1;
const REASON: usize = 2;
const COMPONENT: usize = 3;
const API_VERSION: usize = 4;

/// One recorded event, read in place.
#[derive(Clone, Copy)]
pub struct EventRef<'a> {
    log: &'a Recorder,
    row: &'a Row,
    /// Its place in the log.
    at: usize,
}

impl<'a> EventRef<'a> {
    fn s(&self, sym: Sym) -> &'a str {
        self.log.strings.get(sym)
    }
    fn class(&self, part: usize) -> &'a str {
        self.log.classes.get(self.row.class(), part)
    }
    /// `involvedObject.kind`, `.namespace`, `.name`, `.uid`.
    pub fn kind(&self) -> &'a str {
        self.class(KIND)
    }
    pub fn namespace(&self) -> &'a str {
        self.s(self.log.objects.get(self.row.object).namespace)
    }
    pub fn name(&self) -> &'a str {
        self.s(self.log.objects.get(self.row.object).name)
    }
    pub fn uid(&self) -> Cow<'a, str> {
        let log = self.log;
        log.objects.get(self.row.object).uid.text(&log.strings)
    }
    pub fn type_(&self) -> &'a str {
        self.class(TYPE)
    }
    pub fn reason(&self) -> &'a str {
        self.class(REASON)
    }
    /// The message, formatted from its template.
    pub fn message(&self) -> String {
        let key = self.row;
        let prefix = if key.combined() { COMBINED_PREFIX } else { "" };
        let log = self.log;
        let own = log.objects.own(self.row.object);
        key.message.format(&log.strings, &log.args, own, prefix)
    }
    pub fn last_timestamp(&self) -> Time {
        self.row.last_timestamp(|| self.number(), &self.log.late)
    }

    fn number(&self) -> u32 {
        self.log.numbers.get(self.at)
    }
    pub fn count(&self) -> i32 {
        (self.row.tally).count(|| self.number(), &self.log.big_counts)
    }

    /// The `Event` object, as the API server would return it.
    pub fn to_event(&self) -> Event {
        let r = self.row;
        let origin = self.log.origins.get(r.origin);
        let namespace = match self.namespace() {
            "" => "default",
            ns => ns,
        };
        let number = self.number();
        let first = r.times.first(|| number, &self.log.late);
        let suffix = first.millis() as u64 * 1000 + u64::from(number);
        Event {
            api_version: "v1".into(),
            kind: "Event".into(),
            metadata: ObjectMeta {
                // `<object>.<unique hex>`, as client-go names events.
                name: format!("{}.{suffix:x}", self.name()).into(),
                namespace: namespace.into(),
                creation_timestamp: Some(first).into(),
                ..Default::default()
            },
            involved_object: ObjectReference {
                kind: self.kind().into(),
                namespace: self.namespace().into(),
                name: self.name().into(),
                uid: self.uid().into(),
                api_version: self.class(API_VERSION).into(),
                field_path: self.s(origin.field_path).into(),
            },
            reason: self.reason().into(),
            message: self.message(),
            source: EventSource {
                component: self.class(COMPONENT).into(),
                host: self.s(origin.host).into(),
            },
            first_timestamp: first,
            last_timestamp: self.last_timestamp(),
            count: self.count(),
            type_: self.type_().into(),
        }
    }
}

impl Recorder {
    /// Every event, oldest first.
    pub fn events(&self) -> &[Event] {
        self.built
            .get_or_init(|| self.iter().map(|e| e.to_event()).collect())
    }

    /// The events the API server holds at `now`, oldest first: those last seen within its TTL.
    /// The sweep drops older rows only now and then, so a read hours later must leave them out.
    pub fn held(&self, now: Time) -> impl Iterator<Item = &Event> {
        let oldest = oldest_kept(now);
        self.events()
            .iter()
            .filter(move |e| e.last_timestamp >= oldest)
    }

    /// The same, read in place (nothing is built).
    pub fn iter_held(&self, now: Time) -> impl DoubleEndedIterator<Item = EventRef<'_>> {
        let oldest = oldest_kept(now);
        self.iter().filter(move |e| e.last_timestamp() >= oldest)
    }

    /// How many events are kept.
    pub fn count(&self) -> usize {
        self.rows.len()
    }

    /// Every event, oldest first, read in place (nothing is built).
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = EventRef<'_>> {
        (0..self.rows.len()).map(|at| EventRef {
            log: self,
            row: &self.rows[at],
            at,
        })
    }

    /// Records an event about `object` from `component` (e.g. `daemonset-controller`).
    pub fn record<'m>(
        &mut self,
        now: Time,
        object: ObjectRef<'_>,
        type_: &'static str,
        reason: &'static str,
        message: impl Into<Message<'m>>,
        source: Source<'_>,
    ) {
        let message = message.into();
        let (host, component) = (source.host, source.component);
        let (kind, api_version) = (object.kind, object.api_version);
        let (namespace, name) = (object.namespace, object.name);
        // Each string hashed once (the object and host not again for the same as a recent
        // event's, the class's never again): for the correlator's keys, the class and the
        // interner. Classes are kept (never renumbered): numbered before the sweep.
        let (class, class_hashes) =
            (self.classes).of([kind, type_, reason, component, api_version]);
        let [h_kind, h_type, h_reason, h_component, h_api] = class_hashes;
        let uid = Given::of(object.uid);
        let named = self.named(namespace, name, &uid, host);
        let [h_name, h_uid, h_ns, h_host] = named.hashes;
        let source_and_object = combine(&[h_name, h_uid, h_ns, h_host, h_kind, h_component, h_api]);
        let group = combine(&[source_and_object, h_type, h_reason]);
        // The classes are the code's literals (a few dozen), far under the mark's bit.
        debug_assert!(class < u32::from(COMBINED));
        let class16 = class as u16;
        // The object and host as the log knows them, if it does: for the group the log implies,
        // then the event's key.
        let kept = self.correlator.kept(group);
        let (implied, logged) = match named.known() {
            Some((object, host)) => {
                let group = kept.is_none().then_some(class16);
                self.read_log(class, group, object, host)
            }
            None => (None, None),
        };
        let mut message_hashes = message.hashes(&mut self.templates);
        let identity = message_hashes.identity();
        let aggregated = (self.correlator).aggregate(now, group, identity, (kept, implied));
        let Some(full_at) = self.correlator.allow(now, source_and_object, logged) else {
            self.correlator.not_recorded(&aggregated);
            return;
        };
        // Within the burst's refill (25 × 5 minutes) after now.
        let bucket = (full_at.millis() - now.millis()) as u32;
        let combined = aggregated.combined;
        self.built = OnceCell::new();
        // Before interning: a sweep renumbers the symbols of the events it keeps (those found
        // above too).
        let swept = self.sweep(now);
        if swept {
            message_hashes.forget_template();
        }
        let (involved, host_sym) = match named.known() {
            Some(known) if !swept => known,
            _ => {
                let strings = &mut self.strings;
                let names = (
                    strings.intern_hashed(h_ns, namespace),
                    strings.intern_hashed(h_name, name),
                    uid.intern(strings, h_uid),
                );
                let host = strings.intern_hashed(h_host, host);
                (self.objects.id(names), host)
            }
        };
        if swept || !named.from_last {
            self.last.remember(involved, [h_name, h_uid, h_ns]);
            let names = self.objects.get(involved);
            self.namespaces
                .remember(names.namespace, h_ns, namespace.len());
            match host.is_empty() {
                true => self.no_host.remember(host_sym, h_host, 0),
                false => self.hosts.remember(host_sym, h_host, host.len()),
            }
        }
        let field_path = match &mut self.last_path {
            (text, Some(sym)) if text == object.field_path => *sym,
            (text, sym) => {
                text.clear();
                text.push_str(object.field_path);
                *sym.insert(self.strings.intern(object.field_path))
            }
        };
        let key = Key {
            class: if combined {
                class16 | COMBINED
            } else {
                class16
            },
            object: involved,
            host: host_sym,
            message: message.intern(
                &mut self.strings,
                &message_hashes,
                &mut self.templates,
                &mut self.args,
                self.objects.own(involved),
            ),
            field_path,
        };
        let found = self.same_row(involved, &key);
        if let Some(i) = found {
            let numbers = &self.numbers;
            let row = &mut self.rows[i as usize];
            let number = || numbers.get(i as usize);
            row.tally.add_one(number, &mut self.big_counts);
            row.times.set_last(number, now, &mut self.late);
            self.earliest_last = earlier(self.earliest_last, now);
            row.tally.set_bucket(bucket);
            // A combined event shows the latest message.
            row.message = key.message;
            return;
        }
        self.counter += 1;
        // Modulo 2^32: the names of events past the four billionth would differ.
        let number = self.counter as u32;
        let prev = self.objects.push_row(involved, self.rows.len() as u32);
        self.numbers.push(number);
        let origin = Origin {
            host: key.host,
            field_path,
        };
        let origin = match self.last_origin {
            Some((last, id)) if last == origin => id,
            _ => {
                let id = self.origins.id(origin);
                self.last_origin = Some((origin, id));
                id
            }
        };
        self.earliest_last = earlier(self.earliest_last, now);
        self.rows.push(Row {
            class: key.class,
            object: key.object,
            origin,
            message: key.message,
            prev,
            times: Times::new(now, number, &mut self.late),
            tally: Tally::new(bucket),
        });
    }

    /// The event's object and host as the log knows them, if it does, and the hashes of its
    /// strings: from the last event's object and the recent namespaces and hosts where they
    /// are the same (compared with the log's strings), else hashed and looked up.
    fn named(&self, namespace: &str, name: &str, uid: &Given, host: &str) -> Named {
        let strings = &self.strings;
        let looked_up = |text: &str| {
            let hash = hash_str(text);
            (strings.find_hashed(hash, text), hash)
        };
        let hosts = match host.is_empty() {
            true => &self.no_host,
            false => &self.hosts,
        };
        let (host_sym, h_host) = match hosts.find(strings, host) {
            Some((sym, hash)) => (Some(sym), hash),
            None => looked_up(host),
        };
        if let Some((object, [h_name, h_uid, h_ns])) = self.last.get() {
            let names = self.objects.get(object);
            if strings.is(names.name, name)
                && uid.is(names.uid, strings)
                && strings.is(names.namespace, namespace)
            {
                return Named {
                    hashes: [h_name, h_uid, h_ns, h_host],
                    object: Some(object),
                    host: host_sym,
                    from_last: true,
                };
            }
        }
        let (ns, h_ns) = match self.namespaces.find(strings, namespace) {
            Some((sym, hash)) => (Some(sym), hash),
            None => looked_up(namespace),
        };
        let (name_sym, h_name) = looked_up(name);
        let h_uid = uid.hash();
        let object = match (ns, name_sym) {
            (Some(ns), Some(n)) => {
                (uid.find(strings, h_uid)).and_then(|u| self.objects.find((ns, n, u)))
            }
            _ => None,
        };
        Named {
            hashes: [h_name, h_uid, h_ns, h_host],
            object,
            host: host_sym,
            from_last: false,
        }
    }

    /// From the log, in one walk of the events about `object` from `host`: the correlator
    /// group of those in class `group` as the log implies it (the message and time of its latest
    /// plain event), and when the spam filter's bucket of the source of `class` is full again
    /// (the latest of its events' bucket times).
    fn read_log(
        &self,
        class: u32,
        group: Option<u16>,
        object: Object,
        host: Sym,
    ) -> (Option<Group>, Option<Time>) {
        // Indexed as a slice: at opt-level z, `Vec`'s `Index` is a call each.
        let sources = self.classes.source.as_slice();
        let source = sources[class as usize];
        let mut latest: Option<(Time, &Row)> = None;
        let mut full_at = None;
        // A plain walk, newest first: at opt-level z an iterator chain was a call a row.
        let mut i = self.objects.latest(object);
        while i != NO_ROW {
            let r = &self.rows[i as usize];
            if r.host(&self.origins) == host && sources[r.class() as usize] == source {
                let last = r.last_timestamp(|| self.numbers.get(i as usize), &self.late);
                let bucket = i64::from(r.tally.bucket());
                full_at = full_at.max(Some(last.plus_millis(bucket)));
                // Of two rows last seen at one time, the newer.
                if Some(r.class) == group && latest.is_none_or(|(t, _)| last > t) {
                    latest = Some((last, r));
                }
            }
            i = r.prev;
        }
        let group = latest.map(|(last, r)| Group {
            first: (r.message).identity(&self.strings, &self.args, self.objects.own(object)),
            last,
        });
        (group, full_at)
    }

    /// The spam filter's key of the source and object of `row` (as `record` makes it).
    fn spam_key(&self, row: &Row) -> u64 {
        let k = row;
        let o = self.objects.get(k.object);
        let class = |p| hash_str(self.classes.get(k.class(), p));
        let s = |sym| hash_str(self.strings.get(sym));
        combine(&[
            s(o.name),
            o.uid.hash(&self.strings),
            s(o.namespace),
            s(k.host(&self.origins)),
            class(KIND),
            class(COMPONENT),
            class(API_VERSION),
        ])
    }

    /// The row of the event about `object` that `key` is the same as, if any.
    fn same_row(&self, object: Object, key: &Key) -> Option<u32> {
        // A plain walk, newest first, as in `read_log`.
        let mut i = self.objects.latest(object);
        while i != NO_ROW {
            let r = &self.rows[i as usize];
            if key.same(r, &self.origins) {
                return Some(i);
            }
            i = r.prev;
        }
        None
    }

    /// Drops events last seen more than [`EVENT_TTL_MILLIS`] ago, as the API server's TTL does,
    /// and the strings only they used. Whether symbols were renumbered (only when some expired).
    fn sweep(&mut self, now: Time) -> bool {
        if self.rows.len() < self.swept_len * 2 + SWEEP_EVERY {
            return false;
        }
        let oldest_kept = oldest_kept(now);
        let before = self.rows.len();
        if self.earliest_last.is_none_or(|t| t >= oldest_kept) {
            // No row was last seen before the TTL: nothing expires, so no row is looked at.
            self.correlator.prune(now);
            self.swept_len = before;
            return false;
        }
        let mut earliest = None;
        let (late, numbers) = (&self.late, &self.numbers);
        // The spam filter's buckets held by rows that expire before they are full again.
        let mut aside = Vec::new();
        // The kept rows' numbers, by their new places.
        let mut kept = Numbers::default();
        let mut at = 0;
        self.rows.retain(|r| {
            let number = numbers.get(at);
            at += 1;
            let last = r.last_timestamp(|| number, late);
            let full_at = last.plus_millis(i64::from(r.tally.bucket()));
            if last < oldest_kept && full_at > now {
                aside.push((r.clone(), full_at));
            }
            if last >= oldest_kept {
                kept.push(number);
                earliest = earlier(earliest, last);
            }
            last >= oldest_kept
        });
        self.numbers = kept;
        self.earliest_last = earliest;
        for (r, full_at) in aside {
            let key = self.spam_key(&r);
            self.correlator.set_aside(key, full_at);
        }
        let far: Vec<u32> = match self.late.has_first_times() {
            true => (self.rows.iter().enumerate())
                .filter(|(_, r)| r.times.far())
                .map(|(at, _)| self.numbers.get(at))
                .collect(),
            false => Vec::new(),
        };
        (self.late).retain(|last| last >= oldest_kept, |n| far.contains(&n));
        if !self.big_counts.is_empty() {
            let mut big: Vec<u32> = (self.rows.iter().enumerate())
                .filter(|(_, r)| r.tally.big())
                .map(|(at, _)| self.numbers.get(at))
                .collect();
            crate::sort::sort(&mut big);
            (self.big_counts).retain(|n| big.binary_search(&n).is_ok());
        }
        self.correlator.prune(now);
        if self.rows.len() == before {
            // Nothing expired: the strings are (nearly) all in use, and compacting them would
            // cost a hash of each. Checked again once the log has doubled.
            self.swept_len = before;
            return false;
        }
        let objects = &self.objects;
        let used = self.rows.iter().flat_map(|r| {
            let k = r;
            let o = objects.get(k.object);
            let origin = self.origins.get(r.origin);
            [o.namespace, o.name, origin.host, origin.field_path]
                .into_iter()
                .chain(o.uid.symbol())
                .chain(k.message.symbols(&self.args))
        });
        let (strings, renumber) = self.strings.compact(used);
        let kept = self.rows.iter_mut().map(|r| &mut r.object);
        self.objects = self.objects.compact(kept, |sym| renumber.apply(sym));
        let (mut args, mut origins) = (ArgSets::default(), Distinct::default());
        for r in self.rows.iter_mut() {
            let origin = self.origins.get(r.origin);
            r.origin = origins.id(Origin {
                host: renumber.apply(origin.host),
                field_path: renumber.apply(origin.field_path),
            });
            r.message = (r.message).renumbered(&self.args, &mut args, |s| renumber.apply(s));
        }
        self.args = args;
        self.origins = origins;
        self.last_origin = None;
        self.strings = strings;
        self.last.forget();
        self.namespaces.forget();
        self.hosts.forget();
        self.no_host.forget();
        self.last_path.1 = None;
        self.templates.forget_symbols();
        for (i, r) in self.rows.iter_mut().enumerate() {
            r.prev = self.objects.push_row(r.object, i as u32);
        }
        self.swept_len = self.rows.len();
        true
    }
}

/// The `source` of an event, borrowed (the recorder keeps its own copy of the strings, once).
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub component: &'static str,
    pub host: &'a str,
}

/// What an event is about (`involvedObject`), borrowed from the object, as [`Source`] is.
#[derive(Debug, Clone)]
pub struct ObjectRef<'a> {
    pub kind: &'static str,
    pub api_version: &'static str,
    pub namespace: &'a str,
    pub name: &'a str,
    /// The object's UID: a UUID's bytes as `Uid` holds them (not written out as text).
    pub uid: UidRef<'a>,
    pub field_path: &'a str,
}

/// The `source` of an event: the component, and the node for kubelet events.
pub fn source<'a>(component: &'static str, host: &'a str) -> Source<'a> {
    Source { component, host }
}

/// A reference to an object for `involvedObject`.
pub fn reference<'a>(
    kind: &'static str,
    api_version: &'static str,
    meta: &'a ObjectMeta,
) -> ObjectRef<'a> {
    ObjectRef {
        kind,
        api_version,
        namespace: &meta.namespace,
        name: &meta.name,
        uid: UidRef::from(&meta.uid),
        field_path: "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod_ref(name: &str) -> ObjectRef<'_> {
        ObjectRef {
            kind: "Pod",
            api_version: "",
            namespace: "default",
            name,
            uid: "".into(),
            field_path: "",
        }
    }

    fn record(r: &mut Recorder, at: Time, name: &str, message: &str) {
        let src = source("kubelet", "n1");
        r.record(at, pod_ref(name), "Normal", "Pulled", message, src);
    }

    /// client-go's EventCorrelator, where the log stands in for a group (see `correlator`): an
    /// event the spam filter drops still counts as the group's latest, so a second message 9¾
    /// minutes later is within the aggregation interval (10 minutes from the dropped event, not
    /// from the last recorded one), and the tenth distinct message is combined.
    #[test]
    fn a_dropped_event_keeps_its_group_alive() {
        let mut r = Recorder::default();
        let t = Time(0);
        let min = 60_000;
        for _ in 0..25 {
            record(&mut r, t, "a", "m0");
        }
        record(&mut r, t.plus_millis(9 * min), "a", "m0");
        // 0.9 tokens: dropped.
        record(&mut r, t.plus_millis(9 * min + 30_000), "a", "m0");
        assert_eq!(r.events()[0].count, 26);
        let mut at = t.plus_millis(19 * min + 15_000);
        for m in 1..=9 {
            record(&mut r, at, "a", &format!("m{m}"));
            at = at.plus_millis(5 * min);
        }
        let messages: Vec<&str> = r.events().iter().map(|e| e.message.as_str()).collect();
        assert_eq!(messages.len(), 10);
        assert_eq!(messages[8], "m8");
        assert_eq!(messages[9], "(combined from similar events): m9");
    }

    /// About five rows a pod: their size is most of the log's.
    #[test]
    fn a_row_is_36_bytes() {
        assert_eq!(std::mem::size_of::<Row>(), 36);
    }

    #[test]
    fn identical_events_are_counted_not_repeated() {
        let mut r = Recorder::default();
        let t = Time(0);
        record(&mut r, t, "a", "m");
        record(&mut r, t.plus_millis(5), "a", "m");
        record(&mut r, t, "a", "other");
        record(&mut r, t, "b", "m");
        assert_eq!(r.events().len(), 3);
        assert_eq!(r.events()[0].count, 2);
        assert_eq!(r.events()[0].last_timestamp, t.plus_millis(5));
    }

    #[test]
    fn events_older_than_the_apiserver_ttl_are_dropped() {
        let mut r = Recorder::default();
        let t = Time(0);
        for i in 0..SWEEP_EVERY {
            record(&mut r, t, &format!("old-{i}"), "m");
        }
        let later = t.plus_millis(EVENT_TTL_MILLIS + 1);
        for i in 0..SWEEP_EVERY + 1 {
            record(&mut r, later, &format!("new-{i}"), "m");
        }
        assert!(
            r.events()
                .iter()
                .all(|e| e.involved_object.name.starts_with("new-"))
        );
        // The index was rebuilt: a repeat of a kept event is still counted.
        record(&mut r, later, "new-0", "m");
        assert_eq!(r.events()[0].count, 2);
    }

    /// A row's number is worked out from its place: after a sweep drops rows between kept
    /// ones, each kept event keeps its name (the number is in its suffix), and the numbers of
    /// new ones go on from the last given.
    #[test]
    fn event_names_are_kept_by_a_sweep_that_drops_rows_between() {
        let mut r = Recorder::default();
        let t = Time(0);
        for i in 0..SWEEP_EVERY - 1 {
            record(&mut r, t, &format!("old-{i}"), "m");
        }
        // Every 1,000th old event happens again half an hour later: kept, between dropped ones.
        let mid = t.plus_millis(EVENT_TTL_MILLIS / 2);
        for i in (0..SWEEP_EVERY).step_by(1000) {
            record(&mut r, mid, &format!("old-{i}"), "m");
        }
        let names = |r: &Recorder| -> Vec<String> {
            let events = r
                .iter()
                .filter(|e| e.count() == 2 || e.name().starts_with("new"));
            events
                .map(|e| e.to_event().metadata.name.to_string())
                .collect()
        };
        let before = names(&r);
        assert_eq!(before[1], format!("old-1000.{:x}", 1001));
        let later = t.plus_millis(EVENT_TTL_MILLIS + 1);
        for i in 0..3 {
            record(&mut r, later, &format!("new-{i}"), "m");
        }
        assert_eq!(r.count(), 5 + 3, "swept");
        let after = names(&r);
        assert_eq!(after[..5], before[..]);
        let suffix = later.millis() as u64 * 1000 + SWEEP_EVERY as u64;
        assert_eq!(after[5], format!("new-0.{suffix:x}"));
        assert_eq!(after[7], format!("new-2.{:x}", suffix + 2));
        // Five kept alone, then the new ones, numbered on.
        assert_eq!(r.numbers.runs_len(), 6);
    }

    /// A count past what a row holds (510) is kept by the event's number: it reads back, and
    /// a sweep that drops the rows around it keeps it.
    #[test]
    fn a_big_count_is_kept_by_a_sweep() {
        let mut r = Recorder::default();
        let t = Time(0);
        let five_min = 300_000;
        for _ in 0..25 {
            record(&mut r, t, "a", "m");
        }
        // One more every five minutes: what the spam filter lets through.
        let mut at = t;
        for _ in 0..600 {
            at = at.plus_millis(five_min);
            record(&mut r, at, "a", "m");
        }
        for i in 0..SWEEP_EVERY - 2 {
            record(&mut r, at, &format!("old-{i}"), "m");
        }
        record(&mut r, at.plus_millis(8 * five_min), "a", "m");
        let a = |r: &Recorder| r.iter().next().map(|e| (e.count(), e.to_event()));
        let before = a(&r).expect("recorded");
        assert_eq!(before.0, 25 + 600 + 1);
        let later = at.plus_millis(EVENT_TTL_MILLIS + 1);
        for i in 0..2 {
            record(&mut r, later, &format!("new-{i}"), "m");
        }
        assert_eq!(r.count(), 3, "swept");
        assert_eq!(a(&r), Some(before));
    }

    /// The spam filter's bucket is kept by the object's latest event: when that expires (an
    /// hour after it last happened) before the bucket is full again (25 events fill it for two
    /// hours), the bucket is kept apart, and a later burst is cut short as client-go's would be:
    /// 3,900 s of refill missing, so 12 more events, not 25.
    #[test]
    fn a_bucket_outlives_its_expired_event() {
        let mut r = Recorder::default();
        let t = Time(0);
        for _ in 0..30 {
            record(&mut r, t, "a", "m");
        }
        assert_eq!(r.events()[0].count, 25);
        let later = t.plus_millis(EVENT_TTL_MILLIS + 1);
        for i in 0..SWEEP_EVERY {
            record(&mut r, later, &format!("new-{i}"), "m");
        }
        assert!(r.iter().all(|e| e.name() != "a"), "swept");
        for _ in 0..30 {
            record(&mut r, later, "a", "m");
        }
        let a = r.iter().find(|e| e.name() == "a").expect("recorded again");
        assert_eq!(a.count(), 12);
    }

    /// The sweep renumbers symbols: a template and fieldPath remembered from before it are
    /// looked up again, so that events after it still read back as recorded.
    #[test]
    fn templates_read_back_after_a_sweep_renumbers() {
        let mut r = Recorder::default();
        let t = Time(0);
        let src = source("kubelet", "n1");
        let at = |r: &mut Recorder, at: Time, name: &str| {
            let mut object = pod_ref(name);
            object.field_path = "spec.containers{c}";
            let m = Message::template("Started container {}", &["c"]);
            r.record(at, object, "Normal", "Started", m, src);
        };
        for i in 0..SWEEP_EVERY {
            at(&mut r, t, &format!("old-{i}"));
        }
        let later = t.plus_millis(EVENT_TTL_MILLIS + 1);
        for i in 0..SWEEP_EVERY + 2 {
            at(&mut r, later, &format!("new-{i}"));
        }
        let events = r.events();
        assert_eq!(events.len(), SWEEP_EVERY + 2);
        assert!(events.iter().all(|e| e.message == "Started container c"
            && e.involved_object.field_path == "spec.containers{c}"));
    }

    /// client-go's `getEventKey` includes `involvedObject.fieldPath`: equal events about two
    /// containers of one pod are two events, each counted on its own; the same container's
    /// repeat is counted on its row.
    #[test]
    fn events_differing_only_in_field_path_are_two_events() {
        let mut r = Recorder::default();
        let src = source("kubelet", "n1");
        let pull = |r: &mut Recorder, at: Time, container: &'static str| {
            let mut object = pod_ref("p");
            object.field_path = container;
            let m = Message::template("Pulling image \"{}\"", &["busybox"]);
            r.record(at, object, "Normal", "Pulling", m, src);
        };
        pull(&mut r, Time(0), "spec.containers{a}");
        pull(&mut r, Time(0), "spec.containers{b}");
        pull(&mut r, Time(1_000), "spec.containers{a}");
        let rows: Vec<(String, i32)> = r
            .events()
            .iter()
            .map(|e| (e.involved_object.field_path.clone(), e.count))
            .collect();
        assert_eq!(
            rows,
            [
                ("spec.containers{a}".to_string(), 2),
                ("spec.containers{b}".to_string(), 1)
            ]
        );
    }

    #[test]
    fn an_event_reads_back_as_recorded() {
        let mut r = Recorder::default();
        let object = ObjectRef {
            kind: "Node",
            namespace: "",
            name: "n1",
            uid: "u-1".into(),
            api_version: "v1",
            field_path: "spec.containers{c}",
        };
        let at = Time(61_000);
        r.record(
            at,
            object,
            "Warning",
            "Rebooted",
            "m",
            source("kubelet", "n1"),
        );
        let e = &r.events()[0];
        assert_eq!(
            e.involved_object,
            ObjectReference {
                kind: "Node".into(),
                namespace: String::new(),
                name: "n1".into(),
                uid: "u-1".into(),
                api_version: "v1".into(),
                field_path: "spec.containers{c}".into(),
            }
        );
        assert_eq!(
            (e.type_.as_str(), e.reason.as_str(), e.message.as_str()),
            ("Warning", "Rebooted", "m")
        );
        assert_eq!(
            e.source,
            EventSource {
                component: "kubelet".into(),
                host: "n1".into(),
            }
        );
        assert_eq!(
            e.metadata.namespace, "default",
            "a cluster-scoped object's events"
        );
        assert_eq!(e.metadata.name, format!("n1.{:x}", 61_000_u64 * 1000 + 1));
        assert_eq!((e.first_timestamp, e.last_timestamp, e.count), (at, at, 1));
        let read = r.iter().next().expect("one event");
        assert_eq!(read.to_event(), *e);
    }
}

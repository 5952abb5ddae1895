//! The store's changes waiting for the controllers, as small records of numbers: a burst of
//! creates leaves a few a pod, all live at once until the controllers take them, and the
//! page's memory keeps that peak. A record names the pod by its stamp, its nodes and owners by
//! the store's numbers; [`Changes::into_changes`] gives the controllers the [`Change`] with
//! the key and the owners' strings, one at a time (the nodes stay numbers).

use super::chunked::Chunked;
use super::hash::FastHashMap;
use super::node_ids::NodeId;
use super::pod_table::{PodId, PodStamp};
use crate::api::{ObjectKey, SharedStr};

/// A change the controllers react to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Node(String),
    NodeDeleted(String),
    /// A pod changed; `nodes` are the target nodes before and after (spec §6.2 step 4), by the
    /// store's numbers; `owners` the controller UIDs before and after (empty when it is, or
    /// became, an orphan).
    /// `id` is the pod's number when the change was recorded: a hint for finding it again
    /// (see [`super::store::Store::pod_hinted`]).
    Pod {
        key: ObjectKey,
        id: PodId,
        nodes: NodePair,
        owners: Pair,
    },
    DaemonSet(ObjectKey),
    Revision(ObjectKey),
    Deployment(ObjectKey),
    ReplicaSet(ObjectKey),
}

/// At most two strings, shared with the store's tables: a pod's nodes or controller UIDs
/// before and after a write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pair([Option<SharedStr>; 2]);

impl Pair {
    #[cfg(test)]
    pub(super) fn of(first: Option<SharedStr>, second: Option<SharedStr>) -> Pair {
        match first {
            Some(_) => Pair([first, second]),
            None => Pair([second, None]),
        }
    }

    pub fn iter(&self) -> PairIter<'_> {
        self.0.iter().flatten().map(|s| s.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0[0].is_none()
    }

    /// The strings themselves: the store's held copies, one per text.
    pub fn held(&self) -> impl Iterator<Item = &SharedStr> {
        self.0.iter().flatten()
    }
}

type PairIter<'a> = std::iter::Map<
    std::iter::Flatten<std::slice::Iter<'a, Option<SharedStr>>>,
    fn(&'a SharedStr) -> &'a str,
>;

impl<'a> IntoIterator for &'a Pair {
    type Item = &'a str;
    type IntoIter = PairIter<'a>;
    fn into_iter(self) -> PairIter<'a> {
        self.iter()
    }
}

/// A pod's target nodes before and after a write, as the store's node numbers (a name keeps
/// its number: [`super::store::Store::node_name_of`] gives it back). Numbers, not the names:
/// a change touches no name's string, and the DaemonSet controller, which keeps its nodes by
/// these numbers, looks none up (at 1,000 nodes about 60,000 lookups by name a create + settle).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodePair(Numbers);

impl NodePair {
    #[cfg(test)]
    pub(crate) fn of(first: Option<NodeId>, second: Option<NodeId>) -> NodePair {
        NodePair(Numbers::of(
            first.map(NodeId::number),
            second.map(NodeId::number),
        ))
    }

    /// The nodes, the one before first (most writes give one node twice).
    pub fn iter(self) -> impl Iterator<Item = NodeId> {
        (self.0.0.into_iter())
            .filter(|&n| n != NONE)
            .map(NodeId::from_number)
    }

    /// The nodes, before and after (the first `None` when the change gives one node).
    pub fn get(self) -> [Option<NodeId>; 2] {
        self.0
            .0
            .map(|n| (n != NONE).then_some(NodeId::from_number(n)))
    }

    /// The one node of a change that gives one node once (a pod created there, or removed),
    /// not of a write on the node (given twice) or a move.
    pub fn single(self) -> Option<NodeId> {
        match self.0.0 {
            [a, NONE] if a != NONE => Some(NodeId::from_number(a)),
            _ => None,
        }
    }
}

/// At most two numbers (node numbers or held UIDs' numbers), as [`Pair`] holds strings: the
/// first given first, `NONE` for none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Numbers([u32; 2]);

const NONE: u32 = u32::MAX;

impl Numbers {
    pub(super) const EMPTY: Numbers = Numbers([NONE; 2]);

    pub(super) fn of(first: Option<u32>, second: Option<u32>) -> Numbers {
        match (first, second) {
            (Some(a), b) => Numbers([a, b.unwrap_or(NONE)]),
            (None, b) => Numbers([b.unwrap_or(NONE), NONE]),
        }
    }

    /// The pair of strings these number, each found by `text`.
    fn pair(self, text: impl Fn(u32) -> SharedStr) -> Pair {
        let get = |n: u32| (n != NONE).then(|| text(n));
        Pair([get(self.0[0]), get(self.0[1])])
    }
}

/// [`Numbers`] that are one number given once or twice: a pod created, removed, or written on
/// the same node by the same owner (nearly every write). Inline in a record as the number and
/// a bit of [`Record::Pod`]'s `twice`.
fn short(n: Numbers) -> Option<(u32, bool)> {
    match n.0 {
        [a, NONE] => Some((a, false)),
        [a, b] if a == b => Some((a, true)),
        _ => None,
    }
}

fn long(number: u32, twice: bool) -> Numbers {
    Numbers([number, if twice { number } else { NONE }])
}

/// The kinds of objects whose changes name them by key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    DaemonSet,
    Revision,
    Deployment,
    ReplicaSet,
}

/// A change as recorded: 20 bytes of numbers, where a [`Change`] of a pod is 56 and holds four
/// reference counts. What does not fit is kept beside the records, numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Record {
    Node(u32),
    NodeDeleted(u32),
    /// The pod by its stamp (its key is the stored pod's, or, once removed, kept in
    /// [`Changes::gone`]); its node and owner, each given once or twice (bit 0 of `twice` the
    /// node's, bit 1 the owner's).
    Pod {
        pod: PodStamp,
        node: u32,
        owner: u32,
        twice: u8,
    },
    /// A pod that moved to another node or owner: its nodes and owners are `moves[at]`.
    PodMoved {
        pod: PodStamp,
        at: u32,
    },
    /// The object `objects[at]`.
    Object {
        kind: Kind,
        at: u32,
    },
}

/// What [`Changes::into_changes`] reads from the store: the tables the numbers index.
pub(super) trait Tables {
    fn node_name(&self, n: u32) -> &SharedStr;
    fn uid(&self, n: u32) -> &SharedStr;
    /// The key of the pod stamped `pod`, if it is still stored.
    fn stored_key(&self, pod: PodStamp) -> Option<ObjectKey>;
}

/// The changes recorded since the controllers last took them, in order.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// In chunks: after a burst of creates they are a few a pod, and a doubling vector would
    /// hold up to three times that while it grows (the page's memory keeps its peak).
    records: Chunked<Record>,
    /// The nodes and owners of [`Record::PodMoved`]s (rare: a binding, an adoption).
    moves: Vec<[Numbers; 2]>,
    /// The keys of [`Record::Object`]s (a handful a burst: DaemonSets, revisions).
    objects: Vec<ObjectKey>,
    /// The keys of the pods removed since, by stamp: their records cannot read them from the
    /// store any more.
    gone: FastHashMap<PodStamp, ObjectKey>,
}

impl Changes {
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub(super) fn push(&mut self, record: Record) {
        self.records.push(record);
    }

    /// A change of the pod stamped `pod`, whose nodes and owners before and after are these.
    pub(super) fn pod(&mut self, pod: PodStamp, nodes: Numbers, owners: Numbers) {
        let record = match (short(nodes), short(owners)) {
            (Some((node, n2)), Some((owner, o2))) => Record::Pod {
                pod,
                node,
                owner,
                twice: n2 as u8 | (o2 as u8) << 1,
            },
            _ => {
                self.moves.push([nodes, owners]);
                let at = self.moves.len() as u32 - 1;
                Record::PodMoved { pod, at }
            }
        };
        self.records.push(record);
    }

    /// A change of the object `key` of `kind`.
    pub(super) fn object(&mut self, kind: Kind, key: ObjectKey) {
        self.objects.push(key);
        let at = self.objects.len() as u32 - 1;
        self.records.push(Record::Object { kind, at });
    }

    /// The pod stamped `pod`, with key `key`, is removed.
    pub(super) fn gone(&mut self, pod: PodStamp, key: ObjectKey) {
        self.gone.insert(pod, key);
    }

    /// The changes in order, with keys and strings, as read from `store` (taken from it, and
    /// not written since). Each chunk of records is let go once read: the controllers' queues
    /// fill while the records empty.
    pub fn into_changes(self, store: &super::store::Store) -> impl Iterator<Item = Change> + '_ {
        let mut records = self.records.into_iter();
        let rest = Rest {
            moves: self.moves,
            objects: self.objects,
            gone: self.gone,
        };
        std::iter::from_fn(move || records.next().map(|r| rest.resolve(r, store)))
    }
}

/// What the records refer to beside them, while they are read.
struct Rest {
    moves: Vec<[Numbers; 2]>,
    objects: Vec<ObjectKey>,
    gone: FastHashMap<PodStamp, ObjectKey>,
}

impl Rest {
    /// The change `record` names, read from `t`.
    fn resolve(&self, record: Record, t: &impl Tables) -> Change {
        let pod = |pod: PodStamp, [nodes, owners]: [Numbers; 2]| Change::Pod {
            key: match t.stored_key(pod) {
                Some(key) => key,
                None => match self.gone.get(&pod) {
                    Some(key) => key.clone(),
                    None => unreachable!("pod {pod:?} is neither stored nor removed"),
                },
            },
            id: pod.id,
            nodes: NodePair(nodes),
            owners: owners.pair(|n| t.uid(n).clone()),
        };
        match record {
            Record::Node(n) => Change::Node(t.node_name(n).to_string()),
            Record::NodeDeleted(n) => Change::NodeDeleted(t.node_name(n).to_string()),
            Record::Pod {
                pod: p,
                node,
                owner,
                twice,
            } => pod(p, [long(node, twice & 1 != 0), long(owner, twice & 2 != 0)]),
            Record::PodMoved { pod: p, at } => pod(p, self.moves[at as usize]),
            Record::Object { kind, at } => {
                let key = self.objects[at as usize].clone();
                match kind {
                    Kind::DaemonSet => Change::DaemonSet(key),
                    Kind::Revision => Change::Revision(key),
                    Kind::Deployment => Change::Deployment(key),
                    Kind::ReplicaSet => Change::ReplicaSet(key),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Record;

    /// The record of a change is 20 bytes (a pod's `Change` is 56) and holds no reference
    /// count.
    #[test]
    fn a_record_is_20_bytes() {
        assert_eq!(std::mem::size_of::<Record>(), 20);
    }
}

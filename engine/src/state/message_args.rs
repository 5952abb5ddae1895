//! The arguments of the recorder's messages that take more than one (a pod's Scheduled: its
//! namespace, its name and the node; Pulled: the image and two durations), each distinct set
//! once, shared by the rows that use it: a row holds one number for them. Most messages take
//! one argument, and three slots in every row cost 8 bytes a row. An argument that is the
//! event's own object's namespace or name is kept as a mark for it, so that the pods of one
//! node share their Scheduled arguments.

use super::distinct::Distinct;

/// The most arguments a template takes.
pub const MAX_ARGS: usize = 3;

/// A slot of a set: [`NONE`], a symbol's bits ([`Sym::to_bits`](super::interner::Sym)), or
/// one of the marks. No symbol has a mark's bits: that would take four billion strings.
pub type Slot = u32;

pub const NONE: Slot = 0;
/// The event's own object's namespace.
pub const OWN_NAMESPACE: Slot = u32::MAX;
/// The event's own object's name.
pub const OWN_NAME: Slot = u32::MAX - 1;

/// The sets of arguments, each once.
pub type ArgSets = Distinct<[Slot; MAX_ARGS]>;

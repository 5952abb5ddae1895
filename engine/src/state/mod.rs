//! The state layer under the controllers: what the API server holds (the store), the virtual
//! clock and its timers, the event recorder, generated names, the pod timings and the API
//! server's own writes for pods. Every controller reads and writes through [`World`]; the
//! `Cluster` driver above owns a World and the controllers and runs them.

pub mod apiserver;
pub mod audit;
pub mod changes;
pub mod chunked;
pub mod clock;
mod correlator;
mod distinct;
mod event_numbers;
mod event_objects;
mod event_tally;
mod event_times;
mod event_uid;
pub mod events;
pub(crate) mod hash;
mod hash_index;
mod held;
mod id_set;
pub(crate) mod interner;
pub(crate) mod last_requests;
mod message;
mod message_args;
pub mod names;
pub(crate) mod node_ids;
mod node_pods;
pub(crate) mod node_table;
pub mod node_usage;
mod ordered_ids;
mod overflow;
mod pod_index;
mod pod_table;
pub(crate) mod recent;
pub(crate) mod room;
pub mod store;
mod sym_table;
pub mod timings;

use clock::Clock;
use events::Recorder;
use names::Rng;
use std::collections::BTreeSet;
use store::Store;
use timings::Timings;

/// What every controller shares: the store, the clock, randomness, the event recorder, and the
/// simulator's knobs.
pub struct World {
    pub store: Store,
    pub clock: Clock,
    pub rng: Rng,
    pub recorder: Recorder,
    pub timings: Timings,
    /// Images that cannot be pulled (`sim image IMAGE unpullable`).
    pub unpullable: BTreeSet<String>,
    /// Who wrote which pod (`sim audit`).
    pub audit: audit::AuditLog,
}

#[cfg(test)]
impl World {
    /// An empty world with the seed 0, for unit tests of one controller's parts.
    pub(crate) fn empty() -> World {
        World {
            store: Default::default(),
            clock: Default::default(),
            rng: Rng::new(0),
            recorder: Default::default(),
            timings: Default::default(),
            unpullable: Default::default(),
            audit: Default::default(),
        }
    }
}

//! Shared by the fuzz targets (`engine/fuzz/`, nightly) and by their stable property-test
//! twins: turning arbitrary bytes into a scenario (a sequence of commands of the language) and
//! checking the invariants of a cluster after each command (issue 10).

pub mod commands;
pub mod invariants;
pub mod run;

pub use commands::commands_from_bytes;
pub use invariants::check;
pub use run::run_and_check;

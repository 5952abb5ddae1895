//! Shared by the fuzz targets (`engine/fuzz/`, nightly) and by their stable property-test
//! twins: turning arbitrary bytes into a scenario (a sequence of commands of the language) and
//! checking the invariants of a cluster after each command (issue 10).

pub mod commands;
pub mod invariants;
pub mod run;

pub use commands::commands_from_bytes;

/// What `script_parse` does with one input: read it as a scenario and parse every line as a
/// command, and read it as a lesson (its directives, Markdown texts and goals). Nothing may
/// panic or hang.
pub fn read_script_and_lesson(text: &str) {
    if let Ok(lines) = crate::script::read_script(text) {
        for line in &lines {
            let _ = crate::command::parse_command_full(&line.args);
        }
    }
    let _ = crate::lesson::parse(text);
    let _ = crate::lesson::markdown::parse(text);
}
pub use invariants::check;
pub use run::run_and_check;

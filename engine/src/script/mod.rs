//! The scenario language's own syntax (shared/spec/scenario-language.md), below the commands:
//!
//! - [`read_script`] reads a whole scenario ("Files and lines": comments, blank lines, `\`
//!   continuations, here-documents);
//! - [`split_words`] splits one interactive line (the console) as a shell does;
//! - `flags`: kubectl's flag parsing (pflag), which every kubectl command reads through;
//! - [`parse_duration`] and [`human_duration`] read and print durations as Go and kubectl do.
//!
//! The commands themselves are read in `command.rs`. Nothing here panics on any input: it runs
//! inside WebAssembly, where a panic ends the page.

mod duration;
pub(crate) mod flags;
mod reader;
mod utf8;
mod words;

pub use duration::{human_duration, parse_duration, short_human_duration};
pub use reader::{ScriptError, ScriptItem, ScriptLine, read_script, read_script_items};
pub use utf8::script_text;
pub use words::{WordsError, split_words};

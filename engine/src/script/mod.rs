//! The scenario language (shared/spec/scenario-language.md): reading a script into command
//! lines, splitting words as a shell does, and parsing each line into a typed [`Command`].
//!
//! - [`read_script`] reads a whole scenario ("Files and lines": comments, blank lines, `\`
//!   continuations, here-documents).
//! - [`split_words`] splits one interactive line (the console).
//! - [`parse_duration`] and [`human_duration`] read and print durations as Go and kubectl do.
//!
//! Nothing here panics on any input: it runs inside WebAssembly, where a panic ends the page.

mod command;
mod duration;
mod flags;
mod kubectl;
mod reader;
mod resources;
mod words;

pub use command::{
    Cascade, DeleteWhat, Kubectl, LabelChange, NamespaceScope, OutputFormat, ResourceKind,
    TaintChange,
};
pub use duration::{human_duration, parse_duration, short_human_duration};
pub(crate) use kubectl::parse as parse_kubectl;
pub use reader::{ScriptError, ScriptLine, read_script};
pub use words::{WordsError, split_words};

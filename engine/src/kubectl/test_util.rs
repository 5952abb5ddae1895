//! Test lines read as kubectl reads them: `kubectl …`, the first word checked and dropped.

use super::{Kubectl, Parsed, Refusal};

fn words(line: &str) -> Vec<String> {
    let args = crate::script::split_words(line).unwrap_or_else(|e| panic!("{line}: {e}"));
    match args.split_first() {
        Some((first, rest)) if first == "kubectl" => rest.to_vec(),
        _ => panic!("{line}: not a kubectl command line"),
    }
}

pub fn parsed(line: &str) -> Parsed {
    super::parse(&words(line)).unwrap_or_else(|e| panic!("{line}: {e:?}"))
}

pub fn ok(line: &str) -> Kubectl {
    parsed(line).command
}

/// The kubectl error text.
pub fn kerr(line: &str) -> String {
    match super::parse(&words(line)) {
        Err(Refusal::Kubectl(message)) => message,
        other => panic!("{line}: expected a kubectl error, got {other:?}"),
    }
}

/// The not-a-command message.
pub fn nac(line: &str) -> String {
    match super::parse(&words(line)) {
        Err(Refusal::NotACommand(message)) => message,
        other => panic!("{line}: expected NotACommand, got {other:?}"),
    }
}

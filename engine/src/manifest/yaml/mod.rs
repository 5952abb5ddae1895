//! The manifest YAML reader: one document's text (kubectl's `YAMLReader` has already split the
//! stream on `---` lines) into JSON values with the line and column of every node, as kubectl
//! reads manifests: libyaml's grammar and error texts (through go-yaml), go-yaml v2's YAML 1.1
//! scalars ([`resolve`]) and decoding (aliases, `<<` merge keys, duplicate keys: the last
//! wins), under the budgets of [`crate::manifest`] against alias bombs and runaway nesting.
//!
//! Made for Kubernetes objects, it leaves out what they never need: complex keys (`? `,
//! collections or aliases as keys) are refused; tags other than the core schema's make a
//! scalar a string (go-yaml's decoding into `interface{}` does the same).

#[cfg(test)]
pub(crate) mod differential;
mod error;
mod parser;
#[cfg(test)]
mod reference;
pub(crate) mod resolve;
mod scanner;
#[cfg(test)]
mod tests;

pub(crate) use error::YamlError;

use super::tree::Tree;

/// The document of `text` (see [`parser::Parser::document`]); `None` when it has no node.
pub(crate) fn parse(text: &str) -> Result<Option<Tree>, YamlError> {
    parser::Parser::new(text).document()
}

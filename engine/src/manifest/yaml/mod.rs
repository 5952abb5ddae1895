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

/// What [`parse_diverting`] read.
pub(crate) struct Diverted {
    /// The document, the items of its root `items` sequence left out.
    pub tree: Option<Tree>,
    /// How many sequences gave their items to the sink (0: `tree` is the whole document).
    pub sequences: usize,
    /// Whether reading the text again gives the same items in the same order, and nothing
    /// else in the document holds them (one such sequence, no anchors, no merge keys).
    pub replayable: bool,
}

/// The document of `text` as [`parse`] reads it, except that the items of its root mapping's
/// `items` sequence go to `items` one by one as they are read, not into the tree (a pasted
/// NodeList of 10,000 nodes is then never one tree). Errors are [`parse`]'s.
pub(crate) fn parse_diverting(
    text: &str,
    items: &mut dyn FnMut(Tree),
) -> Result<Diverted, YamlError> {
    diverted(parser::Parser::diverting(text, items))
}

/// [`parse_diverting`] again on a text it has read without error (a list's second reading):
/// the same, but the text is not checked again for characters YAML refuses.
pub(crate) fn parse_diverting_again(
    text: &str,
    items: &mut dyn FnMut(Tree),
) -> Result<Diverted, YamlError> {
    diverted(parser::Parser::diverting_again(text, items))
}

fn diverted(mut p: parser::Parser<'_>) -> Result<Diverted, YamlError> {
    let tree = p.document()?;
    Ok(Diverted {
        tree,
        sequences: p.diverted(),
        replayable: p.diverted_one_list(),
    })
}

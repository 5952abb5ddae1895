//! Finding a field path of an API error (`spec.template.spec.containers[0].name`) in the
//! source, so that validation errors can be marked where the field is written.

use super::tree::{Pos, Position};

/// One step of a field path.
enum Step<'a> {
    Field(&'a str),
    Index(usize),
}

/// The steps of `path`. A part that is neither a name nor a numeric index (a map key in
/// brackets, `metadata.labels[a/b]`) ends the list there.
fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (part.get(..i).unwrap_or(""), part.get(i..).unwrap_or("")),
            None => (part, ""),
        };
        if !name.is_empty() {
            out.push(Step::Field(name));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let Some(end) = inner.find(']') else {
                return out;
            };
            match inner.get(..end).and_then(|n| n.parse().ok()) {
                Some(i) => out.push(Step::Index(i)),
                None => return out,
            }
            rest = inner.get(end + 1..).unwrap_or("");
        }
    }
    out
}

/// Where `path` is written: the key (or list item) of the deepest part of it that the source
/// has, else the object's own position.
pub(crate) fn locate(pos: &Pos, path: &str) -> Position {
    let mut here = pos;
    let mut at = pos.at;
    for step in steps(path) {
        let next = match step {
            Step::Field(name) => here.entry(name),
            Step::Index(i) => here.item(i).map(|p| (p.at, p)),
        };
        match next {
            Some((key, p)) => {
                at = key;
                here = p;
            }
            None => break,
        }
    }
    at
}

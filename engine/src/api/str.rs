//! `Str`: a string field whose value is most often a constant the controllers write (`Exists`,
//! `NoExecute`, `Ready`, `True`). A constant is borrowed and costs no allocation; text read
//! from a manifest is owned. Every pod carries six default tolerations and five conditions, so
//! at 200,000 pods these constants were millions of small allocations.

use std::borrow::Cow;

pub type Str = Cow<'static, str>;

/// For `skip_serializing_if`.
#[cfg(test)]
pub(crate) fn str_is_empty(s: &Str) -> bool {
    s.is_empty()
}

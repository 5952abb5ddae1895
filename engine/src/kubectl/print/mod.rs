//! How kubectl prints: the rows of `get`'s tables ([`printers`]) and their layout (`table`,
//! `tabwriter`), `-o json` and `-o yaml`, and what the describers share (`describe`,
//! `pod_template`).

pub(crate) mod describe;
pub(crate) mod json;
pub(crate) mod pod_template;
pub mod printers;
pub(crate) mod table;
pub(crate) mod tabwriter;
pub(crate) mod yaml;

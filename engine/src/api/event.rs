//! `core/v1` Event, as the event recorder writes them (with its count aggregation).

use super::{ObjectMeta, Time};

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct Event {
    #[cfg_attr(test, serde(default))]
    pub api_version: String,
    #[cfg_attr(test, serde(default))]
    pub kind: String,
    pub metadata: ObjectMeta,
    pub involved_object: ObjectReference,
    pub reason: String,
    pub message: String,
    #[cfg_attr(test, serde(default))]
    pub source: EventSource,
    pub first_timestamp: Time,
    pub last_timestamp: Time,
    pub count: i32,
    #[cfg_attr(test, serde(rename = "type"))]
    pub type_: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ObjectReference {
    pub kind: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub namespace: String,
    pub name: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub uid: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub api_version: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub field_path: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct EventSource {
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub component: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub host: String,
}

pub const NORMAL: &str = "Normal";
pub const WARNING: &str = "Warning";

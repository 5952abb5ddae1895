//! `apps/v1` DaemonSet.

use super::{Extra, IntOrString, LabelSelector, ObjectMeta, PodTemplateSpec, keys};

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct DaemonSet {
    #[cfg_attr(test, serde(default))]
    pub api_version: String,
    #[cfg_attr(test, serde(default))]
    pub kind: String,
    #[cfg_attr(test, serde(default))]
    pub metadata: ObjectMeta,
    #[cfg_attr(test, serde(default))]
    pub spec: DaemonSetSpec,
    #[cfg_attr(test, serde(default))]
    pub status: DaemonSetStatus,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct DaemonSetSpec {
    /// `None` is a nil selector, which selects nothing (validation rejects it, V5).
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub selector: Option<LabelSelector>,
    #[cfg_attr(test, serde(default))]
    pub template: PodTemplateSpec,
    #[cfg_attr(test, serde(default))]
    pub update_strategy: DaemonSetUpdateStrategy,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub min_ready_seconds: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub revision_history_limit: Option<i64>,
    #[cfg_attr(test, serde(flatten))]
    pub extra: Extra,
}

#[cfg(test)]
fn is_zero(n: &i64) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct DaemonSetUpdateStrategy {
    #[cfg_attr(
        test,
        serde(default, rename = "type", skip_serializing_if = "String::is_empty")
    )]
    pub type_: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub rolling_update: Option<RollingUpdateDaemonSet>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct RollingUpdateDaemonSet {
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub max_unavailable: Option<IntOrString>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub max_surge: Option<IntOrString>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct DaemonSetStatus {
    #[cfg_attr(test, serde(default))]
    pub current_number_scheduled: i64,
    #[cfg_attr(test, serde(default))]
    pub number_misscheduled: i64,
    #[cfg_attr(test, serde(default))]
    pub desired_number_scheduled: i64,
    #[cfg_attr(test, serde(default))]
    pub number_ready: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub observed_generation: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub updated_number_scheduled: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub number_available: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub number_unavailable: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub collision_count: Option<i32>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub conditions: Vec<serde_json::Value>,
}

pub const ROLLING_UPDATE: &str = "RollingUpdate";
pub const ON_DELETE: &str = "OnDelete";

impl DaemonSet {
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    pub fn is_rolling_update(&self) -> bool {
        self.spec.update_strategy.type_ == ROLLING_UPDATE
    }

    /// `GetTemplateGeneration`: the `deprecated.daemonset.template.generation` annotation;
    /// absent or unparseable → None (spec §8.1).
    pub fn template_generation(&self) -> Option<i64> {
        self.metadata
            .annotations
            .get(keys::DEPRECATED_TEMPLATE_GENERATION)?
            .parse()
            .ok()
    }

    /// `util.SurgeCount`: maxSurge scaled against `desired`, rounded up; 0 unless RollingUpdate.
    pub fn surge_count(&self, desired: i64) -> Result<i64, String> {
        match self.rolling_update() {
            Some(ru) => match &ru.max_surge {
                Some(v) => v.scaled_value(desired, true),
                None => Ok(0),
            },
            None => Ok(0),
        }
    }

    /// `util.UnavailableCount`: maxUnavailable scaled against `desired`, rounded up.
    pub fn unavailable_count(&self, desired: i64) -> Result<i64, String> {
        match self.rolling_update() {
            Some(ru) => match &ru.max_unavailable {
                Some(v) => v.scaled_value(desired, true),
                None => Ok(0),
            },
            None => Ok(0),
        }
    }

    /// `util.AllowsSurge`: `SurgeCount(ds, 1) > 0`.
    pub fn allows_surge(&self) -> bool {
        self.surge_count(1).is_ok_and(|n| n > 0)
    }

    fn rolling_update(&self) -> Option<&RollingUpdateDaemonSet> {
        if !self.is_rolling_update() {
            return None;
        }
        self.spec.update_strategy.rolling_update.as_ref()
    }
}

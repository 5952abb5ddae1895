//! `kubectl.kubernetes.io/last-applied-configuration`: what the last `kubectl apply` said, so the
//! next apply can tell fields it owns (and may remove) from fields set by other means.

use crate::api::decode::{Decode, from_value};
use crate::api::encode::{self, Encode};
use crate::api::{Container, ObjectMeta, Quantity, Shared};
use serde_json::Value;

pub const KEY: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// The annotation's value for a manifest: its JSON (without this annotation), newline-ended,
/// as kubectl writes it.
/// Keys come out sorted (as kubectl's JSON of an unstructured object), and the empty parts our
/// typed decoding adds (`status: {}` counters at zero, empty maps) are left out.
pub fn record<T: Encode + Clone + HasMeta>(obj: &T) -> String {
    let mut copy = obj.clone();
    copy.meta_mut().annotations.remove(KEY);
    let mut value = encode::to_value_as_written(&copy);
    if let Value::Object(m) = &mut value {
        m.remove("status"); // never part of what a user applies
    }
    prune(&mut value);
    let mut json = serde_json::to_string(&value).unwrap_or_default();
    json.push('\n');
    json
}

/// What the API server stores has no manifest forms of quantities (`cpu: 0.5` is `500m`): once
/// the annotation is recorded, they go, so that stored objects hold only their values.
pub fn forget_written_template(t: &mut crate::api::PodTemplateSpec) {
    forget_in_containers(&mut t.spec.containers);
    if has_written(&t.spec.settings.init_containers) {
        let mut settings = (*t.spec.settings).clone();
        settings.init_containers.iter_mut().for_each(forget_in);
        t.spec.settings = Shared::new(settings);
    }
}

fn forget_in_containers(containers: &mut Shared<Vec<Container>>) {
    if has_written(containers) {
        let mut list = (**containers).clone();
        list.iter_mut().for_each(forget_in);
        *containers = Shared::new(list);
    }
}

fn has_written(containers: &[Container]) -> bool {
    containers.iter().any(|c| {
        c.resources.as_ref().is_some_and(|r| {
            r.limits
                .iter()
                .chain(r.requests.iter())
                .any(|(_, q)| q.has_written())
        })
    })
}

fn forget_in(c: &mut Container) {
    if let Some(r) = &mut c.resources {
        r.limits.values_mut().for_each(Quantity::forget_written);
        r.requests.values_mut().for_each(Quantity::forget_written);
    }
}

/// [`forget_written_template`] for a node's capacity and allocatable.
pub fn forget_written_node(n: &mut crate::api::Node) {
    for list in [&mut n.status.capacity, &mut n.status.allocatable] {
        if list.iter().any(|(_, q)| q.has_written()) {
            let mut l = (**list).clone();
            l.values_mut().for_each(Quantity::forget_written);
            *list = Shared::new(l);
        }
    }
}

/// Drops empty objects and arrays, recursively.
fn prune(v: &mut Value) -> bool {
    match v {
        Value::Object(m) => {
            m.retain(|_, x| !prune(x));
            m.is_empty()
        }
        Value::Array(a) => {
            for x in a.iter_mut() {
                prune(x);
            }
            a.is_empty()
        }
        _ => false,
    }
}

/// The object the last apply recorded, if any (and if it still parses).
/// Read through a `Value` on purpose: the typed decoders are then the ones manifests already use
/// ([`crate::api::decode`]), not a second set for JSON text.
/// And from bytes, as the page reads its links: one copy of the JSON parser serves both.
pub fn read<T: Decode>(meta: &ObjectMeta) -> Option<T> {
    let text = meta.annotations.get(KEY)?;
    let value: Value = serde_json::from_slice(text.as_bytes()).ok()?;
    from_value(value).ok()
}

/// Labels and annotations: the manifest's win; keys the last apply set and this one drops go;
/// everything else stays.
pub fn merge_meta(current: &mut ObjectMeta, last: Option<&ObjectMeta>, manifest: &ObjectMeta) {
    if let Some(last) = last {
        for k in last.labels.keys() {
            if !manifest.labels.contains_key(k) {
                current.labels.remove(k);
            }
        }
        for k in last.annotations.keys() {
            if !manifest.annotations.contains_key(k) {
                current.annotations.remove(k);
            }
        }
    }
    current
        .labels
        .extend(manifest.labels.iter().map(|(k, v)| (k.clone(), v.clone())));
    current.annotations.extend(
        manifest
            .annotations
            .iter()
            .filter(|(k, _)| k.as_str() != KEY)
            .map(|(k, v)| (k.clone(), v.clone())),
    );
}

/// Objects with metadata.
pub trait HasMeta {
    fn meta_mut(&mut self) -> &mut ObjectMeta;
}

impl HasMeta for crate::api::Node {
    fn meta_mut(&mut self) -> &mut ObjectMeta {
        &mut self.metadata
    }
}

impl HasMeta for crate::api::DaemonSet {
    fn meta_mut(&mut self) -> &mut ObjectMeta {
        &mut self.metadata
    }
}

impl HasMeta for crate::api::Deployment {
    fn meta_mut(&mut self) -> &mut ObjectMeta {
        &mut self.metadata
    }
}

impl HasMeta for crate::api::ReplicaSet {
    fn meta_mut(&mut self) -> &mut ObjectMeta {
        &mut self.metadata
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Node;

    #[test]
    fn records_the_manifest_without_empty_parts_or_status() {
        let mut n = Node {
            api_version: "v1".into(),
            kind: "Node".into(),
            ..Default::default()
        };
        n.metadata.name = "n1".into();
        n.metadata.labels.insert("zone".into(), "a".into());
        n.metadata.annotations.insert(KEY.into(), "old".into());
        assert_eq!(
            record(&n),
            "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"labels\":{\"zone\":\"a\"},\"name\":\"n1\"}}\n"
        );
        let back: Node = read(&ObjectMeta {
            annotations: crate::api::StringMap::from([(KEY.to_string(), record(&n))]).into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(back.metadata.labels, n.metadata.labels);
    }

    /// kubectl writes the manifest's JSON: a YAML number stays a number (`"cpu":0.5`), a
    /// string stays as written (`"1000m"`); the stored object has `500m` and `1`.
    #[test]
    fn quantities_are_recorded_as_the_manifest_wrote_them() {
        use crate::api::DaemonSet;
        // The manifest as kubectl's YAML-to-JSON conversion gives it.
        let value = serde_json::json!({
            "apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "d"},
            "spec": {"selector": {"matchLabels": {"a": "b"}}, "template": {
                "metadata": {"labels": {"a": "b"}},
                "spec": {"containers": [{"name": "c", "image": "i", "resources": {
                    "requests": {"cpu": 0.5, "memory": "1024Mi"},
                    "limits": {"cpu": "1000m", "memory": 2}}}]}}}
        });
        let ds: DaemonSet = from_value(value).unwrap();
        let json = record(&ds);
        assert!(
            json.contains(
                r#""limits":{"cpu":"1000m","memory":2},"requests":{"cpu":0.5,"memory":"1024Mi"}"#
            ),
            "{json}"
        );
        let stored = encode::to_string(&ds.spec.template.spec.containers[0].resources);
        assert_eq!(
            stored,
            r#"{"limits":{"cpu":"1","memory":"2"},"requests":{"cpu":"500m","memory":"1Gi"}}"#
        );
        // And read back from the annotation, the same stored values.
        let mut meta = ObjectMeta::default();
        meta.annotations.insert(KEY.into(), json);
        let back: DaemonSet = read(&meta).unwrap();
        assert_eq!(
            back.spec.template.spec.containers[0].resources,
            ds.spec.template.spec.containers[0].resources
        );
        // What is stored keeps no manifest form: a second record shows the stored values.
        let mut stored = ds.clone();
        forget_written_template(&mut stored.spec.template);
        assert!(record(&stored).contains(r#""requests":{"cpu":"500m","memory":"1Gi"}"#));
    }
}

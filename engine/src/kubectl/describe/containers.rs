//! Containers, volumes and the pod template as the describers print them
//! (`describeContainers`, `describeVolumes`, `DescribePodTemplate`). Fields the simulator does
//! not model (command, env, mounts, volumes, other probes) are read from the manifest as given.

use super::{Writer, labels_multiline, rfc1123z_or_zero, tolerations_multiline};
use crate::api::Extra;
use crate::api::{Container, ContainerState, ContainerStatus, PodTemplateSpec, Quantity};
use serde_json::Value;

/// `Quantity.String()`: the canonical form (`0.1` → `100m`, `1000m` → `1`, `1024Ki` → `1Mi`).
pub(crate) fn canonical(q: &Quantity) -> String {
    let binary = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
        .iter()
        .any(|s| q.0.trim().ends_with(s));
    match q.milli_value() {
        Some(m) => format_milli(m, binary),
        None => q.0.clone(),
    }
}

/// Formats a value in thousandths as Go's `Quantity` does in the given family.
pub(crate) fn format_milli(milli: i128, binary: bool) -> String {
    if milli == 0 {
        return "0".into();
    }
    if milli % 1000 != 0 {
        return format!("{milli}m");
    }
    let mut v = milli / 1000;
    let (base, suffixes): (i128, &[&str]) = if binary {
        (1024, &["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"])
    } else {
        (1000, &["", "k", "M", "G", "T", "P", "E"])
    };
    let mut i = 0;
    while i + 1 < suffixes.len() && v != 0 && v % base == 0 {
        v /= base;
        i += 1;
    }
    format!("{v}{}", suffixes[i])
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn list<'a>(extra: &'a Extra, key: &str) -> &'a [Value] {
    extra
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Go's `%v` of a `[]string`: `[a b c]`.
fn go_list(v: Option<&Value>) -> String {
    let items: Vec<&str> = v
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    format!("[{}]", items.join(" "))
}

fn port_string(p: &Value) -> String {
    match p {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => String::new(),
    }
}

/// `DescribeProbe`, with the API server's defaults for unset numbers.
fn probe(p: &Value) -> String {
    let n = |key: &str, default: i64| p.get(key).and_then(Value::as_i64).unwrap_or(default);
    let attrs = format!(
        "delay={}s timeout={}s period={}s successThreshold={} failureThreshold={}",
        n("initialDelaySeconds", 0),
        n("timeoutSeconds", 1),
        n("periodSeconds", 10),
        n("successThreshold", 1),
        n("failureThreshold", 3)
    );
    if let Some(exec) = p.get("exec") {
        return format!("exec {} {attrs}", go_list(exec.get("command")));
    }
    if let Some(h) = p.get("httpGet") {
        let scheme = match s(h, "scheme") {
            "" => "http".to_string(),
            other => other.to_lowercase(),
        };
        let port = h.get("port").map(port_string).unwrap_or_default();
        let host = if port.is_empty() {
            s(h, "host").to_string()
        } else {
            format!("{}:{port}", s(h, "host"))
        };
        return format!("http-get {scheme}://{host}{} {attrs}", s(h, "path"));
    }
    if let Some(t) = p.get("tcpSocket") {
        let port = t.get("port").map(port_string).unwrap_or_default();
        return format!("tcp-socket {}:{port} {attrs}", s(t, "host"));
    }
    if let Some(g) = p.get("grpc") {
        let port = g.get("port").map(port_string).unwrap_or_default();
        return format!("grpc <pod>:{port} {} {attrs}", s(g, "service"));
    }
    format!("unknown {attrs}")
}

fn ports(c: &Container, host: bool) -> String {
    c.ports
        .iter()
        .map(|p| {
            let number = if host {
                p.host_port.unwrap_or(0)
            } else {
                p.container_port
            };
            let protocol = if p.protocol.is_empty() {
                "TCP"
            } else {
                &p.protocol
            };
            if p.name.is_empty() {
                format!("{number}/{protocol}")
            } else {
                format!("{number}/{protocol} ({})", p.name)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn describe_state(w: &mut Writer, title: &str, state: &ContainerState) {
    if let Some(r) = &state.running {
        w.line(2, &format!("{title}:\tRunning"));
        w.line(3, &format!("Started:\t{}", rfc1123z_or_zero(r.started_at)));
    } else if let Some(wt) = &state.waiting {
        w.line(2, &format!("{title}:\tWaiting"));
        if !wt.reason.is_empty() {
            w.line(3, &format!("Reason:\t{}", wt.reason));
        }
    } else if let Some(t) = &state.terminated {
        w.line(2, &format!("{title}:\tTerminated"));
        if !t.reason.is_empty() {
            w.line(3, &format!("Reason:\t{}", t.reason));
        }
        if !t.message.is_empty() {
            w.line(3, &format!("Message:\t{}", t.message));
        }
        w.line(3, &format!("Exit Code:\t{}", t.exit_code));
        w.line(3, &format!("Started:\t{}", rfc1123z_or_zero(t.started_at)));
        w.line(
            3,
            &format!("Finished:\t{}", rfc1123z_or_zero(t.finished_at)),
        );
    } else {
        w.line(2, &format!("{title}:\tWaiting"));
    }
}

fn describe_env(w: &mut Writer, c: &Container) {
    let env = list(&c.extra, "env");
    if env.is_empty() {
        w.line(2, "Environment:\t<none>");
        return;
    }
    w.line(2, "Environment:");
    for e in env {
        let name = s(e, "name");
        let Some(from) = e.get("valueFrom") else {
            for (i, part) in s(e, "value").split('\n').enumerate() {
                if i == 0 {
                    w.line(3, &format!("{name}:\t{part}"));
                } else {
                    w.line(3, &format!("\t{part}"));
                }
            }
            continue;
        };
        let optional = |r: &Value| r.get("optional").and_then(Value::as_bool).unwrap_or(false);
        if let Some(f) = from.get("fieldRef") {
            let api = match s(f, "apiVersion") {
                "" => "v1",
                v => v,
            };
            // The value is resolved from the pod only; a template shows it empty.
            w.line(3, &format!("{name}:\t ({api}:{})", s(f, "fieldPath")));
        } else if let Some(r) = from.get("resourceFieldRef") {
            w.line(3, &format!("{name}:\t ({})", s(r, "resource")));
        } else if let Some(r) = from.get("secretKeyRef") {
            w.line(
                3,
                &format!(
                    "{name}:\t<set to the key '{}' in secret '{}'>\tOptional: {}",
                    s(r, "key"),
                    s(r, "name"),
                    optional(r)
                ),
            );
        } else if let Some(r) = from.get("configMapKeyRef") {
            w.line(
                3,
                &format!(
                    "{name}:\t<set to the key '{}' of config map '{}'>\tOptional: {}",
                    s(r, "key"),
                    s(r, "name"),
                    optional(r)
                ),
            );
        }
    }
}

fn describe_mounts(w: &mut Writer, c: &Container) {
    let mut mounts: Vec<&Value> = list(&c.extra, "volumeMounts").iter().collect();
    if mounts.is_empty() {
        w.line(2, "Mounts:\t<none>");
        return;
    }
    w.line(2, "Mounts:");
    crate::sort::sort_by(&mut mounts, |a, b| s(a, "mountPath").cmp(s(b, "mountPath")));
    for m in mounts {
        let ro = m.get("readOnly").and_then(Value::as_bool).unwrap_or(false);
        let mut flags = vec![if ro {
            "ro".to_string()
        } else {
            "rw".to_string()
        }];
        if !s(m, "subPath").is_empty() {
            flags.push(format!("path={}", crate::gofmt::quote(s(m, "subPath"))));
        }
        w.line(
            3,
            &format!(
                "{} from {} ({})",
                s(m, "mountPath"),
                s(m, "name"),
                flags.join(",")
            ),
        );
    }
}

fn describe_resources(w: &mut Writer, c: &Container) {
    let Some(r) = &c.resources else { return };
    for (title, map) in [("Limits", &r.limits), ("Requests", &r.requests)] {
        if map.is_empty() {
            continue;
        }
        w.line(2, &format!("{title}:"));
        for (name, q) in map {
            w.line(3, &format!("{name}:\t{}", canonical(q)));
        }
    }
}

/// `describeContainers`: `space` is `""` for a pod and `"  "` in a pod template.
pub(super) fn describe_containers(
    w: &mut Writer,
    label: &str,
    containers: &[Container],
    statuses: &[ContainerStatus],
    space: &str,
) {
    let none = if containers.is_empty() { " <none>" } else { "" };
    w.line(0, &format!("{space}{label}:{none}"));
    for c in containers {
        let status = statuses.iter().find(|st| st.name == c.name);
        let name_indent = if space.is_empty() { "" } else { " " };
        w.line(1, &format!("{name_indent}{}:", c.name));
        if let Some(st) = status {
            w.line(2, &format!("Container ID:\t{}", st.container_id));
        }
        w.line(2, &format!("Image:\t{}", c.image));
        if let Some(st) = status {
            w.line(2, &format!("Image ID:\t{}", st.image_id));
        }
        let p = ports(c, false);
        if p.contains(',') {
            w.line(2, &format!("Ports:\t{p}"));
        } else {
            w.line(
                2,
                &format!("Port:\t{}", if p.is_empty() { "<none>" } else { &p }),
            );
        }
        let hp = ports(c, true);
        if hp.contains(',') {
            w.line(2, &format!("Host Ports:\t{hp}"));
        } else {
            w.line(
                2,
                &format!("Host Port:\t{}", if hp.is_empty() { "<none>" } else { &hp }),
            );
        }
        for (key, title) in [("command", "Command"), ("args", "Args")] {
            let items = list(&c.extra, key);
            if !items.is_empty() {
                w.line(2, &format!("{title}:"));
                for item in items.iter().filter_map(Value::as_str) {
                    for part in item.split('\n') {
                        w.line(3, part);
                    }
                }
            }
        }
        if let Some(st) = status {
            describe_state(w, "State", &st.state);
            if st.last_state.terminated.is_some() {
                describe_state(w, "Last State", &st.last_state);
            }
            w.line(
                2,
                &format!("Ready:\t{}", if st.ready { "True" } else { "False" }),
            );
            w.line(2, &format!("Restart Count:\t{}", st.restart_count));
        }
        describe_resources(w, c);
        if let Some(p) = c.extra.get("livenessProbe") {
            w.line(2, &format!("Liveness:\t{}", probe(p)));
        }
        if let Some(p) = &c.readiness_probe {
            let v = serde_json::to_value(p).unwrap_or(Value::Null);
            w.line(2, &format!("Readiness:\t{}", probe(&v)));
        }
        if let Some(p) = c.extra.get("startupProbe") {
            w.line(2, &format!("Startup:\t{}", probe(p)));
        }
        describe_env(w, c);
        describe_mounts(w, c);
    }
}

/// `describeVolumes`.
pub(super) fn describe_volumes(w: &mut Writer, volumes: &[Value], space: &str) {
    if volumes.is_empty() {
        w.line(0, &format!("{space}Volumes:\t<none>"));
        return;
    }
    w.line(0, &format!("{space}Volumes:"));
    let name_indent = if space.is_empty() { "" } else { " " };
    let optional = |v: &Value| v.get("optional").and_then(Value::as_bool).unwrap_or(false);
    for v in volumes {
        w.line(1, &format!("{name_indent}{}:", s(v, "name")));
        if let Some(h) = v.get("hostPath") {
            // The API server defaults an absent type to "" (HostPathUnset).
            w.line(2, "Type:\tHostPath (bare host directory volume)");
            w.line(2, &format!("Path:\t{}", s(h, "path")));
            w.line(2, &format!("HostPathType:\t{}", s(h, "type")));
        } else if let Some(e) = v.get("emptyDir") {
            let limit = match e.get("sizeLimit").map(port_string) {
                Some(l) if !l.is_empty() && l != "0" => l,
                _ => "<unset>".into(),
            };
            w.line(
                2,
                "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
            );
            w.line(2, &format!("Medium:\t{}", s(e, "medium")));
            w.line(2, &format!("SizeLimit:\t{limit}"));
        } else if let Some(sec) = v.get("secret") {
            w.line(2, "Type:\tSecret (a volume populated by a Secret)");
            w.line(2, &format!("SecretName:\t{}", s(sec, "secretName")));
            w.line(2, &format!("Optional:\t{}", optional(sec)));
        } else if let Some(cm) = v.get("configMap") {
            w.line(2, "Type:\tConfigMap (a volume populated by a ConfigMap)");
            w.line(2, &format!("Name:\t{}", s(cm, "name")));
            w.line(2, &format!("Optional:\t{}", optional(cm)));
        } else {
            w.line(1, "<unknown>");
        }
    }
}

/// The pod's volumes as written in the manifest.
pub(super) fn volumes(spec_extra: &Extra) -> &[Value] {
    list(spec_extra, "volumes")
}

/// `DescribePodTemplate`.
pub(super) fn describe_template(w: &mut Writer, t: &PodTemplateSpec) {
    w.line(0, "Pod Template:");
    labels_multiline(w, "  ", "Labels", &t.metadata.labels);
    if !t.metadata.annotations.is_empty() {
        super::annotations_multiline(w, "  Annotations", &t.metadata.annotations);
    }
    let sa = t
        .spec
        .extra
        .get("serviceAccountName")
        .and_then(Value::as_str)
        .unwrap_or("");
    if !sa.is_empty() {
        w.line(1, &format!("Service Account:\t{sa}"));
    }
    if !t.spec.init_containers.is_empty() {
        describe_containers(w, "Init Containers", &t.spec.init_containers, &[], "  ");
    }
    describe_containers(w, "Containers", &t.spec.containers, &[], "  ");
    describe_volumes(w, volumes(&t.spec.extra), "  ");
    if !t.spec.priority_class_name.is_empty() {
        w.line(
            1,
            &format!("Priority Class Name:\t{}", t.spec.priority_class_name),
        );
    }
    labels_multiline(w, "  ", "Node-Selectors", &t.spec.node_selector);
    tolerations_multiline(w, "  ", "Tolerations", &t.spec.tolerations);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_quantities() {
        let q = |s: &str| canonical(&Quantity(s.into()));
        assert_eq!(q("100m"), "100m");
        assert_eq!(q("0.1"), "100m");
        assert_eq!(q("1000m"), "1");
        assert_eq!(q("200Mi"), "200Mi");
        assert_eq!(q("1024Ki"), "1Mi");
        assert_eq!(q("2000"), "2k");
        assert_eq!(q("0"), "0");
    }

    #[test]
    fn probes_with_defaults() {
        let p: Value = serde_json::json!({"httpGet": {"path": "/healthz", "port": 8080}, "initialDelaySeconds": 5});
        assert_eq!(
            probe(&p),
            "http-get http://:8080/healthz delay=5s timeout=1s period=10s successThreshold=1 failureThreshold=3"
        );
        let p: Value = serde_json::json!({"exec": {"command": ["cat", "/tmp/ok"]}});
        assert!(probe(&p).starts_with("exec [cat /tmp/ok] delay=0s"));
    }
}

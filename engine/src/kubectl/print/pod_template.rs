//! `DescribePodTemplate` and what the pod describer shares with it (`describeContainers`,
//! `describeVolumes`; kubectl `pkg/describe/describe.go`): one describer for `kubectl describe
//! ds|pod` (through the tabwriter) and `kubectl rollout history --revision` (`printTemplate`:
//! through a plain [`Writer`], so the tabs stay tabs). Fields the simulator does not model
//! (command, env, mounts, volumes, the other probes) are read from the manifest as given.

use super::describe::{
    Writer, annotations_multiline, canonical, labels_multiline, rfc1123z_or_zero,
    tolerations_multiline,
};
use crate::api::encode;
use crate::api::{Container, ContainerState, ContainerStatus, Extra, PodTemplateSpec, Quantity};
use serde_json::Value;

/// Whose copy of a template is described. The simulator keeps templates without the defaults
/// the API server gives fields the simulator does not model. `kubectl describe` shows an object
/// as the server returns it, so those are filled in; `rollout history` shows a revision's data
/// as kept. (Quantities are stored in canonical form from the start, in both.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// An object read from the API server (`kubectl describe`): `hostPath.type` and
    /// `fieldRef.apiVersion` defaulted.
    Server,
    /// A ControllerRevision's template (`kubectl rollout history --revision`), as written.
    Revision,
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

/// The strings of a `[]string` field.
fn strings(v: Option<&Value>) -> Vec<&str> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn port_string(p: &Value) -> String {
    match p {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => String::new(),
    }
}

fn optional(r: &Value) -> bool {
    r.get("optional").and_then(Value::as_bool).unwrap_or(false)
}

/// `DescribeProbe`: the handler, then the timing parameters (the API server's defaults when
/// unset).
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
        return format!("exec [{}] {attrs}", strings(exec.get("command")).join(" "));
    }
    if let Some(h) = p.get("httpGet") {
        let scheme = match s(h, "scheme") {
            "" => "http".to_string(),
            other => other.to_lowercase(),
        };
        let port = h.get("port").map(port_string).unwrap_or_default();
        // The URL's host: `net.JoinHostPort` (an IPv6 host in brackets) when there is a port.
        let host = match (s(h, "host"), port.as_str()) {
            (host, "") => host.to_string(),
            (host, port) if host.contains(':') => format!("[{host}]:{port}"),
            (host, port) => format!("{host}:{port}"),
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

/// `describeContainerEnvFrom`, printed only when the container has `envFrom`.
fn describe_env_from(w: &mut Writer, c: &Container) {
    let sources = list(&c.extra, "envFrom");
    if sources.is_empty() {
        return;
    }
    w.line(2, "Environment Variables from:");
    for e in sources {
        let (from, r) = match (e.get("configMapRef"), e.get("secretRef")) {
            (Some(r), _) => ("ConfigMap", Some(r)),
            (None, Some(r)) => ("Secret", Some(r)),
            _ => ("", None),
        };
        let name = r.map_or("", |r| s(r, "name"));
        let optional = r.is_some_and(optional);
        match s(e, "prefix") {
            "" => w.line(3, &format!("{name}\t{from}\tOptional: {optional}")),
            prefix => w.line(
                3,
                &format!("{name}\t{from} with prefix '{prefix}'\tOptional: {optional}"),
            ),
        }
    }
}

/// `describeContainerEnvVars` without a pod to resolve field references against.
fn describe_env(w: &mut Writer, c: &Container, source: Source) {
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
        if let Some(f) = from.get("fieldRef") {
            let api = match (s(f, "apiVersion"), source) {
                ("", Source::Server) => "v1",
                (v, _) => v,
            };
            w.line(3, &format!("{name}:\t ({api}:{})", s(f, "fieldPath")));
        } else if let Some(r) = from.get("resourceFieldRef") {
            let resource = s(r, "resource");
            w.line(
                3,
                &format!(
                    "{name}:\t{} ({resource})",
                    resource_value(c, resource, r.get("divisor"))
                ),
            );
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

/// `ExtractContainerResourceValue`: the container's request or limit in units of the divisor,
/// rounded up (cpu in cores, the rest in bytes by default); an unset cpu or memory limit shows as
/// `node allocatable`.
fn resource_value(c: &Container, resource: &str, divisor: Option<&Value>) -> String {
    let Some((kind, name)) = resource.split_once('.') else {
        return String::new();
    };
    let map = c.resources.as_ref().map(|r| match kind {
        "limits" => &r.limits,
        _ => &r.requests,
    });
    let milli = map
        .and_then(|m| m.get(name))
        .and_then(|q| q.milli_value())
        .unwrap_or(0);
    let divisor_milli = match divisor {
        Some(Value::String(d)) => Quantity(d.clone()).milli_value(),
        Some(Value::Number(n)) => n.as_i64().map(|n| i128::from(n) * 1000),
        _ => None,
    }
    .filter(|d| *d > 0)
    .unwrap_or(1000);
    let value = (milli + divisor_milli - 1).div_euclid(divisor_milli);
    if value == 0 && kind == "limits" && (name == "cpu" || name == "memory") {
        return "node allocatable".into();
    }
    value.to_string()
}

/// `describeContainerVolumes`: mounts sorted by path.
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
            let q = canonical(q);
            w.line(3, &format!("{name}:\t{q}"));
        }
    }
}

/// `describeContainers`: `space` is `""` for a pod and `"  "` in a pod template.
pub(crate) fn describe_containers(
    w: &mut Writer,
    label: &str,
    containers: &[Container],
    statuses: &[ContainerStatus],
    space: &str,
    source: Source,
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
            let items = strings(c.extra.get(key));
            if !items.is_empty() {
                w.line(2, &format!("{title}:"));
                for item in items {
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
            let v = encode::to_value(p);
            w.line(2, &format!("Readiness:\t{}", probe(&v)));
        }
        if let Some(p) = c.extra.get("startupProbe") {
            w.line(2, &format!("Startup:\t{}", probe(p)));
        }
        describe_env_from(w, c);
        describe_env(w, c, source);
        describe_mounts(w, c);
    }
}

/// `describeVolumes` for hostPath, emptyDir, configMap and secret volumes.
pub(crate) fn describe_volumes(w: &mut Writer, volumes: &[Value], space: &str, source: Source) {
    if volumes.is_empty() {
        w.line(0, &format!("{space}Volumes:\t<none>"));
        return;
    }
    w.line(0, &format!("{space}Volumes:"));
    let name_indent = if space.is_empty() { "" } else { " " };
    for v in volumes {
        w.line(1, &format!("{name_indent}{}:", s(v, "name")));
        if let Some(h) = v.get("hostPath") {
            // The API server defaults an absent type to "" (HostPathUnset); kubectl prints an
            // unset one as <none>.
            let host_path_type = match (h.get("type"), source) {
                (None, Source::Revision) => "<none>",
                _ => s(h, "type"),
            };
            w.line(2, "Type:\tHostPath (bare host directory volume)");
            w.line(2, &format!("Path:\t{}", s(h, "path")));
            w.line(2, &format!("HostPathType:\t{host_path_type}"));
        } else if let Some(e) = v.get("emptyDir") {
            let limit = e
                .get("sizeLimit")
                .map(port_string)
                .filter(|l| Quantity(l.clone()).milli_value().is_some_and(|m| m > 0))
                .unwrap_or_else(|| "<unset>".into());
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
pub(crate) fn volumes(spec_extra: &Extra) -> &[Value] {
    list(spec_extra, "volumes")
}

/// `DescribePodTemplate`.
pub(crate) fn describe_template(w: &mut Writer, t: &PodTemplateSpec, source: Source) {
    w.line(0, "Pod Template:");
    labels_multiline(w, "", "  Labels", &t.metadata.labels);
    if !t.metadata.annotations.is_empty() {
        annotations_multiline(w, "  Annotations", &t.metadata.annotations);
    }
    let sa = t
        .spec
        .settings
        .extra
        .get("serviceAccountName")
        .and_then(Value::as_str)
        .unwrap_or("");
    if !sa.is_empty() {
        w.line(1, &format!("Service Account:\t{sa}"));
    }
    if !t.spec.settings.init_containers.is_empty() {
        let init = &t.spec.settings.init_containers;
        describe_containers(w, "Init Containers", init, &[], "  ", source);
    }
    describe_containers(w, "Containers", &t.spec.containers, &[], "  ", source);
    describe_volumes(w, volumes(&t.spec.settings.extra), "  ", source);
    if !t.spec.settings.priority_class_name.is_empty() {
        w.line(
            1,
            &format!(
                "Priority Class Name:\t{}",
                t.spec.settings.priority_class_name
            ),
        );
    }
    labels_multiline(w, "", "  Node-Selectors", &t.spec.settings.node_selector);
    tolerations_multiline(w, "", "  Tolerations", &t.spec.tolerations);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Toleration;
    use crate::testutil;

    /// The template as `rollout history --revision` prints it.
    fn describe(t: &PodTemplateSpec) -> String {
        let mut w = Writer::plain();
        describe_template(&mut w, t, Source::Revision);
        w.finish()
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

    #[test]
    fn template_as_kubectl_describes_it() {
        let mut ds = testutil::daemonset("x", testutil::labels(&[("app", "x")]), "c", "img:1");
        let t = &mut ds.spec.template;
        t.spec.tolerations = vec![
            Toleration::exists("node-role.kubernetes.io/control-plane", "NoSchedule"),
            Toleration::exists("", ""),
        ]
        .into();
        t.spec.settings.extra.insert(
            "volumes".into(),
            serde_json::json!([{"name": "varlog", "hostPath": {"path": "/var/log"}}]),
        );
        t.spec.containers[0].extra.insert(
            "volumeMounts".into(),
            serde_json::json!([{"name": "varlog", "mountPath": "/var/log", "readOnly": true}]),
        );
        assert_eq!(
            describe(t),
            "Pod Template:\n  Labels:\tapp=x\n  Containers:\n   c:\n    Image:\timg:1\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\n      /var/log from varlog (ro)\n  Volumes:\n   varlog:\n    Type:\tHostPath (bare host directory volume)\n    Path:\t/var/log\n    HostPathType:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\top=Exists\n\tnode-role.kubernetes.io/control-plane:NoSchedule op=Exists\n"
        );
    }

    #[test]
    fn containers_with_probes_env_resources_and_ports() {
        let mut t: PodTemplateSpec = serde_json::from_value(serde_json::json!({
            "metadata": {"labels": {"app": "x"}, "annotations": {"a": "1"}},
            "spec": {
                "serviceAccountName": "agent",
                "containers": [{
                    "name": "c",
                    "image": "img",
                    "command": ["/bin/agent", "--v=2"],
                    "ports": [{"containerPort": 80, "protocol": "TCP", "name": "http"},
                              {"containerPort": 53, "hostPort": 53, "protocol": "UDP"}],
                    "resources": {"limits": {"memory": "200Mi"}, "requests": {"cpu": "100m"}},
                    "readinessProbe": {"httpGet": {"path": "/healthz", "port": 8080}},
                    "livenessProbe": {"tcpSocket": {"port": 80}, "periodSeconds": 5},
                    "envFrom": [{"configMapRef": {"name": "cfg"}}],
                    "env": [
                        {"name": "A", "value": "b"},
                        {"name": "NODE", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "spec.nodeName"}}},
                        {"name": "CPU", "valueFrom": {"resourceFieldRef": {"resource": "limits.cpu"}}},
                        {"name": "S", "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}}
                    ]
                }],
                "nodeSelector": {"disk": "ssd"}
            }
        }))
        .unwrap();
        t.spec.tolerations = vec![Toleration {
            key: "k".into(),
            operator: "Equal".into(),
            value: "v".into(),
            effect: "NoExecute".into(),
            toleration_seconds: Some(30),
        }]
        .into();
        assert_eq!(
            describe(&t),
            "Pod Template:
  Labels:\tapp=x
  Annotations:\ta: 1
  Service Account:\tagent
  Containers:
   c:
    Image:\timg
    Ports:\t80/TCP (http), 53/UDP
    Host Ports:\t0/TCP (http), 53/UDP
    Command:
      /bin/agent
      --v=2
    Limits:
      memory:\t200Mi
    Requests:
      cpu:\t100m
    Liveness:\ttcp-socket :80 delay=0s timeout=1s period=5s successThreshold=1 failureThreshold=3
    Readiness:\thttp-get http://:8080/healthz delay=0s timeout=1s period=10s successThreshold=1 failureThreshold=3
    Environment Variables from:
      cfg\tConfigMap\tOptional: false
    Environment:
      A:\tb
      NODE:\t (v1:spec.nodeName)
      CPU:\tnode allocatable (limits.cpu)
      S:\t<set to the key 'k' in secret 's'>\tOptional: false
    Mounts:\t<none>
  Volumes:\t<none>
  Node-Selectors:\tdisk=ssd
  Tolerations:\tk=v:NoExecute for 30s
"
        );
    }
}

//! `describe.DescribePodTemplate` as `rollout history --revision` prints it (`printTemplate`):
//! through a plain `PrefixWriter`, without a tabwriter, so the tabs stay tabs.
//!
//! A subset of the describer: labels, annotations, service account, containers (image, ports,
//! command, args, resources, probes, environment values, mounts), the common volume types,
//! node selectors and tolerations. Quantities print as written in the manifest, not
//! canonicalised. (The `kubectl describe` work has a fuller template describer; the two can
//! become one.)

use crate::api::{Container, PodTemplateSpec, StringMap, Toleration};
use serde_json::Value;

/// kubectl's `maxAnnotationLen`.
const MAX_ANNOTATION_LEN: usize = 140;
const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

pub(super) fn describe(t: &PodTemplateSpec) -> String {
    let mut w = String::new();
    w.push_str("Pod Template:\n");
    labels(&mut w, "  Labels", &t.metadata.labels);
    if !t.metadata.annotations.is_empty() {
        annotations(&mut w, "  Annotations", &t.metadata.annotations);
    }
    if let Some(Value::String(sa)) = t.spec.extra.get("serviceAccountName")
        && !sa.is_empty()
    {
        w.push_str(&format!("  Service Account:\t{sa}\n"));
    }
    if !t.spec.init_containers.is_empty() {
        containers(&mut w, "Init Containers", &t.spec.init_containers);
    }
    containers(&mut w, "Containers", &t.spec.containers);
    volumes(&mut w, t.spec.extra.get("volumes"));
    if !t.spec.priority_class_name.is_empty() {
        w.push_str(&format!(
            "  Priority Class Name:\t{}\n",
            t.spec.priority_class_name
        ));
    }
    labels(&mut w, "  Node-Selectors", &t.spec.node_selector);
    tolerations(&mut w, "  Tolerations", &t.spec.tolerations);
    w
}

/// `printLabelsMultiline`: sorted `k=v`, one a line, `<none>` when empty.
fn labels(w: &mut String, title: &str, labels: &StringMap) {
    w.push_str(&format!("{title}:\t"));
    if labels.is_empty() {
        w.push_str("<none>\n");
    }
    for (i, (k, v)) in labels.iter().enumerate() {
        if i > 0 {
            w.push('\t');
        }
        w.push_str(&format!("{k}={v}\n"));
    }
}

/// `printAnnotationsMultiline`: long or multi-line values go on their own lines.
fn annotations(w: &mut String, title: &str, annotations: &StringMap) {
    w.push_str(&format!("{title}:\t"));
    let shown: Vec<(&String, &String)> = annotations
        .iter()
        .filter(|(k, _)| k.as_str() != LAST_APPLIED)
        .collect();
    if shown.is_empty() {
        w.push_str("<none>\n");
    }
    for (i, (k, v)) in shown.into_iter().enumerate() {
        if i > 0 {
            w.push('\t');
        }
        let value = v.strip_suffix('\n').unwrap_or(v);
        if value.len() + k.len() + 2 > MAX_ANNOTATION_LEN || value.contains('\n') {
            w.push_str(&format!("{k}:\n"));
            for line in value.split('\n') {
                w.push_str(&format!("\t  {}\n", shorten(line, MAX_ANNOTATION_LEN - 2)));
            }
        } else {
            w.push_str(&format!("{k}: {value}\n"));
        }
    }
}

/// Go's byte-based `s[:max] + "..."`, cut at a character boundary.
fn shorten(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &s[..end])
}

fn containers(w: &mut String, label: &str, list: &[Container]) {
    let none = if list.is_empty() { " <none>" } else { "" };
    w.push_str(&format!("  {label}:{none}\n"));
    for c in list {
        w.push_str(&format!("   {}:\n", c.name));
        w.push_str(&format!("    Image:\t{}\n", c.image));
        let ports = join_ports(c, |p| i64::from(p.container_port));
        let host_ports = join_ports(c, |p| i64::from(p.host_port.unwrap_or(0)));
        for (one, many, value) in [
            ("Port", "Ports", ports),
            ("Host Port", "Host Ports", host_ports),
        ] {
            if value.contains(',') {
                w.push_str(&format!("    {many}:\t{value}\n"));
            } else {
                let value = if value.is_empty() { "<none>" } else { &value };
                w.push_str(&format!("    {one}:\t{value}\n"));
            }
        }
        for (title, key) in [("Command", "command"), ("Args", "args")] {
            let items = strings(c.extra.get(key));
            if !items.is_empty() {
                w.push_str(&format!("    {title}:\n"));
                for item in items {
                    for line in item.split('\n') {
                        w.push_str(&format!("      {line}\n"));
                    }
                }
            }
        }
        if let Some(r) = &c.resources {
            for (title, map) in [("Limits", &r.limits), ("Requests", &r.requests)] {
                if !map.is_empty() {
                    w.push_str(&format!("    {title}:\n"));
                }
                for (name, q) in map {
                    w.push_str(&format!("      {name}:\t{}\n", q.0));
                }
            }
        }
        if let Some(p) = c.extra.get("livenessProbe") {
            w.push_str(&format!("    Liveness:\t{}\n", probe(p)));
        }
        if let Some(p) = &c.readiness_probe {
            let v = serde_json::to_value(p).unwrap_or(Value::Null);
            w.push_str(&format!("    Readiness:\t{}\n", probe(&v)));
        }
        if let Some(p) = c.extra.get("startupProbe") {
            w.push_str(&format!("    Startup:\t{}\n", probe(p)));
        }
        env_from(w, c.extra.get("envFrom"));
        env(w, c);
        mounts(w, c.extra.get("volumeMounts"));
    }
}

fn join_ports(c: &Container, port: impl Fn(&crate::api::ContainerPort) -> i64) -> String {
    c.ports
        .iter()
        .map(|p| {
            let protocol = if p.protocol.is_empty() {
                "TCP"
            } else {
                &p.protocol
            };
            let s = format!("{}/{protocol}", port(p));
            if p.name.is_empty() {
                s
            } else {
                format!("{s} ({})", p.name)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().unwrap_or_default().to_string())
            .collect(),
        _ => Vec::new(),
    }
}

fn int(v: &Value, key: &str, default: i64) -> i64 {
    v.get(key).and_then(Value::as_i64).unwrap_or(default)
}

/// `DescribeProbe`: the handler, then the timing parameters (API defaults when unset).
fn probe(p: &Value) -> String {
    let attrs = format!(
        "delay={}s timeout={}s period={}s successThreshold={} failureThreshold={}",
        int(p, "initialDelaySeconds", 0),
        int(p, "timeoutSeconds", 1),
        int(p, "periodSeconds", 10),
        int(p, "successThreshold", 1),
        int(p, "failureThreshold", 3)
    );
    let text = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    if let Some(exec) = p.get("exec") {
        let cmd = strings(exec.get("command")).join(" ");
        return format!("exec [{cmd}] {attrs}");
    }
    if let Some(h) = p.get("httpGet") {
        let scheme = h
            .get("scheme")
            .and_then(Value::as_str)
            .unwrap_or("HTTP")
            .to_lowercase();
        let (host, port) = (text(h, "host"), port_value(h.get("port")));
        // Go's net.JoinHostPort brackets IPv6 hosts.
        let host = if host.contains(':') {
            format!("[{host}]")
        } else {
            host
        };
        return format!(
            "http-get {scheme}://{host}:{port}{} {attrs}",
            text(h, "path")
        );
    }
    if let Some(t) = p.get("tcpSocket") {
        return format!(
            "tcp-socket {}:{} {attrs}",
            text(t, "host"),
            port_value(t.get("port"))
        );
    }
    if let Some(g) = p.get("grpc") {
        return format!(
            "grpc <pod>:{} {} {attrs}",
            port_value(g.get("port")),
            text(g, "service")
        );
    }
    format!("unknown {attrs}")
}

fn port_value(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// `describeContainerEnvFrom`, printed only when the container has `envFrom`.
fn env_from(w: &mut String, v: Option<&Value>) {
    let Some(Value::Array(sources)) = v else {
        return;
    };
    if sources.is_empty() {
        return;
    }
    w.push_str("    Environment Variables from:\n");
    for e in sources {
        let (from, r) = match (e.get("configMapRef"), e.get("secretRef")) {
            (Some(r), _) => ("ConfigMap", Some(r)),
            (None, Some(r)) => ("Secret", Some(r)),
            _ => ("", None),
        };
        let name = r
            .and_then(|r| r.get("name"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        let optional = r.is_some_and(optional);
        match e
            .get("prefix")
            .and_then(Value::as_str)
            .filter(|p| !p.is_empty())
        {
            None => w.push_str(&format!("      {name}\t{from}\tOptional: {optional}\n")),
            Some(prefix) => w.push_str(&format!(
                "      {name}\t{from} with prefix '{prefix}'\tOptional: {optional}\n"
            )),
        }
    }
}

fn optional(r: &Value) -> bool {
    r.get("optional").and_then(Value::as_bool).unwrap_or(false)
}

/// `describeContainerEnvVars` for a template (no pod to resolve field references against).
fn env(w: &mut String, c: &Container) {
    let vars = match c.extra.get("env") {
        Some(Value::Array(vars)) if !vars.is_empty() => vars,
        _ => {
            w.push_str("    Environment:\t<none>\n");
            return;
        }
    };
    w.push_str("    Environment:\n");
    let text = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    for e in vars {
        let name = text(e, "name");
        let Some(from) = e.get("valueFrom") else {
            for (i, line) in text(e, "value").split('\n').enumerate() {
                if i == 0 {
                    w.push_str(&format!("      {name}:\t{line}\n"));
                } else {
                    w.push_str(&format!("      \t{line}\n"));
                }
            }
            continue;
        };
        if let Some(f) = from.get("fieldRef") {
            w.push_str(&format!(
                "      {name}:\t ({}:{})\n",
                text(f, "apiVersion"),
                text(f, "fieldPath")
            ));
        } else if let Some(r) = from.get("resourceFieldRef") {
            let resource = text(r, "resource");
            w.push_str(&format!(
                "      {name}:\t{} ({resource})\n",
                resource_value(c, &resource, r.get("divisor"))
            ));
        } else if let Some(r) = from.get("secretKeyRef") {
            w.push_str(&format!(
                "      {name}:\t<set to the key '{}' in secret '{}'>\tOptional: {}\n",
                text(r, "key"),
                text(r, "name"),
                optional(r)
            ));
        } else if let Some(r) = from.get("configMapKeyRef") {
            w.push_str(&format!(
                "      {name}:\t<set to the key '{}' of config map '{}'>\tOptional: {}\n",
                text(r, "key"),
                text(r, "name"),
                optional(r)
            ));
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
        Some(Value::String(d)) => crate::api::Quantity(d.clone()).milli_value(),
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
fn mounts(w: &mut String, v: Option<&Value>) {
    let mut list: Vec<&Value> = match v {
        Some(Value::Array(m)) => m.iter().collect(),
        _ => Vec::new(),
    };
    if list.is_empty() {
        w.push_str("    Mounts:\t<none>\n");
        return;
    }
    w.push_str("    Mounts:\n");
    let get = |m: &Value, k: &str| {
        m.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    crate::sort::sort_by_key(&mut list, |m| get(m, "mountPath"));
    for m in list {
        let mut flags = vec![
            if m.get("readOnly").and_then(Value::as_bool) == Some(true) {
                "ro".to_string()
            } else {
                "rw".to_string()
            },
        ];
        let sub = get(m, "subPath");
        if !sub.is_empty() {
            flags.push(format!("path={}", crate::gofmt::quote(&sub)));
        }
        w.push_str(&format!(
            "      {} from {} ({})\n",
            get(m, "mountPath"),
            get(m, "name"),
            flags.join(",")
        ));
    }
}

/// `describeVolumes` for hostPath, emptyDir, configMap and secret volumes.
fn volumes(w: &mut String, v: Option<&Value>) {
    let list = match v {
        Some(Value::Array(list)) if !list.is_empty() => list,
        _ => {
            w.push_str("  Volumes:\t<none>\n");
            return;
        }
    };
    w.push_str("  Volumes:\n");
    let s = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    for vol in list {
        w.push_str(&format!("   {}:\n", s(vol, "name")));
        if let Some(h) = vol.get("hostPath") {
            let t = s(h, "type");
            let t = if h.get("type").is_none() {
                "<none>".into()
            } else {
                t
            };
            w.push_str(&format!(
                "    Type:\tHostPath (bare host directory volume)\n    Path:\t{}\n    HostPathType:\t{t}\n",
                s(h, "path")
            ));
        } else if let Some(e) = vol.get("emptyDir") {
            let limit = match e.get("sizeLimit") {
                Some(Value::String(q))
                    if crate::api::Quantity(q.clone())
                        .milli_value()
                        .is_some_and(|m| m > 0) =>
                {
                    q.clone()
                }
                _ => "<unset>".into(),
            };
            w.push_str(&format!(
                "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t{}\n    SizeLimit:\t{limit}\n",
                s(e, "medium")
            ));
        } else if let Some(sec) = vol.get("secret") {
            w.push_str(&format!(
                "    Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{}\n    Optional:\t{}\n",
                s(sec, "secretName"),
                optional(sec)
            ));
        } else if let Some(cm) = vol.get("configMap") {
            w.push_str(&format!(
                "    Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{}\n    Optional:\t{}\n",
                s(cm, "name"),
                optional(cm)
            ));
        } else {
            w.push_str("  <unknown>\n");
        }
    }
}

/// `printPodTolerationsMultiline`: sorted by key (stable here).
fn tolerations(w: &mut String, title: &str, list: &[Toleration]) {
    w.push_str(&format!("{title}:\t"));
    if list.is_empty() {
        w.push_str("<none>\n");
        return;
    }
    let mut sorted: Vec<&Toleration> = list.iter().collect();
    crate::sort::sort_by(&mut sorted, |a, b| a.key.cmp(&b.key));
    for (i, t) in sorted.into_iter().enumerate() {
        if i > 0 {
            w.push('\t');
        }
        w.push_str(&t.key);
        if !t.value.is_empty() {
            w.push_str(&format!("={}", t.value));
        }
        if !t.effect.is_empty() {
            w.push_str(&format!(":{}", t.effect));
        }
        if t.operator == "Exists" && t.value.is_empty() {
            if !t.key.is_empty() || !t.effect.is_empty() {
                w.push_str(" op=Exists");
            } else {
                w.push_str("op=Exists");
            }
        }
        if let Some(s) = t.toleration_seconds {
            w.push_str(&format!(" for {s}s"));
        }
        w.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil;

    #[test]
    fn template_as_kubectl_describes_it() {
        let mut ds = testutil::daemonset("x", testutil::labels(&[("app", "x")]), "c", "img:1");
        let t = &mut ds.spec.template;
        t.spec.tolerations = vec![
            Toleration::exists("node-role.kubernetes.io/control-plane", "NoSchedule"),
            Toleration::exists("", ""),
        ];
        t.spec.extra.insert(
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
        }];
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

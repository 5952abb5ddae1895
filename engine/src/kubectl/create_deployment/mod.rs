//! `kubectl create deployment NAME --image=IMAGE… [--replicas=N] [--port=P]` (kubectl
//! `pkg/cmd/create/create_deployment.go`): a Deployment labelled and selected by `app=NAME`,
//! one container per image named after the image, created through the API server, or with
//! `--dry-run=client [-o yaml|json|name]` printed as kubectl generated it and not sent.

mod parse;
pub(super) use parse::parse;

use super::print::json::to_json;
use super::print::yaml::to_yaml;
use super::{Context, KError, NamespaceScope, Out};
use crate::api::encode;
use crate::api::{
    Container, ContainerPort, Deployment, DeploymentSpec, LabelSelector, ObjectMeta,
    PodTemplateSpec, StringMap,
};

/// The options of `kubectl create deployment` (kubectl's `CreateDeploymentOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateDeploymentOptions {
    pub name: String,
    /// `--image`, in order.
    pub images: Vec<String>,
    /// `--replicas`.
    pub replicas: i64,
    /// `--port` (-1: none), on the first container.
    pub port: i64,
    /// `-n`.
    pub namespace: NamespaceScope,
    /// `--dry-run=client`: print the object instead of creating it.
    pub dry_run: bool,
    /// `-o` (with `--dry-run=client`).
    pub output: Option<DryRunOutput>,
}

/// The `-o` formats of a client dry run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DryRunOutput {
    Yaml,
    Json,
    Name,
}

/// `buildPodSpec`'s container names: the image's last path segment without tag or digest,
/// `_` made `-`; a name seen before gets a numbered suffix (kubectl adds a random one).
fn container_names(images: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for image in images {
        let last = image.rsplit('/').next().unwrap_or(image);
        let base = last
            .split([':', '@'])
            .next()
            .unwrap_or(last)
            .replace('_', "-");
        let mut name = base.clone();
        let mut n = 1;
        while names.contains(&name) {
            n += 1;
            name = format!("{base}-{n}");
        }
        names.push(name);
    }
    names
}

/// The Deployment kubectl generates.
fn generate(o: &CreateDeploymentOptions) -> Deployment {
    let labels: StringMap = [("app".to_string(), o.name.clone())].into_iter().collect();
    let mut containers: Vec<Container> = container_names(&o.images)
        .into_iter()
        .zip(&o.images)
        .map(|(name, image)| Container {
            name,
            image: image.clone(),
            ..Default::default()
        })
        .collect();
    if let (Ok(port), Some(first)) = (i32::try_from(o.port), containers.first_mut())
        && port >= 0
    {
        first.ports = vec![ContainerPort {
            container_port: port,
            ..Default::default()
        }];
    }
    let mut template = PodTemplateSpec::default();
    template.metadata.labels = labels.clone().into();
    template.spec.containers = containers.into();
    Deployment {
        api_version: "apps/v1".into(),
        kind: "Deployment".into(),
        metadata: ObjectMeta {
            name: o.name.as_str().into(),
            namespace: o.namespace.namespace().unwrap_or("default").into(),
            labels: labels.clone().into(),
            ..Default::default()
        },
        spec: DeploymentSpec {
            replicas: Some(o.replicas),
            selector: Some(LabelSelector {
                match_labels: Some(labels),
                ..Default::default()
            }),
            template,
            ..Default::default()
        },
        status: Default::default(),
    }
}

/// The object a client dry run prints: what kubectl generated, never defaulted by a server.
/// Go's encoder writes the struct fields without `omitempty` even when empty (`strategy`,
/// `resources`, `status`), and a namespace only when `-n` set one (`EnforceNamespace`).
fn dry_run_object(o: &CreateDeploymentOptions) -> serde_json::Value {
    let mut value = encode::to_value(&generate(o));
    if !matches!(o.namespace, NamespaceScope::Named(_))
        && let Some(meta) = value["metadata"].as_object_mut()
    {
        meta.remove("namespace");
    }
    let empty = || serde_json::Value::Object(Default::default());
    if let Some(spec) = value["spec"].as_object_mut() {
        spec.entry("strategy").or_insert_with(empty);
    }
    if let Some(containers) = value["spec"]["template"]["spec"]["containers"].as_array_mut() {
        for c in containers.iter_mut().filter_map(|c| c.as_object_mut()) {
            c.entry("resources").or_insert_with(empty);
        }
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("status".into(), empty());
    }
    value
}

pub(super) fn run(ctx: &mut Context<'_>, o: &CreateDeploymentOptions, out: &mut Out) {
    if o.dry_run {
        match o.output {
            None => out.line(format!("deployment.apps/{} created (dry run)", o.name)),
            Some(DryRunOutput::Name) => out.line(format!("deployment.apps/{}", o.name)),
            Some(DryRunOutput::Yaml) => out.text.push_str(&to_yaml(&dry_run_object(o))),
            Some(DryRunOutput::Json) => out.text.push_str(&to_json(&dry_run_object(o))),
        }
        return;
    }
    match ctx.cluster.create_deployment(generate(o)) {
        Ok(()) => out.line(format!("deployment.apps/{} created", o.name)),
        Err(e) => out.error(KError::api(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// create_deployment.go `buildPodSpec`: the image's name without registry, tag or digest.
    #[test]
    fn container_names_follow_the_images() {
        let images: Vec<String> = [
            "dockercoins/rng:v0.1",
            "registry.k8s.io/pause@sha256:ab",
            "my_app",
            "x/my_app:2",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            container_names(&images),
            ["rng", "pause", "my-app", "my-app-2"]
        );
    }

    /// `--dry-run=client -o yaml` prints the generated object (create_deployment.go
    /// `createDeployment`, then the printer): no namespace without `-n`, the struct fields Go
    /// writes even when empty, no `creationTimestamp` (omitted when zero since Kubernetes 1.33,
    /// kubernetes#130989), and creates nothing.
    #[test]
    fn dry_run_client_prints_the_generated_deployment() {
        let mut session = crate::runner::Session::new();
        let out = session
            .execute(
                "kubectl create deployment kube-proxy --image=registry.aliyuncs.com/google_containers/kube-proxy:v1.17.0 --dry-run=client -o yaml",
                None,
            )
            .output;
        assert_eq!(
            out,
            "apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: kube-proxy
  name: kube-proxy
spec:
  replicas: 1
  selector:
    matchLabels:
      app: kube-proxy
  strategy: {}
  template:
    metadata:
      labels:
        app: kube-proxy
    spec:
      containers:
      - image: registry.aliyuncs.com/google_containers/kube-proxy:v1.17.0
        name: kube-proxy
        resources: {}
status: {}
"
        );
        let out = session
            .execute(
                "kubectl create deployment web --image=nginx -n web --dry-run=client",
                None,
            )
            .output;
        assert_eq!(out, "deployment.apps/web created (dry run)\n");
        let out = session.execute("kubectl get deploy -A", None).output;
        assert_eq!(out, "No resources found\n");
    }
}

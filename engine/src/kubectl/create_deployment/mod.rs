//! `kubectl create deployment NAME --image=IMAGE… [--replicas=N] [--port=P]` (kubectl
//! `pkg/cmd/create/create_deployment.go`): a Deployment labelled and selected by `app=NAME`,
//! one container per image named after the image, created through the API server.

mod parse;
pub(super) use parse::parse;

use super::{Context, KError, NamespaceScope, Out};
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
    template.metadata.labels = labels.clone();
    template.spec.containers = containers;
    Deployment {
        api_version: "apps/v1".into(),
        kind: "Deployment".into(),
        metadata: ObjectMeta {
            name: o.name.clone(),
            namespace: o.namespace.namespace().unwrap_or("default").to_string(),
            labels: labels.clone(),
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

pub(super) fn run(ctx: &mut Context<'_>, o: &CreateDeploymentOptions, out: &mut Out) {
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
}

//! `kubectl set image ds/NAME CONTAINER=IMAGE…` (kubectl `pkg/cmd/set/set_image.go`): every
//! container and init container of that name (or all, for `*`) gets the image; the change goes
//! through the API server as a patch. A name that matches no container is an error
//! (`error: unable to find container named "x"`) but the other pairs still apply; an update
//! that changes nothing prints nothing.

mod parse;
pub(super) use parse::parse_set;

use super::cmdutil::namespace_of;
use super::resource::{ResourceKind, kind_string};
use super::rollout::get_daemonset;
use super::{Context, KError, NamespaceScope, Out, quote};
use crate::api::Container;

/// The options of `kubectl set image` (kubectl's `SetImageOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetImageOptions {
    /// The DaemonSet.
    pub name: String,
    /// `(container, image)` pairs in order, one per container; container `*` means every
    /// container.
    pub images: Vec<(String, String)>,
    /// `-n`.
    pub namespace: NamespaceScope,
}

/// `setImage`: whether a container matched.
fn set(containers: &mut [Container], name: &str, image: &str) -> bool {
    let mut found = false;
    for c in containers.iter_mut() {
        if c.name == name || name == "*" {
            c.image = image.to_string();
            found = true;
        }
    }
    found
}

pub(super) fn run(ctx: &mut Context<'_>, o: &SetImageOptions, out: &mut Out) {
    let (namespace, name, images) = (&namespace_of(&o.namespace), o.name.as_str(), &o.images);
    let ds = match get_daemonset(ctx.cluster, namespace, name) {
        Ok(ds) => ds,
        Err(e) => return out.error(e),
    };
    let mut errors = Vec::new();
    let mut template = ds.spec.template.clone();
    for (container, image) in images {
        let init = set(
            &mut template.spec.settings.init_containers,
            container,
            image,
        );
        let main = set(&mut template.spec.containers, container, image);
        if !init && !main {
            errors.push(KError::plain(format!(
                "error: unable to find container named {}",
                quote(container)
            )));
        }
    }
    if template != ds.spec.template {
        match ctx
            .cluster
            .update_daemonset(namespace, name, |d| d.spec.template = template)
        {
            Ok(_) => out.line(format!(
                "{}/{name} image updated",
                kind_string(ResourceKind::DaemonSet)
            )),
            Err(e) => errors.push(KError::plain(format!(
                "failed to patch image update to pod template: {}",
                super::status_of(&e).1
            ))),
        }
    }
    out.errors(errors);
}

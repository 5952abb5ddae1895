//! `kubectl set image ds/NAME CONTAINER=IMAGE…` (kubectl `pkg/cmd/set/set_image.go`): every
//! container and init container of that name (or all, for `*`) gets the image; the change goes
//! through the API server as a patch. A name that matches no container is an error
//! (`error: unable to find container named "x"`) but the other pairs still apply; an update
//! that changes nothing prints nothing.

use super::rollout::get_daemonset;
use super::{Context, KError, Out, kind_string, quote};
use crate::api::Container;
use crate::script::ResourceKind;

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

pub(super) fn set_image(
    ctx: &mut Context<'_>,
    namespace: &str,
    name: &str,
    images: &[(String, String)],
    out: &mut Out,
) {
    let ds = match get_daemonset(ctx.cluster, namespace, name) {
        Ok(ds) => ds,
        Err(e) => return out.error(e),
    };
    let mut errors = Vec::new();
    let mut template = ds.spec.template.clone();
    for (container, image) in images {
        let init = set(&mut template.spec.init_containers, container, image);
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

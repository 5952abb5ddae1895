//! Reading `kubectl set image ds/NAME CONTAINER=IMAGE…` (kubectl `pkg/cmd/set/set_image.go`).

use super::SetImageOptions;
use crate::kubectl::builder::{Request, Target, resolve};
use crate::kubectl::cmdutil::{
    Cx, DRY_RUN, FIELD_MANAGER, PRINT_FLAGS, RECORD, SELECTOR_UNSUPPORTED, filename_flags,
    namespace_scope, not_a_command, resources_and_pairs,
};
use crate::kubectl::resource::ResourceKind;
use crate::kubectl::{GLOBAL_FLAGS, Kubectl, Parsed, Refusal};
use crate::script::flags::{FlagSpec, FlagType::*, args_minus_first, no, strip_flags};

const SET_IMAGE_FLAGS: &[FlagSpec] = &[
    PRINT_FLAGS[0],
    PRINT_FLAGS[1],
    PRINT_FLAGS[2],
    PRINT_FLAGS[3],
    RECORD,
    filename_flags(false)[0],
    filename_flags(false)[1],
    filename_flags(false)[2],
    no("all", None, Bool),
    no("local", None, Bool),
    DRY_RUN,
    FIELD_MANAGER,
    SELECTOR_UNSUPPORTED,
];

/// `kubectl set …`: only `image` is part of the language.
pub(in crate::kubectl) fn parse_set(args: &[String]) -> Result<Parsed, Refusal> {
    let Some(sub) = strip_flags(args, &[GLOBAL_FLAGS]).into_iter().next() else {
        return Err(not_a_command(
            "kubectl set needs a subcommand: image".into(),
        ));
    };
    if sub != "image" {
        return Err(not_a_command(format!(
            "kubectl set {sub} is not part of the scenario language (it has: kubectl set image)"
        )));
    }
    parse_image(&args_minus_first(args, &sub, &[GLOBAL_FLAGS]))
}

/// `cmdutil.ParsePairs(pairs, "image", false)`: `container=image` pairs, one per container.
fn parse_images(pairs: &[String]) -> Result<Vec<(String, String)>, String> {
    let mut images: Vec<(String, String)> = Vec::new();
    let mut invalid: Vec<&str> = Vec::new();
    for pair in pairs {
        match pair.split_once('=') {
            Some((container, image)) if !container.is_empty() => {
                match images.iter_mut().find(|(c, _)| c == container) {
                    Some(slot) => slot.1 = image.to_string(),
                    None => images.push((container.to_string(), image.to_string())),
                }
            }
            _ => invalid.push(pair),
        }
    }
    if !invalid.is_empty() {
        return Err(format!("invalid image format: {}", invalid.join(", ")));
    }
    Ok(images)
}

fn parse_image(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl set image");
    let f = cx.flags(args, SET_IMAGE_FLAGS)?;
    // Complete: resources, then container=image pairs, then the builder.
    let (resources, pairs) =
        resources_and_pairs(&f.positional, "image").map_err(|e| cx.plain(e))?;
    let images = parse_images(&pairs).map_err(|e| cx.plain(e))?;
    let target = resolve(&Request {
        args: &resources,
        ..Default::default()
    })
    .map_err(|e| cx.target(e))?;
    // Validate.
    if images.is_empty() {
        return Err(cx.plain("at least one image update is required"));
    }
    if images.len() > 1 && images.iter().any(|(c, _)| c == "*") {
        return Err(cx.plain(
            "all containers are already specified by *, but saw more than one container_name=container_image pairs",
        ));
    }
    let name = match target {
        Target::Named {
            kind: ResourceKind::DaemonSet,
            mut names,
        } if names.len() == 1 => names.remove(0),
        Target::Named {
            kind: ResourceKind::DaemonSet,
            ..
        } => {
            return Err(cx.unsupported("several DaemonSets at once are not supported"));
        }
        Target::Named { kind, .. } | Target::Selector { kind, .. } => {
            return Err(cx.unsupported(format!(
                "only DaemonSet images can be set in the simulator, not {}",
                kind.resource()
            )));
        }
        Target::Files(_) => return Err(cx.unsupported("-f is not supported")),
    };
    let namespace = namespace_scope(&f);
    cx.done(Kubectl::SetImage(SetImageOptions {
        name,
        images,
        namespace,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::NamespaceScope;
    use crate::kubectl::test_util::*;

    fn set_image(name: &str, images: &[(&str, &str)], namespace: NamespaceScope) -> Kubectl {
        Kubectl::SetImage(SetImageOptions {
            name: name.into(),
            images: images
                .iter()
                .map(|(c, i)| (c.to_string(), i.to_string()))
                .collect(),
            namespace,
        })
    }

    #[test]
    fn set_image_forms() {
        for line in [
            "kubectl set image ds/x app=nginx:1.25",
            "kubectl set image daemonset/x app=nginx:1.25",
            "kubectl set image daemonsets/x app=nginx:1.25",
            "kubectl set image ds x app=nginx:1.25",
        ] {
            assert_eq!(
                ok(line),
                set_image("x", &[("app", "nginx:1.25")], NamespaceScope::Default),
                "{line}"
            );
        }
        assert_eq!(
            ok("kubectl set image ds/x a=img:1 b=reg.example.com/img@sha256:abc a=img:2 -n team"),
            set_image(
                "x",
                &[("a", "img:2"), ("b", "reg.example.com/img@sha256:abc")],
                NamespaceScope::Named("team".into())
            )
        );
        assert_eq!(
            ok("kubectl set image ds/x *=busybox"),
            set_image("x", &[("*", "busybox")], NamespaceScope::Default)
        );
    }

    #[test]
    fn set_image_errors() {
        assert_eq!(
            kerr("kubectl set image ds/x"),
            "error: at least one image update is required"
        );
        assert_eq!(
            kerr("kubectl set image ds/x *=a b=c"),
            "error: all containers are already specified by *, but saw more than one container_name=container_image pairs"
        );
        assert_eq!(
            kerr("kubectl set image ds/x a=b c-"),
            "error: invalid image format: c-"
        );
        assert_eq!(
            kerr("kubectl set image ds/x a=b c"),
            "error: all resources must be specified before image changes: c"
        );
        assert_eq!(
            kerr("kubectl set image ds a=b"),
            "error: resource(s) were provided, but no name was specified"
        );
        assert!(
            kerr("kubectl set image a=b").starts_with(
                "error: You must provide one or more resources by argument or filename."
            )
        );
        assert_eq!(
            kerr("kubectl set image sts/x a=b"),
            "error: the server doesn't have a resource type \"sts\""
        );
        assert_eq!(
            kerr("kubectl set image ds/x a=b --bogus"),
            "error: unknown flag: --bogus\nSee 'kubectl set image --help' for usage."
        );
    }

    #[test]
    fn set_image_unmodelled() {
        assert!(nac("kubectl set").contains("needs a subcommand"));
        assert!(nac("kubectl set env ds/x A=B").contains("kubectl set env"));
        assert!(nac("kubectl set image pod/p a=b").contains("only DaemonSet"));
        assert!(nac("kubectl set image ds/x a=b --local").contains("--local"));
    }
}

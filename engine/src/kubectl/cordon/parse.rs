//! Reading `kubectl cordon|uncordon NODE` (kubectl `pkg/cmd/drain/drain.go`): one node, named
//! plainly or as `node/NAME` (as for `drain`).

use super::CordonOptions;
use crate::kubectl::builder::resolve_names;
use crate::kubectl::cmdutil::{Cx, DRY_RUN, SELECTOR_UNSUPPORTED};
use crate::kubectl::resource::ResourceKind;
use crate::kubectl::{Kubectl, Parsed, Refusal};
use crate::script::flags::FlagSpec;

const CORDON_FLAGS: &[FlagSpec] = &[SELECTOR_UNSUPPORTED, DRY_RUN];

/// The node of `cordon`/`uncordon`/`drain`: `Complete`'s checks, then the builder's.
pub(in crate::kubectl) fn one_node(
    cx: &Cx,
    positional: &[String],
    use_line: &str,
) -> Result<String, Refusal> {
    if positional.is_empty() {
        return Err(cx.usage(format!("USAGE: {use_line} [flags]")));
    }
    let nodes = resolve_names(ResourceKind::Node, positional).map_err(|e| cx.target(e))?;
    for (kind, _) in &nodes {
        if *kind != ResourceKind::Node {
            return Err(cx.plain(format!(
                "error: expected resource of type node, got \"{}\"",
                kind.gvr_string()
            )));
        }
    }
    match nodes.as_slice() {
        [(_, name)] => Ok(name.clone()),
        _ => Err(cx.unsupported("several nodes at once are not supported")),
    }
}

pub(in crate::kubectl) fn parse(args: &[String], cordon: bool) -> Result<Parsed, Refusal> {
    let (path, use_line) = if cordon {
        ("kubectl cordon", "cordon NODE")
    } else {
        ("kubectl uncordon", "uncordon NODE")
    };
    let mut cx = Cx::new(path);
    let f = cx.flags(args, CORDON_FLAGS)?;
    let node = one_node(&cx, &f.positional, use_line)?;
    let o = CordonOptions { node };
    cx.done(if cordon {
        Kubectl::Cordon(o)
    } else {
        Kubectl::Uncordon(o)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::test_util::*;

    #[test]
    fn cordon_and_uncordon() {
        assert_eq!(
            ok("kubectl cordon n1"),
            Kubectl::Cordon(CordonOptions { node: "n1".into() })
        );
        assert_eq!(
            ok("kubectl cordon node/n1"),
            Kubectl::Cordon(CordonOptions { node: "n1".into() })
        );
        assert_eq!(
            ok("kubectl cordon nodes/n1 -n ignored"),
            Kubectl::Cordon(CordonOptions { node: "n1".into() })
        );
        assert_eq!(
            ok("kubectl uncordon n1"),
            Kubectl::Uncordon(CordonOptions { node: "n1".into() })
        );
        assert_eq!(
            kerr("kubectl cordon"),
            "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples"
        );
        assert_eq!(
            kerr("kubectl uncordon"),
            "error: USAGE: uncordon NODE [flags]\nSee 'kubectl uncordon -h' for help and examples"
        );
        assert_eq!(
            kerr("kubectl cordon pod/x"),
            "error: expected resource of type node, got \"/v1, Resource=pods\""
        );
        assert_eq!(
            kerr("kubectl cordon svc/x"),
            "error: the server doesn't have a resource type \"svc\""
        );
        assert_eq!(
            kerr("kubectl cordon a/b/c"),
            "error: arguments in resource/name form may not have more than one slash"
        );
        assert_eq!(
            kerr("kubectl cordon n1 --force"),
            "error: unknown flag: --force\nSee 'kubectl cordon --help' for usage."
        );
        assert!(nac("kubectl cordon n1 n2").contains("several nodes"));
        assert!(nac("kubectl cordon -l a=b").contains("--selector"));
    }
}

//! `kubectl cordon|uncordon|drain NODE` (kubectl `pkg/cmd/drain/drain.go`): one node, named
//! plainly or as `node/NAME`.

use std::time::Duration;

use super::super::command::{Kubectl, ResourceKind};
use super::super::flags::{FlagSpec, FlagType, FlagType::*, no, yes};
use super::super::resources::resolve_names;
use super::{Cx, DRY_RUN, SELECTOR_UNSUPPORTED};
use crate::command::{ParseError, ParsedCommand};

const CORDON_FLAGS: &[FlagSpec] = &[SELECTOR_UNSUPPORTED, DRY_RUN];

const DRAIN_FLAGS: &[FlagSpec] = &[
    yes("force", None, Bool),
    yes("ignore-daemonsets", None, Bool),
    yes("delete-emptydir-data", None, Bool),
    // Removed in kubectl 1.31 (kubernetes/kubernetes 4b5cf0a2); kept so that older scripts
    // run, with the deprecation warning kubectl 1.20–1.30 printed.
    FlagSpec {
        name: "delete-local-data",
        short: None,
        ty: FlagType::Bool,
        supported: true,
        deprecated: Some(
            "This option is deprecated and will be deleted. Use --delete-emptydir-data.",
        ),
        alias_of: Some("delete-emptydir-data"),
    },
    yes("grace-period", None, Int),
    yes("timeout", None, Duration),
    no("pod-selector", None, Str),
    no("disable-eviction", None, Bool),
    no("skip-wait-for-delete-timeout", None, Int),
    no("chunk-size", None, Int),
    DRY_RUN,
    SELECTOR_UNSUPPORTED,
];

/// The node of `cordon`/`uncordon`/`drain`: `Complete`'s checks, then the builder's.
fn one_node(cx: &Cx, positional: &[String], use_line: &str) -> Result<String, ParseError> {
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

pub(super) fn parse_cordon(args: &[String], cordon: bool) -> Result<ParsedCommand, ParseError> {
    let (path, use_line) = if cordon {
        ("kubectl cordon", "cordon NODE")
    } else {
        ("kubectl uncordon", "uncordon NODE")
    };
    let mut cx = Cx::new(path);
    let f = cx.flags(args, CORDON_FLAGS)?;
    let node = one_node(&cx, &f.positional, use_line)?;
    cx.done(if cordon {
        Kubectl::Cordon { node }
    } else {
        Kubectl::Uncordon { node }
    })
}

pub(super) fn parse_drain(args: &[String]) -> Result<ParsedCommand, ParseError> {
    let mut cx = Cx::new("kubectl drain");
    let f = cx.flags(args, DRAIN_FLAGS)?;
    let node = one_node(&cx, &f.positional, "drain NODE")?;
    let grace_period = f.int("grace-period").filter(|g| *g >= 0);
    let timeout = match f.duration("timeout") {
        None | Some(0) => None,
        Some(n) if n < 0 => return Err(cx.unsupported("a negative --timeout is not supported")),
        Some(n) => Some(Duration::from_nanos(n.unsigned_abs())),
    };
    cx.done(Kubectl::Drain {
        node,
        ignore_daemonsets: f.bool("ignore-daemonsets"),
        force: f.bool("force"),
        delete_emptydir_data: f.bool("delete-emptydir-data"),
        grace_period,
        timeout,
    })
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::super::test_util::*;
    use crate::command::Command;
    use crate::script::*;

    #[test]
    fn cordon_and_uncordon() {
        assert_eq!(
            ok("kubectl cordon n1"),
            Kubectl::Cordon { node: "n1".into() }
        );
        assert_eq!(
            ok("kubectl cordon node/n1"),
            Kubectl::Cordon { node: "n1".into() }
        );
        assert_eq!(
            ok("kubectl cordon nodes/n1 -n ignored"),
            Kubectl::Cordon { node: "n1".into() }
        );
        assert_eq!(
            ok("kubectl uncordon n1"),
            Kubectl::Uncordon { node: "n1".into() }
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

    #[test]
    fn drain_flags() {
        assert_eq!(
            ok("kubectl drain n1"),
            Kubectl::Drain {
                node: "n1".into(),
                ignore_daemonsets: false,
                force: false,
                delete_emptydir_data: false,
                grace_period: None,
                timeout: None,
            }
        );
        assert_eq!(
            ok(
                "kubectl drain n1 --ignore-daemonsets --force --delete-emptydir-data --grace-period=10 --timeout=2m"
            ),
            Kubectl::Drain {
                node: "n1".into(),
                ignore_daemonsets: true,
                force: true,
                delete_emptydir_data: true,
                grace_period: Some(10),
                timeout: Some(Duration::from_secs(120)),
            }
        );
        match ok("kubectl drain n1 --grace-period=-1 --timeout=0s") {
            Kubectl::Drain {
                grace_period,
                timeout,
                ..
            } => {
                assert_eq!(grace_period, None);
                assert_eq!(timeout, None);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn drain_legacy_delete_local_data() {
        let p = parsed("kubectl drain n1 --delete-local-data");
        match p.command {
            Command::Kubectl(Kubectl::Drain {
                delete_emptydir_data,
                ..
            }) => assert!(delete_emptydir_data),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            p.warnings,
            vec!["Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.".to_string()]
        );
    }

    #[test]
    fn drain_errors() {
        assert_eq!(
            kerr("kubectl drain"),
            "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples"
        );
        assert_eq!(
            kerr("kubectl drain n1 --timeout=30"),
            "error: invalid argument \"30\" for \"--timeout\" flag: time: missing unit in duration \"30\"\nSee 'kubectl drain --help' for usage."
        );
        assert_eq!(
            kerr("kubectl drain n1 --grace-period=ten"),
            "error: invalid argument \"ten\" for \"--grace-period\" flag: strconv.ParseInt: parsing \"ten\": invalid syntax\nSee 'kubectl drain --help' for usage."
        );
        assert_eq!(
            kerr("kubectl drain ds/x"),
            "error: expected resource of type node, got \"apps/v1, Resource=daemonsets\""
        );
        assert!(nac("kubectl drain n1 --disable-eviction").contains("--disable-eviction"));
    }
}

//! Reading `kubectl drain NODE` (kubectl `pkg/cmd/drain/drain.go`): one node, as for `cordon`.

use super::DrainOptions;
use crate::kubectl::cmdutil::{Cx, DRY_RUN, SELECTOR_UNSUPPORTED};
use crate::kubectl::cordon::one_node;
use crate::kubectl::{Kubectl, Parsed, Refusal};
use crate::script::flags::{FlagSpec, FlagType, FlagType::*, no, yes};
use std::time::Duration;

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

pub(in crate::kubectl) fn parse(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl drain");
    let f = cx.flags(args, DRAIN_FLAGS)?;
    let node = one_node(&cx, &f.positional, "drain NODE")?;
    let grace_period = f.int("grace-period").filter(|g| *g >= 0);
    let timeout = match f.duration("timeout") {
        None | Some(0) => None,
        Some(n) if n < 0 => return Err(cx.unsupported("a negative --timeout is not supported")),
        Some(n) => Some(Duration::from_nanos(n.unsigned_abs())),
    };
    cx.done(Kubectl::Drain(DrainOptions {
        node,
        ignore_daemonsets: f.bool("ignore-daemonsets"),
        force: f.bool("force"),
        delete_emptydir_data: f.bool("delete-emptydir-data"),
        grace_period,
        timeout,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::test_util::*;

    #[test]
    fn drain_flags() {
        assert_eq!(
            ok("kubectl drain n1"),
            Kubectl::Drain(DrainOptions {
                node: "n1".into(),
                ignore_daemonsets: false,
                force: false,
                delete_emptydir_data: false,
                grace_period: None,
                timeout: None,
            })
        );
        assert_eq!(
            ok(
                "kubectl drain n1 --ignore-daemonsets --force --delete-emptydir-data --grace-period=10 --timeout=2m"
            ),
            Kubectl::Drain(DrainOptions {
                node: "n1".into(),
                ignore_daemonsets: true,
                force: true,
                delete_emptydir_data: true,
                grace_period: Some(10),
                timeout: Some(Duration::from_secs(120)),
            })
        );
        match ok("kubectl drain n1 --grace-period=-1 --timeout=0s") {
            Kubectl::Drain(DrainOptions {
                grace_period,
                timeout,
                ..
            }) => {
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
            Kubectl::Drain(DrainOptions {
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

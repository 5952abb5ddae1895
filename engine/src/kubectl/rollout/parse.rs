//! Reading `kubectl rollout status|history|undo|restart ds/NAME` (kubectl
//! `pkg/cmd/rollout/*.go`): the target is written `ds/NAME`, `daemonset/NAME`,
//! `daemonsets/NAME` or `ds NAME`.

use super::Rollout;
use super::history::HistoryOptions;
use super::restart::RestartOptions;
use super::status::StatusOptions;
use super::undo::UndoOptions;
use crate::kubectl::builder::{Request, Target, resolve};
use crate::kubectl::cmdutil::{
    Cx, DRY_RUN, FIELD_MANAGER, PRINT_FLAGS, SELECTOR_UNSUPPORTED, filename_flags, namespace_scope,
    not_a_command,
};
use crate::kubectl::resource::ResourceKind;
use crate::kubectl::{GLOBAL_FLAGS, Kubectl, Parsed, Refusal};
use crate::script::flags::{FlagSpec, FlagType::*, args_minus_first, strip_flags, yes};
use std::time::Duration;

const STATUS_FLAGS: &[FlagSpec] = &[
    filename_flags(false)[0],
    filename_flags(false)[1],
    filename_flags(false)[2],
    yes("watch", Some(b'w'), Bool),
    yes("revision", None, Int),
    yes("timeout", None, Duration),
    SELECTOR_UNSUPPORTED,
];

const HISTORY_FLAGS: &[FlagSpec] = &[
    yes("revision", None, Int),
    SELECTOR_UNSUPPORTED,
    filename_flags(false)[0],
    filename_flags(false)[1],
    filename_flags(false)[2],
    PRINT_FLAGS[0],
    PRINT_FLAGS[1],
    PRINT_FLAGS[2],
    PRINT_FLAGS[3],
];

const UNDO_FLAGS: &[FlagSpec] = &[
    yes("to-revision", None, Int),
    filename_flags(false)[0],
    filename_flags(false)[1],
    filename_flags(false)[2],
    DRY_RUN,
    SELECTOR_UNSUPPORTED,
    PRINT_FLAGS[0],
    PRINT_FLAGS[1],
    PRINT_FLAGS[2],
    PRINT_FLAGS[3],
];

const RESTART_FLAGS: &[FlagSpec] = &[
    filename_flags(false)[0],
    filename_flags(false)[1],
    filename_flags(false)[2],
    FIELD_MANAGER,
    SELECTOR_UNSUPPORTED,
    PRINT_FLAGS[0],
    PRINT_FLAGS[1],
    PRINT_FLAGS[2],
    PRINT_FLAGS[3],
];

const SUBCOMMANDS: &str = "status, history, undo or restart";

pub(in crate::kubectl) fn parse(args: &[String]) -> Result<Parsed, Refusal> {
    let Some(sub) = strip_flags(args, &[GLOBAL_FLAGS]).into_iter().next() else {
        return Err(not_a_command(format!(
            "kubectl rollout needs a subcommand: {SUBCOMMANDS}"
        )));
    };
    let rest = args_minus_first(args, &sub, &[GLOBAL_FLAGS]);
    match sub.as_str() {
        "status" => parse_status(&rest),
        "history" => parse_history(&rest),
        "undo" => parse_undo(&rest),
        "restart" => parse_restart(&rest),
        "pause" | "resume" => Err(not_a_command(format!(
            "kubectl rollout {sub} is not part of the scenario language (DaemonSets cannot be paused)"
        ))),
        other => Err(not_a_command(format!(
            "unknown command \"{other}\" for \"kubectl rollout\" (it has: {SUBCOMMANDS})"
        ))),
    }
}

/// `Validate`'s first check, shared by every rollout subcommand.
fn require_resource(cx: &Cx, positional: &[String]) -> Result<(), Refusal> {
    if positional.is_empty() {
        return Err(cx.plain("required resource not specified"));
    }
    Ok(())
}

fn check_revision(cx: &Cx, revision: Option<i64>) -> Result<(), Refusal> {
    match revision {
        Some(r) if r < 0 => Err(cx.plain(format!("revision must be a positive integer: {r}"))),
        _ => Ok(()),
    }
}

/// The builder's reading of the arguments, narrowed to one DaemonSet.
fn daemonset(cx: &Cx, positional: &[String]) -> Result<String, Refusal> {
    let target = resolve(&Request {
        args: positional,
        allow_empty_selector: true,
        ..Default::default()
    })
    .map_err(|e| cx.target(e))?;
    match target {
        Target::Named {
            kind: ResourceKind::DaemonSet,
            mut names,
        } if names.len() == 1 => Ok(names.remove(0)),
        Target::Named {
            kind: ResourceKind::DaemonSet,
            ..
        } => Err(cx.unsupported("several DaemonSets at once are not supported")),
        Target::Selector {
            kind: ResourceKind::DaemonSet,
            ..
        } => Err(cx.unsupported("every DaemonSet at once is not supported; name one (ds/NAME)")),
        Target::Named { kind, .. } | Target::Selector { kind, .. } => Err(cx.unsupported(format!(
            "only DaemonSets are rolled out in the simulator, not {}",
            kind.resource()
        ))),
        Target::Files(_) => Err(cx.unsupported("-f is not supported")),
    }
}

fn timeout(cx: &Cx, nanos: Option<i64>) -> Result<Option<Duration>, Refusal> {
    match nanos {
        None | Some(0) => Ok(None),
        Some(n) if n < 0 => Err(cx.unsupported("a negative --timeout is not supported")),
        Some(n) => Ok(Some(Duration::from_nanos(n.unsigned_abs()))),
    }
}

fn parse_status(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl rollout status");
    let f = cx.flags(args, STATUS_FLAGS)?;
    require_resource(&cx, &f.positional)?;
    // --revision is validated, then ignored: DaemonSets have no revision-pinned status.
    check_revision(&cx, f.int("revision"))?;
    let name = daemonset(&cx, &f.positional)?;
    let timeout = timeout(&cx, f.duration("timeout"))?;
    let watch = f.bool_or("watch", true);
    let namespace = namespace_scope(&f);
    cx.done(Kubectl::Rollout(Rollout::Status(StatusOptions {
        name,
        timeout,
        watch,
        namespace,
    })))
}

fn parse_history(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl rollout history");
    let f = cx.flags(args, HISTORY_FLAGS)?;
    require_resource(&cx, &f.positional)?;
    check_revision(&cx, f.int("revision"))?;
    let name = daemonset(&cx, &f.positional)?;
    let revision = f.int("revision").filter(|r| *r != 0);
    let namespace = namespace_scope(&f);
    cx.done(Kubectl::Rollout(Rollout::History(HistoryOptions {
        name,
        revision,
        namespace,
    })))
}

fn parse_undo(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl rollout undo");
    let f = cx.flags(args, UNDO_FLAGS)?;
    require_resource(&cx, &f.positional)?;
    let name = daemonset(&cx, &f.positional)?;
    let to_revision = f.int("to-revision").filter(|r| *r != 0);
    let namespace = namespace_scope(&f);
    cx.done(Kubectl::Rollout(Rollout::Undo(UndoOptions {
        name,
        to_revision,
        namespace,
    })))
}

fn parse_restart(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl rollout restart");
    let f = cx.flags(args, RESTART_FLAGS)?;
    require_resource(&cx, &f.positional)?;
    let name = daemonset(&cx, &f.positional)?;
    let namespace = namespace_scope(&f);
    cx.done(Kubectl::Rollout(Rollout::Restart(RestartOptions {
        name,
        namespace,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::NamespaceScope;
    use crate::kubectl::test_util::*;

    fn status(
        name: &str,
        timeout: Option<Duration>,
        watch: bool,
        namespace: NamespaceScope,
    ) -> Kubectl {
        Kubectl::Rollout(Rollout::Status(StatusOptions {
            name: name.into(),
            timeout,
            watch,
            namespace,
        }))
    }

    #[test]
    fn rollout_target_spellings() {
        for line in [
            "kubectl rollout status ds/x",
            "kubectl rollout status daemonset/x",
            "kubectl rollout status daemonsets/x",
            "kubectl rollout status daemonsets.apps/x",
            "kubectl rollout status ds x",
            "kubectl rollout status daemonset x",
            "kubectl rollout -n default status ds/x --namespace ''",
        ] {
            assert_eq!(
                ok(line),
                status("x", None, true, NamespaceScope::Default),
                "{line}"
            );
        }
    }

    #[test]
    fn rollout_status_flags() {
        assert_eq!(
            ok("kubectl rollout status ds/x --timeout=30s --watch=false -n kube-system"),
            status(
                "x",
                Some(Duration::from_secs(30)),
                false,
                NamespaceScope::Named("kube-system".into())
            )
        );
        assert_eq!(
            ok("kubectl rollout status ds/x -w=false --timeout 0"),
            status("x", None, false, NamespaceScope::Default)
        );
        assert_eq!(
            ok("kubectl rollout status ds/x --revision=3"),
            status("x", None, true, NamespaceScope::Default)
        );
        assert_eq!(
            kerr("kubectl rollout status ds/x --revision=-1"),
            "error: revision must be a positive integer: -1"
        );
        assert_eq!(
            kerr("kubectl rollout status"),
            "error: required resource not specified"
        );
        assert_eq!(
            kerr("kubectl rollout status ds/x --timeout=soon"),
            "error: invalid argument \"soon\" for \"--timeout\" flag: time: invalid duration \"soon\"\nSee 'kubectl rollout status --help' for usage."
        );
    }

    #[test]
    fn rollout_history_undo_restart() {
        assert_eq!(
            ok("kubectl rollout history ds/x"),
            Kubectl::Rollout(Rollout::History(HistoryOptions {
                name: "x".into(),
                revision: None,
                namespace: NamespaceScope::Default
            }))
        );
        assert_eq!(
            ok("kubectl rollout history ds x --revision=2"),
            Kubectl::Rollout(Rollout::History(HistoryOptions {
                name: "x".into(),
                revision: Some(2),
                namespace: NamespaceScope::Default
            }))
        );
        assert_eq!(
            ok("kubectl rollout history ds/x --revision 0"),
            Kubectl::Rollout(Rollout::History(HistoryOptions {
                name: "x".into(),
                revision: None,
                namespace: NamespaceScope::Default
            }))
        );
        assert_eq!(
            kerr("kubectl rollout history ds/x --revision=-2"),
            "error: revision must be a positive integer: -2"
        );
        assert_eq!(
            ok("kubectl rollout undo daemonset/x"),
            Kubectl::Rollout(Rollout::Undo(UndoOptions {
                name: "x".into(),
                to_revision: None,
                namespace: NamespaceScope::Default
            }))
        );
        assert_eq!(
            ok("kubectl rollout undo ds/x --to-revision=1 -n a"),
            Kubectl::Rollout(Rollout::Undo(UndoOptions {
                name: "x".into(),
                to_revision: Some(1),
                namespace: NamespaceScope::Named("a".into())
            }))
        );
        assert_eq!(
            ok("kubectl rollout restart ds/x"),
            Kubectl::Rollout(Rollout::Restart(RestartOptions {
                name: "x".into(),
                namespace: NamespaceScope::Default
            }))
        );
        assert_eq!(
            kerr("kubectl rollout undo"),
            "error: required resource not specified"
        );
        assert_eq!(
            kerr("kubectl rollout restart"),
            "error: required resource not specified"
        );
        assert_eq!(
            kerr("kubectl rollout history"),
            "error: required resource not specified"
        );
        assert_eq!(
            kerr("kubectl rollout undo ds/x --to-revision=two"),
            "error: invalid argument \"two\" for \"--to-revision\" flag: strconv.ParseInt: parsing \"two\": invalid syntax\nSee 'kubectl rollout undo --help' for usage."
        );
    }

    #[test]
    fn rollout_errors_and_unmodelled() {
        assert_eq!(
            kerr("kubectl rollout status x"),
            "error: the server doesn't have a resource type \"x\""
        );
        assert_eq!(
            kerr("kubectl rollout status statefulset/x"),
            "error: the server doesn't have a resource type \"statefulset\""
        );
        assert!(nac("kubectl rollout").contains("needs a subcommand"));
        assert!(nac("kubectl rollout pause ds/x").contains("not part of the scenario language"));
        assert!(
            nac("kubectl rollout frob ds/x")
                .starts_with("unknown command \"frob\" for \"kubectl rollout\"")
        );
        assert!(nac("kubectl rollout status pod/x").contains("only DaemonSets"));
        assert!(nac("kubectl rollout status ds").contains("every DaemonSet"));
        assert!(nac("kubectl rollout status ds a b").contains("several DaemonSets"));
        assert!(nac("kubectl rollout status -f x.yaml").contains("--filename"));
    }
}

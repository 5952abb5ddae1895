//! Reading `kubectl delete` (kubectl `pkg/cmd/delete/delete.go`, `delete_flags.go`): flags, then
//! `ToOptions` (cascade), `Complete` (grace-period rules, builder), `Validate`, in that order.

use super::{DeleteOptions, DeleteWhat};
use crate::cluster::Cascade;
use crate::gofmt::parse_bool;
use crate::kubectl::builder::{Request, Target, resolve};
use crate::kubectl::cmdutil::{Cx, DRY_RUN, filename_flags, namespace_scope};
use crate::kubectl::{Kubectl, Parsed, Refusal};
use crate::script::flags::{FlagSpec, FlagType::*, no, yes};

const DELETE_FLAGS: &[FlagSpec] = &[
    filename_flags(true)[0],
    filename_flags(true)[1],
    filename_flags(true)[2],
    yes("selector", Some(b'l'), Str),
    no("field-selector", None, Str),
    yes("all", None, Bool),
    yes("all-namespaces", Some(b'A'), Bool),
    yes("force", None, Bool),
    yes("cascade", None, OptStr("background")),
    yes("now", None, Bool),
    yes("grace-period", None, Int),
    no("timeout", None, Duration),
    yes("ignore-not-found", None, Bool),
    no("wait", None, Bool),
    no("output", Some(b'o'), Str),
    no("raw", None, Str),
    no("interactive", Some(b'i'), Bool),
    DRY_RUN,
];

pub(in crate::kubectl) fn parse(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl delete");
    let f = cx.flags(args, DELETE_FLAGS)?;

    // ToOptions: --cascade, with kubectl's warning for the legacy boolean values.
    let cascade_raw = f.str("cascade").unwrap_or("background");
    let cascade = match parse_bool(cascade_raw) {
        Ok(b) => {
            let (replacement, cascade) = if b {
                ("background", Cascade::Background)
            } else {
                ("orphan", Cascade::Orphan)
            };
            cx.warn(format!(
                "warning: --cascade={cascade_raw} is deprecated (boolean value) and can be replaced with --cascade={replacement}."
            ));
            cascade
        }
        Err(_) => match cascade_raw {
            "orphan" => Cascade::Orphan,
            "foreground" => Cascade::Foreground,
            "background" => Cascade::Background,
            other => {
                return Err(cx.plain(format!(
                    "invalid cascade value ({other}). Must be \"background\", \"foreground\", or \"orphan\""
                )));
            }
        },
    };

    // Complete: grace-period rules.
    let force = f.bool("force");
    let select_all = f.bool("all");
    let selector = f.str("selector").unwrap_or("");
    let mut ignore_not_found = f.bool("ignore-not-found");
    if (select_all || !selector.is_empty()) && !f.changed("ignore-not-found") {
        ignore_not_found = true;
    }
    let mut grace = f.int("grace-period").unwrap_or(-1);
    if f.bool("now") {
        if grace != -1 {
            return Err(cx.plain("--now and --grace-period cannot be specified together"));
        }
        grace = 1;
    }
    if grace == 0 && !force {
        grace = 1;
    }
    if force && grace < 0 {
        grace = 0;
    }

    // Complete: the builder.
    let target = resolve(&Request {
        args: &f.positional,
        selector: Some(selector),
        select_all,
        allow_empty_selector: false,
        files: f.list("filename"),
        all_namespaces: f.bool("all-namespaces"),
    })
    .map_err(|e| cx.target(e))?;

    // Validate.
    if force && grace > 0 {
        return Err(
            cx.plain("--force and --grace-period greater than 0 cannot be specified together")
        );
    }
    if force && grace == 0 {
        cx.warn(
            "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.".into(),
        );
    }

    let what = match target {
        Target::Named { kind, names } => DeleteWhat::Objects { kind, names },
        Target::Selector { kind, selector } => DeleteWhat::Selector {
            kind,
            selector: (!select_all).then_some(selector),
        },
        Target::Files(files) => DeleteWhat::Files(files),
    };
    let namespace = namespace_scope(&f);
    let grace_period = (grace >= 0).then_some(grace);
    cx.done(Kubectl::Delete(DeleteOptions {
        what,
        cascade,
        grace_period,
        force,
        ignore_not_found,
        namespace,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::NamespaceScope;
    use crate::kubectl::resource::ResourceKind;
    use crate::kubectl::test_util::*;

    fn objects(kind: ResourceKind, names: &[&str]) -> DeleteWhat {
        DeleteWhat::Objects {
            kind,
            names: names.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn delete(what: DeleteWhat) -> Kubectl {
        Kubectl::Delete(DeleteOptions {
            what,
            cascade: Cascade::Background,
            grace_period: None,
            force: false,
            ignore_not_found: false,
            namespace: NamespaceScope::Default,
        })
    }

    #[test]
    fn delete_targets() {
        assert_eq!(
            ok("kubectl delete ds x"),
            delete(objects(ResourceKind::DaemonSet, &["x"]))
        );
        assert_eq!(
            ok("kubectl delete daemonset/x daemonsets/y"),
            delete(objects(ResourceKind::DaemonSet, &["x", "y"]))
        );
        assert_eq!(
            ok("kubectl delete node n1"),
            delete(objects(ResourceKind::Node, &["n1"]))
        );
        assert_eq!(
            ok("kubectl delete po p1 p2"),
            delete(objects(ResourceKind::Pod, &["p1", "p2"]))
        );
        assert_eq!(
            ok("kubectl delete -f ds.yaml"),
            delete(DeleteWhat::Files(vec!["ds.yaml".into()]))
        );
        assert_eq!(
            ok("kubectl delete --filename=- "),
            delete(DeleteWhat::Files(vec!["-".into()]))
        );
    }

    #[test]
    fn delete_by_selector_or_all_ignores_not_found_by_default() {
        let sel = |s: Option<&str>, ignore| {
            Kubectl::Delete(DeleteOptions {
                what: DeleteWhat::Selector {
                    kind: ResourceKind::Pod,
                    selector: s.map(str::to_string),
                },
                cascade: Cascade::Background,
                grace_period: None,
                force: false,
                ignore_not_found: ignore,
                namespace: NamespaceScope::Default,
            })
        };
        assert_eq!(ok("kubectl delete pods -l app=x"), sel(Some("app=x"), true));
        assert_eq!(
            ok("kubectl delete pods --selector=app=x"),
            sel(Some("app=x"), true)
        );
        assert_eq!(ok("kubectl delete pods --all"), sel(None, true));
        assert_eq!(
            ok("kubectl delete pods --all --ignore-not-found=false"),
            sel(None, false)
        );
    }

    #[test]
    fn delete_cascade_spellings() {
        for (line, cascade, warning) in [
            ("kubectl delete ds x", Cascade::Background, None),
            ("kubectl delete ds x --cascade", Cascade::Background, None),
            (
                "kubectl delete ds x --cascade=background",
                Cascade::Background,
                None,
            ),
            (
                "kubectl delete ds x --cascade=foreground",
                Cascade::Foreground,
                None,
            ),
            (
                "kubectl delete ds x --cascade=orphan",
                Cascade::Orphan,
                None,
            ),
            (
                "kubectl delete ds x --cascade=true",
                Cascade::Background,
                Some(
                    "warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.",
                ),
            ),
            (
                "kubectl delete ds x --cascade=false",
                Cascade::Orphan,
                Some(
                    "warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.",
                ),
            ),
        ] {
            let p = parsed(line);
            match p.command {
                Kubectl::Delete(DeleteOptions { cascade: got, .. }) => {
                    assert_eq!(got, cascade, "{line}")
                }
                other => panic!("{other:?}"),
            }
            assert_eq!(
                p.warnings,
                warning.map(|w| vec![w.to_string()]).unwrap_or_default(),
                "{line}"
            );
        }
        assert_eq!(
            kerr("kubectl delete ds x --cascade=sideways"),
            "error: invalid cascade value (sideways). Must be \"background\", \"foreground\", or \"orphan\""
        );
    }

    #[test]
    fn delete_grace_period_and_force() {
        let grace = |line: &str| match ok(line) {
            Kubectl::Delete(DeleteOptions {
                grace_period,
                force,
                ..
            }) => (grace_period, force),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            grace("kubectl delete pod p --grace-period=30"),
            (Some(30), false)
        );
        assert_eq!(
            grace("kubectl delete pod p --grace-period 30"),
            (Some(30), false)
        );
        assert_eq!(
            grace("kubectl delete pod p --grace-period=0"),
            (Some(1), false)
        );
        assert_eq!(
            grace("kubectl delete pod p --grace-period=-1"),
            (None, false)
        );
        assert_eq!(grace("kubectl delete pod p --now"), (Some(1), false));
        assert_eq!(grace("kubectl delete pod p --force"), (Some(0), true));
        assert_eq!(
            grace("kubectl delete pod p --force --grace-period=0"),
            (Some(0), true)
        );
        let p = parsed("kubectl delete pod p --force --grace-period=0");
        assert_eq!(p.warnings, vec!["Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.".to_string()]);
        assert_eq!(
            kerr("kubectl delete pod p --force --grace-period=5"),
            "error: --force and --grace-period greater than 0 cannot be specified together"
        );
        assert_eq!(
            kerr("kubectl delete pod p --now --grace-period=5"),
            "error: --now and --grace-period cannot be specified together"
        );
        assert_eq!(
            kerr("kubectl delete pod p --grace-period=x"),
            "error: invalid argument \"x\" for \"--grace-period\" flag: strconv.ParseInt: parsing \"x\": invalid syntax\nSee 'kubectl delete --help' for usage."
        );
    }

    #[test]
    fn delete_ignore_not_found_and_namespaces() {
        match ok("kubectl delete ds x --ignore-not-found -n kube-system") {
            Kubectl::Delete(DeleteOptions {
                ignore_not_found,
                namespace,
                ..
            }) => {
                assert!(ignore_not_found);
                assert_eq!(namespace, NamespaceScope::Named("kube-system".into()));
            }
            other => panic!("{other:?}"),
        }
        match ok("kubectl delete pods -l app=x -A") {
            Kubectl::Delete(DeleteOptions { namespace, .. }) => {
                assert_eq!(namespace, NamespaceScope::All)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn delete_errors() {
        assert_eq!(
            kerr("kubectl delete"),
            "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"
        );
        assert_eq!(
            kerr("kubectl delete ds"),
            "error: resource(s) were provided, but no name was specified"
        );
        assert_eq!(
            kerr("kubectl delete foo x"),
            "error: the server doesn't have a resource type \"foo\""
        );
        assert_eq!(
            kerr("kubectl delete ds x -A"),
            "error: a resource cannot be retrieved by name across all namespaces"
        );
        assert_eq!(
            kerr("kubectl delete ds x -f a.yaml"),
            "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well"
        );
        assert_eq!(
            kerr("kubectl delete pods --all -l a=b"),
            "error: setting 'all' parameter but found a non empty selector. "
        );
        assert_eq!(
            kerr("kubectl delete --foo"),
            "error: unknown flag: --foo\nSee 'kubectl delete --help' for usage."
        );
        assert_eq!(
            kerr("kubectl delete ds x --cascade=false --cascade=maybe"),
            "error: invalid cascade value (maybe). Must be \"background\", \"foreground\", or \"orphan\""
        );
        // A warning printed before an error is part of kubectl's output.
        assert_eq!(
            kerr("kubectl delete ds --cascade=false"),
            "warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\nerror: resource(s) were provided, but no name was specified"
        );
    }

    #[test]
    fn delete_unmodelled() {
        assert_eq!(
            nac("kubectl delete ds x --wait=false"),
            "kubectl delete: --wait is not supported by the simulator"
        );
        assert_eq!(
            nac("kubectl delete ds x -o name"),
            "kubectl delete: --output is not supported by the simulator"
        );
        assert!(nac("kubectl delete ds,pods x").contains("several resource types"));
    }
}

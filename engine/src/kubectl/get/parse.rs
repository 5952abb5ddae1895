//! Reading `kubectl get` (kubectl `pkg/cmd/get/get.go`): flags, then `Complete`, `Validate` and
//! the builder's checks, in kubectl's order.

use super::{GetOptions, OutputFormat};
use crate::gofmt::quote;
use crate::kubectl::builder::{Request, Target, TargetError, mapping_for, resolve};
use crate::kubectl::cmdutil::{Cx, SUGGEST_API_RESOURCES, filename_flags, namespace_scope};
use crate::kubectl::resource::ResourceKind;
use crate::kubectl::{Kubectl, Parsed, Refusal};
use crate::script::flags::{FlagSpec, FlagType::*, no, yes};

const GET_FLAGS: &[FlagSpec] = &[
    yes("output", Some(b'o'), Str),
    no("template", None, Str),
    no("allow-missing-template-keys", None, Bool),
    no("show-managed-fields", None, Bool),
    yes("show-labels", None, Bool),
    no("sort-by", None, Str),
    no("label-columns", Some(b'L'), List),
    no("show-kind", None, Bool),
    no("no-headers", None, Bool),
    no("server-print", None, Bool),
    no("raw", None, Str),
    yes("watch", Some(b'w'), Bool),
    no("watch-only", None, Bool),
    no("output-watch-events", None, Bool),
    yes("ignore-not-found", None, Bool),
    no("field-selector", None, Str),
    yes("all-namespaces", Some(b'A'), Bool),
    filename_flags(false)[0],
    filename_flags(false)[1],
    filename_flags(false)[2],
    no("chunk-size", None, Int),
    yes("selector", Some(b'l'), Str),
    no("subresource", None, Str),
];

/// `get`'s `-o` formats, in the order kubectl lists them.
const ALLOWED_FORMATS: &str = "json,yaml,kyaml,name,go-template,go-template-file,template,templatefile,jsonpath,jsonpath-as-json,jsonpath-file,custom-columns,custom-columns-file,wide";

/// Formats kubectl has that the simulator does not print (`-o jsonpath=…` and the like).
const UNMODELLED_FORMATS: &[&str] = &[
    "kyaml",
    "go-template",
    "go-template-file",
    "template",
    "templatefile",
    "jsonpath",
    "jsonpath-as-json",
    "jsonpath-file",
    "custom-columns",
    "custom-columns-file",
];

pub(in crate::kubectl) fn parse(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl get");
    let f = cx.flags(args, GET_FLAGS)?;
    let output_raw = f.str("output").unwrap_or("");
    let watch = f.bool("watch");

    // Complete.
    if !watch && f.positional.is_empty() {
        return Err(cx.raw(format!(
            "You must specify the type of resource to get. {SUGGEST_API_RESOURCES}\n\n\
             error: Required resource not specified.\n\
             Use \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\n\
             See 'kubectl get -h' for help and examples"
        )));
    }
    // Validate.
    let show_labels = f.bool("show-labels");
    if show_labels && !output_raw.is_empty() && output_raw != "wide" {
        return Err(cx.plain(format!(
            "--show-labels option cannot be used with {output_raw} printer"
        )));
    }
    let output = output_format(&cx, output_raw)?;
    let namespace = namespace_scope(&f);
    let ignore_not_found = f.bool("ignore-not-found");
    // Several types and no names (`get all`, `get ds,pods`): the builder visits each type.
    if let Some(kinds) = several_kinds(&f.positional).map_err(|e| cx.target(e))? {
        if watch {
            return Err(cx.plain("you may only specify a single resource type"));
        }
        let selector = f.str("selector").map(str::trim).filter(|s| !s.is_empty());
        return cx.done(Kubectl::Get(GetOptions {
            kinds,
            names: Vec::new(),
            selector: selector.map(str::to_string),
            output,
            show_labels,
            namespace,
            watch,
            ignore_not_found,
        }));
    }
    // Run: the builder, then the printer.
    let target = resolve(&Request {
        args: &f.positional,
        selector: f.str("selector"),
        allow_empty_selector: true,
        all_namespaces: f.bool("all-namespaces"),
        ..Default::default()
    })
    .map_err(|e| match e {
        // The watch path asks the builder for a single resource type.
        TargetError::SeveralKinds if watch => {
            cx.plain("you may only specify a single resource type")
        }
        e => cx.target(e),
    })?;
    let (kind, names, selector) = match target {
        Target::Named { kind, names } => (kind, names, None),
        Target::Selector { kind, selector } => {
            (kind, Vec::new(), Some(selector).filter(|s| !s.is_empty()))
        }
        Target::Files(_) => return Err(cx.unsupported("-f is not supported")),
    };
    cx.done(Kubectl::Get(GetOptions {
        kinds: vec![kind],
        names,
        selector,
        output,
        show_labels,
        namespace,
        watch,
        ignore_not_found,
    }))
}

/// The kinds of a lone type argument naming several (`ds,pods`) or the category `all` (pods,
/// DaemonSets, Deployments, ReplicaSets: the members of kubectl's `all` the simulator serves, in
/// its order); `None` for one type or any other arguments.
fn several_kinds(args: &[String]) -> Result<Option<Vec<ResourceKind>>, TargetError> {
    let [arg] = args else { return Ok(None) };
    if arg.contains('/') {
        return Ok(None);
    }
    let mut kinds: Vec<ResourceKind> = Vec::new();
    let mut category = false;
    for part in arg.split(',') {
        let expanded = if part.eq_ignore_ascii_case("all") {
            category = true;
            ALL_CATEGORY.to_vec()
        } else {
            vec![mapping_for(part)?]
        };
        for k in expanded {
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
    }
    Ok((category || kinds.len() > 1).then_some(kinds))
}

/// kubectl's `all` category (pods, replicationcontrollers, services, daemonsets, deployments,
/// replicasets, statefulsets, horizontalpodautoscalers, cronjobs, jobs) as far as simulated.
const ALL_CATEGORY: [ResourceKind; 4] = [
    ResourceKind::Pod,
    ResourceKind::DaemonSet,
    ResourceKind::Deployment,
    ResourceKind::ReplicaSet,
];

fn output_format(cx: &Cx, raw: &str) -> Result<OutputFormat, Refusal> {
    let lower = raw.to_ascii_lowercase();
    match (raw, lower.as_str()) {
        ("", _) => return Ok(OutputFormat::Table),
        ("wide", _) => return Ok(OutputFormat::Wide),
        (_, "json") => return Ok(OutputFormat::Json),
        (_, "yaml") => return Ok(OutputFormat::Yaml),
        (_, "name") => return Ok(OutputFormat::Name),
        _ => {}
    }
    let unmodelled = UNMODELLED_FORMATS.iter().any(|p| {
        lower == *p
            || raw
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with('='))
    });
    if unmodelled {
        return Err(cx.unsupported(format!(
            "-o {raw} is not supported by the simulator (it prints -o wide, yaml, json and name)"
        )));
    }
    Err(cx.plain(format!(
        "unable to match a printer suitable for the output format {}, allowed formats are: {ALLOWED_FORMATS}",
        quote(raw)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::NamespaceScope;
    use crate::kubectl::test_util::*;

    fn get(
        kind: ResourceKind,
        names: &[&str],
        selector: Option<&str>,
        output: OutputFormat,
        namespace: NamespaceScope,
    ) -> Kubectl {
        Kubectl::Get(GetOptions {
            kinds: vec![kind],
            names: names.iter().map(|s| s.to_string()).collect(),
            selector: selector.map(str::to_string),
            output,
            show_labels: false,
            namespace,
            watch: false,
            ignore_not_found: false,
        })
    }

    #[test]
    fn get_every_kind_and_alias() {
        for (alias, kind) in [
            ("ds", ResourceKind::DaemonSet),
            ("daemonset", ResourceKind::DaemonSet),
            ("daemonsets", ResourceKind::DaemonSet),
            ("daemonset.apps", ResourceKind::DaemonSet),
            ("daemonsets.apps", ResourceKind::DaemonSet),
            ("po", ResourceKind::Pod),
            ("pod", ResourceKind::Pod),
            ("pods", ResourceKind::Pod),
            ("no", ResourceKind::Node),
            ("node", ResourceKind::Node),
            ("nodes", ResourceKind::Node),
            ("controllerrevision", ResourceKind::ControllerRevision),
            ("controllerrevisions", ResourceKind::ControllerRevision),
            ("controllerrevision.apps", ResourceKind::ControllerRevision),
            ("controllerrevisions.apps", ResourceKind::ControllerRevision),
            ("ev", ResourceKind::Event),
            ("event", ResourceKind::Event),
            ("events", ResourceKind::Event),
        ] {
            assert_eq!(
                ok(&format!("kubectl get {alias}")),
                get(
                    kind,
                    &[],
                    None,
                    OutputFormat::Table,
                    NamespaceScope::Default
                ),
                "{alias}"
            );
        }
    }

    #[test]
    fn get_names_and_type_name_forms() {
        let want = get(
            ResourceKind::DaemonSet,
            &["a", "b"],
            None,
            OutputFormat::Table,
            NamespaceScope::Default,
        );
        assert_eq!(ok("kubectl get ds a b"), want);
        assert_eq!(ok("kubectl get ds/a ds/b"), want);
        assert_eq!(ok("kubectl get ds/a daemonsets.apps/b"), want);
        assert_eq!(
            ok("kubectl get ds/x"),
            get(
                ResourceKind::DaemonSet,
                &["x"],
                None,
                OutputFormat::Table,
                NamespaceScope::Default
            )
        );
    }

    #[test]
    fn get_output_spellings() {
        for (line, output) in [
            ("kubectl get pods -o wide", OutputFormat::Wide),
            ("kubectl get pods -owide", OutputFormat::Wide),
            ("kubectl get pods -o=wide", OutputFormat::Wide),
            ("kubectl get pods --output=yaml", OutputFormat::Yaml),
            ("kubectl get pods --output yaml", OutputFormat::Yaml),
            ("kubectl get pods -o json", OutputFormat::Json),
            ("kubectl get pods -o JSON", OutputFormat::Json),
            ("kubectl get pods -o name", OutputFormat::Name),
            ("kubectl get pods", OutputFormat::Table),
        ] {
            assert_eq!(
                ok(line),
                get(
                    ResourceKind::Pod,
                    &[],
                    None,
                    output,
                    NamespaceScope::Default
                ),
                "{line}"
            );
        }
    }

    #[test]
    fn get_namespace_spellings() {
        let named = NamespaceScope::Named("kube-system".into());
        for line in [
            "kubectl get pods -n kube-system",
            "kubectl get pods -nkube-system",
            "kubectl get pods --namespace kube-system",
            "kubectl get pods --namespace=kube-system",
            "kubectl get pods -n=kube-system",
        ] {
            assert_eq!(
                ok(line),
                get(
                    ResourceKind::Pod,
                    &[],
                    None,
                    OutputFormat::Table,
                    named.clone()
                ),
                "{line}"
            );
        }
        for line in [
            "kubectl get pods -A",
            "kubectl get pods --all-namespaces",
            "kubectl get pods -A -n x",
        ] {
            assert_eq!(
                ok(line),
                get(
                    ResourceKind::Pod,
                    &[],
                    None,
                    OutputFormat::Table,
                    NamespaceScope::All
                ),
                "{line}"
            );
        }
        assert_eq!(
            ok("kubectl get pods -n ''"),
            get(
                ResourceKind::Pod,
                &[],
                None,
                OutputFormat::Table,
                NamespaceScope::Default
            )
        );
    }

    #[test]
    fn get_selector_labels_watch_ignore() {
        for line in [
            "kubectl get pods -l app=x",
            "kubectl get pods --selector=app=x",
            "kubectl get pods --selector app=x",
            "kubectl get pods -lapp=x",
        ] {
            assert_eq!(
                ok(line),
                get(
                    ResourceKind::Pod,
                    &[],
                    Some("app=x"),
                    OutputFormat::Table,
                    NamespaceScope::Default
                ),
                "{line}"
            );
        }
        assert_eq!(
            ok("kubectl get pods -l 'env in (a,b)'"),
            get(
                ResourceKind::Pod,
                &[],
                Some("env in (a,b)"),
                OutputFormat::Table,
                NamespaceScope::Default
            )
        );
        match ok("kubectl get nodes --show-labels -w --ignore-not-found") {
            Kubectl::Get(GetOptions {
                show_labels,
                watch,
                ignore_not_found,
                ..
            }) => {
                assert!(show_labels && watch && ignore_not_found);
            }
            other => panic!("{other:?}"),
        }
        match ok("kubectl get pods -o wide --show-labels --watch=false") {
            Kubectl::Get(GetOptions {
                show_labels,
                watch,
                output,
                ..
            }) => {
                assert!(show_labels && !watch);
                assert_eq!(output, OutputFormat::Wide);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn get_kubectl_errors() {
        assert_eq!(
            kerr("kubectl get"),
            "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples"
        );
        assert_eq!(
            kerr("kubectl get foo"),
            "error: the server doesn't have a resource type \"foo\""
        );
        assert_eq!(
            kerr("kubectl get statefulsets x"),
            "error: the server doesn't have a resource type \"statefulsets\""
        );
        assert_eq!(
            kerr("kubectl get pods --foo"),
            "error: unknown flag: --foo\nSee 'kubectl get --help' for usage."
        );
        assert_eq!(
            kerr("kubectl get pods -z"),
            "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage."
        );
        assert_eq!(
            kerr("kubectl get pods -o"),
            "error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage."
        );
        assert_eq!(
            kerr("kubectl get pods -o yaml --show-labels"),
            "error: --show-labels option cannot be used with yaml printer"
        );
        assert_eq!(
            kerr("kubectl get pods -o foo"),
            "error: unable to match a printer suitable for the output format \"foo\", allowed formats are: json,yaml,kyaml,name,go-template,go-template-file,template,templatefile,jsonpath,jsonpath-as-json,jsonpath-file,custom-columns,custom-columns-file,wide"
        );
        assert_eq!(
            kerr("kubectl get pods a -l x=y"),
            "error: name cannot be provided when a selector is specified"
        );
        assert_eq!(
            kerr("kubectl get pods a -A"),
            "error: a resource cannot be retrieved by name across all namespaces"
        );
        assert!(
            kerr("kubectl get ds ds/a")
                .starts_with("error: there is no need to specify a resource type")
        );
        assert_eq!(
            kerr("kubectl get -w"),
            "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"
        );
        assert_eq!(
            kerr("kubectl get pods --watch=maybe"),
            "error: invalid argument \"maybe\" for \"-w, --watch\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'kubectl get --help' for usage."
        );
    }

    #[test]
    fn get_unmodelled_features() {
        assert!(
            nac("kubectl get pods -o jsonpath='{.items}'")
                .contains("-o jsonpath={.items} is not supported")
        );
        assert!(
            nac("kubectl get pods -o custom-columns=NAME:.metadata.name").contains("not supported")
        );
        assert!(nac("kubectl get pods -o kyaml").contains("not supported"));
        assert_eq!(
            nac("kubectl get pods --sort-by=.metadata.name"),
            "kubectl get: --sort-by is not supported by the simulator"
        );
        match ok("kubectl get ds,pods") {
            Kubectl::Get(o) => assert_eq!(o.kinds, [ResourceKind::DaemonSet, ResourceKind::Pod]),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            kerr("kubectl get ds,pods -w"),
            "error: you may only specify a single resource type"
        );
        assert_eq!(
            kerr("kubectl get ds/a pod/b -w"),
            "error: you may only specify a single resource type"
        );
        match ok("kubectl get all -l run=rng") {
            Kubectl::Get(o) => {
                let all = [
                    ResourceKind::Pod,
                    ResourceKind::DaemonSet,
                    ResourceKind::Deployment,
                    ResourceKind::ReplicaSet,
                ];
                assert_eq!(o.kinds, all);
                assert_eq!(o.selector.as_deref(), Some("run=rng"));
            }
            other => panic!("{other:?}"),
        }
        assert!(nac("kubectl label all x=y --all").contains("\"all\""));
        assert!(nac("kubectl get -f x.yaml").contains("--filename"));
    }
}

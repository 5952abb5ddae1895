//! How kubectl turns resource arguments (`ds`, `ds NAME…`, `ds/NAME…`, `-f FILE`, `-l SEL`,
//! `--all`) into a request: the argument rules of cli-runtime's `resource.Builder`
//! (`ResourceTypeOrNameArgs`, `ResourceNames`, `visitorResult`, `mappingFor`), with their error
//! texts, for the resource types the simulated server serves.

use super::resource::ResourceKind;
use crate::gofmt::quote;

/// What the arguments select.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// Named objects of one kind.
    Named {
        kind: ResourceKind,
        names: Vec<String>,
    },
    /// Every object of a kind matching a selector (`""`: everything).
    Selector {
        kind: ResourceKind,
        selector: String,
    },
    /// Manifest files.
    Files(Vec<String>),
}

/// Why the arguments were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TargetError {
    /// kubectl's error text (without the `error: ` prefix).
    Kubectl(String),
    /// Valid kubectl, but beyond what the simulator models (categories such as `all`).
    Unsupported(String),
    /// Several resource types in one request (`ds,pods`, `ds/a pod/b`): valid kubectl, beyond
    /// the simulator, except where kubectl itself refuses it (`get --watch`).
    SeveralKinds,
}

/// The inputs of a `resource.Builder` call.
#[derive(Debug, Clone, Default)]
pub(crate) struct Request<'a> {
    /// Positional arguments.
    pub args: &'a [String],
    /// `-l` text (trimmed; empty means none, as `LabelSelectorParam` does).
    pub selector: Option<&'a str>,
    /// `--all` (`SelectAllParam`).
    pub select_all: bool,
    /// `ResourceTypeOrNameArgs(allowEmptySelector, …)`: a type alone selects everything.
    pub allow_empty_selector: bool,
    /// `-f` values.
    pub files: &'a [String],
    /// `-A`.
    pub all_namespaces: bool,
}

const MISSING_RESOURCE: &str = "You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'";

/// `SplitResourceArgument`: comma-separated types, duplicates dropped.
fn split_resource_argument(arg: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in arg.split(',') {
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    out
}

/// kubectl's `mappingFor`: a resource argument to a kind of the simulated server.
pub(crate) fn mapping_for(arg: &str) -> Result<ResourceKind, TargetError> {
    if let Some(kind) = ResourceKind::from_arg(arg) {
        return Ok(kind);
    }
    if arg.eq_ignore_ascii_case("all") {
        return Err(TargetError::Unsupported(
            "the resource category \"all\" is supported by \"kubectl get all\" alone; name a resource type (ds, deploy, rs, pods, nodes, controllerrevisions, events)".into(),
        ));
    }
    // kubectl names the part before the first dot (the resource of `ParseGroupResource`).
    let resource = arg.split('.').next().unwrap_or(arg);
    Err(TargetError::Kubectl(format!(
        "the server doesn't have a resource type {}",
        quote(resource)
    )))
}

fn one_kind(resources: &[String]) -> Result<ResourceKind, TargetError> {
    let mut kinds: Vec<ResourceKind> = Vec::new();
    for r in resources {
        let k = mapping_for(r)?;
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    match kinds.as_slice() {
        [k] => Ok(*k),
        _ => Err(several_kinds()),
    }
}

fn several_kinds() -> TargetError {
    TargetError::SeveralKinds
}

/// `splitResourceTypeName` for an argument containing `/`.
fn split_type_name(s: &str) -> Result<(String, String), TargetError> {
    let seg: Vec<&str> = s.split('/').collect();
    let [resource, name] = seg.as_slice() else {
        return Err(TargetError::Kubectl(
            "arguments in resource/name form may not have more than one slash".into(),
        ));
    };
    if resource.is_empty() || name.is_empty() || split_resource_argument(resource).len() != 1 {
        return Err(TargetError::Kubectl(
            "arguments in resource/name form must have a single resource and name".into(),
        ));
    }
    Ok((resource.to_string(), name.to_string()))
}

fn namespace_check(kind: ResourceKind, all_namespaces: bool) -> Result<(), TargetError> {
    if kind.is_namespaced() && all_namespaces {
        return Err(TargetError::Kubectl(
            "a resource cannot be retrieved by name across all namespaces".into(),
        ));
    }
    Ok(())
}

/// `ResourceTypeOrNameArgs` followed by `Do()`: the builder's checks in its order.
pub(crate) fn resolve(req: &Request<'_>) -> Result<Target, TargetError> {
    let mut selector: Option<String> = req
        .selector
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    if req.select_all {
        if selector.is_some() {
            return Err(TargetError::Kubectl(
                "setting 'all' parameter but found a non empty selector. ".into(),
            ));
        }
        selector = Some(String::new());
    }

    let mut tuples: Vec<(String, String)> = Vec::new();
    let mut resources: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();

    // normalizeMultipleResourcesArgs: "a,b x y" becomes "a/x a/y b/x b/y".
    let mut args: Vec<String> = req.args.to_vec();
    if args.len() >= 2 {
        let types = split_resource_argument(&args[0]);
        if types.len() > 1 {
            args = types
                .iter()
                .flat_map(|t| args[1..].iter().map(move |n| format!("{t}/{n}")))
                .collect();
        }
    }
    let with_slash = args.iter().filter(|a| a.contains('/')).count();
    if with_slash > 0 {
        if with_slash != args.len() {
            return Err(TargetError::Kubectl(
                "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'".into(),
            ));
        }
        for a in &args {
            tuples.push(split_type_name(a)?);
        }
    } else if let Some((first, rest)) = args.split_first() {
        resources = split_resource_argument(first);
        names = rest.to_vec();
        if rest.is_empty() && selector.is_none() && req.allow_empty_selector {
            selector = Some(String::new());
        }
    }

    if !req.files.is_empty() {
        if !resources.is_empty() {
            return Err(TargetError::Kubectl(
                "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well".into(),
            ));
        }
        if !names.is_empty() {
            return Err(TargetError::Kubectl(
                "name cannot be provided when a path is specified".into(),
            ));
        }
        if !tuples.is_empty() {
            return Err(TargetError::Kubectl(
                "resource/name arguments cannot be provided when a path is specified".into(),
            ));
        }
        return Ok(Target::Files(req.files.to_vec()));
    }
    if let Some(selector) = selector {
        if !names.is_empty() {
            return Err(TargetError::Kubectl(
                "name cannot be provided when a selector is specified".into(),
            ));
        }
        if !tuples.is_empty() {
            return Err(TargetError::Kubectl(
                "selectors and the all flag cannot be used when passing resource/name arguments"
                    .into(),
            ));
        }
        if resources.is_empty() {
            return Err(TargetError::Kubectl(
                "at least one resource must be specified to use a selector".into(),
            ));
        }
        let kind = one_kind(&resources)?;
        return Ok(Target::Selector { kind, selector });
    }
    if !tuples.is_empty() {
        let resources: Vec<String> = tuples.iter().map(|(r, _)| r.clone()).collect();
        let kind = one_kind(&resources)?;
        namespace_check(kind, req.all_namespaces)?;
        return Ok(Target::Named {
            kind,
            names: tuples.into_iter().map(|(_, n)| n).collect(),
        });
    }
    if !names.is_empty() {
        if resources.len() > 1 {
            return Err(TargetError::Kubectl(
                "you must specify only one resource".into(),
            ));
        }
        let kind = one_kind(&resources)?;
        namespace_check(kind, req.all_namespaces)?;
        return Ok(Target::Named { kind, names });
    }
    if !resources.is_empty() {
        for r in &resources {
            mapping_for(r)?;
        }
        return Err(TargetError::Kubectl(
            "resource(s) were provided, but no name was specified".into(),
        ));
    }
    Err(TargetError::Kubectl(MISSING_RESOURCE.into()))
}

/// `ResourceNames(defaultType, names…)` then `Do()`, as `cordon`/`drain` use it with
/// `nodes`: plain names are of the default type, `TYPE/NAME` names their own type.
pub(crate) fn resolve_names(
    default: ResourceKind,
    args: &[String],
) -> Result<Vec<(ResourceKind, String)>, TargetError> {
    let mut tuples = Vec::new();
    for a in args {
        if a.contains('/') {
            tuples.push(split_type_name(a)?);
        } else {
            tuples.push((default.resource().to_string(), a.clone()));
        }
    }
    if tuples.is_empty() {
        return Err(TargetError::Kubectl(MISSING_RESOURCE.into()));
    }
    let mut out = Vec::new();
    for (resource, name) in tuples {
        out.push((mapping_for(&resource)?, name));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn get_like(args: &[&str]) -> Result<Target, TargetError> {
        let args = s(args);
        resolve(&Request {
            args: &args,
            allow_empty_selector: true,
            ..Default::default()
        })
    }

    fn kerr(msg: &str) -> Result<Target, TargetError> {
        Err(TargetError::Kubectl(msg.into()))
    }

    #[test]
    fn type_alone_selects_everything_when_allowed() {
        assert_eq!(
            get_like(&["ds"]),
            Ok(Target::Selector {
                kind: ResourceKind::DaemonSet,
                selector: String::new()
            })
        );
        let args = s(&["ds"]);
        assert_eq!(
            resolve(&Request {
                args: &args,
                ..Default::default()
            }),
            kerr("resource(s) were provided, but no name was specified")
        );
    }

    #[test]
    fn names_and_type_name_forms() {
        let named = |kind, names: &[&str]| {
            Ok(Target::Named {
                kind,
                names: s(names),
            })
        };
        assert_eq!(
            get_like(&["ds", "a", "b"]),
            named(ResourceKind::DaemonSet, &["a", "b"])
        );
        assert_eq!(
            get_like(&["ds/a", "daemonset/b"]),
            named(ResourceKind::DaemonSet, &["a", "b"])
        );
        assert_eq!(
            get_like(&["ds,ds", "a"]),
            named(ResourceKind::DaemonSet, &["a"])
        );
        assert_eq!(get_like(&["ds,po", "a"]), Err(several_kinds()));
        assert_eq!(get_like(&["ds/a", "po/b"]), Err(several_kinds()));
        assert_eq!(get_like(&["ds,po"]), Err(several_kinds()));
    }

    #[test]
    fn builder_error_texts() {
        assert_eq!(
            get_like(&["ds", "ds/a"]),
            kerr(
                "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'"
            )
        );
        assert_eq!(
            get_like(&["ds/a/b"]),
            kerr("arguments in resource/name form may not have more than one slash")
        );
        assert_eq!(
            get_like(&["ds/"]),
            kerr("arguments in resource/name form must have a single resource and name")
        );
        assert_eq!(
            get_like(&["/a"]),
            kerr("arguments in resource/name form must have a single resource and name")
        );
        assert_eq!(
            get_like(&["ds,po/a"]),
            kerr("arguments in resource/name form must have a single resource and name")
        );
        assert_eq!(
            get_like(&["foo"]),
            kerr("the server doesn't have a resource type \"foo\"")
        );
        assert_eq!(
            get_like(&["Foo.bar", "x"]),
            kerr("the server doesn't have a resource type \"Foo\"")
        );
        assert_eq!(
            get_like(&["statefulsets/x"]),
            kerr("the server doesn't have a resource type \"statefulsets\"")
        );
        assert_eq!(get_like(&[]), kerr(MISSING_RESOURCE));
        assert!(matches!(
            get_like(&["all"]),
            Err(TargetError::Unsupported(_))
        ));
    }

    #[test]
    fn selectors_and_all() {
        let args = s(&["pods"]);
        let req = |sel: Option<&'static str>, all: bool, args: &'static [&'static str]| {
            let args: Vec<String> = s(args);
            resolve(&Request {
                args: &args,
                selector: sel,
                select_all: all,
                ..Default::default()
            })
        };
        assert_eq!(
            resolve(&Request {
                args: &args,
                selector: Some(" app=x "),
                ..Default::default()
            }),
            Ok(Target::Selector {
                kind: ResourceKind::Pod,
                selector: "app=x".into()
            })
        );
        assert_eq!(
            req(Some("app=x"), false, &["pods", "a"]),
            kerr("name cannot be provided when a selector is specified")
        );
        assert_eq!(
            req(Some("app=x"), false, &["pods/a"]),
            kerr("selectors and the all flag cannot be used when passing resource/name arguments")
        );
        assert_eq!(
            req(Some("app=x"), false, &[]),
            kerr("at least one resource must be specified to use a selector")
        );
        assert_eq!(
            req(None, true, &["pods"]),
            Ok(Target::Selector {
                kind: ResourceKind::Pod,
                selector: String::new()
            })
        );
        assert_eq!(
            req(Some("a=b"), true, &["pods"]),
            kerr("setting 'all' parameter but found a non empty selector. ")
        );
        // An empty selector is no selector.
        assert_eq!(
            req(Some("  "), false, &["pods"]),
            kerr("resource(s) were provided, but no name was specified")
        );
    }

    #[test]
    fn files_exclude_resource_arguments() {
        let files = s(&["a.yaml"]);
        let with = |args: &'static [&'static str]| {
            let args: Vec<String> = s(args);
            resolve(&Request {
                args: &args,
                files: &files,
                ..Default::default()
            })
        };
        assert_eq!(with(&[]), Ok(Target::Files(files.clone())));
        assert_eq!(
            with(&["ds"]),
            kerr(
                "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well"
            )
        );
        assert_eq!(
            with(&["ds/a"]),
            kerr("resource/name arguments cannot be provided when a path is specified")
        );
    }

    #[test]
    fn names_across_all_namespaces() {
        let args = s(&["ds", "a"]);
        assert_eq!(
            resolve(&Request {
                args: &args,
                all_namespaces: true,
                ..Default::default()
            }),
            kerr("a resource cannot be retrieved by name across all namespaces")
        );
        let args = s(&["node/a"]);
        assert!(
            resolve(&Request {
                args: &args,
                all_namespaces: true,
                ..Default::default()
            })
            .is_ok()
        );
    }

    #[test]
    fn resource_names_with_a_default_type() {
        assert_eq!(
            resolve_names(ResourceKind::Node, &s(&["n1", "pod/p"])),
            Ok(vec![
                (ResourceKind::Node, "n1".into()),
                (ResourceKind::Pod, "p".into())
            ])
        );
        assert_eq!(
            resolve_names(ResourceKind::Node, &s(&["svc/x"])),
            Err(TargetError::Kubectl(
                "the server doesn't have a resource type \"svc\"".into()
            ))
        );
    }
}

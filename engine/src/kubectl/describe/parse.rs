//! Reading `kubectl describe` (kubectl `pkg/cmd/describe/describe.go`): flags, then the
//! builder's checks.

use super::DescribeOptions;
use crate::kubectl::builder::{Request, Target, resolve};
use crate::kubectl::cmdutil::{Cx, SUGGEST_API_RESOURCES, filename_flags, namespace_scope};
use crate::kubectl::{Kubectl, Parsed, Refusal};
use crate::script::flags::{FlagSpec, FlagType::*, no, yes};

const DESCRIBE_FLAGS: &[FlagSpec] = &[
    filename_flags(false)[0],
    filename_flags(false)[1],
    filename_flags(false)[2],
    yes("selector", Some(b'l'), Str),
    yes("all-namespaces", Some(b'A'), Bool),
    no("show-events", None, Bool),
    no("chunk-size", None, Int),
];

pub(in crate::kubectl) fn parse(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl describe");
    let f = cx.flags(args, DESCRIBE_FLAGS)?;
    if f.positional.is_empty() {
        return Err(cx.plain(format!(
            "You must specify the type of resource to describe. {SUGGEST_API_RESOURCES}"
        )));
    }
    let target = resolve(&Request {
        args: &f.positional,
        selector: f.str("selector"),
        allow_empty_selector: true,
        all_namespaces: f.bool("all-namespaces"),
        ..Default::default()
    })
    .map_err(|e| cx.target(e))?;
    let (kind, names, selector) = match target {
        Target::Named { kind, names } => (kind, names, None),
        Target::Selector { kind, selector } => {
            (kind, Vec::new(), Some(selector).filter(|s| !s.is_empty()))
        }
        Target::Files(_) => return Err(cx.unsupported("-f is not supported")),
    };
    let namespace = namespace_scope(&f);
    cx.done(Kubectl::Describe(DescribeOptions {
        kind,
        names,
        selector,
        namespace,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::NamespaceScope;
    use crate::kubectl::resource::ResourceKind;
    use crate::kubectl::test_util::*;

    #[test]
    fn describe_forms() {
        let d = |kind, names: &[&str], namespace| {
            Kubectl::Describe(DescribeOptions {
                kind,
                names: names.iter().map(|s| s.to_string()).collect(),
                selector: None,
                namespace,
            })
        };
        assert_eq!(
            ok("kubectl describe ds x"),
            d(ResourceKind::DaemonSet, &["x"], NamespaceScope::Default)
        );
        assert_eq!(
            ok("kubectl describe ds/x"),
            d(ResourceKind::DaemonSet, &["x"], NamespaceScope::Default)
        );
        assert_eq!(
            ok("kubectl describe node n1 n2"),
            d(ResourceKind::Node, &["n1", "n2"], NamespaceScope::Default)
        );
        assert_eq!(
            ok("kubectl describe pods -n x"),
            d(ResourceKind::Pod, &[], NamespaceScope::Named("x".into()))
        );
        assert_eq!(
            ok("kubectl describe pods -A"),
            d(ResourceKind::Pod, &[], NamespaceScope::All)
        );
        assert_eq!(
            kerr("kubectl describe"),
            "error: You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources."
        );
        assert_eq!(
            kerr("kubectl describe foo x"),
            "error: the server doesn't have a resource type \"foo\""
        );
        assert_eq!(
            kerr("kubectl describe pod x -A"),
            "error: a resource cannot be retrieved by name across all namespaces"
        );
        match ok("kubectl describe pods -l a=b") {
            Kubectl::Describe(DescribeOptions {
                kind,
                names,
                selector,
                ..
            }) => {
                assert_eq!(kind, ResourceKind::Pod);
                assert!(names.is_empty());
                assert_eq!(selector.as_deref(), Some("a=b"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            kerr("kubectl describe pods x -l a=b"),
            "error: name cannot be provided when a selector is specified"
        );
        assert_eq!(
            kerr("kubectl describe --bogus"),
            "error: unknown flag: --bogus\nSee 'kubectl describe --help' for usage."
        );
    }
}

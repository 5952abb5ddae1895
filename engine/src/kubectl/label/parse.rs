//! Reading `kubectl label KIND NAME k=v… k-… [--overwrite]` (kubectl `pkg/cmd/label/label.go`):
//! `Complete` (resources before changes, `parseLabels`), `Validate`, then the builder.
//! Whether a key may be overwritten depends on the object, so that check is the run's
//! (`'k' already has a value (v), and --overwrite is false`).

use super::{LabelChange, LabelOptions};
use crate::api::syntax::label_value;
use crate::gofmt::quote;
use crate::kubectl::builder::{Request, Target, resolve};
use crate::kubectl::cmdutil::{
    Cx, DRY_RUN, FIELD_MANAGER, PRINT_FLAGS, RECORD, filename_flags, namespace_scope,
    resources_and_pairs,
};
use crate::kubectl::objects::Objects;
use crate::kubectl::{Kubectl, Parsed, Refusal};
use crate::script::flags::{FlagSpec, FlagType::*, no, yes};

const LABEL_FLAGS: &[FlagSpec] = &[
    RECORD,
    PRINT_FLAGS[0],
    PRINT_FLAGS[1],
    PRINT_FLAGS[2],
    PRINT_FLAGS[3],
    yes("overwrite", None, Bool),
    no("list", None, Bool),
    no("local", None, Bool),
    no("field-selector", None, Str),
    yes("all", None, Bool),
    yes("all-namespaces", Some(b'A'), Bool),
    no("resource-version", None, Str),
    filename_flags(false)[0],
    filename_flags(false)[1],
    filename_flags(false)[2],
    DRY_RUN,
    FIELD_MANAGER,
    yes("selector", Some(b'l'), Str),
];

/// kubectl's `parseLabels`: the changes in command-line order, one per key.
fn parse_labels(specs: &[String]) -> Result<Vec<LabelChange>, String> {
    let mut sets: Vec<(String, String)> = Vec::new();
    let mut removes: Vec<String> = Vec::new();
    for spec in specs {
        if spec.contains('=') {
            let parts: Vec<&str> = spec.split('=').collect();
            let [key, value] = parts.as_slice() else {
                return Err(format!("invalid label spec: {spec}"));
            };
            let errs = label_value(value);
            if !errs.is_empty() {
                return Err(format!(
                    "invalid label value: {}: {}",
                    quote(spec),
                    errs.join(";")
                ));
            }
            match sets.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = value.to_string(),
                None => sets.push((key.to_string(), value.to_string())),
            }
        } else if let Some(key) = spec.strip_suffix('-') {
            if !removes.iter().any(|r| r == key) {
                removes.push(key.to_string());
            }
        } else {
            return Err(format!("unknown label spec: {spec}"));
        }
    }
    if removes.iter().any(|r| sets.iter().any(|(k, _)| k == r)) {
        return Err("can not both modify and remove a label in the same command".into());
    }
    let mut changes: Vec<LabelChange> = sets
        .into_iter()
        .map(|(key, value)| LabelChange::Set { key, value })
        .collect();
    changes.extend(removes.into_iter().map(|key| LabelChange::Remove { key }));
    Ok(changes)
}

pub(in crate::kubectl) fn parse(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl label");
    let f = cx.flags(args, LABEL_FLAGS)?;
    // Complete.
    let (resources, pairs) =
        resources_and_pairs(&f.positional, "label").map_err(|e| cx.plain(e))?;
    let changes = parse_labels(&pairs).map_err(|e| cx.plain(e))?;
    // Validate.
    let select_all = f.bool("all");
    let selector = f.str("selector").unwrap_or("");
    if select_all && !selector.is_empty() {
        return Err(cx.plain("cannot set --all and --selector at the same time"));
    }
    if resources.is_empty() {
        return Err(cx.plain(
            "one or more resources must be specified as <resource> <name> or <resource>/<name>",
        ));
    }
    if changes.is_empty() {
        return Err(cx.plain("at least one label update is required"));
    }
    // Run: the builder.
    let target = resolve(&Request {
        args: &resources,
        selector: Some(selector),
        select_all,
        all_namespaces: f.bool("all-namespaces"),
        ..Default::default()
    })
    .map_err(|e| cx.target(e))?;
    let (kind, objects) = match target {
        Target::Named { kind, names } => (kind, Objects::Named(names)),
        Target::Selector { kind, selector } => (kind, Objects::Selector(selector)),
        Target::Files(_) => return Err(cx.unsupported("-f is not supported")),
    };
    let overwrite = f.bool("overwrite");
    let namespace = namespace_scope(&f);
    cx.done(Kubectl::Label(LabelOptions {
        kind,
        objects,
        changes,
        overwrite,
        namespace,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::NamespaceScope;
    use crate::kubectl::resource::ResourceKind;
    use crate::kubectl::test_util::*;

    fn set(k: &str, v: &str) -> LabelChange {
        LabelChange::Set {
            key: k.into(),
            value: v.into(),
        }
    }

    fn rm(k: &str) -> LabelChange {
        LabelChange::Remove { key: k.into() }
    }

    #[test]
    fn label_forms() {
        let want = Kubectl::Label(LabelOptions {
            kind: ResourceKind::Node,
            objects: Objects::Named(vec!["n1".into()]),
            changes: vec![set("disk", "ssd"), rm("old")],
            overwrite: false,
            namespace: NamespaceScope::Default,
        });
        assert_eq!(ok("kubectl label node n1 disk=ssd old-"), want);
        assert_eq!(ok("kubectl label nodes/n1 disk=ssd old-"), want);
        assert_eq!(ok("kubectl label no n1 old- disk=ssd"), want);
        match ok("kubectl label ds x app=web --overwrite -n team") {
            Kubectl::Label(LabelOptions {
                kind,
                overwrite,
                namespace,
                changes,
                ..
            }) => {
                assert_eq!(kind, ResourceKind::DaemonSet);
                assert!(overwrite);
                assert_eq!(namespace, NamespaceScope::Named("team".into()));
                assert_eq!(changes, vec![set("app", "web")]);
            }
            other => panic!("{other:?}"),
        }
        // Empty values are valid; the last value of a key wins.
        match ok("kubectl label pod p a= a=2 example.com/b=c") {
            Kubectl::Label(LabelOptions { changes, .. }) => {
                assert_eq!(changes, vec![set("a", "2"), set("example.com/b", "c")])
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn label_errors() {
        assert_eq!(
            kerr("kubectl label node n1"),
            "error: at least one label update is required"
        );
        assert_eq!(
            kerr("kubectl label a=b"),
            "error: one or more resources must be specified as <resource> <name> or <resource>/<name>"
        );
        assert_eq!(
            kerr("kubectl label node a=b n1"),
            "error: all resources must be specified before label changes: n1"
        );
        assert_eq!(
            kerr("kubectl label node n1 a=b=c"),
            "error: invalid label spec: a=b=c"
        );
        assert_eq!(
            kerr("kubectl label node n1 a=b-"),
            "error: invalid label value: \"a=b-\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
        );
        assert_eq!(
            kerr("kubectl label node n1 a=b a-"),
            "error: can not both modify and remove a label in the same command"
        );
        assert_eq!(
            kerr("kubectl label node a=b"),
            "error: resource(s) were provided, but no name was specified"
        );
        assert_eq!(
            kerr("kubectl label foo x a=b"),
            "error: the server doesn't have a resource type \"foo\""
        );
        assert_eq!(
            kerr("kubectl label node n1 a=b --overwrite=x")
                .lines()
                .next(),
            Some(
                "error: invalid argument \"x\" for \"--overwrite\" flag: strconv.ParseBool: parsing \"x\": invalid syntax"
            )
        );
    }

    /// Several names, `-l` and `--all` (label.go `ResourceTypeOrNameArgs(o.all, …)` with
    /// `LabelSelectorParam`), and `Validate`'s refusal of both at once.
    #[test]
    fn label_several_objects_selectors_and_all() {
        let objects = |line: &str| match ok(line) {
            Kubectl::Label(LabelOptions { objects, .. }) => objects,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            objects("kubectl label node n1 n2 a=b"),
            Objects::Named(vec!["n1".into(), "n2".into()])
        );
        assert_eq!(
            objects("kubectl label nodes --all a=b"),
            Objects::Selector(String::new())
        );
        assert_eq!(
            objects("kubectl label pods -l app=web tier=front"),
            Objects::Selector("app=web".into())
        );
        assert_eq!(
            kerr("kubectl label nodes --all -l x=y a=b"),
            "error: cannot set --all and --selector at the same time"
        );
        assert_eq!(
            kerr("kubectl label nodes n1 -l x=y a=b"),
            "error: name cannot be provided when a selector is specified"
        );
        assert!(nac("kubectl label node n1 --list").contains("--list"));
    }
}

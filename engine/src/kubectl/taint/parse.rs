//! Reading `kubectl taint node NAME k[=v]:EFFECT… k[:EFFECT]-… [--overwrite]` (kubectl
//! `pkg/cmd/taint/taint.go` `Complete`/`Validate`, `utils.go` `parseTaints`). Whether an
//! existing taint may be overwritten depends on the node, so that check is the run's.

use super::{TaintChange, TaintOptions};
use crate::api::syntax::{label_value, qualified_name};
use crate::gofmt::quote;
use crate::kubectl::builder::resolve_names;
use crate::kubectl::cmdutil::{Cx, DRY_RUN, FIELD_MANAGER, PRINT_FLAGS, VALIDATE};
use crate::kubectl::objects::Objects;
use crate::kubectl::resource::ResourceKind;
use crate::kubectl::{Kubectl, Parsed, Refusal};
use crate::script::flags::{FlagSpec, FlagType::*, yes};

const TAINT_FLAGS: &[FlagSpec] = &[
    PRINT_FLAGS[0],
    PRINT_FLAGS[1],
    PRINT_FLAGS[2],
    PRINT_FLAGS[3],
    DRY_RUN,
    VALIDATE,
    yes("selector", Some(b'l'), Str),
    yes("overwrite", None, Bool),
    yes("all", None, Bool),
    FIELD_MANAGER,
];

const EFFECTS: [&str; 3] = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/// A parsed `key[=value][:effect]`.
struct Taint {
    key: String,
    value: String,
    effect: String,
}

/// kubectl's `parseTaint`.
fn parse_taint(st: &str) -> Result<Taint, String> {
    let parts: Vec<&str> = st.split(':').collect();
    let (key, value, effect) = match parts.as_slice() {
        [key] => (key.to_string(), String::new(), String::new()),
        [kv, effect] => {
            if !EFFECTS.contains(effect) {
                return Err(format!(
                    "invalid taint effect: {effect}, unsupported taint effect"
                ));
            }
            let kv_parts: Vec<&str> = kv.split('=').collect();
            match kv_parts.as_slice() {
                [key] => (key.to_string(), String::new(), effect.to_string()),
                [key, value] => {
                    let errs = label_value(value);
                    if !errs.is_empty() {
                        return Err(format!("invalid taint spec: {st}, {}", errs.join("; ")));
                    }
                    (key.to_string(), value.to_string(), effect.to_string())
                }
                _ => return Err(format!("invalid taint spec: {st}")),
            }
        }
        _ => return Err(format!("invalid taint spec: {st}")),
    };
    let errs = qualified_name(&key);
    if !errs.is_empty() {
        return Err(format!("invalid taint spec: {st}, {}", errs.join("; ")));
    }
    Ok(Taint { key, value, effect })
}

/// kubectl's `parseTaints`: additions then removals, each in command-line order.
fn parse_taints(specs: &[String]) -> Result<(Vec<Taint>, Vec<Taint>), String> {
    let mut adds: Vec<Taint> = Vec::new();
    let mut removes: Vec<Taint> = Vec::new();
    for spec in specs {
        if let Some(stripped) = spec.strip_suffix('-') {
            removes.push(parse_taint(stripped)?);
        } else {
            let t = parse_taint(spec)?;
            if t.effect.is_empty() {
                return Err(format!("invalid taint spec: {spec}"));
            }
            if adds.iter().any(|a| a.key == t.key && a.effect == t.effect) {
                // Go's %v of a corev1.Taint value: {Key Value Effect TimeAdded}.
                return Err(format!(
                    "duplicated taints with the same key and effect: {{{} {} {} <nil>}}",
                    t.key, t.value, t.effect
                ));
            }
            adds.push(t);
        }
    }
    Ok((adds, removes))
}

pub(in crate::kubectl) fn parse(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl taint");
    let f = cx.flags(args, TAINT_FLAGS)?;

    // Complete: resources first, then taint changes.
    let mut resources: Vec<String> = Vec::new();
    let mut taint_args: Vec<String> = Vec::new();
    for s in &f.positional {
        let is_taint = s.contains('=') || s.contains(':') || s.ends_with('-');
        match (taint_args.is_empty(), is_taint) {
            (_, true) => taint_args.push(s.clone()),
            (true, false) => resources.push(s.clone()),
            (false, false) => {
                return Err(cx.plain(format!(
                    "all resources must be specified before taint changes: {s}"
                )));
            }
        }
    }
    if resources.is_empty() {
        return Err(cx.plain("one or more resources must be specified as <resource> <name>"));
    }
    if taint_args.is_empty() {
        return Err(cx.plain("at least one taint update is required"));
    }
    let (adds, removes) = parse_taints(&taint_args).map_err(|e| cx.usage(e))?;

    // Validate: the resource type must be nodes.
    let resource_type = resources[0].to_ascii_lowercase();
    match ResourceKind::from_arg(&resource_type) {
        Some(ResourceKind::Node) => {}
        Some(_) => {
            return Err(cx.plain(format!(
                "invalid resource type {resource_type}, only node types are supported"
            )));
        }
        // Not checked against a kubectl run: kubectl reads the type through a JSONPath
        // parser first, so exotic spellings may fail with a different text there.
        None => {
            return Err(cx.plain(format!(
                "the server doesn't have a resource type {}",
                quote(&resource_type)
            )));
        }
    }
    let mut conflicts: Vec<String> = Vec::new();
    for add in &adds {
        for remove in &removes {
            if add.key == remove.key && (remove.effect.is_empty() || add.effect == remove.effect) {
                conflicts.push(format!("{}={}", remove.key, remove.effect));
            }
        }
    }
    if !conflicts.is_empty() {
        return Err(cx.plain(format!(
            "can not both modify and remove the following taint(s) in the same command: {}",
            conflicts.join(", ")
        )));
    }
    // validateFlags.
    let select_all = f.bool("all");
    let selector = f.str("selector").unwrap_or("");
    if select_all && !selector.is_empty() {
        return Err(cx.plain("setting 'all' parameter with a non empty selector is prohibited"));
    }
    // Complete's builder: the selector, else every node, else the names.
    let nodes = if !selector.is_empty() {
        Objects::Selector(selector.to_string())
    } else if select_all {
        Objects::Selector(String::new())
    } else if resources.len() < 2 {
        return Err(cx.plain(
            "at least one resource name must be specified since 'all' parameter is not set",
        ));
    } else {
        let named = resolve_names(ResourceKind::Node, &resources[1..]).map_err(|e| cx.target(e))?;
        if named.iter().any(|(kind, _)| *kind != ResourceKind::Node) {
            return Err(cx.unsupported("only nodes can be tainted"));
        }
        Objects::Named(named.into_iter().map(|(_, name)| name).collect())
    };
    let mut changes: Vec<TaintChange> = adds
        .into_iter()
        .map(|t| TaintChange::Add {
            key: t.key,
            value: (!t.value.is_empty()).then_some(t.value),
            effect: t.effect,
        })
        .collect();
    changes.extend(removes.into_iter().map(|t| TaintChange::Remove {
        key: t.key,
        effect: (!t.effect.is_empty()).then_some(t.effect),
    }));
    let overwrite = f.bool("overwrite");
    cx.done(Kubectl::Taint(TaintOptions {
        nodes,
        changes,
        overwrite,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::test_util::*;

    fn add(k: &str, v: Option<&str>, e: &str) -> TaintChange {
        TaintChange::Add {
            key: k.into(),
            value: v.map(str::to_string),
            effect: e.into(),
        }
    }

    fn rm(k: &str, e: Option<&str>) -> TaintChange {
        TaintChange::Remove {
            key: k.into(),
            effect: e.map(str::to_string),
        }
    }

    fn changes(line: &str) -> Vec<TaintChange> {
        match ok(line) {
            Kubectl::Taint(TaintOptions { changes, .. }) => changes,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn taint_forms() {
        assert_eq!(
            ok("kubectl taint node n1 dedicated=gpu:NoSchedule"),
            Kubectl::Taint(TaintOptions {
                nodes: Objects::Named(vec!["n1".into()]),
                changes: vec![add("dedicated", Some("gpu"), "NoSchedule")],
                overwrite: false
            })
        );
        assert_eq!(
            changes("kubectl taint nodes n1 k:NoExecute"),
            vec![add("k", None, "NoExecute")]
        );
        assert_eq!(
            changes("kubectl taint no n1 k=:PreferNoSchedule"),
            vec![add("k", None, "PreferNoSchedule")]
        );
        assert_eq!(changes("kubectl taint node n1 k-"), vec![rm("k", None)]);
        assert_eq!(
            changes("kubectl taint node n1 k:NoSchedule-"),
            vec![rm("k", Some("NoSchedule"))]
        );
        assert_eq!(
            changes("kubectl taint node n1 k=v:NoSchedule-"),
            vec![rm("k", Some("NoSchedule"))]
        );
        assert_eq!(
            changes(
                "kubectl taint node n1 a-  b=1:NoSchedule node-role.kubernetes.io/control-plane:NoSchedule-"
            ),
            vec![
                add("b", Some("1"), "NoSchedule"),
                rm("a", None),
                rm("node-role.kubernetes.io/control-plane", Some("NoSchedule"))
            ]
        );
        // Same key, different effects.
        assert_eq!(
            changes("kubectl taint node n1 k=v:NoSchedule k=v:NoExecute"),
            vec![
                add("k", Some("v"), "NoSchedule"),
                add("k", Some("v"), "NoExecute")
            ]
        );
        match ok("kubectl taint node n1 k=v:NoSchedule --overwrite -n ignored") {
            Kubectl::Taint(TaintOptions { overwrite, .. }) => assert!(overwrite),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn taint_effects_must_be_exact() {
        let usage = |m: &str| format!("error: {m}\nSee 'kubectl taint -h' for help and examples");
        assert_eq!(
            kerr("kubectl taint node n1 k=v:noschedule"),
            usage("invalid taint effect: noschedule, unsupported taint effect")
        );
        assert_eq!(
            kerr("kubectl taint node n1 k=v:"),
            usage("invalid taint effect: , unsupported taint effect")
        );
        assert_eq!(
            kerr("kubectl taint node n1 k=v"),
            usage(
                "invalid taint spec: k=v, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
            )
        );
        assert_eq!(
            kerr("kubectl taint node n1 k"),
            "error: at least one taint update is required"
        );
        assert_eq!(
            kerr("kubectl taint node n1 k:"),
            usage("invalid taint effect: , unsupported taint effect")
        );
    }

    #[test]
    fn taint_spec_errors() {
        let usage = |m: &str| format!("error: {m}\nSee 'kubectl taint -h' for help and examples");
        assert_eq!(
            kerr("kubectl taint node n1 a:b:c"),
            usage("invalid taint spec: a:b:c")
        );
        assert_eq!(
            kerr("kubectl taint node n1 a=b=c:NoSchedule"),
            usage("invalid taint spec: a=b=c:NoSchedule")
        );
        assert!(
            kerr("kubectl taint node n1 k=v-x-:NoSchedule")
                .starts_with("error: invalid taint spec: k=v-x-:NoSchedule, a valid label must be")
        );
        assert!(
            kerr("kubectl taint node n1 k=-v:NoSchedule")
                .starts_with("error: invalid taint spec: k=-v:NoSchedule, a valid label must be")
        );
        assert!(kerr("kubectl taint node n1 =v:NoSchedule").starts_with("error: invalid taint spec: =v:NoSchedule, name part must be non-empty; name part must consist"));
        assert_eq!(
            kerr("kubectl taint node n1 k=v:NoSchedule k=w:NoSchedule"),
            usage("duplicated taints with the same key and effect: {k w NoSchedule <nil>}")
        );
    }

    #[test]
    fn taint_argument_errors() {
        assert_eq!(
            kerr("kubectl taint"),
            "error: one or more resources must be specified as <resource> <name>"
        );
        assert_eq!(
            kerr("kubectl taint node n1"),
            "error: at least one taint update is required"
        );
        assert_eq!(
            kerr("kubectl taint node k=v:NoSchedule n1"),
            "error: all resources must be specified before taint changes: n1"
        );
        assert_eq!(
            kerr("kubectl taint node k=v:NoSchedule"),
            "error: at least one resource name must be specified since 'all' parameter is not set"
        );
        assert_eq!(
            kerr("kubectl taint pods p k=v:NoSchedule"),
            "error: invalid resource type pods, only node types are supported"
        );
        assert_eq!(
            kerr("kubectl taint Pod p k=v:NoSchedule"),
            "error: invalid resource type pod, only node types are supported"
        );
        assert_eq!(
            kerr("kubectl taint foo p k=v:NoSchedule"),
            "error: the server doesn't have a resource type \"foo\""
        );
        assert_eq!(
            kerr("kubectl taint node n1 k=v:NoSchedule k-"),
            "error: can not both modify and remove the following taint(s) in the same command: k="
        );
        assert_eq!(
            kerr("kubectl taint node n1 k=v:NoSchedule k:NoSchedule-"),
            "error: can not both modify and remove the following taint(s) in the same command: k=NoSchedule"
        );
        assert_eq!(
            kerr("kubectl taint node n1 k:NoSchedule -A"),
            "error: unknown shorthand flag: 'A' in -A\nSee 'kubectl taint --help' for usage."
        );
    }

    /// taint.go's Complete: `-l` (`LabelSelectorParam(...).ResourceTypes("node")`), `--all`
    /// (`SelectAllParam`), else `ResourceNames("node", names…)`; `validateFlags` refuses both.
    #[test]
    fn taint_several_nodes_selectors_and_all() {
        let nodes = |line: &str| match ok(line) {
            Kubectl::Taint(TaintOptions { nodes, .. }) => nodes,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            nodes("kubectl taint nodes --all k=v:NoSchedule"),
            Objects::Selector(String::new())
        );
        assert_eq!(
            nodes("kubectl taint nodes n1 n2 k=v:NoSchedule"),
            Objects::Named(vec!["n1".into(), "n2".into()])
        );
        assert_eq!(
            nodes("kubectl taint nodes -l a=b k=v:NoSchedule"),
            Objects::Selector("a=b".into())
        );
        assert_eq!(
            kerr("kubectl taint nodes --all -l a=b k=v:NoSchedule"),
            "error: setting 'all' parameter with a non empty selector is prohibited"
        );
    }
}

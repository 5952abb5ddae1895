//! Reading `kubectl apply -f …` and `kubectl create -f …` (kubectl `pkg/cmd/apply/apply.go`,
//! `pkg/cmd/create/create.go`): only manifests from files or standard input.

use super::{ApplyOptions, Verb};
use crate::gofmt::format_string_slice;
use crate::kubectl::cmdutil::{
    Cx, DRY_RUN, FIELD_MANAGER, PRINT_FLAGS, RECORD, SELECTOR_UNSUPPORTED, VALIDATE,
    filename_flags, namespace_scope, not_a_command,
};
use crate::kubectl::{GLOBAL_FLAGS, Kubectl, Parsed, Refusal};
use crate::manifest::FieldValidation;
use crate::script::flags::{FlagSpec, FlagType::*, args_minus_first, no, strip_flags};

const APPLY_FLAGS: &[FlagSpec] = &[
    filename_flags(true)[0],
    filename_flags(true)[1],
    filename_flags(true)[2],
    no("cascade", None, OptStr("background")),
    no("grace-period", None, Int),
    no("force", None, Bool),
    no("timeout", None, Duration),
    no("wait", None, Bool),
    RECORD,
    PRINT_FLAGS[0],
    PRINT_FLAGS[1],
    PRINT_FLAGS[2],
    PRINT_FLAGS[3],
    VALIDATE,
    DRY_RUN,
    no("server-side", None, Bool),
    no("force-conflicts", None, Bool),
    FIELD_MANAGER,
    SELECTOR_UNSUPPORTED,
    no("prune", None, Bool),
    no("prune-allowlist", None, Array),
    no("all", None, Bool),
    no("applyset", None, Str),
    no("overwrite", None, Bool),
    no("openapi-patch", None, Bool),
    no("subresource", None, Str),
];

const CREATE_FLAGS: &[FlagSpec] = &[
    RECORD,
    filename_flags(true)[0],
    filename_flags(true)[1],
    filename_flags(true)[2],
    VALIDATE,
    no("edit", None, Bool),
    no("windows-line-endings", None, Bool),
    no("save-config", None, Bool),
    DRY_RUN,
    SELECTOR_UNSUPPORTED,
    no("raw", None, Str),
    FIELD_MANAGER,
    PRINT_FLAGS[0],
    PRINT_FLAGS[1],
    PRINT_FLAGS[2],
    PRINT_FLAGS[3],
];

const APPLY_SUBCOMMANDS: &[&str] = &["edit-last-applied", "set-last-applied", "view-last-applied"];

/// `kubectl create` subcommands (and their aliases), which generate objects from flags.
const CREATE_SUBCOMMANDS: &[&str] = &[
    "clusterrole",
    "clusterrolebinding",
    "configmap",
    "cm",
    "cronjob",
    "cj",
    "ingress",
    "ing",
    "job",
    "namespace",
    "ns",
    "poddisruptionbudget",
    "pdb",
    "priorityclass",
    "pc",
    "quota",
    "resourcequota",
    "role",
    "rolebinding",
    "secret",
    "service",
    "svc",
    "serviceaccount",
    "sa",
    "token",
];

/// kubectl's `GetValidationDirective`: a Go boolean (true is strict, false ignore), or one of
/// the three directives.
fn validation_directive(cx: &Cx, flag: Option<&str>) -> Result<FieldValidation, Refusal> {
    let value = flag.unwrap_or("strict");
    match value {
        "1" | "t" | "T" | "TRUE" | "true" | "True" | "strict" => Ok(FieldValidation::Strict),
        "0" | "f" | "F" | "FALSE" | "false" | "False" | "ignore" => Ok(FieldValidation::Ignore),
        "warn" => Ok(FieldValidation::Warn),
        _ => Err(cx.plain(format!(
            "invalid - validate option {}; must be one of: strict (or true), warn, ignore (or false)",
            crate::gofmt::quote(value)
        ))),
    }
}

pub(in crate::kubectl) fn parse(args: &[String], verb: Verb) -> Result<Parsed, Refusal> {
    if verb == Verb::Create
        && let Some(sub) = strip_flags(args, &[CREATE_FLAGS, GLOBAL_FLAGS])
            .first()
            .filter(|sub| matches!(sub.as_str(), "deployment" | "deploy"))
    {
        let rest = args_minus_first(args, sub, &[GLOBAL_FLAGS]);
        return crate::kubectl::create_deployment::parse(&rest);
    }
    let (path, table, subcommands) = match verb {
        Verb::Apply => ("kubectl apply", APPLY_FLAGS, APPLY_SUBCOMMANDS),
        Verb::Create => ("kubectl create", CREATE_FLAGS, CREATE_SUBCOMMANDS),
    };
    if let Some(sub) = strip_flags(args, &[table, GLOBAL_FLAGS])
        .first()
        .filter(|sub| subcommands.contains(&sub.as_str()))
    {
        return Err(not_a_command(format!(
            "{path} {sub} is not part of the scenario language (use {path} -f FILE)"
        )));
    }
    let mut cx = Cx::new(path);
    let f = cx.flags(args, table)?;
    if !f.positional.is_empty() {
        return Err(cx.usage(format!(
            "Unexpected args: {}",
            format_string_slice(&f.positional)
        )));
    }
    let files = f.list("filename").to_vec();
    if files.is_empty() {
        return Err(cx.plain("must specify one of -f and -k"));
    }
    let o = ApplyOptions {
        files,
        namespace: namespace_scope(&f),
        validation: validation_directive(&cx, f.str("validate"))?,
    };
    cx.done(match verb {
        Verb::Apply => Kubectl::Apply(o),
        Verb::Create => Kubectl::Create(o),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::NamespaceScope;
    use crate::kubectl::test_util::*;

    fn files(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn apply_file_spellings() {
        for line in [
            "kubectl apply -f ds.yaml",
            "kubectl apply -fds.yaml",
            "kubectl apply -f=ds.yaml",
            "kubectl apply --filename ds.yaml",
            "kubectl apply --filename=ds.yaml",
        ] {
            assert_eq!(
                ok(line),
                Kubectl::Apply(ApplyOptions {
                    files: files(&["ds.yaml"]),
                    namespace: NamespaceScope::Default,
                    validation: crate::manifest::FieldValidation::Strict,
                }),
                "{line}"
            );
        }
        assert_eq!(
            ok("kubectl apply -f a.yaml,b.yaml -f - -n team"),
            Kubectl::Apply(ApplyOptions {
                files: files(&["a.yaml", "b.yaml", "-"]),
                namespace: NamespaceScope::Named("team".into()),
                validation: crate::manifest::FieldValidation::Strict,
            })
        );
    }

    #[test]
    fn create_file_spellings() {
        assert_eq!(
            ok("kubectl create -f -"),
            Kubectl::Create(ApplyOptions {
                files: files(&["-"]),
                namespace: NamespaceScope::Default,
                validation: crate::manifest::FieldValidation::Strict,
            })
        );
        assert_eq!(
            ok("kubectl create --namespace=x --filename=nodes.yaml"),
            Kubectl::Create(ApplyOptions {
                files: files(&["nodes.yaml"]),
                namespace: NamespaceScope::Named("x".into()),
                validation: crate::manifest::FieldValidation::Strict,
            })
        );
    }

    #[test]
    fn apply_and_create_errors() {
        assert_eq!(
            kerr("kubectl apply"),
            "error: must specify one of -f and -k"
        );
        assert_eq!(
            kerr("kubectl create"),
            "error: must specify one of -f and -k"
        );
        assert_eq!(
            kerr("kubectl apply -f ''"),
            "error: must specify one of -f and -k"
        );
        assert_eq!(
            kerr("kubectl apply ds.yaml"),
            "error: Unexpected args: [ds.yaml]\nSee 'kubectl apply -h' for help and examples"
        );
        assert_eq!(
            kerr("kubectl create -f x.yaml a b"),
            "error: Unexpected args: [a b]\nSee 'kubectl create -h' for help and examples"
        );
        assert_eq!(
            kerr("kubectl apply -f"),
            "error: flag needs an argument: 'f' in -f\nSee 'kubectl apply --help' for usage."
        );
        assert_eq!(
            kerr("kubectl create -A -f x"),
            "error: unknown shorthand flag: 'A' in -A\nSee 'kubectl create --help' for usage."
        );
    }

    #[test]
    fn apply_and_create_unmodelled() {
        assert_eq!(
            nac("kubectl apply -f x --server-side"),
            "kubectl apply: --server-side is not supported by the simulator"
        );
        assert!(
            nac("kubectl apply view-last-applied ds/x")
                .contains("not part of the scenario language")
        );
        assert!(nac("kubectl create service x").contains("kubectl create service"));
        assert!(nac("kubectl create -f x --dry-run").contains("--dry-run"));
        assert!(nac("kubectl create -f x --record").contains("--record"));
    }
}

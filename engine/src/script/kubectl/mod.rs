//! `kubectl …` commands: finding the verb as cobra does, the flags every command shares, and
//! kubectl's ways of printing an error. One file per verb family below.
//!
//! Sources: kubernetes/kubectl tag kubernetes-1.36.3 (`pkg/cmd/*`, `pkg/cmd/util/helpers.go`
//! `checkErr`/`UsageErrorf`, `pkg/util/templates/templater.go` `FlagErrorFunc`), cli-runtime
//! v0.36 (`resource.Builder`, `genericclioptions`), spf13/pflag v1.0.9, spf13/cobra v1.10.2.

mod apply;
mod delete;
mod get;
mod label;
mod node;
mod rollout;
mod set_image;
mod taint;

use super::command::{Kubectl, NamespaceScope};
use super::flags::{
    FlagSpec, FlagType, ParsedFlags, args_minus_first, no, parse_flags, strip_flags, yes,
};
use super::resources::TargetError;
use crate::command::{Command, ParseError, ParsedCommand};

/// kubectl's persistent flags (root command), available to every command. Only `-n` is
/// modelled; the connection and logging flags have no meaning in the simulator.
const GLOBAL_FLAGS: &[FlagSpec] = &[
    yes("namespace", Some(b'n'), FlagType::Str),
    yes("help", Some(b'h'), FlagType::Bool),
    no("kubeconfig", None, FlagType::Str),
    no("cache-dir", None, FlagType::Str),
    no("client-certificate", None, FlagType::Str),
    no("client-key", None, FlagType::Str),
    no("token", None, FlagType::Str),
    no("as", None, FlagType::Str),
    no("as-uid", None, FlagType::Str),
    no("as-group", None, FlagType::Array),
    no("as-user-extra", None, FlagType::Array),
    no("username", None, FlagType::Str),
    no("password", None, FlagType::Str),
    no("cluster", None, FlagType::Str),
    no("user", None, FlagType::Str),
    no("context", None, FlagType::Str),
    no("server", Some(b's'), FlagType::Str),
    no("tls-server-name", None, FlagType::Str),
    no("insecure-skip-tls-verify", None, FlagType::Bool),
    no("certificate-authority", None, FlagType::Str),
    no("request-timeout", None, FlagType::Str),
    no("disable-compression", None, FlagType::Bool),
    no("match-server-version", None, FlagType::Bool),
    no("warnings-as-errors", None, FlagType::Bool),
    no("profile", None, FlagType::Str),
    no("profile-output", None, FlagType::Str),
    no("kuberc", None, FlagType::Str),
    // klog's flags as kubectl exposes them (not checked against a kubectl binary).
    no("v", Some(b'v'), FlagType::Str),
    no("vmodule", None, FlagType::Str),
    no("log-flush-frequency", None, FlagType::Duration),
];

/// `-f`, `-k`, `-R` (`cmdutil.AddFilenameOptionFlags`).
const fn filename_flags(supported: bool) -> [FlagSpec; 3] {
    [
        if supported {
            yes("filename", Some(b'f'), FlagType::List)
        } else {
            no("filename", Some(b'f'), FlagType::List)
        },
        no("kustomize", Some(b'k'), FlagType::Str),
        no("recursive", Some(b'R'), FlagType::Bool),
    ]
}

/// `-o`, `--template`, `--allow-missing-template-keys`, `--show-managed-fields`
/// (`genericclioptions.PrintFlags`), on commands whose output format is not modelled.
const PRINT_FLAGS: [FlagSpec; 4] = [
    no("output", Some(b'o'), FlagType::Str),
    no("template", None, FlagType::Str),
    no("allow-missing-template-keys", None, FlagType::Bool),
    no("show-managed-fields", None, FlagType::Bool),
];

const DRY_RUN: FlagSpec = no("dry-run", None, FlagType::OptStr("unchanged"));
const SELECTOR_UNSUPPORTED: FlagSpec = no("selector", Some(b'l'), FlagType::Str);
const FIELD_MANAGER: FlagSpec = no("field-manager", None, FlagType::Str);
const RECORD: FlagSpec = FlagSpec {
    name: "record",
    short: None,
    ty: FlagType::Bool,
    supported: false,
    deprecated: Some("--record will be removed in the future"),
    alias_of: None,
};
const VALIDATE: FlagSpec = no("validate", None, FlagType::OptStr("strict"));

/// kubectl's commands that the scenario language leaves out (for a clearer refusal).
const OTHER_KUBECTL_COMMANDS: &[&str] = &[
    "alpha",
    "annotate",
    "api-resources",
    "api-versions",
    "attach",
    "auth",
    "autoscale",
    "certificate",
    "cluster-info",
    "completion",
    "config",
    "cp",
    "debug",
    "diff",
    "edit",
    "events",
    "exec",
    "explain",
    "expose",
    "help",
    "kustomize",
    "logs",
    "options",
    "patch",
    "plugin",
    "port-forward",
    "proxy",
    "replace",
    "run",
    "scale",
    "top",
    "version",
    "wait",
];

const SUPPORTED_LIST: &str = "apply, create, delete, get, describe, label, taint, cordon, uncordon, drain, rollout status|history|undo|restart, set image";

/// Parses the words after `kubectl`.
pub(crate) fn parse(args: &[String]) -> Result<ParsedCommand, ParseError> {
    let Some((verb, rest)) = find_subcommand(args) else {
        return Err(not_a_command(format!(
            "kubectl needs a command ({SUPPORTED_LIST})"
        )));
    };
    match verb.as_str() {
        "get" => get::parse_get(&rest),
        "describe" => get::parse_describe(&rest),
        "apply" => apply::parse(&rest, apply::Verb::Apply),
        "create" => apply::parse(&rest, apply::Verb::Create),
        "delete" => delete::parse(&rest),
        "label" => label::parse(&rest),
        "taint" => taint::parse(&rest),
        "cordon" => node::parse_cordon(&rest, true),
        "uncordon" => node::parse_cordon(&rest, false),
        "drain" => node::parse_drain(&rest),
        "rollout" => rollout::parse(&rest),
        "set" => set_image::parse_set(&rest),
        other if OTHER_KUBECTL_COMMANDS.contains(&other) => Err(not_a_command(format!(
            "kubectl {other} is not part of the scenario language (it has: {SUPPORTED_LIST})"
        ))),
        other => Err(not_a_command(format!(
            "unknown command {} for \"kubectl\" (the scenario language has: {SUPPORTED_LIST})",
            crate::gofmt::quote(other)
        ))),
    }
}

/// cobra's `Find` one level down: the first word that is not a flag or a flag's value, and the
/// arguments without it.
fn find_subcommand(args: &[String]) -> Option<(String, Vec<String>)> {
    let words = strip_flags(args, &[GLOBAL_FLAGS]);
    let verb = words.into_iter().next()?;
    let rest = args_minus_first(args, &verb, &[GLOBAL_FLAGS]);
    Some((verb, rest))
}

pub(super) fn not_a_command(message: String) -> ParseError {
    ParseError::NotACommand { message }
}

/// The state of parsing one kubectl command: its path (for kubectl's hints) and the warnings
/// kubectl has printed so far.
pub(super) struct Cx {
    path: &'static str,
    warnings: Vec<String>,
}

impl Cx {
    pub(super) fn new(path: &'static str) -> Cx {
        Cx {
            path,
            warnings: Vec::new(),
        }
    }

    /// Parses the flags of the command (its own table plus kubectl's global flags). A pflag
    /// error is kubectl's flag error; `--help` and flags the simulator does not model are
    /// refused as not part of the language.
    pub(super) fn flags(
        &mut self,
        args: &[String],
        table: &[FlagSpec],
    ) -> Result<ParsedFlags, ParseError> {
        match parse_flags(args, &[table, GLOBAL_FLAGS]) {
            Err(e) => {
                self.warnings.extend(e.1);
                Err(self.raw(format!(
                    "error: {}\nSee '{} --help' for usage.",
                    e.0, self.path
                )))
            }
            Ok(f) => {
                self.warnings.extend(f.warnings.iter().cloned());
                if f.bool("help") {
                    return Err(not_a_command(format!(
                        "{} --help: kubectl's help texts are not part of the simulator",
                        self.path
                    )));
                }
                if !f.unsupported.is_empty() {
                    return Err(not_a_command(format!(
                        "{}: {} {} not supported by the simulator",
                        self.path,
                        f.unsupported.join(", "),
                        if f.unsupported.len() == 1 {
                            "is"
                        } else {
                            "are"
                        }
                    )));
                }
                Ok(f)
            }
        }
    }

    /// Records a warning kubectl prints on standard error.
    pub(super) fn warn(&mut self, line: String) {
        self.warnings.push(line);
    }

    /// kubectl's text as printed, after any warnings.
    pub(super) fn raw(&self, text: String) -> ParseError {
        let mut message = String::new();
        for w in &self.warnings {
            message.push_str(w);
            message.push('\n');
        }
        message.push_str(text.trim_end_matches('\n'));
        ParseError::Kubectl { message }
    }

    /// `cmdutil.CheckErr` of a plain error: `error: <msg>`.
    pub(super) fn plain(&self, msg: impl Into<String>) -> ParseError {
        let msg = msg.into();
        if msg.starts_with("error: ") {
            self.raw(msg)
        } else {
            self.raw(format!("error: {msg}"))
        }
    }

    /// `cmdutil.UsageErrorf`: the error, then `See '<command> -h' for help and examples`.
    pub(super) fn usage(&self, msg: impl Into<String>) -> ParseError {
        self.plain(format!(
            "{}\nSee '{} -h' for help and examples",
            msg.into(),
            self.path
        ))
    }

    /// A builder error (kubectl's) or an unsupported request (not part of the language).
    pub(super) fn target(&self, e: TargetError) -> ParseError {
        match e {
            TargetError::Kubectl(msg) => self.plain(msg),
            TargetError::Unsupported(msg) => self.unsupported(msg),
            TargetError::SeveralKinds => self.unsupported(
                "several resource types at once are not supported by the simulator; use one command per type",
            ),
        }
    }

    /// A valid kubectl request the simulator does not model.
    pub(super) fn unsupported(&self, msg: impl Into<String>) -> ParseError {
        not_a_command(format!("{}: {}", self.path, msg.into()))
    }

    pub(super) fn done(self, k: Kubectl) -> Result<ParsedCommand, ParseError> {
        Ok(ParsedCommand {
            command: Command::Kubectl(k),
            warnings: self.warnings,
        })
    }
}

/// `-n`/`-A`: `-A` wins over `-n`, an empty `-n` is the default namespace.
pub(super) fn namespace_scope(f: &ParsedFlags) -> NamespaceScope {
    if f.bool("all-namespaces") {
        return NamespaceScope::All;
    }
    match f.str("namespace") {
        Some(ns) if !ns.is_empty() => NamespaceScope::Named(ns.to_string()),
        _ => NamespaceScope::Default,
    }
}

#[cfg(test)]
pub(super) mod test_util {
    use super::super::command::Kubectl;
    use crate::command::{Command, ParseError, ParsedCommand};

    pub fn argv(line: &str) -> Vec<String> {
        crate::script::split_words(line).unwrap_or_else(|e| panic!("{line}: {e}"))
    }

    pub fn parsed(line: &str) -> ParsedCommand {
        crate::command::parse_command_full(&argv(line)).unwrap_or_else(|e| panic!("{line}: {e:?}"))
    }

    pub fn ok(line: &str) -> Kubectl {
        match parsed(line).command {
            Command::Kubectl(k) => k,
            other => panic!("{line}: {other:?}"),
        }
    }

    /// The kubectl error text.
    pub fn kerr(line: &str) -> String {
        match crate::command::parse_command_full(&argv(line)) {
            Err(ParseError::Kubectl { message }) => message,
            other => panic!("{line}: expected a kubectl error, got {other:?}"),
        }
    }

    /// The not-a-command message.
    pub fn nac(line: &str) -> String {
        match crate::command::parse_command_full(&argv(line)) {
            Err(ParseError::NotACommand { message }) => message,
            other => panic!("{line}: expected NotACommand, got {other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_util::*;
    use crate::script::*;

    #[test]
    fn verb_after_global_flags() {
        assert_eq!(
            ok("kubectl -n kube-system get pods"),
            ok("kubectl get pods -n kube-system")
        );
        assert_eq!(
            ok("kubectl --namespace=x get pods"),
            ok("kubectl get pods --namespace x")
        );
        match ok("kubectl -n kube-system get pods") {
            Kubectl::Get { namespace, .. } => {
                assert_eq!(namespace, NamespaceScope::Named("kube-system".into()))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_and_unsupported_verbs_are_not_commands() {
        assert!(nac("kubectl").contains("kubectl needs a command"));
        assert!(nac("kubectl -n x").contains("kubectl needs a command"));
        assert!(
            nac("kubectl frobnicate").starts_with("unknown command \"frobnicate\" for \"kubectl\"")
        );
        assert!(
            nac("kubectl logs x").starts_with("kubectl logs is not part of the scenario language")
        );
        assert!(nac("kubectl scale ds x").contains("not part of the scenario language"));
    }

    #[test]
    fn help_and_global_flags_are_not_modelled() {
        assert!(nac("kubectl get pods -h").contains("help"));
        assert!(nac("kubectl get pods --help").contains("help"));
        assert_eq!(
            nac("kubectl get pods --context prod"),
            "kubectl get: --context is not supported by the simulator"
        );
        assert_eq!(
            nac("kubectl get pods -v=6 --kubeconfig x"),
            "kubectl get: --v, --kubeconfig are not supported by the simulator"
        );
    }

    /// A flag error beats `--help` and unsupported flags, as in cobra.
    #[test]
    fn flag_errors_come_first() {
        assert_eq!(
            kerr("kubectl get pods --context x --foo"),
            "error: unknown flag: --foo\nSee 'kubectl get --help' for usage."
        );
        assert_eq!(
            kerr("kubectl get pods -h -z"),
            "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage."
        );
    }
}

//! `kubectl …`: each verb in its folder (its options type, the parse of its command line into
//! those options, the run that prints what kubectl prints, and their tests), as kubectl keeps
//! them in `pkg/cmd/<verb>`. Here what they share:
//!
//! - `parse`: finding the verb as cobra does, after kubectl's global flags; `run`: running the
//!   parsed [`Kubectl`] command;
//! - [`Context`]: the cluster, the standard input of the command (a here-document) and the
//!   [`FileSource`] through which `-f FILE` is read (the CLI reads the disk relative to the
//!   scenario's folder; the web console has none and reads only `-f -`);
//! - [`Out`]: the command's output and whether it failed;
//! - [`KError`]: an error as kubectl's `cmdutil.CheckErr` prints it: one error alone gets
//!   `error: ` (unless it is an API status error, printed as `Error from server (Reason): …` or
//!   `The DaemonSet "x" is invalid: …`); several errors print one per line, without the prefix
//!   (`MultipleErrors`);
//! - `cmdutil`: shared flags and kubectl's usage errors; [`resource`] and `builder`: resource
//!   types and the resource builder's reading of `TYPE NAME…` arguments; [`print`](mod@print): printers.
//!
//! Sources: kubernetes/kubectl tag kubernetes-1.36.3 (`pkg/cmd/*`, `pkg/cmd/util/helpers.go`
//! `checkErr`/`UsageErrorf`, `pkg/util/templates/templater.go` `FlagErrorFunc`), cli-runtime
//! v0.36 (`resource.Builder`, `genericclioptions`), spf13/pflag v1.0.9, spf13/cobra v1.10.2.
//! Output texts follow kubectl 1.34+, e.g. `delete` names the namespace: `daemonset.apps "x"
//! deleted from default namespace`.

pub mod apply;
pub(crate) mod builder;
mod cmdutil;
pub mod cordon;
pub mod create_deployment;
pub mod delete;
pub mod describe;
pub mod drain;
pub mod get;
pub mod label;
pub mod objects;
pub mod print;
pub mod resource;
pub mod rollout;
pub mod scale;
pub mod set_image;
pub mod taint;
#[cfg(test)]
mod test_util;

use crate::api::ApiError;
use crate::cluster::Cluster;
use crate::script::flags::{FlagSpec, FlagType, args_minus_first, no, strip_flags, yes};
use cmdutil::not_a_command;

/// A `kubectl` command: one variant per verb, with the verb's options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kubectl {
    /// `kubectl apply -f FILE|-`.
    Apply(apply::ApplyOptions),
    /// `kubectl create -f FILE|-`.
    Create(apply::ApplyOptions),
    /// `kubectl delete`.
    Delete(delete::DeleteOptions),
    /// `kubectl get`.
    Get(get::GetOptions),
    /// `kubectl describe`.
    Describe(describe::DescribeOptions),
    /// `kubectl label KIND NAME k=v… k-… [--overwrite]`.
    Label(label::LabelOptions),
    /// `kubectl taint node NAME k[=v]:EFFECT… k[:EFFECT]-…`.
    Taint(taint::TaintOptions),
    /// `kubectl cordon NODE`.
    Cordon(cordon::CordonOptions),
    /// `kubectl uncordon NODE`.
    Uncordon(cordon::CordonOptions),
    /// `kubectl drain NODE`.
    Drain(drain::DrainOptions),
    /// `kubectl rollout status|history|undo|restart ds/NAME`.
    Rollout(rollout::Rollout),
    /// `kubectl set image ds/NAME CONTAINER=IMAGE…`.
    SetImage(set_image::SetImageOptions),
    /// `kubectl scale deploy/NAME --replicas=N`.
    Scale(scale::ScaleOptions),
    /// `kubectl create deployment NAME --image=IMAGE`.
    CreateDeployment(create_deployment::CreateDeploymentOptions),
}

/// A kubectl command line, read: the command, and the warnings kubectl prints on standard
/// error while reading it (deprecated flags and values), in order, without newlines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub command: Kubectl,
    pub warnings: Vec<String>,
}

/// Why a kubectl command line was refused (the two classes of the language's `ParseError`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Not part of the scenario language (an unknown or unmodelled verb, `--help`, a flag the
    /// simulator does not model): what is wrong, in a sentence.
    NotACommand(String),
    /// kubectl's own error, exactly as kubectl prints it (warnings first, no trailing newline).
    Kubectl(String),
}

/// Which namespaces a command addresses.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum NamespaceScope {
    /// No `-n`: the `default` namespace.
    #[default]
    Default,
    /// `-n NS` / `--namespace NS`.
    Named(String),
    /// `-A` / `--all-namespaces`.
    All,
}

impl NamespaceScope {
    /// The single namespace addressed, if the scope is not `All`.
    pub fn namespace(&self) -> Option<&str> {
        match self {
            NamespaceScope::Default => Some("default"),
            NamespaceScope::Named(ns) => Some(ns),
            NamespaceScope::All => None,
        }
    }
}

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
    "top",
    "version",
    "wait",
];

const SUPPORTED_LIST: &str = "apply, create, create deployment, delete, get, describe, label, taint, cordon, uncordon, drain, rollout status|history|undo|restart, set image, scale";

/// Parses the words after `kubectl` (cobra's lookup of the verb, then the verb's own parse).
pub(crate) fn parse(args: &[String]) -> Result<Parsed, Refusal> {
    let Some((verb, rest)) = find_subcommand(args) else {
        return Err(not_a_command(format!(
            "kubectl needs a command ({SUPPORTED_LIST})"
        )));
    };
    match verb.as_str() {
        "get" => get::parse(&rest),
        "describe" => describe::parse(&rest),
        "apply" => apply::parse(&rest, apply::Verb::Apply),
        "create" => apply::parse(&rest, apply::Verb::Create),
        "delete" => delete::parse(&rest),
        "label" => label::parse(&rest),
        "taint" => taint::parse(&rest),
        "cordon" => cordon::parse(&rest, true),
        "uncordon" => cordon::parse(&rest, false),
        "drain" => drain::parse(&rest),
        "rollout" => rollout::parse(&rest),
        "set" => set_image::parse_set(&rest),
        "scale" => scale::parse(&rest),
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

/// Where `-f FILE` comes from.
pub trait FileSource {
    /// The text of `path` (as written after `-f`), or why it cannot be read.
    fn read(&self, path: &str) -> Result<String, FileError>;
}

/// Why a manifest file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// No such file: kubectl's `the path "x" does not exist`.
    NotFound,
    /// Anything else, with the reason.
    Other(String),
}

/// What a kubectl command runs with.
pub struct Context<'a> {
    pub cluster: &'a mut Cluster,
    /// Standard input (the here-document), for `-f -`.
    pub stdin: Option<&'a str>,
    /// Manifest files; `None` where there is no file system (the web console).
    pub files: Option<&'a dyn FileSource>,
}

/// A command's output: everything kubectl prints (standard output and standard error, in the
/// order a terminal shows them) and whether the command failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Out {
    pub text: String,
    pub failed: bool,
}

impl Out {
    /// Appends a line (a newline is added).
    pub fn line(&mut self, s: impl AsRef<str>) {
        self.text.push_str(s.as_ref());
        self.text.push('\n');
    }

    /// Appends text that already ends with its newlines.
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Prints errors as `cmdutil.CheckErr` does, and marks the command failed.
    pub fn errors(&mut self, errs: Vec<KError>) {
        if errs.is_empty() {
            return;
        }
        self.failed = true;
        if let [one] = errs.as_slice() {
            let text = one.alone();
            self.line(text.trim_end_matches('\n'));
        } else {
            for e in &errs {
                let text = e.in_list();
                self.line(text.trim_end_matches('\n'));
            }
        }
    }

    pub fn error(&mut self, e: KError) {
        self.errors(vec![e]);
    }
}

/// An error of a kubectl command, kept structured so it prints as kubectl prints it alone or
/// among others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KError {
    /// A client-side error: Go's `err.Error()` text.
    Plain(String),
    /// An API server error, with the action and source kubectl's `AddSourceToErr` adds
    /// (`error when creating "ds.yaml": …`) when the object came from a file.
    Api {
        err: ApiError,
        source: Option<(String, String)>,
    },
}

impl KError {
    pub fn plain(s: impl Into<String>) -> KError {
        KError::Plain(s.into())
    }

    pub fn api(err: ApiError) -> KError {
        KError::Api { err, source: None }
    }

    /// An API error about an object from `source` (a file name or `STDIN`); `verb` is
    /// `creating`, `deleting`, ...
    pub fn api_from(err: ApiError, verb: &str, source: &str) -> KError {
        KError::Api {
            err,
            source: Some((verb.to_string(), source.to_string())),
        }
    }

    /// The text when this is the only error (`checkErr`).
    pub fn alone(&self) -> String {
        match self {
            KError::Plain(s) => {
                if s.starts_with("error: ") {
                    s.clone()
                } else {
                    format!("error: {s}")
                }
            }
            KError::Api {
                err: err @ ApiError::Invalid { .. },
                ..
            } => err.to_string(),
            KError::Api { .. } => self.in_list(),
        }
    }

    /// The text among several errors (`MultipleErrors`: `StandardErrorMessage` or the plain
    /// text).
    pub fn in_list(&self) -> String {
        match self {
            KError::Plain(s) => s.clone(),
            KError::Api { err, source } => {
                let (reason, message) = status_of(err);
                let message = match source {
                    Some((verb, src)) => format!("error when {verb} {}: {message}", quote(src)),
                    None => message,
                };
                format!("Error from server ({reason}): {message}")
            }
        }
    }
}

/// The reason and the Status message the API server would send for an error.
fn status_of(err: &ApiError) -> (&'static str, String) {
    match err {
        ApiError::NotFound { resource, name } => {
            ("NotFound", format!("{resource} {} not found", quote(name)))
        }
        ApiError::AlreadyExists { resource, name } => (
            "AlreadyExists",
            format!("{resource} {} already exists", quote(name)),
        ),
        ApiError::Invalid { kind, name, causes } => {
            let qualified = match kind.as_str() {
                "DaemonSet" | "ControllerRevision" | "Deployment" | "ReplicaSet" => {
                    format!("{kind}.apps")
                }
                _ => kind.clone(),
            };
            let list: Vec<String> = causes.iter().map(|(f, m)| format!("{f}: {m}")).collect();
            let joined = if let [one] = list.as_slice() {
                one.clone()
            } else {
                format!("[{}]", list.join(", "))
            };
            (
                "Invalid",
                format!("{qualified} {} is invalid: {joined}", quote(name)),
            )
        }
        ApiError::BadRequest(m) => ("BadRequest", m.clone()),
    }
}

/// Go's `%q`.
pub(crate) fn quote(s: &str) -> String {
    crate::gofmt::quote(s)
}

/// Runs one kubectl command.
pub(crate) fn run(ctx: &mut Context<'_>, cmd: &Kubectl) -> Out {
    let mut out = Out::default();
    match cmd {
        Kubectl::Apply(o) => apply::run(ctx, o, apply::Verb::Apply, &mut out),
        Kubectl::Create(o) => apply::run(ctx, o, apply::Verb::Create, &mut out),
        Kubectl::Delete(o) => delete::run(ctx, o, &mut out),
        Kubectl::Get(o) => get::run(ctx, o, &mut out),
        Kubectl::Describe(o) => describe::run(ctx, o, &mut out),
        Kubectl::Label(o) => label::run(ctx, o, &mut out),
        Kubectl::Taint(o) => taint::run(ctx, o, &mut out),
        Kubectl::Cordon(o) => cordon::run(ctx, &o.node, true, &mut out),
        Kubectl::Uncordon(o) => cordon::run(ctx, &o.node, false, &mut out),
        Kubectl::Drain(o) => drain::run(ctx, o, &mut out),
        Kubectl::Rollout(r) => rollout::run(ctx, r, &mut out),
        Kubectl::SetImage(o) => set_image::run(ctx, o, &mut out),
        Kubectl::Scale(o) => scale::run(ctx, o, &mut out),
        Kubectl::CreateDeployment(o) => create_deployment::run(ctx, o, &mut out),
    }
    out
}

#[cfg(test)]
mod tests;

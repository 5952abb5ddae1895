//! Executing parsed `kubectl` commands against the simulated [`Cluster`], printing what kubectl
//! prints. One file per verb family; shared pieces here:
//!
//! - [`Context`]: the cluster, the standard input of the command (a here-document) and the
//!   [`FileSource`] through which `-f FILE` is read (the CLI reads the disk relative to the
//!   scenario's folder; the web console has none and reads only `-f -`);
//! - [`Out`]: the command's output and whether it failed;
//! - [`KError`]: an error as kubectl's `cmdutil.CheckErr` prints it: one error alone gets
//!   `error: ` (unless it is an API status error, printed as `Error from server (Reason): …` or
//!   `The DaemonSet "x" is invalid: …`); several errors print one per line, without the prefix
//!   (`MultipleErrors`).
//!
//! Output texts follow kubectl 1.34+ (kubernetes/kubectl, `pkg/cmd/*`), e.g. `delete` names the
//! namespace: `daemonset.apps "x" deleted from default namespace`.

mod apply;
mod delete;
mod describe;
mod drain;
mod get;
mod label;
mod node;
pub mod print;
mod rollout;
mod set_image;
mod taint;

use crate::cluster::{ApiError, Cluster};
use crate::script::{Kubectl, NamespaceScope, ResourceKind};

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
                "DaemonSet" | "ControllerRevision" => format!("{kind}.apps"),
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

/// `kind.group` as kubectl prints it in `-o name` and success messages (`daemonset.apps`,
/// `pod`, `node`).
pub(crate) fn kind_string(kind: ResourceKind) -> String {
    if kind.group().is_empty() {
        kind.singular().to_string()
    } else {
        format!("{}.{}", kind.singular(), kind.group())
    }
}

/// The API resource name in errors (`daemonsets.apps`, `pods`, `nodes`).
pub(crate) fn resource_string(kind: ResourceKind) -> String {
    if kind.group().is_empty() {
        kind.resource().to_string()
    } else {
        format!("{}.{}", kind.resource(), kind.group())
    }
}

/// The namespace a namespaced command addresses (`-A` falls back to `default` for commands that
/// do not support it).
pub(crate) fn namespace_of(scope: &NamespaceScope) -> String {
    scope.namespace().unwrap_or("default").to_string()
}

/// Runs one kubectl command.
pub fn run(ctx: &mut Context<'_>, cmd: &Kubectl) -> Out {
    let mut out = Out::default();
    match cmd {
        Kubectl::Apply { files, namespace } => {
            apply::apply(ctx, files, namespace, apply::Verb::Apply, &mut out)
        }
        Kubectl::Create { files, namespace } => {
            apply::apply(ctx, files, namespace, apply::Verb::Create, &mut out)
        }
        Kubectl::Delete {
            what,
            cascade,
            grace_period,
            force,
            ignore_not_found,
            namespace,
        } => delete::delete(
            ctx,
            &delete::DeleteArgs {
                what,
                cascade: *cascade,
                grace_period: *grace_period,
                force: *force,
                ignore_not_found: *ignore_not_found,
                namespace,
            },
            &mut out,
        ),
        Kubectl::Get {
            kind,
            names,
            selector,
            output,
            show_labels,
            namespace,
            watch,
            ignore_not_found,
        } => get::get(
            ctx,
            &get::GetArgs {
                kind: *kind,
                names,
                selector: selector.as_deref(),
                output: *output,
                show_labels: *show_labels,
                namespace,
                watch: *watch,
                ignore_not_found: *ignore_not_found,
            },
            &mut out,
        ),
        Kubectl::Label {
            kind,
            name,
            changes,
            overwrite,
            namespace,
        } => label::label(ctx, *kind, name, changes, *overwrite, namespace, &mut out),
        Kubectl::Taint {
            node,
            changes,
            overwrite,
        } => taint::taint(ctx, node, changes, *overwrite, &mut out),
        Kubectl::Cordon { node } => node::cordon(ctx, node, true, &mut out),
        Kubectl::Uncordon { node } => node::cordon(ctx, node, false, &mut out),
        Kubectl::Describe {
            kind,
            names,
            namespace,
        } => describe::describe(
            ctx,
            &describe::DescribeArgs {
                kind: *kind,
                names,
                namespace,
            },
            &mut out,
        ),
        Kubectl::Drain {
            node,
            ignore_daemonsets,
            force,
            delete_emptydir_data,
            grace_period,
            timeout,
        } => drain::drain(
            ctx,
            node,
            &drain::DrainArgs {
                ignore_daemonsets: *ignore_daemonsets,
                force: *force,
                delete_emptydir_data: *delete_emptydir_data,
                grace_period: *grace_period,
                timeout: *timeout,
            },
            &mut out,
        ),
        Kubectl::RolloutStatus {
            name,
            timeout,
            watch,
            namespace,
        } => rollout::status::status(
            ctx,
            &namespace_of(namespace),
            name,
            *timeout,
            *watch,
            &mut out,
        ),
        Kubectl::RolloutHistory {
            name,
            revision,
            namespace,
        } => rollout::history::history(ctx, &namespace_of(namespace), name, *revision, &mut out),
        Kubectl::RolloutUndo {
            name,
            to_revision,
            namespace,
        } => rollout::undo::undo(ctx, &namespace_of(namespace), name, *to_revision, &mut out),
        Kubectl::RolloutRestart { name, namespace } => {
            rollout::restart::restart(ctx, &namespace_of(namespace), name, &mut out)
        }
        Kubectl::SetImage {
            name,
            images,
            namespace,
        } => set_image::set_image(ctx, &namespace_of(namespace), name, images, &mut out),
    }
    out
}

#[cfg(test)]
mod tests;

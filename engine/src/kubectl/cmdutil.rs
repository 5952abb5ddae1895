//! What kubectl's commands share while reading their command line (kubectl
//! `pkg/cmd/util`): the flags many commands declare, the parse state [`Cx`] with kubectl's ways
//! of printing an error (`CheckErr`, `UsageErrorf`, the flag error of `FlagErrorFunc`), the
//! `-n`/`-A` scope, and `GetResourcesAndPairs`.

use super::builder::TargetError;
use super::{GLOBAL_FLAGS, Kubectl, NamespaceScope, Parsed, Refusal};
use crate::script::flags::{FlagSpec, FlagType, ParsedFlags, no, parse_flags, yes};

/// `-f`, `-k`, `-R` (`cmdutil.AddFilenameOptionFlags`).
pub(super) const fn filename_flags(supported: bool) -> [FlagSpec; 3] {
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
pub(super) const PRINT_FLAGS: [FlagSpec; 4] = [
    no("output", Some(b'o'), FlagType::Str),
    no("template", None, FlagType::Str),
    no("allow-missing-template-keys", None, FlagType::Bool),
    no("show-managed-fields", None, FlagType::Bool),
];

pub(super) const DRY_RUN: FlagSpec = no("dry-run", None, FlagType::OptStr("unchanged"));
pub(super) const SELECTOR_UNSUPPORTED: FlagSpec = no("selector", Some(b'l'), FlagType::Str);
pub(super) const FIELD_MANAGER: FlagSpec = no("field-manager", None, FlagType::Str);
pub(super) const RECORD: FlagSpec = FlagSpec {
    name: "record",
    short: None,
    ty: FlagType::Bool,
    supported: false,
    deprecated: Some("--record will be removed in the future"),
    alias_of: None,
};
pub(super) const VALIDATE: FlagSpec = yes("validate", None, FlagType::OptStr("strict"));

/// The hint of `get` and `describe` when no resource type is given.
pub(super) const SUGGEST_API_RESOURCES: &str =
    "Use \"kubectl api-resources\" for a complete list of supported resources.";

pub(super) fn not_a_command(message: String) -> Refusal {
    Refusal::NotACommand(message)
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
    ) -> Result<ParsedFlags, Refusal> {
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
    pub(super) fn raw(&self, text: String) -> Refusal {
        let mut message = String::new();
        for w in &self.warnings {
            message.push_str(w);
            message.push('\n');
        }
        message.push_str(text.trim_end_matches('\n'));
        Refusal::Kubectl(message)
    }

    /// `cmdutil.CheckErr` of a plain error: `error: <msg>`.
    pub(super) fn plain(&self, msg: impl Into<String>) -> Refusal {
        let msg = msg.into();
        if msg.starts_with("error: ") {
            self.raw(msg)
        } else {
            self.raw(format!("error: {msg}"))
        }
    }

    /// `cmdutil.UsageErrorf`: the error, then `See '<command> -h' for help and examples`.
    pub(super) fn usage(&self, msg: impl Into<String>) -> Refusal {
        self.plain(format!(
            "{}\nSee '{} -h' for help and examples",
            msg.into(),
            self.path
        ))
    }

    /// A builder error (kubectl's) or an unsupported request (not part of the language).
    pub(super) fn target(&self, e: TargetError) -> Refusal {
        match e {
            TargetError::Kubectl(msg) => self.plain(msg),
            TargetError::Unsupported(msg) => self.unsupported(msg),
            TargetError::SeveralKinds => self.unsupported(
                "several resource types at once are not supported by the simulator; use one command per type",
            ),
        }
    }

    /// A valid kubectl request the simulator does not model.
    pub(super) fn unsupported(&self, msg: impl Into<String>) -> Refusal {
        not_a_command(format!("{}: {}", self.path, msg.into()))
    }

    pub(super) fn done(self, k: Kubectl) -> Result<Parsed, Refusal> {
        Ok(Parsed {
            command: k,
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

/// The namespace a namespaced command addresses (`-A` falls back to `default` for commands that
/// do not support it).
pub(super) fn namespace_of(scope: &NamespaceScope) -> String {
    scope.namespace().unwrap_or("default").to_string()
}

/// `cmdutil.GetResourcesAndPairs`: resource words first, then `k=v` / `k-` pairs.
pub(super) fn resources_and_pairs(
    args: &[String],
    pair_type: &str,
) -> Result<(Vec<String>, Vec<String>), String> {
    let mut resources = Vec::new();
    let mut pairs = Vec::new();
    for s in args {
        let non_resource =
            (s.contains('=') && !s.starts_with('=')) || (s.ends_with('-') && s != "-");
        match (pairs.is_empty(), non_resource) {
            (_, true) => pairs.push(s.clone()),
            (true, false) => resources.push(s.clone()),
            (false, false) => {
                return Err(format!(
                    "all resources must be specified before {pair_type} changes: {s}"
                ));
            }
        }
    }
    Ok((resources, pairs))
}

//! kubectl's flag parsing (spf13/pflag v1.0.9 under cobra v1.10, as vendored by kubectl 1.36):
//! interspersed flags, `--name value`, `--name=value`, `-n value`, `-nvalue`, `-n=value`,
//! grouped bool shorthands (`-wA`), bool flags that take no separate value, `--` ending the
//! flags, `_` read as `-` in long names (kubectl's normalisation), string slices read as CSV.
//! Errors are pflag's texts, which kubectl prints as `error: <text>` followed by
//! `See '<command> --help' for usage.`.
//!
//! Each command lists every flag kubectl gives it, each marked supported or not: an unknown
//! flag is a kubectl usage error (as in kubectl), a known but unsupported one is refused as not
//! part of the language (the simulator cannot honour it).

use super::duration::parse_go_duration;
use crate::gofmt::{parse_bool, parse_int, quote, quote_rune, read_csv_record};

/// The value type of a flag, which decides how its value is read and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FlagType {
    /// A bool flag: `--x` means true; a value only with `=`.
    Bool,
    /// A string.
    Str,
    /// A string with a default when given without `=` (pflag's `NoOptDefVal`).
    OptStr(&'static str),
    /// `int`/`int64` (Go's `strconv.ParseInt(s, 0, 64)`).
    Int,
    /// `time.Duration`.
    Duration,
    /// `[]string` read as CSV and appended on repetition (`-f a,b -f c`).
    List,
    /// `[]string` appended on repetition, no splitting.
    Array,
}

/// One flag of a command.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FlagSpec {
    pub name: &'static str,
    pub short: Option<u8>,
    pub ty: FlagType,
    pub supported: bool,
    /// pflag's `MarkDeprecated` message (printed as a warning when the flag is used).
    pub deprecated: Option<&'static str>,
    /// Where the value is stored, when this flag is another spelling of one (legacy names).
    pub alias_of: Option<&'static str>,
}

/// A flag the simulator honours.
pub(crate) const fn yes(name: &'static str, short: Option<u8>, ty: FlagType) -> FlagSpec {
    FlagSpec {
        name,
        short,
        ty,
        supported: true,
        deprecated: None,
        alias_of: None,
    }
}

/// A flag kubectl has but the simulator does not model.
pub(crate) const fn no(name: &'static str, short: Option<u8>, ty: FlagType) -> FlagSpec {
    FlagSpec {
        name,
        short,
        ty,
        supported: false,
        deprecated: None,
        alias_of: None,
    }
}

/// A typed flag value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FlagValue {
    Bool(bool),
    Str(String),
    Int(i64),
    /// Signed nanoseconds, like Go's `time.Duration`.
    Duration(i64),
    List(Vec<String>),
}

/// The outcome of parsing a command's arguments.
#[derive(Debug, Clone, Default)]
pub(crate) struct ParsedFlags {
    values: Vec<(&'static str, FlagValue)>,
    /// The non-flag arguments, in order.
    pub positional: Vec<String>,
    /// Warnings printed while parsing (deprecated flags).
    pub warnings: Vec<String>,
    /// Unsupported flags that were used, as `--name`, in order of first use.
    pub unsupported: Vec<String>,
}

impl ParsedFlags {
    fn get(&self, name: &str) -> Option<&FlagValue> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Whether the flag was given (pflag's `Changed`).
    pub fn changed(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn bool(&self, name: &str) -> bool {
        matches!(self.get(name), Some(FlagValue::Bool(true)))
    }

    /// A bool flag's value, or `default` when not given.
    pub fn bool_or(&self, name: &str, default: bool) -> bool {
        match self.get(name) {
            Some(FlagValue::Bool(b)) => *b,
            _ => default,
        }
    }

    pub fn str(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(FlagValue::Str(s)) => Some(s),
            _ => None,
        }
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        match self.get(name) {
            Some(FlagValue::Int(i)) => Some(*i),
            _ => None,
        }
    }

    /// Signed nanoseconds.
    pub fn duration(&self, name: &str) -> Option<i64> {
        match self.get(name) {
            Some(FlagValue::Duration(d)) => Some(*d),
            _ => None,
        }
    }

    pub fn list(&self, name: &str) -> &[String] {
        match self.get(name) {
            Some(FlagValue::List(v)) => v,
            _ => &[],
        }
    }

    fn set(&mut self, name: &'static str, value: FlagValue) {
        match self.values.iter_mut().find(|(n, _)| *n == name) {
            Some((_, existing)) => match (existing, value) {
                (FlagValue::List(old), FlagValue::List(new)) => old.extend(new),
                (slot, value) => *slot = value,
            },
            None => self.values.push((name, value)),
        }
    }
}

/// A pflag parse error: the text kubectl prints after `error: `, and the deprecation warnings
/// printed before the error was met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FlagError(pub String, pub Vec<String>);

struct Tables<'a>(&'a [&'a [FlagSpec]]);

impl Tables<'_> {
    fn long(&self, name: &str) -> Option<&FlagSpec> {
        let normalized = name.replace('_', "-");
        self.0
            .iter()
            .flat_map(|t| t.iter())
            .find(|f| f.name == normalized)
    }

    fn short(&self, c: u8) -> Option<&FlagSpec> {
        self.0
            .iter()
            .flat_map(|t| t.iter())
            .find(|f| f.short == Some(c))
    }
}

/// pflag's `NoOptDefVal`: the value a flag takes when given without one.
fn no_opt_default(ty: FlagType) -> Option<&'static str> {
    match ty {
        FlagType::Bool => Some("true"),
        FlagType::OptStr(d) => Some(d),
        _ => None,
    }
}

/// Parses `args` (the words after the command path) against the given flag tables.
pub(crate) fn parse_flags(
    args: &[String],
    tables: &[&[FlagSpec]],
) -> Result<ParsedFlags, FlagError> {
    let mut out = ParsedFlags::default();
    match parse_into(&mut out, args, &Tables(tables)) {
        Ok(()) => Ok(out),
        Err(message) => Err(FlagError(message, out.warnings)),
    }
}

fn parse_into(out: &mut ParsedFlags, args: &[String], tables: &Tables<'_>) -> Result<(), String> {
    let mut i = 0usize;
    while let Some(s) = args.get(i) {
        i += 1;
        if s.len() < 2 || !s.starts_with('-') {
            out.positional.push(s.clone());
            continue;
        }
        if let Some(name_and_value) = s.strip_prefix("--") {
            if name_and_value.is_empty() {
                out.positional.extend(args.iter().skip(i).cloned());
                return Ok(());
            }
            if name_and_value.starts_with(['-', '=']) {
                return Err(format!("bad flag syntax: {s}"));
            }
            let (name, inline) = match name_and_value.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (name_and_value, None),
            };
            let Some(spec) = tables.long(name) else {
                return Err(format!("unknown flag: --{name}"));
            };
            let value = if let Some(v) = inline {
                v.to_string()
            } else if let Some(d) = no_opt_default(spec.ty) {
                d.to_string()
            } else if let Some(v) = args.get(i) {
                i += 1;
                v.clone()
            } else {
                return Err(format!("flag needs an argument: --{name}"));
            };
            set_value(out, spec, &value)?;
            continue;
        }
        // Shorthands: "-abc", "-nvalue", "-n=value", "-n value".
        let mut shorthands = &s[1..];
        while let Some(&c) = shorthands.as_bytes().first() {
            if shorthands.starts_with("test.") {
                break; // pflag ignores Go test flags
            }
            let Some(spec) = tables.short(c) else {
                return Err(format!(
                    "unknown shorthand flag: {} in -{shorthands}",
                    quote_rune(char::from(c))
                ));
            };
            // `c` is ASCII here, so byte 1 starts a character.
            let rest = &shorthands[1..];
            let value;
            if let Some(v) = rest.strip_prefix('=').filter(|_| shorthands.len() > 2) {
                value = v.to_string();
                shorthands = "";
            } else if let Some(d) = no_opt_default(spec.ty) {
                value = d.to_string();
                shorthands = rest;
            } else if !rest.is_empty() {
                value = rest.to_string();
                shorthands = "";
            } else if let Some(v) = args.get(i) {
                i += 1;
                value = v.clone();
                shorthands = "";
            } else {
                return Err(format!(
                    "flag needs an argument: {} in -{shorthands}",
                    quote_rune(char::from(c))
                ));
            }
            set_value(out, spec, &value)?;
        }
    }
    Ok(())
}

fn set_value(out: &mut ParsedFlags, spec: &FlagSpec, value: &str) -> Result<(), String> {
    let parsed = match spec.ty {
        FlagType::Bool => parse_bool(value).map(FlagValue::Bool),
        FlagType::Str | FlagType::OptStr(_) => Ok(FlagValue::Str(value.to_string())),
        FlagType::Int => parse_int(value).map(FlagValue::Int),
        FlagType::Duration => parse_go_duration(value).map(FlagValue::Duration),
        FlagType::List => read_csv_record(value).map(FlagValue::List),
        FlagType::Array => Ok(FlagValue::List(vec![value.to_string()])),
    };
    let parsed = parsed.map_err(|cause| {
        let flag_name = match spec.short {
            Some(c) => format!("-{}, --{}", char::from(c), spec.name),
            None => format!("--{}", spec.name),
        };
        format!(
            "invalid argument {} for {} flag: {cause}",
            quote(value),
            quote(&flag_name)
        )
    })?;
    out.set(spec.alias_of.unwrap_or(spec.name), parsed);
    if let Some(msg) = spec.deprecated {
        out.warnings
            .push(format!("Flag --{} has been deprecated, {msg}", spec.name));
    }
    if !spec.supported {
        let shown = format!("--{}", spec.name);
        if !out.unsupported.contains(&shown) {
            out.unsupported.push(shown);
        }
    }
    Ok(())
}

/// cobra's `stripFlags`: the non-flag words of `args`, skipping the values of flags that take
/// one (as far as `tables` knows them; an unknown `--flag` is assumed to take a value).
pub(crate) fn strip_flags(args: &[String], tables: &[&[FlagSpec]]) -> Vec<String> {
    let tables = Tables(tables);
    let mut commands = Vec::new();
    let mut i = 0usize;
    while let Some(s) = args.get(i) {
        i += 1;
        let remaining = args.len() - i;
        if s == "--" {
            break;
        }
        if takes_separate_value(s, &tables) {
            if remaining <= 1 {
                break;
            }
            i += 1;
            continue;
        }
        if !s.is_empty() && !s.starts_with('-') {
            commands.push(s.clone());
        }
    }
    commands
}

/// cobra's `argsMinusFirstX`: `args` without the first `x` that is not a flag value.
pub(crate) fn args_minus_first(args: &[String], x: &str, tables: &[&[FlagSpec]]) -> Vec<String> {
    let tables = Tables(tables);
    let mut pos = 0usize;
    while let Some(s) = args.get(pos) {
        if s == "--" {
            break;
        }
        if takes_separate_value(s, &tables) {
            pos += 2;
            continue;
        }
        if !s.starts_with('-') && s == x {
            let mut out = args.to_vec();
            out.remove(pos);
            return out;
        }
        pos += 1;
    }
    args.to_vec()
}

/// cobra's test for `--flag value` / `-f value`: a flag without `=` whose definition has no
/// `NoOptDefVal` (unknown flags count as taking a value).
fn takes_separate_value(s: &str, tables: &Tables<'_>) -> bool {
    if s.contains('=') {
        return false;
    }
    if let Some(name) = s.strip_prefix("--") {
        return tables
            .long(name)
            .is_none_or(|f| no_opt_default(f.ty).is_none());
    }
    if s.len() == 2 && s.starts_with('-') {
        let c = s.as_bytes()[1];
        return tables
            .short(c)
            .is_none_or(|f| no_opt_default(f.ty).is_none());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::FlagType::*;
    use super::*;

    const TABLE: &[FlagSpec] = &[
        yes("namespace", Some(b'n'), Str),
        yes("watch", Some(b'w'), Bool),
        yes("all-namespaces", Some(b'A'), Bool),
        yes("output", Some(b'o'), Str),
        yes("grace-period", None, Int),
        yes("timeout", None, Duration),
        yes("filename", Some(b'f'), List),
        yes("cascade", None, OptStr("background")),
        no("sort-by", None, Str),
        FlagSpec {
            name: "old-name",
            short: None,
            ty: Bool,
            supported: true,
            deprecated: Some("use --new-name."),
            alias_of: Some("new-name"),
        },
    ];

    fn parse(args: &[&str]) -> Result<ParsedFlags, FlagError> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        parse_flags(&args, &[TABLE])
    }

    fn err(args: &[&str]) -> String {
        parse(args).unwrap_err().0
    }

    #[test]
    fn long_and_short_spellings() {
        for args in [
            &["-n", "kube-system"][..],
            &["-nkube-system"],
            &["-n=kube-system"],
            &["--namespace", "kube-system"],
            &["--namespace=kube-system"],
        ] {
            assert_eq!(
                parse(args).unwrap().str("namespace"),
                Some("kube-system"),
                "{args:?}"
            );
        }
        let p = parse(&["-o", "wide"]).unwrap();
        assert_eq!(p.str("output"), Some("wide"));
        assert_eq!(parse(&["-owide"]).unwrap().str("output"), Some("wide"));
        assert_eq!(parse(&["-o=wide"]).unwrap().str("output"), Some("wide"));
        assert_eq!(
            parse(&["--output=yaml"]).unwrap().str("output"),
            Some("yaml")
        );
        // "-n=" is the value "=" (pflag's -farg case).
        assert_eq!(parse(&["-n="]).unwrap().str("namespace"), Some("="));
    }

    #[test]
    fn bools_and_grouped_shorthands() {
        let p = parse(&["-wA", "pods"]).unwrap();
        assert!(p.bool("watch") && p.bool("all-namespaces"));
        assert_eq!(p.positional, vec!["pods".to_string()]);
        assert!(!parse(&["--watch=false"]).unwrap().bool("watch"));
        assert!(parse(&["--watch=false"]).unwrap().changed("watch"));
        assert!(!parse(&["-w=0"]).unwrap().bool_or("watch", true));
        assert!(parse(&["--watch"]).unwrap().bool("watch"));
        // A bool never takes the next word.
        let p = parse(&["--watch", "false"]).unwrap();
        assert!(p.bool("watch"));
        assert_eq!(p.positional, vec!["false".to_string()]);
        // Grouped shorthand ending with one that takes a value.
        let p = parse(&["-wnfoo"]).unwrap();
        assert!(p.bool("watch"));
        assert_eq!(p.str("namespace"), Some("foo"));
    }

    #[test]
    fn interspersed_flags_and_double_dash() {
        let p = parse(&["a", "-n", "x", "b", "--", "-c", "--d"]).unwrap();
        assert_eq!(p.positional, vec!["a", "b", "-c", "--d"]);
        let p = parse(&["-", "a"]).unwrap();
        assert_eq!(p.positional, vec!["-", "a"]);
        let p = parse(&["", "a"]).unwrap();
        assert_eq!(p.positional, vec!["", "a"]);
    }

    #[test]
    fn typed_values() {
        assert_eq!(
            parse(&["--grace-period=30"]).unwrap().int("grace-period"),
            Some(30)
        );
        assert_eq!(
            parse(&["--grace-period", "-1"])
                .unwrap()
                .int("grace-period"),
            Some(-1)
        );
        assert_eq!(
            parse(&["--timeout=30s"]).unwrap().duration("timeout"),
            Some(30_000_000_000)
        );
        let p = parse(&["-f", "a.yaml,b.yaml", "--filename=c.yaml", "-fd.yaml"]).unwrap();
        assert_eq!(p.list("filename"), ["a.yaml", "b.yaml", "c.yaml", "d.yaml"]);
        assert_eq!(
            parse(&["--cascade"]).unwrap().str("cascade"),
            Some("background")
        );
        assert_eq!(
            parse(&["--cascade=orphan"]).unwrap().str("cascade"),
            Some("orphan")
        );
        // An OptStr does not take the next word.
        assert_eq!(
            parse(&["--cascade", "orphan"]).unwrap().positional,
            vec!["orphan"]
        );
        // The last value wins.
        assert_eq!(
            parse(&["-n", "a", "-n", "b"]).unwrap().str("namespace"),
            Some("b")
        );
        // Underscores normalise to dashes.
        assert_eq!(
            parse(&["--grace_period=2"]).unwrap().int("grace-period"),
            Some(2)
        );
    }

    /// pflag's texts.
    #[test]
    fn pflag_error_texts() {
        assert_eq!(err(&["--foo"]), "unknown flag: --foo");
        assert_eq!(err(&["--foo=bar"]), "unknown flag: --foo");
        assert_eq!(err(&["-z"]), "unknown shorthand flag: 'z' in -z");
        assert_eq!(err(&["-wz"]), "unknown shorthand flag: 'z' in -z");
        assert_eq!(err(&["-é"]), "unknown shorthand flag: 'Ã' in -é");
        assert_eq!(err(&["---x"]), "bad flag syntax: ---x");
        assert_eq!(err(&["--=x"]), "bad flag syntax: --=x");
        assert_eq!(err(&["-n"]), "flag needs an argument: 'n' in -n");
        assert_eq!(err(&["--namespace"]), "flag needs an argument: --namespace");
        assert_eq!(
            err(&["--grace-period=x"]),
            "invalid argument \"x\" for \"--grace-period\" flag: strconv.ParseInt: parsing \"x\": invalid syntax"
        );
        assert_eq!(
            err(&["-w=maybe"]),
            "invalid argument \"maybe\" for \"-w, --watch\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax"
        );
        assert_eq!(
            err(&["--timeout=5"]),
            "invalid argument \"5\" for \"--timeout\" flag: time: missing unit in duration \"5\""
        );
    }

    #[test]
    fn unsupported_deprecated_and_alias_flags() {
        let p = parse(&["--sort-by", "x", "--sort-by=y"]).unwrap();
        assert_eq!(p.unsupported, vec!["--sort-by".to_string()]);
        let p = parse(&["--old-name"]).unwrap();
        assert!(p.bool("new-name"));
        assert_eq!(
            p.warnings,
            vec!["Flag --old-name has been deprecated, use --new-name.".to_string()]
        );
    }

    #[test]
    fn cobra_strip_flags_and_args_minus_first() {
        let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            strip_flags(&a(&["-n", "x", "get", "pods"]), &[TABLE]),
            a(&["get", "pods"])
        );
        assert_eq!(
            strip_flags(&a(&["--namespace=x", "get"]), &[TABLE]),
            a(&["get"])
        );
        assert_eq!(strip_flags(&a(&["-w", "get"]), &[TABLE]), a(&["get"]));
        // cobra's quirk: a value-taking flag followed by a single word ends the search.
        assert_eq!(
            strip_flags(&a(&["-n", "get"]), &[TABLE]),
            Vec::<String>::new()
        );
        // Unknown long flags are assumed to take a value.
        assert_eq!(
            strip_flags(&a(&["--foo", "get", "pods"]), &[TABLE]),
            a(&["pods"])
        );
        assert_eq!(
            args_minus_first(&a(&["-n", "get", "get", "pods"]), "get", &[TABLE]),
            a(&["-n", "get", "pods"])
        );
        assert_eq!(
            args_minus_first(&a(&["a", "b"]), "c", &[TABLE]),
            a(&["a", "b"])
        );
    }
}

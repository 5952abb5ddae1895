//! apimachinery's syntax rules for names, label keys and values, ports and percentages:
//! below the objects, since label selectors are parsed with them.
//!
//! The string-format checks of `k8s.io/apimachinery` (kubernetes-1.36.3): each returns the list
//! of messages Kubernetes gives, empty when the value is valid. Texts verbatim from
//! `pkg/util/validation/validation.go` and `pkg/api/validate/content/{kube,dns,errors}.go`.
//!
//! Two `MaxLenError`s exist in 1.36: the `content` package (label keys, label values) says
//! "bytes", `util/validation` (DNS-1123 names, port names) says "characters".

const DNS1123_LABEL_FMT: &str = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_LABEL_ERR: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT: &str =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const DNS1123_SUBDOMAIN_ERR: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const LABEL_KEY_FMT: &str = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_KEY_ERR: &str = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT: &str = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
const LABEL_VALUE_ERR: &str = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const PERCENT_FMT: &str = "[0-9]+%";
const PERCENT_ERR: &str =
    "a valid percent string must be a numeric string followed by an ending '%'";
const RELAXED_ENV_VAR_ERR: &str = "a valid environment variable name must consist only of printable ASCII characters other than '='";

/// `RegexError`: note the two spaces before each `or`, which Kubernetes prints.
pub(crate) fn regex_error(msg: &str, fmt: &str, examples: &[&str]) -> String {
    if examples.is_empty() {
        return format!("{msg} (regex used for validation is '{fmt}')");
    }
    let mut out = format!("{msg} (e.g. ");
    for (i, e) in examples.iter().enumerate() {
        if i > 0 {
            out.push_str(" or ");
        }
        out.push('\'');
        out.push_str(e);
        out.push_str("', ");
    }
    out.push_str("regex used for validation is '");
    out.push_str(fmt);
    out.push_str("')");
    out
}

/// `util/validation.MaxLenError`.
fn max_len_chars(n: usize) -> String {
    format!("must be no more than {n} characters")
}

/// `content.MaxLenError`.
fn max_len_bytes(n: usize) -> String {
    format!("must be no more than {n} bytes")
}

const EMPTY: &str = "must be non-empty";

/// `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`
pub(crate) fn matches_dns1123_label(s: &str) -> bool {
    let b = s.as_bytes();
    let alnum = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    !b.is_empty()
        && alnum(&b[0])
        && alnum(&b[b.len() - 1])
        && b.iter().all(|c| alnum(c) || *c == b'-')
}

/// `^<label>(\.<label>)*$`
pub(crate) fn matches_dns1123_subdomain(s: &str) -> bool {
    s.split('.').all(matches_dns1123_label)
}

/// `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`
pub(crate) fn matches_label_key_name(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
}

/// The `RegexError` of a label key's name part (also of a whole key with too many `/`).
pub(crate) fn label_key_name_regex_error() -> String {
    regex_error(
        LABEL_KEY_ERR,
        LABEL_KEY_FMT,
        &["MyName", "my.name", "123-abc"],
    )
}

/// The `RegexError` of a label value.
pub(crate) fn label_value_regex_error() -> String {
    regex_error(
        LABEL_VALUE_ERR,
        LABEL_VALUE_FMT,
        &["MyValue", "my_value", "12345"],
    )
}

/// The `RegexError` of a DNS-1123 subdomain.
pub(crate) fn dns1123_subdomain_regex_error() -> String {
    regex_error(
        DNS1123_SUBDOMAIN_ERR,
        DNS1123_SUBDOMAIN_FMT,
        &["example.com"],
    )
}

/// `IsDNS1123Label` (util/validation).
pub(crate) fn dns1123_label(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > 63 {
        errs.push(max_len_chars(63));
    }
    if !matches_dns1123_label(value) {
        if matches_dns1123_subdomain(value) {
            errs.push("must not contain dots".into());
        } else {
            errs.push(regex_error(
                DNS1123_LABEL_ERR,
                DNS1123_LABEL_FMT,
                &["my-name", "123-abc"],
            ));
        }
    }
    errs
}

/// `IsDNS1123Subdomain`; `bytes` selects the `content` package's length message (used for
/// label-key prefixes), otherwise util/validation's.
fn dns1123_subdomain_with(value: &str, bytes: bool) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > 253 {
        errs.push(if bytes {
            max_len_bytes(253)
        } else {
            max_len_chars(253)
        });
    }
    if !matches_dns1123_subdomain(value) {
        errs.push(dns1123_subdomain_regex_error());
    }
    errs
}

/// `IsDNS1123Subdomain` (util/validation).
pub(crate) fn dns1123_subdomain(value: &str) -> Vec<String> {
    dns1123_subdomain_with(value, false)
}

/// `maskTrailingDash`: a generateName prefix may end in `-`.
fn mask_trailing_dash(name: &str) -> String {
    let b = name.as_bytes();
    if b.len() > 1 && b[b.len() - 1] == b'-' {
        // Go cuts two bytes: a character cut in two is one U+FFFD, as `from_utf8_lossy` gives
        // (written out: that routine and its chunk iterator were in the model's module for this).
        let cut = b.len() - 2;
        let keep = name.floor_char_boundary(cut);
        let mut masked = String::with_capacity(cut + 4);
        masked.push_str(&name[..keep]);
        if keep < cut {
            masked.push('\u{FFFD}');
        }
        masked.push('a');
        return masked;
    }
    name.to_string()
}

/// `NameIsDNSSubdomain` (DaemonSet, Node, priority class, service account, node names).
pub(crate) fn name_is_dns_subdomain(name: &str, prefix: bool) -> Vec<String> {
    if prefix {
        dns1123_subdomain(&mask_trailing_dash(name))
    } else {
        dns1123_subdomain(name)
    }
}

/// `NameIsDNSLabel` (`ValidateNamespaceName`).
pub(crate) fn name_is_dns_label(name: &str, prefix: bool) -> Vec<String> {
    if prefix {
        dns1123_label(&mask_trailing_dash(name))
    } else {
        dns1123_label(name)
    }
}

/// `IsQualifiedName` = `content.IsLabelKey`: label keys, annotation keys, taint and toleration
/// keys, finalizers.
pub(crate) fn qualified_name(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    let parts: Vec<&str> = value.split('/').collect();
    let name = match parts.as_slice() {
        [name] => *name,
        [prefix, name] => {
            if prefix.is_empty() {
                errs.push(format!("prefix part {EMPTY}"));
            } else {
                for m in dns1123_subdomain_with(prefix, true) {
                    errs.push(format!("prefix part {m}"));
                }
            }
            *name
        }
        _ => {
            errs.push(format!(
                "a valid label key {} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
                label_key_name_regex_error()
            ));
            return errs;
        }
    };
    if name.is_empty() {
        errs.push(format!("name part {EMPTY}"));
    } else if name.len() > 63 {
        errs.push(format!("name part {}", max_len_bytes(63)));
    }
    if !matches_label_key_name(name) {
        errs.push(format!("name part {}", label_key_name_regex_error()));
    }
    errs
}

/// `IsValidLabelValue` = `content.IsLabelValue`.
pub(crate) fn label_value(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > 63 {
        errs.push(max_len_bytes(63));
    }
    if !(value.is_empty() || matches_label_key_name(value)) {
        errs.push(label_value_regex_error());
    }
    errs
}

/// `^[0-9]+%$`
pub(crate) fn is_valid_percent(value: &str) -> bool {
    value
        .strip_suffix('%')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `IsValidPercent`.
pub(crate) fn percent(value: &str) -> Vec<String> {
    if is_valid_percent(value) {
        Vec::new()
    } else {
        vec![regex_error(PERCENT_ERR, PERCENT_FMT, &["1%", "93%"])]
    }
}

/// `IsValidPortNum`.
pub(crate) fn port_num(port: i64) -> Vec<String> {
    if (1..=65535).contains(&port) {
        Vec::new()
    } else {
        vec!["must be between 1 and 65535, inclusive".into()]
    }
}

/// `IsValidPortName`.
pub(crate) fn port_name(port: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if port.len() > 15 {
        errs.push(max_len_chars(15));
    }
    let b = port.as_bytes();
    if b.is_empty()
        || !b
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
    {
        errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)".into());
    }
    if !b.iter().any(u8::is_ascii_lowercase) {
        errs.push("must contain at least one letter (a-z)".into());
    }
    if port.contains("--") {
        errs.push("must not contain consecutive hyphens".into());
    }
    if !b.is_empty() && (b[0] == b'-' || b[b.len() - 1] == b'-') {
        errs.push("must not begin or end with a hyphen".into());
    }
    errs
}

/// `IsRelaxedEnvVarName` (the `RelaxedEnvironmentVariableValidation` behaviour, GA).
pub(crate) fn relaxed_env_var_name(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.is_empty() {
        errs.push(format!("environment variable name {EMPTY}"));
    }
    if value.chars().any(|c| !(' '..='~').contains(&c) || c == '=') {
        errs.push(RELAXED_ENV_VAR_ERR.into());
    }
    errs
}

#[cfg(test)]
mod tests {
    //! Moved from `script::validation`, kubectl's client-side copy of these checks.
    use super::*;

    #[test]
    fn label_values() {
        for ok in [
            "",
            "a",
            "MyValue",
            "my_value",
            "12345",
            "a.b-c_d",
            &"x".repeat(63),
        ] {
            assert!(label_value(ok).is_empty(), "{ok}");
        }
        assert_eq!(
            label_value("b-"),
            vec!["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')".to_string()]
        );
        assert_eq!(
            label_value(&"x".repeat(64)),
            vec!["must be no more than 63 bytes".to_string()]
        );
        assert_eq!(label_value(&format!("{}-", "x".repeat(64))).len(), 2);
    }

    #[test]
    fn qualified_names() {
        for ok in [
            "a",
            "dedicated",
            "node-role.kubernetes.io/control-plane",
            "example.com/My_Name.1",
        ] {
            assert!(qualified_name(ok).is_empty(), "{ok}");
        }
        assert_eq!(
            qualified_name("/a"),
            vec!["prefix part must be non-empty".to_string()]
        );
        assert_eq!(qualified_name("a/"), vec![
            "name part must be non-empty".to_string(),
            "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')".to_string(),
        ]);
        let e = qualified_name("Example.com/a");
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with("prefix part a lowercase RFC 1123 subdomain"),
            "{}",
            e[0]
        );
        assert!(e[0].ends_with("(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"), "{}", e[0]);
        assert!(qualified_name("a/b/c")[0].starts_with("a valid label key must consist"));
        assert_eq!(
            qualified_name(&"k".repeat(64)),
            vec!["name part must be no more than 63 bytes".to_string()]
        );
    }
}

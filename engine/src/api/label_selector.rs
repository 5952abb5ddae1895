//! `metav1.LabelSelector` and the requirement semantics of apimachinery `labels` (spec §3.1),
//! plus the text form used by `kubectl -l` and printed in `-o wide`.

use super::StringMap;
use super::syntax;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct LabelSelector {
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub match_labels: Option<StringMap>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub match_expressions: Option<Vec<LabelSelectorRequirement>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct LabelSelectorRequirement {
    #[cfg_attr(test, serde(default))]
    pub key: String,
    #[cfg_attr(test, serde(default))]
    pub operator: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub values: Vec<String>,
}

/// One parsed requirement: `key op values`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub key: String,
    pub op: Operator,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist,
    Equals,
    NotEquals,
    Gt,
    Lt,
}

impl Operator {
    /// The operator of a `matchExpressions` entry (label selectors take the first four; node
    /// selector requirements also take `Gt` and `Lt`).
    pub fn from_expression(op: &str, allow_gt_lt: bool) -> Option<Operator> {
        Some(match op {
            "In" => Operator::In,
            "NotIn" => Operator::NotIn,
            "Exists" => Operator::Exists,
            "DoesNotExist" => Operator::DoesNotExist,
            "Gt" if allow_gt_lt => Operator::Gt,
            "Lt" if allow_gt_lt => Operator::Lt,
            _ => return None,
        })
    }
}

impl Requirement {
    /// Builds a requirement, with apimachinery's construction checks (`labels.NewRequirement`).
    pub fn new(key: &str, op: Operator, values: Vec<String>) -> Result<Requirement, String> {
        match op {
            Operator::In | Operator::NotIn if values.is_empty() => {
                return Err("for 'in', 'notin' operators, values set can't be empty".into());
            }
            Operator::Equals | Operator::NotEquals if values.len() != 1 => {
                return Err("exact-match compatibility requires one single value".into());
            }
            Operator::Exists | Operator::DoesNotExist if !values.is_empty() => {
                return Err("values set must be empty for exists and does not exist".into());
            }
            Operator::Gt | Operator::Lt => {
                if values.len() != 1 {
                    return Err("for 'Gt', 'Lt' operators, exactly one value is required".into());
                }
                if values[0].parse::<i64>().is_err() {
                    return Err(format!(
                        "for 'Gt', 'Lt' operators, the value must be an integer: {:?}",
                        values[0]
                    ));
                }
            }
            _ => {}
        }
        if let Some(e) = validate_qualified_name(key) {
            return Err(format!("key: Invalid value: {key:?}: {e}"));
        }
        for v in &values {
            if !matches!(op, Operator::Gt | Operator::Lt)
                && let Some(e) = validate_label_value(v)
            {
                return Err(format!("values[0]: Invalid value: {v:?}: {e}"));
            }
        }
        Ok(Requirement {
            key: key.to_string(),
            op,
            values,
        })
    }

    /// `Requirement.Matches` (spec §3.1 table).
    pub fn matches(&self, labels: &StringMap) -> bool {
        let have = labels.get(&self.key);
        match self.op {
            Operator::In | Operator::Equals => have.is_some_and(|v| self.values.contains(v)),
            Operator::NotIn | Operator::NotEquals => !have.is_some_and(|v| self.values.contains(v)),
            Operator::Exists => have.is_some(),
            Operator::DoesNotExist => have.is_none(),
            Operator::Gt | Operator::Lt => {
                let (Some(have), Some(want)) = (have, self.values.first()) else {
                    return false;
                };
                match (have.parse::<i64>(), want.parse::<i64>()) {
                    (Ok(h), Ok(w)) if self.op == Operator::Gt => h > w,
                    (Ok(h), Ok(w)) => h < w,
                    _ => false,
                }
            }
        }
    }
}

impl std::fmt::Display for Requirement {
    /// As apimachinery's `Requirement.String()`: `k=v`, `k!=v`, `k in (a,b)`, `k`, `!k`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut vals = self.values.clone();
        crate::sort::sort(&mut vals);
        match self.op {
            Operator::Exists => write!(f, "{}", self.key),
            Operator::DoesNotExist => write!(f, "!{}", self.key),
            Operator::Equals => write!(f, "{}={}", self.key, vals.join(",")),
            Operator::NotEquals => write!(f, "{}!={}", self.key, vals.join(",")),
            Operator::In => write!(f, "{} in ({})", self.key, vals.join(",")),
            Operator::NotIn => write!(f, "{} notin ({})", self.key, vals.join(",")),
            Operator::Gt => write!(f, "{}>{}", self.key, vals.join(",")),
            Operator::Lt => write!(f, "{}<{}", self.key, vals.join(",")),
        }
    }
}

/// A parsed selector: `None` selects nothing (a nil `LabelSelector`), an empty list everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Nothing,
    Requirements(Vec<Requirement>),
}

impl Selector {
    pub fn everything() -> Selector {
        Selector::Requirements(Vec::new())
    }

    /// Whether it selects every object (`labels.Selector.Empty()`).
    pub fn is_everything(&self) -> bool {
        matches!(self, Selector::Requirements(rs) if rs.is_empty())
    }

    pub fn matches(&self, labels: &StringMap) -> bool {
        match self {
            Selector::Nothing => false,
            Selector::Requirements(rs) => rs.iter().all(|r| r.matches(labels)),
        }
    }

    /// Parses kubectl's `-l` text: `a=b,c!=d,e in (f,g),h notin (i),j,!k`.
    pub fn parse(text: &str) -> Result<Selector, String> {
        let mut out = Vec::new();
        for part in split_top_level(text)? {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            out.push(parse_requirement(part)?);
        }
        crate::sort::sort_by(&mut out, |a, b| a.key.cmp(&b.key));
        Ok(Selector::Requirements(out))
    }
}

impl std::fmt::Display for Selector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Selector::Nothing => Ok(()),
            Selector::Requirements(rs) => {
                let parts: Vec<String> = rs.iter().map(ToString::to_string).collect();
                f.write_str(&parts.join(","))
            }
        }
    }
}

fn split_top_level(text: &str) -> Result<Vec<&str>, String> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        if !(0..=1).contains(&depth) {
            return Err(format!("unable to parse requirement: {text:?}"));
        }
    }
    if depth != 0 {
        return Err(format!("unable to parse requirement: {text:?}"));
    }
    parts.push(&text[start..]);
    Ok(parts)
}

fn parse_requirement(part: &str) -> Result<Requirement, String> {
    if let Some(key) = part.strip_prefix('!') {
        return Requirement::new(key.trim(), Operator::DoesNotExist, vec![]);
    }
    for (sym, op) in [
        ("!=", Operator::NotEquals),
        ("==", Operator::Equals),
        ("=", Operator::Equals),
    ] {
        if let Some((k, v)) = part.split_once(sym) {
            return Requirement::new(k.trim(), op, vec![v.trim().to_string()]);
        }
    }
    for (word, op) in [(" notin ", Operator::NotIn), (" in ", Operator::In)] {
        if let Some((k, rest)) = part.split_once(word) {
            let rest = rest.trim();
            let inner = rest
                .strip_prefix('(')
                .and_then(|r| r.strip_suffix(')'))
                .ok_or_else(|| format!("found '{rest}', expected: '('"))?;
            let values = inner
                .split(',')
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect();
            return Requirement::new(k.trim(), op, values);
        }
    }
    for (sym, op) in [(">", Operator::Gt), ("<", Operator::Lt)] {
        if let Some((k, v)) = part.split_once(sym) {
            return Requirement::new(k.trim(), op, vec![v.trim().to_string()]);
        }
    }
    Requirement::new(part, Operator::Exists, vec![])
}

impl LabelSelector {
    /// `metav1.LabelSelectorAsSelector`: nil → nothing is handled by the caller (an
    /// `Option<LabelSelector>`); an empty selector selects everything.
    pub fn to_selector(&self) -> Result<Selector, String> {
        let mut reqs = Vec::new();
        for (k, v) in self.match_labels.iter().flatten() {
            reqs.push(Requirement::new(k, Operator::Equals, vec![v.clone()])?);
        }
        for e in self.match_expressions.iter().flatten() {
            let op = Operator::from_expression(&e.operator, false).ok_or_else(|| {
                format!("{:?} is not a valid label selector operator", e.operator)
            })?;
            reqs.push(Requirement::new(&e.key, op, e.values.clone())?);
        }
        crate::sort::sort_by(&mut reqs, |a, b| a.key.cmp(&b.key));
        Ok(Selector::Requirements(reqs))
    }

    pub fn matches(&self, labels: &StringMap) -> bool {
        self.to_selector().is_ok_and(|s| s.matches(labels))
    }

    /// True for `&LabelSelector{}` (nil matchLabels and nil matchExpressions), which the
    /// controller refuses as "selecting all pods" (spec §6).
    pub fn is_deep_empty(&self) -> bool {
        self.match_labels.is_none() && self.match_expressions.is_none()
    }

    /// `metav1.FormatLabelSelector`: the selector's text, `<none>` if empty, `<error>` if invalid.
    pub fn format(&self) -> String {
        match self.to_selector() {
            Ok(s) => {
                let t = s.to_string();
                if t.is_empty() { "<none>".into() } else { t }
            }
            Err(_) => "<error>".into(),
        }
    }
}

/// `labels.FormatLabels`: sorted `k=v` joined by `,`, `<none>` when empty.
pub fn format_labels(labels: &StringMap) -> String {
    if labels.is_empty() {
        return "<none>".into();
    }
    labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// `validation.IsQualifiedName`: the first problem, if any. (The name part is checked before the
/// prefix, an empty prefix gets the subdomain message and a long name part says "characters":
/// this check's own texts, kept; the predicates and regex messages are
/// [`crate::api::syntax`]'.)
pub fn validate_qualified_name(key: &str) -> Option<String> {
    let (prefix, name) = match key.split_once('/') {
        Some((p, n)) => (Some(p), n),
        None => (None, key),
    };
    if name.is_empty() {
        return Some("name part must be non-empty".into());
    }
    if name.len() > 63 {
        return Some("name part must be no more than 63 characters".into());
    }
    if !syntax::matches_label_key_name(name) {
        return Some(format!(
            "name part {}",
            syntax::label_key_name_regex_error()
        ));
    }
    if let Some(p) = prefix
        && !is_dns1123_subdomain(p)
    {
        return Some(format!(
            "prefix part {}",
            syntax::dns1123_subdomain_regex_error()
        ));
    }
    None
}

/// `validation.IsValidLabelValue`: the first problem, if any.
pub fn validate_label_value(v: &str) -> Option<String> {
    if v.len() > 63 {
        return Some("must be no more than 63 characters".into());
    }
    if !v.is_empty() && !syntax::matches_label_key_name(v) {
        return Some(syntax::label_value_regex_error());
    }
    None
}

/// `validation.IsDNS1123Subdomain` without the message.
pub fn is_dns1123_subdomain(s: &str) -> bool {
    s.len() <= 253 && syntax::matches_dns1123_subdomain(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(pairs: &[(&str, &str)]) -> StringMap {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// spec §3.1: NotIn and DoesNotExist match a missing key; Gt/Lt parse base-10 integers.
    #[test]
    fn requirement_table_spec_3_1() {
        let none = labels(&[]);
        let r = |op, vals: &[&str]| {
            Requirement::new("k", op, vals.iter().map(|s| s.to_string()).collect()).unwrap()
        };
        assert!(r(Operator::NotIn, &["a"]).matches(&none));
        assert!(!r(Operator::In, &["a"]).matches(&none));
        assert!(r(Operator::DoesNotExist, &[]).matches(&none));
        assert!(!r(Operator::Gt, &["1"]).matches(&none));
        assert!(r(Operator::Gt, &["0204"]).matches(&labels(&[("k", "0206")])));
        assert!(!r(Operator::Lt, &["5"]).matches(&labels(&[("k", "x")])));
        assert!(Requirement::new("k", Operator::In, vec![]).is_err());
        assert!(Requirement::new("k", Operator::Exists, vec!["a".into()]).is_err());
    }

    #[test]
    fn kubectl_selector_text_parses_and_prints() {
        let s = Selector::parse("tier in (b,a),app=web,!legacy,env notin (dev)").unwrap();
        // Sorted by key, as apimachinery sorts requirements (`!legacy` sorts as `legacy`).
        assert_eq!(
            s.to_string(),
            "app=web,env notin (dev),!legacy,tier in (a,b)"
        );
        assert!(s.matches(&labels(&[("app", "web"), ("tier", "a")])));
        assert!(!s.matches(&labels(&[("app", "web"), ("tier", "a"), ("legacy", "")])));
        assert!(Selector::parse("a in (b").is_err());
    }

    #[test]
    fn format_label_selector_and_labels() {
        let sel = LabelSelector {
            match_labels: Some(labels(&[("name", "fluentd")])),
            match_expressions: None,
        };
        assert_eq!(sel.format(), "name=fluentd");
        assert_eq!(LabelSelector::default().format(), "<none>");
        assert_eq!(format_labels(&labels(&[("b", "2"), ("a", "1")])), "a=1,b=2");
        assert_eq!(format_labels(&labels(&[])), "<none>");
    }

    /// The exact first-problem texts (once constants here, now built from `api::syntax`).
    #[test]
    fn first_problem_texts() {
        assert_eq!(
            validate_qualified_name("a-").as_deref(),
            Some(
                "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
            )
        );
        assert_eq!(
            validate_qualified_name("Example.com/a").as_deref(),
            Some(
                "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
            )
        );
        assert_eq!(
            validate_qualified_name("/a").as_deref(),
            Some(
                "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
            )
        );
        assert_eq!(
            validate_qualified_name(&"k".repeat(64)).as_deref(),
            Some("name part must be no more than 63 characters")
        );
        assert_eq!(validate_qualified_name("example.com/a"), None);
        assert_eq!(
            validate_label_value("b-").as_deref(),
            Some(
                "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
            )
        );
        assert_eq!(
            validate_label_value(&"x".repeat(64)).as_deref(),
            Some("must be no more than 63 characters")
        );
        assert_eq!(validate_label_value(""), None);
        assert!(is_dns1123_subdomain("a.b-c"));
        assert!(!is_dns1123_subdomain(""));
        assert!(!is_dns1123_subdomain("A.b"));
        assert!(!is_dns1123_subdomain(&"a".repeat(254)));
    }
}

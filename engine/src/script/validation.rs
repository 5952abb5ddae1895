//! The two apimachinery validators kubectl runs on the client before sending `label` and
//! `taint` changes (`k8s.io/apimachinery/pkg/api/validate/content`, tag kubernetes-1.36.3):
//! label values and qualified names (label keys, taint keys). Their texts appear inside
//! kubectl's error messages.

const LABEL_KEY_FMT: &str = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_KEY_ERR: &str = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_ERR: &str = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS1123_LABEL_FMT: &str = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_ERR: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const MAX_NAME: usize = 63;
const MAX_SUBDOMAIN: usize = 253;

fn max_len_error(n: usize) -> String {
    format!("must be no more than {n} bytes")
}

fn regex_error(msg: &str, re: &str, examples: &[&str]) -> String {
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
    out.push_str(re);
    out.push_str("')");
    out
}

/// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
fn is_qualified_name_part(s: &str) -> bool {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) => {
            f.is_ascii_alphanumeric()
                && l.is_ascii_alphanumeric()
                && b.iter()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        }
        _ => false,
    }
}

/// `[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*`
fn is_dns1123_subdomain(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|label| {
            let b = label.as_bytes();
            let ok = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
            match (b.first(), b.last()) {
                (Some(f), Some(l)) => ok(f) && ok(l) && b.iter().all(|c| ok(c) || *c == b'-'),
                _ => false,
            }
        })
}

/// apimachinery `IsValidLabelValue`: the problems with a label value (empty when valid).
pub(crate) fn label_value_errors(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > MAX_NAME {
        errs.push(max_len_error(MAX_NAME));
    }
    if !value.is_empty() && !is_qualified_name_part(value) {
        let re = format!("({LABEL_KEY_FMT})?");
        errs.push(regex_error(
            LABEL_VALUE_ERR,
            &re,
            &["MyValue", "my_value", "12345"],
        ));
    }
    errs
}

/// apimachinery `IsQualifiedName` (= `IsLabelKey`): the problems with a label or taint key.
pub(crate) fn qualified_name_errors(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    let parts: Vec<&str> = value.split('/').collect();
    let name = match parts.as_slice() {
        [name] => *name,
        [prefix, name] => {
            if prefix.is_empty() {
                errs.push("prefix part must be non-empty".to_string());
            } else {
                let mut prefix_errs = Vec::new();
                if prefix.len() > MAX_SUBDOMAIN {
                    prefix_errs.push(max_len_error(MAX_SUBDOMAIN));
                }
                if !is_dns1123_subdomain(prefix) {
                    let re = format!("{DNS1123_LABEL_FMT}(\\.{DNS1123_LABEL_FMT})*");
                    prefix_errs.push(regex_error(DNS1123_SUBDOMAIN_ERR, &re, &["example.com"]));
                }
                errs.extend(prefix_errs.into_iter().map(|e| format!("prefix part {e}")));
            }
            *name
        }
        _ => {
            errs.push(format!(
                "a valid label key {} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
                regex_error(LABEL_KEY_ERR, LABEL_KEY_FMT, &["MyName", "my.name", "123-abc"])
            ));
            return errs;
        }
    };
    if name.is_empty() {
        errs.push("name part must be non-empty".to_string());
    } else if name.len() > MAX_NAME {
        errs.push(format!("name part {}", max_len_error(MAX_NAME)));
    }
    if !is_qualified_name_part(name) {
        errs.push(format!(
            "name part {}",
            regex_error(
                LABEL_KEY_ERR,
                LABEL_KEY_FMT,
                &["MyName", "my.name", "123-abc"]
            )
        ));
    }
    errs
}

#[cfg(test)]
mod tests {
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
            assert!(label_value_errors(ok).is_empty(), "{ok}");
        }
        assert_eq!(
            label_value_errors("b-"),
            vec!["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')".to_string()]
        );
        assert_eq!(
            label_value_errors(&"x".repeat(64)),
            vec!["must be no more than 63 bytes".to_string()]
        );
        assert_eq!(label_value_errors(&format!("{}-", "x".repeat(64))).len(), 2);
    }

    #[test]
    fn qualified_names() {
        for ok in [
            "a",
            "dedicated",
            "node-role.kubernetes.io/control-plane",
            "example.com/My_Name.1",
        ] {
            assert!(qualified_name_errors(ok).is_empty(), "{ok}");
        }
        assert_eq!(
            qualified_name_errors("/a"),
            vec!["prefix part must be non-empty".to_string()]
        );
        assert_eq!(qualified_name_errors("a/"), vec![
            "name part must be non-empty".to_string(),
            "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')".to_string(),
        ]);
        let e = qualified_name_errors("Example.com/a");
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with("prefix part a lowercase RFC 1123 subdomain"),
            "{}",
            e[0]
        );
        assert!(e[0].ends_with("(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"), "{}", e[0]);
        assert!(qualified_name_errors("a/b/c")[0].starts_with("a valid label key must consist"));
        assert_eq!(
            qualified_name_errors(&"k".repeat(64)),
            vec!["name part must be no more than 63 bytes".to_string()]
        );
    }
}

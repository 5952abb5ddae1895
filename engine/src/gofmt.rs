//! The few Go standard-library behaviours that kubectl's messages and flag values depend on:
//! `strconv.Quote` (every `%q` in a message), `strconv.ParseBool` / `ParseInt` (pflag's bool and
//! int flags, with their exact error texts), `encoding/csv` (pflag's string-slice flags such as
//! `-f a.yaml,b.yaml`), `%v` of a `[]string`, `time.Duration.String()` (`sim settle`, kubectl's
//! timeouts) and `encoding/json`'s HTML-safe string encoding (`-o json`, the values in apiserver
//! validation messages). Ported from the Go sources' documented rules; written so that no input
//! can panic.

use std::fmt::Write as _;

/// Go's `strconv.Quote`: double-quoted, with Go escapes for quotes, backslashes and
/// non-printable characters.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        push_escaped(&mut out, c, '"');
    }
    out.push('"');
    out
}

/// Go's `strconv.QuoteRune` (what `%q` prints for a byte or rune), e.g. `'z'`.
pub(crate) fn quote_rune(c: char) -> String {
    let mut out = String::with_capacity(4);
    out.push('\'');
    push_escaped(&mut out, c, '\'');
    out.push('\'');
    out
}

fn push_escaped(out: &mut String, c: char, quote: char) {
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if is_print(c) {
        out.push(c);
        return;
    }
    match c {
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push_str(&format!("\\U{:08x}", c as u32)),
    }
}

/// An approximation of Go's `strconv.IsPrint` (letters, marks, numbers, punctuation, symbols and
/// the ASCII space): control characters, non-ASCII spaces, format characters, private-use
/// characters and noncharacters are not printable. Rust has no general-category table in `std`,
/// so those are listed explicitly; unassigned code points, which Go also escapes, are not known
/// here and print as themselves.
fn is_print(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return (0x20..0x7f).contains(&u);
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let format = matches!(u,
        0x00AD | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x0890..=0x0891 | 0x08E2 | 0x180E
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF
        | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD | 0x13430..=0x1343F | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F);
    let private_use = matches!(u, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF);
    let nonchar = matches!(u, 0xFDD0..=0xFDEF) || (u & 0xFFFE) == 0xFFFE;
    !(format || private_use || nonchar)
}

/// `encoding/json`'s encoding of a string, HTML-safe as `json.Marshal` writes it: `<`, `>`,
/// `&`, U+2028 and U+2029 become `\u003c`…, other characters below U+0020 `\u00XX`.
pub(crate) fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_json_string(&mut out, s);
    out
}

/// [`json_string`], appended to `out`.
pub(crate) fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Go's `strconv.ParseBool`, with its error text.
pub(crate) fn parse_bool(s: &str) -> Result<bool, String> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(false),
        _ => Err(num_error("ParseBool", s, "invalid syntax")),
    }
}

fn num_error(func: &str, num: &str, err: &str) -> String {
    format!("strconv.{func}: parsing {}: {err}", quote(num))
}

/// Go's `strconv.ParseInt(s, 0, 64)` (what pflag's `int` and `int64` flags use): optional sign,
/// `0x`/`0o`/`0b`/leading-`0` prefixes, `_` digit separators; Go's error texts.
pub(crate) fn parse_int(s: &str) -> Result<i64, String> {
    const FUNC: &str = "ParseInt";
    let syntax = || Err(num_error(FUNC, s, "invalid syntax"));
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        Some(_) => (false, s),
        None => return syntax(),
    };
    let un = match parse_uint_base0(body) {
        Ok(v) => v,
        Err(UintError::Syntax) => return syntax(),
        Err(UintError::Range) => u64::MAX,
    };
    let cutoff = 1u64 << 63;
    if !neg && un >= cutoff {
        return Err(num_error(FUNC, s, "value out of range"));
    }
    if neg && un > cutoff {
        return Err(num_error(FUNC, s, "value out of range"));
    }
    if neg {
        // un <= 2^63 here, so the two's-complement negation always fits.
        Ok((un as i64).wrapping_neg())
    } else {
        Ok(un as i64)
    }
}

enum UintError {
    Syntax,
    Range,
}

/// Go's `strconv.ParseUint(s, 0, 64)` without the error wrapping.
fn parse_uint_base0(s0: &str) -> Result<u64, UintError> {
    let bytes = s0.as_bytes();
    if bytes.is_empty() {
        return Err(UintError::Syntax);
    }
    let (base, digits): (u64, &[u8]) = if bytes[0] == b'0' {
        let second = bytes.get(1).map(|b| b.to_ascii_lowercase());
        match second {
            Some(b'b') if bytes.len() >= 3 => (2, &bytes[2..]),
            Some(b'o') if bytes.len() >= 3 => (8, &bytes[2..]),
            Some(b'x') if bytes.len() >= 3 => (16, &bytes[2..]),
            _ => (8, &bytes[1..]),
        }
    } else {
        (10, bytes)
    };
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in digits {
        let d = match c {
            b'_' => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            _ if c.is_ascii_alphabetic() => u64::from(c.to_ascii_lowercase() - b'a') + 10,
            _ => return Err(UintError::Syntax),
        };
        if d >= base {
            return Err(UintError::Syntax);
        }
        match n.checked_mul(base).and_then(|v| v.checked_add(d)) {
            Some(v) => n = v,
            // Go returns the range error at once; the remaining digits cannot change that
            // outcome except through a syntax error, which Go would not see either.
            None => return Err(UintError::Range),
        }
    }
    if underscores && !underscore_ok(s0) {
        return Err(UintError::Syntax);
    }
    Ok(n)
}

/// Go's `underscoreOK`: underscores only between digits, or between a base prefix and a digit.
fn underscore_ok(s: &str) -> bool {
    let mut b = s.as_bytes();
    if let Some(b'-' | b'+') = b.first() {
        b = &b[1..];
    }
    let mut saw = b'^';
    let mut i = 0;
    let mut hex = false;
    if b.len() >= 2 && b[0] == b'0' && matches!(b[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = b[1].eq_ignore_ascii_case(&b'x');
    }
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c.is_ascii_digit() || (hex && matches!(c.to_ascii_lowercase(), b'a'..=b'f')) {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}

/// pflag's `readAsCSV`: one record of Go's `encoding/csv` (comma-separated, `"` quoting with
/// `""` for a quote). Errors read like Go's `csv.ParseError`; the column numbers in them are
/// computed as Go 1.17+ does for single-line values but were not checked against a Go run.
pub(crate) fn read_csv_record(val: &str) -> Result<Vec<String>, String> {
    if val.is_empty() {
        return Ok(Vec::new());
    }
    // csv.Reader skips empty lines before the first record and normalises \r\n.
    let normalized = val.replace("\r\n", "\n");
    let mut line_no = 1usize;
    let mut rest = normalized.as_str();
    while let Some(stripped) = rest.strip_prefix('\n') {
        rest = stripped;
        line_no += 1;
    }
    if rest.is_empty() {
        return Err("EOF".to_string());
    }
    let chars: Vec<char> = rest.chars().collect();
    let mut fields = Vec::new();
    let mut i = 0usize;
    let mut col_base = 0usize; // byte column of chars[i] on the current line, 0-based
    let start_line = line_no;
    let err = |line: usize, col: usize, msg: &str| {
        if line != start_line {
            format!("record on line {start_line}; parse error on line {line}, column {col}: {msg}")
        } else {
            format!("parse error on line {line}, column {col}: {msg}")
        }
    };
    loop {
        let mut field = String::new();
        if chars.get(i) == Some(&'"') {
            // Quoted field.
            i += 1;
            col_base += 1;
            loop {
                match chars.get(i) {
                    None => {
                        return Err(err(
                            line_no,
                            col_base + 1,
                            "extraneous or missing \" in quoted-field",
                        ));
                    }
                    Some('"') => match chars.get(i + 1) {
                        Some('"') => {
                            field.push('"');
                            i += 2;
                            col_base += 2;
                        }
                        Some(',') => {
                            i += 2;
                            col_base += 2;
                            fields.push(field);
                            break;
                        }
                        None | Some('\n') => {
                            fields.push(field);
                            return Ok(fields);
                        }
                        Some(_) => {
                            return Err(err(
                                line_no,
                                col_base + 2,
                                "extraneous or missing \" in quoted-field",
                            ));
                        }
                    },
                    Some('\n') => {
                        field.push('\n');
                        i += 1;
                        line_no += 1;
                        col_base = 0;
                    }
                    Some(&c) => {
                        field.push(c);
                        i += 1;
                        col_base += c.len_utf8();
                    }
                }
            }
            continue;
        }
        // Unquoted field: up to a comma or the end of the line.
        loop {
            match chars.get(i) {
                None | Some('\n') => {
                    fields.push(field);
                    return Ok(fields);
                }
                Some(',') => {
                    i += 1;
                    col_base += 1;
                    fields.push(field);
                    break;
                }
                Some('"') => {
                    return Err(err(line_no, col_base + 1, "bare \" in non-quoted field"));
                }
                Some(&c) => {
                    field.push(c);
                    i += 1;
                    col_base += c.len_utf8();
                }
            }
        }
    }
}

/// Go's `%v` of a `[]string`: `[a b c]`.
pub(crate) fn format_string_slice(items: &[String]) -> String {
    format!("[{}]", items.join(" "))
}

/// Go's `time.Duration.String()` for whole milliseconds: `0s`, `500ms`, `1.5s`, `1m12s`,
/// `2h0m0s`.
pub(crate) fn go_duration(ms: i64) -> String {
    if ms == 0 {
        return "0s".into();
    }
    let neg = ms < 0;
    let ms = ms.unsigned_abs();
    let sign = if neg { "-" } else { "" };
    if ms < 1000 {
        return format!("{sign}{ms}ms");
    }
    let h = ms / 3_600_000;
    let m = (ms / 60_000) % 60;
    let s = (ms / 1000) % 60;
    let frac = ms % 1000;
    let secs = if frac == 0 {
        format!("{s}s")
    } else {
        let f = format!("{frac:03}");
        format!("{s}.{}s", f.trim_end_matches('0'))
    };
    if h > 0 {
        format!("{sign}{h}h{m}m{secs}")
    } else if m > 0 {
        format!("{sign}{m}m{secs}")
    } else {
        format!("{sign}{secs}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_matches_go_strconv_quote() {
        assert_eq!(quote("foo"), "\"foo\"");
        assert_eq!(quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(quote("tab\there\n"), "\"tab\\there\\n\"");
        assert_eq!(quote("\u{1}"), "\"\\x01\"");
        assert_eq!(quote("\u{7f}"), "\"\\x7f\"");
        assert_eq!(quote("héllo"), "\"héllo\"");
        assert_eq!(quote("\u{a0}"), "\"\\u00a0\"");
        assert_eq!(quote("\u{feff}"), "\"\\ufeff\"");
        assert_eq!(quote("\u{f0000}"), "\"\\U000f0000\"");
        // Format characters added in later Unicode versions are escaped too.
        assert_eq!(quote("\u{890}"), "\"\\u0890\"");
        assert_eq!(quote("\u{13430}"), "\"\\U00013430\"");
        assert_eq!(quote(""), "\"\"");
    }

    /// Moved from the validation tests, where the apiserver's copy of these printers lived.
    #[test]
    fn go_value_printing() {
        assert_eq!(quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(quote("\n\t\u{7}\u{1b}\u{7f}"), "\"\\n\\t\\a\\x1b\\x7f\"");
        assert_eq!(quote("é日本\u{a0}\u{200b}"), "\"é日本\\u00a0\\u200b\"");
        assert_eq!(quote("\u{10ffff}"), "\"\\U0010ffff\"");
        assert_eq!(
            json_string("<a&b>\u{1}"),
            "\"\\u003ca\\u0026b\\u003e\\u0001\""
        );
    }

    #[test]
    fn quote_rune_matches_go() {
        assert_eq!(quote_rune('z'), "'z'");
        assert_eq!(quote_rune('\''), "'\\''");
        assert_eq!(quote_rune('"'), "'\"'");
        assert_eq!(quote_rune('\u{c3}'), "'Ã'");
        assert_eq!(quote_rune('\u{1}'), "'\\x01'");
    }

    #[test]
    fn parse_bool_accepts_go_spellings() {
        for t in ["1", "t", "T", "TRUE", "true", "True"] {
            assert_eq!(parse_bool(t), Ok(true));
        }
        for f in ["0", "f", "F", "FALSE", "false", "False"] {
            assert_eq!(parse_bool(f), Ok(false));
        }
        assert_eq!(
            parse_bool("yes"),
            Err("strconv.ParseBool: parsing \"yes\": invalid syntax".to_string())
        );
    }

    #[test]
    fn parse_int_base_zero() {
        assert_eq!(parse_int("30"), Ok(30));
        assert_eq!(parse_int("-1"), Ok(-1));
        assert_eq!(parse_int("+7"), Ok(7));
        assert_eq!(parse_int("0x10"), Ok(16));
        assert_eq!(parse_int("0o17"), Ok(15));
        assert_eq!(parse_int("017"), Ok(15));
        assert_eq!(parse_int("0b101"), Ok(5));
        assert_eq!(parse_int("1_000"), Ok(1000));
        assert_eq!(parse_int("0"), Ok(0));
        assert_eq!(parse_int("9223372036854775807"), Ok(i64::MAX));
        assert_eq!(parse_int("-9223372036854775808"), Ok(i64::MIN));
        let syntax = |s: &str| {
            Err(format!(
                "strconv.ParseInt: parsing {}: invalid syntax",
                quote(s)
            ))
        };
        assert_eq!(parse_int("x"), syntax("x"));
        assert_eq!(parse_int(""), syntax(""));
        assert_eq!(parse_int("-"), syntax("-"));
        assert_eq!(parse_int("08"), syntax("08"));
        assert_eq!(parse_int("1__0"), syntax("1__0"));
        assert_eq!(parse_int("_1"), syntax("_1"));
        assert_eq!(parse_int("1_"), syntax("1_"));
        assert_eq!(parse_int("1.5"), syntax("1.5"));
        let range = |s: &str| {
            Err(format!(
                "strconv.ParseInt: parsing {}: value out of range",
                quote(s)
            ))
        };
        assert_eq!(
            parse_int("9223372036854775808"),
            range("9223372036854775808")
        );
        assert_eq!(
            parse_int("-9223372036854775809"),
            range("-9223372036854775809")
        );
        assert_eq!(
            parse_int("99999999999999999999999"),
            range("99999999999999999999999")
        );
    }

    #[test]
    fn csv_records_like_pflag_string_slices() {
        assert_eq!(read_csv_record(""), Ok(vec![]));
        assert_eq!(read_csv_record("a.yaml"), Ok(vec!["a.yaml".to_string()]));
        assert_eq!(
            read_csv_record("a.yaml,b.yaml"),
            Ok(vec!["a.yaml".to_string(), "b.yaml".to_string()])
        );
        assert_eq!(
            read_csv_record("a,"),
            Ok(vec!["a".to_string(), String::new()])
        );
        assert_eq!(
            read_csv_record("\"a,b\",c"),
            Ok(vec!["a,b".to_string(), "c".to_string()])
        );
        assert_eq!(read_csv_record("\"a\"\"b\""), Ok(vec!["a\"b".to_string()]));
        assert_eq!(read_csv_record("a\nb"), Ok(vec!["a".to_string()]));
        assert_eq!(
            read_csv_record("a\"b"),
            Err("parse error on line 1, column 2: bare \" in non-quoted field".to_string())
        );
        assert!(read_csv_record("\"ab").is_err());
        assert!(read_csv_record("\"a\"b").is_err());
    }

    #[test]
    fn go_format_of_string_slice() {
        assert_eq!(format_string_slice(&["a".into(), "b".into()]), "[a b]");
        assert_eq!(format_string_slice(&[]), "[]");
    }

    #[test]
    fn go_durations() {
        assert_eq!(go_duration(0), "0s");
        assert_eq!(go_duration(500), "500ms");
        assert_eq!(go_duration(1500), "1.5s");
        assert_eq!(go_duration(72_000), "1m12s");
        assert_eq!(go_duration(600_000), "10m0s");
        assert_eq!(go_duration(7_200_000), "2h0m0s");
        assert_eq!(go_duration(3_723_250), "1h2m3.25s");
    }
}

//! `-o yaml` as kubectl writes it: `sigs.k8s.io/yaml` (go-yaml v2.4 underneath) marshalling an
//! unstructured object. Ported from go-yaml's encoder and libyaml's emitter rules:
//!
//! - map keys sorted with go-yaml's `keyList.Less` (digit runs compared as numbers, non-letters
//!   before letters), two-space indentation, sequences inside mappings not indented, empty
//!   collections as `{}` / `[]`;
//! - a string is written plain unless it would read back as something else (`"true"`, `"1"`,
//!   `""`, `"2024-01-01T00:00:00Z"`: double-quoted) or plain is not allowed by the emitter
//!   (leading indicator, `: `, ` #`, ...: single-quoted); strings with line breaks use the literal
//!   block style `|`, `|-`, `|+`;
//! - plain, single- and double-quoted scalars longer than 80 columns are folded at a space, as
//!   libyaml's `best_width` does.
//!
//! Written iteratively over the depth of the value only through recursion bounded by the
//! manifest decoder's depth budget (objects come from the store, which only holds decoded
//! manifests).

use serde_json::Value;

const BEST_WIDTH: usize = 80;
const INDENT: usize = 2;
/// Deeper values are written as `null` rather than risk the stack (never reached by objects
/// decoded under the manifest budget).
const MAX_DEPTH: usize = 200;

/// The YAML text of a value, ending with a newline.
pub fn to_yaml(value: &Value) -> String {
    let mut e = Emitter::default();
    e.node(value, Ctx::Root, 0, 0);
    if !e.out.ends_with('\n') {
        e.out.push('\n');
    }
    e.out
}

#[derive(Default)]
struct Emitter {
    out: String,
    /// Characters written on the current line.
    column: usize,
}

/// Where a node is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// The document itself.
    Root,
    /// The value of a mapping key, after `key:`.
    MapValue,
    /// A sequence item, after `- `.
    SeqItem,
}

impl Emitter {
    fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c == '\n' {
                self.column = 0;
            } else {
                self.column += 1;
            }
        }
        self.out.push_str(s);
    }

    fn newline(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    fn indent_to(&mut self, indent: usize) {
        while self.column < indent {
            self.out.push(' ');
            self.column += 1;
        }
    }

    /// Writes `value`; `indent` is the column of the collection or key it belongs to.
    fn node(&mut self, value: &Value, ctx: Ctx, indent: usize, depth: usize) {
        if depth > MAX_DEPTH {
            self.push(if ctx == Ctx::Root { "null" } else { " null" });
            return;
        }
        match value {
            Value::Object(map) if !map.is_empty() => {
                let mut keys: Vec<&String> = map.keys().collect();
                crate::sort::sort_by(&mut keys, |a, b| key_order(a, b));
                let child_indent = match ctx {
                    Ctx::Root => 0,
                    Ctx::MapValue => indent + INDENT,
                    Ctx::SeqItem => indent + INDENT,
                };
                for (i, key) in keys.iter().enumerate() {
                    match ctx {
                        // The first key of a mapping in a sequence item shares the dash's line.
                        Ctx::SeqItem if i == 0 => {}
                        _ => {
                            if self.column > 0 {
                                self.newline();
                            }
                            self.indent_to(child_indent);
                        }
                    }
                    self.key(key);
                    self.push(":");
                    if let Some(v) = map.get(*key) {
                        self.node(v, Ctx::MapValue, child_indent, depth + 1);
                    }
                }
            }
            Value::Array(items) if !items.is_empty() => {
                // Sequences in mappings are "indentless": the dash sits at the key's column.
                let dash_col = match ctx {
                    Ctx::Root => 0,
                    Ctx::MapValue => indent,
                    Ctx::SeqItem => indent + INDENT,
                };
                for (i, item) in items.iter().enumerate() {
                    if !(ctx == Ctx::SeqItem && i == 0) {
                        if self.column > 0 {
                            self.newline();
                        }
                        self.indent_to(dash_col);
                    }
                    self.push("- ");
                    self.node(item, Ctx::SeqItem, dash_col, depth + 1);
                }
            }
            other => {
                let sep = match ctx {
                    Ctx::Root | Ctx::SeqItem => "",
                    Ctx::MapValue => " ",
                };
                self.push(sep);
                // A scalar's continuation lines go two columns in from its key or dash.
                let cont = match ctx {
                    Ctx::Root => INDENT,
                    Ctx::MapValue | Ctx::SeqItem => indent + INDENT,
                };
                self.scalar(other, cont);
            }
        }
        if ctx == Ctx::Root && self.column > 0 {
            self.newline();
        }
    }

    fn key(&mut self, key: &str) {
        match style_for(key, true) {
            Style::Plain => self.push(key),
            Style::Single => self.single_quoted(key, usize::MAX, false),
            _ => self.double_quoted(key, usize::MAX, false),
        }
    }

    fn scalar(&mut self, value: &Value, cont: usize) {
        match value {
            Value::Null => self.push("null"),
            Value::Bool(b) => self.push(if *b { "true" } else { "false" }),
            Value::Number(n) => self.push(&go_number(n)),
            Value::String(s) => match style_for(s, false) {
                Style::Plain => self.plain(s, cont),
                Style::Single => self.single_quoted(s, cont, true),
                Style::Double => self.double_quoted(s, cont, true),
                Style::Literal => self.literal(s, cont),
            },
            Value::Object(_) => self.push("{}"),
            Value::Array(_) => self.push("[]"),
        }
    }

    /// libyaml's line folding: at a single space once past the best width.
    fn fold_here(&self, allow_breaks: bool, spaces: bool, next_is_space: bool) -> bool {
        allow_breaks && !spaces && self.column > BEST_WIDTH && !next_is_space
    }

    fn write_indent(&mut self, indent: usize) {
        self.newline();
        self.indent_to(indent);
    }

    fn plain(&mut self, s: &str, cont: usize) {
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                let next_space = chars.get(i + 1) == Some(&' ');
                if self.fold_here(true, spaces, next_space) {
                    self.write_indent(cont);
                } else {
                    self.push_char(c);
                }
                spaces = true;
            } else {
                self.push_char(c);
                spaces = false;
            }
        }
    }

    fn single_quoted(&mut self, s: &str, cont: usize, allow_breaks: bool) {
        self.push("'");
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                let next_space = chars.get(i + 1) == Some(&' ');
                if self.fold_here(allow_breaks, spaces, next_space) && i > 0 && i + 1 < chars.len()
                {
                    self.write_indent(cont);
                } else {
                    self.push_char(c);
                }
                spaces = true;
            } else {
                if c == '\'' {
                    self.push_char('\'');
                }
                self.push_char(c);
                spaces = false;
            }
        }
        self.push("'");
    }

    fn double_quoted(&mut self, s: &str, cont: usize, allow_breaks: bool) {
        self.push("\"");
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            if !is_printable(c) || c == '\u{feff}' || is_break(c) || c == '"' || c == '\\' {
                let esc = match c {
                    '\0' => "\\0".to_string(),
                    '\u{7}' => "\\a".to_string(),
                    '\u{8}' => "\\b".to_string(),
                    '\t' => "\\t".to_string(),
                    '\n' => "\\n".to_string(),
                    '\u{b}' => "\\v".to_string(),
                    '\u{c}' => "\\f".to_string(),
                    '\r' => "\\r".to_string(),
                    '\u{1b}' => "\\e".to_string(),
                    '"' => "\\\"".to_string(),
                    '\\' => "\\\\".to_string(),
                    '\u{85}' => "\\N".to_string(),
                    '\u{a0}' => "\\_".to_string(),
                    '\u{2028}' => "\\L".to_string(),
                    '\u{2029}' => "\\P".to_string(),
                    c if (c as u32) <= 0xFF => format!("\\x{:02X}", c as u32),
                    c if (c as u32) <= 0xFFFF => format!("\\u{:04X}", c as u32),
                    c => format!("\\U{:08X}", c as u32),
                };
                self.push(&esc);
                spaces = false;
            } else if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > BEST_WIDTH
                    && i != 0
                    && i + 1 != chars.len()
                {
                    self.write_indent(cont);
                    if chars.get(i + 1) == Some(&' ') {
                        self.push("\\");
                    }
                } else {
                    self.push_char(c);
                }
                spaces = true;
            } else {
                self.push_char(c);
                spaces = false;
            }
        }
        self.push("\"");
    }

    fn literal(&mut self, s: &str, cont: usize) {
        self.push("|");
        if s.starts_with(' ') || s.starts_with(is_break) {
            self.push(&INDENT.to_string());
        }
        let chomp = if !s.ends_with(is_break) {
            "-"
        } else {
            let trimmed = &s[..s.len() - s.chars().last().map_or(0, char::len_utf8)];
            if trimmed.is_empty() || trimmed.ends_with(is_break) {
                "+"
            } else {
                ""
            }
        };
        self.push(chomp);
        self.newline();
        let mut breaks = true;
        for c in s.chars() {
            if is_break(c) {
                self.out.push('\n');
                self.column = 0;
                breaks = true;
            } else {
                if breaks {
                    self.indent_to(cont);
                    breaks = false;
                }
                self.push_char(c);
            }
        }
        // The block ends with a line break of its own when the text had none.
        if !s.ends_with(is_break) {
            self.newline();
        }
        // The next node starts on a fresh line (column 0 signals "nothing pending").
    }

    fn push_char(&mut self, c: char) {
        self.out.push(c);
        if c == '\n' {
            self.column = 0;
        } else {
            self.column += 1;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
}

/// go-yaml's `stringv` choice followed by libyaml's `select_scalar_style`.
fn style_for(s: &str, simple_key: bool) -> Style {
    let can_use_plain = resolves_to_string(s) && !is_base60_float(s);
    let wanted = if s.contains('\n') {
        Style::Literal
    } else if can_use_plain {
        Style::Plain
    } else {
        Style::Double
    };
    let a = analyze(s);
    let mut style = wanted;
    if simple_key && a.multiline {
        style = Style::Double;
    }
    if style == Style::Plain && (!a.block_plain_allowed || (s.is_empty() && simple_key)) {
        style = Style::Single;
    }
    if style == Style::Single && !a.single_quoted_allowed {
        style = Style::Double;
    }
    if style == Style::Literal && (!a.block_allowed || simple_key) {
        style = Style::Double;
    }
    style
}

struct Analysis {
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_blank_or_end(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c == ' ' || c == '\t' || is_break(c) || c == '\0',
    }
}

fn is_printable(c: char) -> bool {
    let u = c as u32;
    u == 0x0A
        || (0x20..=0x7E).contains(&u)
        || u == 0x85
        || (0xA0..=0xD7FF).contains(&u)
        || ((0xE000..=0xFFFD).contains(&u) && u != 0xFEFF)
        || (0x10000..=0x10FFFF).contains(&u)
}

/// libyaml's `yaml_emitter_analyze_scalar` (block context).
fn analyze(s: &str) -> Analysis {
    if s.is_empty() {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: false,
        };
    }
    let chars: Vec<char> = s.chars().collect();
    let mut block_indicators = s.starts_with("---") || s.starts_with("...");
    let (mut leading_space, mut leading_break, mut trailing_space, mut trailing_break) =
        (false, false, false, false);
    let (mut break_space, mut space_break, mut previous_space, mut previous_break) =
        (false, false, false, false);
    let (mut line_breaks, mut special) = (false, false);
    let mut preceded_by_whitespace = true;
    for (i, &c) in chars.iter().enumerate() {
        let followed_by_whitespace = is_blank_or_end(chars.get(i + 1).copied());
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"'
                | '%' | '@' | '`' => block_indicators = true,
                '?' | ':' | '-' if followed_by_whitespace => block_indicators = true,
                _ => {}
            }
        } else {
            match c {
                ':' if followed_by_whitespace => block_indicators = true,
                '#' if preceded_by_whitespace => block_indicators = true,
                _ => {}
            }
        }
        if !is_printable(c) {
            special = true;
        }
        if c == ' ' {
            if i == 0 {
                leading_space = true;
            }
            if i + 1 == chars.len() {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            line_breaks = true;
            if i == 0 {
                leading_break = true;
            }
            if i + 1 == chars.len() {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_blank_or_end(Some(c));
    }
    let mut block_plain_allowed = true;
    let mut single_quoted_allowed = true;
    let mut block_allowed = true;
    if leading_space || leading_break || trailing_space || trailing_break {
        block_plain_allowed = false;
    }
    if trailing_space {
        block_allowed = false;
    }
    if break_space {
        block_plain_allowed = false;
        single_quoted_allowed = false;
    }
    if space_break || special {
        block_plain_allowed = false;
        single_quoted_allowed = false;
        block_allowed = false;
    }
    if line_breaks || block_indicators {
        block_plain_allowed = false;
    }
    Analysis {
        multiline: line_breaks,
        block_plain_allowed,
        single_quoted_allowed,
        block_allowed,
    }
}

/// Whether go-yaml v2's `resolve` reads the plain scalar back as a string (not a bool, null,
/// number or timestamp, in YAML 1.1 terms).
fn resolves_to_string(s: &str) -> bool {
    const SPECIAL: &[&str] = &[
        "", "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan",
        ".NaN", ".NAN", "<<",
    ];
    if SPECIAL.contains(&s) {
        return false;
    }
    let Some(first) = s.chars().next() else {
        return false;
    };
    if (first.is_ascii_digit() || matches!(first, '+' | '-' | '.'))
        && (is_yaml_int(s) || crate::manifest::yaml::resolve::is_float(s))
    {
        return false;
    }
    if first.is_ascii_digit() && is_timestamp(s) {
        return false;
    }
    true
}

/// go-yaml v2: `strconv.ParseInt(plain without "_", 0, 64)` (also unsigned), and `0b...`.
fn is_yaml_int(s: &str) -> bool {
    let plain: String = s.chars().filter(|&c| c != '_').collect();
    let (neg, body) = match plain.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, plain.strip_prefix('+').unwrap_or(&plain)),
    };
    let _ = neg;
    if body.is_empty() {
        return false;
    }
    let digits_ok = |t: &str, radix: u32| !t.is_empty() && t.chars().all(|c| c.is_digit(radix));
    if let Some(b) = body.strip_prefix("0b") {
        return digits_ok(b, 2);
    }
    if let Some(h) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        return digits_ok(h, 16);
    }
    if let Some(o) = body.strip_prefix("0o").or_else(|| body.strip_prefix("0O")) {
        return digits_ok(o, 8);
    }
    if body.len() > 1 && body.starts_with('0') {
        return digits_ok(body, 8);
    }
    digits_ok(body, 10)
}

/// go-yaml v2's `parseTimestamp` formats: `2006-1-2T15:4:5.999999999Z07:00`,
/// `2006-1-2t15:4:5.999999999Z07:00`, `2006-1-2 15:4:5.999999999`, `2006-1-2`.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    // Year: exactly four digits, then '-'.
    let mut i = 0;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    if i != 4 || b.get(i) != Some(&b'-') {
        return false;
    }
    let num = |i: &mut usize, max: usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) && *i - start < max {
            *i += 1;
        }
        *i - start
    };
    i += 1;
    if num(&mut i, 2) == 0 || b.get(i) != Some(&b'-') {
        return false;
    }
    i += 1;
    if num(&mut i, 2) == 0 {
        return false;
    }
    if i == b.len() {
        return true;
    }
    if !matches!(b.get(i), Some(b'T' | b't' | b' ')) {
        return false;
    }
    let sep = b[i];
    i += 1;
    for k in 0..3 {
        if num(&mut i, 2) == 0 {
            return false;
        }
        if k < 2 {
            if b.get(i) != Some(&b':') {
                return false;
            }
            i += 1;
        }
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if num(&mut i, 9) == 0 {
            return false;
        }
    }
    if i == b.len() {
        return sep == b' ';
    }
    if sep == b' ' {
        return false;
    }
    match b.get(i) {
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            i += 1;
            if num(&mut i, 2) != 2 || b.get(i) != Some(&b':') {
                return false;
            }
            i += 1;
            num(&mut i, 2) == 2 && i == b.len()
        }
        _ => false,
    }
}

/// go-yaml v2's `isBase60Float` (`1:20`, `-190:20:30.15`), quoted for YAML 1.1 readers.
fn is_base60_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    if !b.get(i).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    while b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'_') {
        i += 1;
    }
    let mut groups = 0;
    while b.get(i) == Some(&b':') {
        i += 1;
        let start = i;
        if !b.get(i).is_some_and(|c| (b'0'..=b'5').contains(c)) {
            return false;
        }
        i += 1;
        if b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i - start == 0 {
            return false;
        }
        groups += 1;
    }
    if groups == 0 {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'_') {
            i += 1;
        }
    }
    i == b.len()
}

/// A JSON number as go-yaml writes the Go value `encoding/json`/go-yaml decoded it to.
fn go_number(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    match n.as_f64() {
        Some(f) => go_float(f),
        None => n.to_string(),
    }
}

/// `strconv.FormatFloat(f, 'g', -1, 64)`, as go-yaml writes floats.
fn go_float(f: f64) -> String {
    if f.is_nan() {
        return ".nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            ".inf".into()
        } else {
            "-.inf".into()
        };
    }
    if f == 0.0 {
        return "0".into();
    }
    // Shortest digits; %e when the exponent is < -4 or >= 6 (FormatFloat's rule for 'g', -1).
    let exp = f.abs().log10().floor() as i32;
    if (-4..6).contains(&exp) {
        crate::float_text::display(f)
    } else {
        let s = crate::float_text::lower_exp(f);
        // Rust: 1e21 / 1.5e-5 ; Go: 1e+21 / 1.5e-05
        match s.split_once('e') {
            Some((m, e)) => {
                let (sign, digits) = match e.strip_prefix('-') {
                    Some(d) => ('-', d),
                    None => ('+', e),
                };
                let digits = if digits.len() < 2 {
                    format!("0{digits}")
                } else {
                    digits.to_string()
                };
                format!("{m}e{sign}{digits}")
            }
            None => s,
        }
    }
}

/// go-yaml v2's `keyList.Less` for string keys.
pub(crate) fn key_order(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    if key_less(a, b) {
        Ordering::Less
    } else if key_less(b, a) {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

fn key_less(a: &str, b: &str) -> bool {
    let ar: Vec<char> = a.chars().collect();
    let br: Vec<char> = b.chars().collect();
    let mut i = 0;
    while i < ar.len() && i < br.len() {
        if ar[i] == br[i] {
            i += 1;
            continue;
        }
        let al = ar[i].is_alphabetic();
        let bl = br[i].is_alphabetic();
        if al && bl {
            return ar[i] < br[i];
        }
        if al || bl {
            return bl;
        }
        let mut an: i64 = 0;
        let mut bn: i64 = 0;
        if ar[i] == '0' || br[i] == '0' {
            let mut j = i;
            while j > 0 && ar[j - 1].is_ascii_digit() {
                j -= 1;
                if ar[j] != '0' {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let mut ai = i;
        while ai < ar.len() && ar[ai].is_ascii_digit() {
            an = an
                .saturating_mul(10)
                .saturating_add(i64::from(ar[ai] as u8 - b'0'));
            ai += 1;
        }
        let mut bi = i;
        while bi < br.len() && br[bi].is_ascii_digit() {
            bn = bn
                .saturating_mul(10)
                .saturating_add(i64::from(br[bi] as u8 - b'0'));
            bi += 1;
        }
        if an != bn {
            return an < bn;
        }
        if ai != bi {
            return ai < bi;
        }
        return ar[i] < br[i];
    }
    ar.len() < br.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn layout_of_maps_and_sequences() {
        let v = json!({
            "apiVersion": "apps/v1",
            "kind": "DaemonSet",
            "metadata": {"name": "x", "labels": {}, "annotations": {"deprecated.daemonset.template.generation": "1"}},
            "spec": {"template": {"spec": {"containers": [{"name": "c", "image": "i", "args": ["--a", "b"]}], "tolerations": []}}},
            "status": {"numberReady": 0, "x": null, "nested": [[1, 2], {"a": 1, "b": 2}]}
        });
        let want = "apiVersion: apps/v1
kind: DaemonSet
metadata:
  annotations:
    deprecated.daemonset.template.generation: \"1\"
  labels: {}
  name: x
spec:
  template:
    spec:
      containers:
      - args:
        - --a
        - b
        image: i
        name: c
      tolerations: []
status:
  nested:
  - - 1
    - 2
  - a: 1
    b: 2
  numberReady: 0
  x: null
";
        assert_eq!(to_yaml(&v), want);
    }

    #[test]
    fn quoting_rules() {
        let v = json!({
            "a": "", "b": "true", "c": "1", "d": "2024-01-02T03:04:05Z", "e": "plain text",
            "f": "a: b", "g": "- x", "h": "*", "i": "x #y", "j": "1.5", "k": "yes", "l": "on",
            "m": "0x1F", "n": "1:20", "o": " lead", "p": "it's", "q": "tab\there", "r": "v1.31.0",
            "s": "10.244.1.2", "t": "Back-off pulling image \"x\"", "u": "-", "v": "[none]", "w": "<none>",
            "on": 1
        });
        let want = "a: \"\"
b: \"true\"
c: \"1\"
d: \"2024-01-02T03:04:05Z\"
e: plain text
f: 'a: b'
g: '- x'
h: '*'
i: 'x #y'
j: \"1.5\"
k: \"yes\"
l: \"on\"
m: \"0x1F\"
\"n\": \"1:20\"
o: ' lead'
\"on\": 1
p: it's
q: \"tab\\there\"
r: v1.31.0
s: 10.244.1.2
t: Back-off pulling image \"x\"
u: '-'
v: '[none]'
w: <none>
";
        assert_eq!(to_yaml(&v), want);
    }

    #[test]
    fn multiline_strings_use_literal_blocks() {
        let v = json!({"a": "x\ny\n", "b": "x\ny", "c": "x\n\n", "d": {"e": "one\n  two\n"}});
        let want = "a: |
  x
  y
b: |-
  x
  y
c: |+
  x

d:
  e: |
    one
      two
";
        assert_eq!(to_yaml(&v), want);
    }

    #[test]
    fn long_scalars_fold_past_80_columns() {
        let msg = "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.";
        let v = json!({"status": {"conditions": [{"message": msg}]}});
        let out = to_yaml(&v);
        assert_eq!(
            out,
            "status:\n  conditions:\n  - message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:\n      }, 2 Insufficient cpu.'\n"
        );
    }

    #[test]
    fn go_yaml_key_order() {
        let mut keys = vec!["a10", "a9", "a_b", "aB", "Ab", "a-b", "ab", "a"];
        keys.sort_by(|a, b| key_order(a, b));
        assert_eq!(keys, vec!["Ab", "a", "a-b", "a_b", "a9", "a10", "aB", "ab"]);
    }

    #[test]
    fn numbers() {
        let v = json!({"a": 1, "b": -2, "c": 0.5, "d": 1e21, "e": 18446744073709551615u64, "f": 1234567.5, "g": 0.00001});
        assert_eq!(
            to_yaml(&v),
            "a: 1\nb: -2\nc: 0.5\nd: 1e+21\ne: 18446744073709551615\nf: 1.2345675e+06\ng: 1e-05\n"
        );
    }

    #[test]
    fn top_level_scalars_and_empties() {
        assert_eq!(to_yaml(&json!({})), "{}\n");
        assert_eq!(to_yaml(&json!([])), "[]\n");
        assert_eq!(to_yaml(&json!("x")), "x\n");
        assert_eq!(to_yaml(&json!([{"a": 1}])), "- a: 1\n");
    }
}

/// Output of `kubectl label --local -f tricky-node.json zz=1 -o yaml` (kubectl v1.32): key
/// order, quoting, folding past 80 columns, literal blocks.
#[cfg(test)]
#[test]
fn same_bytes_as_kubectl() {
    let v: Value = serde_json::from_str(include_str!("testdata/tricky-node.json")).unwrap();
    assert_eq!(
        to_yaml(&v),
        include_str!("testdata/tricky-node.kubectl-1.32.yaml")
    );
}

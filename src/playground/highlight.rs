//! A small YAML colourer for the manifest editor: one line at a time, good enough for Kubernetes
//! manifests (keys, scalars, comments, list dashes, document separators). It only colours; it
//! never changes the text: the pieces of a line joined give the line back.

/// What a piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Token {
    Plain,
    Key,
    /// `:`, `- `, `---`, `|`, `>`.
    Punct,
    Comment,
    /// A quoted string.
    Str,
    Number,
    /// `true`, `false`, `null`, `~`.
    Literal,
    /// An unquoted scalar value.
    Value,
}

impl Token {
    /// The CSS class of the piece.
    pub fn class(self) -> &'static str {
        match self {
            Token::Plain => "",
            Token::Key => "y-key",
            Token::Punct => "y-punct",
            Token::Comment => "y-comment",
            Token::Str => "y-str",
            Token::Number => "y-num",
            Token::Literal => "y-lit",
            Token::Value => "y-val",
        }
    }
}

/// The pieces of one line.
pub fn highlight_line(line: &str) -> Vec<(Token, &str)> {
    let mut out = Vec::new();
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    push(&mut out, Token::Plain, indent);
    if body.starts_with('#') {
        push(&mut out, Token::Comment, body);
        return out;
    }
    if body.starts_with("---") || body.starts_with("...") {
        push(&mut out, Token::Punct, &body[..3]);
        scalar(&mut out, &body[3..]);
        return out;
    }
    let mut rest = body;
    // List dashes: `- `, `- - `.
    while rest == "-" || rest.starts_with("- ") {
        let dash_len = rest.len() - rest[1..].trim_start().len();
        push(&mut out, Token::Punct, &rest[..1]);
        push(&mut out, Token::Plain, &rest[1..dash_len]);
        rest = &rest[dash_len..];
    }
    if let Some(colon) = key_colon(rest) {
        push(&mut out, Token::Key, &rest[..colon]);
        push(&mut out, Token::Punct, ":");
        rest = &rest[colon + 1..];
    }
    scalar(&mut out, rest);
    out
}

fn push<'a>(out: &mut Vec<(Token, &'a str)>, token: Token, text: &'a str) {
    if !text.is_empty() {
        out.push((token, text));
    }
}

/// Where the colon ending a mapping key is (`key:` then a blank or the end), outside quotes.
fn key_colon(text: &str) -> Option<usize> {
    if text.starts_with(['"', '\'', '{', '[', '#', '|', '>']) {
        return None;
    }
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && i > 0 && bytes[i - 1] == b' ' {
            return None;
        }
        if b == b':' && (i + 1 == bytes.len() || bytes[i + 1] == b' ') {
            return Some(i);
        }
    }
    None
}

/// A value after the key (blanks, the scalar, a trailing comment).
fn scalar<'a>(out: &mut Vec<(Token, &'a str)>, text: &'a str) {
    let value = text.trim_start();
    push(out, Token::Plain, &text[..text.len() - value.len()]);
    let (value, comment) = match comment_start(value) {
        Some(at) => (&value[..at], &value[at..]),
        None => (value, ""),
    };
    let trimmed = value.trim_end();
    let token = match trimmed {
        "" => Token::Plain,
        "true" | "false" | "True" | "False" | "null" | "Null" | "~" => Token::Literal,
        "|" | ">" | "|-" | ">-" | "|+" | ">+" => Token::Punct,
        t if t.starts_with(['"', '\'']) => Token::Str,
        t if is_number(t) => Token::Number,
        _ => Token::Value,
    };
    push(out, token, trimmed);
    push(out, Token::Plain, &value[trimmed.len()..]);
    push(out, Token::Comment, comment);
}

/// Where a ` #` comment starts in a value (not inside quotes).
fn comment_start(value: &str) -> Option<usize> {
    if value.starts_with('#') {
        return Some(0);
    }
    let mut quote = None;
    let bytes = value.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') if i == 0 => quote = Some(b),
            (Some(q), c) if c == q => quote = None,
            (None, b'#') if i > 0 && bytes[i - 1] == b' ' => return Some(i),
            _ => {}
        }
    }
    None
}

fn is_number(text: &str) -> bool {
    let t = text.strip_prefix(['-', '+']).unwrap_or(text);
    !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.chars().filter(|&c| c == '.').count() <= 1
        && t.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::{Token::*, *};

    fn joined(line: &str) -> String {
        highlight_line(line).iter().map(|(_, t)| *t).collect()
    }

    #[test]
    fn keys_values_and_comments() {
        assert_eq!(
            highlight_line("  name: fluentd # the agent"),
            [
                (Plain, "  "),
                (Key, "name"),
                (Punct, ":"),
                (Plain, " "),
                (Value, "fluentd"),
                (Plain, " "),
                (Comment, "# the agent"),
            ]
        );
        assert_eq!(
            highlight_line("# a comment: yes"),
            [(Comment, "# a comment: yes")]
        );
        assert_eq!(highlight_line("spec:"), [(Key, "spec"), (Punct, ":")]);
        assert_eq!(highlight_line("---"), [(Punct, "---")]);
    }

    #[test]
    fn list_items_and_scalars() {
        assert_eq!(
            highlight_line("- key: node-role.kubernetes.io/control-plane"),
            [
                (Punct, "-"),
                (Plain, " "),
                (Key, "key"),
                (Punct, ":"),
                (Plain, " "),
                (Value, "node-role.kubernetes.io/control-plane"),
            ]
        );
        assert_eq!(
            highlight_line("  readOnly: true")[3..],
            [(Plain, " "), (Literal, "true")]
        );
        assert_eq!(
            highlight_line("  terminationGracePeriodSeconds: 30")[3..],
            [(Plain, " "), (Number, "30")]
        );
        assert_eq!(
            highlight_line("  a: \"x # y\"")[3..],
            [(Plain, " "), (Str, "\"x # y\"")]
        );
        assert_eq!(
            highlight_line("  image: quay.io/x:v2.5.2")[3..],
            [(Plain, " "), (Value, "quay.io/x:v2.5.2")]
        );
        assert_eq!(
            highlight_line("  - /var/log"),
            [
                (Plain, "  "),
                (Punct, "-"),
                (Plain, " "),
                (Value, "/var/log")
            ]
        );
    }

    #[test]
    fn the_pieces_give_the_line_back() {
        for line in [
            "",
            "   ",
            "-",
            "- - a",
            "a:b",
            "key:   value   # c",
            "  \"quoted\": 1",
            "x: 'it''s' # c",
            "é: ü # ö",
            "--- # doc",
            "  args: [\"--v=2\", \"#x\"]",
        ] {
            assert_eq!(joined(line), line);
        }
    }
}

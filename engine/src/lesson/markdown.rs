//! The Markdown subset of lesson texts, read into a typed tree the page renders (never HTML
//! text): paragraphs, fenced code blocks, bulleted and numbered lists; inline `code`, *emphasis*
//! (or _emphasis_), **strong**, and [links](https://…) to http(s) addresses. Anything else is
//! text as written. Reading never fails: Markdown has no syntax errors.

/// A block of a text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A fenced code block; `lang` is what follows the opening fence (may be empty).
    Code {
        lang: String,
        text: String,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

/// A run of text inside a block.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Inline {
    Text(String),
    Code(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    /// A link to an http or https address.
    Link {
        text: Vec<Inline>,
        url: String,
    },
}

/// Emphasis inside emphasis stops here; deeper markers are text.
const MAX_NESTING: usize = 8;

/// Reads a text into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<String>)> = None;
    let mut lines = text.lines().peekable();
    let flush_paragraph = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(inlines(&paragraph.join(" "))));
            paragraph.clear();
        }
    };
    let flush_list = |list: &mut Option<(bool, Vec<String>)>, blocks: &mut Vec<Block>| {
        if let Some((ordered, items)) = list.take() {
            blocks.push(Block::List {
                ordered,
                items: items.iter().map(|i| inlines(i)).collect(),
            });
        }
    };
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if let Some(lang) = trimmed.strip_prefix("```") {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_list(&mut list, &mut blocks);
            let indent = line.len() - line.trim_start().len();
            let mut code = String::new();
            for body in lines.by_ref() {
                if body.trim() == "```" {
                    break;
                }
                let strip = body.len() - body.trim_start().len();
                code.push_str(&body[strip.min(indent)..]);
                code.push('\n');
            }
            blocks.push(Block::Code {
                lang: lang.trim().to_string(),
                text: code,
            });
            continue;
        }
        if trimmed.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_list(&mut list, &mut blocks);
            continue;
        }
        if let Some((ordered, item)) = list_item(trimmed) {
            flush_paragraph(&mut paragraph, &mut blocks);
            match &mut list {
                Some((o, items)) if *o == ordered => items.push(item.to_string()),
                _ => {
                    flush_list(&mut list, &mut blocks);
                    list = Some((ordered, vec![item.to_string()]));
                }
            }
            continue;
        }
        match &mut list {
            // An indented line continues the last item.
            Some((_, items)) if line.starts_with(' ') || line.starts_with('\t') => {
                if let Some(last) = items.last_mut() {
                    last.push(' ');
                    last.push_str(trimmed);
                }
            }
            _ => {
                flush_list(&mut list, &mut blocks);
                paragraph.push(trimmed);
            }
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_list(&mut list, &mut blocks);
    blocks
}

/// `- item`, `* item` or `1. item`: whether the list is numbered, and the item's text.
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, rest.trim_start()));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &line[digits..];
        if let Some(item) = rest.strip_prefix(". ") {
            return Some((true, item.trim_start()));
        }
    }
    None
}

/// Reads the inline markup of one block's text.
pub fn inlines(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    read_inlines(&chars, 0)
}

fn read_inlines(chars: &[char], depth: usize) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    let push_text = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text(std::mem::take(text)));
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() {
            text.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '`'
            && let Some(end) = find(chars, i + 1, &['`'])
        {
            push_text(&mut text, &mut out);
            out.push(Inline::Code(chars[i + 1..end].iter().collect()));
            i = end + 1;
            continue;
        }
        if depth < MAX_NESTING {
            if (c == '*' || c == '_') && chars.get(i + 1) == Some(&c) {
                let marker = [c, c];
                if let Some(end) = find(chars, i + 2, &marker).filter(|&e| e > i + 2) {
                    push_text(&mut text, &mut out);
                    out.push(Inline::Strong(read_inlines(&chars[i + 2..end], depth + 1)));
                    i = end + 2;
                    continue;
                }
            } else if (c == '*' || c == '_')
                && chars.get(i + 1).is_some_and(|n| !n.is_whitespace())
                && let Some(end) = find(chars, i + 1, &[c]).filter(|&e| e > i + 1)
            {
                push_text(&mut text, &mut out);
                out.push(Inline::Emphasis(read_inlines(
                    &chars[i + 1..end],
                    depth + 1,
                )));
                i = end + 1;
                continue;
            }
            if c == '['
                && let Some((label_end, url, next)) = link(chars, i)
            {
                push_text(&mut text, &mut out);
                out.push(Inline::Link {
                    text: read_inlines(&chars[i + 1..label_end], depth + 1),
                    url,
                });
                i = next;
                continue;
            }
        }
        text.push(c);
        i += 1;
    }
    push_text(&mut text, &mut out);
    out
}

/// How far a closing marker is looked for: inline markup spans a sentence, not a book, and a
/// bound keeps text full of unclosed markers linear to read.
const MAX_SPAN: usize = 4096;

/// The position of `marker` at or after `from`, within [`MAX_SPAN`].
fn find(chars: &[char], from: usize, marker: &[char]) -> Option<usize> {
    let end = chars.len().min(from.saturating_add(MAX_SPAN));
    (from..end).find(|&j| chars[j..].starts_with(marker))
}

/// `[text](http…)` at `at`: where the text ends, the address, and where the link ends.
fn link(chars: &[char], at: usize) -> Option<(usize, String, usize)> {
    let label_end = find(chars, at + 1, &[']'])?;
    if chars.get(label_end + 1) != Some(&'(') {
        return None;
    }
    let url_end = find(chars, label_end + 2, &[')'])?;
    let url: String = chars[label_end + 2..url_end].iter().collect();
    let safe = (url.starts_with("https://") || url.starts_with("http://"))
        && !url.chars().any(char::is_whitespace);
    safe.then_some((label_end, url, url_end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn paragraphs_join_lines_and_split_at_blank_lines() {
        assert_eq!(
            parse("one\ntwo\n\nthree"),
            vec![
                Block::Paragraph(vec![t("one two")]),
                Block::Paragraph(vec![t("three")])
            ]
        );
        assert_eq!(parse(""), vec![]);
    }

    #[test]
    fn inline_code_emphasis_strong_and_links() {
        assert_eq!(
            inlines("run `kubectl get ds` *now*, **really** _now_"),
            vec![
                t("run "),
                Inline::Code("kubectl get ds".into()),
                t(" "),
                Inline::Emphasis(vec![t("now")]),
                t(", "),
                Inline::Strong(vec![t("really")]),
                t(" "),
                Inline::Emphasis(vec![t("now")]),
            ]
        );
        assert_eq!(
            inlines("see [the docs](https://kubernetes.io/x) or [here](javascript:alert(1))"),
            vec![
                t("see "),
                Inline::Link {
                    text: vec![t("the docs")],
                    url: "https://kubernetes.io/x".into()
                },
                t(" or [here](javascript:alert(1))"),
            ]
        );
    }

    #[test]
    fn unclosed_markers_and_escapes_are_text() {
        assert_eq!(inlines("a * b `c"), vec![t("a * b `c")]);
        assert_eq!(inlines(r"\*not em\*"), vec![t("*not em*")]);
        assert_eq!(inlines("2 * 3 = 6"), vec![t("2 * 3 = 6")]);
    }

    #[test]
    fn lists_and_code_blocks() {
        let blocks = parse(
            "Try:\n- first\n  continued\n- `second`\n\n1. one\n2. two\n\n```yaml\n  a: 1\nb: 2\n```\nafter",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![t("Try:")]),
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![t("first continued")],
                        vec![Inline::Code("second".into())]
                    ],
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![t("one")], vec![t("two")]],
                },
                Block::Code {
                    lang: "yaml".into(),
                    text: "  a: 1\nb: 2\n".into()
                },
                Block::Paragraph(vec![t("after")]),
            ]
        );
    }

    /// Deep nesting stops at MAX_NESTING instead of recursing without end.
    #[test]
    fn deep_nesting_is_bounded() {
        let deep = "*".repeat(10_000) + "x" + &"*".repeat(10_000);
        let _ = parse(&deep);
        let brackets = "[".repeat(10_000);
        let _ = parse(&brackets);
    }
}

//! An mdBook preprocessor: each ```` ```daemonset ```` code block of a chapter becomes a DaemonSet
//! Playground embed (a `<pre class="daemonset-playground">` block that the playground's
//! `embed.js` turns into a live playground), and a chapter with any gets the script tag once.
//!
//! ````markdown
//! ```daemonset nodes=3 title="One pod per node"
//! apiVersion: apps/v1
//! kind: DaemonSet
//! ...
//! ```
//! ````
//!
//! The words after `daemonset` are embed.js's options (`nodes=3`, `preset=rolling-update`,
//! `lesson=daemonset-basics step=2`, `autoplay`, `script="kubectl label node node-1 a=b"`).
//! `book.toml`'s `[preprocessor.daemonset]` may set `url` (where the playground is served,
//! default the project's GitHub Pages) and `lang`, `theme`, `autoplay`, `load` for every embed.

use serde_json::Value;

/// Where the project's own playground is served.
pub const DEFAULT_URL: &str = "https://daemonset-playground.github.io/daemonset-playground/";

/// embed.js's options, as a block's info string may give them.
const OPTIONS: [&str; 13] = [
    "nodes",
    "preset",
    "script",
    "lesson",
    "step",
    "readonly",
    "autoplay",
    "height",
    "max-height",
    "theme",
    "lang",
    "load",
    "title",
];

/// The options a book may set for all its embeds (on the script tag).
const BOOK_OPTIONS: [&str; 4] = ["lang", "theme", "autoplay", "load"];

/// Text for HTML: element content and double-quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// `key=value`, `key="a value"`, `key='a value'` or a bare `key` (a flag), separated by spaces.
fn options(info: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = info.trim_start();
    while !rest.is_empty() {
        let key_end = rest.find(['=', ' ', '\t']).unwrap_or(rest.len());
        let key = &rest[..key_end];
        rest = &rest[key_end..];
        let value = if let Some(after) = rest.strip_prefix('=') {
            let (value, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find([' ', '\t']).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = tail;
            value.to_string()
        } else {
            String::new()
        };
        if OPTIONS.contains(&key) {
            found.push((key.to_string(), value));
        }
        rest = rest.trim_start();
    }
    found
}

/// An opening code fence: its character, its length and its info string.
fn opening(line: &str) -> Option<(char, usize, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let body = &line[indent..];
    let fence = body.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = body.chars().take_while(|c| *c == fence).count();
    let info = &body[len..];
    (len >= 3 && !(fence == '`' && info.contains('`'))).then_some((fence, len, info.trim()))
}

fn closes(line: &str, fence: char, len: usize) -> bool {
    let body = line.trim_start_matches(' ');
    line.len() - body.len() <= 3
        && body.chars().take_while(|c| *c == fence).count() >= len
        && body.trim_start_matches(fence).trim().is_empty()
}

/// The embed a `daemonset` block becomes.
fn embed(info: &str, text: &str) -> String {
    let attributes: String = options(info)
        .iter()
        .map(|(k, v)| format!(" data-{k}=\"{}\"", escape(v)))
        .collect();
    format!(
        "<pre class=\"daemonset-playground\"{attributes}>{}</pre>\n",
        escape(text)
    )
}

/// A chapter's Markdown with its `daemonset` blocks made embeds, and the script tag (`script`)
/// after them if there was any. Other code blocks (one showing a `daemonset` block too) stay.
pub fn render(markdown: &str, script: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut lines = markdown.split_inclusive('\n');
    let mut any = false;
    while let Some(line) = lines.next() {
        let Some((fence, len, info)) = opening(line) else {
            out.push_str(line);
            continue;
        };
        let ours = info
            .strip_prefix("daemonset")
            .filter(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
        let mut body = String::new();
        let mut closing = None;
        for inner in lines.by_ref() {
            if closes(inner, fence, len) {
                closing = Some(inner);
                break;
            }
            body.push_str(inner);
        }
        match ours {
            Some(rest) => {
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                out.push_str(&embed(rest, &body));
                any = true;
            }
            None => {
                out.push_str(line);
                out.push_str(&body);
                out.push_str(closing.unwrap_or(""));
            }
        }
    }
    if any {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
        out.push_str(script);
        out.push('\n');
    }
    out
}

/// The script tag of embed.js at `url`, with the book-wide options of `config`.
pub fn script_tag(config: Option<&Value>) -> String {
    let setting = |key: &str| config.and_then(|c| c.get(key));
    let url = setting("url")
        .and_then(Value::as_str)
        .unwrap_or(DEFAULT_URL);
    let slash = if url.ends_with('/') { "" } else { "/" };
    let data: String = BOOK_OPTIONS
        .iter()
        .filter_map(|k| {
            let v = setting(k)?;
            let v = v.as_str().map_or_else(|| v.to_string(), str::to_string);
            Some(format!(" data-{k}=\"{}\"", escape(&v)))
        })
        .collect();
    format!(
        "<script src=\"{}{slash}embed.js\"{data} defer></script>",
        escape(url)
    )
}

/// Every chapter's content under `value` (mdBook 0.4's `sections`, 0.5's `items`: chapters are
/// the objects with `content` and `sub_items`).
fn each_chapter(value: &mut Value, f: &mut impl FnMut(&mut String)) {
    match value {
        Value::Object(map) => {
            if map.contains_key("sub_items")
                && let Some(Value::String(content)) = map.get_mut("content")
            {
                f(content);
            }
            for (_, child) in map.iter_mut() {
                each_chapter(child, f);
            }
        }
        Value::Array(items) => {
            for item in items {
                each_chapter(item, f);
            }
        }
        _ => {}
    }
}

/// mdBook's preprocessor call: `[context, book]` in, the book out.
pub fn run(input: &str) -> Result<String, String> {
    let (context, mut book): (Value, Value) =
        serde_json::from_str(input).map_err(|e| format!("mdBook's input does not read: {e}"))?;
    let script = script_tag(context.pointer("/config/preprocessor/daemonset"));
    each_chapter(&mut book, &mut |content| {
        *content = render(content, &script);
    });
    serde_json::to_string(&book).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;

//! The playground's words in English, Simplified Chinese and Traditional Chinese.
//!
//! One catalogue per language (`en.rs`, `zh_hans.rs`, `zh_hant.rs`), each a `match` over every
//! [`Msg`]: a message missing from one is a compile error. A message's parameters are written
//! `{name}` and filled in by [`fill`]; the tests check that every language has the same ones.
//! What Kubernetes prints (kubectl output, API errors, events, taints and labels) is never
//! translated: it reaches the views as it is, and is only ever a parameter here.

mod en;
pub mod explain;
pub mod lang;
mod msg;
#[cfg(feature = "page")]
pub mod page;
#[cfg(feature = "page")]
mod tables;
mod zh_hans;
mod zh_hant;

#[cfg(test)]
mod tests;

pub use lang::Lang;
pub use msg::Msg;
#[cfg(feature = "page")]
pub use page::{I18n, use_i18n};

use std::borrow::Cow;
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

/// The default scenario's editor welcome in English: the text index.html's shell shows and
/// the default preset opens with (the page then puts its own language's, crate::app).
pub const EDITOR_WELCOME_EN: &str = en::text(Msg::EditorWelcome);

/// The message in a language, with its `{placeholders}` unfilled.
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    #[cfg(feature = "page")]
    return tables::text(lang, msg);
    #[cfg(not(feature = "page"))]
    match lang {
        Lang::En => en::text(msg),
        Lang::ZhHans => zh_hans::text(msg),
        Lang::ZhHant => zh_hant::text(msg),
    }
}

/// The message in a language with its placeholders filled in.
pub fn format(lang: Lang, msg: Msg, args: &[(&str, &dyn fmt::Display)]) -> String {
    fill(text(lang, msg), |name| {
        args.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
    })
}

/// `template` with each `{name}` replaced by `value(name)`; a placeholder without a value stays
/// as it is (text is never lost, and nothing here can panic).
pub fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                let name = &after[..close];
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The `{placeholders}` of a template, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    names
}

/// A message with its parameters, to be said later in whatever language the page has then:
/// the page's notices and the reasons a link does not open are kept as this, not as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Text {
    pub msg: Msg,
    /// Named parameters; owned once a text has crossed from the model to the page.
    pub args: Vec<(Cow<'static, str>, Arg)>,
}

/// A parameter: words from elsewhere (a name, a number, an error of the engine), kept as they
/// are, or another message of the playground, said in the same language.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Arg {
    Verbatim(String),
    Text(Text),
}

impl Text {
    pub fn new(msg: Msg) -> Text {
        Text {
            msg,
            args: Vec::new(),
        }
    }

    /// Adds the parameter `name`, kept as it is.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Text {
        self.args
            .push((Cow::Borrowed(name), Arg::Verbatim(value.to_string())));
        self
    }

    /// Adds the parameter `name`, a message said in the same language.
    pub fn text_arg(mut self, name: &'static str, value: Text) -> Text {
        self.args.push((Cow::Borrowed(name), Arg::Text(value)));
        self
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        fill(text(lang, self.msg), |name| {
            self.args
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| match v {
                    Arg::Verbatim(s) => s.clone(),
                    Arg::Text(t) => t.render(lang),
                })
        })
    }
}

/// English, as the native tests and logs read it.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Several sentences as one paragraph (with spaces between them in English, none in Chinese).
pub fn paragraph(lang: Lang, texts: &[Text]) -> String {
    let parts: Vec<String> = texts.iter().map(|t| t.render(lang)).collect();
    parts.join(text(lang, Msg::SentenceSeparator))
}

/// The page's language for code outside the reactive views (the panic panel, which must not
/// need the Leptos runtime): kept up to date by [`I18n::set`].
static CURRENT: AtomicU8 = AtomicU8::new(0);

pub fn current() -> Lang {
    Lang::ALL
        .get(usize::from(CURRENT.load(Ordering::Relaxed)))
        .copied()
        .unwrap_or_default()
}

#[cfg(feature = "page")]
fn set_current(lang: Lang) {
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    CURRENT.store(i as u8, Ordering::Relaxed);
}

//! The page's language: chosen when the page opens, a signal in the Leptos context that every
//! view reads its words through, `<html lang>`, and the choice remembered in localStorage.
//!
//! Which language the page opens in, first match wins: `?lang=` in the page's address (an
//! embed pins its language so), the language a link carries, the one chosen earlier on this
//! browser, the browser's preferences (`navigator.languages`), English.

use super::{Lang, Msg, Text, set_current, text};
use leptos::prelude::*;
use std::fmt;

/// localStorage: the language last chosen in the page.
const STORED: &str = "dsplay:lang";

/// The page's language, for the views (Copy: capture it in closures).
#[derive(Clone, Copy)]
pub struct I18n(RwSignal<Lang>);

impl I18n {
    /// The language (subscribing the running view to changes).
    pub fn lang(self) -> Lang {
        self.0.get()
    }

    pub fn lang_untracked(self) -> Lang {
        self.0.get_untracked()
    }

    /// A message without parameters.
    pub fn t(self, msg: Msg) -> &'static str {
        text(self.lang(), msg)
    }

    /// A message with its parameters filled in.
    pub fn f(self, msg: Msg, args: &[(&str, &dyn fmt::Display)]) -> String {
        super::format(self.lang(), msg, args)
    }

    /// A message for a view: text that follows the page's language. All of them are one type
    /// (not a closure type per use), so that each kind of place it goes is compiled once: the
    /// site stays small.
    pub fn tr(self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(msg)
    }

    /// A message with parameters for a view, following the page's language (one type, as
    /// [`I18n::tr`]).
    pub fn tr_text(self, t: Text) -> impl Fn() -> String + Clone + Send + Sync + 'static {
        move || t.render(self.lang())
    }

    /// A kept message, said now.
    pub fn render(self, t: &Text) -> String {
        t.render(self.lang())
    }

    /// Changes the page's language (not remembered: see [`I18n::choose`]).
    pub fn set(self, lang: Lang) {
        set_current(lang);
        set_document_lang(lang);
        if self.0.get_untracked() != lang {
            self.0.set(lang);
        }
    }

    /// The user chose `lang` in the page: change to it and, unless in an embed (which must not
    /// change the reader's own page), remember it for the next visit.
    pub fn choose(self, lang: Lang, embedded: bool) {
        self.set(lang);
        if !embedded && let Some(store) = crate::storage::local() {
            // A full or forbidden storage only forgets the choice.
            let _ = store.set_item(STORED, lang.tag());
        }
    }
}

/// Puts the page's language in the context of the views below.
pub fn provide(lang: Lang) -> I18n {
    let i18n = I18n(RwSignal::new(lang));
    i18n.set(lang);
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The language the page opens in; `link` is the one the opened link carries, if any.
pub fn initial(link: Option<Lang>) -> Lang {
    query().or(link).or_else(stored).unwrap_or_else(preferred)
}

/// `?lang=TAG` in the page's address.
pub fn query() -> Option<Lang> {
    Lang::from_tag(&crate::address::param("lang")?)
}

fn stored() -> Option<Lang> {
    crate::storage::local()?
        .get_item(STORED)
        .ok()
        .flatten()
        .as_deref()
        .and_then(Lang::from_tag)
}

/// The browser's preferred languages, most preferred first.
fn preferred() -> Lang {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Lang::En;
    };
    let list = js_sys::Array::from(&navigator.languages());
    let mut tags: Vec<String> = list.iter().filter_map(|v| v.as_string()).collect();
    if tags.is_empty()
        && let Some(tag) = navigator.language()
    {
        tags.push(tag);
    }
    Lang::from_preferences(tags.iter().map(String::as_str))
}

/// `<html lang>`, so that screen readers pronounce the page and fonts fit its script.
fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// The language menu: a labelled select listing each language in itself.
#[component]
pub fn LanguagePicker(embedded: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="language-picker">
            <span>{i18n.tr(Msg::Language)}</span>
            <select on:change=move |ev| {
                if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                    i18n.choose(lang, embedded);
                }
            }>
                {Lang::ALL
                    .iter()
                    .map(|lang| {
                        let lang = *lang;
                        view! {
                            <option
                                value=lang.tag()
                                lang=lang.tag()
                                selected=move || i18n.lang() == lang
                            >
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

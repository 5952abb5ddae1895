//! Where the scenario lives in the browser: the URL fragment (kept up to date with
//! `history.replaceState`, so the address bar is always a link to the work, without flooding the
//! history) and localStorage (the autosave, restored when the page opens without a link).
//!
//! The autosave keeps two slots: the newest and the one before. A newest one that does not read
//! (cut short by a full disk, written by a buggy version) falls back to the one before, with a
//! message: work is never silently lost.

use crate::components::State;
use crate::i18n::{I18n, Lang, Msg, Text};
use crate::playground::Playground;
use crate::share::{self, LinkError, Scenario};
use leptos::prelude::*;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Duration;

const NEWEST: &str = "dsplay:autosave";
/// sessionStorage: the saved scenario being opened, removed once it opened. Still there at the
/// next load means opening it stopped the page (a panic): it is not replayed a second time.
const OPENING: &str = "dsplay:opening";
const BEFORE: &str = "dsplay:autosave:before";
/// How often the link and the autosave catch up with the work.
const SYNC_MILLIS: u64 = 1000;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Decodes and rebuilds a saved scenario, unless opening it stopped the page last time.
fn open(saved: &str) -> Result<Playground, share::LinkError> {
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    if let Some(s) = &session {
        if s.get_item(OPENING).ok().flatten().as_deref() == Some(saved) {
            let _ = s.remove_item(OPENING);
            return Err(LinkError::new(Msg::StoppedThePage));
        }
        let _ = s.set_item(OPENING, saved);
    }
    let opened = share::decode(saved).and_then(|s| share::restore(&s));
    if let Some(s) = &session {
        let _ = s.remove_item(OPENING);
    }
    opened
}

/// The URL fragment, without `#`.
pub fn fragment() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// What the page opens on.
pub struct Loaded {
    pub playground: Playground,
    /// The default scenario opened (no link, no autosave): the page says what to try.
    pub default: bool,
    /// What could not be read, if anything: sentences for the notice.
    pub notice: Option<Vec<Text>>,
    /// The language the opened link carries.
    pub lang: Option<Lang>,
}

/// The language a scenario carries, if it is one this version speaks.
fn lang_of(scenario: &Scenario) -> Option<Lang> {
    scenario.lang.as_deref().and_then(Lang::from_tag)
}

/// The playground to open, and a message if something could not be read. A link wins, then the
/// autosave (not in embeds: they must not take a reader's own work), then the default preset.
pub fn load(embed: bool) -> Loaded {
    let mut notes = Vec::new();
    let link = fragment();
    if share::is_scenario(&link) {
        let lang = share::decode(&link).ok().as_ref().and_then(lang_of);
        match open(&link) {
            Ok(playground) => {
                return Loaded {
                    playground,
                    default: false,
                    notice: None,
                    lang,
                };
            }
            Err(e) => {
                notes.push(Text::new(Msg::LinkNotOpened));
                notes.push(e.0);
            }
        }
    }
    // `?lesson=ID[&step=N]`: a lesson asked for by the address opens from its start.
    if let Some(lesson) = crate::address::param("lesson").filter(|_| notes.is_empty()) {
        let scenario = Scenario {
            lesson: Some(lesson),
            step: crate::address::param("step").and_then(|s| s.parse().ok()),
            ..Scenario::default()
        };
        if let Ok(playground) = share::restore(&scenario)
            && playground.lesson().is_some()
        {
            return Loaded {
                playground,
                default: false,
                notice: None,
                lang: None,
            };
        }
    }
    if !embed && let Some(store) = storage() {
        for (i, key) in [NEWEST, BEFORE].into_iter().enumerate() {
            let Ok(Some(saved)) = store.get_item(key) else {
                continue;
            };
            match open(&saved) {
                Ok(playground) => {
                    if !notes.is_empty() || i > 0 {
                        notes.push(Text::new(Msg::AutosaveOpenInstead));
                    }
                    return Loaded {
                        playground,
                        default: false,
                        notice: join(notes),
                        lang: None,
                    };
                }
                Err(e) => {
                    notes.push(Text::new(Msg::AutosaveUnreadable).text_arg("error", e.0));
                }
            }
        }
    }
    let default = Scenario {
        preset: Some(crate::presets::DEFAULT.into()),
        ..Scenario::default()
    };
    let playground = share::restore(&default).unwrap_or_else(|_| Playground::new());
    if !notes.is_empty() {
        notes.push(Text::new(Msg::DefaultOpenInstead));
    }
    Loaded {
        playground,
        default: true,
        notice: join(notes),
        lang: None,
    }
}

fn join(notes: Vec<Text>) -> Option<Vec<Text>> {
    (!notes.is_empty()).then_some(notes)
}

/// Replaces the fragment without a new history entry (`push`: with one, so Back returns); the
/// query stays.
pub fn write_fragment(link: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (Ok(history), Ok(path), Ok(search)) = (
        window.history(),
        window.location().pathname(),
        window.location().search(),
    ) else {
        return;
    };
    let url = crate::address::with_fragment(&path, &search, link);
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

fn autosave(link: &str) {
    let Some(store) = storage() else { return };
    if let Ok(Some(newest)) = store.get_item(NEWEST) {
        if newest == link {
            return;
        }
        // Keep the previous one only if it reads: the fallback must be good.
        if share::decode(&newest).is_ok() {
            let _ = store.set_item(BEFORE, &newest);
        }
    }
    // A full storage only loses the autosave, never the page.
    let _ = store.set_item(NEWEST, link);
}

/// What changes the link: cheap to compute every second, unlike the link itself.
fn revision(p: &Playground, lang: Lang) -> u64 {
    let mut h = DefaultHasher::new();
    lang.hash(&mut h);
    p.log().revision().hash(&mut h);
    p.manifest.hash(&mut h);
    (p.playing, p.speed, &p.selected_node).hash(&mut h);
    p.lesson().map(|l| (&l.id, l.step)).hash(&mut h);
    h.finish()
}

/// The link of the work as it is now, in the page's language.
pub fn current_link(state: State, i18n: I18n) -> String {
    let lang = i18n.lang_untracked();
    state.with_untracked(|p| {
        share::encode(&Scenario {
            lang: Some(lang.tag().to_string()),
            ..share::snapshot(p)
        })
    })
}

/// Keeps the fragment (and, unless embedded, the autosave) up to date while the page lives,
/// and opens a link pasted into the address bar of the open page.
pub fn drive(state: State, notice: RwSignal<Option<Vec<Text>>>, i18n: I18n, embed: bool) {
    let last = StoredValue::new_local(None::<u64>);
    let written = StoredValue::new_local(String::new());
    let sync = move || {
        let lang = i18n.lang_untracked();
        let rev = state.with_untracked(|p| revision(p, lang));
        if last.get_value() == Some(rev) {
            return;
        }
        last.set_value(Some(rev));
        let link = current_link(state, i18n);
        if written.with_value(|w| *w != link) {
            write_fragment(&link, false);
            if !embed {
                autosave(&link);
            }
            written.set_value(link);
        }
    };
    match set_interval_with_handle(sync, Duration::from_millis(SYNC_MILLIS)) {
        Ok(handle) => on_cleanup(move || handle.clear()),
        Err(e) => leptos::logging::error!("the autosave cannot run: {e:?}"),
    }
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let link = fragment();
        if !share::is_scenario(&link) || written.with_value(|w| *w == link) {
            return;
        }
        let decoded = share::decode(&link);
        match decoded.and_then(|s| Ok((share::restore(&s)?, lang_of(&s)))) {
            Ok((p, lang)) => {
                state.act(|old| old.replace(p));
                // An embed's pinned language stays.
                if let Some(lang) = lang.filter(|_| crate::i18n::page::query().is_none()) {
                    i18n.set(lang);
                }
                written.set_value(link);
                notice.set(None);
            }
            Err(e) => notice.set(Some(vec![
                Text::new(Msg::LinkNotOpened),
                e.0,
                Text::new(Msg::WorkAsItWas),
            ])),
        }
    });
    on_cleanup(move || on_hash.remove());
}

//! Where the scenario lives in the browser: the URL fragment (kept up to date with
//! `history.replaceState`, so the address bar is always a link to the work, without flooding the
//! history) and localStorage (the autosave, restored when the page opens without a link).
//!
//! The autosave keeps two slots: the newest and the one before. A newest one that does not read
//! (cut short by a full disk, written by a buggy version) falls back to the one before, with a
//! message: work is never silently lost.

use crate::components::{Parts, State};
use crate::host::protocol::Request;
use crate::i18n::{I18n, Lang, Msg, Text};
use crate::share::{self, LinkError, Scenario};
use crate::tabs;
use leptos::prelude::*;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Duration;
use wasm_bindgen::JsCast;

const NEWEST: &str = "dsplay:autosave";
/// sessionStorage: the saved scenario being opened, removed once it opened, or when the reader
/// leaves or reloads the page while it still replays ([`forget_opening_on_leave`]). Still there
/// at the next load means opening it stopped the page (a panic, a trap, a hang the browser
/// killed): it is not replayed a second time.
const OPENING: &str = "dsplay:opening";
const BEFORE: &str = "dsplay:autosave:before";
/// How often the link and the autosave catch up with the work.
const SYNC_MILLIS: u64 = 1000;

/// Opens `saved` in the model, unless opening it stopped the page last time: unpacked (once,
/// after the guard is set), checked and rebuilt by the model, which replays what
/// fits in [`crate::host::FIRST_REPLAY_MILLIS`] (all of it in an embed, which has no place for
/// the progress) and the rest between frames. `then` gets the language the scenario carries.
fn restore(state: State, saved: String, embed: bool, then: OnOpened) {
    let session = crate::storage::session();
    if let Some(s) = &session {
        if s.get_item(OPENING).ok().flatten().as_deref() == Some(saved.as_str()) {
            let _ = s.remove_item(OPENING);
            return then(Err(LinkError::new(Msg::StoppedThePage)));
        }
        let _ = s.set_item(OPENING, &saved);
        forget_opening_on_leave();
    }
    state.ask_opened(
        Request::Restore {
            link: saved,
            at_once: embed,
        },
        move |result| {
            if result.is_ok() && state.parts().replay.with_untracked(Option::is_some) {
                state.drive_work();
            } else {
                opened();
            }
            then(result)
        },
    );
}

/// What [`restore`] tells once the model has answered: the scenario's language, if it opened.
type OnOpened = Box<dyn FnOnce(Result<Option<Lang>, LinkError>)>;

/// A reload (or leaving) while a saved scenario replays between frames is the reader's choice,
/// not a crash: `pagehide` clears the guard, unless the page had stopped (the panel is up), and
/// a hung page never runs it. A raw listener, kept for the page's life: it must not need the
/// reactive runtime, which is gone after a panic.
fn forget_opening_on_leave() {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let leave = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        if !crate::panic_panel::stopped() {
            opened();
        }
    });
    let _ = window.add_event_listener_with_callback("pagehide", leave.as_ref().unchecked_ref());
    leave.forget();
}

/// The saved scenario being opened is open (or was given up): a reload may open it again.
pub fn opened() {
    if let Some(s) = crate::storage::session() {
        let _ = s.remove_item(OPENING);
    }
}

/// The URL fragment, without `#`.
pub fn fragment() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// What the page opened on.
pub struct Loaded {
    /// The default scenario opened (no link, no autosave): the page says what to try.
    pub default: bool,
    /// What could not be read, if anything: sentences for the notice.
    pub notice: Option<Vec<Text>>,
    /// The language the opened link carries.
    pub lang: Option<Lang>,
}

/// What [`load`] tells once the model has opened the work.
pub type OnLoaded = Box<dyn FnOnce(Loaded)>;

/// Opens the work in the model, then tells `then` what opened and what could not be read. A
/// link wins, then `?lesson=`, then the autosave (not in embeds: they must not take a reader's
/// own work), then the default preset. Each step waits for the model's answer to the one
/// before.
pub fn load(state: State, embed: bool, then: OnLoaded) {
    let link = fragment();
    if !share::is_scenario(&link) {
        return open_lesson(state, embed, Vec::new(), then);
    }
    let opened = move |result: Result<Option<Lang>, LinkError>| match result {
        Ok(lang) => then(Loaded {
            default: false,
            notice: None,
            lang,
        }),
        Err(e) => {
            let notes = vec![Text::new(Msg::LinkNotOpened), e.0];
            open_autosave(state, embed, notes, then)
        }
    };
    restore(state, link, embed, Box::new(opened));
}

/// `?lesson=ID[&step=N]`: a lesson asked for by the address opens from its start.
fn open_lesson(state: State, embed: bool, notes: Vec<Text>, then: OnLoaded) {
    let Some(lesson) = crate::address::param("lesson") else {
        return open_autosave(state, embed, notes, then);
    };
    let scenario = Scenario {
        lesson: Some(lesson),
        step: crate::address::param("step").and_then(|s| s.parse().ok()),
        ..Scenario::default()
    };
    state.open(Some(scenario), move |result| {
        if result.is_ok() && state.parts().lesson.with_untracked(|l| l.state.is_some()) {
            return then(Loaded {
                default: false,
                notice: None,
                lang: None,
            });
        }
        open_autosave(state, embed, notes, then)
    });
}

/// The autosaves, the tab's own first (a reload opens the tab's own work, if another tab has
/// saved over it since; a newest save that does not read takes the usual way: a message,
/// then the one before).
fn open_autosave(state: State, embed: bool, notes: Vec<Text>, then: OnLoaded) {
    let store = (!embed).then(crate::storage::local).flatten();
    let Some(store) = store else {
        return open_default(state, notes, then);
    };
    let tab = tabs::id();
    let shared = [NEWEST, BEFORE].map(|key| store.get_item(key).ok().flatten());
    let own = tabs::own(&tab).filter(|own| shared[0].as_ref().is_some_and(|newest| newest != own));
    // The tab's own work goes first only if the newest save reads.
    match (own, shared[0].clone()) {
        (Some(own), Some(newest)) => reads(state, &newest, move |good| {
            open_saves(state, good.then_some(own), shared, tab, notes, then)
        }),
        _ => open_saves(state, None, shared, tab, notes, then),
    }
}

/// Tells `then` whether `saved` opens: unpacked and checked by the model (its answers come in
/// the order asked).
fn reads(state: State, saved: &str, then: impl FnOnce(bool) + 'static) {
    state.ask_opened(
        Request::Check {
            link: saved.to_owned(),
        },
        move |result| then(result.is_ok()),
    );
}

/// Opens the tab's own save, if any, then the shared slots, else the default.
fn open_saves(
    state: State,
    own: Option<String>,
    shared: [Option<String>; 2],
    tab: String,
    notes: Vec<Text>,
    then: OnLoaded,
) {
    let saves = Saves {
        own: own.is_some(),
        left: own
            .iter()
            .cloned()
            .map(Some)
            .chain(shared)
            .enumerate()
            .filter_map(|(i, saved)| Some((i, saved?)))
            .collect::<Vec<_>>()
            .into_iter(),
        tab,
    };
    open_save(state, saves, notes, then);
}

/// The autosaves still to try, in order.
struct Saves {
    /// Whether the tab's own work is one of them (the first: the shared slots follow).
    own: bool,
    /// Each save with its place.
    left: std::vec::IntoIter<(usize, String)>,
    tab: String,
}

/// Opens the next autosave that reads, else the default.
fn open_save(state: State, mut saves: Saves, mut notes: Vec<Text>, then: OnLoaded) {
    let Some((i, saved)) = saves.left.next() else {
        return open_default(state, notes, then);
    };
    let opened = move |result: Result<Option<Lang>, LinkError>| match result {
        Ok(_) => {
            if !notes.is_empty() || i > usize::from(saves.own) {
                notes.push(Text::new(Msg::AutosaveOpenInstead));
            }
            if !saves.own && tabs::own(&saves.tab).is_none() {
                notes.extend(tabs::others_kept(&saves.tab));
            }
            then(Loaded {
                default: false,
                notice: join(notes),
                lang: None,
            })
        }
        Err(e) => {
            notes.push(Text::new(Msg::AutosaveUnreadable).text_arg("error", e.0));
            open_save(state, saves, notes, then)
        }
    };
    restore(state, saved, false, Box::new(opened));
}

/// The default preset, under the English welcome (the app puts the page's language's).
fn open_default(state: State, mut notes: Vec<Text>, then: OnLoaded) {
    state.ask_opened(Request::open_default(), move |_| {
        if !notes.is_empty() {
            notes.push(Text::new(Msg::DefaultOpenInstead));
        }
        then(Loaded {
            default: true,
            notice: join(notes),
            lang: None,
        })
    });
}

fn join(notes: Vec<Text>) -> Option<Vec<Text>> {
    (!notes.is_empty()).then_some(notes)
}

thread_local! {
    /// The fragment's writes, counted: a write put off until after a frame
    /// ([`write_fragment_after_frame`]) is dropped if another came meanwhile (the Share panel's,
    /// or a link the reader put in the address bar).
    static WRITES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts a write of the fragment and returns its number.
fn next_write() -> u64 {
    WRITES.with(|w| {
        let n = w.get().wrapping_add(1);
        w.set(n);
        n
    })
}

/// Replaces the fragment without a new history entry (`push`: with one, so Back returns); the
/// query stays.
pub fn write_fragment(link: &str, push: bool) {
    next_write();
    set_fragment(link, push);
}

/// [`write_fragment`] of `link` in a task after the next frame, unless the fragment was written
/// meanwhile; then `save(link)` (the autosave) in the same task in any case, so that a reload
/// never finds a link older than the autosave (the link wins when the page opens). Called as
/// the model's answer came, `history.replaceState` had Chromium lay out at once what that
/// answer had changed (the trace's forced style and layout of the whole page inside the
/// answer's task: at 10,000 nodes the dense grid's new cells, a task of 110–220 ms under load
/// in issue 22's settle bench). After a frame the layout is done. A hidden tab has no frames
/// and lays nothing out: the write is made at once there.
/// Nor is it made if the address bar changed meanwhile: Back changes it at once but tells the
/// page (`hashchange`) in a task of its own, and the write would otherwise replace the entry the
/// reader went back to with the work they left, which the page would then find already open.
fn write_fragment_after_frame(link: String, save: impl FnOnce(String) + 'static) {
    let at = next_write();
    let address = fragment();
    let write = move || {
        if WRITES.with(std::cell::Cell::get) == at && fragment() == address {
            set_fragment(&link, false);
        }
        save(link);
    };
    if crate::components::hidden() {
        write();
    } else {
        crate::components::after_frame(write);
    }
}

fn set_fragment(link: &str, push: bool) {
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

/// Why the autosave could not keep the work (the link in the address bar still does).
#[derive(Clone, Copy)]
enum Unsaved {
    /// The browser gives the page no localStorage (blocked, or a sandboxed frame).
    Blocked,
    /// The storage is full even without the save before the newest.
    Full,
}

impl Unsaved {
    fn msg(self) -> Msg {
        match self {
            Unsaved::Blocked => Msg::AutosaveBlocked,
            Unsaved::Full => Msg::AutosaveFull,
        }
    }
}

/// `own` is the link this page wrote last, if any: the model's own link of the work, which
/// reads, so it becomes the fallback without being unpacked and checked again (for a pasted
/// NodeList of 10,000 nodes that was megabytes of JSON in both modules at every save, issue 20).
fn autosave(state: State, link: &str, own: &str) -> Result<(), Unsaved> {
    let store = crate::storage::local().ok_or(Unsaved::Blocked)?;
    let newest = store.get_item(NEWEST).ok().flatten();
    if newest.as_deref() == Some(link) {
        return Ok(());
    }
    let full = store.set_item(NEWEST, link).is_err();
    if full {
        // Full: the newest work matters more than the fallback to the save before it.
        let _ = store.remove_item(BEFORE);
        store.set_item(NEWEST, link).map_err(|_| Unsaved::Full)?;
    }
    tabs::save(&tabs::id(), link);
    // The previous one becomes the fallback only if it reads: the fallback must be good. The
    // model answers in order, so a later save's fallback is written after this one's.
    if let Some(newest) = newest.filter(|_| !full) {
        if !own.is_empty() && newest == own {
            let _ = store.set_item(BEFORE, &newest);
            return Ok(());
        }
        reads(state, &newest.clone(), move |good| {
            if good {
                let _ = store.set_item(BEFORE, &newest);
            }
        });
    }
    Ok(())
}

/// Adds `text` to the page's notice the first time only (`told` remembers).
fn tell_once(
    told: StoredValue<bool, LocalStorage>,
    notice: RwSignal<Option<Vec<Text>>>,
    text: Text,
) {
    if !told.get_value() {
        told.set_value(true);
        notice.update(|n| n.get_or_insert_with(Vec::new).push(text));
    }
}

/// What changes the link: cheap to compute every second, unlike the link itself.
fn revision(parts: Parts, lang: Lang) -> u64 {
    let mut h = DefaultHasher::new();
    lang.hash(&mut h);
    parts.work.with_untracked(|w| w.log_revision.hash(&mut h));
    parts.editor.with_untracked(|e| e.manifest.hash(&mut h));
    parts
        .clock
        .with_untracked(|c| (c.playing, c.speed).hash(&mut h));
    parts.selected.with_untracked(|s| s.hash(&mut h));
    parts.lesson.with_untracked(|l| {
        l.state.as_ref().map(|l| (&l.id, l.step)).hash(&mut h);
    });
    h.finish()
}

/// What to say, in `msg`'s words, of a link longer than any link the page opens: the address
/// bar, the autosave and the Share panel all hold to this one limit.
pub fn too_large(link: &str, msg: Msg) -> Option<Text> {
    (link.len() > share::MAX_LINK_CHARS).then(|| {
        Text::new(msg)
            .arg("length", link.len())
            .arg("max", share::MAX_LINK_CHARS)
    })
}

/// The link of the work as it is now, in the page's language, given to `then`.
pub fn with_link(state: State, i18n: I18n, then: impl FnOnce(String) + 'static) {
    let lang = i18n.lang_untracked().tag().to_string();
    state.text(Request::Link { lang }, then);
}

/// Keeps the fragment (and, unless embedded, the autosave) up to date while the page lives,
/// and opens a link pasted into the address bar of the open page.
pub fn drive(state: State, notice: RwSignal<Option<Vec<Text>>>, i18n: I18n, embed: bool) {
    let last = StoredValue::new_local(None::<u64>);
    let written = StoredValue::new_local(String::new());
    // The replay between frames is over (done or stopped): its work may be saved, and a
    // reload may open it again.
    let replay = state.parts().replay;
    Effect::new(move |was: Option<bool>| {
        let now = replay.with(Option::is_some);
        if was == Some(true) && !now {
            opened();
        }
        now
    });
    // What the autosave could not do is said once, not every second.
    let unsaved_told = StoredValue::new_local(false);
    let too_large_told = StoredValue::new_local(false);
    let sync = move || {
        // A saved scenario still replaying: the page's placeholder must not be saved over it.
        if replay.with_untracked(Option::is_some) {
            return;
        }
        let lang = i18n.lang_untracked();
        let rev = revision(state.parts(), lang);
        if last.get_value() == Some(rev) {
            return;
        }
        last.set_value(Some(rev));
        with_link(state, i18n, move |link| {
            // A link longer than any link the page opens would be saved only to be refused
            // when it is opened: the address bar and the autosave keep the last one that opens.
            if let Some(text) = too_large(&link, Msg::WorkTooLargeForLink) {
                tell_once(too_large_told, notice, text);
                return;
            }
            if written.with_value(|w| *w != link) {
                write_fragment_after_frame(link, move |link| {
                    // Embeds never write the autosave: they must not take a reader's own work.
                    if !embed
                        && let Err(why) = written.with_value(|own| autosave(state, &link, own))
                    {
                        tell_once(unsaved_told, notice, Text::new(why.msg()));
                    }
                    written.set_value(link);
                });
            }
        });
    };
    match set_interval_with_handle(sync, Duration::from_millis(SYNC_MILLIS)) {
        Ok(handle) => on_cleanup(move || handle.clear()),
        Err(e) => leptos::logging::error!("the autosave cannot run: {e:?}"),
    }
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        // The reader's own link wins over a write still waiting for its frame.
        next_write();
        let link = fragment();
        if !share::is_scenario(&link) {
            return;
        }
        let not_opened = move |e: LinkError| {
            notice.set(Some(vec![
                Text::new(Msg::LinkNotOpened),
                e.0,
                Text::new(Msg::WorkAsItWas),
            ]))
        };
        // Compared with the work as it is, not with the last link the sync wrote: Back right
        // after a preset opened (before the next sync) returns to that very link.
        with_link(state, i18n, move |now| {
            if now == link {
                return;
            }
            state.open_link(link.clone(), move |opened| match opened {
                Ok(lang) => {
                    // An embed's pinned language stays.
                    if let Some(lang) = lang.filter(|_| crate::i18n::page::query().is_none()) {
                        i18n.set(lang);
                    }
                    written.set_value(link);
                    notice.set(None);
                }
                Err(e) => not_opened(e),
            });
        });
    });
    on_cleanup(move || on_hash.remove());
    if !embed {
        // Another tab's save: say once that each tab keeps its own work.
        let tab = tabs::id();
        let told = StoredValue::new_local(false);
        let on_storage = window_event_listener(leptos::ev::storage, move |e| {
            if tabs::is_other_tab_save(&e.key().unwrap_or_default(), &tab) {
                tell_once(told, notice, Text::new(Msg::OtherTabOpen));
            }
        });
        on_cleanup(move || on_storage.remove());
    }
}

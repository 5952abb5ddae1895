//! The embed's side of the conversation with its host page (`protocol`): reports its content's
//! height, its state and a lesson's finished steps; runs the host's scripts, resets, follows its
//! theme. Only messages from the parent window count, and only from the origin of the first one.

use super::protocol::{Command, Event, Summary};
use super::theme;
use crate::components::State;
use crate::components::console::run_frames;
use crate::share;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

thread_local! {
    /// The host page's origin, once it spoke.
    static HOST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The window embedding this one, if any.
fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

fn post(event: &Event, origin: &str) {
    let Some(parent) = parent() else { return };
    if let Ok(data) = js_sys::JSON::parse(&event.to_json()) {
        let _ = parent.post_message(&data, origin);
    }
}

/// Sends `event` to the host, once it is known.
fn tell(event: &Event) {
    if let Some(origin) = HOST.with(|h| h.borrow().clone()) {
        post(event, &origin);
    }
}

fn content_height() -> Option<u32> {
    let body = web_sys::window()?.document()?.body()?;
    let height = body.get_bounding_client_rect().height().ceil();
    // A CSS pixel count: never negative, never near u32's limit.
    Some(height.clamp(0.0, 1e6) as u32)
}

fn tell_height() {
    if let Some(height) = content_height() {
        tell(&Event::Height { height });
    }
}

fn tell_state(state: State) {
    let (time, summary) = state.with_untracked(|p| (p.elapsed_millis(), Summary::of(p)));
    tell(&Event::State { time, summary });
}

/// Reports the body's height whenever it changes, for the life of the page.
fn watch_height() {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let changed = Closure::<dyn FnMut()>::new(tell_height);
    if let Ok(observer) = web_sys::ResizeObserver::new(changed.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The page's lifetime: the observer calls it until the frame goes.
    changed.forget();
}

fn obey(command: Command, state: State, initial: &str) {
    match command {
        Command::Connect => {
            tell_height();
            tell_state(state);
        }
        Command::Run { script } => match state.act(|p| p.run_script(&script)) {
            Ok(()) => run_frames(state),
            Err(e) => tell(&Event::Error {
                message: e.to_string(),
            }),
        },
        Command::Reset => {
            if let Ok(p) = share::decode(initial).and_then(|s| share::restore(&s)) {
                state.act(|old| old.replace(p));
            }
        }
        Command::Theme { theme } => theme::apply(theme),
    }
}

/// Says `ready` to the parent window and listens to it; `initial` is the link of the scenario
/// the embed opened on (what `reset` goes back to).
pub(crate) fn connect(state: State, initial: String) {
    let Some(parent) = parent() else { return };
    let on_message = window_event_listener(leptos::ev::message, move |ev| {
        let from_parent = ev.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
        if !from_parent {
            return;
        }
        let origin = ev.origin();
        let trusted = HOST.with(|h| {
            let mut h = h.borrow_mut();
            *h.get_or_insert_with(|| origin.clone()) == origin
        });
        let json = js_sys::JSON::stringify(&ev.data())
            .ok()
            .and_then(|s| s.as_string());
        if let Some(command) = json.as_deref().and_then(Command::parse).filter(|_| trusted) {
            obey(command, state, &initial);
        }
    });
    on_cleanup(move || on_message.remove());

    // A new state for the host when the cluster or the lesson changes (not at every tick).
    let summary = Memo::new(move |_| state.with(Summary::of));
    Effect::new(move |_| {
        // Read, not only tracked: a memo never read is never computed, so never changes.
        summary.with(|_| ());
        tell_state(state);
    });
    // A lesson step's goal met: the tutorial page can say so.
    let step_done = Memo::new(move |_| {
        state.with(|p| {
            p.lesson()
                .filter(|l| l.done)
                .map(|l| (l.id.clone(), l.step, l.lesson.steps.len()))
        })
    });
    Effect::new(move |_| {
        if let Some((lesson, step, steps)) = step_done.get() {
            tell(&Event::Step {
                lesson,
                step: step + 1,
                steps,
                last: step + 1 >= steps,
            });
        }
    });
    watch_height();
    post(
        &Event::Ready {
            version: env!("CARGO_PKG_VERSION"),
        },
        "*",
    );
}

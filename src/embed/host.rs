//! The embed's side of the conversation with its host page (`protocol`): reports its content's
//! height, its state and a lesson's finished steps; runs the host's scripts, resets, follows its
//! theme. Only messages from the parent window count, and only from the origin of the first one.

use super::protocol::{Command, Event, Summary};
use super::theme;
use crate::components::{Parts, State};
use crate::host::protocol::{Reply, Request};
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

fn tell_state(parts: Parts) {
    let time = parts.clock.with_untracked(|c| c.elapsed_millis);
    tell(&Event::State {
        time,
        summary: summary(parts),
    });
}

/// The summary of the work as the views show it.
fn summary(parts: Parts) -> Summary {
    parts.clock.with(|clock| {
        parts.work.with(|work| {
            parts
                .lesson
                .with(|lesson| Summary::of(clock, work, parts.nodes.with(Vec::len), lesson))
        })
    })
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

fn obey(command: Command, state: State, initial: StoredValue<String, LocalStorage>) {
    match command {
        Command::Connect => {
            tell_height();
            tell_state(state.parts());
        }
        Command::Run { script } => {
            state.ask(Request::RunScript { script }, move |reply| match reply {
                Reply::Loaded(Err(message)) => tell(&Event::Error { message }),
                _ => state.drive_work(),
            })
        }
        Command::Reset => {
            // A link that does not open changes nothing (the model leaves the work as it is).
            state.open_link(initial.get_value(), |_| ());
        }
        Command::Theme { theme } => theme::apply(theme),
    }
}

/// Says `ready` to the parent window and listens to it; `initial` is the link of the scenario
/// the embed opened on (what `reset` goes back to).
pub(crate) fn connect(state: State, initial: StoredValue<String, LocalStorage>) {
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
            obey(command, state, initial);
        }
    });
    on_cleanup(move || on_message.remove());

    // A new state for the host when the cluster or the lesson changes (not at every tick).
    let parts = state.parts();
    let summary = Memo::new(move |_| summary(parts));
    Effect::new(move |_| {
        // Read, not only tracked: a memo never read is never computed, so never changes.
        summary.with(|_| ());
        tell_state(parts);
    });
    // A lesson step's goal met: the tutorial page can say so.
    let step_done = Memo::new(move |_| {
        parts.lesson.with(|v| {
            v.state
                .as_ref()
                .filter(|l| l.done)
                .map(|l| (l.id.clone(), l.step, l.steps))
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

//! "Never a silent freeze": a panic hook that logs the panic and shows an error panel.
//!
//! Release builds use `panic = "abort"`, so the WebAssembly instance traps right after the hook
//! returns and the Leptos runtime never runs again. The panel is therefore built here, directly
//! with web-sys, and needs nothing from Rust once it is on the page.

//! The worker (built without the feature `page`) only uses [`describe`]: its panics go to the
//! page as a message, which shows this panel.
#![cfg_attr(not(feature = "page"), allow(dead_code, unused_imports))]

use std::panic::Location;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::i18n::{self, Msg, current};

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, HtmlElement};

/// The id of the panel, so that a second panic does not stack a second panel.
const PANEL_ID: &str = "dsplay-panic";

/// Set once the page has stopped (a panic, or memory it could not get).
static STOPPED: AtomicBool = AtomicBool::new(false);

/// Whether the page has stopped: what runs after that (a `pagehide` listener) must do nothing
/// that could take a crash for a clean exit.
pub(crate) fn stopped() -> bool {
    STOPPED.load(Ordering::Relaxed)
}

/// Replaces the default hook (which prints to stderr, invisible in a browser).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let text = describe(info.payload_as_str(), info.location());
        web_sys::console::error_1(&text.as_str().into());
        show(&text);
    }));
}

/// Shows the panel with `text`, unless one is there already (the first cause stays).
pub(crate) fn show(text: &str) {
    STOPPED.store(true, Ordering::Relaxed);
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        // Nothing useful can be done if building the panel fails: the console has it.
        let _ = show_panel(&document, text);
    }
}

/// The panic message and where it happened, as one line for people and the console.
pub(crate) fn describe(message: Option<&str>, location: Option<&Location<'_>>) -> String {
    let message = message.unwrap_or("(no message)");
    match location {
        Some(at) => format!("{message} (at {}:{}:{})", at.file(), at.line(), at.column()),
        None => message.to_string(),
    }
}

fn show_panel(document: &Document, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    if document.get_element_by_id(PANEL_ID).is_some() {
        return Ok(());
    }
    let Some(body) = document.body() else {
        return Ok(());
    };

    let panel = document.create_element("section")?;
    panel.set_id(PANEL_ID);
    panel.set_class_name("panic-panel");
    panel.set_attribute("role", "alert")?;
    panel.set_attribute("aria-labelledby", "dsplay-panic-heading")?;

    let heading = document.create_element("h2")?;
    heading.set_id("dsplay-panic-heading");
    // The page's language, read without the reactive runtime (which may be what panicked).
    let lang = current();
    heading.set_text_content(Some(i18n::text(lang, Msg::PanicHeading)));

    let advice = document.create_element("p")?;
    advice.set_text_content(Some(i18n::text(lang, Msg::PanicAdvice)));

    // Text content, never HTML: the message may quote user input.
    let message = document.create_element("pre")?;
    message.set_class_name("panic-message");
    message.set_text_content(Some(text));

    let button: HtmlElement = document.create_element("button")?.unchecked_into();
    button.set_attribute("type", "button")?;
    button.set_text_content(Some(i18n::text(lang, Msg::Reload)));
    // A Rust closure called after the abort runs on a trapped instance; this one only reloads,
    // touching no Rust state, so it works (the e2e test clicks it).
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    button.set_onclick(Some(reload.as_ref().unchecked_ref()));
    reload.forget();

    panel.append_child(&heading)?;
    panel.append_child(&advice)?;
    panel.append_child(&message)?;
    panel.append_child(&button)?;
    body.prepend_with_node_1(&panel)?;
    button.focus()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::describe;
    use std::panic::Location;

    #[test]
    fn names_the_message_and_the_place() {
        let here = Location::caller();
        let text = describe(Some("boom"), Some(here));
        assert_eq!(
            text,
            format!(
                "boom (at {}:{}:{})",
                here.file(),
                here.line(),
                here.column()
            )
        );
    }

    #[test]
    fn copes_with_a_panic_without_message_or_place() {
        assert_eq!(describe(None, None), "(no message)");
    }
}

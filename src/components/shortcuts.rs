//! Keyboard shortcuts for the whole page, and the dialog that lists them (`?`, or the
//! "Keyboard shortcuts" button). A key typed into a text field stays the field's.

use super::State;
use crate::host::protocol::Request;
use crate::i18n::{Msg, text, use_i18n};
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The keys and what they do, as the dialog lists them.
const SHORTCUTS: [(&str, Msg); 8] = [
    ("?", Msg::ShortcutShow),
    ("p", Msg::ShortcutPlay),
    ("n", Msg::ShortcutStep),
    ("s", Msg::ShortcutSettle),
    ("e", Msg::ShortcutEditor),
    ("c", Msg::ShortcutConsole),
    ("Ctrl+Enter", Msg::ShortcutApply),
    ("Esc", Msg::ShortcutClose),
];

/// Whether the key went to something that takes text (or a list box) and must keep it.
fn typing(ev: &KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.closest("[contenteditable]").ok().flatten().is_some()
}

fn focus(selector: &str) {
    if let Some(el) = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[component]
pub fn Shortcuts(state: State) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let opener = NodeRef::<html::Button>::new();
    let close_button = NodeRef::<html::Button>::new();
    let close = move || {
        open.set(false);
        if let Some(b) = opener.get_untracked() {
            let _ = b.focus();
        }
    };
    let handle = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            close();
            return;
        }
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing(&ev) {
            return;
        }
        let handled = match ev.key().as_str() {
            "?" => {
                open.set(true);
                true
            }
            "p" => {
                state.send(Request::TogglePlay);
                true
            }
            "n" => {
                state.send(Request::Step);
                true
            }
            "s" => {
                super::clock::settle(state);
                true
            }
            // The editor and the console prompt by their accessible names, in the page's language.
            // A long text is shown read-only, in a frame with the textbox role (editor.rs).
            "e" => {
                let name = text(i18n.lang_untracked(), Msg::Manifest);
                focus(&format!(
                    "textarea[aria-label=\"{name}\"], [role=\"textbox\"][aria-label=\"{name}\"]"
                ));
                true
            }
            "c" => {
                focus(&format!(
                    "[aria-label=\"{}\"]",
                    text(i18n.lang_untracked(), Msg::Console)
                ));
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        if open.get()
            && let Some(b) = close_button.get()
        {
            let _ = b.focus();
        }
    });

    view! {
        <button
            type="button"
            class="shortcuts-button"
            aria-keyshortcuts="?"
            aria-haspopup="dialog"
            title=i18n.tr(Msg::ShortcutsTitle)
            node_ref=opener
            on:click=move |_| open.set(true)
        >
            {i18n.tr(Msg::Shortcuts)}
        </button>
        <Show when=move || open.get()>
            <div class="dialog-backdrop" on:click=move |_| close()>
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="shortcuts-heading"
                    on:click=|ev| ev.stop_propagation()
                >
                    <h2 id="shortcuts-heading">{i18n.tr(Msg::Shortcuts)}</h2>
                    <dl class="shortcut-list">
                        {SHORTCUTS
                            .iter()
                            .map(|(key, what)| {
                                let what = *what;
                                view! { <dt><kbd>{*key}</kbd></dt> <dd>{i18n.tr(what)}</dd> }
                            })
                            .collect_view()}
                    </dl>
                    <button type="button" node_ref=close_button on:click=move |_| close()>
                        {i18n.tr(Msg::Close)}
                    </button>
                </div>
            </div>
        </Show>
    }
}

//! Keyboard shortcuts for the whole page, and the dialog that lists them (`?`, or the
//! "Keyboard shortcuts" button). A key typed into a text field stays the field's.

use super::State;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The keys and what they do, as the dialog lists them.
const SHORTCUTS: [(&str, &str); 8] = [
    ("?", "Show these shortcuts"),
    ("p", "Play / Pause the clock"),
    ("n", "Step: sim advance 1s"),
    ("s", "Settle: sim settle"),
    ("e", "Go to the Manifest editor"),
    ("c", "Go to the Console"),
    ("Ctrl+Enter", "Apply the manifest (in the editor)"),
    ("Esc", "Close this dialog"),
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
                state.act(|p| if p.playing { p.pause() } else { p.play() });
                true
            }
            "n" => {
                state.act(|p| {
                    p.step();
                });
                true
            }
            "s" => {
                super::clock::settle(state);
                true
            }
            "e" => {
                focus("textarea[aria-label=Manifest]");
                true
            }
            "c" => {
                focus("[aria-label=Console]");
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
            title="Keyboard shortcuts (?)"
            node_ref=opener
            on:click=move |_| open.set(true)
        >
            "Keyboard shortcuts"
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
                    <h2 id="shortcuts-heading">"Keyboard shortcuts"</h2>
                    <dl class="shortcut-list">
                        {SHORTCUTS
                            .iter()
                            .map(|(key, what)| view! { <dt><kbd>{*key}</kbd></dt> <dd>{*what}</dd> })
                            .collect_view()}
                    </dl>
                    <button type="button" node_ref=close_button on:click=move |_| close()>
                        "Close"
                    </button>
                </div>
            </div>
        </Show>
    }
}

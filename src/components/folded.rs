//! A `<details>` whose content is built when it is first opened. A node card's "Label / taint /
//! pressure" forms, the new node's options and the revision history are folded at first, yet
//! were built with every card: about a third of a card's elements and effects, on the path of
//! the page's first node cards (issue 22, first usable render). Once built, the content stays
//! (closed and opened again, it keeps what was typed).

use crate::i18n::{Msg, use_i18n};
use leptos::prelude::*;

#[component]
pub fn Folded(class: &'static str, summary: Msg, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let opened = RwSignal::new(false);
    view! {
        // The first toggle is the first opening: the content is built before the browser draws it.
        // Set once: a set notifies even when the value is the same, and would build it again.
        <details class=class on:toggle=move |_| if !opened.get_untracked() { opened.set(true) }>
            <summary>{i18n.tr(summary)}</summary>
            {move || opened.get().then(|| children())}
        </details>
    }
}

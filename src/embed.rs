//! Embed mode (`?embed=1`): the playground inside another page's `<iframe>`, compact: the clock,
//! the canvas and the manifest (read-only), with "Open in playground" for the full page; with a
//! lesson (`data-lesson`), its panel, the editor and the console too. It
//! reads its scenario from the fragment only (what `embed.js` writes) and never touches the
//! reader's autosave. `?lang=zh-Hant` (embed.js's `data-lang`) pins its language.

use crate::components::canvas::Canvas;
use crate::components::clock::Clock;
use crate::components::console::Console;
use crate::components::editor::Editor;
use crate::components::lesson_panel::LessonPanel;
use crate::components::notice::Notice;
use crate::components::use_state;
use crate::i18n::{Msg, Text, use_i18n};
use leptos::prelude::*;

/// Whether the page was opened in embed mode.
pub fn requested() -> bool {
    crate::address::param("embed").as_deref() == Some("1")
}

/// The full playground's address, at the same scenario.
fn full_page() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!(
                "{}{}{}",
                l.origin().ok()?,
                l.pathname().ok()?,
                l.hash().ok()?
            ))
        })
        .unwrap_or_else(|| "./".into())
}

#[component]
pub fn EmbedApp(notice: RwSignal<Option<Vec<Text>>>) -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let manifest = Memo::new(move |_| state.with(|p| p.manifest.clone()));
    let in_lesson = Memo::new(move |_| state.with(|p| p.lesson().is_some()));
    let href = RwSignal::new(String::new());
    view! {
        <header class="embed-header">
            <span class="embed-title">"DaemonSet Playground"</span>
            <a
                href=move || href.get()
                target="_blank"
                rel="noopener"
                on:click=move |_| href.set(full_page())
                on:focus=move |_| href.set(full_page())
                on:mouseenter=move |_| href.set(full_page())
            >
                {i18n.tr(Msg::OpenInPlayground)}
            </a>
        </header>
        <Notice message=notice />
        <main id="main" class="playground embed">
            <Clock />
            <Canvas />
            // A lesson needs the learner's tools: its panel, the editor and the console.
            {move || {
                if in_lesson.get() {
                    view! {
                        <LessonPanel />
                        <Editor />
                        <Console />
                    }
                        .into_any()
                } else {
                    view! {
                        <details class="embed-manifest">
                            <summary>{i18n.tr(Msg::Manifest)}</summary>
                            <pre>{move || manifest.get()}</pre>
                        </details>
                    }
                        .into_any()
                }
            }}
        </main>
    }
}

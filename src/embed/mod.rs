//! Embed mode (`?embed=1`): the playground inside another page's `<iframe>`, compact: the clock,
//! the canvas and the manifest (read-only), with "Open in playground" for the full page; with a
//! lesson (`data-lesson`), or `?readonly=0`, its panel, the editor and the console too (side by
//! side on a wide embed; on a narrow one, one of the two at a time, a tap apart). It reads its
//! scenario from the fragment only (what `embed.js` writes) and never touches the reader's
//! autosave. `?lang=zh-Hant` (embed.js's `data-lang`) pins its language, `?theme=dark|light` its
//! colours. An embed that has not played yet shows a big Play over the canvas. It talks to its
//! host page through `host`.

mod host;
mod protocol;
mod theme;

use crate::components::canvas::Canvas;
use crate::components::clock::Clock;
use crate::components::console::Console;
use crate::components::editor::Editor;
use crate::components::lesson_panel::LessonPanel;
use crate::components::notice::Notice;
use crate::components::use_state;
use crate::host::protocol::Request;
use crate::i18n::{Msg, Text, use_i18n};
use leptos::prelude::*;
use protocol::Theme;

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

/// Which of the editor and the console a narrow lesson embed shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pane {
    Editor,
    Console,
}

/// Marks the document as an embed (the stylesheets' `.embed-mode` rules) in the host's theme.
fn set_up_document() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().add_1("embed-mode");
    }
    theme::apply(Theme::from_param(crate::address::param("theme").as_deref()));
}

#[component]
pub fn EmbedApp(notice: RwSignal<Option<Vec<Text>>>) -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    set_up_document();
    // What `reset` goes back to: the link of the scenario the embed opened on.
    let initial = StoredValue::new_local(String::new());
    crate::persist::with_link(state, i18n, move |link| initial.set_value(link));
    host::connect(state, initial);
    let parts = state.parts();
    let manifest = Memo::new(move |_| parts.editor.with(|e| e.manifest.clone()));
    // A lesson needs the learner's tools; `readonly=0` (embed.js's `readonly="false"`) asks
    // for them in a plain embed too.
    let editable = crate::address::param("readonly").as_deref() == Some("0");
    let tools = Memo::new(move |_| editable || parts.lesson.with(|l| l.state.is_some()));
    // Not started: paused since it opened (embeds open paused unless data-autoplay), even if
    // its scenario already advanced the clock.
    let playing = Memo::new(move |_| parts.clock.with(|c| c.playing));
    let started = RwSignal::new(false);
    Effect::new(move |_| {
        if playing.get() {
            started.set(true);
        }
    });
    let unstarted = Memo::new(move |_| !started.get() && !playing.get());
    let pane = RwSignal::new(Pane::Editor);
    let pane_button = move |which: Pane, label: Msg| {
        view! {
            <button
                type="button"
                aria-pressed=move || if pane.get() == which { "true" } else { "false" }
                on:click=move |_| pane.set(which)
            >
                {i18n.tr(label)}
            </button>
        }
    };
    let href = RwSignal::new(String::new());
    view! {
        <header class="embed-header">
            <h1 class="embed-title">"DaemonSet Playground"</h1>
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
            <div class="embed-stage">
                <Canvas />
                <Show when=move || unstarted.get()>
                    <button
                        type="button"
                        class="embed-start"
                        title=i18n.tr(Msg::PlayTitle)
                        on:click=move |_| {
                            state.send(Request::Play);
                        }
                    >
                        <span aria-hidden="true">"▶ "</span>
                        {i18n.tr(Msg::Play)}
                    </button>
                </Show>
            </div>
            {move || {
                if tools.get() {
                    view! {
                        <LessonPanel />
                        <div class="embed-panes" role="group" aria-label=i18n.tr(Msg::JumpTo)>
                            {pane_button(Pane::Editor, Msg::Manifest)}
                            {pane_button(Pane::Console, Msg::Console)}
                        </div>
                        <div class="embed-tools">
                            <div class="embed-pane" class:shown=move || pane.get() == Pane::Editor>
                                <Editor />
                            </div>
                            <div class="embed-pane" class:shown=move || pane.get() == Pane::Console>
                                <Console />
                            </div>
                        </div>
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

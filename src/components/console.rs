//! The console: a kubectl prompt (Enter runs the line, Up/Down walk the history) over a terminal
//! transcript of every command run, the buttons' and forms' included.

use super::use_state;
use crate::i18n::{Msg, use_i18n};
use crate::playground::Entry;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Console() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    // The transcript only grows at its end and loses entries at its start: its first and last
    // ids tell when it changed, without comparing it whole at every clock tick.
    let version = Memo::new(move |_| {
        state.with(|p| {
            let t = p.transcript();
            (t.first().map(|e| e.id), t.last().map(|e| e.id))
        })
    });
    let entries = Memo::new(move |_| {
        let _ = version.get();
        state.with_untracked(|p| p.transcript().to_vec())
    });
    let input = RwSignal::new(String::new());
    let terminal = NodeRef::<html::Div>::new();

    // Keep the newest output in view.
    Effect::new(move |_| {
        let _ = version.get();
        if let Some(el) = terminal.get() {
            el.set_scroll_top(el.scroll_height());
        }
    });

    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            let line = input.get_untracked();
            state.act(|p| p.console(&line));
            input.set(String::new());
        }
        "ArrowUp" => {
            ev.prevent_default();
            let current = input.get_untracked();
            if let Some(line) = state.act(|p| p.history.older(&current)) {
                input.set(line);
            }
        }
        "ArrowDown" => {
            ev.prevent_default();
            if let Some(line) = state.act(|p| p.history.newer()) {
                input.set(line);
            }
        }
        _ => {}
    };

    view! {
        <section class="panel console" aria-labelledby="console-heading">
            <div class="panel-head">
                <h2 id="console-heading">{i18n.tr(Msg::Console)}</h2>
                <span class="hint">{i18n.tr(Msg::ConsoleHint)}</span>
                <button type="button" on:click=move |_| state.act(|p| p.clear_transcript())>
                    {i18n.tr(Msg::Clear)}
                </button>
            </div>
            <div class="terminal" role="log" aria-label=i18n.tr(Msg::ConsoleTranscript) tabindex="0" node_ref=terminal>
                <For each=move || entries.get() key=|e| e.id let(entry)>
                    <TranscriptEntry entry=entry />
                </For>
            </div>
            <div class="prompt-line">
                <span class="prompt" aria-hidden="true">
                    "$"
                </span>
                <input
                    type="text"
                    aria-label=i18n.tr(Msg::Console)
                    placeholder="kubectl get pods -A -o wide"
                    spellcheck="false"
                    autocapitalize="off"
                    autocomplete="off"
                    prop:value=move || input.get()
                    on:input=move |ev| input.set(event_target_value(&ev))
                    on:keydown=on_keydown
                />
            </div>
        </section>
    }
}

/// One command of the transcript: `$ command`, its standard input folded, and its output.
#[component]
fn TranscriptEntry(entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let stdin = entry.stdin.map(|text| {
        let lines = text.lines().count();
        let summary = move || {
            if lines == 1 {
                i18n.t(Msg::StdinOne).to_string()
            } else {
                i18n.f(Msg::StdinMany, &[("n", &lines)])
            }
        };
        view! {
            <details class="stdin">
                <summary>{summary}</summary>
                <pre>{text}</pre>
            </details>
        }
    });
    view! {
        <div class="entry" class:error=entry.is_error>
            <pre class="command">
                <span class="prompt" aria-hidden="true">
                    "$ "
                </span>
                {entry.command}
            </pre>
            {stdin}
            <pre class="output">{entry.output}</pre>
        </div>
    }
}

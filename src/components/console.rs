//! The console: a kubectl prompt over a terminal transcript of every command run, the buttons'
//! and forms' included. Enter runs the box (a pasted script of several lines runs all of it),
//! Shift+Enter starts a new line, Up/Down walk the history of one-line commands. A script can
//! also be loaded into the script player above the prompt and played one command at a time.

use super::use_state;
use crate::host::protocol::{Reply, Request};
use crate::i18n::{Msg, use_i18n};
use crate::playground::{Entry, player};
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Console() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    // The transcript part is sent only when an entry came or went (`crate::host`).
    let entries = state.parts().transcript;
    let input = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let terminal = NodeRef::<html::Div>::new();
    let player = state.parts().player;
    let has_player = Memo::new(move |_| player.with(Option::is_some));
    let several_lines = Memo::new(move |_| input.with(|t| t.trim().contains('\n')));

    // Keep the newest output in view.
    Effect::new(move |_| {
        entries.with(|_| ());
        super::scroll_to_end_next_frame(terminal);
    });

    let step_through = move || {
        let script = input.get_untracked();
        state.ask(Request::LoadScript { script }, move |reply| match reply {
            Reply::Loaded(Ok(())) => {
                input.set(String::new());
                error.set(None);
            }
            Reply::Loaded(Err(e)) => {
                error.set(Some(i18n.f(Msg::ScriptNothingRan, &[("error", &e)])))
            }
            _ => {}
        });
    };
    let submit = move || {
        let line = input.get_untracked();
        if line.trim().is_empty() {
            // Enter in an empty console plays a loaded script's next command.
            state.send(Request::NextStep);
            return;
        }
        if line.trim().contains('\n') {
            state.ask(
                Request::RunScript { script: line },
                move |reply| match reply {
                    Reply::Loaded(Ok(())) => {
                        input.set(String::new());
                        error.set(None);
                        state.drive_work();
                    }
                    Reply::Loaded(Err(e)) => {
                        error.set(Some(i18n.f(Msg::ScriptNothingRan, &[("error", &e)])))
                    }
                    _ => {}
                },
            );
            return;
        }
        state.history().update_value(|h| h.remember(&line));
        state.send(Request::Console { line });
        input.set(String::new());
        error.set(None);
    };

    let on_keydown = move |ev: KeyboardEvent| {
        let one_line = input.with_untracked(|t| !t.contains('\n'));
        match ev.key().as_str() {
            "Enter" if !ev.shift_key() && !ev.is_composing() => {
                // An open here-document: Enter goes on to its next line, as a shell's does.
                if input.with_untracked(|t| player::needs_more(t)) {
                    return;
                }
                ev.prevent_default();
                submit();
            }
            "ArrowUp" if one_line => {
                ev.prevent_default();
                let current = input.get_untracked();
                if let Some(line) = state
                    .history()
                    .try_update_value(|h| h.older(&current))
                    .flatten()
                {
                    input.set(line);
                }
            }
            "ArrowDown" if one_line => {
                ev.prevent_default();
                if let Some(line) = state.history().try_update_value(|h| h.newer()).flatten() {
                    input.set(line);
                }
            }
            _ => {}
        }
    };
    // More than the engine reads is refused before it reaches the box (as Enter would refuse
    // it): laying out a million lines in a textarea would freeze the page.
    let on_beforeinput = move |ev: web_sys::InputEvent| {
        let incoming = ev.data().or_else(|| {
            ev.data_transfer()
                .and_then(|d| d.get_data("text/plain").ok())
        });
        if let Some(text) = incoming
            && text.len() > dsplay_engine::runner::MAX_SCRIPT_BYTES
        {
            ev.prevent_default();
            state.send(Request::Console { line: text });
        }
    };
    let rows = move || input.with(|t| t.lines().count().clamp(1, 8)).to_string();

    view! {
        <section class="panel console" aria-labelledby="console-heading">
            <div class="panel-head">
                <h2 id="console-heading">{i18n.tr(Msg::Console)}</h2>
                <span class="hint">{i18n.tr(Msg::ConsoleHint)}</span>
                <button type="button" on:click=move |_| {
                    state.send(Request::ClearTranscript);
                }>
                    {i18n.tr(Msg::Clear)}
                </button>
            </div>
            <div class="terminal" role="log" aria-label=i18n.tr(Msg::ConsoleTranscript) tabindex="0" node_ref=terminal>
                <For each=move || entries.get() key=|e| e.id let(entry)>
                    <TranscriptEntry entry=entry />
                </For>
            </div>
            <Show when=move || has_player.get()>
                <ScriptPlayer />
            </Show>
            <div class="prompt-line">
                <span class="prompt" aria-hidden="true">
                    "$"
                </span>
                <textarea
                    aria-label=i18n.tr(Msg::Console)
                    placeholder="kubectl get pods -A -o wide"
                    spellcheck="false"
                    autocapitalize="off"
                    autocomplete="off"
                    rows=rows
                    prop:value=move || input.get()
                    on:beforeinput=on_beforeinput
                    on:input=move |ev| input.set(event_target_value(&ev))
                    on:keydown=on_keydown
                ></textarea>
                <Show when=move || several_lines.get()>
                    <button type="button" title=i18n.tr(Msg::StepThroughTitle) on:click=move |_| step_through()>
                        {i18n.tr(Msg::StepThrough)}
                    </button>
                </Show>
            </div>
            {move || error.get().map(|e| view! { <p class="script-error" role="alert">{e}</p> })}
        </section>
    }
}

/// What the player's head shows: where the script is.
#[derive(Clone, PartialEq, Eq)]
struct Progress {
    serial: u64,
    position: usize,
    len: usize,
    running: bool,
}

/// The loaded script: its commands, the next one highlighted, with Next step, Run all and Stop.
#[component]
fn ScriptPlayer() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let stdin_lines = move |n: usize| {
        if n == 1 {
            i18n.t(Msg::StdinLinesOne).to_string()
        } else {
            i18n.f(Msg::StdinLinesMany, &[("n", &n)])
        }
    };
    let player = state.parts().player;
    let progress = Memo::new(move |_| {
        player.with(|p| {
            p.as_ref().map(|p| Progress {
                serial: p.serial,
                position: p.position,
                len: p.len,
                running: p.running,
            })
        })
    });
    // The listed commands change only with the script or its window, not at every tick.
    let rows =
        Memo::new(move |_| player.with(|p| p.as_ref().map(|p| p.rows.clone()).unwrap_or_default()));
    let serial = move || progress.with(|p| p.as_ref().map_or(0, |p| p.serial));
    let position = Memo::new(move |_| progress.with(|p| p.as_ref().map_or(0, |p| p.position)));
    let done = move || progress.with(|p| p.as_ref().is_none_or(|p| p.position >= p.len));
    let running = move || progress.with(|p| p.as_ref().is_some_and(|p| p.running));
    let status = move || {
        progress.with(|p| match p {
            Some(p) if p.position >= p.len => i18n.f(Msg::ScriptDone, &[("len", &p.len)]),
            Some(p) => i18n.f(
                Msg::ScriptProgress,
                &[
                    ("next", &(p.position + 1)),
                    ("len", &p.len),
                    ("remaining", &(p.len - p.position)),
                ],
            ),
            None => String::new(),
        })
    };
    let list = NodeRef::<html::Ol>::new();

    // Keep the next command in view in the list (without scrolling the page).
    Effect::new(move |_| {
        let _ = position.get();
        let _ = rows.with(Vec::len);
        let Some(list) = list.get() else { return };
        use wasm_bindgen::JsCast;
        let Some(current) = list
            .query_selector("[aria-current=step]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let (top, height) = (current.offset_top(), current.offset_height());
        let (scroll, view) = (list.scroll_top(), list.client_height());
        if top < scroll {
            list.set_scroll_top(top);
        } else if top + height > scroll + view {
            list.set_scroll_top(top + height - view);
        }
    });

    view! {
        <div class="script-player" role="region" aria-label=i18n.tr(Msg::Script)>
            <div class="script-head">
                <span class="script-status" aria-live="polite">
                    {status}
                </span>
                <button
                    type="button"
                    class="primary"
                    title=i18n.tr(Msg::NextStepTitle)
                    disabled=move || done() || running()
                    on:click=move |_| {
                        state.send(Request::NextStep);
                    }
                >
                    {i18n.tr(Msg::NextStep)}
                </button>
                <button
                    type="button"
                    disabled=move || done() || running()
                    on:click=move |_| {
                        state.send(Request::RunAll);
                        state.drive_work();
                    }
                >
                    {i18n.tr(Msg::RunAll)}
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        state.send(Request::StopScript);
                    }
                >
                    {move || i18n.t(if done() { Msg::Close } else { Msg::Stop })}
                </button>
            </div>
            <ol class="script-steps" aria-label=i18n.tr(Msg::ScriptCommands) node_ref=list>
                <For each=move || rows.get() key=move |r| (serial(), r.index) let(row)>
                    <li
                        class:done=move || row.index < position.get()
                        class:current=move || row.index == position.get()
                        aria-current=move || (row.index == position.get()).then_some("step")
                    >
                        <span class="step-line" aria-hidden="true">
                            {row.line}
                        </span>
                        <span class="step-body">
                            {row.comment.clone().map(|c| view! { <span class="step-comment">{c}</span> })}
                            <code>{row.text.clone()}</code>
                            {(row.stdin_lines > 0)
                                .then(|| view! { <span class="step-stdin">{stdin_lines(row.stdin_lines)}</span> })}
                        </span>
                    </li>
                </For>
            </ol>
        </div>
    }
}

/// One command of the transcript: `$ command`, its standard input folded, and its output.
#[component]
fn TranscriptEntry(entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let lines = entry.stdin_lines;
    let stdin = entry.stdin.map(|text| {
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
            <pre class="output">{output(entry.output)}</pre>
        </div>
    }
}

/// Lines of an output drawn as one block (`style/main.css` sizes a block by this count).
const BLOCK_LINES: usize = 200;

/// An output as its text or, when long, as blocks of [`BLOCK_LINES`] lines the browser lays out
/// only when they are scrolled into view (`content-visibility: auto`): the 10,000 lines a
/// pasted NodeList's Apply prints were one text laid out at once, the longest task of the
/// page's main thread in a 10,000-node settle (112–324 ms under load, issue 22's settle bench).
fn output(text: String) -> impl IntoView {
    let blocks = blocks(&text, BLOCK_LINES);
    if blocks.len() < 3 {
        return leptos::either::Either::Left(text);
    }
    let last = blocks.len() - 1;
    leptos::either::Either::Right(
        blocks
            .into_iter()
            .enumerate()
            .map(|(i, b)| view! { <span class="block" class:sized=i < last>{b.to_string()}</span> })
            .collect_view(),
    )
}

/// `text` cut after every `n`th line; each piece but the last without its final line break,
/// which the block's end gives (a copied or `innerText` selection gets one line break there).
fn blocks(text: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let cut = rest
            .match_indices('\n')
            .nth(n - 1)
            .map(|(i, _)| i)
            .filter(|&i| i + 1 < rest.len());
        let Some(i) = cut else {
            out.push(rest);
            break;
        };
        out.push(&rest[..i]);
        rest = &rest[i + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::blocks;

    /// Blocks of n lines, joined by line breaks, give the text back; the last keeps the text's
    /// own ending; a text of n lines or fewer is one block.
    #[test]
    fn blocks_of_n_lines_join_to_the_text() {
        let text: String = (0..7).map(|i| format!("node/n{i} created\n")).collect();
        let got = blocks(&text, 3);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], "node/n0 created\nnode/n1 created\nnode/n2 created");
        assert_eq!(got[2], "node/n6 created\n");
        assert_eq!(got.join("\n"), text);
        let six: String = text.lines().take(6).map(|l| format!("{l}\n")).collect();
        assert_eq!(blocks(&six, 3).len(), 2);
        assert_eq!(blocks(&six, 3).join("\n"), six);
        assert_eq!(blocks("a\nb", 3), vec!["a\nb"]);
        assert!(blocks("", 3).is_empty());
        let unended = "a\nb\nc\nd";
        assert_eq!(blocks(unended, 2), vec!["a\nb", "c\nd"]);
    }
}

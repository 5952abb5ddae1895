//! The manifest editor: a textarea with line numbers, Apply (button and Ctrl/Cmd-Enter), and the
//! error of the last Apply under it, marked at the line it names. The text is the model's and is
//! never replaced by an Apply, failed or not.

use super::use_state;
use crate::host::protocol::Request;
use crate::i18n::{Msg, Text, use_i18n};
use crate::playground::highlight::{Token, highlight_line};
use leptos::either::Either;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use web_sys::{ScrollIntoViewOptions, ScrollLogicalPosition};

/// Above this many lines the text is shown without colours, and the line numbers as one text:
/// a pasted `kubectl get nodes -o yaml` of a thousand nodes must not cost a hundred thousand
/// elements at every keystroke.
const HIGHLIGHT_LINES: usize = 1_500;

/// The offsets (UTF-16, as the DOM counts) where line `line` (1-based) of `text` starts and ends.
fn line_range(text: &str, line: usize) -> (u32, u32) {
    let mut start = 0u32;
    for (i, l) in text.split('\n').enumerate() {
        let len = l.encode_utf16().count() as u32;
        if i + 1 == line {
            return (start, start + len);
        }
        start += len + 1;
    }
    (start, start)
}

#[component]
pub fn Editor() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let editor = state.parts().editor;
    let text = Memo::new(move |_| editor.with(|e| e.manifest.clone()));
    let error = Memo::new(move |_| editor.with(|e| e.apply_error.clone()));
    let error_line = Memo::new(move |_| error.with(|e| e.as_ref().and_then(|e| e.line)));
    let line_count = Memo::new(move |_| text.with(|t| t.split('\n').count()));
    let textarea = NodeRef::<html::Textarea>::new();
    let gutter = NodeRef::<html::Div>::new();

    let apply = move || {
        state.send(Request::ApplyManifest);
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            apply();
        }
    };
    let show_line = move |line: usize| {
        let Some(area) = textarea.get() else { return };
        let (start, end) = text.with_untracked(|t| line_range(t, line));
        let _ = area.focus();
        let _ = area.set_selection_range(start, end);
        // The line "Show line" names is the error's, the one marked element of the gutter.
        if let Some(mark) = gutter
            .get()
            .and_then(|g| g.query_selector(".error-line").ok().flatten())
        {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Center);
            mark.scroll_into_view_with_scroll_into_view_options(&options);
        }
    };

    view! {
            <section class="panel editor" aria-labelledby="editor-heading">
                <div class="panel-head">
                    <h2 id="editor-heading">{i18n.tr(Msg::Manifest)}</h2>
                    <span class="hint">{i18n.tr(Msg::ManifestHint)}</span>
                    <button
                        type="button"
                        class="primary"
                        aria-keyshortcuts="Control+Enter Meta+Enter"
                        title="kubectl apply -f - (Ctrl+Enter)"
                        on:click=move |_| apply()
                    >
                        {i18n.tr(Msg::Apply)}
                    </button>
                </div>
                <div class="editor-frame" class:has-error=move || error.with(Option::is_some)>
                    <div class="gutter" aria-hidden="true" node_ref=gutter>
                        {move || gutter_numbers(line_count.get(), error_line.get())}
                    </div>
    <div class="code">
                        <pre class="highlight" aria-hidden="true">
                            {move || {
                                let marked = error_line.get();
                                text.with(|t| {
                                    if line_count.get() > HIGHLIGHT_LINES {
                                        Either::Right(format!("{t} "))
                                    } else {
                                        Either::Left(coloured(t, marked))
                                    }
                                })
                            }}
                        </pre>
                    <textarea
                            aria-label=i18n.tr(Msg::Manifest)
                            aria-describedby="editor-error"
                            aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                            spellcheck="false"
                            autocapitalize="off"
                            autocomplete="off"
                            wrap="off"
                            rows=move || line_count.get() + 1
                            node_ref=textarea
                            prop:value=move || text.get()
                            on:input=move |ev| {
                                let value = event_target_value(&ev);
                                state.edit_manifest(value);
                            }
                            on:keydown=on_keydown
                        ></textarea>
                    </div>
                </div>
                <div id="editor-error" class="apply-error" role="alert">
                    {move || {
                        error
                            .get()
                            .map(|e| {
                                let line = e.line;
                                view! {
                                    <p class="apply-error-head">
                                        <span>{i18n.tr(Msg::ApplyFailed)}</span>
                                        {line
                                            .map(|n| {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="link"
                                                        on:click=move |_| show_line(n)
                                                    >
                                                        {i18n.tr_text(Text::new(Msg::ShowLine).arg("line", n))}
                                                    </button>
                                                }
                                            })}
                                    </p>
                                    <pre>{e.message}</pre>
                                }
                            })
                    }}
                </div>
            </section>
        }
}

/// The line numbers, one a line, the `marked` one in its own element (the error marker, and
/// the element "Show line" scrolls to). Beyond [`HIGHLIGHT_LINES`] the others are one text.
fn gutter_numbers(count: usize, marked: Option<usize>) -> impl IntoView + use<> {
    if count <= HIGHLIGHT_LINES {
        return Either::Left(
            (1..=count)
                .map(|n| view! { <span class:error-line=marked == Some(n)>{n}</span> })
                .collect_view(),
        );
    }
    let joined = |range: std::ops::RangeInclusive<usize>| {
        range.map(|n| n.to_string()).collect::<Vec<_>>().join("\n")
    };
    let view = match marked.filter(|m| *m <= count) {
        Some(m) => (
            joined(1..=m - 1),
            Some(view! { <span class="error-line">{m}</span> }),
            joined(m + 1..=count),
        ),
        None => (joined(1..=count), None, String::new()),
    };
    Either::Right(
        view! { <span class="plain-lines">{view.0}</span> {view.1} <span class="plain-lines">{view.2}</span> },
    )
}

/// The text, coloured, one span per line; the line `marked` is underlined as the error's. A
/// trailing blank keeps a last empty line as tall as the textarea's.
fn coloured(text: &str, marked: Option<usize>) -> impl IntoView + use<> {
    let lines = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            let pieces = highlight_line(line)
                .into_iter()
                .map(|(token, piece)| {
                    let piece = piece.to_string();
                    match token {
                        Token::Plain => piece.into_any(),
                        _ => view! { <span class=token.class()>{piece}</span> }.into_any(),
                    }
                })
                .collect_view();
            let newline = if i == 0 { "" } else { "\n" };
            view! { {newline} <span class="line" class:error-line=marked == Some(i + 1)>{pieces}</span> }
        })
        .collect_view();
    view! { {lines} " " }
}

#[cfg(test)]
mod tests {
    use super::line_range;

    #[test]
    fn line_ranges_count_utf16_units() {
        let text = "a: 1\nb: é𝄞\nc";
        assert_eq!(line_range(text, 1), (0, 4));
        assert_eq!(line_range(text, 2), (5, 11));
        assert_eq!(line_range(text, 3), (12, 13));
        assert_eq!(line_range(text, 9), (14, 14));
    }
}

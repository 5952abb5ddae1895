//! The manifest editor: a textarea with line numbers, Apply (button and Ctrl/Cmd-Enter), and the
//! error of the last Apply under it, marked at the line it names. The text is the model's and is
//! never replaced by an Apply, failed or not. A very long text (a pasted `kubectl get nodes -o
//! yaml`) is shown read-only, without the textarea, until the reader chooses to edit it.

mod layers;
mod lines;
mod megabytes;

use super::{css_number, use_state};
use crate::host::protocol::Request;
use crate::i18n::{Msg, Text, use_i18n};
use layers::{coloured, digits, gutter_numbers};
use leptos::either::Either;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use lines::{LineIndex, replace_utf16, window};
use megabytes::megabytes;
use web_sys::{ScrollIntoViewOptions, ScrollLogicalPosition};

/// Above this many bytes the text is shown read-only, without the textarea: Chromium lays out
/// and paints a textarea's whole text, however little of it is in view, and a pasted NodeList
/// of 10,000 nodes (1.1 MB, 80,000 lines) cost the tab about 340 MB in the textarea alone. A
/// NodeList of about 2,000 nodes still opens in the textarea.
const LARGE_TEXT: usize = 256 * 1024;

/// A paste above this many bytes into a long text being edited still goes to the model: the
/// browser's own paste of a 500-node NodeList (57 KB) took about a second in the frame-rate
/// bench, and the time grows faster than the text.
const LARGE_PASTE: usize = 64 * 1024;

/// A line's height before the layers' lines are measured: 0.8rem × 1.45 at 16 px, as Chromium
/// stacks lines (18.56 px down to a 1/64 px).
const LINE_PX_GUESS: f64 = 18.546875;

/// The frame's height in view before it is measured (its max-height, 26rem).
const VIEW_PX_GUESS: f64 = 416.0;

/// The text's padding above its first line (0.5rem).
const PAD_PX: f64 = 8.0;

/// Where the frame is scrolled, and how tall the lines are: what decides the lines drawn.
#[derive(Clone, Copy, PartialEq)]
struct Viewport {
    top: f64,
    height: f64,
    line_px: f64,
}

#[component]
pub fn Editor() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let editor = state.parts().editor;
    let text = Memo::new(move |_| editor.with(|e| e.manifest.clone()));
    let error = Memo::new(move |_| editor.with(|e| e.apply_error.clone()));
    let error_line = Memo::new(move |_| error.with(|e| e.as_ref().and_then(|e| e.line)));
    let index = Memo::new(move |_| text.with(|t| LineIndex::new(t)));
    let line_count = Memo::new(move |_| index.with(LineIndex::count));
    let large = Memo::new(move |_| text.with(String::len) > LARGE_TEXT);
    let edit_anyway = RwSignal::new(false);
    let read_only = Memo::new(move |_| large.get() && !edit_anyway.get());
    // A short text again: the next long one opens read-only too.
    Effect::new(move |_| {
        if !large.get() {
            edit_anyway.set(false);
        }
    });
    let textarea = NodeRef::<html::Textarea>::new();
    let frame = NodeRef::<html::Div>::new();
    let gutter = NodeRef::<html::Div>::new();
    let numbers = NodeRef::<html::Div>::new();
    let viewport = RwSignal::new(Viewport {
        top: 0.0,
        height: VIEW_PX_GUESS,
        line_px: LINE_PX_GUESS,
    });
    let shown = Memo::new(move |_| {
        let v = viewport.get();
        window(v.top - PAD_PX, v.height, v.line_px, line_count.get())
    });
    // Where the drawn lines start in the layers: as far down as the lines above them.
    let offset = move || {
        let px = shown.get().start as f64 * viewport.with(|v| v.line_px);
        format!("translateY({}px)", css_number(px))
    };
    let measure = move || {
        let Some(f) = frame.get_untracked() else {
            return;
        };
        let mut v = viewport.get_untracked();
        v.top = f64::from(f.scroll_top());
        v.height = f64::from(f.client_height());
        // The drawn line numbers, one block each, are as tall as the textarea's lines: their
        // height over their count is the line height, to the layout's 1/64 px.
        if let Some(n) = numbers.get_untracked() {
            let drawn = n.child_element_count();
            if drawn >= 10 {
                v.line_px = n.get_bounding_client_rect().height() / f64::from(drawn);
            }
        }
        if v != viewport.get_untracked() {
            viewport.set(v);
        }
    };
    // The layers, and the textarea or its stand-in, as tall as the textarea's rows (a line more
    // than the text).
    let full_height = move || {
        let lines = (line_count.get() + 1) as f64;
        format!(
            "{}px",
            css_number(lines * viewport.with(|v| v.line_px) + 2.0 * PAD_PX)
        )
    };
    // A paste that made the text long took the textarea, and the focus with it: the read-only
    // frame takes it (Ctrl/Cmd-Enter still applies).
    Effect::new(move |was: Option<bool>| {
        let now = read_only.get();
        if now && was == Some(false) {
            // The textarea taken out is still referenced (by `textarea`): emptied, it lets go
            // of the long text and the nodes Chromium made of its lines (about 120,000 for
            // 80,000 lines). The model keeps the text.
            if let Some(area) = textarea.get_untracked() {
                area.set_value("");
            }
            // Once the frame is drawn focusable and the textarea gone. The new text from its
            // first line: the frame kept the old text's scroll (where the caret was).
            request_animation_frame(move || {
                let body: Option<web_sys::Element> = document().body().map(Into::into);
                let lost = document().active_element().is_none_or(|e| Some(e) == body);
                if let Some(f) = frame.get_untracked() {
                    f.set_scroll_top(0);
                    if lost {
                        let _ = f.focus();
                    }
                }
            });
        }
        now
    });
    // A paste that makes the text long goes to the model, not through the textarea: Chromium
    // inserts a pasted text a node per line, and 80,000 lines took minutes before the editor
    // could show them read-only. A shorter paste is the browser's own (and can be undone), and
    // so is a short one into a long text the reader chose to edit.
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(pasted) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) else {
            return;
        };
        if edit_anyway.get_untracked() && pasted.len() <= LARGE_PASTE {
            return;
        }
        let area: web_sys::HtmlTextAreaElement = event_target(&ev);
        let value = area.value();
        if value.len() + pasted.len() <= LARGE_TEXT {
            return;
        }
        let start = area.selection_start().ok().flatten().unwrap_or(0);
        let end = area.selection_end().ok().flatten().unwrap_or(start);
        // As a textarea takes it: line breaks as newlines.
        let pasted = pasted.replace("\r\n", "\n").replace('\r', "\n");
        let text = replace_utf16(&value, start, end, &pasted);
        if text.len() > LARGE_TEXT {
            ev.prevent_default();
            state.edit_manifest(text);
        }
    };
    let edit = move |_| {
        edit_anyway.set(true);
        request_animation_frame(move || {
            if let Some(area) = textarea.get_untracked() {
                let _ = area.focus();
            }
        });
    };
    // Measured again whenever other lines were drawn (the frame's height and the font may have
    // changed with the text or the page's width), at the next frame: read at once, the frame's
    // scroll makes the browser lay out the whole page there and then, and again when it draws
    // (at mount, that held the first answer's node cards behind a layout of the page without
    // them).
    Effect::new(move |_| {
        shown.track();
        request_animation_frame(measure);
    });

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
        match textarea.get().filter(|_| !read_only.get_untracked()) {
            Some(area) => {
                let (start, end) =
                    text.with_untracked(|t| index.with_untracked(|i| i.utf16_range(t, line)));
                let _ = area.focus();
                let _ = area.set_selection_range(start, end);
            }
            None => {
                if let Some(f) = frame.get() {
                    let _ = f.focus();
                }
            }
        }
        // The line in the middle of the frame; once it is drawn, its marker (the one marked
        // element of the gutter) brings the frame into the page's view.
        if let Some(f) = frame.get() {
            let line_px = viewport.with_untracked(|v| v.line_px);
            let y = PAD_PX + (line.max(1) - 1) as f64 * line_px;
            let middle = y - (f64::from(f.client_height()) - line_px) / 2.0;
            f.set_scroll_top(middle.max(0.0) as i32);
            measure();
        }
        request_animation_frame(move || {
            if let Some(mark) = gutter
                .get_untracked()
                .and_then(|g| g.query_selector(".error-line").ok().flatten())
            {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Center);
                mark.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
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
            <Show when=move || read_only.get()>
                <p id="editor-large" class="editor-large">
                    {move || {
                        let size = format!("{} MB", megabytes(text.with(String::len)));
                        i18n.f(Msg::LargeManifest, &[("size", &size), ("lines", &line_count.get())])
                    }}
                    " "
                    <button type="button" class="link" on:click=edit>
                        {i18n.tr(Msg::EditAnyway)}
                    </button>
                </p>
            </Show>
            <div
                class="editor-frame"
                class:has-error=move || error.with(Option::is_some)
                node_ref=frame
                on:scroll=move |_| measure()
                on:keydown=on_keydown
                // Read-only, the frame is the text's element: focusable, scrolled by keys.
                tabindex=move || read_only.get().then_some("0")
                role=move || read_only.get().then_some("textbox")
                aria-readonly=move || read_only.get().then_some("true")
                aria-multiline=move || read_only.get().then_some("true")
                aria-label=move || read_only.get().then(|| i18n.t(Msg::Manifest))
                aria-describedby=move || read_only.get().then_some("editor-large editor-error")
            >
                <div
                    class="gutter"
                    aria-hidden="true"
                    node_ref=gutter
                    style:min-width=move || format!("calc({}ch + 1.2rem)", digits(line_count.get()))
                    style:height=full_height
                >
                    <div class="drawn-lines" node_ref=numbers style:transform=offset>
                        {move || gutter_numbers(shown.get(), error_line.get())}
                    </div>
                </div>
                <div class="code">
                    <pre
                        class="highlight"
                        aria-hidden="true"
                        style:min-width=move || format!("{}ch", index.with(LineIndex::widest) + 1)
                    >
                        <div class="drawn-lines" style:transform=offset>
                            {move || {
                                let marked = error_line.get();
                                let lines = shown.get();
                                text.with(|t| index.with(|i| coloured(t, i, lines, marked)))
                            }}
                        </div>
                    </pre>
                    {move || {
                        if read_only.get() {
                            Either::Left(view! { <div class="text-height" style:height=full_height></div> })
                        } else {
                            Either::Right(view! {
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
                                on:paste=on_paste
                                on:input=move |ev| {
                                    let value = event_target_value(&ev);
                                    // A text made long here (a drop, a script setting the
                                    // value) is shown read-only at once: until the model's
                                    // echo, Chromium would lay out each of its lines in the
                                    // textarea (~200 MB for 80,000), kept until the page
                                    // collects its garbage long after (issue 20).
                                    if value.len() > LARGE_TEXT && !edit_anyway.get_untracked() {
                                        let edit = state.edit_ahead(value.clone());
                                        state.send(Request::EditManifest { text: value, edit });
                                    } else {
                                        state.edit_manifest(value);
                                    }
                                }
                            ></textarea>
                            })
                        }
                    }}
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
